"""The postings a segment writer gathers before writing them, held compactly.

Whoosh's ``PostingPool`` keeps one Python tuple per posting (about 170 bytes), sorts them, and
beyond its memory limit writes sorted runs to temporary files one tuple at a time and merges
them back one tuple at a time: on the bench corpus that spilling and merging was two fifths of
indexing. :class:`CompactPool` keeps, per term, an array of document numbers and one of weights
(8 bytes a posting). Documents are added in ascending order, so a term's postings are already
in order; past the memory limit the arrays go to a run file as they are, and since each run
holds later documents than the one before, merging is concatenating each term's runs in turn.
Every indexed field here stores no posting values (counts only, or existence), which the pool
checks.
"""

from __future__ import annotations

import heapq
import marshal
import mmap
import uuid
from array import array
from collections.abc import Iterator, Sequence
from itertools import groupby
from pathlib import Path
from typing import Any

import numpy as np
from whoosh.writing import SegmentWriter

from indexer.backends.whoosh.codec import PackedCodec, TermArrays

Key = tuple[str, bytes]
Posting = tuple[str, bytes, int, float, bytes]

BYTES_PER_POSTING = 12
"""What a posting costs in memory here, arrays and their share of the term table."""


class CompactPool:
    """What Whoosh's ``PostingPool`` does (``add``, ``cleanup``), handing postings over by term
    (:meth:`iter_terms`)."""

    def __init__(self, tempstore: Any, limitmb: int) -> None:
        self._tempstore = tempstore
        self._limit = limitmb * 1024 * 1024 // BYTES_PER_POSTING
        self._docs: dict[Key, array] = {}
        self._weights: dict[Key, array] = {}
        self._count = 0
        self._runs: list[str] = []
        self.fieldnames: set[str] = set()

    def add(self, item: Posting) -> None:
        fieldname, text, docnum, weight, value = item
        if value:
            raise ValueError(f"field {fieldname} stores posting values; CompactPool keeps none")
        key = (fieldname, text)
        docs = self._docs.get(key)
        if docs is None:
            docs = self._docs[key] = array("i")
            self._weights[key] = array("f")
            self.fieldnames.add(fieldname)
        elif docs[-1] > docnum:
            raise ValueError(f"documents added out of order ({docs[-1]} then {docnum})")
        docs.append(docnum)
        self._weights[key].append(weight)
        self._count += 1
        if self._count >= self._limit:
            self._save()

    def iter_terms(self) -> Iterator[TermArrays]:
        """Every term, by field and term, with all its document numbers and weights. Runs are
        read in place (mapped), one term at a time; a term's runs come in the order they were
        written, so joining them keeps its documents in order."""
        current = ((key, self._docs[key], self._weights[key]) for key in sorted(self._docs))
        sources = [_run_terms(self._path(name)) for name in self._runs] + [current]
        for (fieldname, text), parts in groupby(heapq.merge(*sources, key=_first), key=_first):
            docs, weights = zip(*((d, w) for _, d, w in parts), strict=True)
            yield (
                fieldname,
                text,
                np.concatenate([np.frombuffer(d, dtype=np.int32) for d in docs]).astype(np.int64),
                np.concatenate([np.frombuffer(w, dtype=np.float32) for w in weights]),
            )

    def cleanup(self) -> None:
        for name in self._runs:
            self._path(name).unlink(missing_ok=True)
        self._runs = []

    def _path(self, name: str) -> Path:
        return Path(self._tempstore.folder) / name

    def _save(self) -> None:
        """Write the arrays gathered so far, by term, to a run file and start again."""
        name = f"compact-{uuid.uuid4().hex}.run"  # the tempstore is shared by every writer
        keys = sorted(self._docs)
        header = marshal.dumps((keys, [len(self._docs[key]) for key in keys]))
        with self._path(name).open("wb") as handle:
            handle.write(len(header).to_bytes(8, "little"))
            handle.write(header)
            for key in keys:
                self._docs[key].tofile(handle)
            for key in keys:
                self._weights[key].tofile(handle)
        self._runs.append(name)
        self._docs, self._weights, self._count = {}, {}, 0


def _first(item: tuple[Key, Sequence[int], Sequence[float]]) -> Key:
    return item[0]


def _run_terms(path: Path) -> Iterator[tuple[Key, array, array]]:
    """A run file's terms in order, each with its document numbers and weights (read from
    the mapped file one term at a time)."""
    with path.open("rb") as handle:
        mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    with mapped:
        size = int.from_bytes(mapped[:8], "little")
        keys, counts = marshal.loads(mapped[8 : 8 + size])
        docs_at = 8 + size
        weights_at = docs_at + 4 * sum(counts)
        for key, count in zip(keys, counts, strict=True):
            docs, weights = array("i"), array("f")
            docs.frombytes(mapped[docs_at : docs_at + 4 * count])
            weights.frombytes(mapped[weights_at : weights_at + 4 * count])
            yield key, docs, weights
            docs_at += 4 * count
            weights_at += 4 * count


class CompactSegmentWriter(SegmentWriter):
    """Whoosh's segment writer gathering its postings in a :class:`CompactPool` and handing
    them to the :class:`PackedCodec`'s field writer a whole term at a time."""

    def __init__(self, ix: Any, limitmb: int = 128, **kwargs: Any) -> None:
        kwargs.setdefault("codec", PackedCodec())
        if not isinstance(kwargs["codec"], PackedCodec):
            raise TypeError("CompactSegmentWriter writes with the PackedCodec")
        super().__init__(ix, limitmb=limitmb, **kwargs)
        self.pool = CompactPool(self._tempstorage, limitmb)

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        self.fieldwriter.add_terms(self.schema, self.pool.iter_terms())
        self.fieldwriter.close()
