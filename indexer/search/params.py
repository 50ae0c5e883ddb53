"""Search parameters from a URL or the command line to a :class:`SearchRequest`, and back.

``q``, ``province``, ``prefecture``, ``county``, ``region``, ``year`` (``2018``,
``2015..2019``, or ``未知`` for reports without a year), ``section`` (type id or label),
``kind`` (id or label), ``sort``, ``page`` and ``size``; every filter may repeat, within limits
(:data:`MAX_VALUES`, :data:`MAX_FILTER_VALUES`, :data:`MAX_VALUE_CHARS`): every page links each
facet value and chip to a state holding all the others, so an unbounded URL would make a page of
the square of its size. Bad values raise :class:`QueryError` with a line for the user; unknown
parameters are ignored (links carry others). :func:`request_params` is the inverse, for
building links: ``parse_params(request_params(r)) == r``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from indexer.config import Settings
from indexer.script import to_simplified
from indexer.search import messages
from indexer.search.messages import listing, quoted
from indexer.search.types import (
    NO_YEAR,
    SORTS,
    UNKNOWN_YEAR,
    QueryError,
    SearchRequest,
    YearRange,
)
from indexer.structure.taxonomy import Taxonomy
from indexer.vocabulary import KINDS

NAMES = ("province", "prefecture", "county", "region")
FILTERS = (*NAMES, "year", "section", "kind")
FIRST_YEAR, LAST_YEAR = 1949, 2100
MAX_PAGE = 10_000
MAX_VALUES = 20
"""Values of one filter in one request (a person ticks a handful)."""
MAX_FILTER_VALUES = 40
"""Values of all filters together in one request."""
MAX_VALUE_CHARS = 50
"""Characters of one filter value (the longest region name has 16)."""

_YEARS = re.compile(r"^(\d{4})(?:\s*(?:\.\.|-|–|—|~|至)\s*(\d{4}))?$")

Params = Mapping[str, str | Sequence[str]]


def parse_params(params: Params, settings: Settings) -> SearchRequest:
    """A validated request from parameters (each a string or a list of strings).

    >>> from indexer.config import load_settings
    >>> parse_params({"q": "政务公开", "year": ["2015..2019"], "page": "2"}, load_settings())
    ... # doctest: +ELLIPSIS
    SearchRequest(query='政务公开', ..., year=(YearRange(first=2015, last=2019),), ..., page=2, ...)
    """
    values = {key: _strings(params.get(key)) for key in (*FILTERS, "q")}
    check_filter_limits({key: values[key] for key in FILTERS})
    return SearchRequest(
        query=" ".join(values["q"]),
        **{name: _unique(to_simplified(v) for v in values[name]) for name in NAMES},
        year=_unique(resolve_year(v) for v in values["year"]),
        section=_unique(resolve_section(v, settings.taxonomy) for v in values["section"]),
        kind=_unique(resolve_kind(v) for v in values["kind"]),
        sort=resolve_sort(_last(params, "sort") or "relevance"),
        page=_number(_last(params, "page"), "page", 1, MAX_PAGE, 1),
        page_size=_number(
            _last(params, "size"),
            "size",
            1,
            settings.search.max_page_size,
            settings.search.page_size,
        ),
    )


def request_params(request: SearchRequest, settings: Settings) -> list[tuple[str, str]]:
    """The parameters that give ``request`` back, defaults left out, in a stable order."""
    pairs: list[tuple[str, str]] = [("q", request.query)] if request.query else []
    for name in NAMES:
        pairs.extend((name, value) for value in getattr(request, name))
    pairs.extend(("year", format_years(years)) for years in request.year)
    pairs.extend(("section", value) for value in request.section)
    pairs.extend(("kind", value) for value in request.kind)
    if request.sort != "relevance":
        pairs.append(("sort", request.sort))
    if request.page != 1:
        pairs.append(("page", str(request.page)))
    if request.page_size != settings.search.page_size:
        pairs.append(("size", str(request.page_size)))
    return pairs


def check_filter_limits(filters: Mapping[str, Sequence[str]]) -> None:
    """Raise :class:`QueryError` when the filters' values (by parameter) exceed the limits.

    >>> check_filter_limits({"province": ["浙江省"] * 21})
    Traceback (most recent call last):
    ...
    indexer.search.types.QueryError: 省份最多选 20 个，这里有 21 个，请减少后再试
    """
    for key, found in filters.items():
        name = messages.FILTER_NAMES[key]
        if len(found) > MAX_VALUES:
            raise QueryError(
                messages.TOO_MANY_VALUES.format(name=name, limit=MAX_VALUES, count=len(found))
            )
        longest = max(map(len, found), default=0)
        if longest > MAX_VALUE_CHARS:
            raise QueryError(
                messages.VALUE_TOO_LONG.format(name=name, length=longest, limit=MAX_VALUE_CHARS)
            )
    count = sum(map(len, filters.values()))
    if count > MAX_FILTER_VALUES:
        raise QueryError(messages.TOO_MANY_FILTERS.format(limit=MAX_FILTER_VALUES, count=count))


def resolve_year(text: str) -> YearRange:
    """``2018`` or ``2015..2019`` (also ``2015-2019``; reversed ranges are turned round), or
    ``未知``: the reports whose year is unknown, as the year facet names them.

    >>> resolve_year("2019..2015"), resolve_year("未知")
    (YearRange(first=2015, last=2019), YearRange(first=None, last=None))
    """
    value = unicodedata.normalize("NFKC", text).strip()
    if value == UNKNOWN_YEAR:
        return NO_YEAR
    match = _YEARS.match(value)
    if match is None:
        raise QueryError(messages.BAD_YEAR.format(text=quoted(text)))
    first, last = sorted((int(match[1]), int(match[2] or match[1])))
    if first < FIRST_YEAR or last > LAST_YEAR:
        raise QueryError(
            messages.YEAR_OUT_OF_RANGE.format(first=FIRST_YEAR, last=LAST_YEAR, text=quoted(text))
        )
    return YearRange(first, last)


def format_years(years: YearRange) -> str:
    """The parameter value of a range (``2018``, ``2015..2019``, ``未知``)."""
    if years.first is None:
        return UNKNOWN_YEAR
    return str(years.first) if years.first == years.last else f"{years.first}..{years.last}"


def resolve_section(text: str, taxonomy: Taxonomy) -> str:
    """A section type's id from its id or its label (either script)."""
    value = text.strip()
    found = taxonomy.get(value.lower()) or taxonomy.by_label(to_simplified(value))
    if found is None:
        known = listing(section.label for section in taxonomy)
        raise QueryError(messages.UNKNOWN_SECTION.format(text=quoted(text), known=known))
    return found.id


