"""The parsed query as Whoosh queries, and the terms whose matches snippets mark.

Every piece of text the user typed becomes one *unit*, converted to simplified script and
analysed as documents are. A section matches a unit when the unit is one word of its text (a
dictionary sub-word included: 信息公开 inside 政府信息公开) or when the unit's bigrams stand in
its text in order (a phrase in the bigram field), so 生态环境 is found inside 生态环境保护 while
环境与生态 is not. The same units found in the section's heading path and its report's title
raise its rank (BM25F with boosts) without widening what matches: otherwise a word of every
title (公开) would match every section, and ``-公开`` none. ``title:`` matches titles
explicitly. Filters select without scoring.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from whoosh import query as wq

from indexer.analysis.normalise import HAN, has_han
from indexer.backends.whoosh.analysis import bigram_analyzer, word_analyzer
from indexer.backends.whoosh.syntax import AllOf, Filter, Node, Not, Text, Years
from indexer.script import to_simplified
from indexer.search.types import QueryError

TITLE_BOOST = 2.0
HEADING_BOOST = 1.5
BIGRAM_BOOST = 0.5
"""Bigram matches count less than word matches: they are the recall net, not the signal."""

Fields = tuple[tuple[str, str, float], ...]
"""(word field, bigram field, boost) triples a unit is looked for in."""

BODY: Fields = (("text", "text_bigram", 1.0),)
CONTEXT: Fields = (
    ("heading", "heading_bigram", HEADING_BOOST),
    ("title", "title_bigram", TITLE_BOOST),
)
TITLE: Fields = (("title", "title_bigram", 1.0),)

_HAN_SPACE = re.compile(f"(?<=[{HAN}])\\s+(?=[{HAN}])")
_WORDS = word_analyzer()
_BIGRAMS = bigram_analyzer()

Terms = tuple[tuple[str, int], ...]
"""A unit's terms with their positions relative to the first."""


@dataclass(frozen=True)
class Unit:
    """What a unit looks for in one analysis: its word terms and its bigram terms."""

    words: Terms
    bigrams: Terms

    @property
    def single_character(self) -> str | None:
        """The ideograph of a one-character unit (found by prefix among bigrams), else None."""
        if len(self.bigrams) == 1 and len(self.bigrams[0][0]) == 1 and has_han(self.bigrams[0][0]):
            return self.bigrams[0][0]
        return None


@dataclass(frozen=True)
class CompiledQuery:
    """``query`` selects (None: every document); ``ranking`` selects the same documents and
    scores them with the context boosts (None: nothing to rank by). ``marked`` are the units
    snippets mark; ``warnings`` say what was left out."""

    query: wq.Query | None
    ranking: wq.Query | None
    marked: tuple[Unit, ...]
    warnings: tuple[str, ...] = ()


def compile_query(node: Node | None, regions: tuple[str, ...] = ()) -> CompiledQuery:
    """The Whoosh queries for a parsed query and the request's ``region`` filter (any level)."""
    compiler = _Compiler()
    parts = [compiler.convert(node)] if node is not None else []
    if node is not None and parts[0] is None:
        raise QueryError("nothing to search for: " + "; ".join(dict.fromkeys(compiler.warnings)))
    if regions:
        names = [wq.Term("region", to_simplified(name)) for name in regions]
        parts.append(_filter(wq.Or(names)))
    query = None if not parts else parts[0] if len(parts) == 1 else wq.And(parts)
    marked = tuple(dict.fromkeys(compiler.marked))
    ranking = None
    if query is not None and marked:
        ranking = wq.AndMaybe(query, wq.Or([unit_query(unit, CONTEXT) for unit in marked]))
    warnings = tuple(dict.fromkeys(compiler.warnings))
    return CompiledQuery(query, ranking, marked, warnings)


def analyse(text: str) -> Unit:
    """A unit's terms: the text in simplified script, analysed exactly as documents are (in
    query mode: without the sub-words stacked at index time)."""
    simplified = to_simplified(text)
    return Unit(_terms(_WORDS, simplified), _terms(_BIGRAMS, simplified))


class _Compiler:
    def __init__(self) -> None:
        self.marked: list[Unit] = []
        self.warnings: list[str] = []

    def convert(self, node: Node, negated: bool = False) -> wq.Query | None:
        if isinstance(node, Text):
            return self.text(node, negated)
        if isinstance(node, Filter):
            return _filter(wq.Term(node.field, to_simplified(node.value)))
        if isinstance(node, Years):
            years = node.range
            return _filter(wq.TermRange("year", str(years.first), str(years.last)))
        if isinstance(node, Not):
            child = self.convert(node.child, not negated)
            return wq.Not(child) if child is not None else None
        children = [self.convert(child, negated) for child in node.children]
        kept = [child for child in children if child is not None]
        if not kept:
            return None
        if len(kept) == 1:
            return kept[0]
        return wq.And(kept) if isinstance(node, AllOf) else wq.Or(kept)

    def text(self, node: Text, negated: bool) -> wq.Query | None:
        units = [analyse(spelling) for spelling in spellings(node.value)]
        if not units[0].bigrams:
            self.warnings.append(f"left out {node.value!r} (no letters, digits or characters)")
            return None
        if not units[0].words and units[0].single_character:  # a stopword of one character
            self.warnings.append(f"left out {node.value!r} (too common to search for)")
            return None
        if not negated and not node.title:
            self.marked.extend(units)
        fields = TITLE if node.title else BODY
        options = [unit_query(unit, fields) for unit in units]
        return options[0] if len(options) == 1 else wq.Or(options)


def spellings(text: str) -> tuple[str, ...]:
    """The text as typed and, if it has spaces between ideographs, without them: "依申请 公开"
    finds 依申请公开 (a space between Chinese words is the user's, not the text's).

    >>> spellings("依申请 公开"), spellings("政务公开")
    (('依申请 公开', '依申请公开'), ('政务公开',))
    """
    joined = _HAN_SPACE.sub("", text)
    return (text, joined) if joined != text else (text,)


def unit_query(unit: Unit, fields: Fields) -> wq.Query:
    """The unit as one word, or as its bigrams in order, in each of ``fields``.

    A unit of several words is left to the bigram phrase: a phrase of words would find 信息 公开
    in 信息主动公开, whose stacked sub-word 公开 follows 信息. The bigram phrase also spans
    what a word phrase cannot: stopwords left out between the words.
    """
    options: list[wq.Query] = []
    for word_field, bigram_field, boost in fields:
        if len(unit.words) == 1:
            options.append(wq.Term(word_field, unit.words[0][0], boost=boost))
        if unit.single_character:
            options.append(wq.Prefix(bigram_field, unit.single_character, boost=boost))
        elif len(unit.bigrams) == 1:
            options.append(wq.Term(bigram_field, unit.bigrams[0][0], boost=boost * BIGRAM_BOOST))
        else:
            words = [text for text, _ in unit.bigrams]
            options.append(wq.Phrase(bigram_field, words, boost=boost * BIGRAM_BOOST))
    return wq.Or(options)


def _filter(query: wq.Query) -> wq.Query:
    return wq.ConstantScoreQuery(query, 0.0)


def _terms(analyzer: object, text: str) -> Terms:
    tokens = [(token.text, token.pos) for token in analyzer(text, positions=True, mode="query")]
    first = tokens[0][1] if tokens else 0
    return tuple((term, position - first) for term, position in tokens)
