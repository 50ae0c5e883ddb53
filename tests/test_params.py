"""URL and command-line parameters to search requests, and back."""

from __future__ import annotations

from dataclasses import replace

import pytest

from indexer.config import Settings
from indexer.search.params import parse_params, request_params, resolve_year
from indexer.search.types import NO_YEAR, QueryError, SearchRequest, YearRange


@pytest.mark.parametrize(
    ("params", "changed"),
    [
        ({}, {}),
        ({"q": " 政务公开 "}, {"query": "政务公开"}),
        ({"q": ["政务", "公开"]}, {"query": "政务 公开"}),
        ({"province": ["江苏省", "", "江苏省", "吉林省"]}, {"province": ("江苏省", "吉林省")}),
        ({"county": "昆都侖區"}, {"county": ("昆都仑区",)}),  # names are simplified
        ({"region": ["江苏", "洛阳市"]}, {"region": ("江苏", "洛阳市")}),
        ({"year": "2018"}, {"year": (YearRange(2018, 2018),)}),
        ({"year": ["2015..2019", "2019..2015"]}, {"year": (YearRange(2015, 2019),)}),
        ({"year": "２０１７"}, {"year": (YearRange(2017, 2017),)}),  # full-width digits
        ({"year": ["未知", "2018"]}, {"year": (NO_YEAR, YearRange(2018, 2018))}),
        ({"section": ["on_request", "依申请公开"]}, {"section": ("on_request",)}),
        ({"section": "依申請公開"}, {"section": ("on_request",)}),  # a label in traditional
        ({"kind": ["年度报告", "notice"]}, {"kind": ("annual_report", "notice")}),
        ({"sort": "newest"}, {"sort": "newest"}),
        ({"sort": "地区"}, {"sort": "region"}),
        ({"page": "3", "size": "50"}, {"page": 3, "page_size": 50}),
        ({"page": ["2", "4"]}, {"page": 4}),  # the last of a repeated single value
        ({"unknown": "x", "utm_source": "y"}, {}),
    ],
)
def test_parameters_become_a_request(params: dict, changed: dict, settings: Settings) -> None:
    expected = replace(SearchRequest(page_size=settings.search.page_size), **changed)
    assert parse_params(params, settings) == expected


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"year": "18"}, "年份应写作 2018、2015..2019 或 未知，而不是“18”"),
        ({"year": "2018..later"}, "而不是“2018..later”"),
        ({"year": "1800"}, "年份应在 1949 到 2100 之间，而不是“1800”"),
        ({"section": "nonsense"}, "没有“nonsense”这种章节类型，可选：.*依申请公开"),
        ({"kind": "memo"}, "没有“memo”这种文件类型，可选：年度报告、工作总结"),
        ({"sort": "random"}, "没有“random”这种排序方式，可选：相关度、最新、最早、地区"),
        ({"page": "0"}, "页码应为 1 到 10000 之间的整数，而不是“0”"),
        ({"page": "two"}, "页码应为 1 到 10000 之间的整数，而不是“two”"),
        ({"size": "1000"}, "每页条数应为 1 到 100 之间的整数，而不是“1000”"),
        ({"size": "-5"}, "每页条数应为 1 到 100 之间的整数"),
        ({"province": [f"p{i}" for i in range(21)]}, "省份最多选 20 个，这里有 21 个"),
        ({"year": ["2018"] * 4000}, "年份最多选 20 个，这里有 4000 个"),  # counted before merging
        ({"county": ["县" * 51]}, "区县的值过长（51 个字符，最多 50 个）"),
        (
            {"province": ["p"] * 20, "county": ["c"] * 20, "kind": "notice"},
            "筛选条件最多 40 个，这里有 41 个",
        ),
    ],
)
def test_bad_parameters_raise_a_query_error_for_the_user(
    params: dict, message: str, settings: Settings
) -> None:
    with pytest.raises(QueryError, match=message):
        parse_params(params, settings)


@pytest.mark.parametrize(
    "request_",
    [
        SearchRequest(page_size=20),
        SearchRequest(query="政务公开 -依申请", page_size=20),
        SearchRequest(
            query="行政复议",
            province=("江苏省",),
            prefecture=("淮安市", "宿迁市"),
            county=("沭阳县",),
            region=("江苏",),
            year=(YearRange(2018, 2018), YearRange(2015, 2017), NO_YEAR),
            section=("on_request", "fees"),
            kind=("annual_report",),
            sort="oldest",
            page=3,
            page_size=50,
        ),
    ],
)
def test_request_params_give_the_request_back(request_: SearchRequest, settings: Settings) -> None:
    pairs = request_params(request_, settings)
    params: dict[str, list[str]] = {}
    for key, value in pairs:
        params.setdefault(key, []).append(value)
    assert parse_params(params, settings) == request_


def test_request_params_leave_defaults_out(settings: Settings) -> None:
    request = SearchRequest(query="公开", page_size=settings.search.page_size)
    assert request_params(request, settings) == [("q", "公开")]
    assert request_params(replace(request, year=(YearRange(2015, 2019),)), settings) == [
        ("q", "公开"),
        ("year", "2015..2019"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018", YearRange(2018, 2018)),
        ("2015..2019", YearRange(2015, 2019)),
        ("2015-2019", YearRange(2015, 2019)),
        (" 2019 .. 2015 ", YearRange(2015, 2019)),
        ("未知", NO_YEAR),
        (" 未知 ", NO_YEAR),
    ],
)
def test_resolve_year(text: str, expected: YearRange) -> None:
    assert resolve_year(text) == expected


@pytest.mark.parametrize(
    ("years", "value", "accepted"),
    [
        (YearRange(2015, 2019), "2015", True),
        (YearRange(2015, 2019), "2019", True),
        (YearRange(2015, 2019), "2020", False),
        (YearRange(2015, 2019), "未知", False),
        (NO_YEAR, "未知", True),
        (NO_YEAR, "2018", False),
    ],
)
def test_a_year_range_accepts_year_facet_values(
    years: YearRange, value: str, accepted: bool
) -> None:
    assert years.accepts(value) is accepted
