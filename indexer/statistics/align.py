"""Which run of figures is which row of a table: an alignment in reading order, by labels.

Rows keep their order in every rendering, but labels get renamed, wrapped onto other lines,
merged with their group's label or lost, and stray runs (a page number, a row of another table)
slip in. So runs and template rows are aligned like two sequences: a run whose own label names
a row scores for it and cannot go to a row its label contradicts; a run without a label fits
any row in its place. A run goes to a row only when that is the single best way to align it;
when two alignments tie, the run stays unread rather than guessed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from indexer.statistics.template import Line
from indexer.statistics.tokens import Run

NAMED = 3.0
"""A run whose own label names the row."""
HINTED = 1.0
"""A run whose label, read with the words before it, names the row."""
UNNAMED_OPTIONAL = -3.0
"""An optional row (a group's own line) without a label naming it."""
SKIP_RUN = -2.0
SKIP_ROW = -1.0
_NEVER = float("-inf")
_TIE = 1e-9


def named(label: str, rows: Sequence[Line]) -> int | None:
    """The row a label names: the one whose key ends last in it (a group's label comes before
    its member's, "（三）不予公开 1.属于国家秘密"), or None.

    >>> import re
    >>> rows = [Line("refused", "", (re.compile("不予公开"),)),
    ...         Line("refused_secret", "", (re.compile("国家秘密"),))]
    >>> named("(三)不予公开1.属于国家秘密", rows)
    1
    """
    ends = [(row.found_in(label), i) for i, row in enumerate(rows)]
    end, best = max(ends, default=(-1, -1))
    if end < 0 or sum(1 for e, _ in ends if e == end) > 1:
        return None
    return best


def scores(run: Run, rows: Sequence[Line]) -> list[float]:
    """How well ``run`` fits each of ``rows`` by its labels."""
    own = named(run.label, rows) if run.label else None
    if own is not None:
        return [NAMED if j == own else _NEVER for j in range(len(rows))]
    hinted = named(run.context + run.label, rows)
    return [
        HINTED if j == hinted else UNNAMED_OPTIONAL if row.optional else 0.0
        for j, row in enumerate(rows)
    ]


def align(runs: Sequence[Run], rows: Sequence[Line]) -> dict[int, int]:
    """``{run index: row index}`` for the runs whose row is certain."""
    n, m = len(runs), len(rows)
    fit = [scores(run, rows) for run in runs]
    skip_row = [0.0 if row.optional else SKIP_ROW for row in rows]
    ahead = _table(n, m, lambda i, j: fit[i][j], skip_row)
    behind = _table(n, m, lambda i, j: fit[n - 1 - i][m - 1 - j], skip_row[::-1])
    best = ahead[n][m]

    def after(i: int, j: int) -> float:  # best score of runs[i:] against rows[j:]
        return behind[n - i][m - j]

    placed: dict[int, int] = {}
    for i in range(n):
        options = [ahead[i][j] + fit[i][j] + after(i + 1, j + 1) for j in range(m)]
        skipped = max(ahead[i][j] + SKIP_RUN + after(i + 1, j) for j in range(m + 1))
        top = max(options, default=_NEVER)
        if top < best - _TIE or skipped >= top - _TIE:
            continue
        winners = [j for j, value in enumerate(options) if value >= top - _TIE]
        if len(winners) == 1:
            placed[i] = winners[0]
    return placed


def _table(
    n: int, m: int, fit: Callable[[int, int], float], skip_row: Sequence[float]
) -> list[list[float]]:
    """``best[i][j]``: the best score of the first ``i`` runs against the first ``j`` rows."""
    best = [[_NEVER] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            value = _NEVER
            if i:
                value = max(value, best[i - 1][j] + SKIP_RUN)
            if j:
                value = max(value, best[i][j - 1] + skip_row[j - 1])
            if i and j:
                value = max(value, best[i - 1][j - 1] + fit(i - 1, j - 1))
            best[i][j] = value
    return best
