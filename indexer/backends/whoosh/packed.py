"""A term's postings as one packed record: document-number gaps and counts as narrow integers.

Whoosh 3 stores a term's postings in blocks of 128, each a pickled tuple of Python integers, and
its writer and matchers handle them one posting at a time. gongkai reads and writes whole terms
as arrays (matching and ranking are array operations), so a record here holds the whole list:
a header, then the gaps between ascending document numbers in the narrowest unsigned type that
holds the largest (one byte for a common term), then the counts likewise (nothing when every
count is 1), the two compressed together with zlib when the list is long enough to gain. Reading
a common bigram (a third of a corpus's sections) is one decompression and one cumulative sum
instead of thousands of unpicklings; the records are also less than half Whoosh's size.

>>> ids, counts = np.array([3, 4, 9, 300]), np.array([1.0, 2.0, 1.0, 1.0])
>>> record = pack(ids, counts)
>>> [a.tolist() for a in unpack(record)]
[[3, 4, 9, 300], [1.0, 2.0, 1.0, 1.0]]
>>> len(record)  # 11 bytes of header, 4 two-byte gaps, 4 one-byte counts
23
"""

from __future__ import annotations

import struct
import zlib

import numpy as np

MAGIC = b"GKP1"
_HEADER = struct.Struct("<4sIBBB")  # magic, number of postings, gap width, count kind, zlib
_WIDTHS = {1: np.dtype("<u1"), 2: np.dtype("<u2"), 4: np.dtype("<u4")}
_FLOATS = 8  # count kind: float32 weights (a field whose weights are not whole numbers)
_FLOAT = np.dtype("<f4")
COMPRESS_FROM = 24
"""Shorter lists are stored as they are: zlib's own header would eat what it saves."""
LEVEL = 6


class PackedPostingsError(ValueError):
    """A record that is not packed postings, or postings that cannot be packed."""


def pack(ids: np.ndarray, weights: np.ndarray) -> bytes:
    """One record of strictly ascending document numbers ``ids`` and their ``weights``."""
    count = len(ids)
    if count == 0 or len(weights) != count:
        raise PackedPostingsError(f"{count} documents with {len(weights)} weights")
    gaps = np.diff(np.asarray(ids, dtype=np.int64), prepend=0)
    if gaps[0] < 0 or (gaps[1:] <= 0).any():
        at = int(np.flatnonzero(np.concatenate(([gaps[0] < 0], gaps[1:] <= 0)))[0])
        near = ids[max(at - 2, 0) : at + 2].tolist()
        raise PackedPostingsError(
            f"document numbers are not strictly ascending from 0: {near} at {at} of {count}"
        )
    gap_width = _width(int(gaps.max()))
    body = [gaps.astype(_WIDTHS[gap_width]).tobytes()]
    weights = np.asarray(weights, dtype=np.float64)
    if (weights == 1).all():
        kind = 0
    elif (weights == np.round(weights)).all() and weights.min() >= 0:
        kind = _width(int(weights.max()))
        body.append(weights.astype(_WIDTHS[kind]).tobytes())
    else:
        kind = _FLOATS
        body.append(weights.astype(_FLOAT).tobytes())
    data = b"".join(body)
    compressed = count >= COMPRESS_FROM
    if compressed:
        data = zlib.compress(data, LEVEL)
    return _HEADER.pack(MAGIC, count, gap_width, kind, compressed) + data


def unpack(record: bytes | memoryview) -> tuple[np.ndarray, np.ndarray]:
    """The document numbers (int64, ascending) and weights (float64) of a record."""
    try:
        magic, count, gap_width, kind, compressed = _HEADER.unpack_from(record)
    except struct.error as exc:
        raise PackedPostingsError(f"a record of {len(record)} bytes is too short") from exc
    if magic != MAGIC or gap_width not in _WIDTHS or kind not in (0, _FLOATS, *_WIDTHS):
        raise PackedPostingsError("not a packed postings record")
    body = memoryview(record)[_HEADER.size :]
    data = zlib.decompress(body) if compressed else body
    gaps = np.frombuffer(data, dtype=_WIDTHS[gap_width], count=count)
    ids = np.cumsum(gaps, dtype=np.int64)
    if kind == 0:
        return ids, np.ones(count, dtype=np.float64)
    dtype = _FLOAT if kind == _FLOATS else _WIDTHS[kind]
    weights = np.frombuffer(data, dtype=dtype, count=count, offset=gap_width * count)
    return ids, weights.astype(np.float64)


def _width(largest: int) -> int:
    """The bytes of the narrowest unsigned type holding ``largest``.

    >>> [_width(n) for n in (0, 255, 256, 65536)]
    [1, 1, 2, 4]
    """
    return 1 if largest < 1 << 8 else 2 if largest < 1 << 16 else 4
