"""The facets, declared once as data: the request filter each reads from and its label."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Facet:
    """A facet ``id`` (the JSON key), the :class:`SearchRequest` field filtering it, a label."""

    id: str
    request_field: str
    label: str


FACETS: tuple[Facet, ...] = (
    Facet("province", "province", "省份"),
    Facet("prefecture", "prefecture", "地市"),
    Facet("county", "county", "区县"),
    Facet("year", "year", "年份"),
    Facet("section_type", "section", "章节类型"),
    Facet("kind", "kind", "文件类型"),
)
