"""A kept table's columns found by their headings, so a table with a column added (a 小计),
dropped or moved is still read right instead of by position (table 4's columns by their own
heading and their group's: 行政复议, 未经复议直接起诉, 复议后起诉).

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
from indexer.statistics.align import named
from indexer.statistics.template import Block, Line, normalise
from indexer.statistics.tokens import BLANK, NUMBER, Run, Token, classify


def headings(table: Table) -> list[str]:
    """Each column's heading: its lowest non-empty cell above the first row of figures.

    >>> from indexer.reading.tables import table_from_cells
    >>> table = table_from_cells([[("申请人", 1, 3)], [("", 1, 1), ("自然人", 1, 1),
    ...     ("总计", 1, 1)], [("新收", 1, 1), ("3", 1, 1), ("3", 1, 1)]])
    >>> headings(table)
    ['申请人', '自然人', '总计']
    """
    return [above[-1] if above else "" for above in _stacks(table)]


def _stacks(table: Table) -> list[list[str]]:
    """Each column's headings from the top down to the first row of figures, each once."""
    first = next(
        (r for r, row in enumerate(table.rows) if sum(classify(c) == NUMBER for c in row) >= 2),
        len(table.rows),
    )
    stacks = []
    for c in range(len(table.rows[0]) if table.rows else 0):
        stack: list[str] = []
        for r in range(first):
            text = normalise(table.rows[r][c])
            if text and classify(text) != NUMBER and text not in stack:
                stack.append(text)
        stacks.append(stack)
    return stacks


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


@cache
def line_map(table: Table, block: Block) -> tuple[int, ...] | None:
    """For a block read as one line (table 4: 行政复议, then the two kinds of 行政诉讼, each with
    its five columns): the table column of each (row, column) in that order, each found once
    by its own heading and the group heading above it; else None."""
    rows, columns = block.rows, block.columns
    found: dict[tuple[int, int], list[int]] = {}
    for c, stack in enumerate(_stacks(table)):
        if not stack:
            continue
        kinds = [i for i, column in enumerate(columns) if column.found_in(stack[-1]) >= 0]
        group = named("".join(stack[:-1]), rows)
        if len(kinds) == 1 and group is not None:
            found.setdefault((group, kinds[0]), []).append(c)
    places = [found.get((j, i), []) for j in range(len(rows)) for i in range(len(columns))]
    return tuple(p[0] for p in places) if all(len(p) == 1 for p in places) else None


def by_headings(run: Run, tables: Sequence[Table], block: Block) -> Run:
    """``run`` with its cells in the template's order when it comes from a kept table whose
    headings place every column; else ``run`` as it is."""
    kept = {token.table for token in run.tokens}
    if len(kept) != 1 or None in kept:
        return run
    (index,) = kept
    table = tables[index]
    mapping = line_map(table, block) if block.line else column_map(table, block.columns)
    if mapping is None:
        return run
    slots = {token.column: token for token in run.tokens}
    row = run.tokens[0].row
    tokens = tuple(slots.get(c) or Token("", BLANK, -1, index, row, c) for c in mapping)
    return replace(run, tokens=tokens)
