"""Whoosh's stored postings and field lengths read into numpy arrays.

Matching and ranking work on whole arrays (see :mod:`~indexer.backends.whoosh.matching` and
:mod:`~indexer.backends.whoosh.ranking`), so a term's postings are read block by block: Whoosh's
own segment format stores each block of up to 128 postings as a tuple of id deltas and a tuple of
weights, which become arrays without a Python step per posting. Any other layout falls back to
Whoosh's public matcher interface, one posting at a time; both ways give the same arrays (tested).
"""

from __future__ import annotations

import io
import pickle
import zlib

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, WHOOSH3_HEADER_MAGIC, W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import IndexReader, TermNotFound
from whoosh.util.numeric import byte_to_length

from indexer.search.cache import ArrayCache

EMPTY_IDS = np.zeros(0, dtype=np.int64)
_EMPTY_WEIGHTS = np.zeros(0, dtype=np.float64)
_LENGTHS = np.array([byte_to_length(byte) for byte in range(256)], dtype=np.float64)


class Postings:
    """The postings of an index's segments, each term read once (make one per request, with
    the segments of the reader it holds); ``shared`` keeps terms for later requests too."""

    def __init__(
        self,
        leaves: list[tuple[IndexReader, int]],
        live: np.ndarray,
        shared: ArrayCache[tuple[np.ndarray, np.ndarray]] | None = None,
    ) -> None:
        self._leaves = leaves
        self._live = live  # a boolean per document number
        self._shared = shared if shared is not None else ArrayCache(0)
        self._read: dict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = {}

    def ids(self, field: str, text: str) -> np.ndarray:
        """The live documents holding the term, ascending."""
        return self.read(field, text)[0]

    def read(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """The live documents holding the term (ascending) and the term's weight in each."""
        key = (field, text)
        if key not in self._read:
            self._read[key] = self._shared.get(key, lambda: self._from_segments(field, text))
        return self._read[key]

    def _from_segments(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        parts = [_leaf_postings(leaf, field, text, base) for leaf, base in self._leaves]
        ids = np.concatenate([ids for ids, _ in parts]) if parts else EMPTY_IDS
        weights = np.concatenate([w for _, w in parts]) if parts else _EMPTY_WEIGHTS
        keep = self._live[ids]
        return ids[keep], weights[keep]


def _leaf_postings(
    leaf: IndexReader, field: str, text: str, base: int
) -> tuple[np.ndarray, np.ndarray]:
    try:
        matcher = leaf.postings(field, text)
    except TermNotFound:
        return EMPTY_IDS, _EMPTY_WEIGHTS
    if isinstance(matcher, FilterMatcher):  # the segment's deletions: the live mask drops them
        matcher = matcher.child
    ids, weights = block_postings(matcher) if _is_w3(matcher) else posting_by_posting(matcher)
    return ids + base, weights


def _is_w3(matcher: object) -> bool:
    return type(matcher) is W3LeafMatcher and not matcher._byteids


def block_postings(matcher: W3LeafMatcher) -> tuple[np.ndarray, np.ndarray]:
    """A fresh Whoosh 3 leaf matcher's postings, read block by block from the term's bytes.

    Whoosh 3 writes a term's postings as its header tag, then blocks of: a big-endian int (the
    block's length, negative for the last), a pickled info tuple (its fourth item says whether
    the data is compressed), and the pickled ``(id deltas, weights, values)`` data. Reading them
    here, from one copy of the term's bytes, skips the matcher's per-block file seeks and reads
    (most of a common term's cost); ids are summed for all blocks at once.
    """
    length = matcher._length  # a term info read from disk gives it as a 1-tuple
    size = length[0] if isinstance(length, tuple) else length
    raw = io.BytesIO(matcher._postfile.get(matcher._startoffset, size))
    if raw.read(4) != WHOOSH3_HEADER_MAGIC:
        raise ValueError("not Whoosh 3 postings")
    deltas: list[int] = []
    weights: list[float] = []
    sizes: list[int] = []
    while True:
        at = raw.tell()
        length = int.from_bytes(raw.read(4), "big", signed=True)
        info = pickle.load(raw)
        end = at + 4 + abs(length)
        data = raw.getbuffer()[raw.tell() : end]
        block_ids, block_weights, _ = pickle.loads(zlib.decompress(data) if info[3] else data)
        del data  # the buffer must be released before the stream moves on
        deltas.extend(block_ids)
        sizes.append(len(block_ids))
        if block_weights is None or isinstance(block_weights, float):
            weights.extend([1.0 if block_weights is None else block_weights] * len(block_ids))
        else:
            weights.extend(block_weights)
        if length < 0:
            break
        raw.seek(end)
    if not deltas:
        return EMPTY_IDS, _EMPTY_WEIGHTS
    summed = np.cumsum(np.array(deltas, dtype=np.int64))
    firsts = np.cumsum([0, *sizes[:-1]])
    before = np.concatenate(([0], summed[firsts[1:] - 1]))  # each block's deltas restart at 0
    return summed - np.repeat(before, sizes), np.array(weights, dtype=np.float64)


def posting_by_posting(matcher: object) -> tuple[np.ndarray, np.ndarray]:
    """Any matcher's postings through the public interface (the fallback and the test oracle)."""
    ids: list[int] = []
    weights: list[float] = []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return np.array(ids, dtype=np.int64), np.array(weights, dtype=np.float64)


def field_lengths(reader: IndexReader, field: str) -> np.ndarray:
    """Every document's length in ``field`` (in terms, as Whoosh stores it: to two digits)."""
    lengths = np.zeros(reader.doc_count_all(), dtype=np.float64)
    for leaf, base in reader.leaf_readers():
        count = leaf.doc_count_all()
        perdoc = getattr(leaf, "_perdoc", None)
        name = f"_{field}_len"
        if perdoc is not None and hasattr(perdoc, "has_column") and perdoc.has_column(name):
            column = perdoc.column_reader(name, LENGTHS_COLUMN)
            raw = column._dbfile.get(column._basepos, column._count)
            lengths[base : base + column._count] = _LENGTHS[np.frombuffer(raw, dtype=np.uint8)]
        elif count:
            lengths[base : base + count] = [leaf.doc_field_length(d, field) for d in range(count)]
    return lengths
