"""Whoosh's stored postings and field lengths read into numpy arrays.

Matching and ranking work on whole arrays (see :mod:`~indexer.backends.whoosh.matching` and
:mod:`~indexer.backends.whoosh.ranking`). Segments written with the
:class:`~indexer.backends.whoosh.codec.PackedCodec` give a term's postings as arrays at once;
any other matcher is read through Whoosh's public interface, one posting at a time; both ways
give the same arrays (tested).
"""

from __future__ import annotations

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import IndexReader, TermNotFound
from whoosh.util.numeric import byte_to_length

from indexer.backends.whoosh.codec import PackedMatcher
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
    if isinstance(matcher, PackedMatcher):
        return matcher.ids + base, matcher.weights
    ids, weights = posting_by_posting(matcher)
    return ids + base, weights


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
