"""A short hash of everything that decides which terms a text becomes.

The indexer records it with the index and compares it on the next run: when the user dictionary,
the stopwords, the analysis code or the caller's taxonomy changed, old documents were analysed
differently from new ones and from today's queries, and the index should be rebuilt.
"""

from __future__ import annotations

import hashlib
import unicodedata
from importlib.metadata import version

from indexer.analysis.lexicon import STOPWORDS, USER_DICT, read_resource

# Bump whenever a change to indexer.analysis or the backend tokenizers changes the terms,
# offsets or positions produced for some text. (An engine's own file layout is its concern: see
# indexer.backends.whoosh.schema.LAYOUT.)
ANALYSIS_VERSION = 7


def analysis_fingerprint(extra: bytes = b"") -> str:
    """16 hex digits over the analysis version, jieba's version (its dictionary), the Unicode
    tables behind folding, the user dictionary, the stopwords and ``extra`` (the taxonomy)."""
    parts = (
        str(ANALYSIS_VERSION).encode(),
        version("jieba").encode(),
        unicodedata.unidata_version.encode(),
        read_resource(USER_DICT),
        read_resource(STOPWORDS),
        extra,
    )
    digest = hashlib.sha256()
    for part in parts:  # length-prefixed, so no two different inputs share a byte stream
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()[:16]
