"""Where a file's tables sit in its cleaned text: which report, which section, which characters.

Readers give tables beside the text, and each table's rows are also in the text as lines (see
:func:`indexer.reading.tables.table_lines`); cleaning keeps such lines as they are. So a table is
placed by finding its lines again, in order, each search starting after the previous table.
A table whose lines were changed by cleaning is placed by its first row, without an extent (the
page then shows the text as it is and the table beside it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from indexer.models import Section, Table
from indexer.reading.tables import table_lines


def place_tables(text: str, tables: Sequence[Table]) -> list[Table]:
    """``tables`` with ``start``/``end`` set to where their lines are in ``text``.

    >>> from indexer.reading.tables import table_from_cells
    >>> table = table_from_cells([[("项目", 1, 1), ("数量", 1, 1)], [("新收", 1, 1), ("3", 1, 1)]])
    >>> placed = place_tables("前言\\n项目 | 数量\\n新收 | 3\\n结语", [table])[0]
    >>> placed.start, placed.end
    (3, 17)
    """
    placed: list[Table] = []
    at = 0
    for table in tables:
        lines = table_lines(table)
        block = "\n".join(lines)
        start = text.find(block, at) if block else -1
        if start >= 0:
            end = start + len(block)
        else:
            start, end = (text.find(lines[0], at) if lines else -1), -1
        placed.append(replace(table, start=start, end=end))
        if start >= 0:
            at = max(at, end, start)
    return placed


def tables_of_report(
    tables: Sequence[Table], start: int, end: int, sections: Sequence[Section]
) -> tuple[Table, ...]:
    """The placed tables inside the report ``text[start:end]``, offsets made relative to it and
    each given the position of the section it starts in."""
    found = []
    for table in tables:
        if not start <= table.start < end:
            continue
        local = table.start - start
        section = max(
            (s for s in sections if s.start <= local), key=lambda s: s.start, default=None
        )
        found.append(
            replace(
                table,
                start=local,
                end=table.end - start if table.end >= 0 else -1,
                section=section.position if section else 0,
            )
        )
    return tuple(found)
