"""The contract every engine keeps (IndexWriter, SearchBackend, Engine), run against each one.

Generations are built as the reindexer builds them: a first one from nothing, the next from a
copy of it; the base must answer exactly as before whatever happens to its successor.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from whoosh import index
from whoosh.query import Term
from whoosh.scoring import BM25F

from indexer.backends.whoosh.codec import PackedMatcher
from indexer.backends.whoosh.engine import WhooshEngine
from indexer.backends.whoosh.postings import Postings, posting_by_posting
from indexer.backends.whoosh.query import RankTerm
from indexer.backends.whoosh.ranking import Ranker, best
from indexer.backends.whoosh.schema import COLUMN_FIELDS
from indexer.backends.whoosh.table import iterated_refs, segment_refs
from indexer.backends.whoosh.writer import WHOOSH_DIR
from indexer.reindex.layout import current_generation
from indexer.search.backend import Engine, SearchBackend
from indexer.search.facets import FACETS
from indexer.search.types import NO_YEAR, Hit, QueryError, SearchRequest, YearRange

from .search_fixtures import (
    CRAFTED,
    ENGINES,
    containing,
    corpus,
    crafted_report,
    section_values,
    shared_index,
)

CONTRACT_ENGINES: dict[str, Callable[[], Engine]] = {
    **ENGINES,
    # the same engine tokenising in worker processes from the first section
    "whoosh-workers": lambda: WhooshEngine(procs=2, parallel_sections=1),
}

EVERYTHING = SearchRequest(page_size=0)


@pytest.fixture(scope="module", params=sorted(CONTRACT_ENGINES))
def engine(request: pytest.FixtureRequest) -> Engine:
    return CONTRACT_ENGINES[request.param]()


@pytest.fixture(scope="module")
def base(engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A first generation holding the whole test corpus."""
    folder = tmp_path_factory.mktemp("base")
    writer = engine.create_writer(folder, None)
    written = writer.add_reports(corpus())
    writer.commit()
    assert written == sum(len(report.sections) for _, report in corpus())
    return folder


def opened(engine: Engine, folder: Path) -> Iterator[SearchBackend]:
    backend = engine.open_backend(folder)
    try:
        yield backend
    finally:
        backend.close()


@pytest.fixture
def backend(engine: Engine, base: Path) -> Iterator[SearchBackend]:
    yield from opened(engine, base)


def sections_of(reports: list) -> int:
    return sum(len(report.sections) for _, report in reports)


def test_every_report_comes_back_whole(backend: SearchBackend) -> None:
    for report_id, report in corpus():
        assert backend.report(report_id) == report
    assert backend.report("no-such-report") is None


def test_browsing_everything_counts_every_section(backend: SearchBackend) -> None:
    assert backend.search(EVERYTHING).total == sections_of(list(corpus()))


def test_pages_hold_page_size_hits_and_the_rest_on_the_last(backend: SearchBackend) -> None:
    total = backend.search(EVERYTHING).total
    size = 40
    pages = [backend.search(SearchRequest(page=n, page_size=size)) for n in range(1, 8)]
    assert [len(page.hits) for page in pages] == [
        max(0, min(size, total - (n - 1) * size)) for n in range(1, 8)
    ]
    assert all(page.total == total for page in pages)
    seen = [(hit.report_id, hit.section.position) for page in pages for hit in page.hits]
    assert len(seen) == len(set(seen)) == total


def test_a_page_size_of_zero_counts_without_hits(backend: SearchBackend) -> None:
    results = backend.search(SearchRequest(query="公开", page_size=0))
    assert results.hits == () and results.total > 0 and results.facets["province"]
    assert results.report_matches == {}


@pytest.mark.parametrize(
    ("term", "filters", "page", "size"),
    [
        ("公开", {}, 1, 1),
        ("公开", {}, 2, 5),
        ("政务公开", {}, 1, 3),
        ("公开", {"province": ("浙江省",)}, 1, 4),
        ("公开", {"section_type": ("on_request", "overview")}, 2, 3),
        ("依申请公开", {"kind": ("annual_report",)}, 1, 20),
    ],
)
def test_report_matches_count_each_shown_reports_sections_over_every_page(
    backend: SearchBackend, term: str, filters: dict[str, tuple[str, ...]], page: int, size: int
) -> None:
    fields = {facet.id: facet.request_field for facet in FACETS}
    request = SearchRequest(
        query=term, page=page, page_size=size, **{fields[f]: v for f, v in filters.items()}
    )
    matching = Counter(
        rid
        for rid, report, section in containing(term)
        if all(section_values(report, section)[f] in v for f, v in filters.items())
    )
    results = backend.search(request)
    assert results.total == sum(matching.values()) and results.hits
    shown = {hit.report_id for hit in results.hits}
    assert dict(results.report_matches) == {rid: matching[rid] for rid in shown}


