"""Where a report comes from, decided by what speaks for the issuer, never by places the body of
the report merely mentions.

Evidence, strongest first: the title; the signature; the 发文机构 field; a place in the opening
lines that names a government body (本报告由淮安市人民政府办公室…编制). The first of these that
names a known division decides; a run of names (长春市朝阳区, 江苏省鼓楼区) narrows itself, and
the other places in the title, signature and opening lines (cited document titles included)
settle a name several divisions share (a 长春 mention for a 朝阳区 report). When they cannot,
only the levels all candidates agree on are kept, possibly none. A department's report gets its
government's region, completed upwards from the code. Names that are no division (沐阳县, an
OCR slip for 沭阳县; xx县) decide nothing, so such reports stay unknown rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from indexer.gazetteer import Division, Gazetteer, Mention, settle
from indexer.models import Region

_QUOTED = re.compile(r"《[^》]*》")
_BODY_AFTER = re.compile(
    r"(?:(?!关于|的)[\u4e00-\u9fff]){0,10}?"
    r"(?:人民政府|政府|局|厅|委员会|委|办公室|办公厅|管委会|中心|领导小组)"
)
"""A government body's name going on after a place (…人民政府, …发展和改革局, …县委)."""
_CHAIN_GAP = re.compile(r"[\s\u3000]*")


def decide_region(
    simplified: str,
    title: tuple[int, int] | None,
    issuers: Sequence[tuple[int, int]],
    head: tuple[int, int],
    gazetteer: Gazetteer,
) -> Region | None:
    """The region of a report, from the spans of its ``title`` and of its ``issuers`` (the
    signature, then the issuer fields) and from the ``head`` span (the opening lines), all
    offsets into ``simplified``."""
    spans = ([title] if title else []) + list(issuers)
    decisive = [_mentions(simplified, span, gazetteer) for span in spans]
    head_mentions = _mentions(simplified, head, gazetteer)
    cited = [_mentions(simplified, span, gazetteer, cited=True) for span in [*spans, head]]
    context = [d for found in cited for m in found for d in m.candidates]
    for found in decisive:
        candidates = _first_place(simplified, found, gazetteer)
        if candidates:
            return settle(candidates, context)
    return _head_region(simplified, head_mentions, gazetteer, context, title[1] if title else 0)


def _head_region(
    simplified: str,
    mentions: Sequence[Mention],
    gazetteer: Gazetteer,
    context: Sequence[Division],
    after: int,
) -> Region | None:
    """The place of the government bodies the opening lines name (淮安市人民政府办公室), the
    report's own words (after ``after``, the title's end) before a site header above the title;
    a later body inside the first one refines it (包头市人民政府 … 昆都仑区人民政府)."""
    bodies = [
        m for m in mentions if _BODY_AFTER.match(simplified, _chain_end(simplified, m, mentions))
    ]
    bodies.sort(key=lambda m: m.start < after)
    found: tuple[Division, ...] = ()
    for body in bodies:
        candidates = gazetteer.locate(_chain(simplified, body, mentions))
        inside = bool(candidates) and all(any(f.contains(c) for f in found) for c in candidates)
        if not found or inside:
            found = candidates
    return settle(found, context) if found else None


def _mentions(
    simplified: str, span: tuple[int, int], gazetteer: Gazetteer, cited: bool = False
) -> list[Mention]:
    """Mentions inside ``span``; those in the titles of cited documents (《南京市政府信息公开规定》)
    only when ``cited``, as they may settle an ambiguous name but never decide the region."""
    start, end = span
    piece = simplified[start:end]
    if not cited:
        piece = _QUOTED.sub(lambda m: "　" * len(m.group()), piece)
    return [
        Mention(m.start + start, m.end + start, m.candidates)
        for m in gazetteer.find_mentions(piece)
    ]


def _first_place(
    simplified: str, mentions: Sequence[Mention], gazetteer: Gazetteer
) -> tuple[Division, ...]:
    """The divisions of the first run of adjacent mentions that names a known division."""
    for mention in mentions:
        found = gazetteer.locate(_chain(simplified, mention, mentions))
        if found:
            return found
    return ()


def _chain(simplified: str, first: Mention, pool: Iterable[Mention]) -> list[Mention]:
    chain = [first]
    for mention in sorted(pool, key=lambda m: m.start):
        if mention.start >= chain[-1].end and _adjacent(simplified, chain[-1], mention):
            chain.append(mention)
    return chain


def _chain_end(simplified: str, first: Mention, pool: Iterable[Mention]) -> int:
    return _chain(simplified, first, pool)[-1].end


def _adjacent(simplified: str, left: Mention, right: Mention) -> bool:
    return _CHAIN_GAP.fullmatch(simplified, left.end, right.start) is not None
