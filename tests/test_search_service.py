"""The search service over a real index of the sample corpus and crafted reports.

Every expected number is computed from the reports themselves (what ``gongkai inspect`` shows),
never from an index: totals from the section texts, facet counts from the sections' metadata.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from indexer.backends.whoosh.schema import region_key, region_terms
from indexer.backends.whoosh.searcher import EXPORT_BATCH
from indexer.config import Settings
from indexer.models import Region, Report, Section
from indexer.reindex.manifest import Manifest, write_manifest
from indexer.reindex.summary import RunSummary
from indexer.script import to_simplified
from indexer.search.backend import IndexWriter, SearchBackend
from indexer.search.facets import FACETS
from indexer.search.messages import STALE_ANALYSIS
from indexer.search.params import resolve_year
from indexer.search.service import NoIndexError, SearchService
from indexer.search.types import (
    NO_YEAR,
    Hit,
    QueryError,
    SearchRequest,
    SearchResults,
    YearRange,
)
from indexer.vocabulary import UNKNOWN_REGION

from .search_fixtures import (
    CRAFTED,
    ENGINES,
    LONG_NEEDLE,
    all_sections,
    build_index,
    containing,
    corpus,
    section_values,
    shared_index,
)

Row = tuple[str, Report, Section]


@pytest.fixture(scope="module")
def service(
    settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SearchService]:
    served = SearchService(settings.with_overrides(index_path=shared_index(tmp_path_factory)))
    yield served
    served.close()


def search(service: SearchService, query: str = "", **fields: object) -> SearchResults:
    return service.search(SearchRequest(query=query, page_size=100, **fields))


def every_hit(service: SearchService, request: SearchRequest) -> list[tuple[str, int]]:
    """All hits of a request, page after page, as (report id, section position)."""
    found: list[tuple[str, int]] = []
    for page in range(1, 100):
        results = service.search(replace(request, page=page, page_size=50))
        found.extend((hit.report_id, hit.section.position) for hit in results.hits)
        if len(found) >= results.total:
            return found
    raise AssertionError("too many pages")


def keys(rows: list[Row]) -> set[tuple[str, int]]:
    return {(rid, section.position) for rid, _, section in rows}


def where(test: Callable[[Report, Section], bool]) -> list[Row]:
    return [
        (rid, report, section) for rid, report, section in all_sections() if test(report, section)
    ]


# Matching


@pytest.mark.parametrize(
    "term", ["政务公开", "依申请公开", "行政复议", "生态环境", "信息公开", "年度报告"]
)
def test_a_term_finds_exactly_the_sections_holding_it(service: SearchService, term: str) -> None:
    expected = containing(term)
    assert expected, "the corpus should hold every test term"
    assert set(every_hit(service, SearchRequest(query=term))) == keys(expected)


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [("政務公開", "政务公开"), ("依申請公開", "依申请公开"), ("行政復議", "行政复议")],
)
def test_traditional_and_simplified_queries_give_the_same_results(
    service: SearchService, traditional: str, simplified: str
) -> None:
    a, b = search(service, traditional), search(service, simplified)
    assert a.total == b.total > 0
    assert [(h.report_id, h.section.position) for h in a.hits] == [
        (h.report_id, h.section.position) for h in b.hits
    ]


def test_a_word_jieba_cuts_inside_a_longer_one_is_found_and_its_reversal_is_not(
    service: SearchService,
) -> None:
    ecology, reversed_ = (report.source for report in CRAFTED[:2])
    found = {hit.source for hit in search(service, "生态环境").hits}
    assert ecology in found and reversed_ not in found
    assert {hit.source for hit in search(service, "环境与生态").hits} == {reversed_}


def test_a_sub_word_finds_the_longer_word_holding_it(service: SearchService) -> None:
    holding = keys(where(lambda r, s: "政府信息公开" in r.simplified[s.start : s.end]))
    assert holding <= set(every_hit(service, SearchRequest(query="信息公开")))


@pytest.mark.parametrize(
    ("query", "phrase"),
    [
        ('"依申请 公开"', "依申请公开"),
        ("“依申请公开”", "依申请公开"),
        ('"信息 公开 工作"', "信息公开工作"),
    ],
)
def test_a_quoted_phrase_needs_its_words_together(
    service: SearchService, query: str, phrase: str
) -> None:
    assert set(every_hit(service, SearchRequest(query=query))) == keys(containing(phrase))


def test_words_without_quotes_may_stand_apart(service: SearchService) -> None:
    apart = {hit.source for hit in search(service, "依申请 公开 region:浙江").hits}
    together = {hit.source for hit in search(service, '"依申请公开" region:浙江').hits}
    assert apart == {CRAFTED[0].source, CRAFTED[1].source}
    assert together == {CRAFTED[0].source}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("行政复议 OR 行政诉讼", lambda t: "行政复议" in t or "行政诉讼" in t),
        ("公开 -收费", lambda t: "公开" in t and "收费" not in t),
        ("公开 NOT (收费 OR 费用)", lambda t: "公开" in t and "收费" not in t and "费用" not in t),
        ("-公开", lambda t: "公开" not in t),
    ],
)
def test_or_and_not_combine_sections(
    service: SearchService, query: str, expected: Callable[[str], bool]
) -> None:
    rows = where(lambda r, s: expected(r.simplified[s.start : s.end]))
    assert set(every_hit(service, SearchRequest(query=query))) == keys(rows)


# Filters and facets


@pytest.mark.parametrize(
    ("query", "test"),
    [
        ("region:江苏", lambda r, s: "江苏" in region_terms(r.region or Region())),
        ("region:洛阳市", lambda r, s: "洛阳市" in (r.region or Region()).path),
        ("year:2018", lambda r, s: r.year == 2018),
        ("year:2015..2017", lambda r, s: r.year is not None and 2015 <= r.year <= 2017),
        ("section:on_request", lambda r, s: s.type == "on_request"),
        ("section:依申请公开", lambda r, s: s.type == "on_request"),
        ("kind:notice", lambda r, s: r.kind == "notice"),
        ("kind:工作总结", lambda r, s: r.kind == "work_summary"),
        ("title:年度报告", lambda r, s: "年度报告" in to_simplified(r.title)),
        ("公开 year:2018", lambda r, s: r.year == 2018 and "公开" in r.simplified[s.start : s.end]),
        ("year:未知", lambda r, s: r.year is None),
        ("year:未知 OR year:2016", lambda r, s: r.year in (None, 2016)),
        ("-year:未知", lambda r, s: r.year is not None),
    ],
)
def test_query_filters_select_what_the_reports_say(
    service: SearchService, query: str, test: Callable[[Report, Section], bool]
) -> None:
    rows = where(test)
    assert rows
    assert set(every_hit(service, SearchRequest(query=query))) == keys(rows)


def expected_facets(rows: list[Row]) -> dict[str, Counter[str]]:
    return {
        facet.id: Counter(section_values(report, section)[facet.id] for _, report, section in rows)
        for facet in FACETS
    }


def shown_facets(results: SearchResults) -> dict[str, Counter[str]]:
    return {
        facet: Counter({value.value: value.count for value in values if value.count})
        for facet, values in results.facets.items()
    }


@pytest.mark.parametrize(
    ("query", "oracle"),
    [
        ("", all_sections),
        ("公开", lambda: containing("公开")),
        ("生态环境", lambda: containing("生态环境")),
        ("year:2018", lambda: where(lambda r, s: r.year == 2018)),
    ],
)
def test_facets_count_every_match_not_just_the_page(
    service: SearchService, query: str, oracle: Callable[[], list[Row]]
) -> None:
    rows = oracle()
    results = service.search(SearchRequest(query=query, page_size=1))
    assert len(results.hits) == 1 and results.total == len(rows)
    assert shown_facets(results) == expected_facets(rows)


@pytest.mark.parametrize(
    ("field", "facet"),
    [
        ("province", "province"),
        ("prefecture", "prefecture"),
        ("county", "county"),
        ("section", "section_type"),
        ("kind", "kind"),
    ],
)
def test_selecting_each_facet_value_gives_its_count(
    service: SearchService, field: str, facet: str
) -> None:
    browse = search(service)
    for value in browse.facets[facet]:
        selected = search(service, **{field: (value.value,)})
        assert selected.total == value.count
        expected = len(
            [1 for _, r, s in all_sections() if section_values(r, s)[facet] == value.value]
        )
        assert selected.total == expected


def test_selecting_each_year_gives_its_count(service: SearchService) -> None:
    values = search(service).facets["year"]
    assert UNKNOWN_REGION in [value.value for value in values]
    for value in values:
        selected = search(service, year=(resolve_year(value.value),))
        assert selected.total == value.count
        assert [v.value for v in selected.facets["year"] if v.selected] == [value.value]


def test_the_unknown_year_is_selected_with_others_and_keeps_its_count(
    service: SearchService,
) -> None:
    results = search(service, "公开", year=(NO_YEAR, YearRange(2016, 2016)))
    rows = containing("公开")
    assert results.total == len([row for row in rows if row[1].year in (None, 2016)])
    years = {value.value: value for value in results.facets["year"]}
    assert {value for value, shown in years.items() if shown.selected} == {UNKNOWN_REGION, "2016"}
    assert years[UNKNOWN_REGION].count == len([row for row in rows if row[1].year is None])
    assert all(hit.year in (None, 2016) for hit in results.hits)


def test_a_selected_unknown_year_is_shown_even_without_matches(service: SearchService) -> None:
    results = search(service, "year:2016", year=(NO_YEAR,))
    assert results.total == 0
    assert [(v.value, v.count, v.selected) for v in results.facets["year"] if v.selected] == [
        (UNKNOWN_REGION, 0, True)
    ]


def test_multi_select_ors_values_ands_facets_and_counts_each_facet_without_its_own(
    service: SearchService,
) -> None:
    provinces, years, kinds = ("江苏省", "浙江省"), (YearRange(2016, 2018),), ("annual_report",)
    results = search(service, "公开", province=provinces, year=years, kind=kinds)
    rows = containing("公开")
    in_province = lambda r: (r.region and r.region.province) in provinces  # noqa: E731
    in_years = lambda r: r.year is not None and 2016 <= r.year <= 2018  # noqa: E731
    in_kinds = lambda r: r.kind in kinds  # noqa: E731
    everything = [
        row for row in rows if in_province(row[1]) and in_years(row[1]) and in_kinds(row[1])
    ]
    assert results.total == len(everything)
    shown = shown_facets(results)
    but_province = [row for row in rows if in_years(row[1]) and in_kinds(row[1])]
    but_year = [row for row in rows if in_province(row[1]) and in_kinds(row[1])]
    but_kind = [row for row in rows if in_province(row[1]) and in_years(row[1])]
    assert shown["province"] == expected_facets(but_province)["province"]
    assert shown["year"] == expected_facets(but_year)["year"]
    assert shown["kind"] == expected_facets(but_kind)["kind"]
    for facet in ("prefecture", "county", "section_type"):
        assert shown[facet] == expected_facets(everything)[facet]
    selected = {(f, v.value) for f, values in results.facets.items() for v in values if v.selected}
    assert selected >= {("province", "江苏省"), ("province", "浙江省"), ("kind", "annual_report")}
    assert {("year", str(y)) for y in range(2016, 2019)} >= {s for s in selected if s[0] == "year"}


def test_a_selected_value_without_matches_is_still_shown(service: SearchService) -> None:
    results = search(service, province=("西藏自治区",), year=(YearRange(2030, 2030),))
    assert results.total == 0
    province = {v.value: (v.count, v.selected) for v in results.facets["province"]}
    assert province["西藏自治区"] == (0, True)
    assert ("2030", 0, True) in [(v.value, v.count, v.selected) for v in results.facets["year"]]


def test_facet_labels_and_order(service: SearchService, settings: Settings) -> None:
    facets = search(service).facets
    assert [v.label for v in facets["section_type"]] == [
        settings.taxonomy.label(v.value) for v in facets["section_type"]
    ]
    assert {v.label for v in facets["kind"]} <= {
        "年度报告",
        "工作总结",
        "工作要点/方案",
        "通知",
        "其他",
    }
    counts = [v.count for v in facets["province"]]
    assert counts == sorted(counts, reverse=True)
    years = [v.value for v in facets["year"]]
    known = [y for y in years if y != UNKNOWN_REGION]
    assert known == sorted(known, reverse=True) and years[len(known) :] in ([], [UNKNOWN_REGION])


def test_facets_alone_match_the_facets_of_a_search(service: SearchService) -> None:
    request = SearchRequest(query="公开", province=("江苏省",))
    assert service.facets(request) == service.search(request).facets


# Order and pages


def browse_key(row: Row) -> tuple:
    report = row[1]
    region = region_key(report.region or Region())
    year = -report.year if report.year else 1
    published = report.published.isoformat() if report.published else "0000-00-00"
    return (region, year, [-ord(c) for c in published])


def test_browsing_lists_sections_by_region_then_newest_keeping_reports_in_order(
    service: SearchService,
) -> None:
    expected = [(rid, s.position) for rid, _, s in sorted(all_sections(), key=browse_key)]
    assert every_hit(service, SearchRequest()) == expected


def test_browsing_with_a_filter_keeps_the_browse_order(service: SearchService) -> None:
    rows = sorted(where(lambda r, s: r.year == 2018), key=browse_key)
    request = SearchRequest(year=(YearRange(2018, 2018),))
    assert every_hit(service, request) == [(rid, s.position) for rid, _, s in rows]


@pytest.mark.parametrize(("sort", "newest_first"), [("newest", True), ("oldest", False)])
def test_sorting_by_year_puts_unknown_years_last(
    service: SearchService, sort: str, newest_first: bool
) -> None:
    hits = search(service, "公开", sort=sort).hits
    years = [hit.year for hit in hits]
    known = [year for year in years if year is not None]
    assert known == sorted(known, reverse=newest_first)
    assert years[len(known) :] == [None] * (len(years) - len(known))


def test_sorting_by_region_follows_the_division_codes(service: SearchService) -> None:
    hits = search(service, "公开", sort="region").hits
    regions = [region_key(hit.region or Region()) for hit in hits]
    assert regions == sorted(regions)


def test_relevance_ranks_by_score_and_titles_and_headings_weigh_more(
    service: SearchService,
) -> None:
    hits = search(service, "行政复议").hits
    scores = [hit.score for hit in hits]
    assert all(score is not None for score in scores) and scores == sorted(scores, reverse=True)
    assert "行政复议" in to_simplified(hits[0].section.heading) or "复议" in hits[0].section.heading


def test_pages_of_a_query_add_up_to_its_exact_total(service: SearchService) -> None:
    request = SearchRequest(query="公开", page_size=7)
    pages = [service.search(replace(request, page=n)) for n in range(1, 4)]
    assert {page.total for page in pages} == {len(containing("公开"))}
    hits = [(h.report_id, h.section.position) for page in pages for h in page.hits]
    assert hits == every_hit(service, SearchRequest(query="公开"))[:21]
    beyond = service.search(replace(request, page=1000))
    assert beyond.hits == () and beyond.total == pages[0].total


# Snippets


def marked(results: SearchResults) -> set[str]:
    return {f.text for h in results.hits for s in h.snippets for f in s if f.hit}


def test_hits_in_traditional_reports_are_highlighted_in_their_own_script(
    service: SearchService,
) -> None:
    for query in ("政务公开", "政務公開"):
        results = search(service, query, county=("昆都仑区",))
        assert results.total > 0
        assert marked(results) == {"政務公開"}


def test_a_match_beyond_32k_characters_is_highlighted(service: SearchService) -> None:
    results = search(service, "龙舟竞渡")
    assert [hit.source for hit in results.hits] == [CRAFTED[2].source]
    snippet = results.hits[0].snippets[0]
    assert [f.text for f in snippet if f.hit] == ["龙舟竞渡"]
    assert "".join(f.text for f in snippet).endswith(LONG_NEEDLE)


def test_the_longer_of_two_matched_words_is_marked(service: SearchService) -> None:
    assert marked(search(service, "政府信息公开 信息公开 region:浙江")) == {"政府信息公开"}


def test_a_bigram_match_is_marked_whole(service: SearchService) -> None:
    assert marked(search(service, "生态环境 region:浙江")) == {"生态环境"}


def test_negated_words_are_not_marked(service: SearchService) -> None:
    assert "收费" not in marked(search(service, "公开 -收费"))


# Errors, warnings and the life of the service


def test_a_repaired_query_answers_with_a_warning(service: SearchService) -> None:
    results = search(service, '"依申请公开')
    assert results.total == len(containing("依申请公开"))
    assert "未闭合的引号已自动补全：“依申请公开”" in results.warnings


@pytest.mark.parametrize("query", ["x" * 501, "OR", "AND NOT", "title:", "year:later"])
def test_bad_queries_raise_query_error(service: SearchService, query: str) -> None:
    with pytest.raises(QueryError):
        search(service, query)


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("<script>alert(1)</script>", 0),
        ("'; DROP TABLE reports; --", 0),
        ("公开 <<>>", len(containing("公开"))),  # markup characters are punctuation: left out
    ],
)
def test_hostile_input_is_searched_as_text(service: SearchService, query: str, words: int) -> None:
    assert search(service, query).total == words


@pytest.mark.parametrize("query", ["\\", "<>", "*?~"])
def test_punctuation_alone_is_a_query_error(service: SearchService, query: str) -> None:
    with pytest.raises(QueryError, match=r"没有可检索的内容（“.*”不含文字或数字，已忽略）"):
        search(service, query)


def test_reports_come_back_whole_by_id(service: SearchService) -> None:
    for report_id, report in corpus()[:5]:
        assert service.report(report_id) == report
    assert service.report("missing") is None


def test_stats_count_the_whole_index(service: SearchService) -> None:
    stats = service.stats()
    sections = all_sections()
    assert (stats.reports, stats.sections) == (len(corpus()), len(sections))
    unclassified = sum(1 for _, _, s in sections if s.type == "unclassified")
    assert stats.unclassified == pytest.approx(unclassified / len(sections))
    assert {k: Counter({v.value: v.count for v in vs}) for k, vs in stats.facets.items()} == (
        expected_facets(sections)
    )


def test_without_an_index_the_service_says_how_to_make_one(
    settings: Settings, tmp_path: Path
) -> None:
    empty = SearchService(settings.with_overrides(index_path=tmp_path))
    with pytest.raises(NoIndexError, match=r"还没有索引（.*）：请先运行 gongkai reindex"):
        empty.search(SearchRequest())


def test_the_service_follows_current_to_a_new_generation(
    settings: Settings, tmp_path: Path
) -> None:
    engine = ENGINES["whoosh"]()
    first, second = corpus()[:1], corpus()[1:3]
    build_index(tmp_path, first, engine)
    served = SearchService(settings.with_overrides(index_path=tmp_path), engine)
    try:
        assert served.search(SearchRequest()).total == sum(len(r.sections) for _, r in first)
        build_index(tmp_path, second, engine)
        assert served.search(SearchRequest()).total == sum(len(r.sections) for _, r in second)
        assert served.report(first[0][0]) is None
    finally:
        served.close()


class ClosingRecorded:
    """The whoosh engine, noting which generation folders its backends closed."""

    name = "whoosh"

    def __init__(self) -> None:
        self.inner = ENGINES["whoosh"]()
        self.closed: list[Path] = []

    def create_writer(self, folder: Path, base: Path | None) -> IndexWriter:
        return self.inner.create_writer(folder, base)

    def open_backend(self, folder: Path) -> SearchBackend:
        backend = self.inner.open_backend(folder)
        close = backend.close

        def recorded() -> None:
            self.closed.append(folder)
            close()

        backend.close = recorded  # type: ignore[method-assign]
        return backend


def hit_keys(hits: Iterable[Hit]) -> list[tuple[str, int]]:
    return [(hit.report_id, hit.section.position) for hit in hits]


@pytest.mark.parametrize("finish", ["read to the end", "closed half way"])
def test_an_export_reads_one_generation_while_current_switches(
    settings: Settings, tmp_path: Path, finish: str
) -> None:
    engine = ClosingRecorded()
    first, second = corpus()[:12], corpus()[12:14]
    old = build_index(tmp_path, first, engine.inner)
    served = SearchService(settings.with_overrides(index_path=tmp_path), engine)
    try:
        expected = hit_keys(served.search(SearchRequest(query="公开", page_size=1000)).hits)
        assert len(expected) > EXPORT_BATCH + 1  # so hits are built after the switch
        hits = served.export(SearchRequest(query="公开"))
        taken = [next(hits)]
        build_index(tmp_path, second, engine.inner)
        assert served.search(SearchRequest()).total == sum(len(r.sections) for _, r in second)
        assert engine.closed == []  # the export still reads the old generation
        if finish == "read to the end":
            taken.extend(hits)
            assert hit_keys(taken) == expected
        else:
            taken.extend(next(hits) for _ in range(EXPORT_BATCH))
            hits.close()
            assert hit_keys(taken) == expected[: EXPORT_BATCH + 1]
        assert engine.closed == [old]
    finally:
        served.close()


def test_an_export_of_a_bad_query_raises_at_once_and_holds_nothing(
    settings: Settings, tmp_path: Path
) -> None:
    engine = ClosingRecorded()
    old = build_index(tmp_path, corpus()[:1], engine.inner)
    served = SearchService(settings.with_overrides(index_path=tmp_path), engine)
    try:
        with pytest.raises(QueryError):
            served.export(SearchRequest(query="year:soon"))
        build_index(tmp_path, corpus()[1:2], engine.inner)
        served.search(SearchRequest())
        assert engine.closed == [old]
    finally:
        served.close()


def test_an_index_built_with_other_analysis_warns(settings: Settings, tmp_path: Path) -> None:
    generation = build_index(tmp_path, corpus()[:1], ENGINES["whoosh"]())
    summary = RunSummary(
        "2026-01-01T00:00:00Z", 1.0, True, None, (), str(tmp_path), generation.name, "0" * 16,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (),
    )  # fmt: skip
    write_manifest(generation, Manifest("whoosh", "0" * 16, summary.started, None, {}, summary))
    served = SearchService(settings.with_overrides(index_path=tmp_path))
    try:
        assert STALE_ANALYSIS in served.search(SearchRequest()).warnings
    finally:
        served.close()


def test_concurrent_requests_get_the_same_answers(service: SearchService) -> None:
    queries = ["政务公开", "依申请公开", "行政复议", "公开 -收费"] * 4
    expected = {q: search(service, q) for q in set(queries)}
    answers: list[tuple[str, SearchResults]] = []

    def run(query: str) -> None:
        answers.append((query, search(service, query)))

    threads = [threading.Thread(target=run, args=(q,)) for q in queries]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(answers) == len(queries)
    for query, results in answers:
        assert (results.total, results.hits) == (expected[query].total, expected[query].hits)
