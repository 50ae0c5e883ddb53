"""With JavaScript off, everything still works: the search box submits, facet links, chips
and paging are plain links, and the page-size choice applies with its own button."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import OpenPage
from .pages import chips, facet_counts, follow, params, search, shown_sections, total

pytestmark = pytest.mark.e2e


def test_search_facets_and_paging_work_without_javascript(open_page: OpenPage) -> None:
    page = open_page(java_script_enabled=False)
    page.goto("/")
    assert "js" not in (page.locator("html").get_attribute("class") or "").split()
    search(page, "公开")
    everything = total(page)
    assert everything > 10
    expect(page.locator("#result-list p.snippet mark").first).to_be_visible()

    advertised = facet_counts(page, "kind")["annual_report"]
    follow(page, page.locator('#facets a[data-facet="kind"][data-value="annual_report"]'))
    assert total(page) == advertised < everything
    assert chips(page) == [("kind", "annual_report")]

    page.locator("#size").select_option("10")
    assert ("size", "10") not in params(page)  # nothing happens until the button is pressed
    apply = page.locator("#apply-options")
    expect(apply).to_be_visible()
    apply.click()
    page.wait_for_url(lambda url: "size=10" in url)
    first = shown_sections(page)
    assert len(first) == 10

    follow(page, page.locator("#pagination a[rel=next]"))
    assert ("page", "2") in params(page)
    assert not set(first) & set(shown_sections(page))
    assert chips(page) == [("kind", "annual_report")]

    follow(page, page.locator("#chips a.chip"))
    assert total(page) == everything
