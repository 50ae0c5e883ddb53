"""Understanding corpus files in worker processes, one file's failure never stopping the run.

Reading and understanding a file is CPU-bound and independent of every other file, so it runs in
a process pool while the main process feeds the engine's writer. A file that cannot be read, or
makes the pipeline raise, comes back as a result with an error instead of reports. A file that
kills its worker (a crash in a C extension, the kernel's OOM killer) breaks the whole pool: the
files then in flight are retried one at a time in a fresh pool, so only the culprit is rejected.

Workers are started with ``spawn``: a forked worker would inherit the reindex lock's descriptor
and could keep the lock held after the main process was killed.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from indexer.models import Report
from indexer.pipeline import understand_file
from indexer.reading import ReadError
from indexer.reindex.plan import CorpusFile, trusted_mtime
from indexer.structure.taxonomy import Taxonomy

Understand = Callable[[Path, str, Taxonomy], list[Report]]

CRASHED = "internal error: the worker process died while reading this file"


def default_workers() -> int:
    """One reading process per CPU. Reading costs a fraction of tokenising, and the pool reads
    only a few files ahead of the writer, so readers wait (using no CPU) while the engine works."""
    return os.cpu_count() or 1


@dataclass(frozen=True)
class Understood:
    """One file's outcome: its hash, size and time as read, and its reports or the error."""

    source: str
    hash: str
    size: int
    mtime_ns: int | None
    reports: tuple[Report, ...]
    error: str | None = None


def understand_in_workers(
    files: Sequence[CorpusFile],
    taxonomy: Taxonomy,
    workers: int,
    understand: Understand = understand_file,
) -> Iterator[Understood]:
    """Yield an :class:`Understood` for every file, in the order they finish.

    Closing the iterator early (an error or Ctrl-C in the consumer) cancels the files not started
    and waits for the workers to finish their current file.
    """
    queue = deque(files)
    suspects: deque[CorpusFile] = deque()
    while queue or suspects:
        isolating = bool(suspects)
        todo = suspects if isolating else queue
        size = 1 if isolating else max(1, min(workers, len(queue)))
        window = 1 if isolating else 2 * size  # alone in its pool, a crash names its file
        pool = ProcessPoolExecutor(
            size,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(taxonomy, understand),
        )
        try:
            in_flight: dict[Future[Understood], CorpusFile] = {}
            broken = False
            while (todo or in_flight) and not broken:
                while todo and len(in_flight) < window:
                    item = todo.popleft()
                    in_flight[pool.submit(understand_one, item)] = item
                done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in done:
                    item = in_flight.pop(future)
                    outcome = _outcome(future, item)
                    if outcome is None:
                        broken = True
                        if isolating:
                            yield _rejected(item, CRASHED)
                        else:
                            suspects.append(item)
                    else:
                        yield outcome
            suspects.extend(in_flight.values())
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def understand_one(item: CorpusFile) -> Understood:
    """Hash and understand one file (in a worker started by :func:`understand_in_workers`)."""
    read_at = time.time_ns()
    try:
        with item.path.open("rb") as handle:
            stat = os.fstat(handle.fileno())
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError as exc:
        return _rejected(item, f"cannot open: {exc.strerror or exc}")
    try:
        reports = tuple(_understand(item.path, item.source, _taxonomy))
        error = None
    except ReadError as exc:
        reports, error = (), str(exc)
    except Exception as exc:  # any bug on one odd file must reject that file, not stop the run
        reports, error = (), f"internal error: {type(exc).__name__}: {exc}"
    mtime = trusted_mtime(stat.st_mtime_ns, read_at)
    return Understood(item.source, digest, stat.st_size, mtime, reports, error)


def _outcome(future: Future[Understood], item: CorpusFile) -> Understood | None:
    """The future's result; None when the pool broke, a rejection when the worker raised."""
    try:
        return future.result()
    except BrokenProcessPool:
        return None
    except Exception as exc:  # e.g. a result that cannot be sent back
        return _rejected(item, f"internal error: {type(exc).__name__}: {exc}")


def _rejected(item: CorpusFile, error: str) -> Understood:
    """An outcome for a file that was not read: no hash, and no time, so the next run retries."""
    return Understood(item.source, "", item.size, None, (), error)


_taxonomy: Taxonomy
_understand: Understand


def _start_worker(taxonomy: Taxonomy, understand: Understand) -> None:
    """Keep what every file needs; leave Ctrl-C to the main process, which stops the pool; and
    exit when the main process is gone (killed), instead of waiting for work for ever."""
    global _taxonomy, _understand
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _taxonomy, _understand = taxonomy, understand
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent: multiprocessing.process.BaseProcess) -> None:
    parent.join()
    os._exit(1)
