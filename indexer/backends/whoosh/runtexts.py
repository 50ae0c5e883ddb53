"""Checking phrases of bigrams on the run strings stored in each segment's columns.

Documents holding all of a unit's bigrams are candidates; a candidate matches when the unit's
stored run string (:func:`indexer.analysis.runs.run_needle`) stands in its own, at a whole
code unit (an even byte offset), with the separators its boundary rules ask for. Each segment's
run strings lie one after another in its column (each starts and ends with a separator, each an
even number of bytes), read in place from the memory-mapped segment file. Few candidates are
checked one by one with a regular expression; when they make up much of a segment, the whole
segment is scanned at once as an array of UTF-16 code units: every place holding the needle's
first unit, narrowed by each next unit, mapped to documents by offset. A match never spans two
documents (a needle never holds two separators in a row, the place where two meet does). A
common phrase has hundreds of thousands of matches at the large bench scale; the array scan
costs no Python step per match, which iterating over regular-expression matches did.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from whoosh.columns import VarBytesColumn
from whoosh.reading import IndexReader

from indexer.analysis.runs import (
    ENCODING,
    SEPARATOR,
    Needle,
    run_needle,
    run_pattern_bytes,
    search_aligned,
)
from indexer.backends.whoosh.postings import EMPTY_IDS
from indexer.backends.whoosh.sets import contains

SCAN_SHARE = 0.05
"""Scan a whole segment once its candidates hold this share of its bytes (a scan runs at C
speed; checking a candidate costs a Python call)."""
CHUNK = 1 << 22
"""Code units compared at a time in a scan."""
_UNITS = np.dtype("<u2")
_SEPARATOR = ord(SEPARATOR)


@dataclass(frozen=True)
class _Segment:
    base: int
    data: memoryview | bytes
    starts: np.ndarray  # per local document number, its run string's offset in ``data``
    ends: np.ndarray


class RunTexts:
    """The run strings of one column over every segment of an opened index."""

    def __init__(self, reader: IndexReader, column: str) -> None:
        leaves = [(leaf, base) for leaf, base in reader.leaf_readers() if leaf.doc_count_all()]
        self._segments = [_segment(leaf, base, column) for leaf, base in leaves]

    def matching(self, unit: str, docs: np.ndarray) -> np.ndarray:
        """The documents of ``docs`` (ascending) whose run string holds the runs of ``unit``."""
        needle = run_needle(unit)
        if needle is None:
            return EMPTY_IDS
        pattern = run_pattern_bytes(unit)
        kept: list[np.ndarray] = []
        for segment in self._segments:
            size = len(segment.starts)
            local = docs[(docs >= segment.base) & (docs < segment.base + size)] - segment.base
            if not len(local):
                continue
            wanted = int((segment.ends[local] - segment.starts[local]).sum())
            if wanted >= SCAN_SHARE * len(segment.data):
                local = local[contains(_scan(segment, needle), local)]
            else:
                spans = zip(
                    segment.starts[local].tolist(), segment.ends[local].tolist(), strict=True
                )
                held = [search_aligned(pattern, segment.data, *span) is not None for span in spans]
                local = local[np.array(held, dtype=bool)]
            kept.append(local + segment.base)
        return np.concatenate(kept) if kept else EMPTY_IDS

    def text(self, docnum: int) -> str:
        """One document's run string (for tests and debugging)."""
        for segment in self._segments:
            if segment.base <= docnum < segment.base + len(segment.starts):
                local = docnum - segment.base
                raw = segment.data[segment.starts[local] : segment.ends[local]]
                return bytes(raw).decode(ENCODING)
        raise IndexError(docnum)


def _scan(segment: _Segment, needle: Needle) -> np.ndarray:
    """The local documents whose run string holds ``needle``, found in one pass over the
    segment's code units, :data:`CHUNK` at a time (the comparison's mask stays small)."""
    codes = np.frombuffer(segment.data, dtype=_UNITS)
    units = np.frombuffer(needle.inner, dtype=_UNITS)
    width = len(units)
    stop = len(codes) - width  # the last code unit is a separator: no match starts past here
    found: list[np.ndarray] = []
    for begin in range(0, max(stop, 0), CHUNK):
        hits = np.flatnonzero(codes[begin : min(begin + CHUNK, stop)] == units[0]) + begin
        for offset in range(1, width):
            hits = hits[codes[hits + offset] == units[offset]]
        found.append(hits)
    hits = np.concatenate(found) if found else EMPTY_IDS
    if needle.before:
        hits = hits[codes[hits - 1] == _SEPARATOR]
    if needle.after:
        hits = hits[codes[hits + width] == _SEPARATOR]
    return np.unique(np.searchsorted(segment.starts, hits * 2, side="right") - 1)  # bytes


def _segment(leaf: IndexReader, base: int, column: str) -> _Segment:
    reader = leaf.column_reader(column, translate=False)
    if not isinstance(reader, VarBytesColumn.Reader):
        raise TypeError(f"column {column} is {type(reader).__name__}, not VarBytesColumn")
    lengths = np.asarray(reader._lengths, dtype=np.int64)
    starts = np.zeros(len(lengths), dtype=np.int64)
    np.cumsum(lengths[:-1], out=starts[1:])
    total = int(lengths.sum())
    dbfile = reader._dbfile
    view = getattr(dbfile, "view", None)
    data = view(reader._basepos, total) if view else dbfile.get(reader._basepos, total)
    return _Segment(base, data, starts, starts + lengths)
