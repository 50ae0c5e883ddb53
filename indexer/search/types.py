"""Requests and results of the search service: frozen records, dicts only at the JSON edge."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from indexer.models import Region
from indexer.vocabulary import UNKNOWN_REGION

SORTS: dict[str, str] = {
    "relevance": "相关度",
    "newest": "最新",
    "oldest": "最早",
    "region": "地区",
}


class QueryError(ValueError):
    """A query the service cannot run; the message is meant for the user, in one line."""


class IndexFormatError(Exception):
    """A generation an engine cannot open: built by another version of gongkai, in another
    layout. Only a reindex (which rebuilds it in full) makes it searchable again."""


UNKNOWN_YEAR = UNKNOWN_REGION
"""The year facet's value for reports whose year is unknown, and the filter value selecting them."""


@dataclass(frozen=True)
class YearRange:
    """Inclusive range of years; ``first == last`` for a single year. :data:`NO_YEAR` (no
    bounds) selects the reports whose year is unknown."""

    first: int | None
    last: int | None

    def accepts(self, value: str) -> bool:
        """Whether a year facet value (``"2018"`` or :data:`UNKNOWN_YEAR`) lies in the range.

        >>> YearRange(2015, 2019).accepts("2018"), NO_YEAR.accepts("未知"), NO_YEAR.accepts("2018")
        (True, True, False)
        """
        if self.first is None or self.last is None:
            return value == UNKNOWN_YEAR
        return value.isdigit() and self.first <= int(value) <= self.last


NO_YEAR = YearRange(None, None)


@dataclass(frozen=True)
class SearchRequest:
    """What a user asked for. Values of one filter are OR-ed, filters are AND-ed.

    ``region`` matches any level; ``section`` holds section-type ids. An empty ``query`` with
    filters browses sections, ordered by region and year.
    """

    query: str = ""
    province: tuple[str, ...] = ()
    prefecture: tuple[str, ...] = ()
    county: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    year: tuple[YearRange, ...] = ()
    section: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    sort: str = "relevance"
    page: int = 1
    page_size: int = 20


@dataclass(frozen=True)
class Fragment:
    """A piece of snippet text; ``hit`` pieces are what the query matched. Renderers escape."""

    text: str
    hit: bool


Snippet = tuple[Fragment, ...]


@dataclass(frozen=True)
class SectionRef:
    heading: str
    type: str
    position: int
    level: int
    heading_path: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    report_id: str
    title: str
    region: Region | None
    year: int | None
    kind: str
    issuer: str | None
    published: date | None
    source: str
    section: SectionRef
    snippets: tuple[Snippet, ...]
    score: float | None


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet: its count over all matches and whether the user selected it.

    A prefecture's or county's ``parent`` is the region one level up it lies in, as its
    sections say: the province of a prefecture, the prefecture of a county (the province where
    there is none). The same county name under two prefectures (鼓楼区 of 南京市 and of 福州市)
    is two values, each with its own count; filters still go by name. None for other facets
    and unknown values."""

    value: str
    label: str
    count: int
    selected: bool
    parent: str | None = None


@dataclass(frozen=True)
class SearchResults:
    """One page of results. ``report_matches`` says, for each report with a hit on the page,
    how many of its sections the request matches in all (after filters: counted over the same
    sections as ``total``, not only this page's)."""

    request: SearchRequest
    total: int
    hits: tuple[Hit, ...]
    facets: Mapping[str, tuple[FacetValue, ...]]
    elapsed: float
    warnings: tuple[str, ...] = field(default=())
    report_matches: Mapping[str, int] = field(default_factory=dict)

    def matches_of(self, report_id: str) -> int:
        """How many sections of a report on the page match in all (where ``report_matches``
        does not say: its hits on this page)."""
        counted = self.report_matches.get(report_id)
        return counted if counted is not None else sum(h.report_id == report_id for h in self.hits)
