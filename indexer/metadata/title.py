"""The report's title: a line above the body that reads like a document title, joined with the
line(s) it was split from (昆都侖區人民政府 / 關于2017年度政府信息公開情況的報告).

A title ends in a document word (报告, 总结, 要点, 方案, 通知 …), holds no sentence punctuation,
is no numbered heading, breadcrumb or metadata row, and is no essay-site page title
(…工作总结6篇, 范文, 精选). A site header on its own (大姚县人民政府) ends in no document word,
so it is passed over; a site name or file extension after the title (…年度报告_大姚县人民政府,
….docx, …报告/全文) is left out, and so are the 《》 a reposting site wraps the title in (with
the document number before them: 京政办发〔2016〕26号《…的通知》). One naming a year, place or
body wins over generic lines such as a menu's 政府信息公开年报. Only lines above the first long
line of prose count. A report that starts straight with prose may still name itself in its
opening sentence: 大姚县2009年政府信息公开工作年度报告（以下简称年报）根据…,
现向社会公开《沙依巴克区人民政府2022年度政府信息公开工作年度报告》, 特编制海安县雅周镇2014年
政府信息公开工作年度报告, …由北京市发展和改革委员会编制的2008年度政府信息公开年度报告; or
runs its title into that sentence, as document sites do that lose every line break:
绥棱县2018年政务公开工作要点实施方案为深入贯彻落实….
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from indexer.metadata.dates import YEAR
from indexer.metadata.fields import Field
from indexer.metadata.lines import Line, adjacent
from indexer.numbering import HEADING_MARK

_DOCUMENT_END = re.compile(
    r"(?:报告|年报|总结|要点|方案|计划|通知|公告|通告|通报|意见|规划|办法|细则|决定|批复|安排|清单"
    r"|汇报|目录|指南|制度|规定|规则|条例|分工|分解表|工作情况|解读|图解)$"
)
_TRAILER = re.compile(r"[\s]*[（(【\[][^（()）【】\[\]]{1,20}[）)】\]]$")
"""A bracketed tail after the title proper: （全文）, (征求意见稿), [2018年…6篇]."""
_NOT_TITLE = re.compile(
    r"[。；;，,：:!！?？|]|>|»|[ \u3000\t]{2}|\d{6}|\d+篇|范文|精选|大全|首页|当前位置|您的位置"
    r"|^(?:索\s*引\s*号|分\s*类|主题分类|文\s*号|名\s*称|标\s*题)|^\s*[•·▪●◆■◇►▶]"
)
"""Sentence punctuation, breadcrumbs, table-row gaps, index numbers, metadata rows (索引号 …),
essay-site page titles, bulleted entries of a site's menu (• 政府信息公开指南)."""
_HEADING = re.compile(rf"^{HEADING_MARK}")
_CONTINUES = re.compile(
    r"^(?:关于|关於|对|的|年度|工作|政府信息|政务|信息公开|报告|(?:19|20)\d\d\s*年"
    r"|[〇○零一二三四五六七八九]{4}\s*年)"
)
"""How the second half of a split title starts."""
_SITE_SUFFIX = re.compile(
    r"\s*(?:[-_|－—/／]+\s*[^-_|－—/／]{2,20}|\.(?:docx?|wps|pdf|ofd|html?))$"
)
"""A page title's site name (…年度报告_大姚县人民政府, …报告/全文) or a file name's extension."""
_WRAPPED = re.compile(r"^(?:[^《》\s]{2,20}〔(?:19|20)\d\d〕\d+号\s*)?《(?P<inner>[^《》]+)》$")
"""A title in 《》, after its document number or not, as reposting sites write it."""
_NAMED_IN_OPENING = (
    re.compile(
        r"^(?P<title>[^，。,；;：:（(《》\s]{6,60}?(?:报告|年报|总结|要点|方案))\s*[（(]以下简称"
    ),
    re.compile(
        r"(?:公开|公布|发布|编制|形成了?|印发)\s*《(?P<title>[^《》]{6,80}?(?:报告|年报|总结))》"
    ),
    re.compile(
        r"编制(?:了|完成|的)?(?P<title>[^，。,；;：:（(《》\s]{6,60}?(?:报告|年报))(?=[。，,；;])"
    ),
    re.compile(
        r"^(?P<title>[^，。,；;：:（(《》\s]{6,40}?(?:报告|年报|总结|要点|方案|计划))"
        r"(?=为了?|根据|按照|依据|现将|今年以来)"
    ),
)
"""How an untitled report names itself in its opening sentence."""
_STRONG = re.compile(
    r"(?:19|20)\d\d|[〇○零一二三四五六七八九]{4}|^关于|[省市县区州旗盟镇乡]|街道|人民政府|局|委员会|办公室"
)
"""What a report's title names and a menu item (政府信息公开年报) does not: year, place, body."""
_PROSE = re.compile(r"[。，,；;]")
_PROSE_CHARS = 60
"""The body starts with the first long line of prose: titles come before it."""
_WINDOW_CHARS, _WINDOW_LINES, _MAX_PARTS = 2500, 45, 3