def test_a_bad_query_raises_query_error(backend: SearchBackend) -> None:
    with pytest.raises(QueryError):
        backend.search(SearchRequest(query="year:soon"))


@pytest.mark.parametrize(
    "request_",
    [
        SearchRequest(),
        SearchRequest(query="公开"),
        SearchRequest(query="公开", sort="newest"),
        SearchRequest(query="政务公开", sort="oldest", province=("浙江省", "江苏省")),
        SearchRequest(query="依申请公开 -收费", year=(YearRange(2016, 2019), NO_YEAR)),
        SearchRequest(section=("on_request",), sort="region", page=3, page_size=7),
        SearchRequest(query="龙舟竞渡 OR 生态环境", kind=("work_summary",)),
        SearchRequest(query="没有这样的词语", region=("云南",)),
    ],
)
def test_an_export_yields_every_match_in_the_order_of_the_pages(
    backend: SearchBackend, request_: SearchRequest
) -> None:
    results = backend.search(replace(request_, page=1, page_size=10_000))
    exported = list(backend.export(request_))
    assert [key(hit) for hit in exported] == [key(hit) for hit in results.hits]
    assert len(exported) == results.total
    assert [hit.score for hit in exported] == [hit.score for hit in results.hits]
    shown = {key(hit): hit for hit in results.hits}
    for hit in exported:
        paged = shown[key(hit)]
        assert replace(hit, snippets=()) == replace(paged, snippets=())
        assert len(hit.snippets) == min(1, len(paged.snippets))
        marked = [fragment.hit for snippet in hit.snippets for fragment in snippet]
        assert any(marked) == any(f.hit for snippet in paged.snippets for f in snippet)


def test_an_export_of_a_bad_query_raises_before_any_hit(backend: SearchBackend) -> None:
    with pytest.raises(QueryError):
        backend.export(SearchRequest(query="year:soon"))


def key(hit: Hit) -> tuple[str, int]:
    return (hit.report_id, hit.section.position)


def test_a_generation_built_from_a_base_changes_without_touching_the_base(
    engine: Engine, base: Path, tmp_path: Path
) -> None:
    removed = CRAFTED[0].source
    added = replace(CRAFTED[0], source="crafted/added.txt", title="新增报告")
    writer = engine.create_writer(tmp_path / "next", base)
    assert writer.delete_sources([removed, "never/indexed.txt"]) == 1
    assert writer.add_reports([("added-0", added)]) == len(added.sections)
    writer.commit()
    kept = [(rid, r) for rid, r in corpus() if r.source != removed] + [("added-0", added)]
    removed_id = next(rid for rid, r in corpus() if r.source == removed)
    for backend in opened(engine, tmp_path / "next"):
        assert backend.search(EVERYTHING).total == sections_of(kept)
        assert backend.report(removed_id) is None
        assert backend.report("added-0") == added
    for backend in opened(engine, base):
        assert backend.search(EVERYTHING).total == sections_of(list(corpus()))
        assert backend.report(removed_id) == CRAFTED[0]
        assert backend.report("added-0") is None


def test_adding_a_report_under_a_stored_id_replaces_it(
    engine: Engine, base: Path, tmp_path: Path
) -> None:
    report_id, old = next((rid, r) for rid, r in corpus() if r is CRAFTED[0])
    new = crafted_report(old.source, old.title, [("一、唯一一节", "overview", "只剩下这一节。")])
    writer = engine.create_writer(tmp_path / "next", base)
    writer.add_reports([(report_id, new)])
    writer.commit()
    for backend in opened(engine, tmp_path / "next"):
        assert backend.report(report_id) == new
        total = sections_of(list(corpus())) - len(old.sections) + 1
        assert backend.search(EVERYTHING).total == total
        assert backend.search(SearchRequest(query="只剩下这一节")).total == 1


