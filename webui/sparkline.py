"""A place's figure over the years as a small line chart: SVG polyline points, drawn with
presentation attributes only (the Content-Security-Policy allows no inline styles).

A year without a figure breaks the line, so a missing report shows as a gap, not as a slope.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 120
HEIGHT = 28
PAD = 3


@dataclass(frozen=True)
class Sparkline:
    width: int
    height: int
    lines: tuple[str, ...]  # "x,y x,y …" for each stretch of consecutive years with a figure
    dots: tuple[tuple[float, float], ...]  # every figure, so a lone year still shows


def sparkline(values: Sequence[float | int | None]) -> Sparkline | None:
    """The chart of ``values`` (one per year, None for none), or None when fewer than two.

    >>> chart = sparkline([1, 3, None, 2])
    >>> chart.lines
    ('3.0,25.0 41.0,3.0',)
    >>> [x for x, _ in chart.dots]
    [3.0, 41.0, 117.0]
    """
    known = [v for v in values if v is not None]
    if len(known) < 2:
        return None
    low, high = min(known), max(known)
    step = (WIDTH - 2 * PAD) / max(1, len(values) - 1)

    def point(i: int, value: float) -> tuple[float, float]:
        share = (value - low) / (high - low) if high > low else 0.5
        return round(PAD + i * step, 1), round(HEIGHT - PAD - share * (HEIGHT - 2 * PAD), 1)

    dots = [point(i, v) for i, v in enumerate(values) if v is not None]
    stretches: list[list[tuple[float, float]]] = [[]]
    for i, value in enumerate(values):
        if value is None:
            stretches.append([])
        else:
            stretches[-1].append(point(i, value))
    lines = tuple(" ".join(f"{x},{y}" for x, y in s) for s in stretches if len(s) > 1)
    return Sparkline(WIDTH, HEIGHT, lines, tuple(dots))
