"""Word segmentation with jieba, loaded the same way in every process.

jieba keeps one global dictionary (``jieba.dt``). :func:`initialise` loads it once, with its
cache under the project instead of /tmp and with gongkai's user dictionary, so the indexer and
the web app cut text identically. :func:`segment` calls it on first use, so an analyzer unpickled
from an index schema still gets the user dictionary.
"""

from __future__ import annotations

import io
import logging
import threading
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

import jieba

from indexer.analysis import fastcut
from indexer.analysis.lexicon import USER_DICT, read_resource
from indexer.analysis.normalise import MAX_WORD, NON_HAN_RUN, WORD_CHAR, fold, has_han
from indexer.analysis.word import Word

DEFAULT_CACHE_DIR = Path(__file__).resolve().parents[2] / ".cache" / "jieba"

_lock = threading.Lock()
_cache_dir: Path | None = None


def initialise(cache_dir: Path = DEFAULT_CACHE_DIR) -> Path:
    """Load jieba's dictionary and gongkai's user dictionary, once per process.

    Call at start-up: loading takes about a second, which the first query would otherwise pay.
    Later calls do nothing and return the cache folder chosen by the first. The cache name
    carries jieba's version, so an upgrade never reads a stale dictionary.
    """
    global _cache_dir
    with _lock:
        if _cache_dir is None:
            cache_dir.mkdir(parents=True, exist_ok=True)
            jieba.setLogLevel(logging.WARNING)
            jieba.dt.tmp_dir = str(cache_dir)
            jieba.dt.cache_file = f"jieba-{version('jieba')}.cache"
            jieba.dt.initialize()
            jieba.dt.load_userdict(io.BytesIO(read_resource(USER_DICT)))
            _cache_dir = cache_dir
        return _cache_dir


def segment(text: str, *, subwords: bool = False) -> Iterator[Word]:
    """The words of ``text``, folded, with offsets into ``text`` and word positions.

    White space and punctuation are skipped without taking a position. With ``subwords``
    (index time), the dictionary words inside each word follow it, stacked on its position, so
    a query for 信息公开 finds 政府信息公开; queries are cut without them. Index-time texts are
    cut by :func:`indexer.analysis.fastcut.cut` (the same pieces, faster; its dictionary is
    loaded on first use), queries by jieba itself.

    >>> [(w.text, w.start, w.end, w.position) for w in segment("推进政务公开。")]
    [('推进', 0, 2, 0), ('政务公开', 2, 6, 1)]
    """
    if _cache_dir is None:
        initialise()
    freq = jieba.dt.FREQ
    position = 0
    start = 0
    folded = fold(text)
    for piece in fastcut.cut(folded) if subwords else jieba.dt.cut(folded):
        end = start + len(piece)
        if len(piece) > MAX_WORD and not has_han(piece):  # junk: cut as runs are (see MAX_WORD)
            for part in range(start, end, MAX_WORD):
                if WORD_CHAR.search(chunk := folded[part : min(part + MAX_WORD, end)]):
                    yield Word(chunk, part, part + len(chunk), position)
                    position += 1
        elif WORD_CHAR.search(piece):
            yield Word(piece, start, end, position)
            if subwords and len(piece) > 2 and has_han(piece):
                yield from _subwords(piece, start, position, freq)
            position += 1
        start = end


def _subwords(word: str, start: int, position: int, freq: dict[str, int]) -> Iterator[Word]:
    """The terms inside ``word``, by start and then longest first: dictionary words of two
    characters or more with an ideograph, and the letter/digit runs of a mixed word such as
    12345热线. Each distinct term once, so a position never repeats within a term."""
    spans = _dictionary_spans(word, freq)
    if NON_HAN_RUN.search(word):
        spans = [(begin, end) for begin, end in spans if has_han(word[begin:end])]
        spans.extend(run.span() for run in NON_HAN_RUN.finditer(word))
        spans.sort(key=lambda span: (span[0], -span[1]))
    seen = set()
    for begin, end in spans:
        part = word[begin:end]
        if part not in seen:
            seen.add(part)
            yield Word(part, start + begin, start + end, position, True)


def _dictionary_spans(word: str, freq: dict[str, int]) -> list[tuple[int, int]]:
    """Where dictionary words of two characters or more stand inside ``word``, by start and then
    longest first. Read from jieba's table rather than cut again: it holds every word's prefixes
    (with frequency 0), so the scan from each start stops at the first non-prefix."""
    size = len(word)
    spans = []
    for begin in range(size - 1):
        last = size if begin else size - 1  # the word itself is not its own sub-word
        ends = []
        end = begin + 2
        while end <= last and word[begin:end] in freq:
            if freq[word[begin:end]]:
                ends.append(end)
            end += 1
        spans.extend((begin, stop) for stop in reversed(ends))
    return spans
