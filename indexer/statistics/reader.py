"""A report's statistics tables read into cells: table 3 by alignment, table 2 by its row names,
table 4 as the line of fifteen figures (or three of five) after table 3.

Table 3 goes first because it is the largest and the best labelled: table 2 lies before it and
table 4 after it, so stray figures in the prose around are never taken for either.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from indexer.models import Report, StatCell, Statistics, Table
from indexer.statistics.align import align, named
from indexer.statistics.checks import run_checks
from indexer.statistics.columns import by_headings
from indexer.statistics.resolve import Sum, Values, resolve, trim
from indexer.statistics.template import Block, Format, Template, template
from indexer.statistics.tokens import Run, Token, report_lines, runs

FIRST_YEAR = 2019
"""Reports on earlier years have other tables (or none)."""
SECTION_TWENTY = "第二十条"
TABLE_WORDS = (SECTION_TWENTY, "新收", "结果维持")
"""One of them is in every report that has any of the tables (table 2, 3, 4 in turn)."""
APPEALS_MARK = "行政复议"
_NOTES = re.compile(r"\([^()]*\)")
MAX_ROW_NAME = 12
"""A table 2 row's label is its name (规章, 行政许可…); longer labels are sentences of prose."""


def read_statistics(report: Report) -> Statistics | None:
    """The cells and checks of ``report``'s statistics tables, or None when it has none."""
    if report.year is not None and report.year < FIRST_YEAR:
        return None
    if not any(word in report.simplified for word in TABLE_WORDS):
        return None  # most reports: no need to cut every line into tokens
    found = runs(report_lines(report.simplified, report.tables))
    known = template()
    fmt = known.format(detect_format(report.simplified, report.year, known))
    cells: dict[str, StatCell] = {}
    requests = fmt.block("requests")
    first, last = len(found), -1
    if requests:
        placed = _read_requests(found, report.tables, requests, cells)
        if placed:
            first, last = min(placed), max(placed)
    _read_active(found[:first], report.tables, fmt, cells)
    _read_appeals(found, report.tables, last, fmt, cells)
    if not cells:
        return None
    ordered = tuple(cells[c] for b in fmt.blocks for c in b.cell_ids() if c in cells)
    return Statistics(fmt.id, ordered, run_checks(fmt, ordered, report.simplified))


def detect_format(text: str, year: int | None, known: Template) -> str:
    """The format whose own words the report uses most, else the one in force for its year.

    >>> detect_format("本年新制作数量", 2021, template()), detect_format("", 2022, template())
    ('2019', '2021')
    """
    counts = {f.id: sum(text.count(marker) for marker in f.markers) for f in known.formats}
    best = max(counts.values())
    leaders = [f for f, count in counts.items() if count == best]
    if best and len(leaders) == 1:
        return leaders[0]
    in_force = [f for f in known.formats if year is None or f.first_year <= year]
    return max(in_force or known.formats, key=lambda f: f.first_year).id


def row_sums(block: Block) -> list[Sum]:
    """The sums within one row of ``block`` (each group's parts to its total), by column index."""
    index = {column.id: i for i, column in enumerate(block.columns)}
    width = len(block.columns)
    sums: list[Sum] = []
    for identity in template().identities:
        if identity.block != block.id or identity.across != "columns":
            continue
        parts = tuple(index[c] for c in identity.left)
        total = index[identity.right[0]]
        sums.append((parts, total))
    if block.line:  # one line of all rows: the same sums, row after row
        return [
            (tuple(r * width + p for p in parts), r * width + total)
            for r in range(len(block.rows))
            for parts, total in sums
        ]
    return sums


def _read_requests(
    found: Sequence[Run], tables: Sequence[Table], block: Block, cells: dict[str, StatCell]
) -> list[int]:
    """Table 3: the runs that can be one of its rows, aligned to its rows. The runs' indexes."""
    sums = row_sums(block)
    width = len(block.columns)
    found = [by_headings(run, tables, block) for run in found]
    fitting = [(i, resolve(run.tokens, width, sums)) for i, run in enumerate(found)]
    candidates = [(i, got) for i, got in fitting if got is not None]
    placed = align([found[i] for i, _ in candidates], block.rows)
    used = []
    for k, j in placed.items():
        i, (values, how) = candidates[k]
        _store(cells, block, j, found[i], values, how)
        used.append(i)
    return used


