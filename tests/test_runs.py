"""Run strings check bigram phrases exactly as bigram positions would, and mark the right text.

The positional oracle is the check the index made before it stopped storing positions: a query's
bigrams (query mode) standing at their relative positions among the text's bigrams (index mode,
with each run's last ideograph stacked). Run patterns must agree with it on every text.
"""

from __future__ import annotations

import random

import pytest

from indexer.analysis.bigrams import bigrams
from indexer.analysis.normalise import fold
from indexer.analysis.runs import (
    SEPARATOR,
    encode_runs,
    run_pattern,
    run_pattern_bytes,
    run_string,
    run_string_with_offsets,
    search_aligned,
)


def positional(query: str, text: str) -> bool:
    """Whether the query's bigrams stand in the text at their relative positions."""
    terms = [(word.text, word.position) for word in bigrams(query)]
    first = terms[0][1]
    places: dict[str, set[int]] = {}
    for word in bigrams(text, trailing=True):
        places.setdefault(word.text, set()).add(word.position)
    return any(
        all(start + position - first in places.get(term, ()) for term, position in terms)
        for start in places.get(terms[0][0], ())
    )


def by_runs(query: str, text: str) -> bool:
    return run_pattern(query).search(run_string(text)) is not None


@pytest.mark.parametrize(
    ("query", "text", "found"),
    [
        ("政务公开", "推进政务公开工作", True),
        ("环境与生态", "生态环境保护", False),
        ("互联网+政务服务", "推进互联网 + 政务服务", True),
        ("互联网+政务服务", "国际互联网、政务服务平台", True),  # the first run may end a longer run
        ("互联网+政务服务", "互联网政务服务", False),  # no break in the text: 网政 stands between
        ("政务 网", "政务 网站", False),  # a lone last ideograph ends its run in the text
        ("政务 网", "政务 网", True),
        ("网 政务", "互联网 政务", True),  # a lone first ideograph: a run's stacked last one
        ("网 政务", "网络 政务", False),
        ("2023年", "2023年 报告", True),
        ("2023年", "2023年报告", False),  # 年 alone is indexed only where its run ends
        ("2023年", "12023年", False),  # a number is a whole term
        ("年2023", "新年2023", True),
        ("年2023", "新年20234", False),
        ("pdf文件", "ＰＤＦ文件下载", True),  # folded like documents
        ("ab cd", "abcd", False),
    ],
)
def test_run_patterns_find_what_positions_find(query: str, text: str, found: bool) -> None:
    assert positional(query, text) is found
    assert by_runs(query, text) is found


def test_run_patterns_agree_with_positions_on_random_texts() -> None:
    alphabet = "政务公开网站信息 ，+a1"
    rng = random.Random(20261207)
    checked = 0
    for _ in range(4000):
        query = "".join(rng.choice(alphabet) for _ in range(rng.randint(2, 6)))
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        terms = list(bigrams(query))
        if not terms or (len(terms) == 1 and len(terms[0].text) == 1):
            continue  # nothing to look for, or a one-character unit (found by prefix)
        assert by_runs(query, text) == positional(query, text), (query, text)
        checked += 1
    assert checked > 2000


@pytest.mark.parametrize(
    "query", ["互联网+政务服务", "2023年", "平台 2023", "服务平台", "2023", "台，2", "乎", "一幎"]
)
def test_byte_patterns_find_the_same_in_stored_run_strings(query: str) -> None:
    text = "国际互联网、政务服务平台，2023年 一幎"  # 一幎 holds the bytes of 乎 one byte off
    found = run_pattern(query).search(run_string(text))
    stored = search_aligned(run_pattern_bytes(query), encode_runs(text))
    assert (found is None) == (stored is None)
    if found is not None:
        assert stored is not None and stored.start() == 2 * found.start()


def test_offsets_point_into_the_text() -> None:
    text = "一、ＰＤＦ 文件，互联网+政务服务"
    runs, offsets = run_string_with_offsets(text)
    assert runs == run_string(text)
    assert len(offsets) == len(runs)
    for found in run_pattern("互联网+政务服务").finditer(runs):
        assert text[offsets[found.start()] : offsets[found.end() - 1] + 1] == "互联网+政务服务"
    folded = fold(text)
    assert all(folded[offsets[i]] == char for i, char in enumerate(runs) if char != SEPARATOR)


def test_a_text_without_runs_is_one_separator() -> None:
    assert run_string("，。 ") == SEPARATOR
    assert run_pattern("，。").search(run_string("政务公开")) is None
