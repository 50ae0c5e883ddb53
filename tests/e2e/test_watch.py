"""The watch that fails a test on a broken page can itself fail: it reports what our
Content-Security-Policy blocks, uncaught script errors and resources that do not load."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Route

from webui.security import CONTENT_SECURITY_POLICY

from .watch import watch

pytestmark = pytest.mark.e2e

THROWING_SCRIPT = "/probe/throws.js"


def serve_probe(route: Route, body: str) -> None:
    if route.request.url.endswith(THROWING_SCRIPT):
        route.fulfill(content_type="text/javascript", body="throw new Error('probe broke');")
    else:
        route.fulfill(
            content_type="text/html; charset=utf-8",
            headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY},
            body=f"<!doctype html><title>probe</title>{body}",
        )


@pytest.mark.parametrize(
    ("body", "reported"),
    [
        ('<p style="color: red">红</p>', "style-src"),
        ("<script>document.title = 'x';</script>", "script-src"),
        ('<img src="javascript:alert(1)" onerror="alert(2)" alt="">', "script-src"),
        (f'<script src="{THROWING_SCRIPT}"></script>', "probe broke"),
        ('<img src="/static/missing.png" alt="">', "404 for"),
        ('<link rel="stylesheet" href="/static/missing.css">', "missing.css"),
    ],
)
def test_the_watch_reports_what_breaks_a_page(
    browser: Browser, server: str, body: str, reported: str
) -> None:
    context = browser.new_context(base_url=server)
    problems = watch(context)
    page = context.new_page()
    page.route("**/probe/**", lambda route: serve_probe(route, body))
    page.goto("/probe/page")
    page.evaluate("() => 0")  # a round trip: events raised while loading have arrived
    context.close()
    assert any(reported in problem for problem in problems), problems


def test_the_watch_is_quiet_on_a_clean_page(browser: Browser, server: str) -> None:
    context = browser.new_context(base_url=server)
    problems = watch(context)
    page = context.new_page()
    page.route("**/probe/**", lambda route: serve_probe(route, "<p>干净的页面</p>"))
    page.goto("/probe/page")
    page.evaluate("() => 0")
    context.close()
    assert problems == []
