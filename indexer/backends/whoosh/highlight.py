"""Where a hit matched: character spans read from the postings stored at index time.

The word and bigram fields store each term's position and character offsets, so a hit's spans
come from the index without running jieba again: a unit's terms are looked up for that one
document and kept where they stand at the unit's relative positions. One-ideograph units are
found by prefix in the bigram field; their spans are the ideograph's own occurrences in the
section's simplified text.
"""

from __future__ import annotations

from collections.abc import Iterable

from whoosh.reading import IndexReader, TermNotFound

from indexer.analysis.normalise import fold
from indexer.backends.whoosh.query import Terms, Unit
from indexer.search.snippets import Span


def matched_spans(
    reader: IndexReader, docnum: int, units: Iterable[Unit], simplified: str
) -> list[Span]:
    """The spans of every unit in document ``docnum`` of the segment ``reader``; offsets index
    the section text (``simplified`` is its simplified twin)."""
    spans: list[Span] = []
    for unit in units:
        if unit.word:
            spans.extend(_sequence_spans(reader, docnum, "text", unit.words))
        if unit.single_character:
            folded = fold(simplified)
            spans.extend(_occurrences(folded, unit.single_character))
        else:
            spans.extend(_sequence_spans(reader, docnum, "text_bigram", unit.bigrams))
    return spans


def _sequence_spans(reader: IndexReader, docnum: int, field: str, terms: Terms) -> list[Span]:
    """Spans where all ``terms`` stand at their relative positions, first start to last end."""
    places = [_characters(reader, docnum, field, text) for text, _ in terms]
    if not all(places):
        return []
    (_, last), spans = terms[-1], []
    for position, (start, _) in places[0].items():
        if all(
            position + offset in place for (_, offset), place in zip(terms, places, strict=True)
        ):
            spans.append((start, places[-1][position + last][1]))
    return spans


def _characters(reader: IndexReader, docnum: int, field: str, text: str) -> dict[int, Span]:
    """A term's ``{position: (start, end)}`` in one document; empty when it is not there."""
    try:
        matcher = reader.postings(field, text)
    except TermNotFound:
        return {}
    if matcher.is_active():
        matcher.skip_to(docnum)
    if not matcher.is_active() or matcher.id() != docnum:
        return {}
    return {position: (start, end) for position, start, end in matcher.value_as("characters")}


def _occurrences(text: str, char: str) -> list[Span]:
    spans, at = [], text.find(char)
    while at >= 0:
        spans.append((at, at + 1))
        at = text.find(char, at + 1)
    return spans
