"""Weaker evidence of where a report is from, which can confirm the text's places but never
overrule them: the division code of a credit code in the page's metadata
(:mod:`indexer.metadata.codes`).

A code settles a name several divisions share (鼓楼区 with 320106 is 南京's) and names the
report's place when the text names that place somewhere but nowhere that decides; a code that
no place in the text agrees with is ignored, as it may be the registration of a body elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from indexer.gazetteer import Division, Gazetteer, Mention


def coded_divisions(codes: Iterable[str], gazetteer: Gazetteer) -> tuple[Division, ...]:
    """The divisions the codes denote (zone codes give their host), unknown codes left out."""
    found = (gazetteer.by_code(code) for code in codes)
    return tuple(dict.fromkeys(d for d in found if d is not None))


def agreeing(candidates: Sequence[Division], coded: Sequence[Division]) -> tuple[Division, ...]:
    """The candidates a code agrees with (the same division, one inside the other); all of them
    when the codes agree with none or with every one."""
    fitting = tuple(c for c in candidates if any(_related(c, k) for k in coded))
    return fitting or tuple(candidates)


def confirmed(mentions: Sequence[Mention], coded: Sequence[Division]) -> Division | None:
    """The coded division that the text also names somewhere (``mentions``), if exactly one."""
    named = {k for k in coded for m in mentions if k in m.candidates}
    return named.pop() if len(named) == 1 else None


def _related(a: Division, b: Division) -> bool:
    return a == b or a.code == b.code or a.contains(b) or b.contains(a)
