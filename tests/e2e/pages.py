"""Reading and driving gongkai's pages as a person does: what the search page announces and
lists, and following a link or the search box until the next page has loaded. No tests here."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urljoin, urlsplit

from playwright.sync_api import Locator, Page

COUNTS = """links => links.map(link => {
  const count = link.querySelector(".count");
  return [link.dataset.value, count ? count.textContent : link.title.split("：").pop()];
})"""
"""Each facet link's value and count (a year bar keeps its count in its title)."""


def total(page: Page) -> int:
    """The number of matching sections the search page announces."""
    return int(page.locator("#total").get_attribute("data-total") or "")


def facet_counts(page: Page, facet: str) -> dict[str, int]:
    """The sidebar's ``facet`` values with their counts, folded ones included."""
    pairs = page.locator(f'#facets a[data-facet="{facet}"]').evaluate_all(COUNTS)
    return {value: int(re.sub(r"\D", "", text)) for value, text in pairs}


def chips(page: Page) -> list[tuple[str, str]]:
    """The selected filters shown above the results, as (parameter, value)."""
    return [
        (chip.get_attribute("data-param") or "", chip.get_attribute("data-value") or "")
        for chip in page.locator("#chips a.chip").all()
    ]


def result_ids(page: Page) -> list[str]:
    """The listed reports' ids, in order."""
    return page.locator("#result-list li.result").evaluate_all(
        "items => items.map(item => item.dataset.reportId)"
    )


def shown_sections(page: Page) -> list[str]:
    """The matching sections listed (the best of each report and the folded others), each
    named by its link into the report."""
    return page.locator("#result-list a.section-heading").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )


def params(page: Page) -> list[tuple[str, str]]:
    """The page's URL query, as ordered pairs."""
    return parse_qsl(urlsplit(page.url).query)


def same_page(url: str, target: str) -> bool:
    """Whether ``url`` is ``target``, whatever the fragment (scripts rewrite it)."""
    return url.split("#")[0] == target.split("#")[0]


def follow(page: Page, link: Locator) -> None:
    """Click ``link`` and wait until the page it leads to has loaded."""
    target = urljoin(page.url, link.get_attribute("href") or "")
    link.click()
    page.wait_for_url(lambda url: same_page(url, target))


def search(page: Page, query: str) -> None:
    """Type ``query`` in the search box, press Enter, and wait for the results."""
    page.locator("#q").fill(query)
    page.locator("#q").press("Enter")
    page.wait_for_url(lambda url: ("q", query) in parse_qsl(urlsplit(url).query))
