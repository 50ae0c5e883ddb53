"""The report page: metadata, outline anchors, the full text, the query's matches marked and
numbered for next/previous, and the script toggle."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest
from flask.testing import FlaskClient

from indexer.ids import report_id
from indexer.models import Report
from indexer.script import to_simplified

from .search_fixtures import CRAFTED, corpus
from .webui_fixtures import app_fixture, by_class, client_fixture, page  # noqa: F401

ECOLOGY = report_id(CRAFTED[0].source, 0)


def traditional() -> tuple[str, Report]:
    return next(
        (rid, r) for rid, r in corpus() if r.script == "traditional" and "政務公開" in r.text
    )


def test_the_header_shows_the_metadata(client: FlaskClient) -> None:
    root = page(client.get(f"/reports/{ECOLOGY}"))
    report = CRAFTED[0]
    assert root.get_element_by_id("report-title").text_content() == report.title
    shown = {
        key: root.get_element_by_id(f"meta-{key}").text_content().strip()
        for key in ("region", "year", "published", "kind", "source")
    }
    assert shown == {
        "region": "浙江省 / 杭州市 / 西湖区",
        "year": "2016",
        "published": "2017-03-01",
        "kind": "年度报告",
        "source": "crafted/ecology.txt",
    }


def test_the_outline_links_to_every_section_anchor(client: FlaskClient) -> None:
    for rid, report in corpus():
        root = page(client.get(f"/reports/{rid}"))
        outline = root.get_element_by_id("outline").xpath(".//a/@href")
        anchors = [f"#s{section.position}" for section in report.sections]
        assert outline == anchors
        sections = by_class(root.get_element_by_id("report-text"), "report-section", "section")
        assert [f"#{s.get('id')}" for s in sections] == anchors
        assert [s.get("data-type") for s in sections] == [s.type for s in report.sections]


def test_every_section_shows_its_whole_text_heading_apart(client: FlaskClient) -> None:
    rid, report = traditional()
    root = page(client.get(f"/reports/{rid}"))
    for section in report.sections:
        shown = root.get_element_by_id(f"s{section.position}")
        heading = "".join(
            h.text_content().removesuffix(badge.text_content()).strip()
            for h in shown.xpath("./h2|./h3")
            for badge in by_class(h, "type-badge")
        )
        assert heading == section.heading
        body = by_class(shown, "section-body")[0].text_content()
        whole = report.text[section.start : section.end]
        assert "".join((heading + body).split()) == "".join(whole.split())


def marks(root) -> list[tuple[str, str]]:
    return [(m.get("id"), m.text_content()) for m in root.xpath('.//mark[@class="hit"]')]


@pytest.mark.parametrize("term", ["生态环境", "依申请公开", "公开"])
def test_a_query_marks_every_match_numbered_in_reading_order(
    client: FlaskClient, term: str
) -> None:
    root = page(client.get(f"/reports/{ECOLOGY}", query_string={"q": term}))
    found = marks(root)
    assert [mark_id for mark_id, _ in found] == [f"hit-{n}" for n in range(1, len(found) + 1)]
    assert {text for _, text in found} == {term}
    assert len(found) == CRAFTED[0].simplified.count(term)
    assert root.get_element_by_id("hit-count").text_content() == str(len(found))
    assert root.get_element_by_id("hit-next").get("href") == "#hit-1"
    assert root.get_element_by_id("hit-prev").get("href") == f"#hit-{len(found)}"


def test_without_a_query_nothing_is_marked(client: FlaskClient) -> None:
    root = page(client.get(f"/reports/{ECOLOGY}"))
    assert not marks(root) and not root.xpath('//*[@id="hit-nav"]')


def test_a_query_that_cannot_run_leaves_the_page_unmarked_with_a_note(client: FlaskClient) -> None:
    response = client.get(f"/reports/{ECOLOGY}", query_string={"q": "("})
    root = page(response)
    assert response.status_code == 200 and not marks(root)
    assert "无法标出" in root.get_element_by_id("highlight-problem").text_content()


def test_a_traditional_report_shows_its_own_script_and_toggles_to_simplified(
    client: FlaskClient,
) -> None:
    rid, report = traditional()
    original = page(client.get(f"/reports/{rid}", query_string={"q": "政务公开"}))
    assert {text for _, text in marks(original)} == {"政務公開"}
    assert original.get_element_by_id("report-text").get("lang") == "zh-Hant"
    toggle = original.get_element_by_id("script-toggle").get("href")
    assert dict(parse_qsl(urlsplit(toggle).query)) == {"q": "政务公开", "script": "simplified"}
    simplified = page(client.get(toggle))
    assert {text for _, text in marks(simplified)} == {"政务公开"}
    assert len(marks(simplified)) == len(marks(original))
    text = simplified.get_element_by_id("report-text").text_content()
    opening = report.text[:40].strip()
    assert to_simplified(opening) in text and opening not in text
    assert simplified.get_element_by_id("report-text").get("lang") == "zh-CN"
    back = simplified.get_element_by_id("script-toggle").get("href")
    assert dict(parse_qsl(urlsplit(back).query)) == {"q": "政务公开"}


def test_a_simplified_report_offers_no_script_toggle(client: FlaskClient) -> None:
    root = page(client.get(f"/reports/{ECOLOGY}"))
    assert not root.xpath('//*[@id="script-toggle"]')


def test_a_hit_on_the_search_page_links_to_its_section_with_the_query(
    client: FlaskClient,
) -> None:
    results = page(client.get("/search", query_string={"q": "龙舟"}))
    link = results.xpath('.//a[@class="section-heading"]')[0].get("href")
    path, anchor = link.split("#")
    assert dict(parse_qsl(urlsplit(path).query)) == {"q": "龙舟"}
    report = page(client.get(path))
    section = report.get_element_by_id(anchor)
    assert [m.text_content() for m in section.xpath('.//mark[@class="hit"]')] == ["龙舟"]


def test_an_unknown_report_is_404(client: FlaskClient) -> None:
    response = client.get("/reports/no-such-report")
    assert response.status_code == 404
    assert page(response).get_element_by_id("http-error").get("data-status") == "404"
