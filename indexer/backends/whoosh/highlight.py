"""Where a hit matched: character spans found in the section's text, not read from the index.

A unit matches a section where its word is one of the section's words or where its bigrams stand
in order; every occurrence of either is an occurrence of the unit's run pattern in the section's
run string (see :mod:`indexer.analysis.runs`), so the spans are found there and mapped back to
offsets in the section text. One-ideograph units are marked wherever the ideograph stands.
"""

from __future__ import annotations

from collections.abc import Iterable

from indexer.analysis.normalise import fold
from indexer.analysis.runs import run_pattern, run_string_with_offsets
from indexer.backends.whoosh.query import Unit
from indexer.search.snippets import Span


def matched_spans(units: Iterable[Unit], simplified: str) -> list[Span]:
    """The spans of every unit in a section; offsets index the section text (``simplified`` is
    its simplified twin).

    >>> from indexer.backends.whoosh.query import analyse
    >>> matched_spans([analyse("政务公开"), analyse("公")], "推进政务公开，公示。")
    [(2, 6), (4, 5), (7, 8)]
    """
    spans: list[Span] = []
    mapped: tuple[str, list[int]] | None = None
    for unit in units:
        if unit.single_character:
            spans.extend(_occurrences(fold(simplified), unit.single_character))
            continue
        if mapped is None:
            mapped = run_string_with_offsets(simplified)
        runs, offsets = mapped
        spans.extend(
            (offsets[found.start()], offsets[found.end() - 1] + 1)
            for found in run_pattern(unit.runs).finditer(runs)
        )
    return spans


def _occurrences(text: str, char: str) -> list[Span]:
    spans, at = [], text.find(char)
    while at >= 0:
        spans.append((at, at + 1))
        at = text.find(char, at + 1)
    return spans
