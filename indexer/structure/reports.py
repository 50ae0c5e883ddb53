"""Where one report ends and the next begins, in files that hold several one after another.

Essay sites and "汇编" pages run several reports together; each restarts its level-1 numbering
at 一、. A restart alone proves nothing — sub-lists, quoted documents and attachments restart
too — so a file is split only where a new report visibly opens (see
:mod:`indexer.structure.openings`), what follows is numbered as a sequence of its own, and it
runs long enough to be a report rather than a closing list. The split point is the start of that
opening (title included), just after the previous report's last paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import islice, pairwise, takewhile

from indexer.structure.headings import Candidate, find_candidates
from indexer.structure.openings import opening_start
from indexer.structure.outline import MAX_SKIP, drop_contents, level_one_chain, level_one_style
from indexer.structure.template import template_section

MIN_REPORT_CHARS = 300
"""A "report" shorter than this after a restart is a numbered list closing the previous one."""

_ATTACHMENT = re.compile(r"^\s*附\s*件", re.MULTILINE)


def split_reports(simplified: str) -> list[tuple[int, int]]:
    """Spans of the reports in a file, covering it from start to end (usually one span).

    >>> one = "今年以来，我局做了工作。\\n一、甲乙\\n" + "正文。" * 100 + "\\n二、丙丁\\n正文。\\n"
    >>> split_reports(one + one) == [(0, len(one)), (len(one), 2 * len(one))]
    True
    """
    candidates = find_candidates(simplified)
    attachments = [m.start() for m in _ATTACHMENT.finditer(simplified)]
    bounds = [0]
    while (found := _next_report(simplified, candidates, attachments, bounds[-1])) is not None:
        bounds.append(found)
    bounds.append(len(simplified))
    return list(pairwise(bounds))


def _next_report(
    text: str, candidates: tuple[Candidate, ...], attachments: list[int], start: int
) -> int | None:
    """Offset where the report after the one starting at ``start`` opens, or None."""
    present = drop_contents(tuple(c for c in candidates if c.start >= start), text)
    starts = [c.start for c in present]
    style = level_one_style(present)
    level_one = [c for c in present if c.style == style]
    chain = level_one_chain(level_one)
    accepted, restarts = set(chain.headings), set(chain.restarts)
    previous = None
    for i, candidate in enumerate(level_one):
        if candidate in accepted:
            previous = candidate
        renumbered = template_section(candidate.title) == "later"  # by a conversion
        if previous is None or candidate not in restarts or renumbered:
            continue
        following = list(takewhile(lambda c: not c.starts_over, islice(level_one, i + 1, None)))
        if not _new_sequence([c.number for c in following], previous.number):
            continue
        if bisect_left(attachments, candidate.start) > bisect_left(attachments, previous.start):
            continue  # an attached plan or document belongs to the report that attaches it
        nearest = starts[bisect_left(starts, candidate.start) - 1]
        opening = opening_start(text, nearest, candidate.start)
        after = i + 1 + len(following)
        ends = level_one[after].start if after < len(level_one) else len(text)
        if opening is not None and ends - opening >= MIN_REPORT_CHARS:
            return opening
    return None


def _new_sequence(numbers: list[int], old: int) -> bool:
    """Whether the numbers after a restart count up from 一 on their own, never repeating, and
    follow the new numbering better than the old one (which a sub-list would leave running)."""
    if not numbers or any(later <= earlier for earlier, later in pairwise([1, *numbers])):
        return False
    return _fits(numbers, 1) > _fits(numbers, old)


def _fits(numbers: list[int], last: int) -> int:
    """How many of ``numbers`` continue a sequence that has reached ``last``."""
    count = 0
    for number in numbers:
        if last < number <= last + MAX_SKIP:
            last, count = number, count + 1
    return count
