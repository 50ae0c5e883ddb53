"""Where people see the statistics: ``inspect --json``, the docstore, the report API and page."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from indexer.cli import main
from indexer.config import Settings
from indexer.docstore import DocStore
from indexer.ids import report_id
from indexer.models import Report
from indexer.pipeline import understand_text

from .conftest import ROOT, TEMPLATE_2019_DIR
from .search_fixtures import ENGINES, build_index
from .statistics_fixtures import layout, requests_rows, text_report
from .webui_fixtures import make_app, page

FIGURES = {
    "requests_new",
    "requests_carried_over",
    "granted",
    "partly_granted",
    "refused",
    "unable",
    "not_processed",
    "outcomes_total",
    "carried_forward",
    "review_total",
    "review_corrected",
    "litigation_total",
    "rules_new",
    "normative_new",
}


def failing_report(settings: Settings) -> Report:
    """A crafted 2022 report whose 本年新收 total is wrong and whose text says 20 requests."""
    rows = [layout([label, *values]) for label, values in requests_rows()]
    rows[0] = layout(["一、本年新收政府信息公开申请数量", 10, 2, 0, 0, 1, 0, 14])
    text = text_report(layout, rows, prose="全年共受理政府信息公开申请20件。")
    (report,) = understand_text(text, "crafted/failing.txt", settings.taxonomy)
    return report


def test_inspect_json_gives_the_statistics_with_the_headline_names() -> None:
    path = TEMPLATE_2019_DIR / "huaian-city-2024.txt"
    result = CliRunner().invoke(
        main, ["inspect", "--json", str(path), "--config", str(ROOT / "config.toml")]
    )
    assert result.exit_code == 0
    (report,) = json.loads(result.output)
    statistics = report["statistics"]
    assert set(statistics) == {"format", "cells", "figures", "checks", "sources"}
    assert statistics["format"] == "2021"
    assert set(statistics["figures"]) == FIGURES
    assert statistics["figures"]["requests_new"] == 3119
    assert statistics["cells"]["new.total"] == 3119
    assert all(set(check) == {"id", "ok", "detail"} for check in statistics["checks"])
    assert statistics["sources"]["new.total"]["how"] == "text"


def test_inspect_json_says_null_for_a_report_without_tables() -> None:
    path = ROOT / "data" / "sample" / "001_fc839379ecaf0f5e.txt"
    result = CliRunner().invoke(
        main, ["inspect", "--json", str(path), "--config", str(ROOT / "config.toml")]
    )
    assert json.loads(result.output)[0]["statistics"] is None


def test_the_docstore_keeps_the_statistics_as_they_were_read(
    settings: Settings, tmp_path: Path
) -> None:
    report = failing_report(settings)
    assert report.statistics is not None
    with DocStore.open(tmp_path / "docstore.sqlite") as store:
        store.add("r1", report)
        store.commit()
        assert store.get("r1") == report
        store.delete_sources(["crafted/failing.txt"])
        store.commit()
        assert store.get("r1") is None


@pytest.fixture(scope="module", name="stats_app")
def stats_app_fixture(
    settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Flask]:
    root = tmp_path_factory.mktemp("statistics-index")
    report = failing_report(settings)
    build_index(root, [(report_id(report.source, 0), report)], ENGINES["whoosh"]())
    served = make_app(settings.with_overrides(index_path=root))
    yield served
    served.extensions["gongkai"].service.close()


@pytest.fixture(name="stats_client")
def stats_client_fixture(stats_app: Flask) -> FlaskClient:
    return stats_app.test_client()


FAILING = report_id("crafted/failing.txt", 0)


def test_the_report_api_gives_the_same_statistics(stats_client: FlaskClient) -> None:
    data = stats_client.get(f"/api/reports/{FAILING}").get_json()
    statistics = data["statistics"]
    assert statistics["figures"]["requests_new"] == 14
    failing = {c["id"] for c in statistics["checks"] if not c["ok"]}
    assert {"row_total:new", "text:requests_new"} <= failing


def test_the_report_page_rebuilds_the_tables_and_marks_failing_checks(
    stats_client: FlaskClient,
) -> None:
    root = page(stats_client.get(f"/reports/{FAILING}"))
    section = root.get_element_by_id("statistics")
    assert section.get("data-format") == "2021"
    failing = root.get_element_by_id("statistics-failing")
    assert {li.get("data-check") for li in failing.iter("li")} >= {"row_total:new"}
    marked = section.xpath('.//td[contains(@class, "check-failed")]/@data-cell')
    assert "new.total" in marked and "granted.total" not in marked
    cell = section.xpath('.//td[@data-cell="new.total"]')[0]
    assert cell.text_content() == "14" and "≠ 14" in cell.get("title")
    assert section.xpath('.//table[@id="stat-requests"]//th[@scope="row"]')[0].text_content() == (
        "一、本年新收政府信息公开申请数量"
    )
    original = section.xpath('.//a[@class="original-link"]/@href')
    assert original and all(root.get_element_by_id(href[1:]) is not None for href in original)
