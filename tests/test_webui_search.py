"""The search, browse and landing pages through the Flask test client, over a real index of the
sample corpus and the crafted reports. Totals are checked against the reports themselves;
facet links are followed as a reader clicks them."""

from __future__ import annotations

from collections import Counter
from urllib.parse import parse_qsl, urlsplit

import pytest
from flask.testing import FlaskClient

from indexer.script import to_simplified

from .search_fixtures import all_sections, containing, corpus
from .webui_fixtures import app_fixture, by_class, client_fixture, page, texts, total  # noqa: F401

Q = "公开"


def facet_link(root, facet: str, value: str):
    found = root.xpath(f'.//a[@data-facet="{facet}"][@data-value="{value}"]')
    assert found, f"no link for {facet}={value}"
    return found[0]


def follow(client: FlaskClient, link) -> tuple:
    response = client.get(link.get("href"))
    assert response.status_code == 200
    return response, page(response)


def count_of(link) -> int:
    counts = by_class(link, "count")
    if counts:
        return int(counts[0].text_content())
    return int(link.get("title").split("：")[1].split()[0])  # a year bar


def test_the_landing_page_shows_the_corpus_at_a_glance(client: FlaskClient) -> None:
    root = page(client.get("/"))
    assert root.get_element_by_id("stat-reports").text_content() == str(len(corpus()))
    assert root.get_element_by_id("stat-sections").text_content() == str(len(all_sections()))
    years = [report.year for _, report in corpus() if report.year]
    assert root.get_element_by_id("stat-years").text_content() == f"{min(years)}–{max(years)}"
    zhejiang = facet_link(root, "province", "浙江省")
    assert zhejiang.get("href") == "/search?province=%E6%B5%99%E6%B1%9F%E7%9C%81"


def test_the_landing_page_hands_a_query_to_the_search_page(client: FlaskClient) -> None:
    response = client.get("/?q=公开")
    assert response.status_code == 302
    assert response.headers["Location"] == "/search?q=%E5%85%AC%E5%BC%80"


@pytest.mark.parametrize("term", ["政务公开", "依申请公开", "生态环境"])
def test_a_search_shows_the_exact_total_and_marks_the_matches(
    client: FlaskClient, term: str
) -> None:
    root = page(client.get("/search", query_string={"q": term, "size": 100}))
    assert total(root) == len(containing(term))
    assert root.get_element_by_id("q").get("value") == term
    marked = {mark.text_content() for mark in root.xpath('.//p[@class="snippet"]/mark')}
    assert {to_simplified(text) for text in marked} == {term}
    assert len(by_class(root, "section-hit")) == total(root)


@pytest.mark.parametrize(
    ("traditional", "simplified"), [("政務公開", "政务公开"), ("依申請公開", "依申请公开")]
)
def test_a_traditional_query_finds_what_its_simplified_twin_finds(
    client: FlaskClient, traditional: str, simplified: str
) -> None:
    a, b = (page(client.get("/search", query_string={"q": q})) for q in (traditional, simplified))
    assert total(a) == total(b) > 0
    ids = [[item.get("data-report-id") for item in by_class(root, "result")] for root in (a, b)]
    assert ids[0] == ids[1]


def test_hits_of_one_report_are_grouped_best_section_first(client: FlaskClient) -> None:
    response = client.get("/search", query_string={"q": Q, "size": 100})
    root = page(response)
    results = by_class(root, "result")
    report_ids = [item.get("data-report-id") for item in results]
    assert len(report_ids) == len(set(report_ids))
    assert sum(len(by_class(item, "section-hit")) for item in results) == min(100, total(root))
    matches = Counter(rid for rid, _, _ in containing(Q))
    grouped = [item for item in results if by_class(item, "more-sections")]
    assert grouped, "the corpus has reports with several matching sections"
    assert {item.get("data-report-id") for item in grouped} == {
        rid for rid in report_ids if matches[rid] > 1
    }
    unshown = 0
    for item in grouped:
        others = by_class(item, "more-sections")[0]
        summary = others.xpath("./summary")[0].text_content()
        count = matches[item.get("data-report-id")]
        assert f"本报告还有 {count - 1} 个章节匹配" in summary
        shown = len(by_class(item, "section-hit"))
        links = others.xpath('.//p[@class="all-matches"]/a')
        assert len(links) == (count > shown)
        unshown += count > shown
    assert unshown, "at 100 a page, some report has matches on another page"


@pytest.mark.parametrize(
    ("query", "filters"), [("公开", {}), ("政务公开", {"section": "overview"})]
)
def test_with_one_hit_a_page_a_report_still_says_how_many_of_its_sections_match(
    client: FlaskClient, query: str, filters: dict[str, str]
) -> None:
    root = page(client.get("/search", query_string={"q": query, "size": 1, **filters}))
    [item] = by_class(root, "result")
    report_id = item.get("data-report-id")
    count = sum(
        rid == report_id and all(section.type == v for v in filters.values())
        for rid, _, section in containing(query)
    )
    assert count > 1, "the best report matches in several sections"
    summary = by_class(item, "more-sections")[0].xpath("./summary")[0].text_content()
    assert f"本报告还有 {count - 1} 个章节匹配" in summary
    [link] = item.xpath('.//p[@class="all-matches"]/a')
    assert link.text_content() == f"在报告中查看全部 {count} 处匹配"
    target = urlsplit(link.get("href"))
    assert target.path == f"/reports/{report_id}" and dict(parse_qsl(target.query)) == {"q": query}


