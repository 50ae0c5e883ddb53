"""The codec new segments are written with: Whoosh 3's, leaner where gongkai reads nothing.

- Whoosh 3 records the shortest and longest document of every postings block so that its own
  scorer can skip blocks; writing them looks up a field length for every posting, a quarter of
  the time spent writing postings. gongkai scores every match itself from the field-length
  columns (:mod:`indexer.backends.whoosh.ranking`), so they are left out.
- A block's weights are pickled as they come: floats, nine bytes each before compression.
  Term counts are whole numbers: pickled as integers they take one to three bytes (a tenth of
  the postings' size). They read back as the same numbers.

Segments pickle their codec into the index's table of contents: keep these classes here, under
these names.
"""

from __future__ import annotations

from typing import Any

from whoosh.codec.whoosh3 import W3Codec, W3PostingsWriter


class CountsPostingsWriter(W3PostingsWriter):
    """Writes whole-number weights as integers."""

    def _mini_weights(self) -> Any:
        weights = super()._mini_weights()
        if isinstance(weights, tuple) and all(weight.is_integer() for weight in weights):
            return tuple(int(weight) for weight in weights)
        return weights


class CountsCodec(W3Codec):
    """Whoosh 3's codec without block length statistics, with integer weights."""

    length_stats = False

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> CountsPostingsWriter:
        return CountsPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )
