"""The search box in a real browser: Enter lists highlighted hits, either script finds the
same, a bad query is explained in the page, and a phone shows results without sideways
scrolling."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from indexer.script import to_simplified

from .conftest import OpenPage
from .pages import follow, result_ids, search, total

pytestmark = pytest.mark.e2e

PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}


def marks(page: Page) -> list[str]:
    return page.locator("#result-list p.snippet mark").all_text_contents()


def test_a_query_entered_in_the_box_lists_highlighted_hits(page: Page) -> None:
    page.goto("/")
    search(page, "依申请公开")
    expected = page.request.get("/api/search", params={"q": "依申请公开"}).json()
    assert total(page) == expected["total"] > 0
    assert result_ids(page) == list(dict.fromkeys(hit["report_id"] for hit in expected["hits"]))
    assert page.locator("#q").input_value() == "依申请公开"
    assert marks(page)
    assert {to_simplified(text) for text in marks(page)} == {"依申请公开"}
    for result in page.locator("#result-list li.result").all():
        expect(result.locator("p.snippet mark").first).to_be_visible()


@pytest.mark.parametrize(
    ("traditional", "simplified"), [("政務公開", "政务公开"), ("依申請公開", "依申请公开")]
)
def test_a_traditional_query_finds_what_its_simplified_twin_finds(
    page: Page, traditional: str, simplified: str
) -> None:
    found = []
    for query in (traditional, simplified):
        page.goto("/")
        search(page, query)
        found.append((total(page), result_ids(page), marks(page)))
    assert found[0] == found[1]
    assert found[0][0] > 0


@pytest.mark.parametrize(
    ("query", "explained"),
    [
        ("year:abc", "abc"),
        ("kind:xx", "xx"),
        ("section:不存在", "不存在"),
        ("AND", "AND"),
        ("公" * 501, "500"),
    ],
)
def test_a_bad_query_is_explained_in_the_page(page: Page, query: str, explained: str) -> None:
    page.goto("/")
    with page.expect_response(lambda response: response.request.is_navigation_request()) as got:
        search(page, query)
    assert got.value.status == 400
    notice = page.locator("#query-error")
    expect(notice).to_be_visible()
    expect(notice.locator("h1")).to_have_text("这个搜索无法执行")
    expect(notice.locator(".error-message")).to_contain_text(explained)
    assert page.locator("#q").input_value() == query


def fits_without_sideways_scrolling(page: Page) -> bool:
    return page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def test_a_phone_shows_results_without_sideways_scrolling(open_page: OpenPage) -> None:
    page = open_page(**PHONE)
    page.goto("/")
    assert fits_without_sideways_scrolling(page)
    search(page, "依申请公开")
    assert fits_without_sideways_scrolling(page)
    expect(page.locator("#facets-panel")).not_to_have_attribute("open", "")
    first = page.locator("#result-list li.result h3.result-title a").first
    expect(first).to_be_in_viewport()
    title = first.inner_text()
    follow(page, first)
    expect(page.locator("#report-title")).to_have_text(title)
    assert fits_without_sideways_scrolling(page)
