"""A kept table's columns found by their headings, so a table with a column added (a 小计),
dropped or moved is still read right instead of by position.

Text renderings wrap and scatter their headings (商业企 / 业), so only the tables the readers
keep (HTML, Word, PDF) are mapped; there each column's heading is the lowest cell above the
first row of figures. A mapping is used only when every template column is found in exactly
one table column; otherwise the run is read by position, as in a text rendering.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from indexer.models import Table
from indexer.statistics.template import Line, normalise
from indexer.statistics.tokens import BLANK, NUMBER, Run, Token, classify


def headings(table: Table) -> list[str]:
    """Each column's heading: its lowest non-empty cell above the first row of figures.

    >>> from indexer.reading.tables import table_from_cells
    >>> table = table_from_cells([[("申请人", 1, 3)], [("", 1, 1), ("自然人", 1, 1),
    ...     ("总计", 1, 1)], [("新收", 1, 1), ("3", 1, 1), ("3", 1, 1)]])
    >>> headings(table)
    ['申请人', '自然人', '总计']
    """
    first = next(
        (r for r, row in enumerate(table.rows) if sum(classify(c) == NUMBER for c in row) >= 2),
        len(table.rows),
    )
    found = []
    for c in range(len(table.rows[0]) if table.rows else 0):
        above = [normalise(table.rows[r][c]) for r in range(first - 1, -1, -1)]
        found.append(next((text for text in above if text and classify(text) != NUMBER), ""))
    return found


@cache
def column_map(table: Table, columns: tuple[Line, ...]) -> tuple[int, ...] | None:
    """The table column of each template column, or None unless each is found exactly once."""
    labels = headings(table)
    mapping = []
    for column in columns:
        found = [c for c, label in enumerate(labels) if column.found_in(label) >= 0]
        if len(found) != 1:
            return None
        mapping.append(found[0])
    return tuple(mapping) if len(set(mapping)) == len(mapping) else None


def by_headings(run: Run, tables: Sequence[Table], columns: tuple[Line, ...]) -> Run:
    """``run`` with its cells in the template's column order when it comes from a kept table
    whose headings place every column; else ``run`` as it is."""
    kept = {token.table for token in run.tokens}
    if len(kept) != 1 or None in kept:
        return run
    (index,) = kept
    mapping = column_map(tables[index], columns)
    if mapping is None:
        return run
    slots = {token.column: token for token in run.tokens}
    row = run.tokens[0].row
    tokens = tuple(slots.get(c) or Token("", BLANK, -1, index, row, c) for c in mapping)
    return replace(run, tokens=tokens)
