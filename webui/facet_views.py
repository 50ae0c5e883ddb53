"""Facet values as data: every value with its count, whether it is selected and the link that
toggles it (the Datasette model), the years as bars, long lists cut into the top values and
"more". (The region facets as one tree: :mod:`webui.region_tree`.)

Pure functions of the service's facet counts and the current URL pairs, so the page, the JSON API
and the tests all see the same links.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from indexer.search.facets import Facet
from indexer.search.types import FacetValue
from webui.urls import Pairs, href, toggle_href, toggled_year

TOP_VALUES = 8
"""Values shown before "more"."""

BAR_STEPS = 20
"""Year bar heights are whole steps (CSS classes), since the CSP forbids inline styles."""


@dataclass(frozen=True)
class ValueView:
    """One facet value on the page; ``url`` toggles it (None: it cannot be chosen)."""

    value: str
    label: str
    count: int
    selected: bool
    url: str | None


@dataclass(frozen=True)
class FacetView:
    id: str
    label: str
    top: tuple[ValueView, ...]
    more: tuple[ValueView, ...]


@dataclass(frozen=True)
class YearBar:
    value: ValueView
    step: int


T = TypeVar("T")

MAX_YEAR_SPAN = 40
"""Gaps between years are filled up to this span (a stray year must not make 500 bars)."""


def value_view(facet: Facet, value: FacetValue, pairs: Pairs, path: str) -> ValueView:
    """A value and the link toggling it (a known year splits a selected range around it)."""
    if facet.id == "year" and value.value.isdigit():
        url = href(path, toggled_year(pairs, int(value.value)))
    else:
        url = toggle_href(path, pairs, facet.request_field, value.value)
    return ValueView(value.value, value.label, value.count, value.selected, url)


def facet_view(
    facet: Facet, values: Sequence[FacetValue], pairs: Pairs, path: str, top: int = TOP_VALUES
) -> FacetView:
    """The first ``top`` values, then "more"; selected values always stay in sight."""
    views = [value_view(facet, value, pairs, path) for value in values]
    shown, hidden = split_top(views, lambda view: view.selected, top)
    return FacetView(facet.id, facet.label, shown, hidden)


def split_top(
    items: Sequence[T], keep: Callable[[T], bool], top: int
) -> tuple[tuple[T, ...], tuple[T, ...]]:
    """The first ``top`` items and those ``keep`` wants in sight, then the rest, in order.

    >>> split_top([1, 2, 3, 4], lambda n: n == 4, 2)
    ((1, 2, 4), (3,))
    """
    shown = tuple(item for i, item in enumerate(items) if i < top or keep(item))
    return shown, tuple(item for i, item in enumerate(items) if i >= top and not keep(item))


def year_bars(views: Sequence[ValueView]) -> tuple[YearBar, ...]:
    """The known years, oldest first, each with its bar height in steps (at least 1 when any);
    years missing between them get an empty bar (no link) so the axis keeps time, unless the
    span is longer than :data:`MAX_YEAR_SPAN`.

    >>> [(b.value.value, b.step) for b in year_bars(
    ...     [ValueView("2019", "2019", 4, False, None), ValueView("2017", "2017", 1, False, None)])]
    [('2017', 5), ('2018', 0), ('2019', 20)]
    """
    years = {int(v.value): v for v in views if v.value.isdigit()}
    if years and max(years) - min(years) < MAX_YEAR_SPAN:
        for year in range(min(years), max(years)):
            years.setdefault(year, ValueView(str(year), str(year), 0, False, None))
    highest = max((v.count for v in years.values()), default=0)
    return tuple(
        YearBar(v, math.ceil(v.count * BAR_STEPS / highest) if highest else 0)
        for _, v in sorted(years.items())
    )
