"""Prefecture and county facet values carry the region they lie in, read from the index (never
guessed from names): two counties named 鼓楼区 in different prefectures are two values, each
counted on its own, in the service's results, its JSON and the web UI's region tree."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient

from indexer.backends.whoosh.table import PARENT_COLUMNS, Column, place
from indexer.cli import main
from indexer.config import Settings
from indexer.models import Region, Report
from indexer.search.serialise import results_to_dict
from indexer.search.service import SearchService
from indexer.search.types import SearchRequest

from .search_fixtures import ENGINES, build_index, crafted_report
from .webui_fixtures import make_app, page


def report(source: str, region: Region | None, sections: int) -> tuple[str, Report]:
    body = [(f"{n + 1}、工作", "overview", "推进政务公开。") for n in range(sections)]
    return (source, crafted_report(source, "政务公开工作年度报告", body, region=region, year=2019))


REPORTS = (
    report("nanjing.txt", Region("江苏省", "南京市", "鼓楼区", "320106"), 2),
    report("fuzhou.txt", Region("福建省", "福州市", "鼓楼区", "350102"), 3),
    report("xuzhou.txt", Region("江苏省", "徐州市", None, "320300"), 1),
    report("xiantao.txt", Region("湖北省", None, "仙桃市", "429004"), 4),
    report("nowhere.txt", None, 5),
)


@pytest.fixture(scope="module")
def places_settings(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    root = tmp_path_factory.mktemp("places")
    build_index(root, REPORTS, ENGINES["whoosh"]())
    return settings.with_overrides(index_path=Path(root))


@pytest.fixture(scope="module")
def service(places_settings: Settings) -> Iterator[SearchService]:
    served = SearchService(places_settings)
    yield served
    served.close()


@pytest.fixture(scope="module")
def client(places_settings: Settings) -> Iterator[FlaskClient]:
    app = make_app(places_settings)
    yield app.test_client()
    app.extensions["gongkai"].service.close()


def places(service: SearchService, facet: str, **filters: tuple[str, ...]) -> set[tuple]:
    values = service.search(SearchRequest(page_size=0, **filters)).facets[facet]
    return {(value.parent, value.value, value.count, value.selected) for value in values}


def test_same_named_counties_are_counted_apart_under_their_prefectures(
    service: SearchService,
) -> None:
    assert places(service, "county") == {
        ("南京市", "鼓楼区", 2, False),
        ("福州市", "鼓楼区", 3, False),
        ("湖北省", "仙桃市", 4, False),  # no prefecture: the province
        (None, "未知", 6, False),  # unknown values lie nowhere, and stay one value
    }


def test_prefectures_lie_in_their_provinces(service: SearchService) -> None:
    assert places(service, "prefecture") == {
        ("江苏省", "南京市", 2, False),
        ("江苏省", "徐州市", 1, False),
        ("福建省", "福州市", 3, False),
        (None, "未知", 9, False),
    }
    assert {value.parent for value in service.facets(SearchRequest())["province"]} == {None}


def test_places_count_within_the_other_facets_selection(service: SearchService) -> None:
    assert places(service, "county", province=("江苏省",)) == {
        ("南京市", "鼓楼区", 2, False),
        (None, "未知", 1, False),
    }


def test_a_county_filter_goes_by_name_and_marks_each_place_selected(
    service: SearchService,
) -> None:
    assert service.search(SearchRequest(county=("鼓楼区",))).total == 5
    assert places(service, "county", county=("鼓楼区",)) == {
        ("南京市", "鼓楼区", 2, True),
        ("福州市", "鼓楼区", 3, True),
        ("湖北省", "仙桃市", 4, False),
        (None, "未知", 6, False),
    }


def test_a_selected_county_without_matches_is_still_shown(service: SearchService) -> None:
    values = service.facets(SearchRequest(query="没有这样的词语", county=("玄武区",)))["county"]
    assert [(v.parent, v.value, v.count, v.selected) for v in values] == [(None, "玄武区", 0, True)]


def test_the_json_facets_carry_the_parent(service: SearchService) -> None:
    data = results_to_dict(service.search(SearchRequest(page_size=0)))
    counties = {(value["parent"], value["value"]) for value in data["facets"]["county"]}
    assert {("南京市", "鼓楼区"), ("福州市", "鼓楼区")} <= counties
    assert all(value["parent"] is None for value in data["facets"]["year"])


def test_the_sidebar_hangs_each_county_from_its_own_prefecture(client: FlaskClient) -> None:
    root = page(client.get("/search", query_string={"county": "鼓楼区"}))
    counties = root.xpath('.//a[@data-facet="county"][@data-value="鼓楼区"]')
    chains = [
        [
            a.get("data-value")
            for a in link.xpath("ancestor::details[@class='region-children']/summary/a")
        ]
        for link in counties
    ]
    counts = [int(link.xpath(".//span[@class='count']")[0].text_content()) for link in counties]
    assert sorted(zip(chains, counts, strict=True)) == [
        (["江苏省", "南京市"], 2),
        (["福建省", "福州市"], 3),
    ]


def test_counties_are_listed_under_an_open_prefecture_only(client: FlaskClient) -> None:
    """Every province unfolds to its prefectures; a prefecture's counties appear once it is
    chosen (a national corpus has thousands) or when it is its province's only one; counties
    straight under a province always."""
    root = page(client.get("/search"))
    assert root.xpath('.//a[@data-facet="prefecture"][@data-value="南京市"]')
    gulou = root.xpath('.//a[@data-facet="county"][@data-value="鼓楼区"]')
    assert [
        [a.get("data-value") for a in g.xpath("ancestor::details/summary/a")] for g in gulou
    ] == [["福建省", "福州市"]]
    xiantao = root.xpath('.//a[@data-facet="county"][@data-value="仙桃市"]')[0]
    chain = xiantao.xpath("ancestor::details[@class='region-children']/summary/a")
    assert [a.get("data-value") for a in chain] == ["湖北省"]
    chosen = page(client.get("/search", query_string={"prefecture": "南京市"}))
    gulou = chosen.xpath('.//a[@data-facet="county"][@data-value="鼓楼区"]')
    assert [a.get("data-value") for a in gulou[0].xpath("ancestor::details/summary/a")] == [
        "江苏省",
        "南京市",
    ]


def test_the_api_facets_carry_the_parent_and_a_toggle_link(client: FlaskClient) -> None:
    counties = client.get("/api/facets").get_json()["facets"]["county"]
    gulou = sorted((v["parent"], v["count"]) for v in counties if v["value"] == "鼓楼区")
    assert gulou == [("南京市", 2), ("福州市", 3)]
    assert all(v["toggle_url"] for v in counties)


def columns(rows: list[tuple[str, str, str]]) -> dict[str, Column]:
    """Columns as the index stores them, from (province, prefecture, county) per document."""
    built = {}
    for level, names in zip(
        ("province", "prefecture", "county"), zip(*rows, strict=True), strict=True
    ):
        values = tuple(sorted(set(names)))
        built[level] = Column(values, np.array([values.index(n) for n in names], dtype=np.int32))
    return built


@pytest.mark.parametrize(
    ("rows", "field", "expected"),
    [
        (
            [
                ("江苏省", "南京市", "鼓楼区"),
                ("福建省", "福州市", "鼓楼区"),
                ("江苏省", "南京市", "鼓楼区"),
            ],
            "county",
            [("南京市", "鼓楼区"), ("福州市", "鼓楼区"), ("南京市", "鼓楼区")],
        ),
        (
            [
                ("湖北省", "未知", "仙桃市"),
                ("未知", "未知", "城关镇"),
                ("湖北省", "武汉市", "未知"),
            ],
            "county",
            [("湖北省", "仙桃市"), (None, "城关镇"), (None, "未知")],
        ),
        (  # 上海市 as a province and as a prefecture: one parent, one place
            [("上海市", "上海市", "浦东新区"), ("上海市", "未知", "浦东新区")],
            "county",
            [("上海市", "浦东新区"), ("上海市", "浦东新区")],
        ),
        (
            [
                ("江苏省", "南京市", "鼓楼区"),
                ("未知", "南京市", "未知"),
                ("江苏省", "未知", "未知"),
            ],
            "prefecture",
            [("江苏省", "南京市"), (None, "南京市"), (None, "未知")],
        ),
    ],
)
def test_each_document_is_placed_under_its_first_known_parent(
    rows: list[tuple[str, str, str]], field: str, expected: list[tuple[str | None, str]]
) -> None:
    placed = place(columns(rows), field, PARENT_COLUMNS[field])
    assert [placed.pairs[code] for code in placed.codes] == expected
    assert len(placed.pairs) == len(set(placed.pairs)) == len(set(expected))


def test_the_command_line_names_the_parent_of_same_named_counties(places_settings) -> None:
    result = CliRunner().invoke(
        main, ["search", "--index", str(places_settings.index_path), "--region", "鼓楼区"]
    )
    assert result.exit_code == 0, result.output
    assert "鼓楼区（南京市） 2" in result.output
    assert "鼓楼区（福州市） 3" in result.output
