"""Filling one new generation: delete what went away, add what is new, record every file.

Worker processes read and understand the files; this process hands their reports to the engine's
writer (which may tokenise in processes of its own). Nothing is visible until the writer commits;
on any error or interrupt the writer is cancelled and the exception propagates, so the caller can
drop the unfinished generation.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass

from indexer.ids import report_id
from indexer.reading import ReadOptions
from indexer.reindex.manifest import FileRecord
from indexer.reindex.plan import CorpusFile
from indexer.reindex.progress import Progress
from indexer.reindex.workers import Understand, Understood, understand_in_workers
from indexer.search.backend import IndexWriter
from indexer.structure.taxonomy import Taxonomy


@dataclass(frozen=True)
class Built:
    """What a build wrote: the records of every file now in the generation, and this run's adds."""

    files: Mapping[str, FileRecord]
    reports_added: int
    sections_added: int
    processed: int


def build_generation(
    writer: IndexWriter,
    *,
    remove: Sequence[str],
    read: Sequence[CorpusFile],
    kept: Mapping[str, FileRecord],
    taxonomy: Taxonomy,
    workers: int,
    progress: Progress,
    understand: Understand,
    file_timeout: float,
    options: ReadOptions,
) -> Built:
    """Remove the sources in ``remove``, read and add the files in ``read``, keep ``kept`` as is;
    commit, or cancel and re-raise."""
    files = dict(kept)
    reports_added = sections_added = 0
    try:
        if remove:
            writer.delete_sources(remove)
        progress.start(len(read))
        try:
            outcomes = understand_in_workers(
                read, taxonomy, workers, understand, file_timeout, options
            )
            with closing(outcomes):
                for outcome in outcomes:
                    record = _add(writer, outcome)
                    files[outcome.source] = record
                    reports_added += len(record.reports)
                    sections_added += record.sections
                    progress.advance(record.error is not None)
            progress.writing()
            writer.commit()
        finally:
            progress.finish()
    except BaseException:
        writer.cancel()
        raise
    return Built(files, reports_added, sections_added, len(read))


def _add(writer: IndexWriter, outcome: Understood) -> FileRecord:
    """Index one file's reports and return its record."""
    if outcome.error is not None:
        return FileRecord(outcome.hash, outcome.size, outcome.mtime_ns, error=outcome.error)
    ids = tuple(report_id(outcome.source, report.ordinal) for report in outcome.reports)
    sections = writer.add_reports(zip(ids, outcome.reports, strict=True)) if ids else 0
    return FileRecord(outcome.hash, outcome.size, outcome.mtime_ns, ids, sections)
