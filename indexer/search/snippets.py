"""Snippets: the best short passages of a section around what the query matched, as pieces.

Pure text work on the display text and the matched character spans (which the engine stored at
index time), so nothing is analysed again per hit and traditional reports show their own script.
Passages start at a sentence (``。！？；``, or a line) where they can and end at one where they can;
of two overlapping matches the longer is marked (政府信息公开 rather than 信息公开 inside it).
Renderers escape the pieces themselves.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from indexer.search.types import Fragment, Snippet

SENTENCE_ENDS = "。！？；!?;\n"
ELLIPSIS = "…"
_SPACE = re.compile(r"\s+")

Span = tuple[int, int]


def make_snippets(
    text: str, spans: Iterable[Span], *, length: int, count: int, lead_from: int = 0
) -> tuple[Snippet, ...]:
    """Up to ``count`` passages of about ``length`` characters, the best first by the number of
    different matches they hold, shown in text order. Passages start at ``lead_from`` (where the
    body begins after its heading) or later: the heading is shown beside the snippet already, so
    matches in it are not repeated, unless nothing else matched. Without matches: the opening
    passage of the body.

    >>> [[(f.text, f.hit) for f in s] for s in make_snippets(
    ...     "前言。推进政府信息公开工作。其他。", [(5, 11), (7, 11)], length=12, count=1)]
    [[('推进', False), ('政府信息公开', True), ('工作。', False)]]
    """
    body = _skip_space(text, lead_from)
    every = choose_marks(spans)
    marks = [mark for mark in every if mark[0] >= body]
    if every and not marks:  # only the heading matched: show it, marked, rather than no hit
        body, marks = 0, every
    if not marks:
        if body >= len(text):
            return ()
        return (_render(text, body, _cut(text, body, length), [], body),)
    starts = [start for start, _ in marks]
    windows: dict[int, tuple[tuple[int, int, int], int]] = {}
    for mark in marks:
        start = max(_window_start(text, mark, length), body)
        if start not in windows:
            end = _past_mark(_cut(text, start, length), marks, starts)
            inside = marks[bisect_left(starts, start) : bisect_left(starts, end)]
            distinct = len({text[a:b].lower() for a, b in inside})
            windows[start] = ((distinct, len(inside), -start), end)
    chosen: list[Span] = []
    for _, start in sorted(((score, start) for start, (score, _) in windows.items()), reverse=True):
        end = windows[start][1]
        if all(end <= a or start >= b for a, b in chosen):
            chosen.append((start, end))
        if len(chosen) == count:
            break
    return tuple(
        _render(text, start, end, marks[max(0, bisect_right(starts, start) - 1) :], body)
        for start, end in sorted(chosen)
    )


def choose_marks(spans: Iterable[Span]) -> list[Span]:
    """Non-overlapping spans to mark, sorted: of overlapping ones the longer wins.

    >>> choose_marks([(2, 6), (0, 6), (8, 10), (9, 12)])
    [(0, 6), (9, 12)]
    """
    chosen: list[Span] = []
    starts: list[int] = []
    for start, end in sorted(set(spans), key=lambda span: (span[0] - span[1], span[0])):
        if end <= start:
            continue
        at = bisect_left(starts, start)
        if at > 0 and chosen[at - 1][1] > start:
            continue
        if at < len(chosen) and chosen[at][0] < end:
            continue
        chosen.insert(at, (start, end))
        starts.insert(at, start)
    return chosen


def _window_start(text: str, mark: Span, length: int) -> int:
    """Where a passage showing ``mark`` begins: at its sentence when that fits, else a little
    before the mark."""
    start, end = mark
    sentence = max(text.rfind(char, 0, start) for char in SENTENCE_ENDS) + 1
    if end - sentence > length:
        sentence = max(sentence, start - length // 4)
    return _skip_space(text, sentence)


def _cut(text: str, start: int, length: int) -> int:
    """Where a passage from ``start`` ends: after the last sentence end in its second half, if
    any, else after ``length`` characters."""
    limit = min(len(text), start + length)
    if limit == len(text):
        return limit
    last = max(text.rfind(char, start + length // 2, limit) for char in SENTENCE_ENDS)
    return last + 1 if last >= 0 else limit


def _past_mark(end: int, marks: list[Span], starts: list[int]) -> int:
    """Move a passage's end past a mark it would cut in two, so a hit is never shown halved.

    >>> _past_mark(5, [(3, 8)], [3])
    8
    """
    at = bisect_left(starts, end) - 1
    return max(end, marks[at][1]) if at >= 0 else end


def _render(text: str, start: int, end: int, marks: list[Span], body: int) -> Snippet:
    pieces: list[tuple[str, bool]] = []
    if start != body and not _after_boundary(text, start):
        pieces.append((ELLIPSIS, False))
    at = start
    for mark_start, mark_end in marks:
        if mark_start >= end:
            break
        if mark_end <= start:
            continue
        mark_start = max(mark_start, start)
        pieces.append((text[at:mark_start], False))
        pieces.append((text[mark_start : min(mark_end, end)], True))
        at = min(mark_end, end)
    pieces.append((text[at:end], False))
    if end < len(text) and text[end - 1] not in SENTENCE_ENDS:
        pieces.append((ELLIPSIS, False))
    return _fragments(pieces)


def _fragments(pieces: list[tuple[str, bool]]) -> Snippet:
    """Merge neighbours of the same kind, fold runs of white space, drop what is left empty."""
    merged: list[list] = []
    for piece, hit in pieces:
        piece = _SPACE.sub(" ", piece)
        if merged and merged[-1][1] == hit:
            merged[-1][0] += piece
        elif piece:
            merged.append([piece, hit])
    if merged:
        merged[0][0] = merged[0][0].lstrip()
        merged[-1][0] = merged[-1][0].rstrip()
    return tuple(Fragment(piece, hit) for piece, hit in merged if piece)


def _after_boundary(text: str, at: int) -> bool:
    """Whether ``at`` starts the text, a sentence or a line (white space aside)."""
    while at > 0 and text[at - 1].isspace() and text[at - 1] != "\n":
        at -= 1
    return at == 0 or text[at - 1] in SENTENCE_ENDS


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at].isspace():
        at += 1
    return at
