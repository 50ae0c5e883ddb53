"""The codec new segments are written with: Whoosh 3's, without per-block length statistics.

Whoosh 3 records the shortest and longest document of every postings block so that its own
scorer can skip blocks; writing them looks up a field length for every posting, a quarter of the
time spent writing postings. gongkai scores every match itself from the field-length columns
(:mod:`indexer.backends.whoosh.ranking`), so the statistics are never read. Segments pickle
their codec into the index's table of contents: keep this class here, under this name.
"""

from __future__ import annotations

from whoosh.codec.whoosh3 import W3Codec


class CountsCodec(W3Codec):
    """Whoosh 3's codec without the per-block length statistics nothing here reads."""

    length_stats = False
