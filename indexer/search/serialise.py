"""Search results as plain data: the JSON of ``gongkai search --json`` and of the web API.

``{"query", "total", "page", "page_size", "hits": [{"report_id", "title", "region", "year",
"kind", "section": {"heading", "type", "position"}, "snippets": [[{"text", "hit"}]], "score",
"report_matches"}],
"facets": {facet id: [{"value", "count", "selected", "label", "parent"}]}, "warnings",
"elapsed"}``; ``parent`` is the region a prefecture or county lies in (else null);
``report_matches`` is how many sections of the hit's report the request matches in all pages.
"""

from __future__ import annotations

from typing import Any

from indexer.search.types import FacetValue, Hit, SearchResults
from indexer.serialise import region_to_dict


def results_to_dict(results: SearchResults) -> dict[str, Any]:
    """The JSON shape of one page of results."""
    request = results.request
    return {
        "query": request.query,
        "total": results.total,
        "page": request.page,
        "page_size": request.page_size,
        "hits": [
            hit_to_dict(hit) | {"report_matches": results.matches_of(hit.report_id)}
            for hit in results.hits
        ],
        "facets": {
            facet: [facet_value_to_dict(value) for value in values]
            for facet, values in results.facets.items()
        },
        "warnings": list(results.warnings),
        "elapsed": round(results.elapsed, 4),
    }


def hit_to_dict(hit: Hit) -> dict[str, Any]:
    return {
        "report_id": hit.report_id,
        "title": hit.title,
        "region": region_to_dict(hit.region),
        "year": hit.year,
        "kind": hit.kind,
        "section": {
            "heading": hit.section.heading,
            "type": hit.section.type,
            "position": hit.section.position,
        },
        "snippets": [
            [{"text": fragment.text, "hit": fragment.hit} for fragment in snippet]
            for snippet in hit.snippets
        ],
        "score": hit.score,
    }


def facet_value_to_dict(value: FacetValue) -> dict[str, Any]:
    return {
        "value": value.value,
        "count": value.count,
        "selected": value.selected,
        "label": value.label,
        "parent": value.parent,
    }
