"""The parsed query as a matching plan, ranking terms, and the units snippets mark.

Every piece of text the user typed becomes one or more *units*, converted to simplified script
and analysed as documents are. A section matches a unit when the unit is one word of its text (a
dictionary sub-word included: 信息公开 inside 政府信息公开) or when the unit's bigrams stand in
its text in order, so 生态环境 is found inside 生态环境保护 while 环境与生态 is not (see
:mod:`indexer.backends.whoosh.matching`). Ranking is BM25F over the units' terms in the section
text, its heading path and its report's title (boosted); headings and titles raise the rank
without widening what matches: otherwise a word of every title (公开) would match every
section, and ``-公开`` none. ``title:`` matches titles explicitly. Filters select, never score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.analysis.normalise import HAN, has_han
from indexer.analysis.runs import run_string
from indexer.backends.whoosh.analysis import bigram_analyzer, word_analyzer
from indexer.backends.whoosh.syntax import AllOf, AnyOf, Filter, Node, Not, Text, Years
from indexer.script import to_simplified
from indexer.search import messages
from indexer.search.messages import quoted
from indexer.search.types import QueryError

TITLE_BOOST = 2.0
HEADING_BOOST = 1.5
BIGRAM_BOOST = 0.5
"""Bigram terms count less than words: they are the recall net, not the signal."""

Fields = tuple[tuple[str, str, float], ...]
"""(word field, bigram field, boost) triples a unit is looked for in."""

BODY: Fields = (("text", "text_bigram", 1.0),)
CONTEXT: tuple[tuple[str, float], ...] = (("heading", HEADING_BOOST), ("title", TITLE_BOOST))
"""Word fields that raise a unit's rank without matching it, with their boosts."""
TITLE: Fields = (("title", "title_bigram", 1.0),)
RANKED_FIELDS = ("text", "text_bigram", "heading", "title")
"""The fields :func:`rank_terms` uses."""

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
    runs: str
    """The text's run string: its run pattern checks bigram phrases and marks hits (see
    :mod:`indexer.analysis.runs`)."""

    @property
    def word(self) -> str | None:
        """The unit's word when it is one word (a several-word unit is matched by bigrams: a
        phrase of words would find 信息 公开 in 信息主动公开, whose stacked sub-word 公开
        follows 信息)."""
        return self.words[0][0] if len(self.words) == 1 else None

    @property
    def single_character(self) -> str | None:
        """The ideograph of a one-character unit (found by prefix among bigrams), else None."""
        if len(self.bigrams) == 1 and len(self.bigrams[0][0]) == 1 and has_han(self.bigrams[0][0]):
            return self.bigrams[0][0]
        return None


@dataclass(frozen=True)
class RankTerm:
    """A term a unit is ranked by, in one field, with its boost."""

    field: str
    text: str
    boost: float


@dataclass(frozen=True)
class Match:
    """A plan leaf: sections holding any of ``units`` (spellings of one typed text)."""

    units: tuple[Unit, ...]
    fields: Fields


Plan = Match | Filter | Years | Not | AllOf | AnyOf


@dataclass(frozen=True)
class CompiledQuery:
    """``plan`` selects (None: every document); ``ranking`` scores the selected documents (None:
    nothing to rank by, browse order); ``marked`` are the units snippets mark; ``warnings`` say
    what was left out."""

    plan: Plan | None
    ranking: tuple[RankTerm, ...] | None
    marked: tuple[Unit, ...]
    warnings: tuple[str, ...] = ()


def compile_query(node: Node | None, regions: tuple[str, ...] = ()) -> CompiledQuery:
    """The plan and ranking of a parsed query and the request's ``region`` filter (any level)."""
    compiler = _Compiler()
    parts = [compiler.convert(node)] if node is not None else []
    if node is not None and parts[0] is None:
        reasons = "；".join(dict.fromkeys(compiler.warnings))
        raise QueryError(messages.NOTHING_LEFT.format(reasons=reasons))
    if regions:
        parts.append(AnyOf(tuple(Filter("region", to_simplified(name)) for name in regions)))
    plan = None if not parts else parts[0] if len(parts) == 1 else AllOf(tuple(parts))
    marked = tuple(dict.fromkeys(compiler.marked))
    ranking = tuple(dict.fromkeys(t for unit in marked for t in rank_terms(unit))) or None
    return CompiledQuery(plan, ranking, marked, tuple(dict.fromkeys(compiler.warnings)))


def analyse(text: str) -> Unit:
    """A unit's terms: the text in simplified script, analysed exactly as documents are (in
    query mode: without the sub-words stacked at index time)."""
    simplified = to_simplified(text)
    return Unit(_terms(_WORDS, simplified), _terms(_BIGRAMS, simplified), run_string(simplified))


def spellings(text: str) -> tuple[str, ...]:
    """The text as typed and, if it has spaces between ideographs, without them: "依申请 公开"
    finds 依申请公开 (a space between Chinese words is the user's, not the text's).

    >>> spellings("依申请 公开"), spellings("政务公开")
    (('依申请 公开', '依申请公开'), ('政务公开',))
    """
    joined = _HAN_SPACE.sub("", text)
    return (text, joined) if joined != text else (text,)


def rank_terms(unit: Unit) -> list[RankTerm]:
    """The terms a unit is ranked by: its word in the text, the heading path and the title
    (boosted), and its bigrams in the text (so sections found by bigrams alone rank too)."""
    word_fields = [(word_field, boost) for word_field, _, boost in BODY] + list(CONTEXT)
    terms = [
        RankTerm(word_field, unit.word, boost)
        for word_field, boost in word_fields
        if unit.word is not None
    ]
    bigram_field = BODY[0][1]
    terms.extend(RankTerm(bigram_field, text, BIGRAM_BOOST) for text, _ in unit.bigrams)
    return terms


class _Compiler:
    def __init__(self) -> None:
        self.marked: list[Unit] = []
        self.warnings: list[str] = []

    def convert(self, node: Node, negated: bool = False) -> Plan | None:
        if isinstance(node, Text):
            return self.text(node, negated)
        if isinstance(node, Filter):
            return Filter(node.field, to_simplified(node.value))
        if isinstance(node, Years):
            return node
        if isinstance(node, Not):
            child = self.convert(node.child, not negated)
            return Not(child) if child is not None else None
        kept = tuple(
            plan for child in node.children if (plan := self.convert(child, negated)) is not None
        )
        if len(kept) <= 1:
            return kept[0] if kept else None
        return type(node)(kept)

    def text(self, node: Text, negated: bool) -> Match | None:
        units = tuple(analyse(spelling) for spelling in spellings(node.value))
        if not units[0].bigrams:
            self.warnings.append(messages.NO_LETTERS.format(text=quoted(node.value)))
            return None
        if not units[0].words and units[0].single_character:  # a stopword of one character
            self.warnings.append(messages.TOO_COMMON.format(text=quoted(node.value)))
            return None
        if not negated and not node.title:
            self.marked.extend(units)
        return Match(units, TITLE if node.title else BODY)


def _terms(analyzer: object, text: str) -> Terms:
    tokens = [(token.text, token.pos) for token in analyzer(text, positions=True, mode="query")]
    first = tokens[0][1] if tokens else 0
    return tuple((term, position - first) for term, position in tokens)
