"""``/search.csv``: every section a search matches (not one page), with its report's metadata,
streamed from :meth:`SearchService.export` (one generation, no facets, one snippet per section)
so memory stays flat however many sections match. UTF-8 with a byte-order mark, so Excel opens
the Chinese text correctly. Titles, names and snippets come from documents anyone may write, so
a cell a spreadsheet would run as a formula is neutralised (:func:`neutralised`). ``HEAD`` gets
the headers without running the export.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from flask import Blueprint, request, url_for
from werkzeug.wrappers import Response

from indexer.reindex.layout import current_generation
from indexer.search import messages
from indexer.search.service import NoIndexError
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
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection")."""
HEADERS = {"Content-Disposition": 'attachment; filename="gongkai-search.csv"'}


@bp.get("/search.csv")
def search_csv() -> Response:
    return csv_response(requested())


def csv_response(wanted: SearchRequest) -> Response:
    """The CSV of every section ``wanted`` matches. The export starts before the response
    does, so a bad query or a missing index is still an error status, not a file; the server
    closing the response (finished or abandoned) ends the export. ``HEAD`` checks the
    parameters and that an index exists, and runs nothing."""
    state = gongkai()
    if request.method == "HEAD":
        if current_generation(state.settings.index_path) is None:
            raise NoIndexError(messages.NO_INDEX.format(folder=state.settings.index_path))
        return Response((), mimetype="text/csv", headers=HEADERS)
    hits = state.service.export(wanted)
    report_url = url_for("reports.report", report_id="ID", _external=True).removesuffix("ID")
    response = Response(
        csv_rows(hits, state.settings.taxonomy, report_url), mimetype="text/csv", headers=HEADERS
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


def neutralised(value: object) -> object:
    """The cell as text a spreadsheet shows as it is: one starting like a formula gets a
    leading apostrophe (OWASP's advice); numbers stay numbers.

    >>> neutralised("=SUM(A1)"), neutralised("-收费"), neutralised(-1.5), neutralised("政务")
    ("'=SUM(A1)", "'-收费", -1.5, '政务')
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _line(values: tuple[object, ...]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow([neutralised(value) for value in values])
    return buffer.getvalue()
