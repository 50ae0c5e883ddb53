"""End-to-end fixtures: one chromium and one ``gongkai serve`` (over a fresh index of the
sample corpus) per session, and pages whose console is watched: any console error, CSP
violation, uncaught script error or broken resource fails the test that met it.

Without /usr/bin/chromium the tests are skipped, except under CI=true, where they fail.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from .live import CHROMIUM, CHROMIUM_MISSING, build_sample_index, launch_chromium, serving
from .watch import watch

DESKTOP = {"width": 1280, "height": 900}
TIMEOUT_MS = 10_000  # a local server answers in milliseconds; fail fast when something hangs

OpenPage = Callable[..., Page]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "e2e: drives Debian's chromium against gongkai serve (make browser)"
    )


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(CHROMIUM_MISSING, pytrace=False)
        pytest.skip(f"{CHROMIUM_MISSING} (with CI=true this fails instead)")
    with sync_playwright() as playwright:
        launched = launch_chromium(playwright)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of ``gongkai serve`` over a fresh index of the sample corpus."""
    folder = tmp_path_factory.mktemp("e2e")
    index = build_sample_index(folder / "index")
    with serving(index, folder / "serve.log") as base:
        yield base


@pytest.fixture(name="open_page")
def open_page_fixture(browser: Browser, server: str) -> Iterator[OpenPage]:
    """Open a page in a new browser context (desktop size unless ``options`` say otherwise,
    e.g. ``java_script_enabled=False``); after the test, fail on any problem it met."""
    opened: list[tuple[BrowserContext, list[str]]] = []

    def open_page(**options: Any) -> Page:
        context = browser.new_context(
            **{"base_url": server, "viewport": DESKTOP, "locale": "zh-CN", **options}
        )
        context.set_default_timeout(TIMEOUT_MS)
        opened.append((context, watch(context)))
        return context.new_page()

    yield open_page
    for context, _ in opened:
        context.close()
    problems = [problem for _, found in opened for problem in found]
    assert not problems, "\n".join(problems)


@pytest.fixture
def page(open_page: OpenPage) -> Page:
    """A desktop page with JavaScript on."""
    return open_page()
