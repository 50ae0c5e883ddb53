"""The whole facets sidebar of one result set: the region tree, the year bars, and the lists of
section types and kinds, every value linking to the state that toggles it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from indexer.search.facets import FACETS, Facet
from indexer.search.types import FacetValue
from webui.facet_views import (
    TOP_VALUES,
    FacetView,
    ValueView,
    YearBar,
    facet_view,
    split_top,
    value_view,
    year_bars,
)
from webui.region_tree import RegionNode, region_tree
from webui.urls import Pairs

REGION_LEVELS = ("province", "prefecture", "county")
LISTED = ("section_type", "kind")
_BY_ID = {facet.id: facet for facet in FACETS}


@dataclass(frozen=True)
class Sidebar:
    regions: tuple[RegionNode, ...]
    more_regions: tuple[RegionNode, ...]
    loose_regions: tuple[tuple[Facet, ValueView], ...]
    years: tuple[YearBar, ...]
    unknown_years: tuple[ValueView, ...]
    lists: tuple[FacetView, ...]


def build_sidebar(
    facets: Mapping[str, tuple[FacetValue, ...]],
    pairs: Pairs,
    path: str,
) -> Sidebar:
    """The sidebar for ``facets`` (the service's counts) on the page at ``path``."""
    levels = [(_BY_ID[level], facets.get(level, ())) for level in REGION_LEVELS]
    roots, loose = region_tree(levels, pairs, path)
    shown, more = split_top(roots, lambda node: node.open, TOP_VALUES)
    year = _BY_ID["year"]
    years = [value_view(year, value, pairs, path) for value in facets.get("year", ())]
    return Sidebar(
        regions=shown,
        more_regions=more,
        loose_regions=loose,
        years=year_bars(years),
        unknown_years=tuple(v for v in years if not v.value.isdigit()),
        lists=tuple(facet_view(_BY_ID[f], facets.get(f, ()), pairs, path) for f in LISTED),
    )