def resolve_kind(text: str) -> str:
    """A report kind's id from its id or its label (either script)."""
    value = text.strip()
    labels = {label: kind for kind, label in KINDS.items()}
    found = value.lower() if value.lower() in KINDS else labels.get(to_simplified(value))
    if found is None:
        raise QueryError(
            messages.UNKNOWN_KIND.format(text=quoted(text), known=listing(KINDS.values()))
        )
    return found


def resolve_sort(text: str) -> str:
    """A sort id from its id or its label."""
    value = text.strip().lower()
    labels = {label: sort for sort, label in SORTS.items()}
    found = value if value in SORTS else labels.get(to_simplified(text.strip()))
    if found is None:
        raise QueryError(
            messages.UNKNOWN_SORT.format(text=quoted(text), known=listing(SORTS.values()))
        )
    return found


def _strings(value: str | Sequence[str] | None) -> list[str]:
    if value is None:
        return []
    items = [value] if isinstance(value, str) else list(value)
    return [item.strip() for item in items if item.strip()]


def _last(params: Params, key: str) -> str | None:
    values = _strings(params.get(key))
    return values[-1] if values else None


def _unique(values: Iterable[str] | Iterable[YearRange]) -> tuple:
    return tuple(dict.fromkeys(values))


def _number(text: str | None, name: str, low: int, high: int, default: int) -> int:
    if text is None:
        return default
    try:
        number = int(unicodedata.normalize("NFKC", text))
    except ValueError:
        number = low - 1
    if not low <= number <= high:
        label = messages.NUMBER_NAMES[name]
        raise QueryError(
            messages.BAD_NUMBER.format(name=label, low=low, high=high, text=quoted(text))
        )
    return number
