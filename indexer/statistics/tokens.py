"""A report's statistics tables as runs of figures, each with the words written before it.

Whatever the rendering (a table the reader kept, ``|`` rows, box drawings, ``pdftotext
-layout`` columns, a whole page on one line), a table row comes out as a run of figures on one
line, after its label. So every rendering is cut into tokens (words, figures, and empty cells
where the rendering shows cells), and each run of figures becomes a :class:`Run` with the words
before it on its line (``label``) and those since the previous run (``context``). Which run is
which row is decided later, by labels and by the template's sums (:mod:`.align`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from indexer.models import Table
from indexer.reading.tables import CELL_SEPARATOR, origin_cells
from indexer.statistics.template import normalise

NUMBER = "number"
BLANK = "blank"
WORD = "word"

_NUMBER = re.compile(r"[+\-]?\d+(?:\.\d+)?")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
_NONE = frozenset({"-", "—", "–", "/", "／", "－", "——"})
_BOX = re.compile(r"[│┃║]")
_PIPE = re.compile(r"\|")
_RULE = re.compile(r"[\s\-:─━═┼├┤┬┴┌┐└┘╋+|│]*")
_TRAILING_FIGURE = re.compile(r"(.*[\u4e00-\u9fff)）])(\d+)")


@dataclass(frozen=True)
class Token:
    """A word, a figure or an empty cell, and where it is: ``start`` in the report's text, or
    ``(table, row, column)`` of a kept table."""

    text: str
    kind: str
    start: int = -1
    table: int | None = None
    row: int | None = None
    column: int | None = None


@dataclass(frozen=True)
class Run:
    """Figures (and empty cells) in a row on one line, with the words that came before them:
    on that line (``label``, its last word ``name``) and since the previous run (``context``)."""

    label: str
    context: str
    tokens: tuple[Token, ...]
    name: str = ""


def classify(text: str) -> str:
    """What a piece of a line is.

    >>> [classify(t) for t in ("3119", "1,362", "96171.6", "-3", "—", "", "1.属于国家秘密", "-4-")]
    ['number', 'number', 'number', 'number', 'blank', 'blank', 'word', 'word']
    """
    text = unicodedata.normalize("NFKC", text.strip())
    if not text or text in _NONE:
        return BLANK
    if _NUMBER.fullmatch(text) or _THOUSANDS.fullmatch(text):
        return NUMBER
    return WORD


def number(text: str) -> int | float:
    """The value of a token classified as a number.

    >>> number("1,362"), number("96171.6"), number("－3")
    (1362, 96171.6, -3)
    """
    text = unicodedata.normalize("NFKC", text.strip()).replace(",", "")
    return float(text) if "." in text else int(text)


def line_tokens(line: str, offset: int) -> list[Token]:
    """The tokens of one line of a text rendering (``offset``: where the line starts); a line
    that draws cells (``|`` or box rows) keeps its empty cells.

    >>> [t.text for t in line_tokens("│ 一、本年新收 │ 26 │    │ 26 │", 0)]
    ['一、本年新收', '26', '', '26']
    >>> [t.text for t in line_tokens("行政许可 | 100", 0)]
    ['行政许可', '100']
    >>> [t.kind for t in line_tokens("| 行政强制 | 4 | - |", 0)]
    ['word', 'number', 'blank']
    >>> [(t.text, t.kind) for t in line_tokens("规章   1   0  11", 100)][:2]
    [('规章', 'word'), ('1', 'number')]
    """
    piped = line.count("|") >= 2 or CELL_SEPARATOR in line  # a kept table's line: "a | b"
    separator = _BOX if _BOX.search(line) else _PIPE if piped else None
    if separator is None:
        return list(_words(line, offset))
    if _RULE.fullmatch(line):
        return []
    bounds = [-1, *(m.start() for m in separator.finditer(line)), len(line)]
    pieces = [(bounds[i] + 1, bounds[i + 1]) for i in range(len(bounds) - 1)]
    if pieces and not line[: pieces[0][1]].strip():
        pieces = pieces[1:]
    if pieces and not line[pieces[-1][0] :].strip():
        pieces = pieces[:-1]
    tokens: list[Token] = []
    for start, end in pieces:
        piece = line[start:end]
        if _RULE.fullmatch(piece) and len(piece.strip()) >= 3:  # "---", "────": not a cell
            continue
        found = list(_words(piece, offset + start))
        if found and all(t.kind == NUMBER for t in found):
            tokens.extend(found)
        else:
            at = offset + start + len(piece) - len(piece.lstrip())
            tokens.append(Token(piece.strip(), classify(piece), at))
    return tokens


def _words(line: str, offset: int) -> Iterator[Token]:
    for match in re.finditer(r"\S+", line):
        text, start = match.group(), offset + match.start()
        kind = classify(text)
        glued = _TRAILING_FIGURE.fullmatch(text) if kind == WORD else None
        if glued:
            yield Token(glued.group(1), WORD, start)
            yield Token(glued.group(2), NUMBER, start + glued.end(1))
        else:
            yield Token(text, kind, start)


def grid_lines(table: Table, index: int) -> list[list[Token]]:
    """A kept table's rows as token lines, each cell once (a merged cell where it starts) and
    empty cells kept."""
    lines = []
    for r, cells in enumerate(origin_cells(table)):
        row = table.rows[r]
        lines.append(
            [Token(row[c].strip(), classify(row[c]), -1, index, r, c) for c, _, _ in cells]
        )
    return lines


def report_lines(text: str, tables: Sequence[Table]) -> list[list[Token]]:
    """Every line of a report as tokens: the text's own lines, except where a kept table's rows
    are in the text, which come from the table (its empty cells and slots known)."""
    placed = sorted(
        ((i, t) for i, t in enumerate(tables) if 0 <= t.start < t.end), key=lambda p: p[1].start
    )
    lines: list[list[Token]] = []
    at = 0
    for index, table in placed:
        if table.start < at:
            continue
        lines.extend(_text_lines(text, at, table.start))
        lines.extend(grid_lines(table, index))
        at = table.end
    lines.extend(_text_lines(text, at, len(text)))
    return lines


def _text_lines(text: str, start: int, end: int) -> Iterator[list[Token]]:
    offset = start
    for line in text[start:end].split("\n"):
        yield line_tokens(line, offset)
        offset += len(line) + 1


def runs(lines: Sequence[Sequence[Token]]) -> list[Run]:
    """The runs of figures in token lines, in reading order.

    >>> lines = [line_tokens(s, 0) for s in ("（二）部分公开（区分", " 447  7  0", "1.秘密 2 0")]
    >>> [(r.label, r.context, [t.text for t in r.tokens]) for r in runs(lines)]
    [('', '(二)部分公开(区分', ['447', '7', '0']), ('1.秘密', '', ['2', '0'])]
    """
    found: list[Run] = []
    context: list[str] = []
    for tokens in lines:
        for label, values in _segments(tokens):
            if any(t.kind == NUMBER for t in values):
                name = normalise(label[-1]) if label else ""
                found.append(
                    Run(normalise("".join(label)), normalise("".join(context)), values, name)
                )
                context.clear()
            else:
                context.extend(label)
    return found


def _segments(tokens: Sequence[Token]) -> Iterator[tuple[list[str], tuple[Token, ...]]]:
    """A line cut into (words, the figures and empty cells after them)."""
    label: list[str] = []
    values: list[Token] = []
    for token in tokens:
        if token.kind == WORD:
            if values:
                yield label, tuple(values)
                label, values = [], []
            label.append(token.text)
        else:
            values.append(token)
    yield label, tuple(values)
