"""The results column as data: hits grouped by report, selected filters as removable chips, and
the pagination links. Pure functions of the results and the URL pairs.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from indexer.search.messages import FILTER_NAMES
from indexer.search.types import Hit
from webui.urls import Pairs, filters_of, href, removed, replaced

PAGE_WINDOW = 2
"""Page links shown on each side of the current page (the first and last are always shown)."""

FILTER_LABELS = FILTER_NAMES
"""The filter parameters' names, in the order chips show them."""


@dataclass(frozen=True)
class HitGroup:
    """The hits of one report on this page: the best first, the others behind "more", and how
    many of the report's sections match in all (on every page, not only this one)."""

    best: Hit
    others: tuple[Hit, ...]
    matches: int

    @property
    def unshown(self) -> bool:
        """Whether the report has matches this page does not show."""
        return self.matches > 1 + len(self.others)


@dataclass(frozen=True)
class Chip:
    """A selected filter: what it is, and the link that removes it."""

    param: str
    value: str
    label: str
    remove_url: str


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None: a gap ("…")
    url: str | None
    current: bool = False


@dataclass(frozen=True)
class Pagination:
    page: int
    pages: int
    first: int  # number of the first hit shown (1-based; 0 when none)
    last: int
    previous: str | None
    next: str | None
    links: tuple[PageLink, ...]


def group_hits(hits: Sequence[Hit], matches: Callable[[str], int]) -> tuple[HitGroup, ...]:
    """Hits of the same report together, under the report's best (first) hit, in the order the
    reports first appear; ``matches(report_id)`` says how many of its sections match in all."""
    groups: dict[str, list[Hit]] = {}
    for hit in hits:
        groups.setdefault(hit.report_id, []).append(hit)
    return tuple(
        HitGroup(found[0], tuple(found[1:]), matches(report_id))
        for report_id, found in groups.items()
    )


def chips(pairs: Pairs, path: str, label: Callable[[str, str], str]) -> tuple[Chip, ...]:
    """One chip per selected filter value; ``label(param, value)`` says what people read."""
    return tuple(
        Chip(key, value, label(key, value), href(path, removed(pairs, key, value)))
        for key, value in filters_of(pairs)
    )


def paginate(pairs: Pairs, path: str, total: int, page: int, size: int) -> Pagination:
    """Links to the first, last, previous, next and nearby pages of ``total`` hits."""
    pages = max(1, math.ceil(total / size))

    def link(number: int) -> str:
        return href(path, replaced(pairs, "page", None if number == 1 else str(number)))

    near = min(page, pages)  # past the last page: the pages before it
    numbers = sorted(
        {1, pages} | set(range(max(1, near - PAGE_WINDOW), min(pages, near + PAGE_WINDOW) + 1))
    )
    links: list[PageLink] = []
    for number in numbers:
        if links and links[-1].number is not None and number > links[-1].number + 1:
            links.append(PageLink(None, None))
        links.append(PageLink(number, link(number), number == page))
    first = (page - 1) * size + 1 if total > (page - 1) * size else 0
    return Pagination(
        page=page,
        pages=pages,
        first=first,
        last=min(total, page * size) if first else 0,
        previous=link(min(page - 1, pages)) if page > 1 else None,
        next=link(page + 1) if page < pages else None,
        links=tuple(links),
    )
