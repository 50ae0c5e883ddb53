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
from webui.pieces import Piece, pieces
from webui.table_view import TableView, located, table_view

Part = tuple[Piece, ...] | TableView  # a stretch of text, or a table


@dataclass(frozen=True)
class SectionView:
    position: int
    level: int
    type: str
    heading: tuple[Piece, ...]
    parts: tuple[Part, ...]

    @property
    def anchor(self) -> str:
        return section_anchor(self.position)

    @property
    def body(self) -> tuple[Piece, ...]:
        """Every piece of the body, tables' cells included, in reading order."""
        return tuple(_all_pieces(self.parts))


def _all_pieces(parts: Sequence[Part]) -> list[Piece]:
    found: list[Piece] = []
    for part in parts:
        if isinstance(part, TableView):
            found.extend(p for row in part.rows for cell in row for p in cell.pieces)
        else:
            found.extend(part)
    return found


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
        spans = sorted(marks.get(section.position, ()))
        local = text[section.start : section.end]

        def cut(start: int, end: int, local: str = local, spans: list[Span] = spans) -> tuple:
            nonlocal counter
            found = pieces(local, spans, start, end, counter)
            counter += sum(1 for piece in found if piece.hit is not None)
            return found

        heading = cut(0, _heading_end(report, section))
        parts: list[Part] = []
        at = _heading_end(report, section)
        for table in located(report.tables, section.position):
            start, end = table.start - section.start, table.end - section.start
            if start < at or end > len(local):
                continue
            parts.append(_trim(cut(at, start)))
            parts.append(table_view(table, local, start, cut))
            at = end
        parts.append(_trim(cut(at, len(local))))
        shown = tuple(part for part in parts if part)
        views.append(SectionView(section.position, section.level, section.type, heading, shown))
    return tuple(views)


def _heading_end(report: Report, section: Section) -> int:
    """Where the heading ends in the section's text (0 when it has none, like the preamble)."""
    if not section.heading:
        return 0
    local = report.text[section.start : section.end]
    at = local.find(section.heading)
    return at + len(section.heading) if at >= 0 else 0


def _trim(body: tuple[Piece, ...]) -> tuple[Piece, ...]:
    """Without the line breaks at the start (after the heading or a table) and at the end."""
    if body and body[0].hit is None:
        body = (Piece(body[0].text.lstrip("\n")), *body[1:])
    if body and body[-1].hit is None:
        body = (*body[:-1], Piece(body[-1].text.rstrip()))
    return tuple(piece for piece in body if piece.text)
