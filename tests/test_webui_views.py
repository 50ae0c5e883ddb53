"""The sidebar and the report text as data: facet values with their toggle links, the region
tree, the year bars, "more", and a report cut into marked pieces."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest

from indexer.search.facets import FACETS
from indexer.search.types import FacetValue
from webui.facet_views import ValueView, facet_view, value_view, year_bars
from webui.region_tree import region_tree
from webui.report_view import Piece, pieces, section_views
from webui.sidebar import build_sidebar

from .search_fixtures import CRAFTED, crafted_report

FACET = {facet.id: facet for facet in FACETS}


def fv(
    value: str,
    count: int,
    selected: bool = False,
    label: str | None = None,
    parent: str | None = None,
) -> FacetValue:
    return FacetValue(value, label or value, count, selected, parent)


def query(url: str | None) -> list[tuple[str, str]]:
    assert url is not None
    return parse_qsl(urlsplit(url).query)


@pytest.mark.parametrize(
    ("facet", "value", "pairs", "expected"),
    [
        ("province", fv("浙江省", 3), (("q", "公开"),), [("q", "公开"), ("province", "浙江省")]),
        ("province", fv("浙江省", 3, True), (("province", "浙江省"),), []),
        ("section_type", fv("fees", 2), (), [("section", "fees")]),
        ("kind", fv("notice", 1), (("page", "3"),), [("kind", "notice")]),
        ("year", fv("2016", 5), (("year", "2015..2017"),), [("year", "2015"), ("year", "2017")]),
        ("year", fv("未知", 4), (("year", "2018"),), [("year", "2018"), ("year", "未知")]),
        ("year", fv("未知", 4, True), (("year", "未知"), ("year", "2018")), [("year", "2018")]),
        ("year", fv("2018", 2), (("year", "未知"),), [("year", "未知"), ("year", "2018")]),
    ],
)
def test_a_value_links_to_the_state_that_toggles_it(
    facet: str, value: FacetValue, pairs: tuple, expected: list
) -> None:
    view = value_view(FACET[facet], value, pairs, "/search")
    assert (view.value, view.count, view.selected) == (value.value, value.count, value.selected)
    assert query(view.url) == expected


def test_long_lists_keep_the_top_values_and_the_selected_ones_in_sight() -> None:
    values = [fv(f"t{i}", 20 - i, selected=i == 10) for i in range(12)]
    view = facet_view(FACET["section_type"], values, (), "/search", top=3)
    assert [v.value for v in view.top] == ["t0", "t1", "t2", "t10"]
    assert [v.value for v in view.more] == [f"t{i}" for i in range(3, 12) if i != 10]


def bar_view(year: str, count: int) -> ValueView:
    return ValueView(year, year, count, False, f"/search?year={year}")


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ({}, []),
        ({"2018": 10}, [("2018", 20)]),
        ({"2019": 1, "2016": 10, "未知": 5}, [("2016", 20), ("2017", 0), ("2018", 0), ("2019", 2)]),
        ({"1950": 1, "2020": 2}, [("1950", 10), ("2020", 20)]),  # too long a span to fill
    ],
)  # fmt: skip
def test_year_bars_run_oldest_first_with_heights_in_steps(
    counts: dict[str, int], expected: list[tuple[str, int]]
) -> None:
    bars = year_bars([bar_view(year, count) for year, count in counts.items()])
    assert [(bar.value.value, bar.step) for bar in bars] == expected
    assert all((bar.value.url is None) == (bar.value.count == 0) for bar in bars)


def tree(provinces: list, prefectures: list, counties: list) -> tuple:
    levels = [
        (FACET["province"], provinces),
        (FACET["prefecture"], prefectures),
        (FACET["county"], counties),
    ]
    roots, loose = region_tree(levels, (), "/search")

    def shape(node):  # (name, count, [children])
        return (node.value.value, node.value.count, [shape(child) for child in node.children])

    return [shape(root) for root in roots], [(f.id, v.value) for f, v in loose]


def test_regions_nest_province_prefecture_county() -> None:
    roots, loose = tree(
        [fv("未知", 9), fv("浙江省", 5), fv("江苏省", 2), fv("福建省", 1)],
        [
            fv("杭州市", 4, parent="浙江省"),
            fv("南京市", 2, parent="江苏省"),
            fv("福州市", 1, parent="福建省"),
            fv("未知", 9),
        ],
        [fv("西湖区", 3, parent="杭州市"), fv("未知", 10)],
    )
    assert roots == [
        ("浙江省", 5, [("杭州市", 4, [("西湖区", 3, [])])]),
        ("江苏省", 2, [("南京市", 2, [])]),
        ("福建省", 1, [("福州市", 1, [])]),
        ("未知", 9, []),
    ]
    assert loose == [("prefecture", "未知"), ("county", "未知")]


def test_same_named_counties_hang_apart_each_with_its_own_count() -> None:
    roots, loose = tree(
        [fv("江苏省", 5), fv("福建省", 3)],
        [fv("南京市", 2, parent="江苏省"), fv("徐州市", 3, parent="江苏省"),
         fv("福州市", 3, parent="福建省")],
        [fv("鼓楼区", 3, parent="福州市"), fv("鼓楼区", 2, parent="南京市", selected=True)],
    )  # fmt: skip
    assert roots == [
        ("江苏省", 5, [("南京市", 2, [("鼓楼区", 2, [])]), ("徐州市", 3, [])]),
        ("福建省", 3, [("福州市", 3, [("鼓楼区", 3, [])])]),
    ]
    assert loose == []


def test_a_prefecture_lists_its_counties_when_open_or_alone_in_its_province() -> None:
    roots, _ = tree(
        [fv("江苏省", 6), fv("浙江省", 1)],
        [fv("南京市", 2, parent="江苏省"), fv("徐州市", 4, parent="江苏省"),
         fv("杭州市", 1, parent="浙江省")],
        [fv("鼓楼区", 2, parent="南京市"), fv("丰县", 4, parent="徐州市"),
         fv("西湖区", 1, parent="杭州市")],
    )  # fmt: skip
    assert roots == [
        ("江苏省", 6, [("南京市", 2, []), ("徐州市", 4, [])]),
        ("浙江省", 1, [("杭州市", 1, [("西湖区", 1, [])])]),
    ]


def test_a_value_whose_parent_is_not_shown_is_listed_loose() -> None:
    roots, loose = tree(
        [fv("浙江省", 1)],
        [fv("南京市", 2, parent="江苏省")],
        [fv("西湖区", 1, parent="杭州市"), fv("鼓楼区", 2, parent="南京市")],
    )
    assert roots == [("浙江省", 1, [])]
    assert loose == [("prefecture", "南京市"), ("county", "西湖区"), ("county", "鼓楼区")]


def test_a_county_of_a_province_without_prefectures_hangs_from_the_province() -> None:
    roots, loose = tree(
        [fv("湖北省", 3)], [fv("未知", 2), fv("武汉市", 1, parent="湖北省")],
        [fv("仙桃市", 2, parent="湖北省"), fv("江岸区", 1, parent="武汉市")],
    )  # fmt: skip
    assert roots == [("湖北省", 3, [("武汉市", 1, [("江岸区", 1, [])]), ("仙桃市", 2, [])])]
    assert loose == [("prefecture", "未知")]


def test_a_district_of_a_municipality_hangs_from_its_prefecture_level() -> None:
    roots, _ = tree(
        [fv("上海市", 2)], [fv("上海市", 2, parent="上海市")], [fv("浦东新区", 2, parent="上海市")]
    )
    assert roots == [("上海市", 2, [("上海市", 2, [("浦东新区", 2, [])])])]


def test_a_region_is_open_when_something_inside_it_is_selected() -> None:
    sidebar = build_sidebar(
        {
            "province": (fv("浙江省", 3), fv("江苏省", 1)),
            "prefecture": (fv("杭州市", 3, parent="浙江省"), fv("南京市", 1, parent="江苏省")),
            "county": (fv("西湖区", 2, selected=True, parent="杭州市"),),
        },
        (("county", "西湖区"),),
        "/search",
    )
    assert [node.open for node in sidebar.regions] == [True, False]


@pytest.mark.parametrize(
    ("spans", "start", "end", "expected"),
    [
        ([], 0, 8, [("推进政务公开工作", None)]),
        ([(2, 6)], 0, 8, [("推进", None), ("政务公开", 1), ("工作", None)]),
        ([(0, 2), (6, 8)], 0, 8, [("推进", 1), ("政务公开", None), ("工作", 2)]),
        ([(2, 6)], 4, 8, [("公开", 1), ("工作", None)]),  # a mark cut at the start
        ([(2, 6)], 0, 4, [("推进", None), ("政务", 1)]),
        ([(0, 4), (2, 6)], 0, 8, [("推进政务", 1), ("公开工作", None)]),  # overlaps skipped
    ],
)
def test_pieces_number_the_marks(spans: list, start: int, end: int, expected: list) -> None:
    found = pieces("推进政务公开工作", spans, start, end, 0)
    assert [(piece.text, piece.hit) for piece in found] == expected


def test_a_report_is_cut_into_headings_and_bodies_with_marks_numbered_in_reading_order() -> None:
    report = CRAFTED[0]  # preamble, 一、生态环境保护, 二、其他事项
    heading = report.sections[1]
    local = report.text[heading.start : heading.end]
    ecology, public = local.index("生态"), local.rindex("公开")
    marks = {1: [(ecology, ecology + 2), (public, public + 2)], 0: [(0, 3)]}
    views = section_views(report, report.text, marks)
    assert [v.anchor for v in views] == ["s0", "s1", "s2"]
    assert "".join(p.text for p in views[1].heading) == "一、生态环境保护"
    assert views[1].body[0].text.startswith("全面加强")
    numbered = [(p.text, p.hit) for v in views for p in (*v.heading, *v.body) if p.hit]
    assert numbered == [("西湖区", 1), ("生态", 2), ("公开", 3)]
    assert views[0].heading == ()


def test_the_simplified_twin_is_cut_at_the_same_places() -> None:
    sections = [("", "preamble", "說明。"), ("一、政務公開", "proactive", "推進政務公開。")]
    report = crafted_report("t.txt", "某縣報告", sections)
    section = report.sections[1]
    at = report.text.index("政務公開", section.start + 5) - section.start
    views = section_views(report, report.simplified, {1: [(at, at + 4)]})
    assert [(p.text, p.hit) for p in views[1].heading] == [("一、政务公开", None)]
    assert views[1].body == (Piece("推进"), Piece("政务公开", 1), Piece("。"))
