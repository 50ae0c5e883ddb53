"""Facet counts over every match, with multi-select semantics, as array operations.

The values selected in one facet are OR-ed, facets are AND-ed, and each facet is counted over the
matches that pass every *other* facet's selection, so its own unselected values keep counts the
user can widen the selection with. One ``np.bincount`` per facet over the matching document
numbers; no Python loop over the matches.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from indexer.backends.whoosh.table import Table
from indexer.search.facets import FACETS
from indexer.search.types import FacetValue, SearchRequest
from indexer.vocabulary import KINDS


@dataclass(frozen=True)
class Selection:
    """One facet's selection: which values it accepts and the values to show even at zero."""

    accepts: Callable[[str], bool]
    shown: tuple[str, ...]


@dataclass(frozen=True)
class Counted:
    """The matches passing every selection, and each facet's counts per value index."""

    docs: np.ndarray
    counts: Mapping[str, np.ndarray]


def selections(request: SearchRequest) -> dict[str, Selection]:
    """The facets the request selects values in."""
    chosen: dict[str, Selection] = {}
    for facet in FACETS:
        picked = getattr(request, facet.request_field)
        if not picked:
            continue
        if facet.id == "year":
            ranges = tuple(picked)
            chosen[facet.id] = Selection(
                lambda value, ranges=ranges: (
                    value.isdigit() and any(r.first <= int(value) <= r.last for r in ranges)
                ),
                tuple(str(r.first) for r in ranges if r.first == r.last),
            )
        else:
            values = frozenset(picked)
            chosen[facet.id] = Selection(values.__contains__, tuple(picked))
    return chosen


def count_facets(table: Table, matched: np.ndarray, chosen: Mapping[str, Selection]) -> Counted:
    """Apply the selections to ``matched`` and count every facet, each without its own."""
    masks = {
        facet: table.columns[facet].allowing(selection.accepts)[table.columns[facet].codes[matched]]
        for facet, selection in chosen.items()
    }
    everything = np.ones(len(matched), dtype=bool)
    counts: dict[str, np.ndarray] = {}
    for facet in FACETS:
        others = everything.copy()
        for other, mask in masks.items():
            if other != facet.id:
                others &= mask
        column = table.columns[facet.id]
        counts[facet.id] = np.bincount(column.codes[matched[others]], minlength=len(column.values))
    passing = everything
    for mask in masks.values():
        passing = passing & mask
    return Counted(matched[passing], counts)


def facet_values(
    table: Table,
    counted: Counted,
    chosen: Mapping[str, Selection],
    section_label: Callable[[str], str],
) -> dict[str, tuple[FacetValue, ...]]:
    """Each facet's values with a count or selected, labelled and in display order: by count
    (years by year, newest first), selected values always included."""
    result: dict[str, tuple[FacetValue, ...]] = {}
    for facet in FACETS:
        column, counts = table.columns[facet.id], counted.counts[facet.id]
        selection = chosen.get(facet.id)
        label = _labeller(facet.id, section_label)
        found = {value: int(counts[i]) for i, value in enumerate(column.values) if counts[i]}
        for value in selection.shown if selection else ():
            found.setdefault(value, 0)
        values = [
            FacetValue(value, label(value), count, bool(selection and selection.accepts(value)))
            for value, count in found.items()
        ]
        values.sort(key=_year_order if facet.id == "year" else _count_order)
        result[facet.id] = tuple(values)
    return result


def _labeller(facet: str, section_label: Callable[[str], str]) -> Callable[[str], str]:
    if facet == "section_type":
        return section_label
    if facet == "kind":
        return lambda value: KINDS.get(value, value)
    return lambda value: value


def _count_order(value: FacetValue) -> tuple[int, str]:
    return (-value.count, value.value)


def _year_order(value: FacetValue) -> tuple[int, str]:
    return (-int(value.value) if value.value.isdigit() else 1, value.value)
