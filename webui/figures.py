"""The figures page (数据): one figure or rate of the statistics tables as a grid of places ×
years, drilling down from provinces like the region facet, each place's line over the years,
with its JSON twin and the export of every figure of every report.

``/figures?measure=granted&in=江苏省/淮安市``; ``/api/figures?…`` the same grid as JSON;
``/figures.csv`` and ``/api/figures/export`` a row per report, a column per cell id.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from flask import Blueprint, jsonify, render_template, request, url_for
from werkzeug.wrappers import Response

from indexer.search.types import QueryError
from indexer.serialise import grid_to_dict
from indexer.statistics import show_number
from indexer.statistics.grid import (
    Grid,
    Measure,
    Record,
    export_header,
    export_rows,
    grid,
    measure,
    measures,
)
from indexer.statistics.served import served_records
from webui.export import BOM
from webui.sparkline import Sparkline, sparkline
from webui.state import gongkai
from webui.urls import href

bp = Blueprint("figures", __name__)

DEFAULT = "requests_new"
UNKNOWN_MEASURE = "没有这个数据项：{text}（可选：{known}）"


@dataclass(frozen=True)
class Link:
    text: str
    url: str


@dataclass(frozen=True)
class GridView:
    grid: Grid
    breadcrumbs: tuple[Link, ...]  # 全国, then each level of the parent
    places: tuple[Link | None, ...]  # each row's drill-down link (None at the county level)
    reports: tuple[tuple[tuple[Link, ...], ...], ...]  # per row, per year: the reports behind it
    values: tuple[tuple[str, ...], ...]
    charts: tuple[Sparkline | None, ...]  # each place over the years
    totals: tuple[str, ...]
    medians: tuple[str, ...]


@bp.get("/figures")
def page() -> str:
    wanted, parent = _wanted()
    view = grid_view(_grid(wanted, parent))
    return render_template(
        "figures.html",
        view=view,
        measures=measures(),
        selected=wanted.id,
        parent="/".join(parent),
        json_url=href(url_for("figures.api"), _pairs(wanted.id, parent)),
        csv_url=url_for("figures.export_csv"),
        export_json_url=url_for("figures.export", format="json"),
    )


@bp.get("/api/figures")
def api() -> Response:
    return jsonify(grid_to_dict(_grid(*_wanted())))


@bp.get("/figures.csv")
def export_csv() -> Response:
    return _export(served_records(gongkai().settings.index_path), "csv")


@bp.get("/api/figures/export")
def export() -> Response:
    form = request.args.get("format", "json")
    if form not in ("json", "csv"):
        raise QueryError(f"不支持的格式：{form}（可选：json、csv）")
    return _export(served_records(gongkai().settings.index_path), form)


def _export(found: list[Record], form: str) -> Response:
    header = export_header(found)
    rows = export_rows(found, header)
    if form == "json":
        return jsonify([dict(zip(header, row, strict=True)) for row in rows])
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([header, *rows])
    return Response(
        BOM + out.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="gongkai-figures.csv"'},
    )


def _grid(wanted: Measure, parent: list[str]) -> Grid:
    return grid(served_records(gongkai().settings.index_path), wanted, parent)


def _wanted() -> tuple[Measure, list[str]]:
    """The measure and the parent region the URL asks for; 400 for an unknown measure."""
    measure_id = request.args.get("measure", DEFAULT)
    wanted = measure(measure_id)
    if wanted is None:
        known = "、".join(m.id for m in measures())
        raise QueryError(UNKNOWN_MEASURE.format(text=measure_id[:40], known=known))
    parent = [p for p in request.args.get("in", "").split("/") if p.strip()][:2]
    return wanted, parent


def _pairs(measure_id: str, parent: list[str] | tuple[str, ...]) -> list[tuple[str, str]]:
    pairs = [("measure", measure_id)]
    return [*pairs, ("in", "/".join(parent))] if parent else pairs


def grid_view(shown: Grid) -> GridView:
    """The links and printed values of a grid, for the page."""
    path = url_for("figures.page")
    measure_id = shown.measure.id
    crumbs = [Link("全国", href(path, _pairs(measure_id, ())))]
    for depth, name in enumerate(shown.parent, 1):
        crumbs.append(Link(name, href(path, _pairs(measure_id, shown.parent[:depth]))))
    deepest = len(shown.parent) >= 2
    return GridView(
        grid=shown,
        breadcrumbs=tuple(crumbs),
        places=tuple(
            None if deepest else Link(row.place, href(path, _pairs(measure_id, row.path)))
            for row in shown.rows
        ),
        reports=tuple(
            tuple(
                tuple(
                    Link(str(n + 1), url_for("reports.report", report_id=report))
                    for n, report in enumerate(cell.reports)
                )
                for cell in row.cells
            )
            for row in shown.rows
        ),
        values=tuple(tuple(shown_value(shown, c.value) for c in row.cells) for row in shown.rows),
        charts=tuple(sparkline([c.value for c in row.cells]) for row in shown.rows),
        totals=tuple(shown_value(shown, v) for v in shown.totals),
        medians=tuple(shown_value(shown, v) for v in shown.medians),
    )


def shown_value(shown: Grid, value: float | int | None) -> str:
    """A grid value as printed: empty when there is none, a rate as a percentage."""
    if value is None:
        return ""
    return f"{value * 100:.1f}%" if shown.measure.denominator else show_number(value)
