"""A report laid out for its page: each section's heading and body as pieces, the query's
matches numbered in reading order (so the page can jump from one to the next), in either script.

The simplified twin has the same length as the display text, so the same offsets cut both.
Renderers escape the pieces; nothing here builds markup.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from indexer.models import Report, Section
from indexer.search.snippets import Span


@dataclass(frozen=True)
class Piece:
    """Text to show; ``hit`` numbers a match (from 1, in reading order), None for plain text."""

    text: str
    hit: int | None = None


@dataclass(frozen=True)
class SectionView:
    position: int
    level: int
    type: str
    heading: tuple[Piece, ...]
    body: tuple[Piece, ...]

    @property
    def anchor(self) -> str:
        return section_anchor(self.position)


def section_anchor(position: int) -> str:
    """The id of a section on the report page (the search page links to it)."""
    return f"s{position}"


def section_views(
    report: Report, text: str, marks: Mapping[int, Sequence[Span]]
) -> tuple[SectionView, ...]:
    """Every section of ``report`` cut from ``text`` (the display text or its simplified twin),
    its heading apart from its body, with the marks of ``marks`` numbered across the report."""
    views, counter = [], 0
    for section in report.sections:
        cut = _heading_end(report, section)
        spans = sorted(marks.get(section.position, ()))
        local = text[section.start : section.end]
        heading = pieces(local, spans, 0, cut, counter)
        counter += sum(1 for piece in heading if piece.hit is not None)
        body = pieces(local, spans, cut, len(local), counter)
        counter += sum(1 for piece in body if piece.hit is not None)
        views.append(
            SectionView(section.position, section.level, section.type, heading, _trim(body))
        )
    return tuple(views)


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


def _heading_end(report: Report, section: Section) -> int:
    """Where the heading ends in the section's text (0 when it has none, like the preamble)."""
    if not section.heading:
        return 0
    local = report.text[section.start : section.end]
    at = local.find(section.heading)
    return at + len(section.heading) if at >= 0 else 0


def _trim(body: tuple[Piece, ...]) -> tuple[Piece, ...]:
    """Without the line break after the heading and the blank lines at the end."""
    if body and body[0].hit is None:
        body = (Piece(body[0].text.lstrip("\n")), *body[1:])
    if body and body[-1].hit is None:
        body = (*body[:-1], Piece(body[-1].text.rstrip()))
    return tuple(piece for piece in body if piece.text)
