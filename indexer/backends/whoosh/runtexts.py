"""Checking phrases of bigrams on the run strings stored in each segment's columns.

Documents holding all of a unit's bigrams are candidates; a candidate matches when the unit's run
pattern (:func:`indexer.analysis.runs.run_pattern_bytes`) is found in its run string, at an even
offset. Each segment's run strings lie one after another in its column (each starts and ends
with a separator, each an even number of bytes), read in place from the memory-mapped segment
file. Few candidates are checked one by one; when they make up much of a segment, one pass over
the segment finds every match at C speed (a match never spans two documents: the pattern never
holds two separators in a row, the place where two meet does).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from whoosh.columns import VarBytesColumn
from whoosh.reading import IndexReader

from indexer.analysis.runs import ENCODING, search_aligned
from indexer.backends.whoosh.postings import EMPTY_IDS
from indexer.backends.whoosh.sets import contains

SCAN_SHARE = 0.05
"""Scan a whole segment once its candidates hold this share of its bytes (a scan runs at C
speed; checking a candidate costs a Python call)."""


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

    def matching(self, pattern: re.Pattern[bytes], docs: np.ndarray) -> np.ndarray:
        """The documents of ``docs`` (ascending) whose run string holds ``pattern``."""
        kept: list[np.ndarray] = []
        for segment in self._segments:
            size = len(segment.starts)
            local = docs[(docs >= segment.base) & (docs < segment.base + size)] - segment.base
            if not len(local):
                continue
            wanted = int((segment.ends[local] - segment.starts[local]).sum())
            if wanted >= SCAN_SHARE * len(segment.data):
                local = local[contains(_scan(segment, pattern), local)]
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


def _scan(segment: _Segment, pattern: re.Pattern[bytes]) -> np.ndarray:
    """The local documents whose run string holds ``pattern``: every match in one pass over
    the segment, mapped to documents by offset. A match one byte off is not one, but may hide
    a real match overlapping it: the documents it touches are checked again, one by one."""
    data, starts, ends = segment.data, segment.starts, segment.ends
    found = np.fromiter((match.span() for match in pattern.finditer(data)), np.dtype((np.int64, 2)))
    if not len(found):
        return EMPTY_IDS
    aligned = found[:, 0] % 2 == 0
    docs = np.searchsorted(starts, found[aligned, 0], side="right") - 1
    off = found[~aligned]
    if len(off):
        touched = np.searchsorted(starts, off.ravel(), side="right") - 1
        again = [
            doc
            for doc in np.unique(touched).tolist()
            if search_aligned(pattern, data, int(starts[doc]), int(ends[doc])) is not None
        ]
        docs = np.concatenate([docs, np.array(again, dtype=np.int64)])
    return np.unique(docs)


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
