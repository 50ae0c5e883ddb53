"""The search and browse pages, and the landing page with the corpus at a glance.

``/search`` takes the URL grammar of :mod:`indexer.search.params` (the API's too); without a query
it browses the sections the filters select. ``/`` shows what the index holds, facets ready to
click. A bad query is the search page again with the message, status 400.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from indexer.search.params import MAX_FILTER_VALUES, MAX_VALUES, parse_params
from indexer.search.types import QueryError, SearchResults
from webui.page_views import FILTER_LABELS, chips, group_hits, paginate
from webui.sidebar import build_sidebar
from webui.state import gongkai, pairs_of, requested
from webui.templating import filter_label, page_sizes
from webui.urls import Pairs, cleared, href, removed

bp = Blueprint("search", __name__)


@bp.get("/")
def landing() -> str | Response:
    if request.args:
        return redirect(href(url_for("search.results"), request.args.items(multi=True)))
    stats = gongkai().service.stats()
    years = [int(v.value) for v in stats.facets.get("year", ()) if v.value.isdigit()]
    known = {
        level: sum(1 for v in stats.facets.get(level, ()) if v.value != "未知")
        for level in ("province", "prefecture", "county")
    }
    return render_template(
        "landing.html",
        stats=stats,
        years=(min(years), max(years)) if years else None,
        regions=known,
        section_types=len(stats.facets.get("section_type", ())),
        sidebar=build_sidebar(stats.facets, (), url_for("search.results")),
        form=form_state("", ()),
    )


@bp.get("/search")
def results() -> str:
    search = requested()
    found = gongkai().service.search(search)
    return render_template("search.html", **search_context(found, pairs_of(search)))


def search_context(results: SearchResults, pairs: Pairs) -> dict[str, Any]:
    """Everything the results page shows, from one result set and its URL pairs."""
    path = url_for("search.results")
    search = results.request
    return {
        "results": results,
        "groups": group_hits(results.hits, results.matches_of),
        "sidebar": build_sidebar(results.facets, pairs, path),
        "chips": chips(pairs, path, filter_label),
        "filter_labels": FILTER_LABELS,
        "clear_url": href(path, cleared(pairs)),
        "without_query": href(path, removed(pairs, "q")) if search.query else None,
        "pagination": paginate(pairs, path, results.total, search.page, search.page_size),
        "form": form_state(search.query, pairs),
        "sizes": page_sizes(search.page_size, gongkai().settings.search.max_page_size),
        "json_url": href(url_for("api.search"), pairs),
        "csv_url": href(url_for("export.search_csv"), removed(pairs, "page")),
        "report_query": [("q", search.query)] if search.query else [],
    }


def form_state(query: str, pairs: Pairs) -> dict[str, Any]:
    """The search box's value and the hidden fields that keep the rest of the state: the
    search form keeps filters, sort and size; the sort/size form keeps the query and filters."""
    return {
        "query": query,
        "keep": [(k, v) for k, v in pairs if k not in ("q", "page")],
        "keep_for_options": [(k, v) for k, v in pairs if k not in ("sort", "size", "page")],
        "sort": dict(pairs).get("sort", "relevance"),
    }


def render_error(message: str, status: int) -> tuple[str, int]:
    """The search page with a message instead of results, the form still there (keeping the
    parameters that are valid on their own, so resubmitting does not repeat the error)."""
    settings = gongkai().settings
    keep: list[tuple[str, str]] = []
    for key, value in request.args.items(multi=True):
        if key in (*FILTER_LABELS, "sort", "size") and not _full(keep, key):
            try:
                parse_params({key: value}, settings)
            except QueryError:
                continue
            keep.append((key, value))
    form = {"query": request.args.get("q", ""), "keep": keep, "sort": "relevance"}
    return render_template("error.html", message=message, status=status, form=form), status


def _full(kept: list[tuple[str, str]], key: str) -> bool:
    """Whether ``key`` may not be kept once more: ``sort`` and ``size`` once, filters within
    the limits (a refused URL may hold thousands of values: the page echoes no more than a
    valid URL could)."""
    keys = [k for k, _ in kept]
    if key not in FILTER_LABELS:
        return key in keys
    filters = [k for k in keys if k in FILTER_LABELS]
    return filters.count(key) >= MAX_VALUES or len(filters) >= MAX_FILTER_VALUES
