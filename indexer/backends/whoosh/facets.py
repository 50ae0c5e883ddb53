"""Facet counts over every match, with multi-select semantics, as array operations.

The values selected in one facet are OR-ed, facets are AND-ed, and each facet is counted over the
matches that pass every *other* facet's selection, so its own unselected values keep counts the
user can widen the selection with. One ``np.bincount`` per facet over the matching document
numbers; no Python loop over the matches. Prefectures and counties are counted by place (value
and parent, see :class:`indexer.backends.whoosh.table.Placed`), so a county name shared by two
prefectures is counted under each.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from indexer.backends.whoosh.table import Table
from indexer.search.facets import FACETS
from indexer.search.params import format_years
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
                lambda value, ranges=ranges: any(r.accepts(value) for r in ranges),
                tuple(format_years(r) for r in ranges if r.first == r.last),
            )
        else:
            values = frozenset(picked)
            chosen[facet.id] = Selection(values.__contains__, tuple(picked))
    return chosen


def selected(table: Table, matched: np.ndarray, chosen: Mapping[str, Selection]) -> np.ndarray:
    """The documents of ``matched`` passing every selection, without counting anything."""
    passing = np.ones(len(matched), dtype=bool)
    for mask in _masks(table, matched, chosen).values():
        passing &= mask
    return matched[passing]


def count_facets(table: Table, matched: np.ndarray, chosen: Mapping[str, Selection]) -> Counted:
    """Apply the selections to ``matched`` and count every facet, each without its own."""
    masks = _masks(table, matched, chosen)
    everything = np.ones(len(matched), dtype=bool)
    counts: dict[str, np.ndarray] = {}
    for facet in FACETS:
        others = everything.copy()
        for other, mask in masks.items():
            if other != facet.id:
                others &= mask
        codes, size = _codes(table, facet.id)
        counts[facet.id] = np.bincount(codes[matched[others]], minlength=size)
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
        counts = counted.counts[facet.id]
        selection = chosen.get(facet.id)
        label = _labeller(facet.id, section_label)
        keys = _keys(table, facet.id)
        nonzero = np.flatnonzero(counts)
        found = dict(
            zip([keys[i] for i in nonzero.tolist()], counts[nonzero].tolist(), strict=True)
        )
        counted_values = {value for _, value in found}
        for value in selection.shown if selection else ():
            if value not in counted_values:
                found[(None, value)] = 0
        values = [
            FacetValue(
                value, label(value), count, bool(selection and selection.accepts(value)), parent
            )
            for (parent, value), count in found.items()
        ]
        values.sort(key=_year_order if facet.id == "year" else _count_order)
        result[facet.id] = tuple(values)
    return result


def _codes(table: Table, facet: str) -> tuple[np.ndarray, int]:
    """Per document, the index of its facet value (of its place, for region levels), and how
    many there are."""
    placed = table.placed.get(facet)
    if placed is not None:
        return placed.codes, len(placed.pairs)
    column = table.columns[facet]
    return column.codes, len(column.values)


def _keys(table: Table, facet: str) -> tuple[tuple[str | None, str], ...]:
    """(parent, value) per value index, in the order of :func:`_codes`."""
    placed = table.placed.get(facet)
    if placed is not None:
        return placed.pairs
    return tuple((None, value) for value in table.columns[facet].values)


def _masks(
    table: Table, matched: np.ndarray, chosen: Mapping[str, Selection]
) -> dict[str, np.ndarray]:
    """Per selected facet, whether each of ``matched`` passes its selection."""
    return {
        facet: table.columns[facet].allowing(selection.accepts)[table.columns[facet].codes[matched]]
        for facet, selection in chosen.items()
    }


def _labeller(facet: str, section_label: Callable[[str], str]) -> Callable[[str], str]:
    if facet == "section_type":
        return section_label
    if facet == "kind":
        return lambda value: KINDS.get(value, value)
    return lambda value: value


def _count_order(value: FacetValue) -> tuple[int, str, str]:
    return (-value.count, value.value, value.parent or "")


def _year_order(value: FacetValue) -> tuple[int, str]:
    return (-int(value.value) if value.value.isdigit() else 1, value.value)
