"""Tokenising in worker processes: Whoosh's multiprocessing writer, made safe to kill.

Each worker analyses its share of the documents and writes its own segment (``multisegment``:
merging the workers' postings in the parent would cost as much as the tokenising saved). Whoosh's
``MpWriter`` needs four repairs for that:

- it forks, and a forked worker inherits every open file, the reindex lock included, then waits
  forever on its job queue once its parent is killed: workers are spawned instead, ignore Ctrl-C
  (the parent cancels them) and exit when their parent disappears;
- it never hands out a batch while a document group is open, so a writer adding only groups
  (one per report) sent everything to one worker: batches are handed out at the end of a group;
- it drops a crashed worker's documents silently: a worker that fails fails the commit (one the
  system refuses, a full disk, sends its ``OSError`` back instead of a traceback), and the parent
  never blocks on a full job queue once its workers are dead;
- its ``cancel`` only flags its own copies of the workers: they are terminated.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import queue
import signal
import sys
from dataclasses import dataclass
from typing import Any, NoReturn

from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.util import random_name
from whoosh.writing import SegmentWriter

from indexer.backends.whoosh.pool import CompactSegmentWriter

_SPAWN = multiprocessing.get_context("spawn")
POLL_SECONDS = 1.0


class WorkerError(RuntimeError):
    """A tokenising worker died; nothing of this run was committed."""


@dataclass(frozen=True)
class WorkerOSError:
    """What a worker sends back instead of a traceback when the system refuses it (a full
    disk): the parent raises it as the ``OSError`` it was."""

    errno: int | None
    strerror: str | None
    filename: str | None

    def raise_it(self) -> NoReturn:
        raise OSError(self.errno, self.strerror, self.filename)


class SpawningSubWriter(SubWriterTask):
    """A worker started with ``spawn`` that writes one segment and stops if its parent dies."""

    @staticmethod
    def _Popen(process_obj: Any) -> Any:  # multiprocessing picks the start method here
        return _SPAWN.Process._Popen(process_obj)

    def run(self) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            self._work()
        except OSError as exc:  # a full disk: the parent reports it in one line
            self.resultqueue.put(WorkerOSError(exc.errno, exc.strerror, exc.filename))
            sys.exit(1)

    def _work(self) -> None:
        parent = os.getppid()
        ix = self.storage.open_index(self.indexname)
        writer = self.writer = CompactSegmentWriter(ix, _lk=False, **self.kwargs)
        while os.getppid() == parent:
            try:
                job = self.jobqueue.get(timeout=POLL_SECONDS)
            except queue.Empty:
                continue
            if job is None:
                self.resultqueue.put(writer._finalize_segment())
                return
            self._process_file(*job)
        writer.cancel()  # the parent is gone: nobody will collect this segment


class SpawningMpWriter(MpWriter):
    """``MpWriter`` with :class:`SpawningSubWriter` workers, one new segment per worker."""

    def __init__(self, ix: Any, procs: int, **kwargs: Any) -> None:
        super().__init__(ix, procs=procs, multisegment=True, **kwargs)
        self.jobqueue = _SPAWN.Queue(self.procs * 4)
        self.resultqueue = _SPAWN.Queue()

    def _new_task(self) -> SpawningSubWriter:
        task = SpawningSubWriter(
            self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs, True
        )
        self.tasks.append(task)
        task.start()
        return task

    def end_group(self) -> None:
        super().end_group()
        if not self._grouping and len(self.docbuffer) >= self.batchsize:
            self._enqueue()

    def _commit(self, mergetype: Any, optimize: Any, merge: Any) -> None:
        if self.docbuffer:
            self._enqueue()
        for _ in self.tasks:
            self.jobqueue.put(None)
        segments = self._merge_segments(mergetype, optimize, merge)
        segments += self._worker_segments()
        if self._added:
            segments.append(self._finalize_segment())
        else:
            self._close_segment()
        self._commit_toc(segments)
        self._finish()

    def _enqueue(self) -> None:
        """Whoosh's hand-over of a batch, without blocking for ever on a full job queue
        when the workers that would empty it are dead."""
        docbuffer, self.docbuffer = self.docbuffer, []
        filename = f"{random_name()}.doclist"
        with self.temp_storage().create_file(filename).raw_file() as handle:
            for item in docbuffer:
                pickle.dump(item, handle, 2)
        if len(self.tasks) < self.procs:
            self._new_task()
        while True:
            try:
                self.jobqueue.put((filename, len(docbuffer)), timeout=POLL_SECONDS)
                return
            except queue.Full:
                self._check_workers()

    def _worker_segments(self) -> list[Any]:
        """Each worker's segment; read before joining, so a full pipe cannot deadlock."""
        segments: list[Any] = []
        while len(segments) < len(self.tasks):
            try:
                found = self.resultqueue.get(timeout=POLL_SECONDS)
            except queue.Empty:
                self._check_workers()
                continue
            if isinstance(found, WorkerOSError):
                found.raise_it()
            segments.append(found)
        for task in self.tasks:
            task.join()
        return segments

    def _check_workers(self) -> None:
        """Raise what a dead worker sent back, or that it died."""
        dead = [task for task in self.tasks if task.exitcode not in (None, 0)]
        if not dead:
            return
        try:
            found = self.resultqueue.get(timeout=POLL_SECONDS)
        except queue.Empty:
            found = None
        if isinstance(found, WorkerOSError):
            found.raise_it()
        raise WorkerError(f"a tokenising worker died (exit code {dead[0].exitcode})")

    def cancel(self) -> None:
        try:
            for task in self.tasks:
                task.terminate()
                task.join()
        finally:
            SegmentWriter.cancel(self)
