"""Progress of a reindex: a bar on a terminal, a few plain lines in a log.

A log (cron, CI, ``| tee``) gets a line at every tenth of the work and at least every
:data:`LINE_SECONDS` on a slow run, never one per file.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol, TextIO

from tqdm import tqdm

LINE_SECONDS = 30.0
LINE_STEPS = 10
WRITING = "reindex: all files read, writing the index…"


class Progress(Protocol):
    def start(self, total: int) -> None:
        """``total`` files are about to be read."""

    def advance(self, rejected: bool) -> None:
        """One more file was read (and was ``rejected`` or not)."""

    def writing(self) -> None:
        """Every file is read; the engine now writes the index (the last batches, merging)."""

    def finish(self) -> None:
        """The run is over or stops; release the terminal."""


def progress_for(stream: TextIO) -> Progress:
    """A bar when ``stream`` is a terminal, plain lines otherwise."""
    return BarProgress(stream) if stream.isatty() else LineProgress(stream)


class BarProgress:
    """A tqdm bar with the count of rejected files."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._bar: tqdm | None = None
        self._rejected = 0

    def start(self, total: int) -> None:
        self._bar = tqdm(total=total, unit="file", file=self._stream, dynamic_ncols=True)

    def advance(self, rejected: bool) -> None:
        assert self._bar is not None, "advance() before start()"
        if rejected:
            self._rejected += 1
            self._bar.set_postfix(rejected=self._rejected, refresh=False)
        self._bar.update()

    def writing(self) -> None:
        self.finish()
        print(WRITING, file=self._stream, flush=True)

    def finish(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


class LineProgress:
    """``reindex: 300/1,000 files (30%), 2 rejected, 41.2 files/s`` now and then."""

    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.monotonic) -> None:
        self._stream, self._clock = stream, clock
        self._total = self._done = self._rejected = 0
        self._started = self._last_line = 0.0
        self._next_step = 1

    def start(self, total: int) -> None:
        self._total = total
        self._started = self._last_line = self._clock()

    def advance(self, rejected: bool) -> None:
        self._done += 1
        self._rejected += rejected
        now = self._clock()
        step_reached = self._done * LINE_STEPS >= self._next_step * self._total
        if step_reached or now - self._last_line >= LINE_SECONDS:
            while self._done * LINE_STEPS >= self._next_step * self._total:
                self._next_step += 1
            self._last_line = now
            self._write(now)

    def writing(self) -> None:
        print(WRITING, file=self._stream, flush=True)

    def finish(self) -> None:
        """Nothing to release: the last file's line already said 100%."""

    def _write(self, now: float) -> None:
        elapsed = now - self._started
        rate = f", {self._done / elapsed:.1f} files/s" if elapsed > 0 else ""
        share = f" ({100 * self._done // self._total}%)" if self._total else ""
        print(
            f"reindex: {self._done:,}/{self._total:,} files{share}, "
            f"{self._rejected:,} rejected{rate}",
            file=self._stream,
            flush=True,
        )