@dataclass(frozen=True)
class Title:
    """Where the title is: one ``(start, end)`` span per line it was written on."""

    spans: tuple[tuple[int, int], ...]

    @property
    def end(self) -> int:
        return self.spans[-1][1]

    def read(self, text: str) -> str:
        """The title as written in ``text``: its lines joined, Markdown bold markers removed."""
        return re.sub(r"\*\*|__", "", "".join(text[s:e] for s, e in self.spans)).strip()


def find_title(lines: Sequence[Line], fields: Sequence[Field]) -> Title | None:
    """The title among the lines above the body, one that names a year, place or body first;
    else the value of a 标题 / 名称 field; else None."""
    head = _above_body(lines)
    labelled = {line for line in head for f in fields if line.start <= f.start < line.end}
    found: list[tuple[Title, str]] = []
    for index, line in enumerate(head):
        span = None if line in labelled else _title_span(line)
        if span is not None:
            start, end = span
            parts = _with_first_half(head, index) if start == line.start else [line]
            own = line.text[start - line.start : end - line.start]
            text = "".join(p.text for p in parts[:-1]) + own
            if _titled(text):
                spans = (*((p.start, p.end) for p in parts[:-1]), (start, end))
                found.append((Title(spans), text))
    strong = [title for title, text in found if _STRONG.search(text)]
    if strong or found:
        return (strong or [title for title, _ in found])[0]
    for field in fields:
        if field.role == "title" and field.start < _WINDOW_CHARS:
            value = _SITE_SUFFIX.sub("", field.value)
            if _titled(value):
                return Title(((field.start, field.start + len(value)),))
    opening = [line for line in lines[: len(head) + 1] if line.start < _WINDOW_CHARS]
    return next(filter(None, map(_named_in_opening, opening)), None)


def _named_in_opening(line: Line) -> Title | None:
    """The report's name as its opening sentence gives it, if it names a year, place or body."""
    for pattern in _NAMED_IN_OPENING:
        match = pattern.search(line.text)
        if match and YEAR.search(match["title"]) and _STRONG.search(match["title"]):
            return Title(((line.start + match.start("title"), line.start + match.end("title")),))
    return None


def _above_body(lines: Sequence[Line]) -> list[Line]:
    head = []
    for line in lines[:_WINDOW_LINES]:
        if line.start >= _WINDOW_CHARS or (
            len(line.text) >= _PROSE_CHARS and _PROSE.search(line.text)
        ):
            break
        head.append(line)
    return head


def _title_span(line: Line) -> tuple[int, int] | None:
    """Where a title on this line is (without a site name or the 《》 around it), or None."""
    wrapped = _WRAPPED.match(line.text)
    if wrapped and _ends_document(wrapped["inner"]):
        return line.start + wrapped.start("inner"), line.start + wrapped.end("inner")
    if _ends_document(line.text):
        return line.start, line.end
    suffix = _SITE_SUFFIX.search(line.text)
    if suffix and _ends_document(line.text[: suffix.start()]):
        return line.start, line.start + suffix.start()
    return None


def _ends_document(text: str) -> bool:
    return bool(_DOCUMENT_END.search(_TRAILER.sub("", text))) and not _NOT_TITLE.search(text)


def _titled(text: str) -> bool:
    return (
        6 <= len(_TRAILER.sub("", text)) <= 100
        and _ends_document(text)
        and not _HEADING.match(text)
    )


def _with_first_half(head: Sequence[Line], index: int) -> list[Line]:
    parts = [head[index]]
    while index > 0 and len(parts) < _MAX_PARTS:
        before = head[index - 1]
        if not (adjacent(before, parts[0]) and _CONTINUES.match(parts[0].text)):
            break
        if not _fragment(before.text):
            break
        parts.insert(0, before)
        index -= 1
    return parts


def _fragment(text: str) -> bool:
    return (
        4 <= len(text) <= 60
        and not _NOT_TITLE.search(text)
        and not _HEADING.match(text)
        and not _DOCUMENT_END.search(text)
    )
