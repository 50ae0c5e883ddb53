"""Which heading candidates are headings: the evidence of the numbering sequence.

Real headings count up (一、二、三…, now and then skipping one that conversion lost). A numeral
that goes backwards, repeats, or jumps far ahead belongs to something else: a numbered sub-list
inside a section, a table row, a quoted document. Titles of the national template's sections are
trusted whatever their number, since conversions misnumber them. A page that lost the report's
beginning (a mirror, an excerpt) may open on 四、 and count on from there: a run of headings in
sequence is an outline wherever it starts. A table of contents at the top (a cluster of headings
with nothing under them, numbered again below) is not an outline, nor are the clauses of a
regulation's articles (:mod:`indexer.structure.articles`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from indexer.structure.articles import drop_clauses
from indexer.structure.headings import Candidate, find_candidates
from indexer.structure.template import template_section

STYLES = ("part", "number", "paren")
"""Numbering styles from the outermost: 第一部分, 一、, （一）."""

MAX_SKIP = 2
"""How far a heading number may run ahead of the expected one (one heading lost)."""
LATE_RUN = 3
"""Headings in unbroken sequence that make an outline starting late (四、五、六)."""

_NO_BODY = re.compile(r"[\s.…·．\-—_－0-9第页]*")
_SHORT_LINE = 40
_CONTENTS_MIN = 3


@dataclass(frozen=True)
class Heading:
    """A candidate accepted as a heading, with its level (1 or 2)."""

    candidate: Candidate
    level: int


@dataclass(frozen=True)
class Chain:
    """The level-1 headings of a numbering sequence, and the refused 一、 that restarted it."""

    headings: tuple[Candidate, ...]
    restarts: tuple[Candidate, ...]


def outline(simplified: str) -> tuple[Heading, ...]:
    """The level-1 and level-2 headings of one report, in text order.

    >>> found = outline("一、甲乙\\n正文\\n（一）丙丁\\n正文\\n二、戊己\\n正文")
    >>> [(h.level, h.candidate.title) for h in found]
    [(1, '甲乙'), (2, '丙丁'), (1, '戊己')]
    """
    candidates = drop_clauses(drop_contents(find_candidates(simplified), simplified), simplified)
    top = level_one_style(candidates)
    if top is None:
        return ()
    level_one = level_one_chain([c for c in candidates if c.style == top]).headings
    below = STYLES[STYLES.index(top) + 1] if top != STYLES[-1] else None
    level_two = _level_two([c for c in candidates if c.style == below], level_one)
    headings = [Heading(c, 1) for c in level_one] + [Heading(c, 2) for c in level_two]
    return tuple(sorted(headings, key=lambda h: h.candidate.start))


def level_one_style(candidates: tuple[Candidate, ...]) -> str | None:
    """The outermost numbering style that forms the report's outline.

    A style whose sequence holds a single heading is the outline only if it comes before every
    heading of the inner styles; otherwise it is a stray numbered line.
    """
    for i, style in enumerate(STYLES):
        chain = level_one_chain([c for c in candidates if c.style == style]).headings
        inner = [c.start for c in candidates if c.style in STYLES[i + 1 :]]
        if len(chain) >= 2 or (chain and (not inner or chain[0].start < min(inner))):
            return style
    return None


def level_one_chain(candidates: list[Candidate]) -> Chain:
    """Follow the numbering: accept each heading the sequence expects, refuse the rest."""
    accepted: list[Candidate] = []
    restarts: list[Candidate] = []
    last, shadow = 0, 0  # shadow: the number reached by a refused sequence (a sub-list)
    for i, candidate in enumerate(candidates):
        number = candidate.number
        in_sequence = last < number <= last + MAX_SKIP
        sub_list_goes_on = shadow and number == shadow + 1
        if template_section(candidate.title) == "later" and number != last:
            accept = True  # the template's sections, whatever number a conversion gave them
        elif not accepted and number > MAX_SKIP and _runs_on(candidates, i):
            accept = True  # the page lost the report's first sections
        elif in_sequence and sub_list_goes_on:
            accept = number == last + 1 and not _sub_list_continues(candidates, i)
        else:
            accept = in_sequence
        if accept:
            accepted.append(candidate)
            last, shadow = number, 0
        elif candidate.starts_over:
            if last >= 2:
                restarts.append(candidate)
            shadow = 1
        elif sub_list_goes_on:
            shadow = number
    return Chain(tuple(accepted), tuple(restarts))


def _runs_on(candidates: list[Candidate], i: int) -> bool:
    """Whether ``i`` opens a run of ``LATE_RUN`` headings numbered in sequence."""
    run = candidates[i : i + LATE_RUN]
    return len(run) == LATE_RUN and all(
        later.number == earlier.number + 1 for earlier, later in pairwise(run)
    )


def _sub_list_continues(candidates: list[Candidate], i: int) -> bool:
    """Whether the sub-list reaching ``i`` goes on and the same number comes again after it.

    Then ``i`` is the sub-list's item and the later one the section heading; otherwise the
    sub-list has ended and ``i`` is the heading the main sequence expects.
    """
    number = expected = candidates[i].number
    for later in candidates[i + 1 :]:
        if later.number == number:
            return True
        if later.number != expected + 1:
            return False
        expected += 1
    return False


def _level_two(candidates: list[Candidate], level_one: tuple[Candidate, ...]) -> list[Candidate]:
    """（一）-style headings under the level-1 ones; numbering may restart, repeat or run on."""
    if not level_one:
        return []
    accepted, last = [], 0
    for candidate in candidates:
        if candidate.start < level_one[0].start:
            continue
        number = candidate.number
        if number == 1 or last <= number <= last + MAX_SKIP + 1:
            accepted.append(candidate)
            last = number
    return accepted


def drop_contents(candidates: tuple[Candidate, ...], text: str) -> tuple[Candidate, ...]:
    """Remove a table of contents: leading headings with no body, numbered again further on."""
    bodies = [text[c.body_start : nxt.start] for c, nxt in pairwise(candidates)]
    run = 0
    while run < len(bodies) and _NO_BODY.fullmatch(bodies[run]):
        run += 1
    if run < len(bodies) and _is_short_line(bodies[run]):
        run += 1  # the last entry, followed by the body's own title line
    if run < _CONTENTS_MIN:
        return candidates
    first = candidates[0]
    numbered_again = any(
        c.style == first.style and c.number == first.number for c in candidates[run:]
    )
    return candidates[run:] if numbered_again else candidates


def _is_short_line(body: str) -> bool:
    stripped = body.strip()
    return "\n" not in stripped and len(stripped) <= _SHORT_LINE and "。" not in stripped
