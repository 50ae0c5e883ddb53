"""Which documents a plan matches: sorted arrays of document numbers, combined as sets.

Exact totals and facet counts need every match, not the best few, so matching is done here
rather than by Whoosh's matchers (whose phrase matching walks every candidate in Python, twice
when ranking): a term's documents are read from its postings into an array, AND, OR and NOT
are numpy set operations, and filters on facet fields are array comparisons on the table.

A unit matches where it is a word of the word field, or where its bigrams stand in order in the
bigram field. Documents holding all the bigrams are candidates; only candidates the word did not
already match are checked, on their run strings (:mod:`~indexer.backends.whoosh.runtexts`).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from whoosh.reading import IndexReader

from indexer.backends.whoosh.postings import EMPTY_IDS, Postings
from indexer.backends.whoosh.query import Fields, Match, Plan, Unit
from indexer.backends.whoosh.runtexts import RunTexts
from indexer.backends.whoosh.sets import difference, intersection, union
from indexer.backends.whoosh.syntax import AllOf, Filter, Not, Years
from indexer.backends.whoosh.table import Table


class Matcher:
    """Evaluates plans over one opened index: its table and the run strings of the bigram
    fields (see :data:`~indexer.backends.whoosh.schema.RUN_COLUMNS`)."""

    def __init__(self, table: Table, runs: dict[str, RunTexts]) -> None:
        self._table = table
        self._runs = runs

    def match(
        self, plan: Plan | None, leaves: list[tuple[IndexReader, int]], postings: Postings
    ) -> np.ndarray:
        """The live document numbers ``plan`` matches, ascending (None matches everything),
        read through the segments ``leaves`` of a reader the caller holds."""
        return _Evaluation(leaves, self._table, postings, self._runs).match(plan)


class _Evaluation:
    def __init__(
        self,
        leaves: list[tuple[IndexReader, int]],
        table: Table,
        postings: Postings,
        runs: dict[str, RunTexts],
    ) -> None:
        self._leaves = leaves
        self._table = table
        self._postings = postings
        self._runs = runs

    def match(self, plan: Plan | None) -> np.ndarray:
        if plan is None:
            return self._table.live
        if isinstance(plan, Match):
            return union(self._unit(unit, plan.fields) for unit in plan.units)
        if isinstance(plan, Filter):
            return self._filter(plan)
        if isinstance(plan, Years):
            return self._column_docs("year", plan.range.accepts)
        if isinstance(plan, Not):
            return difference(self._table.live, self.match(plan.child))
        parts = [self.match(child) for child in plan.children]
        if isinstance(plan, AllOf):
            return intersection(parts)
        return union(parts)

    def _filter(self, plan: Filter) -> np.ndarray:
        if plan.field in self._table.columns:
            return self._column_docs(plan.field, lambda value: value == plan.value)
        return self._term(plan.field, plan.value)

    def _column_docs(self, field: str, accept: Callable[[str], bool]) -> np.ndarray:
        column = self._table.columns[field]
        allowed = column.allowing(accept)
        live = self._table.live
        return live[allowed[column.codes[live]]]

    def _unit(self, unit: Unit, fields: Fields) -> np.ndarray:
        found: list[np.ndarray] = []
        for word_field, bigram_field, _ in fields:
            words = self._term(word_field, unit.word) if unit.word else EMPTY_IDS
            if unit.single_character:
                bigrams = self._prefix(bigram_field, unit.single_character)
            else:
                bigrams = self._phrase(bigram_field, unit, already=words)
            found += [words, bigrams]
        return union(found)

    def _term(self, field: str, text: str) -> np.ndarray:
        return self._postings.ids(field, text)

    def _prefix(self, field: str, prefix: str) -> np.ndarray:
        texts = {text for leaf, _ in self._leaves for text in leaf.expand_prefix(field, prefix)}
        return union(self._term(field, text) for text in texts)

    def _phrase(self, field: str, unit: Unit, already: np.ndarray) -> np.ndarray:
        """Documents where the unit's bigrams stand in order; documents in ``already``
        (matched anyway) may be left out unchecked."""
        holding = [self._term(field, text) for text, _ in unit.bigrams]
        candidates = intersection(holding)
        if len(unit.bigrams) == 1:
            return candidates
        unchecked = difference(candidates, already)
        return self._runs[field].matching(unit.runs, unchecked)
