"""The report page: metadata, an outline of the sections, the full text with section anchors,
the query's matches marked when the reader arrives from a search, a script toggle, and the
statistics tables rebuilt from the figures read (failing checks marked).

``/reports/<id>?q=…&script=simplified``: ``q`` marks the matches (numbered ``hit-1``, ``hit-2``
… for next/previous), ``script=simplified`` shows the simplified twin of a traditional report.
``/reports/<id>/original`` downloads the file the report was read from (see
:mod:`indexer.originals`).
"""

from __future__ import annotations

from pathlib import PurePosixPath

from flask import Blueprint, abort, render_template, request, send_file, url_for
from werkzeug.exceptions import NotFound
from werkzeug.wrappers import Response

from indexer.originals import LABELS, OriginalError, find_original
from indexer.reading import file_type
from indexer.script import to_simplified
from indexer.search.types import QueryError
from webui.report_view import section_views
from webui.state import gongkai
from webui.statistics_view import statistics_view
from webui.urls import href

bp = Blueprint("reports", __name__)

SIMPLIFIED = "simplified"


@bp.get("/reports/<report_id>")
def report(report_id: str) -> str:
    service = gongkai().service
    found = service.report(report_id)
    if found is None:
        abort(404)
    query = request.args.get("q", "").strip()
    simplified = request.args.get("script") == SIMPLIFIED
    problem = None
    try:
        marks = service.marks(report_id, query) if query else {}
    except QueryError as error:
        marks, problem = {}, str(error)
    sections = section_views(found, found.simplified if simplified else found.text, marks)
    hits = sum(1 for s in sections for p in (*s.heading, *s.body) if p.hit is not None)
    path = url_for("reports.report", report_id=report_id)
    keep = [("q", query)] if query else []
    shown = to_simplified if simplified else str
    return render_template(
        "report.html",
        report=found,
        title=shown(found.title),
        issuer=shown(found.issuer) if found.issuer else None,
        report_id=report_id,
        sections=sections,
        statistics=statistics_view(found),
        query=query,
        hits=hits,
        problem=problem,
        simplified=simplified,
        toggle_url=href(path, keep if simplified else [*keep, ("script", SIMPLIFIED)]),
        differs=found.text != found.simplified,
        search_url=href(url_for("search.results"), keep),
        json_url=url_for("api.report", report_id=report_id),
        original_url=url_for("reports.original", report_id=report_id),
        original_label=LABELS.get(file_type(PurePosixPath(found.source)), "原"),
        form={"query": query, "keep": ()},
    )


@bp.get("/reports/<report_id>/original")
def original(report_id: str) -> Response:
    """The original file, as an attachment (a saved web page is never shown as ours)."""
    try:
        found = find_original(gongkai().settings.index_path, report_id)
    except OriginalError as error:
        raise NotFound(str(error)) from error
    response = send_file(
        found.path, mimetype=found.media_type, as_attachment=True, download_name=found.name
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
