"""Whoosh readers for concurrent requests: one per request in flight, never shared.

A Whoosh reader keeps a file position per open file, so two threads reading postings through
one reader corrupt each other's reads: requests used to take turns on a single reader. Segment
files are memory-mapped and read in place (:mod:`indexer.backends.whoosh.mapped`), so another
reader of the same generation costs little memory; the pool opens one when every open reader is
busy, up to ``size``, and a request beyond that waits for one to come back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

R = TypeVar("R")


class ReaderPool(Generic[R]):
    """Readers made by ``open_reader`` (at most ``size``), lent one request at a time."""

    def __init__(
        self, open_reader: Callable[[], R], close_reader: Callable[[R], None], size: int
    ) -> None:
        self._open = open_reader
        self._close = close_reader
        self._size = size
        self.first: R = open_reader()
        """The reader opened first (to read, at start, what every reader shares)."""
        self._all: list[R] = [self.first]
        self._idle: list[R] = [self.first]
        self._opened = 1
        self._available = threading.Condition()

    @contextmanager
    def reader(self) -> Iterator[R]:
        """A reader nobody else uses until the block ends."""
        with self._available:
            while not self._idle and self._opened >= self._size:
                self._available.wait()
            lent = self._idle.pop() if self._idle else None
            if lent is None:
                self._opened += 1
        if lent is None:
            lent = self._open_one()
        try:
            yield lent
        finally:
            with self._available:
                self._idle.append(lent)
                self._available.notify()

    def close(self) -> None:
        """Close every reader (call when no request uses the pool any more)."""
        with self._available:
            for opened in self._all:
                self._close(opened)
            self._all, self._idle = [], []

    def _open_one(self) -> R:
        try:
            opened = self._open()
        except BaseException:
            with self._available:
                self._opened -= 1
                self._available.notify()
            raise
        with self._available:
            self._all.append(opened)
        return opened
