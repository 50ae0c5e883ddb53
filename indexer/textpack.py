"""How the document store compresses report texts: zlib, primed with a dictionary of the corpus.

Reports of one corpus repeat each other: the template's headings and table labels, the stock
phrases of the genre, the issuer's own name on every page. zlib sees one report at a time and
learns none of it; given a preset dictionary (up to its 32 KB window) of what reports share, it
refers back to the dictionary from the first line. :func:`train` builds that dictionary from the
first reports a store receives (the store keeps it, so a generation copied for an incremental
reindex reuses it): the 16-character pieces of their lines that recur most, the commonest last,
where zlib's back-references are shortest. On the bench corpus it saves a quarter of the texts'
bytes; its recombined sentences flatter it, real reports share less, but every 2019+ report
repeats the same tables.

>>> shared = "二、主动公开政府信息情况\\n" * 3
>>> primer = train([shared + "甲", shared + "乙", shared + "丙", shared + "丁"])
>>> unpack(pack(shared + "戊", primer), primer) == shared + "戊"
True
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterable

import numpy as np

LEVEL = 6
PIECE = 16
"""Characters per dictionary piece (lines are cut into pieces at these steps)."""
DICTIONARY_BYTES = 32 * 1024
"""zlib's window: a longer dictionary's start is out of reach."""
MIN_REPEATS = 3
"""A piece enters the dictionary only when it recurs this often among the training texts."""

_FDICT = 0x20
"""Bit of a zlib stream's second byte saying a preset dictionary was used."""
_CHANGES = b"\x00"
"""First byte of a twin stored as its changes (a zlib stream never starts with it)."""
_FEW_CHANGES = 0.125
"""Store a twin as its changes when at most this share of its characters differ."""


def train(texts: Iterable[str]) -> bytes:
    """A preset dictionary from ``texts`` (empty when nothing recurs)."""
    counts: Counter[str] = Counter()
    for text in texts:
        for line in text.splitlines():
            counts.update(line[at : at + PIECE] for at in range(0, len(line), PIECE))
    pieces = [piece for piece, count in counts.most_common() if count >= MIN_REPEATS]
    chosen: list[bytes] = []
    size = 0
    for piece in pieces:  # commonest first, as long as they fit
        encoded = piece.encode("utf-8")
        if size + len(encoded) > DICTIONARY_BYTES:
            break
        chosen.append(encoded)
        size += len(encoded)
    return b"".join(reversed(chosen))


def pack(text: str, primer: bytes = b"") -> bytes:
    """``text`` compressed (with ``primer`` as its preset dictionary when there is one)."""
    if not primer:
        return zlib.compress(text.encode("utf-8"), LEVEL)
    compressor = zlib.compressobj(LEVEL, zdict=primer)
    return compressor.compress(text.encode("utf-8")) + compressor.flush()


def unpack(blob: bytes, primer: bytes = b"") -> str:
    """The text of a :func:`pack` result (``primer``: the dictionary it was packed with)."""
    if len(blob) > 1 and blob[1] & _FDICT:
        return zlib.decompressobj(zdict=primer).decompress(blob).decode("utf-8")
    return zlib.decompress(blob).decode("utf-8")


def pack_twin(text: str, twin: str, primer: bytes = b"") -> bytes | None:
    """The simplified twin as stored: None when it is the text, else its changes or itself.

    >>> unpack_twin("政務公開著", pack_twin("政務公開著", "政務公開着"))
    '政務公開着'
    """
    if twin == text:
        return None
    ours, theirs = _code_points(text), _code_points(twin)
    if len(ours) != len(theirs):
        return pack(twin, primer)
    changed = np.flatnonzero(ours != theirs).astype("<u4")
    if len(changed) > _FEW_CHANGES * len(ours):
        return pack(twin, primer)
    chars = theirs[changed].astype("<u4")
    return _CHANGES + zlib.compress(changed.tobytes() + chars.tobytes(), LEVEL)


def unpack_twin(text: str, packed: bytes | None, primer: bytes = b"") -> str:
    """The simplified twin of ``text`` from what :func:`pack_twin` stored."""
    if packed is None:
        return text
    if not packed.startswith(_CHANGES):
        return unpack(packed, primer)
    raw = zlib.decompress(packed[1:])
    half = len(raw) // 2
    changed = np.frombuffer(raw[:half], dtype="<u4")
    points = _code_points(text).copy()
    points[changed] = np.frombuffer(raw[half:], dtype="<u4")
    return points.tobytes().decode("utf-32-le")


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype="<u4")
