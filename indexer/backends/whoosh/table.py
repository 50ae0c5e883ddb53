"""Per-document facet and sort codes as numpy arrays, read once per opened index.

Counting facets over every match and sorting every match by region or year must not loop in
Python over the matches: each column field becomes an array holding, for every document number,
the index of its value in a sorted list of values, so a count is one ``np.bincount`` and a sort
one ``np.lexsort``. Whoosh's reference columns already store exactly that per segment (a list of
unique values and one small reference per document); their bytes are read as an array directly,
with the plain column iterator as the fallback for any other column layout.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from whoosh.columns import RefBytesColumn
from whoosh.reading import IndexReader

from indexer.backends.whoosh.schema import COLUMN_FIELDS, UNKNOWN

PARENT_COLUMNS: dict[str, tuple[str, ...]] = {
    "prefecture": ("province",),
    "county": ("prefecture", "province"),
}
"""Where a region value lies, read from the same section: the first of these columns that is
known (a county of a province without prefectures lies in the province)."""


@dataclass(frozen=True)
class Column:
    """A field's values (sorted) and, per document number, the index of its value."""

    values: tuple[str, ...]
    codes: np.ndarray

    def allowing(self, accept: Callable[[str], bool]) -> np.ndarray:
        """A boolean per value: whether ``accept`` takes it (index it with codes)."""
        return np.fromiter((accept(value) for value in self.values), bool, len(self.values))


@dataclass(frozen=True)
class Placed:
    """A region column by place: its distinct (parent, value) pairs and, per document number,
    the index of its pair. Unknown values have no parent, so they stay one value."""

    pairs: tuple[tuple[str | None, str], ...]
    codes: np.ndarray


@dataclass(frozen=True)
class Table:
    """The live document numbers (ascending, and as a mask over all document numbers), one
    :class:`Column` per column field, and the region columns of :data:`PARENT_COLUMNS` by
    place."""

    live: np.ndarray
    live_mask: np.ndarray
    columns: dict[str, Column]
    placed: dict[str, Placed]


def read_table(reader: IndexReader) -> Table:
    """Build the table of an index reader (all its segments)."""
    size = reader.doc_count_all()
    mask = np.ones(size, dtype=bool)
    for leaf, base in reader.leaf_readers():
        deleted = np.fromiter(leaf.deleted_docs_set, dtype=np.int64) if leaf.has_deletions() else ()
        mask[np.asarray(deleted, dtype=np.int64) + base] = False
    live = np.flatnonzero(mask)
    columns = {field: _column(reader, field, size) for field in COLUMN_FIELDS}
    placed = {field: place(columns, field, parents) for field, parents in PARENT_COLUMNS.items()}
    return Table(live, mask, columns, placed)


def place(columns: dict[str, Column], field: str, parents: tuple[str, ...]) -> Placed:
    """Pair every document's ``field`` value with its parent: the first known of ``parents``."""
    column = columns[field]
    width = max(len(column.values), 1)
    names: list[str | None] = [None]
    parent = np.zeros(len(column.codes), dtype=np.int64)  # 0: no parent
    for name in reversed(parents):  # the first known parent is written last
        above = columns[name]
        known = np.array([value != UNKNOWN for value in above.values], dtype=bool)
        chosen = known[above.codes]
        parent[chosen] = above.codes[chosen] + len(names)
        names.extend(above.values)
    unknown = np.array([value == UNKNOWN for value in column.values], dtype=bool)
    parent[unknown[column.codes]] = 0
    keys, codes = np.unique(parent * width + column.codes, return_inverse=True)
    found = [(names[key // width], column.values[key % width]) for key in keys.tolist()]
    pairs = tuple(dict.fromkeys(found))  # one name may be a province and a prefecture
    index = {pair: i for i, pair in enumerate(pairs)}
    remap = np.array([index[pair] for pair in found], dtype=np.int64)
    return Placed(pairs, remap[codes.reshape(-1)])


def _column(reader: IndexReader, field: str, size: int) -> Column:
    parts: list[tuple[int, list[bytes], np.ndarray]] = []
    for leaf, offset in reader.leaf_readers():
        uniques, refs = segment_refs(leaf, field)
        parts.append((offset, uniques, refs))
    values = sorted({value for _, uniques, _ in parts for value in uniques})
    position = {value: i for i, value in enumerate(values)}
    codes = np.zeros(size, dtype=np.int32)
    for offset, uniques, refs in parts:
        mapping = np.array([position[value] for value in uniques], dtype=np.int32)
        codes[offset : offset + len(refs)] = mapping[refs] if len(refs) else refs
    return Column(tuple(value.decode("utf-8") for value in values), codes)


def segment_refs(leaf: IndexReader, field: str) -> tuple[list[bytes], np.ndarray]:
    """One segment's column as (unique values, per-document index into them)."""
    count = leaf.doc_count_all()
    if count == 0:  # an empty index has no columns at all
        return [], np.zeros(0, dtype=np.int64)
    column = leaf.column_reader(field, translate=False)
    if isinstance(column, RefBytesColumn.Reader):
        width = column._itemsize
        raw = column._dbfile.get(column._basepos, count * width)
        dtype = np.uint8 if width == 1 else np.dtype(">u2")
        return list(column._uniques), np.frombuffer(raw, dtype=dtype).astype(np.int64)
    return iterated_refs(column, count)


def iterated_refs(column: object, count: int) -> tuple[list[bytes], np.ndarray]:
    """The slow, layout-free way: iterate the column (the fallback, and the test oracle)."""
    uniques: dict[bytes, int] = {}
    refs = np.fromiter(
        (uniques.setdefault(value, len(uniques)) for value in column), dtype=np.int64, count=count
    )
    return list(uniques), refs
