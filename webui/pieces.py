"""Text cut into plain and marked pieces: what the report page shows, escaped by the template."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from indexer.search.snippets import Span


@dataclass(frozen=True)
class Piece:
    """Text to show; ``hit`` numbers a match (from 1, in reading order), None for plain text."""

    text: str
    hit: int | None = None


def pieces(
    text: str, spans: Sequence[Span], start: int, end: int, counted: int
) -> tuple[Piece, ...]:
    """``text[start:end]`` as plain and marked pieces; marks are numbered after ``counted``.
    A mark crossing ``start`` or ``end`` is cut there.

    >>> pieces("推进政务公开工作", [(2, 6)], 0, 8, 0)
    (Piece(text='推进', hit=None), Piece(text='政务公开', hit=1), Piece(text='工作', hit=None))
    """
    found: list[Piece] = []
    at = start
    for mark_start, mark_end in spans:
        mark_start, mark_end = max(mark_start, start), min(mark_end, end)
        if mark_start >= mark_end or mark_start < at:
            continue
        if mark_start > at:
            found.append(Piece(text[at:mark_start]))
        counted += 1
        found.append(Piece(text[mark_start:mark_end], counted))
        at = mark_end
    if at < end:
        found.append(Piece(text[at:end]))
    return tuple(found)
