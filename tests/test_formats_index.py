"""A corpus of other formats, indexed and served: the real 淮安 PDF, a Word file, a scan, an
encrypted PDF and a spreadsheet. Every file is accounted for; tables reach the report page as
tables with the query marked in their cells; the original downloads by report id."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from indexer.cli import main
from indexer.config import Settings

from .conftest import ROOT
from .documents import merged_docx, report_pdf, scanned_pdf
from .test_formats import HUAIAN
from .webui_fixtures import by_class, make_app, page

CONFIG = ["--config", str(ROOT / "config.toml")]


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict]:
    corpus = tmp_path_factory.mktemp("formats")
    shutil.copy(HUAIAN, corpus / HUAIAN.name)
    (corpus / "word.docx").write_bytes(merged_docx())
    (corpus / "locked.pdf").write_bytes(report_pdf(password="secret"))
    (corpus / "scan.pdf").write_bytes(scanned_pdf(report_pdf(), scale=0.5))
    (corpus / "figures.xlsx").write_bytes(b"PK\x03\x04")
    index = tmp_path_factory.mktemp("index") / "index"
    run = index.parent / "run.json"
    done = CliRunner().invoke(
        main,
        ["reindex", "--corpus", str(corpus), "--index", str(index), "--report", str(run), *CONFIG],
    )
    assert done.exit_code == 0, done.output
    return corpus, index, json.loads(run.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def client(indexed, settings: Settings) -> FlaskClient:
    app: Flask = make_app(settings.with_overrides(index_path=indexed[1]))
    yield app.test_client()
    app.extensions["gongkai"].service.close()


def report_id(client: FlaskClient, query: str) -> str:
    found = client.get("/api/search", query_string={"q": query}).get_json()
    return found["hits"][0]["report_id"]


def test_every_file_is_accounted_for(indexed) -> None:
    _, index, run = indexed
    assert run["files_seen"] == 4
    assert {r["source"]: r["error"] for r in run["rejected"]} == {
        "locked.pdf": "encrypted PDF (it needs a password to open)",
        "scan.pdf": "scanned PDF without a text layer (2 pages): reindex --ocr reads it",
    }
    assert run["skipped"] == [{"source": "figures.xlsx", "type": ".xlsx"}]
    shown = CliRunner().invoke(main, ["stats", "--index", str(index), *CONFIG])
    assert "skipped files (types not read): 1 (.xlsx 1)" in shown.output
    assert "  figures.xlsx: .xlsx" in shown.output


def test_the_report_page_shows_tables_with_marks_in_their_cells(client: FlaskClient) -> None:
    rid = report_id(client, "行政许可")
    root = page(client.get(f"/reports/{rid}", query_string={"q": "行政许可"}))
    tables = by_class(root, "report-table", "table")
    assert len(tables) == 4
    marked = [mark.text for mark in tables[0].xpath(".//td//mark")]
    assert marked == ["行政许可"]
    cell = tables[2].xpath(".//td[@rowspan and @colspan]")[0]
    assert cell.text_content().startswith("（本列数据的勾稽关系为")
    assert root.get_element_by_id("meta-original") is not None


def test_a_phrase_from_the_pdf_is_found_and_highlighted(client: FlaskClient) -> None:
    phrase = "着力强化与申请人的直接沟通"
    rid = report_id(client, f'"{phrase}"')
    root = page(client.get(f"/reports/{rid}", query_string={"q": f'"{phrase}"'}))
    assert [m.text_content() for m in root.xpath("//mark[@class='hit']")] == [phrase]


def test_the_api_gives_tables_and_the_original(client: FlaskClient) -> None:
    rid = report_id(client, "行政许可")
    data = client.get(f"/api/reports/{rid}").get_json()
    positions = {s["position"]: s["heading"] for s in data["sections"]}
    assert [positions[t["section"]][:2] for t in data["tables"]] == ["二、", "二、", "三、", "四、"]
    assert data["tables"][0]["rows"][1] == [
        "信息内容",
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
    ]
    assert data["ocr"] is False
    with client.get(data["download_url"]) as download:
        assert download.status_code == 200
        assert download.mimetype == "application/pdf"
        assert download.data == HUAIAN.read_bytes()
        assert "attachment" in download.headers["Content-Disposition"]


def test_a_changed_original_is_not_served_as_the_indexed_one(indexed, client) -> None:
    corpus, _, _ = indexed
    rid = report_id(client, "示例市")
    with client.get(f"/reports/{rid}/original") as download:
        assert download.status_code == 200
    path = corpus / "word.docx"
    kept = path.read_bytes()
    path.write_bytes(kept + b"changed")
    try:
        assert client.get(f"/reports/{rid}/original").status_code == 404
    finally:
        path.write_bytes(kept)
    assert client.get("/reports/no-such-report/original").status_code == 404
