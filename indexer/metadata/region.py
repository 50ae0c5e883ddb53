"""Where a report comes from, decided by what speaks for the issuer, never by places the body of
the report merely mentions.

Evidence, strongest first: the title; the signature; the 发文机构 field; a place in the opening
lines that names a government body (本报告由淮安市人民政府办公室…编制), opens the report's own
name (特向社会公开2016年浦江县花桥乡信息公开年度报告) or opens a sentence as its
subject (2022年，乌鲁木齐市坚持…, as the 总体情况 of the 2019 template begins; 兴庆区坚持… at the
start of a line); then the place a contact address in the opening lines starts with
(地址：铜鼓县永宁镇…); then a government body of the report's own level (我区, 区政府 → a 区)
anywhere in it; last, the government whose website the report says it is published on
(通过乌兰浩特市政务公开网公开, 越秀区门户网站), when only one is named. A title that names no
place but a level (自治区北部湾办, 市卫生健康委) caps what the weaker evidence finds at that level,
and a central body's title (国家税务总局) leaves the report without a region: the address of its
office in a capital is not its place (:mod:`indexer.metadata.level`). The first of these that
names a known division decides; a run of names (长春市朝阳区, 江苏省鼓楼区) narrows itself, and
the other places in the title, signature and opening lines (cited document titles included)
settle a name several divisions share (a 长春 mention for a 朝阳区 report), as does the year the
report covers (a division abolished before it is not meant). When they cannot, only the levels
all candidates agree on are kept, possibly none. A department's report gets its government's
region, completed upwards from the code. Names that are no division (沐阳县, an OCR slip for
沭阳县; xx县) decide nothing, so such reports stay unknown rather than guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from indexer.gazetteer import Division, Gazetteer, Mention, settle
from indexer.gazetteer.matcher import ZONE_AFTER
from indexer.metadata.corroboration import agreeing, coded_divisions, confirmed
from indexer.metadata.level import cap_region, title_level
from indexer.metadata.places import chain, chain_end, first_place, mentions_in
from indexer.models import Region

_BODY_AFTER = re.compile(
    r"(?:(?!关于|的)[\u4e00-\u9fff]){0,10}?"
    r"(?:(?:人民政府|政府)(?!信息)|局|厅|委员会|委|办公室|办公厅|管委会|中心|领导小组)"
)
"""A government body's name going on after a place (…人民政府, …发展和改革局, …县委); not the
term 政府信息 (四川省政府信息公开目录管理系统 is a system of the province's, no body), unless a
body follows it (…县政府信息公开领导小组)."""
_REPORT_AFTER = re.compile(
    r"(?:(?!关于|的)[\u4e00-\u9fff]){0,8}?(?:政府|政务)?信息公开(?:工作)?(?:年度)?报告"
    r"(?!制度|格式|编制|的?通知|工作的?通知)"
)
"""A place opening the report's own name, written out in the opening lines without 《》:
特向社会公开2016年浦江县花桥乡信息公开年度报告 (the township is no division, its county is);
not a rule or a template about such reports (…年度报告制度, …年度报告格式)."""
_SUBJECT_BEFORE = re.compile(
    r"(?:[。；;][\s\u3000]*(?:19|20)\d\d\s*年度?\s*[，,]?\s*"
    r"|^[\s\u3000]*(?:(?:19|20)\d\d\s*年度?\s*[，,]?\s*)?)$",
    re.M,
)
"""What precedes a place that is the subject of its sentence: 2022年，乌鲁木齐市坚持… (after a
sentence end or at a line's start), 兴庆区坚持… (at a line's start)."""
_ADDRESSEE = re.compile(r"[^\n。，,]{0,12}?[:：][\s\u3000]*$", re.M)
"""What follows a place that heads a letter rather than a sentence: 兴安盟行政公署："""
_WEBSITE_AFTER = re.compile(
    r"(?:人民政府|政府)?(?:门户网站|政府网站|信息公开网站?|政务公开网|政务网|公众信息网|公众网|政府网"
    r"|网站)"
)
"""A government's website named after its place: 越秀区门户网站, 乌兰浩特市政务公开网,
滨江区政府信息公开网站."""
_ADDRESS_BEFORE = re.compile(r"地\s*址\s*[:：]\s*$")
_BEFORE_CHARS = 16
_OWN_LEVEL = re.compile(r"[我全本]([省市县区旗州])|([省市县区旗州])(?:人民政府|政府|委)")
"""How a report speaks of its own division and government: 我县, 全区, 本市, 区政府, 县委 (the
commonest level is taken for the report's own; its superiors' are named less often)."""
_OWN_LEVEL_MIN = 2


def decide_region(
    simplified: str,
    title: tuple[int, int] | None,
    issuers: Sequence[tuple[int, int]],
    head: tuple[int, int],
    gazetteer: Gazetteer,
    year: int | None = None,
    codes: Sequence[str] = (),
) -> Region | None:
    """The region of a report, from the spans of its ``title`` and of its ``issuers`` (the
    signature, then the issuer fields) and from the ``head`` span (the opening lines), all
    offsets into ``simplified``; ``year`` is the year the report covers, if known, and
    ``codes`` the division codes of its metadata (:mod:`indexer.metadata.corroboration`)."""
    spans = ([title] if title else []) + list(issuers)
    decisive = [mentions_in(simplified, span, gazetteer) for span in spans]
    head_mentions = mentions_in(simplified, head, gazetteer)
    cited = [mentions_in(simplified, span, gazetteer, cited=True) for span in [*spans, head]]
    context = [d for found in cited for m in found for d in m.candidates]
    coded = coded_divisions(codes, gazetteer)
    for index, found in enumerate(decisive):
        mention, candidates = first_place(simplified, found, gazetteer)
        if mention is not None:
            if _names_zone(simplified, mention, gazetteer):
                later = [m for rest in decisive[index + 1 :] for m in rest]
                candidates = _inside(simplified, candidates, later, gazetteer) or candidates
            return settle(agreeing(candidates, coded), context, year)
    level = title_level(simplified[title[0] : title[1]]) if title else None
    if level == "national":
        return None
    after = title[1] if title else 0
    found = (
        _head_region(simplified, head_mentions, gazetteer, context, after, year)
        or _own_body(simplified, gazetteer, context, year)
        or _website(simplified, gazetteer, context, year)
    )
    if found is None and coded:
        named = confirmed(mentions_in(simplified, (0, len(simplified)), gazetteer), coded)
        found = named.region if named else None
    return cap_region(found, level)


def _names_zone(simplified: str, mention: Mention, gazetteer: Gazetteer) -> bool:
    """Whether a place is a development zone (苏州工业园区) or names one it hosts (合肥高新区)."""
    return simplified[mention.start : mention.end] in gazetteer.zones or bool(
        ZONE_AFTER.match(simplified, mention.end)
    )


def _inside(
    simplified: str,
    hosts: Sequence[Division],
    mentions: Sequence[Mention],
    gazetteer: Gazetteer,
) -> tuple[Division, ...]:
    """The first place of ``mentions`` inside a zone's host: the county a 来源 line names."""
    for mention in mentions:
        found = gazetteer.locate(chain(simplified, mention, mentions))
        inside = tuple(d for d in found if any(h.contains(d) for h in hosts))
        if inside:
            return inside
    return ()


def _own_body(
    simplified: str, gazetteer: Gazetteer, context: Sequence[Division], year: int | None
) -> Region | None:
    """Last, a government body of the report's own level anywhere in it: a district's report
    (我区, 全区 …) naming 西安市高陵区人民政府 deep in its body. The commonest such body wins."""
    levels = Counter(m.group(1) or m.group(2) for m in _OWN_LEVEL.finditer(simplified))
    if not levels or levels.most_common(1)[0][1] < _OWN_LEVEL_MIN:
        return None
    level = levels.most_common(1)[0][0]
    mentions = mentions_in(simplified, (0, len(simplified)), gazetteer)
    found = Counter(
        candidates
        for m in mentions
        if _BODY_AFTER.match(simplified, chain_end(simplified, m, mentions))
        for candidates in [gazetteer.locate(chain(simplified, m, mentions))]
        if candidates and all(c.name.endswith(level) for c in candidates)
    )
    return settle(found.most_common(1)[0][0], context, year) if found else None


def _website(
    simplified: str, gazetteer: Gazetteer, context: Sequence[Division], year: int | None
) -> Region | None:
    """Last, the government whose website the report names (越秀区门户网站): a street office's
    report, which calls its district by no other name. Two different ones decide nothing."""
    mentions = mentions_in(simplified, (0, len(simplified)), gazetteer)
    found = {
        candidates
        for m in mentions
        if _WEBSITE_AFTER.match(simplified, chain_end(simplified, m, mentions))
        for candidates in [gazetteer.locate(chain(simplified, m, mentions))]
        if candidates
    }
    return settle(found.pop(), context, year) if len(found) == 1 else None


def _head_region(
    simplified: str,
    mentions: Sequence[Mention],
    gazetteer: Gazetteer,
    context: Sequence[Division],
    after: int,
    year: int | None,
) -> Region | None:
    """The place of the government bodies the opening lines name (淮安市人民政府办公室) or of
    the subject of their sentences, the report's own words (after ``after``, the title's end)
    before a site header above the title; a later one inside the first refines it (包头市人民政府
    … 昆都仑区人民政府). Failing both, the place of a contact address."""
    bodies = [m for m in mentions if _speaks_for_issuer(simplified, m, mentions)]
    bodies.sort(key=lambda m: m.start < after)
    found: tuple[Division, ...] = ()
    for body in bodies:
        candidates = gazetteer.locate(chain(simplified, body, mentions))
        inside = bool(candidates) and all(any(f.contains(c) for f in found) for c in candidates)
        if not found or inside:
            found = candidates
    if not found:
        addresses = [m for m in mentions if _preceded_by(simplified, m, _ADDRESS_BEFORE)]
        found = gazetteer.locate(chain(simplified, addresses[0], mentions)) if addresses else ()
    return settle(found, context, year) if found else None


def _speaks_for_issuer(simplified: str, mention: Mention, mentions: Sequence[Mention]) -> bool:
    """Whether a place names a government body (…人民政府, …局), opens the report's own name
    (…花桥乡信息公开年度报告) or is a sentence's subject."""
    end = chain_end(simplified, mention, mentions)
    if _BODY_AFTER.match(simplified, end) or _REPORT_AFTER.match(simplified, end):
        return True
    return _preceded_by(simplified, mention, _SUBJECT_BEFORE) and not _ADDRESSEE.match(
        simplified, end
    )


def _preceded_by(simplified: str, mention: Mention, before: re.Pattern[str]) -> bool:
    start = max(0, mention.start - _BEFORE_CHARS)
    return before.search(simplified, start, mention.start) is not None