def test_paging_through_every_page_shows_every_section_once(client: FlaskClient) -> None:
    url, seen = f"/search?q={Q}&size=10", []
    while url:
        root = page(client.get(url))
        for item in by_class(root, "result"):
            seen.extend(
                (item.get("data-report-id"), hit.get("data-position"))
                for hit in by_class(item, "section-hit")
            )
        following = root.xpath('.//a[@rel="next"]')
        url = following[0].get("href") if following else None
    assert len(seen) == len(set(seen)) == total(root) == len(containing(Q))


def test_a_page_past_the_last_says_so_and_links_back(client: FlaskClient) -> None:
    root = page(client.get("/search", query_string={"q": Q, "page": 999}))
    assert not by_class(root, "result")
    assert "这一页没有结果" in root.get_element_by_id("empty").text_content()


@pytest.mark.parametrize(("sort", "descending"), [("newest", True), ("oldest", False)])
def test_sorting_by_year(client: FlaskClient, sort: str, descending: bool) -> None:
    root = page(client.get("/search", query_string={"q": Q, "sort": sort, "size": 100}))
    years = [int(y[:-1]) for y in texts(root, "year", "span") if y.endswith("年")]
    assert years == sorted(years, reverse=descending)
    assert root.xpath('.//select[@id="sort"]/option[@selected]')[0].get("value") == sort


def test_choosing_a_facet_value_filters_counts_and_shows_a_chip(client: FlaskClient) -> None:
    root = page(client.get("/search", query_string={"q": Q}))
    before, link = total(root), facet_link(root, "province", "浙江省")
    expected = count_of(link)
    _, chosen = follow(client, link)
    assert total(chosen) == expected < before
    assert [chip.get("data-value") for chip in by_class(chosen, "chip")] == ["浙江省"]
    assert "selected" in facet_link(chosen, "province", "浙江省").get("class")
    _, back = follow(client, by_class(chosen, "chip")[0])
    assert total(back) == before and not by_class(back, "chip")


def test_values_of_one_facet_are_ored_and_facets_anded(client: FlaskClient) -> None:
    root = page(client.get("/search", query_string={"q": Q}))
    counts = {name: count_of(facet_link(root, "province", name)) for name in ("浙江省", "云南省")}
    _, one = follow(client, facet_link(root, "province", "浙江省"))
    _, both = follow(client, facet_link(one, "province", "云南省"))
    assert total(both) == sum(counts.values())
    year = facet_link(both, "year", "2016")
    _, narrowed = follow(client, year)
    assert total(narrowed) == count_of(year) < total(both)
    assert {chip.get("data-param") for chip in by_class(narrowed, "chip")} == {"province", "year"}
    clear = narrowed.get_element_by_id("clear-all").get("href")
    assert parse_qsl(urlsplit(clear).query) == [("q", Q)]


def test_the_unknown_year_can_be_chosen_and_removed(client: FlaskClient) -> None:
    root = page(client.get("/search", query_string={"q": Q}))
    before, link = total(root), facet_link(root, "year", "未知")
    expected = len([row for row in containing(Q) if row[1].year is None])
    assert count_of(link) == expected > 0
    _, chosen = follow(client, link)
    assert total(chosen) == expected < before
    chip = " ".join(by_class(chosen, "chip")[0].text_content().split())
    assert chip.startswith("年份 未知 ×")
    assert "selected" in facet_link(chosen, "year", "未知").get("class")
    _, both = follow(client, facet_link(chosen, "year", "2016"))
    assert {c.get("data-value") for c in by_class(both, "chip")} == {"未知", "2016"}
    _, back = follow(client, facet_link(chosen, "year", "未知"))
    assert total(back) == before and not by_class(back, "chip")


def test_regions_nest_and_open_where_a_value_is_selected(client: FlaskClient) -> None:
    root = page(client.get("/search", query_string={"county": "西湖区"}))
    county = facet_link(root, "county", "西湖区")
    chain = county.xpath("ancestor::details[@class='region-children']/summary/a")
    assert [a.get("data-value") for a in chain] == ["浙江省", "杭州市"]
    assert all(d.get("open") is not None for d in county.xpath("ancestor::details"))


def test_browsing_without_a_query_lists_the_sections_the_filters_select(
    client: FlaskClient,
) -> None:
    root = page(client.get("/search", query_string={"section": "依申请公开", "size": 100}))
    expected = [s for _, _, s in all_sections() if s.type == "on_request"]
    assert total(root) == len(expected) > 0
    assert not root.xpath(".//mark")
    assert set(texts(root, "type-badge")) == {"依申请公开"}
    assert "浏览" in root.get_element_by_id("results-summary").text_content()


def test_an_empty_result_suggests_removing_each_filter(client: FlaskClient) -> None:
    response = client.get("/search", query_string={"q": "龙舟", "province": "云南省"})
    root = page(response)
    assert total(root) == 0
    links = root.get_element_by_id("suggestions").xpath(".//a")
    removed = [dict(parse_qsl(urlsplit(a.get("href")).query)) for a in links]
    assert {"q": "龙舟"} in removed and {"province": "云南省"} in removed
    assert total(page(client.get(links[0].get("href")))) > 0


def test_an_empty_result_without_filters_advises_on_the_words(client: FlaskClient) -> None:
    """Regression: it said 试试放宽条件： over an empty list when no filter was chosen."""
    root = page(client.get("/search", query_string={"q": "不存在的词语组合乾坤"}))
    assert total(root) == 0
    assert not root.xpath('.//*[@id="suggestions"]')
    assert "换个说法" in root.get_element_by_id("empty").text_content()
