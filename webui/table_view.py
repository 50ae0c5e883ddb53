"""A section's body cut around its tables: text pieces, then a table's cells as pieces, and so on.

A placed table's rows are lines of ``cell | cell`` in the section text (see
:mod:`indexer.reading.tables`), so each cell's characters are found there and the query's marks
fall inside the cells they hit. Should the lines not split into the table's cells (the text was
changed after reading), the cells are shown without marks rather than wrongly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from indexer.models import Table
from indexer.reading.tables import CELL_SEPARATOR, origin_cells
from webui.pieces import Piece

Cut = Callable[[int, int], tuple[Piece, ...]]  # (start, end) → its pieces, marks numbered


@dataclass(frozen=True)
class CellView:
    pieces: tuple[Piece, ...]
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class TableView:
    rows: tuple[tuple[CellView, ...], ...]


def table_view(table: Table, text: str, start: int, cut: Cut) -> TableView:
    """The table whose lines begin at ``text[start]``, each cell cut from the text by ``cut``."""
    places = cell_places(table, text, start)
    rows = []
    for r, cells in enumerate(origin_cells(table)):
        row = []
        for c, rowspan, colspan in cells:
            place = places.get((r, c))
            shown = cut(*place) if place else (Piece(table.rows[r][c]),)
            row.append(CellView(shown, rowspan, colspan))
        rows.append(tuple(row))
    return TableView(tuple(rows))


def cell_places(table: Table, text: str, start: int) -> dict[tuple[int, int], tuple[int, int]]:
    """Where each non-empty cell's text is, by (row, column); empty when the lines disagree.

    >>> from indexer.reading.tables import table_from_cells
    >>> table = table_from_cells([[("项目", 1, 1), ("数量", 1, 1)], [("新收", 1, 1), ("", 1, 1)]])
    >>> cell_places(table, "前言\\n项目 | 数量\\n新收", 3)
    {(0, 0): (3, 5), (0, 1): (8, 10), (1, 0): (11, 13)}
    """
    places: dict[tuple[int, int], tuple[int, int]] = {}
    at = start
    for r, cells in enumerate(origin_cells(table)):
        filled = [c for c, _, _ in cells if table.rows[r][c]]
        if not filled:
            continue
        for number, c in enumerate(filled):
            cell = table.rows[r][c]
            if text[at : at + len(cell)] != cell:
                return {}
            places[(r, c)] = (at, at + len(cell))
            at += len(cell)
            if number < len(filled) - 1:
                if text[at : at + len(CELL_SEPARATOR)] != CELL_SEPARATOR:
                    return {}
                at += len(CELL_SEPARATOR)
        at += 1  # the line break
    return places


def located(tables: Sequence[Table], position: int) -> list[Table]:
    """The tables of the section at ``position`` whose lines were found in its text, in order."""
    return sorted(
        (t for t in tables if t.section == position and 0 <= t.start < t.end), key=lambda t: t.start
    )
