"""The app as a whole: security headers on every response, no inline script or style, hostile
input escaped everywhere, the page shown before any index exists, a reindex picked up without a
restart, and ``gongkai serve``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient

from indexer.cli import main
from indexer.config import ServerSettings, Settings
from indexer.ids import report_id
from indexer.models import Region
from webui.security import CONTENT_SECURITY_POLICY

from .search_fixtures import CRAFTED, ENGINES, build_index, crafted_report
from .webui_fixtures import (  # noqa: F401
    app_fixture,
    client_fixture,
    make_app,
    page,
    runner_fixture,
    total,
)

PAGES = [
    "/",
    "/search?q=公开",
    "/search?province=浙江省&year=2016",
    f"/reports/{report_id(CRAFTED[0].source, 0)}?q=公开",
    "/search?q=(",
    "/reports/none",
    "/api/search?q=公开",
    "/search.csv?q=龙舟",
    "/static/style.css",
    "/static/app.js",
]


@pytest.mark.parametrize("url", PAGES)
def test_every_response_carries_the_security_headers(client: FlaskClient, url: str) -> None:
    with client.get(url) as response:  # closes the static file
        headers = response.headers
    assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY


@pytest.mark.parametrize("url", [url for url in PAGES if "/static/" not in url])
def test_pages_have_no_inline_script_or_style(client: FlaskClient, url: str) -> None:
    response = client.get(url)
    if response.mimetype != "text/html":
        return
    root = page(response)
    assert all(script.get("src") for script in root.xpath("//script"))
    assert not root.xpath("//style | //*[@style] | //*[@*[starts-with(name(), 'on')]]")
    assert root.get("lang") == "zh-CN"


HOSTILE = '<script>alert("x")</script>'


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"q": HOSTILE}, 200),
        ({"q": f'"{HOSTILE}'}, 200),
        ({"province": HOSTILE}, 200),
        ({"county": '"><img src=x onerror="alert(1)">'}, 200),
        ({"region": HOSTILE}, 200),
        ({"q": "公开", "section": HOSTILE}, 400),
        ({"kind": HOSTILE}, 400),
        ({"year": HOSTILE}, 400),
        ({"sort": HOSTILE}, 400),
        ({"q": "政务" * 300}, 400),
        ({"page": "-1"}, 400),
        ({"page": "abc"}, 400),
        ({"size": "10000"}, 400),
        ({"year": "1800"}, 400),
        ({"q": "(公开"}, 200),
    ],
)
def test_hostile_or_bad_input_is_escaped_and_never_a_500(
    client: FlaskClient, params: dict[str, str], status: int
) -> None:
    response = client.get("/search", query_string=params)
    body = response.get_data(as_text=True)
    assert response.status_code == status
    assert "<script>alert" not in body and "<img src=x" not in body
    root = page(response)
    assert root.get_element_by_id("search-form") is not None
    if status == 400:
        assert root.get_element_by_id("query-error").text_content().strip()
    if "q" in params and len(params["q"]) < 100:
        assert root.get_element_by_id("q").get("value") == params["q"]


def test_a_rejected_filter_is_not_kept_by_the_form(client: FlaskClient) -> None:
    root = page(client.get("/search", query_string={"q": "公开", "year": "two", "kind": "notice"}))
    kept = {(i.get("name"), i.get("value")) for i in root.xpath('//input[@type="hidden"]')}
    assert kept == {("kind", "notice")}


@pytest.fixture
def empty_index(settings: Settings, tmp_path: Path) -> Any:
    app = make_app(settings.with_overrides(index_path=tmp_path / "index"))
    yield app, tmp_path / "index"
    app.extensions["gongkai"].service.close()


@pytest.mark.parametrize("url", ["/", "/search?q=公开", "/reports/x"])
def test_without_an_index_the_pages_say_so(empty_index: Any, url: str) -> None:
    app, _ = empty_index
    response = app.test_client().get(url)
    assert response.status_code == 503
    assert "gongkai reindex" in page(response).get_element_by_id("no-index").text_content()


@pytest.mark.parametrize("url", ["/api/search?q=公开", "/api/facets", "/api/stats", "/search.csv"])
def test_without_an_index_the_api_answers_503(empty_index: Any, url: str) -> None:
    app, _ = empty_index
    response = app.test_client().get(url)
    assert response.status_code == 503
    assert response.get_json()["status"] == 503


def hostile_report(source: str, body: str) -> Any:
    return crafted_report(
        source,
        f"{HOSTILE}2018年政务公开年度报告",
        [("", "preamble", "前言。"), ("一、<b>粗体</b>标题", "proactive", body)],
        region=Region("<i>省</i>", "<u>市</u>", None),
        year=2018,
    )


def test_a_reindex_is_picked_up_without_a_restart_and_report_text_is_escaped(
    empty_index: Any,
) -> None:
    app, root = empty_index
    client = app.test_client()
    assert client.get("/").status_code == 503
    first = hostile_report("a.txt", '推进政务公开<img src=x onerror="alert(1)">工作。')
    build_index(root, [("a-0", first)], ENGINES["whoosh"]())
    assert page(client.get("/")).get_element_by_id("stat-reports").text_content() == "1"
    for url in ("/", "/search?q=政务公开", "/reports/a-0?q=政务公开", "/search?province=<i>省</i>"):
        body = client.get(url).get_data(as_text=True)
        assert "<script>alert" not in body and "<img src=x" not in body
        assert "<i>省</i>" not in body and "<b>粗体</b>" not in body
        assert "&lt;i&gt;省&lt;/i&gt;" in body
    second = hostile_report("b.txt", "再次推进政务公开。")
    build_index(root, [("a-0", first), ("b-0", second)], ENGINES["whoosh"]())
    assert total(page(client.get("/search?q=政务公开"))) == 2 * 2  # heading and body each


def test_serve_runs_waitress_with_the_configured_address_and_limits(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    served: list[tuple[ServerSettings, str, int]] = []

    def create_server(app: Any, settings: ServerSettings, host: str, port: int) -> Any:
        served.append((settings, host, port))
        return SimpleNamespace(run=lambda: None)

    monkeypatch.setattr("webui.cli.create_server", create_server)
    config = tmp_path / "config.toml"
    config.write_text(
        '[server]\nhost = "0.0.0.0"\nport = 8123\nrequest_timeout = 7\nthreads = 3\n',
        encoding="utf-8",
    )
    result = runner.invoke(main, ["serve", "--config", str(config), "--index", str(tmp_path)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        main, ["serve", "--config", str(config), "--port", "9000", "--threads", "8"]
    )
    assert result.exit_code == 0, result.output
    assert [(host, port, s.threads, s.request_timeout) for s, host, port in served] == [
        ("0.0.0.0", 8123, 3, 7),
        ("0.0.0.0", 9000, 8, 7),
    ]
    assert (
        f"serving {tmp_path.resolve()}"
        in runner.invoke(main, ["serve", "--config", str(config), "--index", str(tmp_path)]).output
    )


def test_serve_is_a_gongkai_command(runner: CliRunner) -> None:
    assert "serve" in runner.invoke(main, ["--help"]).output


def test_regression_the_serve_module_imports_on_its_own() -> None:
    """Loading entry points when ``indexer.cli`` was imported made ``import webui.cli`` (which
    imports ``indexer.cli.options``) circular."""
    code = "import webui.cli, indexer.cli; print(webui.cli.serve.name)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (done.returncode, done.stdout.strip()) == (0, "serve"), done.stderr
