"""``/search.csv``: every section a search matches (not one page), with its report's metadata,
streamed page by page so memory stays flat however many sections match. UTF-8 with a byte-order
mark, so Excel opens the Chinese text correctly.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import replace

from flask import Blueprint, url_for
from werkzeug.wrappers import Response

from indexer.search.service import SearchService
from indexer.search.types import Hit, SearchRequest, SearchResults
from indexer.structure.taxonomy import Taxonomy
from indexer.vocabulary import KINDS
from webui.report_view import section_anchor
from webui.state import gongkai, requested

bp = Blueprint("export", __name__)

COLUMNS = (
    "report_id", "title", "province", "prefecture", "county", "year", "kind", "kind_label",
    "issuer", "published", "source", "section_position", "section_heading", "section_type",
    "section_type_label", "score", "snippet", "url",
)  # fmt: skip
BOM = "\ufeff"


@bp.get("/search.csv")
def search_csv() -> Response:
    return csv_response(requested())


def csv_response(wanted: SearchRequest) -> Response:
    """The CSV of every section ``wanted`` matches. The first page is fetched before the
    response starts, so a bad query or a missing index is still an error status, not a file."""
    state = gongkai()
    size = state.settings.search.max_page_size
    first = state.service.search(replace(wanted, page=1, page_size=size))
    report_url = url_for("reports.report", report_id="ID", _external=True).removesuffix("ID")
    rows = csv_rows(state.service, first, state.settings.taxonomy, report_url)
    return Response(
        rows,
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="gongkai-search.csv"'},
    )


def csv_rows(
    service: SearchService, first: SearchResults, taxonomy: Taxonomy, report_url: str
) -> Iterator[str]:
    """The header line, then one line per matching section, page after page."""
    yield BOM + _line(COLUMNS)
    results = first
    while True:
        for hit in results.hits:
            yield _line(_row(hit, taxonomy, report_url))
        request = results.request
        if not results.hits or request.page * request.page_size >= results.total:
            return
        results = service.search(replace(request, page=request.page + 1))


def _row(hit: Hit, taxonomy: Taxonomy, report_url: str) -> tuple[object, ...]:
    region = hit.region
    snippet = " … ".join("".join(f.text for f in snippet) for snippet in hit.snippets)
    return (
        hit.report_id, hit.title,
        region.province if region else "", region.prefecture if region else "",
        region.county if region else "",
        hit.year or "", hit.kind, KINDS.get(hit.kind, hit.kind), hit.issuer or "",
        hit.published.isoformat() if hit.published else "", hit.source,
        hit.section.position, hit.section.heading, hit.section.type,
        taxonomy.label(hit.section.type), "" if hit.score is None else round(hit.score, 4),
        snippet, f"{report_url}{hit.report_id}#{section_anchor(hit.section.position)}",
    )  # fmt: skip


def _line(values: tuple[object, ...]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(values)
    return buffer.getvalue()
