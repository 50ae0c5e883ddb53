"""Measuring the slow tier's runs: the peak memory of a process and its descendants, sampled
(a sample misses peaks shorter than its interval, so the figure is a lower bound)."""

from __future__ import annotations

import threading
from types import TracebackType

import psutil

INTERVAL = 0.05  # seconds between samples


class TreePeak:
    """``with TreePeak(pid) as peak:`` … ``peak.bytes``: the highest sum of resident memory of
    the process and its descendants seen while the block ran."""

    def __init__(self, pid: int) -> None:
        self._root = psutil.Process(pid)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self.bytes = 0

    def __enter__(self) -> TreePeak:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.wait(INTERVAL):
            try:
                tree = [self._root, *self._root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            total = 0
            for process in tree:
                try:
                    total += process.memory_info().rss
                except psutil.NoSuchProcess:
                    continue
            self.bytes = max(self.bytes, total)


def megabytes(count: int) -> str:
    """A byte count for people.

    >>> megabytes(3 * 1024 * 1024)
    '3 MB'
    """
    return f"{count / 1024 / 1024:,.0f} MB"
