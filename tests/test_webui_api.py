"""The JSON API and the CSV export: the search page's data in the shape of
``gongkai search --json``, facet counts alone, reports, and every matching section as CSV."""

from __future__ import annotations

import csv
import io
from collections import Counter
from urllib.parse import parse_qsl, urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient

from indexer.search.params import parse_params
from indexer.search.serialise import results_to_dict
from webui.export import COLUMNS

from .search_fixtures import CRAFTED, all_sections, containing, corpus
from .webui_fixtures import app_fixture, client_fixture  # noqa: F401


def without_timing(data: dict) -> dict:
    return {key: value for key, value in data.items() if key != "elapsed"}


def test_search_returns_the_shape_of_the_cli_json_with_toggle_links(
    app: Flask, client: FlaskClient
) -> None:
    params = {"q": "政务公开", "province": "云南省", "size": "5", "page": "2"}
    data = client.get("/api/search", query_string=params).get_json()
    state = app.extensions["gongkai"]
    expected = results_to_dict(state.service.search(parse_params(params, state.settings)))
    for values in data["facets"].values():
        for value in values:
            assert value.pop("toggle_url").startswith("/api/search?")
    assert without_timing(data) == without_timing(expected)
    assert (data["page"], data["page_size"], len(data["hits"])) == (2, 5, 5)


@pytest.mark.parametrize(
    ("params", "province"),
    [
        ({"q": "公开", "size": "3", "page": "2"}, None),
        ({"q": "公开", "province": "浙江省"}, "浙江省"),
    ],
)
def test_each_hit_says_how_many_sections_of_its_report_match_on_every_page(
    client: FlaskClient, params: dict[str, str], province: str | None
) -> None:
    hits = client.get("/api/search", query_string=params).get_json()["hits"]
    matches = Counter(
        rid
        for rid, report, _ in containing(params["q"])
        if province is None or (report.region and report.region.province == province)
    )
    assert hits and [hit["report_matches"] for hit in hits] == [
        matches[hit["report_id"]] for hit in hits
    ]
    assert any(count > 1 for count in matches.values())


def test_a_toggle_url_gives_the_state_with_that_value_chosen(client: FlaskClient) -> None:
    data = client.get("/api/search", query_string={"q": "公开"}).get_json()
    value = next(v for v in data["facets"]["county"] if v["value"] == "西湖区")
    chosen = client.get(value["toggle_url"]).get_json()
    assert chosen["total"] == value["count"]
    assert [v["selected"] for v in chosen["facets"]["county"] if v["value"] == "西湖区"] == [True]


def test_facets_alone_match_the_search(client: FlaskClient) -> None:
    params = {"q": "公开", "year": "2015..2016"}
    full = client.get("/api/search", query_string=params).get_json()
    alone = client.get("/api/facets", query_string=params).get_json()
    assert set(alone) == {"query", "total", "facets"}
    assert (
        alone["total"]
        == full["total"]
        == len([row for row in containing("公开") if row[1].year in (2015, 2016)])
    )

    def on_facets(url: str | None) -> str | None:
        return url and url.replace("/api/search", "/api/facets")

    assert alone["facets"] == {
        facet: [v | {"toggle_url": on_facets(v["toggle_url"])} for v in values]
        for facet, values in full["facets"].items()
    }


def test_a_report_with_its_sections(client: FlaskClient) -> None:
    rid, report = next((rid, r) for rid, r in corpus() if r.source == CRAFTED[0].source)
    data = client.get(f"/api/reports/{rid}").get_json()
    assert (data["report_id"], data["title"], data["year"]) == (rid, report.title, 2016)
    assert data["region"] == {"province": "浙江省", "prefecture": "杭州市", "county": "西湖区"}
    assert [(s["position"], s["type"], s["url"]) for s in data["sections"]] == [
        (s.position, s.type, f"/reports/{rid}#s{s.position}") for s in report.sections
    ]


