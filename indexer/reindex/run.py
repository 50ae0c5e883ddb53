"""``gongkai reindex`` as a library call: lock, compare, build a new generation, switch.

A build never modifies the served generation (only its manifest's last run, when nothing
changed). The new generation starts from a copy of the served one (empty for a full build), gets
the changes, and is switched to only once committed and described by its manifest; on any
failure or interrupt it is removed and the previous generation keeps serving. Folders left by a
killed run are removed by the next one; after a switch the generation it replaced is kept for
readers that still have it open, older ones are removed.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from indexer.models import Rejected
from indexer.pipeline import understand_file
from indexer.reading import ReadOptions
from indexer.reindex.build import Built, build_generation
from indexer.reindex.decide import Decision, Served, decide, served_generation
from indexer.reindex.layout import new_generation, remove_generations, switch_to
from indexer.reindex.lock import LockHeldError, reindex_lock
from indexer.reindex.manifest import Manifest, write_manifest
from indexer.reindex.plan import CorpusError, Scanned, corpus_prefixes, scan_corpus
from indexer.reindex.progress import Progress
from indexer.reindex.summary import RunSummary
from indexer.reindex.workers import FILE_TIMEOUT, Understand, default_workers
from indexer.search.backend import Engine
from indexer.structure.taxonomy import Taxonomy


class ReindexError(Exception):
    """The reindex cannot run; the message is one line for the user."""


@dataclass(frozen=True)
class ReindexOptions:
    corpus: tuple[Path, ...]
    index: Path
    taxonomy: Taxonomy
    full: bool = False
    workers: int = field(default_factory=default_workers)
    file_timeout: float = FILE_TIMEOUT  # seconds one file may take to read and understand
    read: ReadOptions = field(default_factory=ReadOptions)  # how files are read (OCR or not)
    follow_links: bool = False  # read symbolic links to files inside the corpus folders


def reindex(
    options: ReindexOptions,
    engine: Engine,
    progress: Progress,
    notify: Callable[[str], None],
    understand: Understand = understand_file,
) -> RunSummary:
    """Bring the index up to date with the corpus and return the run's summary.

    ``notify`` receives one-line notices and warnings as they happen. Raises
    :class:`ReindexError` when the run cannot start, :class:`OSError` when the disk fails
    during the build; then, as after an interrupt, the previous generation is still serving.
    """
    started = datetime.now(UTC), time.monotonic()
    with _locked_corpus(options, notify) as (served, scanned):
        files = scanned.files
        known = served.manifest.files if served.manifest else {}
        if not files and known and not options.full:
            raise ReindexError(
                f"no report files in the corpus ({', '.join(map(str, options.corpus))}) but the "
                f"index holds {len(known):,}; refusing to empty it (use --full to do so)"
            )
        decision = decide(files, served, options.taxonomy, engine.name, options.full, options.read)
        for warning in decision.warnings:
            notify(f"warning: {warning}")
        if decision.nothing_to_do and served.generation and served.manifest:
            built = Built(decision.kept, 0, 0, 0)
            summary = _summary(options, decision, scanned, served.generation, built, started)
            write_manifest(served.generation, served.manifest.after(summary, built.files))
            return summary
        return _build_and_switch(
            options, engine, served, decision, scanned, progress, understand, started
        )


def _build_and_switch(
    options: ReindexOptions,
    engine: Engine,
    served: Served,
    decision: Decision,
    scanned: Scanned,
    progress: Progress,
    understand: Understand,
    started: tuple[datetime, float],
) -> RunSummary:
    """Build a new generation, describe it, serve it; remove it again if anything fails."""
    replaced = served.generation.name if served.generation else None
    generation = new_generation(options.index)
    try:
        built = build_generation(
            engine.create_writer(generation, decision.base),
            remove=decision.remove,
            read=decision.read,
            kept=decision.kept,
            taxonomy=options.taxonomy,
            workers=options.workers,
            progress=progress,
            understand=understand,
            file_timeout=options.file_timeout,
            options=options.read,
        )
        summary = _summary(options, decision, scanned, generation, built, started)
        write_manifest(
            generation,
            Manifest(
                engine.name, decision.fingerprint, summary.started, replaced, built.files, summary
            ),
        )
        switch_to(options.index, generation)
    except BaseException:
        shutil.rmtree(generation, ignore_errors=True)
        raise
    remove_generations(options.index, {generation.name, replaced or generation.name})
    return summary


@contextmanager
def _locked_corpus(
    options: ReindexOptions, notify: Callable[[str], None]
) -> Iterator[tuple[Served, Scanned]]:
    """Check the folders, hold the lock, drop leftovers of killed runs, list the corpus."""
    root = options.index
    with ExitStack() as stack:
        try:
            prefixes = corpus_prefixes(options.corpus)
            root.mkdir(parents=True, exist_ok=True)
            stack.enter_context(reindex_lock(root, notify))
            served = served_generation(root)
            remove_generations(root, served.in_use)
        except (CorpusError, LockHeldError) as exc:
            raise ReindexError(str(exc)) from None
        except OSError as exc:
            raise ReindexError(f"cannot write to the index folder {root}: {exc.strerror}") from exc
        try:
            scanned = scan_corpus(prefixes, options.follow_links)
        except CorpusError as exc:
            raise ReindexError(str(exc)) from None
        yield served, scanned


def _summary(
    options: ReindexOptions,
    decision: Decision,
    scanned: Scanned,
    generation: Path,
    built: Built,
    started: tuple[datetime, float],
) -> RunSummary:
    """The run's summary; ``started`` is the wall-clock and monotonic time it started."""
    plan, records = decision.plan, built.files.values()
    return RunSummary(
        started=started[0].isoformat(timespec="seconds"),
        seconds=round(time.monotonic() - started[1], 3),
        full=decision.full_reason is not None,
        full_reason=decision.full_reason,
        corpus=tuple(str(folder.resolve()) for folder in options.corpus),
        index=str(options.index),
        generation=generation.name,
        fingerprint=decision.fingerprint,
        files_seen=plan.files_seen + len(scanned.refused),
        new=len(plan.new),
        changed=len(plan.changed),
        deleted=len(plan.deleted),
        unchanged=len(plan.unchanged),
        processed=built.processed,
        reports_added=built.reports_added,
        sections_added=built.sections_added,
        reports_total=sum(len(record.reports) for record in records),
        sections_total=sum(record.sections for record in records),
        rejected=tuple(
            sorted(
                [
                    *scanned.refused,
                    *(
                        Rejected(source, record.error)
                        for source, record in built.files.items()
                        if record.error is not None
                    ),
                ],
                key=lambda rejected: rejected.source,
            )
        ),
        warnings=decision.warnings,
        skipped=scanned.skipped,
        refused=len(scanned.refused),
    )
