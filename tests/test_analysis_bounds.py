"""Tokenising costs the same per character whatever the text: a run of letters or digits a
million long (junk, or an attack) must not make it super-linear, since it runs in the engine's
processes where no per-file time limit reaches. Checked by counting the work (the longest block
jieba is given, the longest term) and by comparing one input with four times as much."""

from __future__ import annotations

import time
from collections.abc import Callable

import jieba
import pytest

from indexer.analysis import fastcut
from indexer.analysis.bigrams import bigrams
from indexer.analysis.normalise import MAX_WORD
from indexer.analysis.runs import run_string
from indexer.analysis.segment import initialise, segment

JUNK = {
    "letters": lambda size: "a" * size,
    "digits": lambda size: "1234567890" * (size // 10),
    "mixed": lambda size: ("x9" * (size // 2 - 5)) + "政务公开工作",
}


@pytest.fixture(scope="module", autouse=True)
def loaded() -> None:
    initialise()


def tokenise(text: str) -> int:
    """Everything indexing does to a text; the number of terms."""
    terms = len(list(segment(text, subwords=True))) + len(list(bigrams(text, trailing=True)))
    return terms + len(run_string(text))


@pytest.mark.parametrize("make", JUNK.values(), ids=JUNK)
def test_jieba_gets_bounded_blocks_and_terms_stay_short(
    make: Callable[[int], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    blocks: list[int] = []
    cut = jieba.dt.cut

    def counting(text: str, *args: object, **kwargs: object) -> object:
        blocks.append(len(text))
        return cut(text, *args, **kwargs)

    monkeypatch.setattr(jieba.dt, "cut", counting)
    text = make(100_000)
    words = list(segment(text, subwords=True))
    assert max(blocks) <= fastcut.MAX_BLOCK
    assert max(len(word.text) for word in words) <= MAX_WORD
    assert max(len(word.text) for word in bigrams(text)) <= MAX_WORD


def seconds(work: Callable[[], object]) -> float:
    """The best of three runs (the least disturbed by the rest of the machine)."""
    times = []
    for _ in range(3):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


@pytest.mark.parametrize("make", JUNK.values(), ids=JUNK)
def test_four_times_the_junk_costs_about_four_times_as_much(make: Callable[[int], str]) -> None:
    small, large = make(100_000), make(400_000)
    ratio = seconds(lambda: tokenise(large)) / seconds(lambda: tokenise(small))
    assert ratio < 8, f"4× the input took {ratio:.1f}× the time"  # linear: 4; quadratic: 16
