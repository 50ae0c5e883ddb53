"""One report's sections: the preamble, then each heading with the text under it, typed.

Headings are found on the simplified twin and sliced from the display text (both have the same
length). Sections tile the report: each runs from its heading to the next heading of any level,
so a level-1 section's text stops where its first sub-section begins. A level-1 section is typed
from its heading and everything under it (sub-sections included); a level-2 one from its own
heading and text, and its parent's type.
"""

from __future__ import annotations

from indexer.models import Section
from indexer.structure.outline import Heading, outline
from indexer.structure.sectiontypes import PREAMBLE, Taxonomy

_TRAILING = " \t\u3000*。：:；;"


def split_sections(text: str, simplified: str, taxonomy: Taxonomy) -> tuple[Section, ...]:
    """The sections of one report; offsets index ``text`` (and ``simplified``, its twin).

    >>> from indexer.structure.sectiontypes import SectionType
    >>> kinds = Taxonomy((SectionType("fees", "收费", ("收费",)),))
    >>> report = "前言。\\n一、收费情况\\n未收费。\\n二、其他\\n无。"
    >>> for s in split_sections(report, report, kinds):
    ...     print(s.level, s.heading, s.type, s.text)
    0  preamble 前言。
    1 一、收费情况 fees 未收费。
    1 二、其他 unclassified 无。
    """
    headings = outline(simplified)
    starts = [h.candidate.start for h in headings]
    sections: list[Section] = []
    preamble = text[: starts[0] if starts else len(text)].strip()
    if preamble:
        end = starts[0] if starts else len(text)
        sections.append(Section("", 0, PREAMBLE, preamble, 0, end, 0))
    parent: Section | None = None
    for i, heading in enumerate(headings):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        section = _section(text, simplified, taxonomy, headings, i, end, len(sections), parent)
        sections.append(section)
        if heading.level == 1:
            parent = section
    return tuple(sections)


def _section(
    text: str,
    simplified: str,
    taxonomy: Taxonomy,
    headings: tuple[Heading, ...],
    i: int,
    end: int,
    position: int,
    parent: Section | None,
) -> Section:
    candidate, level = headings[i].candidate, headings[i].level
    heading = text[candidate.start : candidate.title_end].rstrip(_TRAILING)
    body = text[candidate.body_start : end].strip()
    if level == 1:
        extent = _extent(headings, i, len(simplified))
        section_type = taxonomy.classify(candidate.title, simplified[candidate.body_start : extent])
        return Section(heading, 1, section_type, body, candidate.start, end, position)
    section_type = taxonomy.classify(
        candidate.title, simplified[candidate.body_start : end], parent.type if parent else None
    )
    return Section(
        heading, 2, section_type, body, candidate.start, end, position,
        parent.position if parent else None,
    )  # fmt: skip


def _extent(headings: tuple[Heading, ...], i: int, default: int) -> int:
    """Where the level-1 section at ``i`` ends, sub-sections included: at the next level-1."""
    later = (h.candidate.start for h in headings[i + 1 :] if h.level == 1)
    return next(later, default)
