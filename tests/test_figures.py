"""Figures across reports: the places × years grid, rates, the export, ``gongkai figures``, the
figures page (数据) and its JSON twin, over the session's index of the sample corpus (which holds
the real post-2019 reports)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient

from indexer.cli import main
from indexer.models import Region
from indexer.statistics.grid import Measure, Record, export_header, export_rows, grid, measure

from .conftest import ROOT
from .search_fixtures import shared_index
from .webui_fixtures import app_fixture, client_fixture, page  # noqa: F401


def record(report: str, region: Region, year: int, **cells: int) -> Record:
    values: dict[str, int | float] = {k.replace("_", "."): v for k, v in cells.items()}
    return Record(report, report, region, year, "2021", values)


def wanted(measure_id: str) -> Measure:
    found = measure(measure_id)
    assert found is not None
    return found


JIANGSU = Region("江苏省", "淮安市")
SUQIAN = Region("江苏省", "宿迁市", "沭阳县")
SHANGHAI = Region("上海市", "上海市", "黄浦区")
RECORDS = [
    record("a", JIANGSU, 2023, new_total=10, granted_total=5, outcomes_total=10),
    record("b", SUQIAN, 2023, new_total=4, granted_total=1, outcomes_total=4),
    record("c", SUQIAN, 2024, new_total=6),
    record("d", SHANGHAI, 2024, new_total=3, granted_total=3, outcomes_total=3),
]


def test_the_grid_sums_each_place_year_and_leaves_gaps() -> None:
    shown = grid(RECORDS, wanted("requests_new"))
    assert shown.years == (2023, 2024)
    assert [(row.place, [c.value for c in row.cells]) for row in shown.rows] == [
        ("上海市", [None, 3]),
        ("江苏省", [14, 6]),
    ]
    assert shown.rows[1].cells[0].reports == ("a", "b")
    assert shown.totals == (14, 9) and shown.medians == (14, 4.5)


def test_the_grid_drills_down_to_prefectures_and_counties() -> None:
    prefectures = grid(RECORDS, wanted("requests_new"), ["江苏省"])
    assert [row.place for row in prefectures.rows] == ["宿迁市", "淮安市"]
    counties = grid(RECORDS, wanted("requests_new"), ["江苏省", "宿迁市"])
    assert [(r.path, [c.value for c in r.cells]) for r in counties.rows] == [
        (("江苏省", "宿迁市", "沭阳县"), [4, 6])
    ]


def test_a_rate_is_the_ratio_of_sums_over_reports_giving_both() -> None:
    shown = grid(RECORDS, wanted("grant_rate"))
    jiangsu = next(row for row in shown.rows if row.place == "江苏省")
    assert [c.value for c in jiangsu.cells] == [0.4286, None]  # 6 / 14; "c" gives no outcomes


def test_the_export_has_a_row_per_report_and_a_column_per_cell() -> None:
    header = export_header(RECORDS)
    rows = export_rows(RECORDS, header)
    place = ["province", "prefecture", "county", "year", "format"]
    assert header[:7] == ["report_id", "title", *place]
    assert "requests_new" in header and "new.total" in header and "review.total" not in header
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    assert by_id["c"]["new.total"] == 6 and by_id["c"]["granted.total"] is None


def run(*args: str, index: str) -> str:
    result = CliRunner().invoke(
        main, [*args, "--config", str(ROOT / "config.toml"), "--index", index]
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_gongkai_figures_prints_the_grid_and_the_export(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    index = str(shared_index(tmp_path_factory))
    grid_json = json.loads(run("figures", "--figure", "requests_new", "--json", index=index))
    places = {row["place"]: row for row in grid_json["rows"]}
    assert places["江苏省"]["values"][grid_json["years"].index(2024)] == 3119
    text = run("figures", "--in", "江苏省", index=index)
    assert "淮安市" in text and "3119" in text and "中位数" in text
    exported = list(csv.reader(io.StringIO(run("figures", "--export", "csv", index=index))))
    header, rows = exported[0], exported[1:]
    assert len(rows) == 5 and "new.total" in header
    assert sorted(row[header.index("requests_new")] for row in rows) == sorted(
        ["3119", "34", "1295", "713", "26"]
    )


def test_the_figures_page_shows_the_grid_with_links(client: FlaskClient) -> None:
    root = page(client.get("/figures?measure=requests_new&in=江苏省"))
    grid_table = root.get_element_by_id("figures-grid")
    rows = {tr.xpath("./th")[0].text_content(): tr for tr in grid_table.xpath("./tbody/tr")}
    assert "淮安市" in rows and "宿迁市" in rows
    huaian = rows["淮安市"].xpath('./td[@data-year="2024"]')[0]
    assert huaian.text_content().startswith("3119")
    (report_link,) = huaian.xpath('.//a[@class="report-link"]/@href')
    assert client.get(report_link).status_code == 200
    drill = rows["宿迁市"].xpath("./th/a/@href")[0]
    assert "%E5%AE%BF%E8%BF%81%E5%B8%82" in drill  # 宿迁市
    assert root.xpath('//select[@id="measure"]/option[@selected]/@value') == ["requests_new"]
    assert rows["宿迁市"].xpath('./td[@class="trend"]/svg') == []  # one year: no line


def test_each_place_has_its_line_over_the_years(client: FlaskClient) -> None:
    root = page(client.get("/figures?measure=requests_new"))
    rows = root.xpath('//table[@id="figures-grid"]/tbody/tr')
    jiangsu = next(tr for tr in rows if tr.xpath("./th")[0].text_content() == "江苏省")
    (chart,) = jiangsu.xpath('./td[@class="trend"]/svg')
    assert len(chart.xpath("./circle")) == 2 and len(chart.xpath("./polyline")) == 1


def test_the_figures_api_and_export_are_the_pages_twins(client: FlaskClient) -> None:
    data = client.get("/api/figures?measure=grant_rate").get_json()
    assert data["measure"] == "grant_rate" and data["rows"]
    exported = client.get("/api/figures/export?format=json").get_json()
    assert {row["requests_new"] for row in exported} == {3119, 34, 1295, 713, 26}
    response = client.get("/figures.csv")
    assert response.mimetype == "text/csv" and response.get_data(as_text=True).startswith("\ufeff")


def test_an_unknown_figure_is_a_clear_400(client: FlaskClient) -> None:
    response = client.get("/api/figures?measure=<b>x</b>")
    assert response.status_code == 400
    assert "没有这个数据项" in response.get_json()["error"]
    html = client.get("/figures?measure=<b>x</b>").get_data(as_text=True)
    assert "<b>x</b>" not in html
