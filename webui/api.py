"""The JSON API: the search page's twin, with the same URL grammar and the same data.

``/api/search`` returns the shape of ``gongkai search --json``
(:func:`indexer.search.serialise.results_to_dict`), each facet value also carrying the
``toggle_url`` that selects or unselects it; ``/api/facets`` the counts alone; ``/api/reports/<id>``
a report with its sections; ``/api/stats`` the corpus at a glance. Errors are
``{"status", "error"}`` (see :mod:`webui.errors`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from flask import Blueprint, abort, jsonify, request, url_for
from werkzeug.wrappers import Response

from indexer.search import messages
from indexer.search.facets import FACETS
from indexer.search.messages import quoted
from indexer.search.serialise import facet_value_to_dict, results_to_dict
from indexer.search.types import FacetValue, QueryError
from indexer.serialise import report_to_dict
from webui.export import csv_response
from webui.facet_views import value_view
from webui.report_view import section_anchor
from webui.state import gongkai, pairs_of, requested
from webui.urls import Pairs

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/search")
def search() -> Response:
    """One page of results as JSON, or (``format=csv``) every matching section as CSV."""
    form = request.args.get("format", "json")
    if form not in ("json", "csv"):
        raise QueryError(messages.BAD_FORMAT.format(text=quoted(form)))
    wanted = requested()
    if form == "csv":
        return csv_response(wanted)
    results = gongkai().service.search(wanted)
    data = results_to_dict(results)
    data["facets"] = facets_with_links(results.facets, pairs_of(wanted), request.path)
    return jsonify(data)


@bp.get("/facets")
def facets() -> Response:
    """The facet counts of a search (and its total), without hits."""
    wanted = requested()
    results = gongkai().service.search(replace(wanted, page=1, page_size=0))
    links = facets_with_links(results.facets, pairs_of(wanted), request.path)
    return jsonify(query=wanted.query, total=results.total, facets=links)


@bp.get("/reports/<report_id>")
def report(report_id: str) -> Response:
    found = gongkai().service.report(report_id)
    if found is None:
        abort(404)
    data = report_to_dict(found)
    for section, shown in zip(found.sections, data["sections"], strict=True):
        shown["position"] = section.position
        anchor = section_anchor(section.position)
        shown["url"] = url_for("reports.report", report_id=report_id, _anchor=anchor)
    return jsonify(
        report_id=report_id,
        url=url_for("reports.report", report_id=report_id),
        download_url=url_for("reports.original", report_id=report_id),
        **data,
    )


@bp.get("/stats")
def stats() -> Response:
    """What the index holds: reports, sections, and every facet's counts."""
    found = gongkai().service.stats()
    return jsonify(
        reports=found.reports,
        sections=found.sections,
        unclassified=round(found.unclassified, 4),
        facets={k: [facet_value_to_dict(v) for v in vs] for k, vs in found.facets.items()},
    )


def facets_with_links(
    facets: dict[str, tuple[FacetValue, ...]], pairs: Pairs, path: str
) -> dict[str, list[dict[str, Any]]]:
    """Each facet value as in ``results_to_dict``, plus the URL that toggles it."""
    return {
        facet.id: [
            facet_value_to_dict(value) | {"toggle_url": value_view(facet, value, pairs, path).url}
            for value in facets.get(facet.id, ())
        ]
        for facet in FACETS
    }
