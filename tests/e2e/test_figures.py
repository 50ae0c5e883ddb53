"""The figures page (数据) in a real browser: reached from every page's footer, a figure chosen
from the list, a province opened down to its prefectures, and a cell's report one click away
with its statistics shown."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .pages import follow

pytestmark = pytest.mark.e2e


def test_a_figure_drills_down_to_a_report_and_its_statistics(page: Page) -> None:
    page.goto("/")
    follow(page, page.locator("#figures-link"))
    page.locator("#measure").select_option("granted")
    page.locator("#figures-form button").click()
    page.wait_for_url(lambda url: "measure=granted" in url)
    follow(page, page.locator("#figures-grid tbody th a", has_text="江苏省"))
    expect(page.locator("#figures-breadcrumbs")).to_contain_text("江苏省")
    row = page.locator("#figures-grid tbody tr", has_text="淮安市")
    cell = row.locator('td[data-year="2024"]')
    expect(cell).to_contain_text("1362")
    follow(page, cell.locator("a.report-link").first)
    expect(page.locator("#statistics-figures")).to_contain_text("1362")
    expect(page.locator("#statistics-passing")).to_be_visible()
    expect(page.locator("#stat-requests td[data-cell='granted.total']")).to_have_text("1362")
