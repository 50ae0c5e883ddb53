"""Browse and sort orders without a Python loop over the matches.

Each order (by region, newest, oldest) is computed once per opened index as a rank per document
number; a page of any set of matches is then its documents with the smallest ranks, found with
``np.argpartition`` in time linear in the number of matches.
"""

from __future__ import annotations

import numpy as np

from indexer.backends.whoosh.schema import PUBLISHED, REGION_KEY
from indexer.backends.whoosh.table import Column, Table

BROWSE = "region"
"""The order of a browse (a query without words to rank by): region, then newest first."""


def order_ranks(table: Table) -> dict[str, np.ndarray]:
    """Per sort id, the rank of every document number: region (then newest), newest, oldest.

    Unknown years come last either way; ties keep the order documents were added in, which
    keeps a report's sections together and in order.
    """
    region = table.columns[REGION_KEY].codes
    published = table.columns[PUBLISHED].codes
    year = table.columns["year"]
    ascending, descending = _year_keys(year)
    docnums = np.arange(len(region))
    keys = {
        "region": (region, descending, -published),
        "newest": (descending, -published, region),
        "oldest": (ascending, published, region),
    }
    ranks: dict[str, np.ndarray] = {}
    for sort, primary_first in keys.items():
        order = np.lexsort((docnums, *reversed(primary_first)))
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        ranks[sort] = rank
    return ranks


def page_in_order(rank: np.ndarray, docs: np.ndarray, offset: int, size: int) -> np.ndarray:
    """The document numbers at ``offset`` to ``offset + size`` of ``docs`` sorted by ``rank``."""
    stop = min(offset + size, len(docs))
    if offset >= stop:
        return docs[:0]
    keys = rank[docs]
    nearest = np.argpartition(keys, stop - 1)[:stop] if stop < len(docs) else np.arange(stop)
    ordered = nearest[np.argsort(keys[nearest], kind="stable")]
    return docs[ordered[offset:stop]]


def _year_keys(year: Column) -> tuple[np.ndarray, np.ndarray]:
    """Sort keys for years ascending and descending, unknown years last in both."""
    known = np.fromiter((value.isdigit() for value in year.values), bool, len(year.values))
    codes = year.codes
    last = len(year.values)
    ascending = np.where(known[codes], codes, last)
    descending = np.where(known[codes], -codes, last)
    return ascending, descending
