"""The three region facets (province, prefecture, county) as one tree to expand in place.

The service counts each level as a flat facet of names; where each name lies comes from a
``parents`` lookup (the gazetteer in production, a table in tests), and a value hangs from every
shown region that may hold it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from indexer.search.facets import Facet
from indexer.search.types import FacetValue
from indexer.vocabulary import UNKNOWN_REGION
from webui.facet_views import ValueView, value_view
from webui.urls import Pairs

Home = tuple[int, str]
"""A shown region value: its depth (0 for provinces) and its name."""

Parents = Callable[[str, str], Sequence[str]]
"""``(level, name)`` → the names of the regions one level up that may hold it."""


@dataclass(frozen=True)
class RegionNode:
    """A region facet value with the values of the next level that lie inside it."""

    value: ValueView
    children: tuple[RegionNode, ...] = ()

    @property
    def open(self) -> bool:
        """Shown expanded: it or something inside it is selected."""
        return self.value.selected or any(child.open for child in self.children)


def region_tree(
    levels: Sequence[tuple[Facet, Sequence[FacetValue]]], pairs: Pairs, path: str, parents: Parents
) -> tuple[tuple[RegionNode, ...], tuple[tuple[Facet, ValueView], ...]]:
    """The region facets (top level first) as a tree, and the values whose region one level up
    is not shown (unknown levels, or a parent filtered away), listed loose with their level.

    A name found under several shown parents (鼓楼区 of 南京市 and of 福州市) appears under each:
    the facet, like the filter, goes by name.
    """
    views = [
        {v.value: value_view(f, v, pairs, path) for v in sorted(values, key=_unknown_last)}
        for f, values in levels
    ]
    placed: list[dict[str, tuple[Home, ...]]] = [dict.fromkeys(views[0], ())]
    loose: list[tuple[Facet, ValueView]] = []
    for depth in range(1, len(levels)):
        facet, here = levels[depth][0], {}
        for name, view in views[depth].items():
            homes = tuple(
                home for p in dict.fromkeys(parents(facet.id, name)) if (home := _home(placed, p))
            )
            if homes:
                here[name] = homes
            else:
                loose.append((facet, view))
        placed.append(here)
    children: dict[Home, list[tuple[int, RegionNode]]] = {}
    roots: list[RegionNode] = []
    for depth in reversed(range(len(levels))):
        for name, homes in placed[depth].items():
            below = sorted(children.get((depth, name), ()), key=lambda child: child[0])
            node = RegionNode(views[depth][name], tuple(child for _, child in below))
            for home in homes:
                children.setdefault(home, []).append((depth, node))
            if depth == 0:
                roots.append(node)
    return tuple(roots), tuple(loose)


def _home(placed: Sequence[Mapping[str, object]], name: str) -> Home | None:
    """The deepest level shown so far holding ``name`` (a municipality is both a province and
    its own prefecture: its districts hang from the prefecture)."""
    return next(((d, name) for d in reversed(range(len(placed))) if name in placed[d]), None)


def _unknown_last(value: FacetValue) -> bool:
    return value.value == UNKNOWN_REGION
