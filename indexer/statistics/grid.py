"""Figures across reports: one figure or rate as a grid of places × years, and every cell of every
report as rows for export.

Places drill down like the region facet: provinces, then the prefectures of one, then its
counties. A place-year holding several reports (a government and its departments) shows their
sum, a rate the ratio of their sums; a place-year without a report is a gap (None), never 0.
"""

from __future__ import annotations

import statistics as stats
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from indexer.models import Region, Statistics
from indexer.statistics.checks import Number, figures
from indexer.statistics.template import template


@dataclass(frozen=True)
class Record:
    """One report's statistics with what places it: the rows of the figures page and export."""

    report_id: str
    title: str
    region: Region | None
    year: int | None
    format: str
    values: dict[str, Number]

    def figures(self) -> dict[str, Number]:
        return figures(template().format(self.format), self.values)


@dataclass(frozen=True)
class Measure:
    """A headline figure, or a rate of two (``denominator`` set)."""

    id: str
    label: str
    numerator: str
    denominator: str | None = None


@dataclass(frozen=True)
class GridCell:
    value: float | int | None
    reports: tuple[str, ...] = ()


@dataclass(frozen=True)
class GridRow:
    place: str
    path: tuple[str, ...]
    cells: tuple[GridCell, ...]


@dataclass(frozen=True)
class Grid:
    measure: Measure
    parent: tuple[str, ...]
    years: tuple[int, ...]
    rows: tuple[GridRow, ...]
    totals: tuple[float | int | None, ...]
    medians: tuple[float | int | None, ...]


Stored = tuple[str, str, Region | None, int | None, Statistics]
"""A docstore row: report id, title, region, year, statistics."""


def records(found: Iterable[Stored]) -> list[Record]:
    """Records of the docstore's rows (:meth:`indexer.docstore.DocStore.statistics`)."""
    return [
        Record(report_id, title, region, year, statistics.format, statistics.values())
        for report_id, title, region, year, statistics in found
    ]


def measures() -> tuple[Measure, ...]:
    """Every figure and rate the template declares, figures first."""
    known = template()
    return (
        *(Measure(f.id, f.label, f.id) for f in known.figures),
        *(Measure(r.id, r.label, r.numerator, r.denominator) for r in known.rates),
    )


def measure(measure_id: str) -> Measure | None:
    return next((m for m in measures() if m.id == measure_id), None)


def grid(records: Sequence[Record], wanted: Measure, parent: Sequence[str] = ()) -> Grid:
    """``wanted`` for the places one level below ``parent`` (provinces when empty), by year.

    >>> r = Record("a", "", Region("江苏省", "淮安市"), 2024, "2021", {"new.total": 9})
    >>> g = grid([r], measure("requests_new"))
    >>> g.years, g.rows[0].place, g.rows[0].cells[0].value
    ((2024,), '江苏省', 9)
    """
    level = len(parent)
    years = tuple(sorted({r.year for r in records if r.year is not None}))
    places: dict[tuple[str, ...], dict[int, list[Record]]] = {}
    for record in records:
        path = record.region.path if record.region else ()
        if record.year is None or len(path) <= level or tuple(path[:level]) != tuple(parent):
            continue
        places.setdefault(path[: level + 1], {}).setdefault(record.year, []).append(record)
    rows = tuple(
        GridRow(
            path[-1],
            path,
            tuple(_cell(wanted, by_year.get(year, [])) for year in years),
        )
        for path, by_year in sorted(places.items())
    )
    totals = tuple(
        _value(wanted, [r for by_year in places.values() for r in by_year.get(year, [])])
        for year in years
    )
    medians = tuple(_median([row.cells[i].value for row in rows]) for i in range(len(years)))
    return Grid(wanted, tuple(parent), years, rows, totals, medians)


def _cell(wanted: Measure, records: Sequence[Record]) -> GridCell:
    return GridCell(_value(wanted, records), tuple(r.report_id for r in records))


def _value(wanted: Measure, records: Iterable[Record]) -> float | int | None:
    """The figure summed over the reports that give it; a rate as the ratio of such sums."""
    numerators, denominators = [], []
    for record in records:
        known = record.figures()
        top = known.get(wanted.numerator)
        bottom = known.get(wanted.denominator) if wanted.denominator else None
        if top is None or (wanted.denominator and bottom is None):
            continue
        numerators.append(top)
        if bottom is not None:
            denominators.append(bottom)
    if not numerators:
        return None
    if wanted.denominator is None:
        return sum(numerators)
    total = sum(denominators)
    return round(sum(numerators) / total, 4) if total else None


def _median(values: Sequence[float | int | None]) -> float | int | None:
    known = [v for v in values if v is not None]
    return stats.median(known) if known else None


def export_header(records: Sequence[Record]) -> list[str]:
    """The export's columns: the report, its place and year, the figures, then every cell id
    any report has, in the template's order."""
    seen = {cell for record in records for cell in record.values}
    cells = []
    for fmt in template().formats:
        for block in fmt.blocks:
            cells += [c for c in block.cell_ids() if c in seen and c not in cells]
    base = ["report_id", "title", "province", "prefecture", "county", "year", "format"]
    return [*base, *(f.id for f in template().figures), *cells]


def export_rows(records: Sequence[Record], header: Sequence[str]) -> list[list[object]]:
    """A row per report under ``header`` (see :func:`export_header`), None where not read."""
    rows = []
    for record in records:
        region = record.region or Region()
        known = {
            "report_id": record.report_id,
            "title": record.title,
            "province": region.province,
            "prefecture": region.prefecture,
            "county": region.county,
            "year": record.year,
            "format": record.format,
            **record.figures(),
            **record.values,
        }
        rows.append([known.get(column) for column in header])
    return rows
