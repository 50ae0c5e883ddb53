"""Drilling down and paging in a real browser: a facet value narrows the results to its count
and shows a chip that undoes it; pages move forward and back, the browser's back button
included; sort and page size apply as soon as they are chosen."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, expect

from .pages import chips, facet_counts, follow, params, shown_sections, total

pytestmark = pytest.mark.e2e

QUERY = "依申请公开"
COUNTED = ("section_type", "kind")
"""Facets where every section has exactly one value, so their counts add up to the total."""


def open_search(page: Page, **state: str) -> None:
    page.goto("/search?" + urlencode({"q": QUERY, **state}))


def expand_region(page: Page, name: str) -> None:
    """Unfold a region's children in place, as a keyboard user does (Enter on its summary;
    clicking the name itself would choose the region)."""
    node = page.locator(f'details.region-children:has(> summary a[data-value="{name}"])')
    node.locator("> summary").press("Enter")
    expect(node).to_have_attribute("open", "")


@pytest.mark.parametrize(
    ("facet", "value", "param", "unfold"),
    [
        ("section_type", "on_request", "section", ()),
        ("kind", "work_summary", "kind", ()),
        ("year", "2018", "year", ()),
        ("province", "云南省", "province", ()),
        ("county", "昆都仑区", "county", ("内蒙古自治区", "包头市")),
    ],
)
def test_a_facet_value_narrows_to_its_count_and_its_chip_undoes_it(
    page: Page, facet: str, value: str, param: str, unfold: tuple[str, ...]
) -> None:
    open_search(page)
    for region in unfold:
        expand_region(page, region)
    assert params(page) == [("q", QUERY)]  # unfolding is not choosing
    everything = total(page)
    before = {other: facet_counts(page, other) for other in COUNTED}
    assert all(sum(counts.values()) == everything for counts in before.values())
    advertised = facet_counts(page, facet)[value]
    assert 0 < advertised < everything

    link = page.locator(f'#facets a[data-facet="{facet}"][data-value="{value}"]')
    follow(page, link)
    assert total(page) == advertised
    assert chips(page) == [(param, value)]
    assert (param, value) in params(page)
    chosen = f'[data-facet="{facet}"][data-value="{value}"]'
    selected = page.locator(f"#facets a.selected{chosen}, #facets li.selected > a{chosen}")
    expect(selected).to_be_visible()
    for other in COUNTED:
        if other != facet:
            after = facet_counts(page, other)
            assert sum(after.values()) == advertised
            assert after != before[other]

    follow(page, page.locator("#chips a.chip"))
    assert total(page) == everything
    assert chips(page) == []
    assert {other: facet_counts(page, other) for other in COUNTED} == before


def test_pages_move_forward_and_back_and_the_back_button_restores_them(page: Page) -> None:
    open_search(page, size="5")
    everything = total(page)
    first = shown_sections(page)
    assert len(first) == 5 < everything
    expect(page.locator("#pagination a[rel=prev]")).to_have_count(0)

    follow(page, page.locator("#pagination a[rel=next]"))
    second = shown_sections(page)
    assert ("page", "2") in params(page)
    assert len(second) == 5
    assert not set(first) & set(second)
    expect(page.locator("#results-summary")).to_contain_text("第 6–10 个")

    follow(page, page.locator("#pagination a.page", has_text=re.compile(r"^3$")))
    third = shown_sections(page)
    assert not set(third) & (set(first) | set(second))

    page.go_back()
    assert ("page", "2") in params(page)
    assert shown_sections(page) == second
    page.go_back()
    assert shown_sections(page) == first
    page.go_forward()
    assert shown_sections(page) == second

    follow(page, page.locator("#pagination a[rel=prev]"))
    assert shown_sections(page) == first

    follow(page, page.locator("#pagination a.page").last)
    pages = -(-everything // 5)
    assert ("page", str(pages)) in params(page)
    assert len(shown_sections(page)) == everything - 5 * (pages - 1)
    expect(page.locator("#pagination a[rel=next]")).to_have_count(0)


def test_sort_and_page_size_apply_as_soon_as_chosen(page: Page) -> None:
    open_search(page)
    everything = total(page)
    page.locator("#size").select_option("10")
    page.wait_for_url(lambda url: "size=10" in url)
    assert len(shown_sections(page)) == 10
    assert total(page) == everything

    page.locator("#sort").select_option("newest")
    page.wait_for_url(lambda url: "sort=newest" in url)
    shown = page.locator("#result-list .result-meta .year").all_inner_texts()
    years = [int(text.removesuffix("年")) for text in shown]
    assert years == sorted(years, reverse=True)
    assert years[0] > years[-1]
    assert ("size", "10") in params(page)
    expect(page.locator("#apply-options")).to_be_hidden()
