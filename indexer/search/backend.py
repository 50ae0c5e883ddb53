"""The seam between gongkai and a search engine: what an engine must offer, as protocols.

The reindexer writes through :class:`IndexWriter`; the search service reads through
:class:`SearchBackend`. Only engine packages (``indexer.backends.*``) implement them, and the same
contract tests run against every implementation.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Protocol

from indexer.models import Report
from indexer.search.snippets import Span
from indexer.search.types import Hit, SearchRequest, SearchResults


class IndexWriter(Protocol):
    """Adds and removes reports in one index generation folder; nothing is visible before commit."""

    def delete_sources(self, sources: Iterable[str]) -> int:
        """Remove every report (and its sections) read from these sources; return how many."""

    def add_reports(self, reports: Iterable[tuple[str, Report]]) -> int:
        """Index ``(report_id, report)`` pairs; return the number of sections written."""

    def commit(self) -> None:
        """Make the changes durable in the folder."""

    def cancel(self) -> None:
        """Drop uncommitted changes and release the engine's resources."""


class SearchBackend(Protocol):
    """A read-only view of one committed index generation."""

    def search(self, request: SearchRequest) -> SearchResults:
        """Run a request; raises :class:`indexer.search.types.QueryError` for a bad query."""

    def export(self, request: SearchRequest) -> Iterator[Hit]:
        """Every section ``request`` matches, in the order its pages would show them (``page``
        and ``page_size`` aside), each hit with at most one snippet; no facets are counted.
        Raises :class:`indexer.search.types.QueryError` on the call, before any hit is taken;
        the backend must stay open until the iterator is done."""

    def report(self, report_id: str) -> Report | None:
        """The full report stored under ``report_id``, or None."""

    def marks(self, report_id: str, query: str) -> Mapping[int, tuple[Span, ...]]:
        """What ``query`` marks in each section of a report, to highlight the report whole:
        section position → sorted, non-overlapping character spans into that section's text
        (``Report.text[start:end]``); sections without a mark are left out. Raises
        :class:`indexer.search.types.QueryError` for a bad query."""

    def close(self) -> None:
        """Release files and caches."""


class Engine(Protocol):
    """Creates writers and backends over generation folders."""

    name: str

    def create_writer(self, folder: Path, base: Path | None) -> IndexWriter:
        """A writer for a new generation in ``folder``, starting from a copy of ``base``."""

    def open_backend(self, folder: Path) -> SearchBackend:
        """Open a committed generation for searching."""
