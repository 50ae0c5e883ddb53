"""Requests side by side, and the caches of recent matches and postings, change no result."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from itertools import product
from pathlib import Path

import pytest

from indexer.backends.whoosh.readers import ReaderPool
from indexer.backends.whoosh.searcher import WhooshBackend
from indexer.config import SearchSettings
from indexer.reindex.layout import current_generation
from indexer.search.types import SearchRequest, SearchResults, YearRange

from .search_fixtures import repo_settings, shared_index

QUERIES = ["政务公开", '"政府信息公开"', "依申请 公开", "政務公開", "生态环境", "", "公开 -收费"]
SELECTIONS = [
    {},
    {"year": (YearRange(2016, 2016),)},
    {"section": ("on_request", "proactive")},
    {"province": ("浙江省",), "kind": ("annual_report",)},
]


def requests() -> list[SearchRequest]:
    return [
        replace(SearchRequest(query=query, page=page, page_size=5), **selection)
        for query, selection, page in product(QUERIES, SELECTIONS, (1, 2))
    ]


def seen(results: SearchResults) -> tuple:
    """Everything a user sees of a result, its timing aside."""
    return (
        results.total,
        [(hit.report_id, hit.section.position, hit.snippets, hit.score) for hit in results.hits],
        results.facets,
        results.report_matches,
        results.warnings,
    )


@pytest.fixture(scope="module")
def generation(tmp_path_factory: pytest.TempPathFactory) -> Path:
    found = current_generation(shared_index(tmp_path_factory))
    assert found is not None
    return found


def backend(generation: Path, cache_mb: int) -> WhooshBackend:
    search = replace(SearchSettings(), cache_mb=cache_mb)
    return WhooshBackend(generation, search, repo_settings().taxonomy)


def test_concurrent_cached_requests_see_what_one_uncached_request_at_a_time_sees(
    generation: Path,
) -> None:
    plain = backend(generation, cache_mb=0)
    try:
        expected = [seen(plain.search(request)) for request in requests()]
    finally:
        plain.close()
    cached = backend(generation, cache_mb=64)
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            for _ in range(2):  # the second round answers from the caches
                found = list(pool.map(lambda r: seen(cached.search(r)), requests()))
                assert found == expected
        assert cached._matches_cache.size > 0
        assert cached._postings_cache.size > 0
    finally:
        cached.close()


def test_a_pool_opens_no_more_readers_than_its_size_and_lends_each_to_one_request() -> None:
    opened: list[int] = []
    lent: set[int] = set()
    guard = threading.Lock()
    overlap = threading.Barrier(3, timeout=5)

    def open_reader() -> int:
        with guard:
            opened.append(len(opened))
            return opened[-1]

    pool = ReaderPool(open_reader, lambda reader: None, size=3)

    def use() -> None:
        with pool.reader() as reader:
            with guard:
                assert reader not in lent
                lent.add(reader)
            overlap.wait()  # three requests hold three readers at once
            with guard:
                lent.discard(reader)

    threads = [threading.Thread(target=use) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(opened) == 3


def test_a_reader_that_fails_to_open_frees_its_place() -> None:
    calls = iter([1, RuntimeError("disk gone"), 3])

    def open_reader() -> int:
        value = next(calls)
        if isinstance(value, Exception):
            raise value
        return value

    pool = ReaderPool(open_reader, lambda reader: None, size=2)
    with pool.reader() as first:  # the pool's first reader: nothing to open
        with pytest.raises(RuntimeError, match="disk gone"), pool.reader():
            pass
        with pool.reader() as second:
            assert (first, second) == (1, 3)
