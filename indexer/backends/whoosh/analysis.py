"""Whoosh tokenizers and analyzers for Chinese text, over :mod:`indexer.analysis`.

- :func:`word_analyzer`: jieba words at word positions; at index time (``mode="index"``)
  dictionary sub-words are stacked on their word's position, so 信息公开 is found inside
  政府信息公开; stopwords are dropped but keep their positions (``renumber=False``).
- :func:`bigram_analyzer`: character bigrams at consecutive positions, for a second field that
  finds phrases jieba cut differently in the query and the text (see
  :mod:`indexer.analysis.bigrams`, also for single-character queries).

:class:`Counts` is the postings format of every text field: a term's count per document, no
positions, no offsets.

Whoosh pickles analyzers and formats into the index schema. These classes hold no state (jieba
lives in :mod:`indexer.analysis.segment`, loaded on first use), so they pickle by name: keep them
here, under these names. Do not use jieba's ``ChineseAnalyzer``: it records character offsets as
positions, so phrase queries find nothing, and it ignores ``mode``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from whoosh.analysis import CompositeAnalyzer, StopFilter, Token, Tokenizer
from whoosh.formats import Format, tokens

from indexer.analysis.bigrams import bigrams
from indexer.analysis.lexicon import stopwords
from indexer.analysis.normalise import fold
from indexer.analysis.segment import segment
from indexer.analysis.word import Word


class _WordStreamTokenizer(Tokenizer):
    """Turns a stream of :class:`Word` into whoosh tokens, honouring ``positions``, ``chars``,
    ``keeporiginal``, ``removestops``, ``start_pos``, ``start_char``, ``tokenize`` and ``mode``
    as :class:`whoosh.analysis.RegexTokenizer` does. ``original`` is the text as given."""

    def words(self, text: str, mode: str) -> Iterator[Word]:
        raise NotImplementedError

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        if not isinstance(value, str):
            raise TypeError(f"{value!r} is not a str")
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            token.original = value
            token.text = fold(value)
            token.boost = 1.0
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar = start_char
                token.endchar = start_char + len(value)
            yield token
            return
        for word in self.words(value, mode):
            token.text = word.text
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = value[word.start : word.end]
            if positions:
                token.pos = start_pos + word.position
            if chars:
                token.startchar = start_char + word.start
                token.endchar = start_char + word.end
            yield token


class WordTokenizer(_WordStreamTokenizer):
    """jieba words; dictionary sub-words stacked on their word's position in index mode."""

    def words(self, text: str, mode: str) -> Iterator[Word]:
        return segment(text, subwords=mode == "index")


class BigramTokenizer(_WordStreamTokenizer):
    """Character bigrams and latin/digit words; each run's last ideograph in index mode."""

    def words(self, text: str, mode: str) -> Iterator[Word]:
        return bigrams(text, trailing=mode == "index")


def word_analyzer() -> CompositeAnalyzer:
    """The word field's analyzer: jieba words, then the shipped stopwords removed in place."""
    return WordTokenizer() | StopFilter(stoplist=stopwords(), minsize=1, renumber=False)


def bigram_analyzer() -> BigramTokenizer:
    """The bigram field's analyzer (no stopwords: 的 inside a bigram still tells phrases apart)."""
    return BigramTokenizer()


def term_counts(value: str, analyzer: Any, kwargs: dict[str, Any]) -> Counter[str]:
    """How often each term of ``value`` occurs, as counting ``tokens(value, analyzer, kwargs)``
    finds it. The analyzers of this module are read straight from their word streams: the
    Whoosh token, stop filter and generator layers in between took a fifth of the tokenising
    workers' time. Any other analyzer (or option) goes the Whoosh way; both give the same
    counts (tested on the corpus)."""
    plain = isinstance(value, str) and kwargs.get("tokenize", True)
    plain = plain and kwargs.get("removestops", True)
    mode = kwargs.get("mode", "")
    if plain and type(analyzer) in (WordTokenizer, BigramTokenizer):
        return Counter(word.text for word in analyzer.words(value, mode))
    if plain and isinstance(analyzer, CompositeAnalyzer) and len(analyzer.items) == 2:
        tokenizer, stop = analyzer.items
        if type(tokenizer) in (WordTokenizer, BigramTokenizer) and type(stop) is StopFilter:
            stops, shortest, longest = stop.stops, stop.min, stop.max
            return Counter(
                text
                for text in (word.text for word in tokenizer.words(value, mode))
                if len(text) >= shortest
                and (longest is None or len(text) <= longest)
                and text not in stops
            )
    return Counter(token.text for token in tokens(value, analyzer, kwargs))


class Counts(Format):
    """Postings holding a term's count in each document as its weight, and nothing else.

    Whoosh's ``Frequency`` writes the count twice per posting (a float weight and a packed
    integer value); ranking needs only the weight, which Whoosh keeps per posting anyway.
    """

    posting_size = 0

    def __init__(self, field_boost: float = 1.0) -> None:
        self.field_boost = field_boost
        self.options: dict[str, Any] = {}

    def word_values(
        self, value: str, analyzer: Any, **kwargs: Any
    ) -> Iterator[tuple[str, int, float, bytes]]:
        counts = term_counts(value, analyzer, kwargs)
        boost = self.field_boost
        return ((text, count, count * boost, b"") for text, count in counts.items())

    def encode(self, value: object) -> bytes:
        return b""

    def decode_frequency(self, valuestring: bytes) -> int:
        raise NotImplementedError("Counts keeps a term's count as the posting's weight")

    def decode_weight(self, valuestring: bytes) -> float:
        raise NotImplementedError("Counts keeps a term's count as the posting's weight")

    def combine(self, values: object) -> bytes:
        return b""
