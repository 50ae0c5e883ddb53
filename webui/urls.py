"""Links between search states: pure functions over the URL's ``(key, value)`` pairs.

Every state of the search page lives in its URL, so every facet value, chip, sort choice and page
number is a link to a neighbouring state. The pairs come from
:func:`indexer.search.params.request_params` (canonical values, defaults left out); these helpers
add, remove or replace one parameter and leave the rest in order. Changing what is searched
drops ``page``, since page 7 of another result set means nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import urlencode

from indexer.search.params import FILTERS, format_years, resolve_year
from indexer.search.types import QueryError, YearRange

Pairs = tuple[tuple[str, str], ...]


def href(path: str, pairs: Iterable[tuple[str, str]]) -> str:
    """``path`` with the pairs as its query string.

    >>> href("/search", [("q", "政务 公开"), ("year", "2018")])
    '/search?q=%E6%94%BF%E5%8A%A1+%E5%85%AC%E5%BC%80&year=2018'
    """
    query = "&".join(_encoded(key, value) for key, value in pairs)
    return f"{path}?{query}" if query else path


@lru_cache(maxsize=1 << 16)
def _encoded(key: str, value: str) -> str:
    """One pair as ``urlencode`` writes it. A results page links thousands of facet values,
    each URL repeating the request's own pairs: each pair is encoded once."""
    return urlencode(((key, value),))


def toggle_href(path: str, pairs: Pairs, key: str, value: str) -> str:
    """``href(path, toggled(pairs, key, value))``, made from the request's own pairs encoded
    once: a results page and its JSON twin link every facet value, thousands at a time.

    >>> toggle_href("/search", (("q", "公开"), ("page", "2")), "year", "2018")
    '/search?q=%E5%85%AC%E5%BC%80&year=2018'
    """
    if (key, value) in pairs:
        return href(path, toggled(pairs, key, value))
    base = _base(path, pairs)  # what toggled() keeps, encoded once; the new pair goes last
    return f"{base}{'&' if '?' in base else '?'}{_encoded(key, value)}"


@lru_cache(maxsize=256)
def _base(path: str, pairs: Pairs) -> str:
    return href(path, _without_page(pairs))


def toggled(pairs: Pairs, key: str, value: str) -> Pairs:
    """Select ``value`` of a filter, or unselect it when it is selected; back to page 1."""
    if (key, value) in pairs:
        return removed(pairs, key, value)
    return (*_without_page(pairs), (key, value))


def removed(pairs: Pairs, key: str, value: str | None = None) -> Pairs:
    """Without ``key`` (only its ``value`` when one is given); back to page 1."""
    return tuple(
        (k, v) for k, v in _without_page(pairs) if k != key or (value is not None and v != value)
    )


def replaced(pairs: Pairs, key: str, value: str | None) -> Pairs:
    """With ``key`` set to the one ``value`` (None: left out), where it stood or at the end.
    Setting ``page`` keeps the search; setting anything else returns to page 1."""
    kept = pairs if key == "page" else _without_page(pairs)
    at = next((i for i, (k, _) in enumerate(kept) if k == key), len(kept))
    rest = tuple((k, v) for k, v in kept if k != key)
    return rest[:at] + (((key, value),) if value is not None else ()) + rest[at:]


def cleared(pairs: Pairs) -> Pairs:
    """Without any filter: the query, sort and page size stay."""
    return tuple((k, v) for k, v in _without_page(pairs) if k not in FILTERS)


def toggled_year(pairs: Pairs, year: int) -> Pairs:
    """Select a year, or unselect it: a selected range loses that year and is split around it.

    >>> toggled_year((("year", "2015..2019"),), 2017)
    (('year', '2015..2016'), ('year', '2018..2019'))
    """
    if ("year", str(year)) in pairs:
        return removed(pairs, "year", str(year))
    covering = next((v for k, v in pairs if k == "year" and _covers(v, year)), None)
    if covering is None:
        return (*_without_page(pairs), ("year", str(year)))
    span = resolve_year(covering)
    pieces = [YearRange(span.first, year - 1), YearRange(year + 1, span.last)]
    split = tuple(("year", format_years(p)) for p in pieces if p.first <= p.last)
    at = pairs.index(("year", covering))
    return _without_page(pairs[:at]) + split + _without_page(pairs[at + 1 :])


def filters_of(pairs: Pairs) -> Pairs:
    """The filter pairs, in :data:`FILTERS` order (then as given)."""
    return tuple(sorted((p for p in pairs if p[0] in FILTERS), key=lambda p: FILTERS.index(p[0])))


def _covers(text: str, year: int) -> bool:
    try:
        span = resolve_year(text)
    except QueryError:
        return False
    return span.accepts(str(year))


def _without_page(pairs: Pairs) -> Pairs:
    return tuple((k, v) for k, v in pairs if k != "page")
