"""Heading candidates: numbered lines that look like headings, before any sequence evidence.

A candidate starts a line (or follows a sentence end and a run of spaces, as in pages flattened
into one line) with a numeral in one of three styles — 第一部分/第一章 (``part``), 一、
(``number``), （一） (``paren``) — and a short title. The title ends at the end of the line, at a
sentence end (the 2019 run-in style "（一）主动公开情况。2024年…"), or at a run of spaces that
separates it from its paragraph ("一、工作开展情况   调整了…"). Lines whose "title" runs on
for a whole sentence are paragraphs that happen to start with a numeral; statistics-table rows
and table-of-contents entries are dropped here too. Which candidates really are headings is
decided from the numbering in :mod:`indexer.structure.outline`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.numbering import CHINESE_NUMERAL_CHARS, numeral_value
from indexer.structure.template import is_table_row_label

MAX_TITLE_CHARS = 40
"""Longest title that runs into its paragraph; longer ones are the paragraph's first sentence."""

MAX_LINE_TITLE_CHARS = 60
"""Longest title that is a line of its own (work summaries have some of 40-odd characters)."""

_NUM = f"[{CHINESE_NUMERAL_CHARS}]+"
_CORE = (
    rf"(?P<marker>第(?P<part>{_NUM}|[0-9０-９]+)(?:部分|章|节|篇)[ \t\u3000、:：]*"
    rf"|(?P<number>{_NUM})[ \t\u3000]*(?:、|[.．](?![0-9０-９]))[ \t\u3000]*"
    rf"|[（(〔【［\[][ \t\u3000]*(?P<paren>{_NUM})[ \t\u3000]*[）)〕】］\]][、.．]?[ \t\u3000]*)"
)
_MARKER = re.compile(
    rf"(?:^|(?<=[。；！？：:])[ \t\u3000]{{2,}})[ \t\u3000#*>?？]*{_CORE}", re.MULTILINE
)
_RUN_IN_MARKER = re.compile(_CORE)
"""A heading run into the body of the one before it: "三、存在的问题   （一）缺乏专业人才。"."""
_TERMINATORS = "。！？；!?;：:"
_HEADING_TAIL = "。！？；!?;：: \t\u3000*"
_BRACKETS = "“”‘’「」《》（）()\"'"
_NUMERIC_CELLS = re.compile(r"^[\s\d.,%‰\-—－]*$|^\d[\d.,%]*[ \t\u3000]{2,}")
_TABLE_LINE = re.compile(r"^\s*(?:[|\u2500-\u257f]|[\d.,%\s\-]+$)")
_LEADERS = re.compile(r"(?:[.…·．]{2,}|…)\s*[0-9]*\s*$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_TRAILING_CELLS = re.compile(r"(?:[ \t\u3000]+[\d.,%]+)+$")
"""Numbers after a label on its line, single-spaced: "（一）予以公开 1288 21 0 0 50 3 1362"."""
_LIST_ITEM = re.compile(r"[0-9０-９][.．、](?=[\u4e00-\u9fff])")
"""A list item inside a "title" ("（四）无2.没有现成信息"): wrapped table cells."""


@dataclass(frozen=True)
class Candidate:
    """A numbered heading-like line. Offsets index the text it was found in.

    The heading as written is ``text[start:title_end]``; its body starts at ``body_start``.
    """

    style: str
    number: int
    start: int
    title_end: int
    body_start: int
    title: str

    @property
    def starts_over(self) -> bool:
        """True for 一、/（一）/第一部分: where a numbering sequence begins."""
        return self.number == 1


def find_candidates(simplified: str) -> tuple[Candidate, ...]:
    """Every heading candidate in ``simplified``, in text order.

    >>> found = find_candidates("一、领导重视\\n（二）制度建设。内容")
    >>> [(c.style, c.number, c.title) for c in found]
    [('number', 1, '领导重视'), ('paren', 2, '制度建设')]
    """
    found = []
    for match in _MARKER.finditer(simplified):
        candidate = _candidate(simplified, match)
        while candidate is not None:
            found.append(candidate)
            same_line = simplified[candidate.body_start - 1] != "\n"
            run_in = same_line and _RUN_IN_MARKER.match(simplified, candidate.body_start)
            candidate = _candidate(simplified, run_in) if run_in else None
    return tuple(found)


def _candidate(text: str, match: re.Match[str]) -> Candidate | None:
    style = next(name for name in ("part", "number", "paren") if match.group(name))
    number = numeral_value(match.group(style))
    if not number:
        return None
    title_start = match.end()
    line_end = _line_end(text, title_start)
    span = _title_span(text, title_start, line_end)
    if span is None:
        return None
    title_end, body_start = span
    title = text[title_start:title_end].strip().rstrip("*").strip()
    if len(title) < 2 or not _CJK.search(title) or _LEADERS.search(title):
        return None
    if _LIST_ITEM.search(title) or _TRAILING_CELLS.search(title):
        return None
    if is_table_row_label(title, bracketed=style == "paren"):
        return None
    if _is_table_row(text, style, body_start, line_end):
        return None
    return Candidate(style, number, match.start("marker"), title_end, body_start, title)


def _title_span(text: str, start: int, line_end: int) -> tuple[int, int] | None:
    """Where the title ends and the body starts, or None when no short title can be found."""
    i = start
    while i < line_end and i - start <= MAX_TITLE_CHARS:
        ch = text[i]
        if ch in _TERMINATORS and i - start >= 2:
            return i, _past_heading_tail(text, i + 1, line_end)
        if ch in " \t\u3000" and i - start >= 2:
            run_end = i
            while run_end < line_end and text[run_end] in " \t\u3000":
                run_end += 1
            if run_end < line_end and _separates(text, i, run_end):
                return i, _past_heading_tail(text, run_end, line_end)
            i = run_end
            continue
        i += 1
    if line_end - start > MAX_LINE_TITLE_CHARS or _has_terminator(text, start, line_end):
        return None
    return line_end, min(line_end + 1, len(text))


def _past_heading_tail(text: str, at: int, line_end: int) -> int:
    """Where the body starts: past what still belongs to the heading, its sentence end set off
    by a space ("（一）强化组织领导 。进一步…") and a bold marker closing after it ("。**")."""
    while at < line_end and text[at] in _HEADING_TAIL:
        at += 1
    return at


def _has_terminator(text: str, start: int, end: int) -> bool:
    return any(ch in _TERMINATORS for ch in text[start:end])


def _separates(text: str, run_start: int, run_end: int) -> bool:
    """A space run ends a title unless it is one ordinary space inside a phrase.

    pdftotext puts single spaces around digits ("2024 年") and some pages around quotes; a
    single space between two Chinese characters, or any longer run, separates the title.
    """
    if run_end - run_start >= 2 or text[run_start] == "\u3000":
        return True
    before, after = text[run_start - 1], text[run_end]
    return not (before.isascii() or after.isascii() or before in _BRACKETS or after in _BRACKETS)


def _is_table_row(text: str, style: str, body_start: int, line_end: int) -> bool:
    """Numbers after the label on its line, or (for （一）) a table on the next line."""
    if body_start <= line_end:
        rest = text[body_start:line_end]
        return bool(rest.strip()) and _NUMERIC_CELLS.match(rest) is not None
    if style != "paren":
        return False
    at = body_start
    while at < len(text):
        end = _line_end(text, at)
        if line := text[at:end].strip():
            return _TABLE_LINE.match(line) is not None
        at = end + 1
    return False


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end
