"""Writing one index generation: the Whoosh index of sections and the document store beside it.

A new generation starts as a copy of the one it replaces: Whoosh never rewrites a segment file
once written (deletions and new segments go into new files, and a commit writes a new table of
contents), so the base's files are hard-linked, not copied, and an incremental run costs only
what changed. The document store is modified in place, so it is copied for real.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from whoosh import index
from whoosh.writing import SegmentWriter

from indexer.backends.whoosh.codec import PackedCodec
from indexer.backends.whoosh.parallel import SpawningMpWriter
from indexer.backends.whoosh.pool import CompactSegmentWriter
from indexer.backends.whoosh.schema import LAYOUT, build_schema, section_documents
from indexer.docstore import DOCSTORE_NAME, DocStore
from indexer.models import Report

WHOOSH_DIR = "whoosh"

PARALLEL_SECTIONS = 1000
"""Sections buffered before tokenising moves to worker processes (default): below this,
starting them costs more than it saves (each loads jieba, about a second)."""

WRITER_MB = 256
"""Memory for each Whoosh writer's posting pool before it spills to temporary files."""


class WhooshIndexWriter:
    """An :class:`indexer.search.backend.IndexWriter` over one generation folder.

    Deletions are remembered and applied when the Whoosh writer starts, so that the choice
    between one process and worker processes can wait until the size of the batch is known.
    """

    def __init__(self, folder: Path, base: Path | None, procs: int, parallel_sections: int) -> None:
        engine_dir = folder / WHOOSH_DIR
        if base is None:
            engine_dir.mkdir(parents=True)
            (engine_dir / LAYOUT).touch()
            self._index = index.create_in(engine_dir, build_schema())
            self._store = DocStore.open(folder / DOCSTORE_NAME)
        else:
            link_tree(base / WHOOSH_DIR, engine_dir)
            self._index = index.open_dir(engine_dir)
            self._store = DocStore.copy(base / DOCSTORE_NAME, folder / DOCSTORE_NAME)
        self._procs = procs
        self._parallel_sections = parallel_sections
        self._deletions: list[tuple[str, str]] = []
        self._buffer: list[list[dict[str, Any]]] = []  # one list of documents per report
        self._buffered = 0
        self._writer: SegmentWriter | None = None
        self._replacing = base is not None

    def delete_sources(self, sources: Iterable[str]) -> int:
        sources = list(sources)
        removed = self._store.delete_sources(sources)
        self._deletions.extend(("source", source) for source in sources)
        return len(removed)

    def add_reports(self, reports: Iterable[tuple[str, Report]]) -> int:
        written = 0
        for report_id, report in reports:
            self._store.add(report_id, report)
            if self._replacing:  # a report stored under this id before is replaced
                self._deletions.append(("report_id", report_id))
            documents = list(section_documents(report_id, report))
            written += len(documents)
            if self._writer is None:
                self._buffer.append(documents)
                self._buffered += len(documents)
                if self._buffered >= self._parallel_sections:
                    self._start(self._procs)
            else:
                _add_group(self._writer, documents)
        return written

    def commit(self) -> None:
        if self._writer is None:
            self._start(1)
        assert self._writer is not None
        self._writer.commit()
        self._writer = None
        self._store.commit()
        self._store.close()

    def cancel(self) -> None:
        if self._writer is not None:
            self._writer.cancel()
            self._writer = None
        self._store.rollback()
        self._store.close()

    def _start(self, procs: int) -> None:
        """Start the Whoosh writer, apply the deletions and pass it the buffered documents."""
        options = {"limitmb": WRITER_MB, "codec": PackedCodec()}
        if procs > 1:
            self._writer = SpawningMpWriter(self._index, procs=procs, **options)
        else:
            self._writer = CompactSegmentWriter(self._index, **options)
        for field, value in self._deletions:
            self._writer.delete_by_term(field, value)
        for documents in self._buffer:
            _add_group(self._writer, documents)
        self._buffer, self._buffered = [], 0


def link_tree(source: Path, target: Path) -> None:
    """Recreate Whoosh's files of ``source`` at ``target`` with hard links (copies where links
    are impossible). Its lock file and temporary folders are a writer's own, never shared."""
    target.mkdir(parents=True)
    for item in source.iterdir():
        if item.name.endswith(("_WRITELOCK", ".tmp")):
            continue
        destination = target / item.name
        try:
            os.link(item, destination)
        except OSError:  # another file system, or one without hard links
            shutil.copy2(item, destination)


def _add_group(writer: SegmentWriter, documents: list[dict[str, Any]]) -> None:
    """Add one report's sections together, so they stay consecutive (browse order)."""
    with writer.group():
        for document in documents:
            writer.add_document(**document)
