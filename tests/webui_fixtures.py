"""What the web UI tests share: the app over the session's index of the sample corpus and the
crafted reports (built once, in :mod:`tests.search_fixtures`), a test client, a CLI runner, and
helpers reading pages. No tests here.

Test modules import the fixtures they use (``app_fixture``, ``client_fixture``,
``runner_fixture``); pytest knows them by their names ``app``, ``client`` and ``runner``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import lxml.html
import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from indexer.config import Settings
from webui import create_app

from .search_fixtures import shared_index


def make_app(settings: Settings, **config: Any) -> Flask:
    return create_app({"TESTING": True, "GONGKAI_SETTINGS": settings, **config})


@pytest.fixture(scope="session", name="app")
def app_fixture(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    served = make_app(settings.with_overrides(index_path=shared_index(tmp_path_factory)))
    yield served
    served.extensions["gongkai"].service.close()


@pytest.fixture(name="client")
def client_fixture(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(name="runner")
def runner_fixture() -> CliRunner:
    return CliRunner()


def page(response: TestResponse) -> lxml.html.HtmlElement:
    """The response's HTML, parsed (to find elements by id and class, as a reader would)."""
    return lxml.html.fromstring(response.get_data(as_text=True))


def by_class(root: lxml.html.HtmlElement, name: str, tag: str = "*") -> list[Any]:
    """Elements (``tag``) having the class ``name``, in document order."""
    return root.xpath(f'.//{tag}[contains(concat(" ", normalize-space(@class), " "), " {name} ")]')


def texts(root: lxml.html.HtmlElement, name: str, tag: str = "*") -> list[str]:
    return [element.text_content().strip() for element in by_class(root, name, tag)]


def total(root: lxml.html.HtmlElement) -> int:
    """The total the search page announces."""
    return int(root.get_element_by_id("total").get("data-total"))
