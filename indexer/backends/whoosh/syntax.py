"""The query language, parsed into a small tree: no engine here, only what the user typed.

Words are AND-ed; ``OR``, ``NOT`` / ``-word``, ``"exact phrase"`` and parentheses combine them;
``region:``, ``year:``, ``section:``, ``kind:`` and ``title:`` filter. Wildcards, regular
expressions and fuzzy matching do not exist: ``* ? ~`` are plain characters. Mistakes that have
an obvious repair (an unclosed quote or parenthesis, a dangling ``OR``) are repaired with a
warning; what cannot be understood raises :class:`QueryError` with one line for the user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.search import messages
from indexer.search.messages import quoted
from indexer.search.params import resolve_kind, resolve_section, resolve_year
from indexer.search.types import QueryError, YearRange
from indexer.structure.taxonomy import Taxonomy

FIELDS = ("region", "year", "section", "kind", "title")
OPERATORS = ("OR", "AND", "NOT")

_QUOTES = '"“”„‟＂「」『』'
_OPEN = "(（"
_CLOSE = ")）"
_NEGATION = "-－"
_FIELD = re.compile(rf"^({'|'.join(FIELDS)})[:：](.*)$", re.IGNORECASE | re.DOTALL)
_BREAK = set(_QUOTES + _OPEN + _CLOSE)


@dataclass(frozen=True)
class Text:
    """Words to find (a ``phrase`` was quoted); ``title`` restricts them to report titles."""

    value: str
    phrase: bool = False
    title: bool = False


@dataclass(frozen=True)
class Filter:
    """``region:`` (a name at any level), ``section:`` or ``kind:`` (an id), resolved."""

    field: str
    value: str


@dataclass(frozen=True)
class Years:
    range: YearRange


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class AllOf:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class AnyOf:
    children: tuple[Node, ...]


Node = Text | Filter | Years | Not | AllOf | AnyOf


@dataclass(frozen=True)
class Token:
    kind: str  # word, phrase, field, open, close, op, neg
    text: str
    field: str = ""
    closed: bool = True


@dataclass(frozen=True)
class ParsedQuery:
    """The tree (None for an empty query) and the repairs made, one line each."""

    node: Node | None
    warnings: tuple[str, ...] = ()


def parse_query(query: str, taxonomy: Taxonomy, max_chars: int) -> ParsedQuery:
    """Parse a query typed by a user.

    >>> parse_query('政务公开 -"依申请" year:2018', Taxonomy(), 100).node
    AllOf(children=(Text(value='政务公开', phrase=False, title=False), \
Not(child=Text(value='依申请', phrase=True, title=False)), Years(range=YearRange(first=2018, \
last=2018))))
    """
    if len(query) > max_chars:
        raise QueryError(messages.QUERY_TOO_LONG.format(length=len(query), limit=max_chars))
    parser = _Parser(tokenise(query), taxonomy)
    node = parser.parse()
    if node is None and query.strip():
        raise QueryError(messages.NOTHING_TO_SEARCH.format(query=quoted(query.strip())))
    return ParsedQuery(node, tuple(dict.fromkeys(parser.warnings)))


def tokenise(query: str) -> list[Token]:
    """Split a query into tokens; a quote runs to the next quote (or the end: not ``closed``)."""
    tokens: list[Token] = []
    i, size = 0, len(query)
    while i < size:
        char = query[i]
        if char.isspace():
            i += 1
        elif char in _OPEN or char in _CLOSE:
            tokens.append(Token("open" if char in _OPEN else "close", char))
            i += 1
        elif char in _QUOTES:
            text, i, closed = _quoted(query, i + 1)
            tokens.append(Token("phrase", text, closed=closed))
        elif char in _NEGATION and i + 1 < size and not query[i + 1].isspace():
            tokens.append(Token("neg", char))
            i += 1
        else:
            start = i
            while i < size and not query[i].isspace() and query[i] not in _BREAK:
                i += 1
            tokens.append(_word(query[start:i]))
            field = tokens[-1]
            if field.kind == "field" and not field.text and i < size and query[i] in _QUOTES:
                text, i, closed = _quoted(query, i + 1)  # title:"…"
                tokens[-1] = Token("field", text, field.field, closed)
    return tokens


def _word(word: str) -> Token:
    if word in OPERATORS:
        return Token("op", word)
    field = _FIELD.match(word)
    if field:
        return Token("field", field[2], field[1].lower())
    return Token("word", word)


def _quoted(query: str, start: int) -> tuple[str, int, bool]:
    """The text from ``start`` to the next quote, the index after it, whether it was closed."""
    end = start
    while end < len(query) and query[end] not in _QUOTES:
        end += 1
    closed = end < len(query)
    return query[start:end], end + 1 if closed else end, closed


class _Parser:
    """Recursive descent over the tokens: or := and (OR and)*; and := unary+;
    unary := (NOT | -) unary | primary; primary := ( or ) | word | phrase | field."""

    def __init__(self, tokens: list[Token], taxonomy: Taxonomy) -> None:
        self.tokens = tokens
        self.at = 0
        self.taxonomy = taxonomy
        self.warnings: list[str] = []

    def parse(self) -> Node | None:
        nodes = [self.parse_or()]
        while self.peek() is not None:  # only a stray ")" stops parse_or early
            self.at += 1
            self.warnings.append(messages.UNMATCHED_PARENTHESIS)
            nodes.append(self.parse_or())
        return _combine(AllOf, [node for node in nodes if node is not None])

    def peek(self) -> Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def parse_or(self) -> Node | None:
        options = [self.parse_and()]
        while (token := self.peek()) is not None and token.kind == "op" and token.text == "OR":
            self.at += 1
            options.append(self.parse_and())
        if len(options) > 1 and None in options:
            self.warnings.append(messages.DANGLING_OR)
        return _combine(AnyOf, [node for node in options if node is not None])

    def parse_and(self) -> Node | None:
        children: list[Node] = []
        while (token := self.peek()) is not None and token.kind != "close":
            if token.kind == "op" and token.text == "OR":
                break
            if token.kind == "op" and token.text == "AND":
                self.at += 1
                continue
            node = self.parse_unary()
            if node is not None:
                children.append(node)
        return _combine(AllOf, children)

    def parse_unary(self) -> Node | None:
        token = self.peek()
        assert token is not None
        if token.kind == "neg" or (token.kind == "op" and token.text == "NOT"):
            self.at += 1
            following = self.peek()
            if following is None or (following.kind in ("close", "op") and following.text != "NOT"):
                self.warnings.append(messages.DANGLING_NOT.format(operator=token.text))
                return None
            child = self.parse_unary()
            return Not(child) if child is not None else None
        return self.parse_primary()

    def parse_primary(self) -> Node | None:
        token = self.tokens[self.at]
        self.at += 1
        if token.kind == "open":
            inner = self.parse_or()
            if self.peek() is None:
                self.warnings.append(messages.UNCLOSED_PARENTHESIS)
            else:
                self.at += 1
            if inner is None:
                self.warnings.append(messages.EMPTY_PARENTHESES)
            return inner
        if not token.closed:
            self.warnings.append(messages.UNCLOSED_QUOTE.format(text=quoted(token.text)))
        if token.kind == "field":
            return self.field(token)
        if not token.text.strip():
            self.warnings.append(messages.EMPTY_QUOTES)
            return None
        return Text(token.text.strip(), phrase=token.kind == "phrase")

    def field(self, token: Token) -> Node | None:
        value = token.text.strip()
        if not value:
            self.warnings.append(messages.EMPTY_FIELD.format(field=token.field))
            return None
        if token.field == "year":
            return Years(resolve_year(value))
        if token.field == "section":
            return Filter("section_type", resolve_section(value, self.taxonomy))
        if token.field == "kind":
            return Filter("kind", resolve_kind(value))
        if token.field == "title":
            return Text(value, phrase=True, title=True)
        return Filter("region", value)


def _combine(kind: type[AllOf] | type[AnyOf], nodes: list[Node]) -> Node | None:
    if not nodes:
        return None
    return nodes[0] if len(nodes) == 1 else kind(tuple(nodes))
