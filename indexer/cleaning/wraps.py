"""Prose hard-wrapped at a fixed width (PDF and Markdown conversions: "…予以公开及部 / 分公开…")
rejoined, so that a phrase split across a line break is found again.

A text is hard-wrapped when many of its lines end near one common maximum width, as a page's
right margin makes them; a free-flowing web page has lines of every length and is left alone.
In such a text a line that reaches the margin without ending a sentence is continued by the next
line (across the blank lines a removed page number leaves behind). Never joined: headings (a
numbered line with no sentence in it), table rows, list items, date and signature lines, and
lines short of the margin, which end their paragraph.
"""

from __future__ import annotations

import re
import unicodedata

from indexer.numbering import HEADING_MARK

_TABLE = re.compile(r"[|│┃]")
_OPENS_BLOCK = re.compile(rf"^(?:{HEADING_MARK}|[•·▪●◆■□◇►▶※*#>-])")
"""How a heading or a list item starts."""
_DATE_LINE = re.compile(
    r"^(?:(?:19|20)\d\d|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
    r"(?:\s*[\d一二三四五六七八九十]{1,3}\s*日)?$"
)
_SIGNATURE = re.compile(r"(?:人民政府|办公室|办公厅|委员会|局|厅|街道办事处|政府)$")
_SENTENCE_END = re.compile(r"[。！？!?；;：:]$")
_IN_SENTENCE = re.compile(r"[。！？；]")
"""A numbered line holding a sentence end is a run-in heading and its paragraph, not a heading."""
_MIN_MARGIN = 30
"""Narrowest margin (in half-width columns) that wraps prose; narrower lines are cells or lists."""
_SLACK = 8
"""How far short of the margin a wrapped line may end: punctuation that would have been pushed
onto the next line, half-width digits."""
_MIN_AT_MARGIN, _SHARE_AT_MARGIN = 5, 0.4
_SIGNATURE_CHARS = 20
_MAX_BLANKS = 2


def rejoin_wrapped_lines(text: str) -> str:
    r"""``text`` with the lines of hard-wrapped prose paragraphs joined.

    >>> text = "本年度报告根据条例编制，全文包括总体情况、主动公开情况\n" * 5 + "等。\n一、总体情况"
    >>> [len(line) for line in rejoin_wrapped_lines(text).split("\n")]
    [137, 6]
    """
    lines = text.split("\n")
    margin = _margin(lines)
    if margin is None:
        return text
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = _continuation(lines, i, margin)
        while nxt is not None:
            line = _join(line.rstrip(), lines[nxt].strip())
            i = nxt
            nxt = _continuation(lines, i, margin)
        out.append(line)
        i += 1
    return "\n".join(out)


def width(line: str) -> int:
    """Columns ``line`` takes in a fixed-width layout: two for wide (CJK) characters."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line.rstrip())


def _margin(lines: list[str]) -> int | None:
    """The right margin the text is wrapped at, or None when it is not hard-wrapped."""
    widths = sorted(width(line) for line in lines if line.strip() and not _TABLE.search(line))
    if len(widths) < _MIN_AT_MARGIN:
        return None
    margin = widths[int(len(widths) * 0.9)]
    at_margin = sum(1 for w in widths if margin - _SLACK <= w <= margin + _SLACK)
    if margin < _MIN_MARGIN or at_margin < max(_MIN_AT_MARGIN, _SHARE_AT_MARGIN * len(widths)):
        return None
    return margin


def _continuation(lines: list[str], i: int, margin: int) -> int | None:
    """The index of the line that continues line ``i``, if any."""
    line = lines[i].strip()
    if not _wraps(lines[i], margin) or _SENTENCE_END.search(line):
        return None
    if _OPENS_BLOCK.match(line) and not _IN_SENTENCE.search(line):
        return None  # a heading of its own, however long
    nxt, blanks = i + 1, 0
    while nxt < len(lines) and not lines[nxt].strip() and blanks < _MAX_BLANKS:
        nxt, blanks = nxt + 1, blanks + 1
    if nxt >= len(lines) or not _continues(lines[nxt].strip()):
        return None
    return nxt


def _wraps(line: str, margin: int) -> bool:
    return width(line) >= margin - _SLACK and not _TABLE.search(line)


def _continues(following: str) -> bool:
    """Whether a line can be the rest of a wrapped sentence rather than a new block."""
    if not following or _TABLE.search(following) or _OPENS_BLOCK.match(following):
        return False
    if _DATE_LINE.match(following):
        return False
    return not (len(following) <= _SIGNATURE_CHARS and _SIGNATURE.search(following))


def _join(line: str, following: str) -> str:
    """The two halves of a wrapped line; a space between them where a half-width word meets the
    break, as converters space digits and Latin words (2025 / 年 was "2025 年" before)."""
    half_width = any(ch.isascii() and ch.isalnum() for ch in line[-1:] + following[:1])
    return f"{line} {following}" if half_width else line + following
