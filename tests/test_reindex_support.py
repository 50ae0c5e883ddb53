"""What the reindex tests share: a small real engine writing JSON, engines that fail on purpose,
understand functions that misbehave on chosen files, and corpus helpers. No tests here.

The JSON engine keeps one file per generation, copied from the base generation like a real
engine's files, so the orchestration (which files are read, removed, kept; atomic switching;
clean-up) is tested apart from Whoosh, and the same tests can run with the real engine.
"""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from indexer.backends.whoosh.engine import WhooshEngine
from indexer.models import Report
from indexer.pipeline import understand_file
from indexer.reading import ReadError, ReadOptions, read_text
from indexer.reindex.layout import current_generation
from indexer.reindex.progress import LineProgress
from indexer.reindex.run import ReindexOptions, reindex
from indexer.reindex.summary import RunSummary
from indexer.reindex.workers import FILE_TIMEOUT
from indexer.search.backend import Engine, IndexWriter
from indexer.search.types import SearchRequest
from indexer.structure.taxonomy import Taxonomy

from .conftest import SAMPLE_DIR

DOCUMENTS = "json-engine.json"
SAMPLES = sorted(SAMPLE_DIR.glob("*.txt"))


class JsonWriter:
    def __init__(self, folder: Path, documents: dict[str, dict[str, Any]]) -> None:
        self.folder, self.documents = folder, documents

    def delete_sources(self, sources: Iterable[str]) -> int:
        doomed = set(sources)
        ids = [rid for rid, doc in self.documents.items() if doc["source"] in doomed]
        for rid in ids:
            del self.documents[rid]
        return len(ids)

    def add_reports(self, reports: Iterable[tuple[str, Report]]) -> int:
        sections = 0
        for rid, report in reports:
            self.documents[rid] = {
                "source": report.source,
                "title": report.title,
                "sections": len(report.sections),
                "text": report.simplified,
            }
            sections += len(report.sections)
        return sections

    def commit(self) -> None:
        (self.folder / DOCUMENTS).write_text(json.dumps(self.documents), encoding="utf-8")

    def cancel(self) -> None:
        self.documents = {}


@dataclass
class JsonEngine:
    name: str = "json-test"

    def create_writer(self, folder: Path, base: Path | None) -> JsonWriter:
        return JsonWriter(folder, documents(base) if base else {})


@dataclass
class FailingEngine:
    """``inner`` whose writers raise ``error`` on commit (a full disk, an interrupt)."""

    inner: Engine = field(default_factory=JsonEngine)
    error: BaseException = field(default_factory=lambda: OSError(errno.ENOSPC, "Disk full"))

    @property
    def name(self) -> str:
        return self.inner.name

    def create_writer(self, folder: Path, base: Path | None) -> IndexWriter:
        writer = self.inner.create_writer(folder, base)
        error = self.error

        def commit() -> None:
            raise error

        writer.commit = commit  # type: ignore[method-assign]
        return writer


@dataclass
class StallingEngine:
    """``inner`` whose writers stop for good after adding ``after`` files, touching ``marker``."""

    inner: Engine
    after: int
    marker: Path

    @property
    def name(self) -> str:
        return self.inner.name

    def create_writer(self, folder: Path, base: Path | None) -> IndexWriter:
        writer = self.inner.create_writer(folder, base)
        add, calls = writer.add_reports, []

        def add_reports(reports: Iterable[tuple[str, Report]]) -> int:
            calls.append(1)
            if len(calls) > self.after:
                self.marker.touch()
                time.sleep(3600)
            return add(reports)

        writer.add_reports = add_reports  # type: ignore[method-assign]
        return writer


def documents(generation: Path) -> dict[str, dict[str, Any]]:
    return json.loads((generation / DOCUMENTS).read_text(encoding="utf-8"))


def served(index: Path) -> dict[str, dict[str, Any]]:
    """The documents of the generation being served."""
    generation = current_generation(index)
    assert generation is not None, "no generation is served"
    return documents(generation)


def sources_matching(engine: Engine, index: Path, phrase: str) -> set[str]:
    """Sources of the served reports with a section matching ``phrase`` (a quoted phrase query
    for a real engine, a substring of the simplified text for the JSON engine)."""
    generation = current_generation(index)
    assert generation is not None, "no generation is served"
    if isinstance(engine, JsonEngine):
        found = documents(generation).values()
        return {doc["source"] for doc in found if phrase in doc["text"]}
    backend = engine.open_backend(generation)
    try:
        results = backend.search(SearchRequest(query=f'"{phrase}"', page_size=100))
    finally:
        backend.close()
    return {hit.source for hit in results.hits}


ENGINES: dict[str, Callable[[], Engine]] = {
    "json": JsonEngine,
    "whoosh": lambda: WhooshEngine(procs=1),
}


def misbehaving_understand(
    path: Path, source: str, taxonomy: Taxonomy, options: ReadOptions | None = None
) -> list[Report]:
    """The real pipeline, except that files named ``bug*`` raise, ``crash*`` kill the worker and
    ``hang*`` take a minute (far over the tests' time limits) before going on as usual."""
    if path.name.startswith("bug"):
        raise RuntimeError("bad luck")
    if path.name.startswith("crash"):
        os._exit(3)
    if path.name.startswith("hang"):
        time.sleep(60)
    return understand_file(path, source, taxonomy, options)


def read_error(path: Path) -> str:
    """The reason the reading step gives for not reading ``path``."""
    try:
        read_text(path)
    except ReadError as error:
        return str(error)
    raise AssertionError(f"{path} can be read")


def make_corpus(folder: Path, count: int = len(SAMPLES)) -> Path:
    """A corpus of the first ``count`` sample files."""
    folder.mkdir(parents=True, exist_ok=True)
    for sample in SAMPLES[:count]:
        shutil.copy(sample, folder / sample.name)
    return folder


def run_reindex(
    corpus: Path | tuple[Path, ...],
    index: Path,
    taxonomy: Taxonomy,
    engine: Engine | None = None,
    full: bool = False,
    notices: list[str] | None = None,
    understand: Any = understand_file,
    file_timeout: float = FILE_TIMEOUT,
    follow_links: bool = False,
) -> RunSummary:
    """Reindex with two workers and the JSON engine, collecting notices."""
    folders = corpus if isinstance(corpus, tuple) else (corpus,)
    options = ReindexOptions(
        folders,
        index,
        taxonomy,
        full,
        workers=2,
        file_timeout=file_timeout,
        follow_links=follow_links,
    )
    sink = notices if notices is not None else []
    return reindex(
        options,
        engine or JsonEngine(),
        LineProgress(io.StringIO()),
        sink.append,
        understand,
    )
