"""Searching one committed generation: a :class:`indexer.search.backend.SearchBackend`.

Everything expensive happens once, when the generation is opened: the arrays of facet and sort
codes and field lengths, the browse orders, the run strings' places. A request then reads each
of its terms' postings once, matches and counts facets on arrays, scores the matches on arrays
when it ranks by relevance, and looks up only the page's sections for snippets. Requests run
side by side, each on a Whoosh reader of its own (:mod:`~indexer.backends.whoosh.readers`);
the postings, matches and scores of recent queries are kept for the next request that needs them
(paging and drilling down ask for the same ones), up to ``search.cache_mb``.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np
from whoosh import index
from whoosh.query import Term
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from indexer.analysis.segment import initialise
from indexer.backends.whoosh.facets import count_facets, facet_values, selected, selections
from indexer.backends.whoosh.highlight import matched_spans
from indexer.backends.whoosh.mapped import install
from indexer.backends.whoosh.matching import Matcher
from indexer.backends.whoosh.order import BROWSE, order_ranks, page_in_order
from indexer.backends.whoosh.postings import Postings
from indexer.backends.whoosh.query import RANKED_FIELDS, CompiledQuery, Plan, Unit, compile_query
from indexer.backends.whoosh.ranking import Ranker, best
from indexer.backends.whoosh.readers import ReaderPool
from indexer.backends.whoosh.runtexts import RunTexts
from indexer.backends.whoosh.schema import LAYOUT, RUN_COLUMNS
from indexer.backends.whoosh.sets import contains
from indexer.backends.whoosh.syntax import parse_query
from indexer.backends.whoosh.table import read_table
from indexer.backends.whoosh.writer import WHOOSH_DIR
from indexer.config import SearchSettings
from indexer.docstore import DOCSTORE_NAME, DocStore
from indexer.models import Report
from indexer.search.cache import ArrayCache
from indexer.search.snippets import Span, choose_marks, make_snippets
from indexer.search.types import Hit, IndexFormatError, SearchRequest, SearchResults, SectionRef
from indexer.structure.taxonomy import Taxonomy

EXPORT_BATCH = 50
"""Hits an export builds per loan of a reader, so searches run between its batches."""

READERS = 8
"""Whoosh readers a generation opens at most: requests beyond this many wait for one."""

REPORTS_KEPT = 256
"""Reports kept read (decompressed): a page's hits come from few reports, and the next page
and the report pages opened from it come from the same ones."""


@dataclass(frozen=True)
class _Reader:
    """One Whoosh searcher and its segments (with their document number offsets)."""

    searcher: Searcher
    leaves: list[tuple[IndexReader, int]]


def _open_reader(folder: Path) -> _Reader:
    if not (folder / WHOOSH_DIR / LAYOUT).exists():
        raise IndexFormatError(f"{folder} was built in an older layout (not {LAYOUT})")
    searcher = index.open_dir(folder / WHOOSH_DIR, readonly=True).searcher()
    return _Reader(searcher, searcher.reader().leaf_readers())


class WhooshBackend:
    """A read-only view of one generation folder."""

    def __init__(self, folder: Path, settings: SearchSettings, taxonomy: Taxonomy) -> None:
        install()  # segment files are read in place, not copied (see its module)
        self._settings = settings
        self._taxonomy = taxonomy
        self._readers = ReaderPool(
            lambda: _open_reader(folder), lambda opened: opened.searcher.close(), READERS
        )
        reader = self._readers.first.searcher.reader()
        self._table = read_table(reader)
        runs = {field: RunTexts(reader, column) for field, column in RUN_COLUMNS.items()}
        self._matcher = Matcher(self._table, runs)
        self._ranker = Ranker(reader, RANKED_FIELDS)
        self._ranks = order_ranks(self._table)
        self._store = DocStore.open(folder / DOCSTORE_NAME, readonly=True)
        self._report = lru_cache(maxsize=REPORTS_KEPT)(self._store.get)
        budget = settings.cache_mb * 1024 * 1024 // 2
        self._postings_cache: ArrayCache[tuple[np.ndarray, np.ndarray]] = ArrayCache(budget)
        self._matches_cache: ArrayCache[np.ndarray] = ArrayCache(budget)
        initialise()  # the first query would otherwise pay for loading jieba's dictionary

    def search(self, request: SearchRequest) -> SearchResults:
        """Run ``request``; a ``page_size`` of 0 counts without fetching hits."""
        started = time.perf_counter()
        parsed = parse_query(request.query, self._taxonomy, self._settings.max_query_chars)
        compiled = compile_query(parsed.node, request.region)
        chosen = selections(request)
        with self._readers.reader() as reader:
            postings = self._postings(reader)
            matched = self._matched(compiled.plan, reader, postings)
            counted = count_facets(self._table, matched, chosen)
            page = self._page(compiled, matched, counted.docs, postings, request)
            per_hit = self._settings.snippets_per_hit
            hits = tuple(
                self._hit(reader, docnum, score, compiled.marked, per_hit) for docnum, score in page
            )
            matches = report_matches(postings, counted.docs, {hit.report_id for hit in hits})
        return SearchResults(
            request=request,
            total=len(counted.docs),
            hits=hits,
            facets=facet_values(self._table, counted, chosen, self._taxonomy.label),
            elapsed=time.perf_counter() - started,
            warnings=parsed.warnings + compiled.warnings,
            report_matches=matches,
        )

    def export(self, request: SearchRequest) -> Iterator[Hit]:
        """Every section ``request`` matches, in its order (``page`` and ``page_size`` aside),
        each with one snippet; no facets. The matches are found and ordered now (a bad query
        raises here, not at the first hit); hits are built in batches as they are taken."""
        parsed = parse_query(request.query, self._taxonomy, self._settings.max_query_chars)
        compiled = compile_query(parsed.node, request.region)
        with self._readers.reader() as reader:
            postings = self._postings(reader)
            matched = self._matched(compiled.plan, reader, postings)
            docs = selected(self._table, matched, selections(request))
            every = replace(request, page=1, page_size=len(docs))
            ordered = self._page(compiled, matched, docs, postings, every)
        return self._hits(ordered, compiled.marked)

    def report(self, report_id: str) -> Report | None:
        return self._report(report_id)

    def marks(self, report_id: str, query: str) -> dict[int, tuple[Span, ...]]:
        """The spans ``query`` marks in every section of a report, by section position."""
        parsed = parse_query(query, self._taxonomy, self._settings.max_query_chars)
        units = compile_query(parsed.node).marked
        report = self._report(report_id)
        if report is None or not units:
            return {}
        sections = {section.position: section for section in report.sections}
        found: dict[int, tuple[Span, ...]] = {}
        with self._readers.reader() as reader:
            searcher = reader.searcher
            for docnum in searcher.docs_for_query(Term("report_id", report_id)):
                section = sections[searcher.stored_fields(docnum)["position"]]
                simplified = report.simplified[section.start : section.end]
                spans = choose_marks(matched_spans(units, simplified))
                if spans:
                    found[section.position] = tuple(spans)
        return found

    def close(self) -> None:
        self._readers.close()
        self._store.close()

    def _postings(self, reader: _Reader) -> Postings:
        return Postings(reader.leaves, self._table.live_mask, self._postings_cache)

    def _matched(self, plan: Plan | None, reader: _Reader, postings: Postings) -> np.ndarray:
        """The live documents ``plan`` matches, ascending: kept for the next request with the
        same words and query filters (the request's facet selections apply afterwards)."""
        if plan is None:
            return self._table.live
        return self._matches_cache.get(
            plan, lambda: self._matcher.match(plan, reader.leaves, postings)
        )

    def _page(
        self,
        compiled: CompiledQuery,
        matched: np.ndarray,
        docs: np.ndarray,
        postings: Postings,
        request: SearchRequest,
    ) -> list[tuple[int, float | None]]:
        """The page of ``docs`` (the ``matched`` documents the request's selections keep)."""
        offset = (request.page - 1) * request.page_size
        if request.page_size == 0 or offset >= len(docs):
            return []
        if request.sort == "relevance" and compiled.ranking is not None:
            scores = self._scores(compiled, matched, docs, postings)
            return list(best(docs, scores, offset, request.page_size))
        sort = BROWSE if request.sort == "relevance" else request.sort
        page = page_in_order(self._ranks[sort], docs, offset, request.page_size)
        return [(int(docnum), None) for docnum in page]

    def _scores(
        self, compiled: CompiledQuery, matched: np.ndarray, docs: np.ndarray, postings: Postings
    ) -> np.ndarray:
        """The scores of ``docs``. With a cache, every match of the query is scored once and
        kept, so other pages and selections of the same words rank without reading postings
        (a document's score does not depend on the other documents)."""
        ranking = compiled.ranking
        assert ranking is not None
        if not self._matches_cache.budget or compiled.plan is None:
            return self._ranker.scores(ranking, docs, postings)
        every = self._matches_cache.get(
            ("scores", compiled.plan, ranking),
            lambda: self._ranker.scores(ranking, matched, postings),
        )
        return every[np.searchsorted(matched, docs)]

    def _hits(
        self, ordered: list[tuple[int, float | None]], units: tuple[Unit, ...]
    ) -> Iterator[Hit]:
        for start in range(0, len(ordered), EXPORT_BATCH):
            with self._readers.reader() as reader:
                batch = [
                    self._hit(reader, docnum, score, units, 1)
                    for docnum, score in ordered[start : start + EXPORT_BATCH]
                ]
            yield from batch

    def _hit(
        self,
        reader: _Reader,
        docnum: int,
        score: float | None,
        units: tuple[Unit, ...],
        snippets: int,
    ) -> Hit:
        """The hit of one document with up to ``snippets`` snippets."""
        stored = reader.searcher.stored_fields(docnum)
        report = self._report(stored["report_id"])
        if report is None:
            raise LookupError(f"report {stored['report_id']} is indexed but not stored")
        by_position = {section.position: section for section in report.sections}
        section = by_position[stored["position"]]
        parent = by_position.get(section.parent) if section.parent is not None else None
        simplified = report.simplified[section.start : section.end]
        spans = matched_spans(units, simplified) if units else []
        passages = make_snippets(
            report.text[section.start : section.end],
            spans,
            length=self._settings.snippet_chars,
            count=snippets,
            lead_from=len(section.heading),
        )
        path = tuple(h for h in (parent.heading if parent else "", section.heading) if h)
        return Hit(
            report_id=stored["report_id"],
            title=report.title,
            region=report.region,
            year=report.year,
            kind=report.kind,
            issuer=report.issuer,
            published=report.published,
            source=report.source,
            section=SectionRef(
                section.heading, section.type, section.position, section.level, path
            ),
            snippets=passages,
            score=score,
        )


def report_matches(postings: Postings, docs: np.ndarray, report_ids: set[str]) -> dict[str, int]:
    """How many of ``docs`` (the request's matches, ascending) belong to each of ``report_ids``
    (the page's reports). A report's sections are the postings of its ``report_id`` term, so
    this looks up one short posting list per report on the page, whatever the number of
    matches, and opening the index reads nothing more."""
    found: dict[str, int] = {}
    for report_id in sorted(report_ids):  # each has a hit on the page: docs is not empty
        sections = postings.ids("report_id", report_id)
        found[report_id] = int(np.count_nonzero(contains(docs, sections)))
    return found
