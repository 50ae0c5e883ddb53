"""The statistics of every report in the served index, for the figures page and command.

Apart from :mod:`.grid` (pure functions of records) because it opens the served generation's
docstore and speaks the search service's errors, so a missing index reads the same everywhere.
A generation never changes once served (a reindex writes a new one), so its records are read
once and kept while it is among the last few asked for.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from indexer.docstore import DOCSTORE_NAME, DocStore
from indexer.reindex.layout import current_generation
from indexer.search import messages
from indexer.search.service import NoIndexError
from indexer.search.types import IndexFormatError
from indexer.statistics.grid import Record, records

GENERATIONS_KEPT = 2
"""Generations whose records stay in memory: the served one and the one before it."""


def served_records(index_root: Path) -> list[Record]:
    """Every report of the served index that has statistics; :class:`NoIndexError` when there
    is no index, or one in an older layout."""
    generation = current_generation(index_root)
    if generation is None:
        raise NoIndexError(messages.NO_INDEX.format(folder=index_root))
    return list(_records_of(generation))


@lru_cache(maxsize=GENERATIONS_KEPT)
def _records_of(generation: Path) -> tuple[Record, ...]:
    try:
        with DocStore.open(generation / DOCSTORE_NAME, readonly=True) as store:
            return tuple(records(store.statistics()))
    except IndexFormatError as exc:
        raise NoIndexError(messages.OLD_INDEX.format(folder=generation)) from exc
