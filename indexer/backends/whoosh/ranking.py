"""Relevance: BM25F over the matched documents, computed on arrays, and the best page of them.

Whoosh would score document by document and, to be quick, skip blocks by score bounds that its
lossy length encoding gets slightly wrong, so the top documents changed with the number asked for
and pages disagreed. Here every matched document gets its exact score from the postings arrays
(the formula and parameters are Whoosh's ``BM25F``), and ties go to the lower document number.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
from whoosh.reading import IndexReader

from indexer.backends.whoosh.postings import Postings, field_lengths
from indexer.backends.whoosh.query import RankTerm

K1 = 1.2
B = 0.75


class Ranker:
    """Scores documents of one opened index; field lengths are read once."""

    def __init__(self, reader: IndexReader, fields: Iterable[str]) -> None:
        documents = max(1, reader.doc_count_all())
        self._documents = documents
        self._lengths = {field: field_lengths(reader, field) for field in fields}
        self._average = {
            field: (reader.field_length(field) / documents) or 1.0 for field in self._lengths
        }

    def scores(self, terms: Iterable[RankTerm], docs: np.ndarray, postings: Postings) -> np.ndarray:
        """The BM25F score of each of ``docs`` (ascending document numbers) for ``terms``."""
        scores = np.zeros(len(docs), dtype=np.float64)
        for term in terms:
            ids, weights = postings.read(term.field, term.text)
            if not len(ids) or not len(docs):
                continue
            at = np.minimum(np.searchsorted(docs, ids), len(docs) - 1)
            inside = docs[at] == ids
            idf = math.log(self._documents / (len(ids) + 1)) + 1
            tf = weights[inside]
            norm = (1 - B) + B * self._lengths[term.field][ids[inside]] / self._average[term.field]
            scores[at[inside]] += term.boost * idf * tf * (K1 + 1) / (tf + K1 * norm)
        return scores


def best(docs: np.ndarray, scores: np.ndarray, offset: int, size: int) -> list[tuple[int, float]]:
    """(document, score) at ``offset`` to ``offset + size`` by score, ties by document number."""
    stop = min(offset + size, len(docs))
    if offset >= stop:
        return []
    if stop < len(docs):  # every document scoring at least the stop-th best, ties included
        threshold = np.partition(scores, len(scores) - stop)[len(scores) - stop]
        candidates = np.flatnonzero(scores >= threshold)
    else:
        candidates = np.arange(len(docs))
    ordered = candidates[np.argsort(-scores[candidates], kind="stable")][offset:stop]
    return [(int(docs[i]), float(scores[i])) for i in ordered]
