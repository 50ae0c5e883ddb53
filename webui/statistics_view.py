"""A report's statistics laid out for its page: each table rebuilt from the cells read, with the
template's labels, the cells of failing checks marked, and a link to the rendering they came from.

Unread cells are shown empty (never as 0). Renderers escape everything; nothing here builds markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from indexer.models import Check, Report, StatCell
from indexer.statistics import figures, show_number, template
from indexer.statistics.template import Block
from webui.report_view import section_anchor

HOW = {
    "cell": "表格单元格",
    "text": "文本中的数字",
    "split": "粘连数字按合计拆分",
    "placed": "缺一数字的行按合计定位",
}


@dataclass(frozen=True)
class CellView:
    id: str
    text: str
    source: str = ""
    failing: tuple[str, ...] = ()  # the details of the failing checks it is part of


@dataclass(frozen=True)
class RowView:
    label: str
    cells: tuple[CellView, ...]


@dataclass(frozen=True)
class BlockView:
    id: str
    table: int
    title: str
    columns: tuple[str, ...]
    rows: tuple[RowView, ...]
    original: str | None  # the anchor of the section holding the table as written


@dataclass(frozen=True)
class StatisticsView:
    format: str
    document: str
    blocks: tuple[BlockView, ...]
    figures: tuple[tuple[str, str], ...]  # (label, value)
    failing: tuple[Check, ...]
    passed: int


def statistics_view(report: Report) -> StatisticsView | None:
    """The statistics section of ``report``'s page, or None when it has none."""
    statistics = report.statistics
    if statistics is None:
        return None
    fmt = template().format(statistics.format)
    failing = tuple(c for c in statistics.checks if not c.ok)
    by_id = {cell.id: cell for cell in statistics.cells}
    labels = {f.id: f.label for f in template().figures}
    return StatisticsView(
        format=fmt.id,
        document=fmt.document,
        blocks=tuple(
            _block(report, block, by_id, failing)
            for block in fmt.blocks
            if any(c in by_id for c in block.cell_ids())
        ),
        figures=tuple(
            (labels[k], show_number(v)) for k, v in figures(fmt, statistics.values()).items()
        ),
        failing=failing,
        passed=len(statistics.checks) - len(failing),
    )


def _block(
    report: Report, block: Block, cells: dict[str, StatCell], failing: Sequence[Check]
) -> BlockView:
    rows = []
    for row in block.rows:
        ids = [f"{row.id}.{column.id}" for column in block.columns]
        if row.optional and not any(i in cells for i in ids):
            continue
        rows.append(RowView(row.label, tuple(_cell(cells.get(i), i, failing) for i in ids)))
    read = [cells[i] for i in block.cell_ids() if i in cells]
    return BlockView(
        id=block.id,
        table=block.table,
        title=block.title,
        columns=tuple(c.label for c in block.columns),
        rows=tuple(rows),
        original=_original(report, read),
    )


def _cell(cell: StatCell | None, cell_id: str, failing: Sequence[Check]) -> CellView:
    if cell is None:
        return CellView(cell_id, "")
    where = HOW.get(cell.how, cell.how)
    if cell.table is not None and cell.row is not None and cell.column is not None:
        where += f"：表 {cell.table + 1} 第 {cell.row + 1} 行第 {cell.column + 1} 列"
    involved = tuple(c.detail for c in failing if cell_id in c.cells)
    return CellView(cell_id, show_number(cell.value), where, involved)


def _original(report: Report, cells: Sequence[StatCell]) -> str | None:
    """The anchor of the section where the first cell read was written."""
    for cell in cells:
        start = report.tables[cell.table].start if cell.table is not None else cell.start
        if start is None or start < 0:
            continue
        section = max(
            (s for s in report.sections if s.start <= start), key=lambda s: s.start, default=None
        )
        if section is not None:
            return section_anchor(section.position)
    return None
