"""jieba's cut, faster where a Rust port is known to cut the same: runs of ideographs only.

Indexing spends most of its time in jieba. ``rjieba`` (jieba-rs) cuts about twenty times faster,
but cuts differently around letters, digits and symbols (www.gov.cn stays one piece, 832-309
too). jieba itself splits a text into blocks (its ``re_han``: ideographs with letters, digits and
``+#&._%-``) and cuts each block on its own, so a block can be cut by either: blocks of
ideographs alone go to rjieba, loaded with jieba's own final dictionary (the user dictionary
included, with the frequencies jieba gave it), every other block to jieba, and the stretches
between blocks are split exactly as jieba splits them. jieba stays the reference: the tests
compare :func:`cut` with ``jieba.dt.cut`` on the corpus and on random texts.

jieba's cost and memory grow faster than a block's length (a dictionary entry per character), so
a block longer than :data:`MAX_BLOCK` (a block ends at any space or punctuation: only junk such as
a million letters in a row is that long) is cut in pieces of that length first.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

import jieba

if TYPE_CHECKING:
    import rjieba

_BLOCK = jieba.re_han_default
_SKIP = jieba.re_skip_default
_IDEOGRAPHS = re.compile("[\u4e00-\u9fd5]+")
"""A block rjieba cuts as jieba does (jieba's own range of ideographs)."""
MAX_BLOCK = 10_000
"""The longest block handed to jieba at once (characters)."""

_lock = threading.Lock()
_rust: rjieba.Jieba | None = None


def load() -> rjieba.Jieba:
    """rjieba with jieba's dictionary as it stands (call after jieba and the user dictionary
    are loaded); built once per process, about 0.4 s. Imported here, not with this module:
    importing rjieba loads its own dictionary (0.6 s), which only indexing needs."""
    global _rust
    with _lock:
        if _rust is None:
            import rjieba

            rust = rjieba.Jieba.empty()
            for word, freq in jieba.dt.FREQ.items():
                if freq:  # jieba also holds every word's prefixes, at frequency 0
                    rust.add_word(word, freq, None)
            _rust = rust
        return _rust


def cut(text: str) -> Iterator[str]:
    """The pieces ``jieba.dt.cut(text)`` gives (with its HMM), in order.

    >>> from indexer.analysis.segment import initialise
    >>> _ = initialise()
    >>> list(cut("推进政务公开，www.gov.cn 2023年"))
    ['推进', '政务公开', '，', 'www', '.', 'gov', '.', 'cn', ' ', '2023', '年']
    """
    rust = load()
    for block in _BLOCK.split(text):
        if not block:
            continue
        if _IDEOGRAPHS.fullmatch(block):
            yield from rust.cut(block, True)
        elif _BLOCK.match(block):
            for begin in range(0, len(block), MAX_BLOCK):
                yield from jieba.dt.cut(block[begin : begin + MAX_BLOCK])
        else:
            for piece in _SKIP.split(block):
                if _SKIP.match(piece):
                    yield piece
                else:
                    yield from piece
