"""The search service shared by the command line and the web UI.

It serves the generation ``CURRENT`` names, opened once and kept open; each request checks the
pointer (one small file read) and a reindex that switched generations is picked up by the next
request, while requests still running on the old generation finish on it before it is closed.
Safe to call from several threads.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from indexer.config import Settings
from indexer.docstore import DOCSTORE_NAME, DocStore
from indexer.models import Report
from indexer.reindex.decide import index_fingerprint
from indexer.reindex.layout import current_generation
from indexer.reindex.manifest import ManifestError, read_manifest
from indexer.search import messages
from indexer.search.backend import Engine, SearchBackend
from indexer.search.snippets import Span
from indexer.search.types import (
    FacetValue,
    Hit,
    IndexFormatError,
    SearchRequest,
    SearchResults,
)
from indexer.structure.sectiontypes import UNCLASSIFIED


class NoIndexError(Exception):
    """There is no index to search yet."""


@dataclass(frozen=True)
class IndexStats:
    """What the served generation holds: counts, facet counts, the share of sections whose
    type is ``unclassified`` (0 to 1)."""

    generation: Path
    reports: int
    sections: int
    facets: Mapping[str, tuple[FacetValue, ...]]
    unclassified: float


@dataclass
class _Served:
    """One opened generation and the requests using it (mutable, guarded by the service)."""

    folder: Path
    backend: SearchBackend
    warnings: tuple[str, ...]
    users: int = 0
    retired: bool = False


class Exported(Iterator[Hit]):
    """Hits read from a leased generation; the lease ends when they run out or on close, so the
    generation stays open exactly as long as it is read (see :meth:`SearchService.export`)."""

    def __init__(self, hits: Iterator[Hit], lease: ExitStack) -> None:
        self._hits = hits
        self._lease = lease

    def __next__(self) -> Hit:
        try:
            return next(self._hits)
        except BaseException:
            self.close()
            raise

    def __enter__(self) -> Exported:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop reading and release the generation (again: nothing)."""
        self._lease.close()


class SearchService:
    """Search, documents and statistics of the index configured in ``settings``."""

    def __init__(self, settings: Settings, engine: Engine | None = None) -> None:
        if engine is None:
            from indexer.backends.whoosh.engine import WhooshEngine

            engine = WhooshEngine(settings.search, settings.taxonomy)
        self._settings = settings
        self._engine = engine
        self._lock = threading.Lock()
        self._served: _Served | None = None

    def search(self, request: SearchRequest) -> SearchResults:
        """Run a request; raises :class:`QueryError` (bad query) or :class:`NoIndexError`."""
        with self._lease() as served:
            results = served.backend.search(request)
        if served.warnings:
            return replace(results, warnings=served.warnings + results.warnings)
        return results

    def facets(self, request: SearchRequest) -> Mapping[str, tuple[FacetValue, ...]]:
        """The facet counts of a request, without fetching its hits."""
        return self.search(replace(request, page=1, page_size=0)).facets

    def export(self, request: SearchRequest) -> Exported:
        """Every section ``request`` matches, in order, all from the one generation served now
        (a reindex switching meanwhile does not mix generations), each with at most one snippet.
        Raises :class:`QueryError` or :class:`NoIndexError` here, before any hit; close the
        result (or use it in a ``with``) if it is not read to the end."""
        lease = ExitStack()
        served = lease.enter_context(self._lease())
        try:
            hits = served.backend.export(request)
        except BaseException:
            lease.close()
            raise
        return Exported(hits, lease)

    def report(self, report_id: str) -> Report | None:
        """The full report stored under ``report_id``, or None."""
        with self._lease() as served:
            return served.backend.report(report_id)

    def marks(self, report_id: str, query: str) -> Mapping[int, tuple[Span, ...]]:
        """What ``query`` marks in each section of a report, by section position (see
        :meth:`SearchBackend.marks`); raises :class:`QueryError` or :class:`NoIndexError`."""
        with self._lease() as served:
            return served.backend.marks(report_id, query)

    def stats(self) -> IndexStats:
        """Counts over the whole served generation."""
        with self._lease() as served:
            results = served.backend.search(SearchRequest(page_size=0))
            with DocStore.open(served.folder / DOCSTORE_NAME, readonly=True) as store:
                reports = store.count()
        types = {value.value: value.count for value in results.facets.get("section_type", ())}
        share = types.get(UNCLASSIFIED, 0) / results.total if results.total else 0.0
        return IndexStats(served.folder, reports, results.total, results.facets, share)

    def close(self) -> None:
        """Close the served generation (requests still running finish first)."""
        with self._lock:
            served, self._served = self._served, None
            if served is not None:
                self._retire(served)

    @contextmanager
    def _lease(self) -> Iterator[_Served]:
        with self._lock:
            served = self._current()
            served.users += 1
        try:
            yield served
        finally:
            with self._lock:
                served.users -= 1
                if served.retired and served.users == 0:
                    served.backend.close()

    def _current(self) -> _Served:
        """The served generation, (re)opened when ``CURRENT`` names another one."""
        folder = current_generation(self._settings.index_path)
        if folder is None:
            raise NoIndexError(messages.NO_INDEX.format(folder=self._settings.index_path))
        if self._served is None or self._served.folder != folder:
            try:
                backend = self._engine.open_backend(folder)
            except IndexFormatError as exc:
                raise NoIndexError(messages.OLD_INDEX.format(folder=folder)) from exc
            opened = _Served(folder, backend, _warnings(folder, self._settings))
            if self._served is not None:
                self._retire(self._served)
            self._served = opened
        return self._served

    def _retire(self, served: _Served) -> None:
        served.retired = True
        if served.users == 0:
            served.backend.close()


def _warnings(folder: Path, settings: Settings) -> tuple[str, ...]:
    """A warning when the generation's analysis differs from this program's (no manifest, or an
    unreadable one, says nothing)."""
    try:
        manifest = read_manifest(folder)
    except ManifestError:
        return ()
    if manifest is None or manifest.fingerprint == index_fingerprint(settings.taxonomy):
        return ()
    return (messages.STALE_ANALYSIS,)
