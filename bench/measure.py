"""Measuring tools: peak memory of a process tree, timed HTTP requests, percentiles."""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil

SAMPLE_SECONDS = 0.2
MB = 1_000_000


class TreeMemory:
    """Samples the summed RSS of a process and all its children every 0.2 s, in a thread.

    Used as a context manager around a phase; ``peak`` and ``last`` are in bytes. Worker pools
    count too: a reindex on every core is as heavy as all its processes together.
    """

    def __init__(self, pid: int) -> None:
        self.process = psutil.Process(pid)
        self.peak = 0
        self.last = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def sample(self) -> int:
        """The tree's RSS now (processes that end meanwhile are skipped)."""
        total = 0
        try:
            processes = [self.process, *self.process.children(recursive=True)]
        except psutil.NoSuchProcess:
            return self.last
        for process in processes:
            try:
                total += process.memory_info().rss
            except psutil.NoSuchProcess:
                continue
        self.last = total
        self.peak = max(self.peak, total)
        return total

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_SECONDS):
            self.sample()


def fetch(url: str, timeout: float = 120) -> tuple[int, float]:
    """GET ``url``, reading the whole body: (HTTP status or 0 on failure, seconds)."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except (urllib.error.URLError, OSError):
        status = 0
    return status, time.perf_counter() - started


def wait_for_answer(url: str, started: float, limit: float = 120) -> float:
    """Seconds from ``started`` (a ``perf_counter`` time) until ``url`` first answers 200."""
    while time.perf_counter() - started < limit:
        status, _ = fetch(url, timeout=limit)
        if status == 200:
            return time.perf_counter() - started
        time.sleep(0.02)
    raise TimeoutError(f"no answer from {url} within {limit} s")


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (``share`` from 0 to 100) of ``values``.

    >>> percentile([1.0, 2.0, 3.0, 4.0], 50)
    2.0
    """
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * share // 100))
    return ordered[int(rank) - 1]


def folder_bytes(folder: Path) -> int:
    """Bytes of every file under ``folder``."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
