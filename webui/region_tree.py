"""The three region facets (province, prefecture, county) as one tree to expand in place.

The service counts each level as a facet whose values name the region they lie in
(:attr:`FacetValue.parent`, read from the index: the province of a prefecture, the prefecture
of a county or the province where there is none), so the tree is built from the counts alone:
鼓楼区 of 南京市 and 鼓楼区 of 福州市 are two values, each under its own prefecture with its
own count. A value whose parent is not shown (an unknown level, or a parent filtered away) is
listed loose.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from indexer.search.facets import Facet
from indexer.search.types import FacetValue
from indexer.vocabulary import UNKNOWN_REGION
from webui.facet_views import ValueView, value_view
from webui.urls import Pairs

Place = tuple[int, int]
"""A shown region value: its depth (0 for provinces) and its index among that level's values."""


@dataclass(frozen=True)
class RegionNode:
    """A region facet value (of the facet ``level``) with the values that lie inside it (of
    the next level, or two down: a county of a province without prefectures)."""

    value: ValueView
    level: str
    children: tuple[RegionNode, ...] = ()

    @property
    def open(self) -> bool:
        """Shown expanded: it or something inside it is selected."""
        return self.value.selected or any(child.open for child in self.children)


def region_tree(
    levels: Sequence[tuple[Facet, Sequence[FacetValue]]], pairs: Pairs, path: str
) -> tuple[tuple[RegionNode, ...], tuple[tuple[Facet, ValueView], ...]]:
    """The region facets (top level first) as a tree, and the values whose parent is not
    shown, listed loose with their level (top level first).

    Below the top level a value's own children are listed only when it is open (it or one of
    them is selected) or the only one of its level in its parent (a municipality's lone
    prefecture): every province unfolds to its prefectures in place, and choosing a prefecture
    lists its counties. A national corpus has ~2,800 counties; listing them all made every
    result page a megabyte of links."""
    values = [sorted(found, key=_unknown_last) for _, found in levels]
    homes = _homes(values)
    below: dict[Place, list[Place]] = {}
    for place, home in sorted(homes.items()):
        below.setdefault(home, []).append(place)
    unfolded = {
        place
        for children in below.values()
        for place in children
        if sum(1 for other in children if other[0] == place[0]) == 1
    }
    opened: set[Place] = set()
    for depth in reversed(range(len(values))):
        for index, value in enumerate(values[depth]):
            place = (depth, index)
            if value.selected or any(child in opened for child in below.get(place, ())):
                opened.add(place)

    def node(place: Place) -> RegionNode:
        depth, index = place
        facet = levels[depth][0]
        listed = (
            below.get(place, ()) if depth == 0 or (place in opened or place in unfolded) else ()
        )
        view = value_view(facet, values[depth][index], pairs, path)
        return RegionNode(view, facet.id, tuple(node(child) for child in listed))

    roots = tuple(node((0, index)) for index in range(len(values[0]))) if values else ()
    loose = [
        (levels[depth][0], value_view(levels[depth][0], value, pairs, path))
        for depth in range(1, len(values))
        for index, value in enumerate(values[depth])
        if (depth, index) not in homes
    ]
    return roots, tuple(loose)


def _homes(values: Sequence[Sequence[FacetValue]]) -> dict[Place, Place]:
    """Where each value below the top hangs: the shown value named like its parent, the
    deepest such level first (a county's parent is a prefecture, else a province)."""
    homes: dict[Place, Place] = {}
    named: list[dict[str, int]] = []
    for depth, found in enumerate(values):
        for index, value in enumerate(found):
            home = _home(named, value.parent)
            if home is not None:
                homes[(depth, index)] = home
        placed: dict[str, int] = {}  # a loose value holds nothing: its children are loose too
        for index, value in enumerate(found):
            if depth == 0 or (depth, index) in homes:
                placed.setdefault(value.value, index)
        named.append(placed)
    return homes


def _home(named: Sequence[dict[str, int]], parent: str | None) -> Place | None:
    """The deepest level shown so far holding a value named ``parent``."""
    for depth in reversed(range(len(named))):
        if parent is not None and parent in named[depth]:
            return (depth, named[depth][parent])
    return None


def _unknown_last(value: FacetValue) -> bool:
    return value.value == UNKNOWN_REGION
