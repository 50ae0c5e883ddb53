"""Section types and how a section gets one (the taxonomy's data is declared in config.toml).

A type's keywords and patterns are matched against a heading; the type that accounts for the
most characters of it wins (so a long, specific phrase beats a short, generic one), and a tie goes
to the type whose keywords cover more of the body, then to the type declared first. A heading no
keyword matches is typed from its body only when the body is strongly about one thing. Level-2
sections follow their parent as its ``subsections`` policy says.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

PREAMBLE = "preamble"
UNCLASSIFIED = "unclassified"
RESERVED = (PREAMBLE, UNCLASSIFIED)

SUBSECTION_POLICIES = ("own", "inherit", "fixed")
"""``own``: a sub-section is typed by its own heading, falling back to this type (for overview-like
sections whose sub-sections each cover a topic); ``inherit``: it takes this type unless its heading
clearly names another; ``fixed``: it always takes this type (problems, plans)."""

CLEAR_HEADING = 4
"""Characters a sub-section's heading must match to override an inherited type (e.g. 依申请公开)."""

BODY_MIN = 24
"""Characters of keywords a body needs before it can type a section whose heading says nothing."""

BODY_CHARS = 3000
"""How much of a body is read: the opening paragraphs say what a section is about."""


class TaxonomyError(ValueError):
    """The declared taxonomy cannot be used; the message names the offending item."""


@dataclass(frozen=True)
class SectionType:
    """One kind of section, with the words that identify it in a heading."""

    id: str
    label: str
    keywords: tuple[str, ...] = ()
    patterns: tuple[re.Pattern[str], ...] = ()
    subsections: str = "inherit"

    def coverage(self, text: str) -> int:
        """How many characters of ``text`` (normalised) this type's keywords and patterns match.

        >>> fees = SectionType("fees", "收费减免", keywords=("收费", "支出"))
        >>> fees.coverage("政府信息公开支出与收费")
        4
        """
        spans = [
            (at, at + len(keyword))
            for keyword in self.keywords
            if keyword in text
            for at in _occurrences(text, keyword)
        ]
        spans += [m.span() for pattern in self.patterns for m in pattern.finditer(text)]
        covered = 0
        reached = 0
        for start, end in sorted(spans):
            covered += max(0, end - max(start, reached))
            reached = max(reached, end)
        return covered


@dataclass(frozen=True)
class Taxonomy:
    """The section types in their declared order (the order of facets and of tie-breaking)."""

    types: tuple[SectionType, ...] = ()
    _by_id: dict[str, SectionType] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {t.id: t for t in self.types})

    def __iter__(self) -> Iterator[SectionType]:
        return iter(self.types)

    def __len__(self) -> int:
        return len(self.types)

    def __contains__(self, type_id: object) -> bool:
        return type_id in self._by_id

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.types)

    def get(self, type_id: str) -> SectionType | None:
        return self._by_id.get(type_id)

    def by_label(self, label: str) -> SectionType | None:
        return next((t for t in self.types if t.label == label), None)

    def label(self, type_id: str) -> str:
        """The label to show for a type id; an id this taxonomy does not know is shown as is."""
        found = self._by_id.get(type_id)
        return found.label if found else type_id

    def classify(self, heading: str, body: str = "", parent_type: str | None = None) -> str:
        """The type id of a section from its heading (simplified, numeral removed) and body.

        >>> Taxonomy((SectionType("fees", "收费", ("收费",)),)).classify("信息公开收费情况")
        'fees'
        """
        topical = [t for t in self.types if t.id not in RESERVED]
        head = normalise(heading)
        scores = {t.id: t.coverage(head) for t in topical}
        own = _best(topical, scores, body)
        parent = self.get(parent_type) if parent_type else None
        if parent is None or parent.subsections == "own":
            fallback = parent.id if parent else UNCLASSIFIED
            return own or _from_body(topical, body) or fallback
        if parent.subsections == "fixed" or own is None:
            return parent.id
        clear = scores[own] >= CLEAR_HEADING and scores[own] > scores.get(parent.id, 0)
        return own if clear else parent.id


def _occurrences(text: str, keyword: str) -> list[int]:
    found, at = [], text.find(keyword)
    while at >= 0:
        found.append(at)
        at = text.find(keyword, at + 1)
    return found


def normalise(text: str) -> str:
    """What keywords are matched against: NFKC (full-width → half-width), no whitespace, lower case.

    >>> normalise("推进“互联网＋政务服务” 工作")
    '推进“互联网+政务服务”工作'
    """
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def _best(types: list[SectionType], scores: dict[str, int], body: str) -> str | None:
    top = max(scores.values(), default=0)
    if top == 0:
        return None
    tied = [t for t in types if scores[t.id] == top]
    if len(tied) > 1 and body:
        text = normalise(body[:BODY_CHARS])
        by_body = [t.coverage(text) for t in tied]
        return tied[by_body.index(max(by_body))].id
    return tied[0].id


def _from_body(types: list[SectionType], body: str) -> str | None:
    """A type only when the body is dominated by it: twice the keywords of any other."""
    text = normalise(body[:BODY_CHARS])
    ranked = sorted(((t.coverage(text), i) for i, t in enumerate(types)), reverse=True)
    if not ranked or ranked[0][0] < BODY_MIN:
        return None
    runner_up = ranked[1][0] if len(ranked) > 1 else 0
    return types[ranked[0][1]].id if ranked[0][0] >= 2 * runner_up else None