def test_stats(client: FlaskClient) -> None:
    data = client.get("/api/stats").get_json()
    assert (data["reports"], data["sections"]) == (len(corpus()), len(all_sections()))


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/search?q=(", 400),
        ("/api/search?q=" + "政务" * 300, 400),
        ("/api/search?size=10000", 400),
        ("/api/search?page=-1", 400),
        ("/api/search?year=two", 400),
        ("/api/search?section=nonsense", 400),
        ("/api/search?format=xml", 400),
        ("/api/facets?kind=<b>", 400),
        ("/api/reports/no-such-report", 404),
        ("/api/no-such-route", 404),
        ("/search.csv?q=(", 400),
    ],
)
def test_errors_are_json_with_a_status_and_a_message(
    client: FlaskClient, url: str, status: int
) -> None:
    response = client.get(url)
    assert response.status_code == status
    data = response.get_json()
    assert set(data) == {"status", "error"} and data["status"] == status and data["error"]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/search?format=xml", "导出格式只能是 json 或 csv，而不是“xml”"),
        ("/api/search?year=20x8", "年份应写作 2018、2015..2019 或 未知，而不是“20x8”"),
        ("/api/facets?q=OR", "“OR”中没有可检索的内容，请输入要查找的词语"),
    ],
)
def test_error_messages_are_chinese_and_quote_what_was_typed(
    client: FlaskClient, url: str, message: str
) -> None:
    assert client.get(url).get_json()["error"] == message


def test_a_repaired_query_warns_in_chinese(client: FlaskClient) -> None:
    data = client.get("/api/search", query_string={"q": '"依申请公开'}).get_json()
    assert data["warnings"] == ["未闭合的引号已自动补全：“依申请公开”"]


def test_the_unknown_year_toggles_like_any_year(client: FlaskClient) -> None:
    years = client.get("/api/facets").get_json()["facets"]["year"]
    unknown = next(value for value in years if value["value"] == "未知")
    assert parse_qsl(urlsplit(unknown["toggle_url"]).query) == [("year", "未知")]
    chosen = client.get(unknown["toggle_url"]).get_json()
    assert chosen["total"] == unknown["count"] > 0
    again = next(value for value in chosen["facets"]["year"] if value["value"] == "未知")
    assert again["selected"] and urlsplit(again["toggle_url"]).query == ""


def read_csv(body: bytes) -> list[list[str]]:
    assert body.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_the_csv_streams_every_matching_section_with_a_header(client: FlaskClient) -> None:
    response = client.get("/search.csv")  # browse everything: several export batches
    assert response.is_streamed
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    header, *rows = read_csv(response.get_data())
    assert tuple(header) == COLUMNS
    assert len(rows) == len(all_sections()) > 100
    keys = {(row[0], int(row[COLUMNS.index("section_position")])) for row in rows}
    assert keys == {(rid, section.position) for rid, _, section in all_sections()}


def test_the_csv_holds_the_metadata_of_each_section(client: FlaskClient) -> None:
    _, *rows = read_csv(client.get("/search.csv?q=龙舟").get_data())
    assert len(rows) == 1
    row = dict(zip(COLUMNS, rows[0], strict=True))
    assert (row["province"], row["prefecture"], row["county"]) == ("浙江省", "宁波市", "")
    assert (row["year"], row["kind"], row["kind_label"]) == ("2015", "work_summary", "工作总结")
    assert (row["section_type"], row["section_type_label"]) == ("overview", "总体情况")
    assert "龙舟" in row["snippet"]
    assert row["url"].startswith("http://localhost/reports/") and row["url"].endswith("#s0")


@pytest.mark.parametrize("sort", ["relevance", "newest", "region"])
def test_the_csv_lists_sections_in_the_order_of_the_pages(client: FlaskClient, sort: str) -> None:
    query = {"q": "依申请公开", "sort": sort}
    hits = client.get("/api/search", query_string={**query, "size": 100}).get_json()["hits"]
    _, *rows = read_csv(client.get("/search.csv", query_string=query).get_data())
    assert 0 < len(hits) < 100
    position = COLUMNS.index("section_position")
    assert [(row[0], int(row[position])) for row in rows] == [
        (hit["report_id"], hit["section"]["position"]) for hit in hits
    ]


def test_the_api_gives_the_same_csv(client: FlaskClient) -> None:
    query = {"q": "公开", "kind": "work_summary"}
    page_csv = client.get("/search.csv", query_string=query).get_data()
    api_csv = client.get("/api/search", query_string={**query, "format": "csv"}).get_data()
    assert page_csv == api_csv
    assert len(read_csv(api_csv)) - 1 == len(
        [row for row in containing("公开") if row[1].kind == "work_summary"]
    )
