"""Understanding corpus files in worker processes, one file's failure never stopping the run.

Reading and understanding a file is CPU-bound and independent of every other file, so it runs in
a process pool while the main process feeds the engine's writer. A file that cannot be read, or
makes the pipeline raise, comes back as a result with an error instead of reports. A file that
kills its worker (a crash in a C extension, the kernel's OOM killer) breaks the whole pool: the
files then in flight are retried one at a time in a fresh pool, so only the culprit is rejected.
A file that takes longer than the time limit (a catastrophic regex on a pathological input) has
its worker killed, which breaks the pool the same way; that file is rejected at once, since each
worker reports which file it started when, and the others are retried.

Workers are started with ``spawn``: a forked worker would inherit the reindex lock's descriptor
and could keep the lock held after the main process was killed.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import multiprocessing
import os
import signal
import stat
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing.queues import SimpleQueue
from pathlib import Path
from typing import BinaryIO, Protocol

from indexer.models import Report
from indexer.pipeline import understand_file
from indexer.reading import ReadError, ReadOptions
from indexer.reindex.plan import CorpusFile, trusted_mtime
from indexer.structure.taxonomy import Taxonomy


class Understand(Protocol):
    """What reads and understands one file (:func:`understand_file`, or a test's stand-in)."""

    def __call__(
        self, path: Path, source: str, taxonomy: Taxonomy, options: ReadOptions | None = None
    ) -> list[Report]: ...


CRASHED = "internal error: the worker process died while reading this file"
FILE_TIMEOUT = 120.0  # seconds; reports take well under a second, so only a stuck file gets near
POLL = 1.0  # seconds between looks at the clock, for files whose start was not yet seen

Started = SimpleQueue[tuple[str, int, float]]  # each worker's (source, PID, monotonic start)


def gave_up(limit: float, size: int) -> str:
    """The reason a file of ``size`` bytes that ran over the time limit is rejected: a stuck
    file or a genuine report too big for the limit, so it says what to raise.

    >>> gave_up(120, 52_428_800)  # doctest: +ELLIPSIS
    'gave up after 120 s on this 50.0 MB file (...give it longer with --file-timeout)'
    """
    return (
        f"gave up after {limit:g} s on this {file_size(size)} file (it may be pathological; "
        "if it is a genuine report, give it longer with --file-timeout)"
    )


def file_size(size: int) -> str:
    """A size for people.

    >>> file_size(812), file_size(3_300), file_size(52_428_800)
    ('812-byte', '3.2 KB', '50.0 MB')
    """
    if size < 1024:
        return f"{size}-byte"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


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
    limit: float = FILE_TIMEOUT,
    options: ReadOptions | None = None,
) -> Iterator[Understood]:
    """Yield an :class:`Understood` for every file, in the order they finish; a file that takes
    more than ``limit`` seconds is rejected and its worker replaced.

    Closing the iterator early (an error or Ctrl-C in the consumer) cancels the files not started
    and waits for the workers to finish their current file.
    """
    queue = deque(files)
    suspects: deque[CorpusFile] = deque()
    context = multiprocessing.get_context("spawn")
    while queue or suspects:
        isolating = bool(suspects)
        todo = suspects if isolating else queue
        size = 1 if isolating else max(1, min(workers, len(queue)))
        window = 1 if isolating else 2 * size  # alone in its pool, a crash names its file
        started: Started = context.SimpleQueue()  # one per pool: a killed worker may break it
        watch = _Watch(started, limit)
        pool = ProcessPoolExecutor(
            size,
            mp_context=context,
            initializer=_start_worker,
            initargs=(taxonomy, understand, started, options or ReadOptions()),
        )
        try:
            in_flight: dict[Future[Understood], CorpusFile] = {}
            lost: list[CorpusFile] = []
            while (todo or in_flight) and not lost:
                while todo and len(in_flight) < window:
                    item = todo.popleft()
                    in_flight[pool.submit(understand_one, item)] = item
                patience = watch.stop_overdue(item.source for item in in_flight.values())
                done, _ = wait(in_flight, timeout=patience, return_when=FIRST_COMPLETED)
                for future in done:
                    item = in_flight.pop(future)
                    outcome = _outcome(future, item)
                    if outcome is None:
                        lost.append(item)
                    else:
                        yield outcome
            for item in [*lost, *in_flight.values()]:  # the pool broke: who broke it?
                if item.source in watch.given_up:
                    yield _rejected(item, gave_up(limit, item.size))
                elif isolating:
                    yield _rejected(item, CRASHED)
                else:
                    suspects.append(item)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            started.close()


class _Watch:
    """Which worker started which file when; kills the workers of files over the time limit."""

    def __init__(self, started: Started, limit: float) -> None:
        self._started, self._limit = started, limit
        self._running: dict[str, tuple[int, float]] = {}
        self.given_up: set[str] = set()

    def stop_overdue(self, sources: Iterable[str]) -> float:
        """Kill the worker of every file among ``sources`` (those in flight) that ran over the
        limit; return how long to wait for results before looking again."""
        while not self._started.empty():
            source, pid, start = self._started.get()
            self._running[source] = (pid, start)
        now, patience = time.monotonic(), POLL
        for source in sources:
            if source not in self._running or source in self.given_up:
                continue
            pid, start = self._running[source]
            left = start + self._limit - now
            if left > 0:
                patience = min(patience, left)
            else:
                self.given_up.add(source)
                with contextlib.suppress(ProcessLookupError):  # it finished just now
                    os.kill(pid, signal.SIGKILL)
        return patience


def understand_one(item: CorpusFile) -> Understood:
    """Hash and understand one file (in a worker started by :func:`understand_in_workers`)."""
    _started.put((item.source, os.getpid(), time.monotonic()))
    read_at = time.time_ns()
    try:
        with _open_regular(item) as handle:
            info = os.fstat(handle.fileno())
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
    except ReadError as exc:
        return _rejected(item, str(exc))
    except OSError as exc:
        return _rejected(item, f"cannot open: {exc.strerror or exc}")
    try:
        reports = tuple(_understand(item.path, item.source, _taxonomy, options=_options))
        error = None
    except ReadError as exc:
        reports, error = (), str(exc)
    except Exception as exc:  # any bug on one odd file must reject that file, not stop the run
        reports, error = (), f"internal error: {type(exc).__name__}: {exc}"
    mtime = trusted_mtime(info.st_mtime_ns, read_at)
    return Understood(item.source, digest, info.st_size, mtime, reports, error)


def _open_regular(item: CorpusFile) -> BinaryIO:
    """The file opened for reading as the scan found it: not a link, and not a FIFO or device
    put in its place since (opening one does not block, and it is refused)."""
    try:
        descriptor = os.open(item.path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ReadError("a symbolic link now, not the file listed; not read") from exc
        raise
    handle = os.fdopen(descriptor, "rb")
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        handle.close()
        raise ReadError("not a regular file any more; not read")
    return handle


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
_started: Started
_options: ReadOptions


def _start_worker(
    taxonomy: Taxonomy, understand: Understand, started: Started, options: ReadOptions
) -> None:
    """Keep what every file needs; leave Ctrl-C to the main process, which stops the pool; and
    exit when the main process is gone (killed), instead of waiting for work for ever."""
    global _taxonomy, _understand, _started, _options
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _taxonomy, _understand, _started, _options = taxonomy, understand, started, options
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent: multiprocessing.process.BaseProcess) -> None:
    parent.join()
    os._exit(1)
