"""Places a report mentions, as the region decision reads them: the mentions inside a span (the
titles of cited documents left out unless asked for) and runs of adjacent mentions
(长春市朝阳区), which narrow each other."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from indexer.gazetteer import Division, Gazetteer, Mention

_QUOTED = re.compile(r"《[^》]*》")
_CHAIN_GAP = re.compile(r"[\s\u3000]*")


def mentions_in(
    simplified: str, span: tuple[int, int], gazetteer: Gazetteer, cited: bool = False
) -> list[Mention]:
    """Mentions inside ``span``; those in the titles of cited documents (《南京市政府信息公开规定》)
    only when ``cited``, as they may settle an ambiguous name but never decide the region."""
    start, end = span
    piece = simplified[start:end]
    if not cited:
        piece = _QUOTED.sub(lambda m: "　" * len(m.group()), piece)
    return [
        Mention(m.start + start, m.end + start, m.candidates)
        for m in gazetteer.find_mentions(piece)
    ]


def first_place(
    simplified: str, mentions: Sequence[Mention], gazetteer: Gazetteer
) -> tuple[Mention | None, tuple[Division, ...]]:
    """The first run of adjacent mentions that names a known division: its first mention and
    the divisions it denotes."""
    for mention in mentions:
        found = gazetteer.locate(chain(simplified, mention, mentions))
        if found:
            return mention, found
    return None, ()


def chain(simplified: str, first: Mention, pool: Iterable[Mention]) -> list[Mention]:
    """The run of mentions from ``first`` on, each right after the one before (spaces allowed)."""
    run = [first]
    for mention in sorted(pool, key=lambda m: m.start):
        if mention.start >= run[-1].end and _adjacent(simplified, run[-1], mention):
            run.append(mention)
    return run


def chain_end(simplified: str, first: Mention, pool: Iterable[Mention]) -> int:
    """Where the run of mentions from ``first`` ends."""
    return chain(simplified, first, pool)[-1].end


def _adjacent(simplified: str, left: Mention, right: Mention) -> bool:
    return _CHAIN_GAP.fullmatch(simplified, left.end, right.start) is not None
