"""Overlapping character bigrams: recall where the query and the text are cut differently.

jieba may cut 生态环境保护 without a 生态环境 word, or cut a query otherwise than the text; the
bigrams of a phrase are the same wherever it appears. A phrase query over bigram positions keeps
order: 环境与生态 (环境 境与 与生 生态) never matches text holding only 生态环境.

- Each run of ideographs gives its bigrams at consecutive positions; a run of one ideograph
  gives that ideograph.
- Letters and digits give whole words (2023, pdf), as in the word field.
- White space and punctuation take no position, so 互联网+政务服务 and 互联网 + 政务服务 match.
- Single-character queries: at index time (``trailing=True``) each run's last ideograph is
  added, stacked on the run's last bigram. Every ideograph of the text then starts an indexed
  term, so a prefix query (税*) on this field finds every occurrence of one character.

Phrases of bigrams are checked on the text's run string (:mod:`indexer.analysis.runs`), which
holds exactly what these positions encode, so the field is indexed without positions.
"""

from __future__ import annotations

from collections.abc import Iterator

from indexer.analysis.normalise import fold
from indexer.analysis.runs import runs
from indexer.analysis.word import Word


def bigrams(text: str, *, trailing: bool = False) -> Iterator[Word]:
    """The bigrams and latin/digit words of ``text``, folded, with offsets and positions.

    >>> [(w.text, w.start, w.position) for w in bigrams("2023年 生态环境", trailing=True)]
    [('2023', 0, 0), ('年', 4, 1), ('生态', 6, 2), ('态环', 7, 3), ('环境', 8, 4), ('境', 9, 4)]
    """
    folded = fold(text)
    position = 0
    for run in runs(folded):
        start, end = run.span()
        if run.lastgroup != "han" or end - start == 1:
            yield Word(run[0], start, end, position)
            position += 1
            continue
        for begin in range(start, end - 1):
            yield Word(folded[begin : begin + 2], begin, begin + 2, position)
            position += 1
        if trailing:
            yield Word(folded[end - 1], end - 1, end, position - 1, True)