def test_a_cancelled_writer_leaves_the_base_as_it_was(
    engine: Engine, base: Path, tmp_path: Path
) -> None:
    writer = engine.create_writer(tmp_path / "next", base)
    writer.delete_sources([report.source for _, report in corpus()])
    writer.add_reports([("added-0", CRAFTED[1])])
    writer.cancel()
    for backend in opened(engine, base):
        assert backend.search(EVERYTHING).total == sections_of(list(corpus()))
        assert backend.report("added-0") is None


def test_a_generation_from_nothing_may_hold_nothing(engine: Engine, tmp_path: Path) -> None:
    writer = engine.create_writer(tmp_path / "empty", None)
    writer.commit()
    for backend in opened(engine, tmp_path / "empty"):
        results = backend.search(SearchRequest(query="公开"))
        assert (results.total, results.hits) == (0, ())
        assert all(values == () for values in results.facets.values())


# Whoosh specifics


def test_whoosh_reference_columns_read_as_arrays_match_iterating_them(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    generation = current_generation(shared_index(tmp_path_factory))
    assert generation is not None
    with index.open_dir(generation / WHOOSH_DIR).reader() as reader:
        for leaf, _ in reader.leaf_readers():
            for field in COLUMN_FIELDS:
                uniques, refs = segment_refs(leaf, field)
                column = leaf.column_reader(field, translate=False)
                slow_uniques, slow_refs = iterated_refs(column, leaf.doc_count_all())
                assert [uniques[i] for i in refs] == [slow_uniques[i] for i in slow_refs]


@pytest.mark.parametrize(
    ("field", "text"),
    [("text", "政务公开"), ("text_bigram", "公开"), ("title", "年度报告"), ("text", "无此词")],
)
def test_packed_postings_read_whole_match_reading_them_one_by_one(
    tmp_path_factory: pytest.TempPathFactory, field: str, text: str
) -> None:
    generation = current_generation(shared_index(tmp_path_factory))
    assert generation is not None
    with index.open_dir(generation / WHOOSH_DIR).reader() as reader:
        for leaf, _ in reader.leaf_readers():
            if text not in {t.decode() for t in leaf.lexicon(field)}:
                continue
            packed = leaf.postings(field, text)
            assert isinstance(packed, PackedMatcher)
            slow = posting_by_posting(leaf.postings(field, text))
            assert packed.ids.tolist() == slow[0].tolist() and len(packed.ids) > 0
            assert packed.weights.tolist() == slow[1].tolist()


@pytest.mark.parametrize(("field", "text"), [("text", "政务公开"), ("text_bigram", "公开")])
def test_array_bm25f_scores_equal_whooshs_own(
    tmp_path_factory: pytest.TempPathFactory, field: str, text: str
) -> None:
    generation = current_generation(shared_index(tmp_path_factory))
    assert generation is not None
    with index.open_dir(generation / WHOOSH_DIR).searcher(weighting=BM25F()) as searcher:
        reader = searcher.reader()
        expected = dict(searcher.search(Term(field, text), limit=None).items())
        docs = np.array(sorted(expected), dtype=np.int64)
        live = np.ones(reader.doc_count_all(), dtype=bool)
        postings = Postings(reader.leaf_readers(), live)
        scores = Ranker(reader, [field]).scores([RankTerm(field, text, 1.0)], docs, postings)
        assert scores.tolist() == pytest.approx([expected[d] for d in docs.tolist()])


@pytest.mark.parametrize(
    ("scores", "offset", "size", "expected"),
    [
        ([1.0, 3.0, 2.0, 3.0], 0, 2, [(11, 3.0), (13, 3.0)]),  # ties: lower document first
        ([1.0, 3.0, 2.0, 3.0], 2, 2, [(12, 2.0), (10, 1.0)]),
        ([1.0, 3.0, 2.0, 3.0], 1, 1, [(13, 3.0)]),
        ([2.0, 2.0, 2.0, 2.0], 1, 2, [(11, 2.0), (12, 2.0)]),
        ([1.0, 3.0], 5, 2, []),
    ],
)
def test_the_best_page_is_the_same_whatever_its_size(
    scores: list[float], offset: int, size: int, expected: list[tuple[int, float]]
) -> None:
    docs = np.arange(10, 10 + len(scores), dtype=np.int64)
    assert best(docs, np.array(scores), offset, size) == expected
