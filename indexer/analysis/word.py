"""The unit every analysis step yields: a term with its offsets and its position."""

from __future__ import annotations

from typing import NamedTuple


class Word(NamedTuple):
    """One term found in a text.

    ``text`` is the folded term (see :func:`indexer.analysis.normalise.fold`); ``start``/``end``
    are character offsets into the text as given, so they slice the display text too.
    ``position`` counts terms from 0; a ``stacked`` term shares its position with the term
    before it (a dictionary sub-word inside its parent word, or a bigram run's last character).
    A named tuple rather than a dataclass: millions are made per index run.
    """

    text: str
    start: int
    end: int
    position: int
    stacked: bool = False
