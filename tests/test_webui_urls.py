"""The pure helpers behind every link of the search page: toggling filters, removing chips,
paging, grouping hits. Tables of URL pairs in, pairs or links out."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest

from indexer.models import Region
from indexer.search.types import Hit, SearchRequest, SearchResults, SectionRef
from webui.page_views import chips, group_hits, paginate
from webui.templating import page_sizes, region_path
from webui.urls import (
    Pairs,
    cleared,
    filters_of,
    href,
    removed,
    replaced,
    toggle_href,
    toggled,
    toggled_year,
)

Q = ("q", "政务公开")
ZJ, JS = ("province", "浙江省"), ("province", "江苏省")
P2 = ("page", "2")


@pytest.mark.parametrize(
    ("pairs", "key", "value", "expected"),
    [
        ((Q,), "province", "浙江省", (Q, ZJ)),
        ((Q, ZJ), "province", "浙江省", (Q,)),
        ((Q, ZJ), "province", "江苏省", (Q, ZJ, JS)),
        ((Q, P2), "kind", "notice", (Q, ("kind", "notice"))),
        ((Q, ("section", "fees"), P2), "section", "fees", (Q,)),
        ((), "county", "西湖区", (("county", "西湖区"),)),
    ],
)  # fmt: skip
def test_toggling_a_value_adds_or_removes_it_and_returns_to_page_one(
    pairs: Pairs, key: str, value: str, expected: Pairs
) -> None:
    assert toggled(pairs, key, value) == expected


@pytest.mark.parametrize(
    ("pairs", "year", "expected"),
    [
        ((Q,), 2018, (Q, ("year", "2018"))),
        ((Q, ("year", "2018")), 2018, (Q,)),
        ((("year", "2015..2019"),), 2017, (("year", "2015..2016"), ("year", "2018..2019"))),
        ((("year", "2015..2019"), Q), 2015, (("year", "2016..2019"), Q)),
        ((("year", "2015..2019"),), 2019, (("year", "2015..2018"),)),
        ((("year", "2018..2019"),), 2018, (("year", "2019"),)),
        ((("year", "2015..2016"), P2), 2018, (("year", "2015..2016"), ("year", "2018"))),
        ((("year", "2017"), ("year", "2019")), 2019, (("year", "2017"),)),
    ],
)
def test_toggling_a_year_splits_a_selected_range_around_it(
    pairs: Pairs, year: int, expected: Pairs
) -> None:
    assert toggled_year(pairs, year) == expected


@pytest.mark.parametrize(
    ("pairs", "key", "value", "expected"),
    [
        ((Q, ("year", "2018"), ("year", "2019")), "year", "2018", (Q, ("year", "2019"))),
        ((Q, ("year", "2018"), ("year", "2019")), "year", None, (Q,)),
        ((Q, P2, ("kind", "notice")), "q", None, (("kind", "notice"),)),
    ],
)
def test_removing(pairs: Pairs, key: str, value: str | None, expected: Pairs) -> None:
    assert removed(pairs, key, value) == expected


@pytest.mark.parametrize(
    ("pairs", "key", "value", "expected"),
    [
        ((Q, ("sort", "newest"), P2), "sort", "oldest", (Q, ("sort", "oldest"))),
        ((Q, ("size", "50")), "sort", "newest", (Q, ("size", "50"), ("sort", "newest"))),
        ((Q, P2, ("size", "50")), "page", "3", (Q, ("page", "3"), ("size", "50"))),
        ((Q, P2), "page", None, (Q,)),
        ((Q,), "page", "2", (Q, P2)),
    ],
)
def test_replacing_a_single_valued_parameter(
    pairs: Pairs, key: str, value: str | None, expected: Pairs
) -> None:
    assert replaced(pairs, key, value) == expected


def test_clearing_keeps_the_query_sort_and_size_only() -> None:
    pairs = (Q, ("kind", "notice"), ("year", "2018"), ("sort", "newest"), ("size", "50"), P2)
    assert cleared(pairs) == (Q, ("sort", "newest"), ("size", "50"))


def test_filters_come_in_a_fixed_order() -> None:
    pairs = (("kind", "notice"), Q, ("year", "2018"), ("province", "浙江省"), ("year", "2016"))
    assert filters_of(pairs) == (
        ("province", "浙江省"),
        ("year", "2018"),
        ("year", "2016"),
        ("kind", "notice"),
    )


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ((), "/search"),
        ((Q,), "/search?q=%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80"),
        ((("q", "<a&b>"),), "/search?q=%3Ca%26b%3E"),
    ],
)
def test_href_encodes_every_value(pairs: Pairs, expected: str) -> None:
    assert href("/search", pairs) == expected


def test_chips_remove_one_value_each() -> None:
    pairs = (Q, ("province", "浙江省"), ("year", "2015..2016"), P2)
    found = chips(pairs, "/search", lambda param, value: f"{param}={value}")
    assert [(c.param, c.value, c.label) for c in found] == [
        ("province", "浙江省", "province=浙江省"),
        ("year", "2015..2016", "year=2015..2016"),
    ]
    assert [parse_qsl(urlsplit(c.remove_url).query) for c in found] == [
        [Q, ("year", "2015..2016")],
        [Q, ("province", "浙江省")],
    ]


@pytest.mark.parametrize(
    ("total", "page", "size", "links", "first", "last", "previous", "next_"),
    [
        (0, 1, 20, [1], 0, 0, None, None),
        (45, 1, 20, [1, 2, 3], 1, 20, None, 2),
        (45, 3, 20, [1, 2, 3], 41, 45, 2, None),
        (200, 5, 10, [1, None, 3, 4, 5, 6, 7, None, 20], 41, 50, 4, 6),
        (200, 2, 10, [1, 2, 3, 4, None, 20], 11, 20, 1, 3),
        (30, 9, 10, [1, 2, 3], 0, 0, 3, None),
    ],
)
def test_pagination_links(
    total: int,
    page: int,
    size: int,
    links: list[int | None],
    first: int,
    last: int,
    previous: int | None,
    next_: int | None,
) -> None:
    paged = paginate((Q, ("page", str(page))), "/search", total, page, size)
    assert [link.number for link in paged.links] == links
    assert (paged.first, paged.last) == (first, last)

    def number(url: str | None) -> int | None:
        return None if url is None else int(dict(parse_qsl(urlsplit(url).query)).get("page", 1))

    assert (number(paged.previous), number(paged.next)) == (previous, next_)
    current = [link.number for link in paged.links if link.current]
    assert current == ([page] if page in links else [])


def hit(report: str, position: int) -> Hit:
    return Hit(
        report, "题", None, 2018, "annual_report", None, date(2019, 1, 1), "a.txt",
        SectionRef("一、", "overview", position, 1), (), 1.0,
    )  # fmt: skip


def test_hits_of_one_report_are_grouped_under_its_best() -> None:
    hits = [hit("a", 3), hit("b", 1), hit("a", 0), hit("c", 2), hit("b", 4), hit("a", 5)]
    groups = group_hits(hits, {"a": 3, "b": 7, "c": 4}.__getitem__)
    assert [(g.best.report_id, g.best.section.position) for g in groups] == [
        ("a", 3),
        ("b", 1),
        ("c", 2),
    ]
    assert [[h.section.position for h in g.others] for g in groups] == [[0, 5], [4], []]
    assert [(g.matches, g.unshown) for g in groups] == [(3, False), (7, True), (4, True)]


@pytest.mark.parametrize(("counted", "expected"), [({}, [2, 1]), ({"a": 9, "b": 4}, [9, 4])])
def test_a_report_matches_at_least_its_hits_on_the_page_when_the_backend_does_not_say(
    counted: dict[str, int], expected: list[int]
) -> None:
    results = SearchResults(SearchRequest(), 3, (hit("a", 0), hit("b", 1), hit("a", 2)), {}, 0.0)
    counts = replace(results, report_matches=counted)
    assert [g.matches for g in group_hits(counts.hits, counts.matches_of)] == expected


@pytest.mark.parametrize(
    ("region", "expected"),
    [
        (None, "地区未知"),
        (Region(), "地区未知"),
        (Region("浙江省", "杭州市", "西湖区"), "浙江省 / 杭州市 / 西湖区"),
        (Region("上海市", "上海市", "浦东新区"), "上海市 / 浦东新区"),
        (Region("湖北省", None, "仙桃市"), "湖北省 / 仙桃市"),
    ],
)
def test_region_path(region: Region | None, expected: str) -> None:
    assert region_path(region) == expected


@pytest.mark.parametrize(
    ("current", "largest", "expected"),
    [(20, 100, (10, 20, 50, 100)), (30, 50, (10, 20, 30, 50)), (5, 10, (5, 10))],
)
def test_page_sizes_offered(current: int, largest: int, expected: tuple[int, ...]) -> None:
    assert page_sizes(current, largest) == expected


@pytest.mark.parametrize(
    "pairs",
    [
        [],
        [("q", "政务 公开"), ("year", "2018")],
        [("q", 'a&b=c+d %25 "引号" #'), ("county", "鼓楼区"), ("county", "鼓楼区")],
        [("q", "\u3000\t\n"), ("page", "2")],
    ],
)
def test_a_link_encodes_its_pairs_as_urlencode_does(pairs: list[tuple[str, str]]) -> None:
    query = urlencode(pairs)
    assert href("/search", pairs) == (f"/search?{query}" if query else "/search")


@pytest.mark.parametrize(
    ("pairs", "key", "value"),
    [
        ((), "province", "浙江省"),
        ((Q, P2), "province", "浙江省"),
        ((Q, ZJ, P2), "province", "浙江省"),  # selected: unselects it
        ((Q, ZJ), "province", "江苏省"),
        ((P2,), "kind", "a&b=c"),
    ],
)
def test_a_toggle_link_is_the_link_to_the_toggled_state(pairs: Pairs, key: str, value: str) -> None:
    assert toggle_href("/search", pairs, key, value) == href("/search", toggled(pairs, key, value))
