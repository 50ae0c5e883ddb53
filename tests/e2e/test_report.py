"""The report page in a real browser: opened from a hit with the query's matches marked, the
next/previous buttons (and the n key) move the current match into view, a section link lands
on its section, and a traditional report toggles to simplified script and back."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

from indexer.script import to_simplified

from .pages import follow, search, total

pytestmark = pytest.mark.e2e

QUERY = "依申请公开"


def open_first_hit(page: Page, query: str) -> str:
    """Search ``query``, open the first report listed, and return its listed title."""
    page.goto("/")
    search(page, query)
    link = page.locator("#result-list li.result h3.result-title a").first
    title = link.inner_text()
    follow(page, link)
    return title


def current(page: Page) -> Locator:
    return page.locator("#report-text mark.hit.current")


def scroll_top(page: Page) -> float:
    return page.evaluate("() => window.scrollY")


def test_a_hit_opens_its_report_with_the_matches_marked(page: Page) -> None:
    page.goto("/")
    search(page, QUERY)
    listed = total(page)
    title = open_first_hit(page, QUERY)
    expect(page.locator("#report-title")).to_have_text(title)
    marks = page.locator("#report-text mark.hit")
    assert marks.count() == int(page.locator("#hit-count").inner_text()) > 0
    assert {to_simplified(text) for text in marks.all_text_contents()} == {QUERY}
    assert (
        page.locator("#outline .outline-item a").count()
        == page.locator("#report-text section.report-section").count()
    )

    follow(page, page.locator("#back-to-results"))
    assert total(page) == listed


def test_next_and_previous_move_the_current_hit_into_view(page: Page) -> None:
    open_first_hit(page, QUERY)
    hits = page.locator("#report-text mark.hit").count()
    assert hits >= 3
    expect(current(page)).to_have_id("hit-1")  # arriving from a search shows the first
    expect(current(page)).to_be_in_viewport()
    at_first = scroll_top(page)

    page.locator("#hit-next").click()
    expect(current(page)).to_have_id("hit-2")
    expect(current(page)).to_have_count(1)
    expect(current(page)).to_be_in_viewport()
    expect(page.locator("#hit-position")).to_have_text(f"第 2 / {hits} 处")
    assert page.url.endswith("#hit-2")

    page.locator("#hit-prev").click()
    page.locator("#hit-prev").click()  # before the first comes the last
    expect(current(page)).to_have_id(f"hit-{hits}")
    expect(current(page)).to_be_in_viewport()
    expect(page.locator("#hit-position")).to_have_text(f"第 {hits} / {hits} 处")
    assert scroll_top(page) > at_first

    page.locator("body").press("n")  # and after the last, the first
    expect(current(page)).to_have_id("hit-1")
    expect(current(page)).to_be_in_viewport()


def test_a_section_link_in_the_results_lands_on_its_section(page: Page) -> None:
    page.goto("/")
    search(page, QUERY)
    link = page.locator("#result-list a.section-heading").first
    anchor = (link.get_attribute("href") or "").rpartition("#")[2]
    heading = link.inner_text()
    follow(page, link)
    section = page.locator(f"#report-text section.report-section#{anchor}")
    expect(section).to_be_in_viewport()
    expect(section.locator(".section-heading")).to_contain_text(heading.split(" / ")[-1])
    assert page.url.endswith(f"#{anchor}")


def open_traditional_report(page: Page) -> None:
    """Open a report written in traditional script, its matches of 政務公開 marked."""
    hits = page.request.get("/api/search", params={"q": "政務公開", "size": "100"}).json()["hits"]
    traditional = [hit["report_id"] for hit in hits if to_simplified(hit["title"]) != hit["title"]]
    assert traditional, "the sample corpus has reports in traditional script"
    page.goto(f"/reports/{traditional[0]}?q=政務公開")


def test_a_traditional_report_toggles_to_simplified_and_back(page: Page) -> None:
    open_traditional_report(page)
    toggle, text = page.locator("#script-toggle"), page.locator("#report-text")
    expect(toggle).to_have_attribute("data-script", "original")
    expect(text).to_have_attribute("lang", "zh-Hant")
    original = text.inner_text()
    marked = page.locator("#report-text mark.hit").count()
    assert marked > 0

    follow(page, toggle)
    expect(toggle).to_have_attribute("data-script", "simplified")
    expect(text).to_have_attribute("lang", "zh-CN")
    assert text.inner_text() != original
    assert text.inner_text() == to_simplified(original)
    assert page.locator("#report-text mark.hit").count() == marked

    follow(page, toggle)
    expect(toggle).to_have_attribute("data-script", "original")
    assert text.inner_text() == original


def test_regression_the_report_title_follows_the_script_toggle(page: Page) -> None:
    open_traditional_report(page)
    original = page.locator("#report-title").inner_text()
    follow(page, page.locator("#script-toggle"))
    assert page.locator("#report-title").inner_text() == to_simplified(original)


def test_regression_the_hit_buttons_stay_in_view_after_a_jump(page: Page) -> None:
    open_first_hit(page, QUERY)
    page.locator("#hit-prev").click()  # the last hit, far below the header
    expect(current(page)).to_be_in_viewport()
    assert page.locator("#hit-next").evaluate(
        "button => button.getBoundingClientRect().top >= 0"
        " && button.getBoundingClientRect().bottom <= window.innerHeight"
    )
