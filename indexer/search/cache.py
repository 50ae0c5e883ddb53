"""A small least-recently-used cache bounded by bytes, shared by the threads of one server.

Real use repeats: a user pages through results and drills down by region, year and section
type, and every one of those requests needs the same matches and the same postings. An engine
keeps them per opened generation (a new generation starts empty, so nothing stale is served).
Values are numpy arrays or tuples of them; their size is what they hold.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

import numpy as np

V = TypeVar("V")


class ArrayCache(Generic[V]):
    """Values by key, the least recently used dropped beyond ``budget`` bytes (0: keep none).

    >>> cache = ArrayCache(budget=100)
    >>> cache.get("a", lambda: np.zeros(10)).nbytes, cache.size
    (80, 80)
    >>> _ = cache.get("b", lambda: np.zeros(5)); cache.size  # "a" made room for "b"
    40
    >>> cache.get("a", lambda: np.ones(1)).tolist()  # computed again: it was dropped
    [1.0]
    """

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.size = 0
        self._values: OrderedDict[Hashable, tuple[V, int]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], V]) -> V:
        """The value under ``key``, computed (outside the lock) when it is not kept."""
        with self._lock:
            kept = self._values.get(key)
            if kept is not None:
                self._values.move_to_end(key)
                return kept[0]
        value = compute()
        size = _nbytes(value)
        if size > self.budget:
            return value
        with self._lock:
            if key not in self._values:
                self._values[key] = (value, size)
                self.size += size
            while self.size > self.budget:
                _, (_, dropped) = self._values.popitem(last=False)
                self.size -= dropped
        return value


def _nbytes(value: object) -> int:
    if isinstance(value, np.ndarray):
        return value.nbytes
    if isinstance(value, tuple):
        return sum(_nbytes(item) for item in value)
    raise TypeError(f"ArrayCache holds numpy arrays and tuples of them, not {type(value)}")