def _read_active(
    found: Sequence[Run], tables: Sequence[Table], fmt: Format, cells: dict[str, StatCell]
) -> None:
    """Table 2: each row from the first run its own short label names, after 第二十条."""
    start = _first_mentioning(found, SECTION_TWENTY)
    if start is None:
        return
    blocks = [b for b in fmt.blocks if b.table == 2]
    rows = [(block, j, row) for block in blocks for j, row in enumerate(block.rows)]
    lines = [row for _, _, row in rows]
    for run in found[start:]:
        name = _row_name(run.name)
        which = named(name, lines) if name else None
        if which is None:
            continue
        block, j, row = rows[which]
        if any(f"{row.id}.{c.id}" in cells for c in block.columns):
            continue
        run = by_headings(run, tables, block)
        decimal = any(c.decimal for c in block.columns)
        signed = any(c.signed for c in block.columns)
        got = resolve(run.tokens, len(block.columns), (), decimal=decimal, signed=signed)
        if got is not None and _signs_fit(got[0], block):
            _store(cells, block, j, run, *got)


def _first_mentioning(found: Sequence[Run], words: str) -> int | None:
    """The first run with ``words`` before it."""
    return next((i for i, run in enumerate(found) if words in run.context + run.label), None)


def _row_name(label: str) -> str | None:
    """A table 2 label (its last word, normalised) without its numbering and the notes in
    brackets some reports add, when short enough to be a row's name rather than prose.

    >>> _row_name("规章(设区的市人民政府应提供相关数据)")
    '规章'
    >>> _row_name("全年新增公开市政府及其部门规章") is None
    True
    """
    name = _NOTES.sub("", label)  # 规章(设区的市、自治州人民政府应提供相关数据)
    name = re.sub(r"^\(?[0-9一二三四五六七八九十]*[).、]?", "", name)
    return name if 0 < len(name) <= MAX_ROW_NAME else None


def _signs_fit(values: Values, block: Block) -> bool:
    columns = block.columns
    return all(v is None or v >= 0 or c.signed for v, c in zip(values, columns, strict=True))


def _read_appeals(
    found: Sequence[Run],
    tables: Sequence[Table],
    last: int,
    fmt: Format,
    cells: dict[str, StatCell],
) -> None:
    """Table 4: after table 3, the first run of all fifteen figures, or three runs of five."""
    block = fmt.block("appeals")
    if block is None:
        return
    start = last + 1 if last >= 0 else _first_mentioning(found, APPEALS_MARK)
    if start is None:
        return
    after = found[start:]
    width = len(block.columns)
    line = row_sums(block)
    for run in after:
        run = by_headings(run, tables, block)
        got = resolve(run.tokens, width * len(block.rows), line)
        if got is not None:
            _store_line(cells, block, run, *got)
            return
    group = [s for s in line if max(s[0]) < width]
    for k in range(len(after) - len(block.rows) + 1):
        rows = after[k : k + len(block.rows)]
        parts = [got for run in rows if (got := resolve(run.tokens, width, group))]
        if len(parts) == len(rows):
            for j, (run, got) in enumerate(zip(rows, parts, strict=True)):
                _store(cells, block, j, run, *got)
            return


def _store_line(
    cells: dict[str, StatCell], block: Block, run: Run, values: Values, how: str
) -> None:
    width = len(block.columns)
    tokens = _tokens_of(run, len(values), how)
    for j in range(len(block.rows)):
        part = slice(j * width, (j + 1) * width)
        _put(cells, block, j, values[part], tokens[part], how)


def _store(
    cells: dict[str, StatCell], block: Block, j: int, run: Run, values: Values, how: str
) -> None:
    _put(cells, block, j, values, _tokens_of(run, len(values), how), how)


def _tokens_of(run: Run, width: int, how: str) -> list[Token | None]:
    """The token each value came from (read runs), else the run's first token for all."""
    if how == "read":
        return list(trim(run.tokens, width))
    return [run.tokens[0]] * width


def _put(
    cells: dict[str, StatCell],
    block: Block,
    j: int,
    values: Values,
    tokens: Sequence[Token | None],
    how: str,
) -> None:
    row = block.rows[j]
    for column, value, token in zip(block.columns, values, tokens, strict=True):
        if value is None or token is None:
            continue
        cell_id = f"{row.id}.{column.id}"
        kind = how if how != "read" else "cell" if token.table is not None else "text"
        cells[cell_id] = StatCell(
            cell_id, value, kind, token.start, token.table, token.row, token.column
        )
