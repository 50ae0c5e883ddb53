"""The Whoosh engine: writers and searchers over generation folders (an ``Engine``)."""

from __future__ import annotations

import os
from pathlib import Path

from indexer.backends.whoosh.schema import LAYOUT
from indexer.backends.whoosh.searcher import WhooshBackend
from indexer.backends.whoosh.writer import PARALLEL_SECTIONS, WhooshIndexWriter
from indexer.config import SearchSettings
from indexer.structure.taxonomy import Taxonomy


class WhooshEngine:
    """Builds generations with Whoosh and opens them for searching.

    ``search`` and ``taxonomy`` matter only for searching (snippet sizes, query limits, section
    labels). A writer buffering ``parallel_sections`` sections moves tokenising to ``procs``
    worker processes (default: one per CPU; 1 keeps it in this process).
    """

    name = f"whoosh ({LAYOUT})"
    """Recorded with each generation: a reindex over one of another layout rebuilds in full."""

    def __init__(
        self,
        search: SearchSettings | None = None,
        taxonomy: Taxonomy | None = None,
        procs: int | None = None,
        parallel_sections: int = PARALLEL_SECTIONS,
    ) -> None:
        self.search = search or SearchSettings()
        self.taxonomy = taxonomy or Taxonomy()
        self.procs = procs or os.cpu_count() or 1
        self.parallel_sections = parallel_sections

    def create_writer(self, folder: Path, base: Path | None) -> WhooshIndexWriter:
        return WhooshIndexWriter(folder, base, self.procs, self.parallel_sections)

    def open_backend(self, folder: Path) -> WhooshBackend:
        return WhooshBackend(folder, self.search, self.taxonomy)
