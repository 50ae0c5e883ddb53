"""Tables on the report page in a real browser: the 沭阳 page's statistics tables are drawn as
tables with their merged cells, a match inside a cell is marked, and on a phone a wide table
scrolls sideways inside its frame instead of widening the page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .conftest import OpenPage

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
QUERY = "行政复议"


def open_shuyang(page: Page) -> None:
    """The 沭阳县发展和改革局 report page (an HTML page with tables), the query marked."""
    found = page.request.get("/api/search", params={"q": f"{QUERY} title:发展和改革局"}).json()
    page.goto(f"/reports/{found['hits'][0]['report_id']}?q={QUERY}")


def test_tables_are_drawn_with_merged_cells_and_marks(page: Page) -> None:
    open_shuyang(page)
    tables = page.locator("#report-text table.report-table")
    expect(tables).to_have_count(4)
    review = tables.nth(3)
    expect(review.locator("td[colspan='5']").first).to_have_text(QUERY)
    expect(review.locator("td mark.hit").first).to_have_text(QUERY)


def test_a_wide_table_scrolls_inside_its_frame_on_a_phone(open_page: OpenPage) -> None:
    page = open_page(viewport=PHONE, is_mobile=True, has_touch=True)
    open_shuyang(page)
    frame = page.locator("#report-text .table-scroll").nth(3)
    sizes = frame.evaluate("(e) => [e.scrollWidth, e.clientWidth]")
    assert sizes[0] > sizes[1]  # the table is wider than its frame …
    page_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert page_width <= PHONE["width"]  # … and the page is not
