"""The codec segments are written with: Whoosh 3's files, with each term's postings packed whole.

The term dictionary, columns, stored fields and segment files are Whoosh 3's own. A term's
postings are one :mod:`~indexer.backends.whoosh.packed` record instead of Whoosh's blocks:
the segment writer hands over each term's arrays at once (:meth:`PackedFieldWriter.add_terms`),
and a reader gets them back as arrays (:class:`PackedMatcher` keeps them), while Whoosh's own
one-posting-at-a-time interfaces keep working for merges. Whoosh 3 also records the shortest and
longest document of every block for its scorer; gongkai scores from the field-length columns
(:mod:`indexer.backends.whoosh.ranking`), so they are left out (``length_stats``).

Segments pickle their codec into the index's table of contents: keep these classes here, under
these names.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import W3Codec, W3FieldWriter, W3TermInfo
from whoosh.fields import Schema
from whoosh.matching import ListMatcher
from whoosh.system import pack_ushort

from indexer.backends.whoosh.packed import pack, unpack

TermArrays = tuple[str, bytes, np.ndarray, np.ndarray]
"""A term's postings: field name, term bytes, ascending document numbers, weights."""


class PackedMatcher(ListMatcher):
    """A term's postings read whole, kept as arrays (``ids``, ``weights``); Whoosh's own
    one-posting-at-a-time interface (used by merges) sees them as lists, made on first use."""

    def __init__(
        self,
        ids: Sequence[int],
        weights: Sequence[float],
        values: Any = None,
        format: Any = None,  # ListMatcher's name and order: copy() passes it by position
        scorer: Any = None,
        position: int = 0,
        all_weights: Any = None,
        term: Any = None,
        terminfo: Any = None,
    ) -> None:
        self.ids = np.asarray(ids, dtype=np.int64)
        self.weights = np.asarray(weights, dtype=np.float64)
        self._lists: tuple[list[int], list[float]] | None = None
        self._values, self._format, self._scorer, self._i = values, format, scorer, position
        self._all_weights, self._term, self._terminfo = all_weights, term, terminfo

    def value(self) -> bytes:
        """No posting holds a value (Whoosh's merge wants bytes, where a ListMatcher says "")."""
        return b""

    @property
    def _ids(self) -> list[int]:
        return self._listed()[0]

    @property
    def _weights(self) -> list[float]:
        return self._listed()[1]

    def _listed(self) -> tuple[list[int], list[float]]:
        if self._lists is None:
            self._lists = (self.ids.tolist(), self.weights.tolist())
        return self._lists


class PackedFieldWriter(W3FieldWriter):
    """Writes each term's postings as one packed record."""

    def add_terms(self, schema: Schema, terms: Iterable[TermArrays]) -> None:
        """Write ``terms``, ordered by field and term, each with all its postings."""
        for fieldname, btext, ids, weights in terms:
            if fieldname != self._fieldname:
                if self._infield:
                    self.finish_field()
                self.start_field(fieldname, schema[fieldname])
            self._write_term(btext, ids, weights)
        if self._infield:
            self.finish_field()

    def start_term(self, btext: bytes) -> None:
        self._btext = btext
        self._term_ids = array("q")
        self._term_weights = array("d")

    def add(self, docnum: int, weight: float, vbytes: bytes, length: int) -> None:
        if vbytes:
            raise ValueError(f"field {self._fieldname} stores posting values; packing keeps none")
        self._term_ids.append(docnum)
        self._term_weights.append(weight)

    def finish_term(self) -> None:
        ids = np.frombuffer(self._term_ids, dtype=np.int64)
        self._write_term(self._btext, ids, np.frombuffer(self._term_weights, dtype=np.float64))

    def _write_term(self, btext: bytes, ids: np.ndarray, weights: np.ndarray) -> None:
        record = pack(ids, weights)
        terminfo = W3TermInfo(
            weight=float(weights.sum()),
            df=len(ids),
            maxweight=float(weights.max()),
            minid=int(ids[0]),
            maxid=int(ids[-1]),
        )
        terminfo.set_extent(self._postfile.tell(), len(record))
        self._postfile.write(record)
        self._tindex.add(pack_ushort(self._fieldid) + btext, terminfo.to_bytes())


class PackedCodec(W3Codec):
    """Whoosh 3's codec with packed postings and no block length statistics."""

    length_stats = False

    def field_writer(self, storage: Any, segment: Any) -> PackedFieldWriter:
        return PackedFieldWriter(self, storage, segment)

    def postings_reader(
        self, dbfile: Any, terminfo: W3TermInfo, format_: Any, term: Any = None, scorer: Any = None
    ) -> PackedMatcher:
        offset, length = terminfo.extent()
        size = length[0] if isinstance(length, tuple) else length  # read back as a 1-tuple
        ids, weights = unpack(dbfile.get(offset, size))
        return PackedMatcher(ids, weights, None, format_, scorer, term=term, terminfo=terminfo)
