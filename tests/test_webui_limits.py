"""Requests built to be expensive. Every facet value and chip links to a state holding all the
other values, so a page grows with the square of its URL: thousands of filter values are refused
with a 400 before any search, the refusal echoes no more than a valid URL could, and the largest
request the limits allow gives a page of bounded size."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from indexer.search.params import MAX_FILTER_VALUES, MAX_VALUE_CHARS, MAX_VALUES
from webui.page_views import FILTER_LABELS

from .webui_fixtures import app_fixture, client_fixture, page  # noqa: F401

THOUSANDS = [("province", f"p{i}") for i in range(4000)]
REFUSED = "省份最多选 20 个，这里有 4000 个"


@pytest.mark.parametrize("path", ["/search", "/api/search", "/api/facets", "/search.csv"])
def test_thousands_of_filter_values_are_refused_in_a_short_answer(
    client: FlaskClient, path: str
) -> None:
    response = client.get(path, query_string=THOUSANDS)
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert REFUSED in body
    assert len(body) < 64 * 1024


def test_the_refusal_page_keeps_no_more_values_than_a_valid_url_holds(client: FlaskClient) -> None:
    hostile = [*THOUSANDS, *[("county", f"c{i}") for i in range(4000)], *[("sort", "newest")] * 99]
    root = page(client.get("/search", query_string=hostile))
    kept = [(i.get("name"), i.get("value")) for i in root.xpath('//input[@type="hidden"]')]
    names = [name for name, _ in kept]
    assert names.count("province") == MAX_VALUES
    assert len([n for n in names if n in FILTER_LABELS]) == MAX_FILTER_VALUES
    assert names.count("sort") == 1


def largest_allowed() -> list[tuple[str, str]]:
    """The most expensive URL the limits let through: the longest query, every filter value
    as long as allowed."""
    per_key = MAX_FILTER_VALUES // 2
    assert per_key <= MAX_VALUES
    return [
        ("q", "政务" * 250),
        *[("province", f"{i:02d}" + "省" * (MAX_VALUE_CHARS - 2)) for i in range(per_key)],
        *[("county", f"{i:02d}" + "县" * (MAX_VALUE_CHARS - 2)) for i in range(per_key)],
    ]


@pytest.mark.parametrize("path", ["/search", "/api/search"])
def test_the_largest_request_allowed_gives_a_bounded_answer(client: FlaskClient, path: str) -> None:
    response = client.get(path, query_string=largest_allowed())
    assert response.status_code == 200
    assert len(response.get_data()) < 4 * 1024 * 1024
