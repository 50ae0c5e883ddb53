"""The statistics of every report in the served index, for the figures page and command.

Apart from :mod:`.grid` (pure functions of records) because it opens the served generation's
docstore and speaks the search service's errors, so a missing index reads the same everywhere.
"""

from __future__ import annotations

from pathlib import Path

from indexer.docstore import DOCSTORE_NAME, DocStore
from indexer.reindex.layout import current_generation
from indexer.search import messages
from indexer.search.service import NoIndexError
from indexer.search.types import IndexFormatError
from indexer.statistics.grid import Record, records


def served_records(index_root: Path) -> list[Record]:
    """Every report of the served index that has statistics; :class:`NoIndexError` when there
    is no index, or one in an older layout."""
    generation = current_generation(index_root)
    if generation is None:
        raise NoIndexError(messages.NO_INDEX.format(folder=index_root))
    try:
        with DocStore.open(generation / DOCSTORE_NAME, readonly=True) as store:
            return records(store.statistics())
    except IndexFormatError as exc:
        raise NoIndexError(messages.OLD_INDEX.format(folder=generation)) from exc
