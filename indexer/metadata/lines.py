"""The report's lines with their offsets, trimmed of blanks and Markdown markers.

Every metadata finder works on the simplified text and reports offsets, so what it finds is
sliced from the display text (same length) in the original script.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(r"[^\n]+")
_LEADING = re.compile(r"(?:[\s\u3000?？]|#+ |[>*]+ ?|__)+")
_TRAILING = "?？*_"
"""Besides blanks: Markdown markers (#, >, **) and the '?' that stand for spaces in some pages."""


@dataclass(frozen=True)
class Line:
    """One non-blank line: ``text`` is its trimmed content, at ``start:end`` of the report;
    ``number`` counts every line, blank ones included, so adjacency can be told."""

    start: int
    end: int
    text: str
    number: int


def split_lines(text: str) -> tuple[Line, ...]:
    """The non-blank lines of ``text``, trimmed.

    >>> [(l.start, l.text, l.number) for l in split_lines("# 标题\\n\\n  正文 ")]
    [(2, '标题', 0), (8, '正文', 2)]
    """
    lines = []
    number = 0
    position = 0
    for match in _LINE.finditer(text):
        number += text.count("\n", position, match.start())
        position = match.start()
        margin = _LEADING.match(match.group())
        start = match.start() + (margin.end() if margin else 0)
        trimmed = _trim_end(match.group()[start - match.start() :])
        if trimmed:
            lines.append(Line(start, start + len(trimmed), trimmed, number))
    return tuple(lines)


def _trim_end(text: str) -> str:
    while (trimmed := text.rstrip().rstrip(_TRAILING)) != text:
        text = trimmed
    return text


def adjacent(first: Line, second: Line) -> bool:
    """Whether ``second`` directly follows ``first`` (no blank line between)."""
    return second.number == first.number + 1
