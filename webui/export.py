"""``/search.csv``: every section a search matches (not one page), with its report's metadata,
streamed from :meth:`SearchService.export` (one generation, no facets, one snippet per section)
so memory stays flat however many sections match. UTF-8 with a byte-order mark, so Excel opens
the Chinese text correctly.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from flask import Blueprint, url_for
from werkzeug.wrappers import Response

from indexer.search.types import Hit, SearchRequest
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
    """The CSV of every section ``wanted`` matches. The export starts before the response
    does, so a bad query or a missing index is still an error status, not a file; the server
    closing the response (finished or abandoned) ends the export."""
    state = gongkai()
    hits = state.service.export(wanted)
    report_url = url_for("reports.report", report_id="ID", _external=True).removesuffix("ID")
    response = Response(
        csv_rows(hits, state.settings.taxonomy, report_url),
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="gongkai-search.csv"'},
    )
    response.call_on_close(hits.close)
    return response


def csv_rows(hits: Iterable[Hit], taxonomy: Taxonomy, report_url: str) -> Iterator[str]:
    """The header line, then one line per matching section."""
    yield BOM + _line(COLUMNS)
    for hit in hits:
        yield _line(_row(hit, taxonomy, report_url))


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
