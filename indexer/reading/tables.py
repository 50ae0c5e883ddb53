"""Tables as grids: merged cells placed the way HTML does it, and the text lines a table reads as.

Every reader (HTML, Word, PDF, text renderings) hands its rows over as cells with their
rowspan and colspan; :func:`table_from_cells` lays them out on a grid with each merged cell's
text in every slot it covers, so a row can be read on its own. The lines of :func:`table_lines`
are what the table contributes to the report's text (searchable, and found again later to know
which section the table sits in): one line per row, each cell once, empty cells left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from indexer.models import Table

CELL_SEPARATOR = " | "
Cell = tuple[str, int, int]  # text, rowspan, colspan
Placed = tuple[int, int, int, int, str]  # row, column, rowspan, colspan, text
_CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")
MAX_SPAN = 1000  # HTML's own limit on colspan; rowspans beyond the table are cut to it


def table_from_cells(rows: Sequence[Sequence[Cell]]) -> Table | None:
    """The grid of ``rows`` (each row's cells left to right, merged cells given once where
    they start, as HTML gives them), or None when it is not a data table.

    >>> table = table_from_cells([[("项目", 2, 1), ("数量", 1, 2)], [("新收", 1, 1), ("3", 1, 1)]])
    >>> table.rows
    (('项目', '数量', '数量'), ('项目', '新收', '3'))
    >>> table.spans
    ((0, 0, 2, 1), (0, 1, 1, 2))
    """
    taken: set[tuple[int, int]] = set()
    placed: list[Placed] = []
    for r, cells in enumerate(rows):
        c = 0
        for text, rowspan, colspan in cells:
            while (r, c) in taken:
                c += 1
            rowspan = max(1, min(rowspan, len(rows) - r))
            colspan = max(1, min(colspan, MAX_SPAN))
            taken.update((r + dr, c + dc) for dr in range(rowspan) for dc in range(colspan))
            placed.append((r, c, rowspan, colspan, text))
            c += colspan
    return table_from_placed(placed)


def table_from_placed(cells: Iterable[Placed]) -> Table | None:
    """The grid of cells placed at ``(row, column, rowspan, colspan, text)``; slots no cell
    covers are empty. None when it is not a data table (fewer than two rows or two columns).

    >>> table_from_placed([(0, 0, 1, 2, "合计"), (1, 1, 1, 1, "5")]).rows
    (('合计', '合计'), ('', '5'))
    """
    grid: dict[tuple[int, int], str] = {}
    spans: list[tuple[int, int, int, int]] = []
    for r, c, rowspan, colspan, text in cells:
        for dr in range(rowspan):
            for dc in range(colspan):
                grid.setdefault((r + dr, c + dc), text)
        if rowspan > 1 or colspan > 1:
            spans.append((r, c, rowspan, colspan))
    width = 1 + max((c for _, c in grid), default=-1)
    height = 1 + max((r for r, _ in grid), default=-1)
    if width < 2 or height < 2:
        return None
    return Table(
        rows=tuple(tuple(grid.get((r, c), "") for c in range(width)) for r in range(height)),
        spans=tuple(spans),
    )


def origin_cells(table: Table) -> list[list[tuple[int, int, int]]]:
    """Each row's cells as ``(column, rowspan, colspan)``, merged cells once where they start.

    >>> origin_cells(table_from_cells([[("a", 2, 1), ("b", 1, 1)], [("c", 1, 1)]]))
    [[(0, 2, 1), (1, 1, 1)], [(1, 1, 1)]]
    """
    starts = {(r, c): (rs, cs) for r, c, rs, cs in table.spans}
    covered = {
        (r + dr, c + dc)
        for (r, c), (rs, cs) in starts.items()
        for dr in range(rs)
        for dc in range(cs)
        if dr or dc
    }
    return [
        [(c, *starts.get((r, c), (1, 1))) for c in range(len(row)) if (r, c) not in covered]
        for r, row in enumerate(table.rows)
    ]


def table_lines(table: Table) -> list[str]:
    """The table as text: one line per row holding text, its cells joined by ``" | "``.

    >>> table_lines(table_from_cells([[("项目", 2, 1), ("数量", 1, 1)], [("", 1, 1)]]))
    ['项目 | 数量']
    """
    lines = []
    for r, cells in enumerate(origin_cells(table)):
        texts = [table.rows[r][c] for c, _, _ in cells if table.rows[r][c]]
        if texts:
            lines.append(CELL_SEPARATOR.join(texts))
    return lines


def join_cell_lines(lines: Sequence[str]) -> str:
    """One line for a cell's text lines: CJK lines join directly (a wrap), others with a space.

    >>> join_cell_lines(["（本列数据的勾稽关系为：第一项加第二项之和，", "等于第三项", "of 4"])
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项 of 4'
    """
    text = ""
    for line in (line.strip() for line in lines):
        if not line:
            continue
        seam = text and _CJK.match(text[-1]) and _CJK.match(line[0])
        text = f"{text}{'' if seam or not text else ' '}{line}"
    return text


def placed_from_slots(slots: Sequence[Sequence[tuple[object, str]]]) -> list[Placed]:
    """Cells placed from a grid of ``(cell, text)`` slots in which a merged cell fills every slot
    it covers with the same object (as Word tables come): each cell once, with its extent.

    >>> a, b = object(), object()
    >>> placed_from_slots([[(a, "项目"), (b, "数量")], [(a, "项目"), (object(), "3")]])[:2]
    [(0, 0, 2, 1, '项目'), (0, 1, 1, 1, '数量')]
    """
    placed: list[Placed] = []
    seen: list[object] = []
    for r, row in enumerate(slots):
        for c, (cell, text) in enumerate(row):
            if any(cell is other for other in seen):
                continue
            seen.append(cell)
            colspan = 1
            while c + colspan < len(row) and row[c + colspan][0] is cell:
                colspan += 1
            rowspan = 1
            while (
                r + rowspan < len(slots)
                and c < len(slots[r + rowspan])
                and slots[r + rowspan][c][0] is cell
            ):
                rowspan += 1
            placed.append((r, c, rowspan, colspan, text))
    return placed
