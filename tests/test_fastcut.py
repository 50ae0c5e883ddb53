"""The accelerated cut gives exactly jieba's pieces (jieba is the reference)."""

from __future__ import annotations

import random

import jieba
import pytest

from indexer.analysis import fastcut
from indexer.analysis.normalise import fold
from indexer.analysis.segment import initialise

from .search_fixtures import corpus


@pytest.fixture(scope="module", autouse=True)
def loaded() -> None:
    initialise()


def test_the_corpus_is_cut_as_jieba_cuts_it() -> None:
    texts = [fold(report.text) for _, report in corpus()]
    assert sum(map(len, texts)) > 100_000
    for text in texts:
        assert list(fastcut.cut(text)) == list(jieba.dt.cut(text))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t",
        "www.shuyang.gov.cn 电话：0527-832-309，xx.x%",
        "12345热线和12345政务服务便民热线",
        "二〇二三年 〇 ㊀ 𠀀𠀁 ｱｲｳ",
        "依申请公开\r\n政府信息公开\r\n",
        "C++、C#与A股、T恤、卡拉OK",
        "abc" * 1000 + "政务公开" * 1000,
    ],
)
def test_hostile_texts_are_cut_as_jieba_cuts_them(text: str) -> None:
    assert list(fastcut.cut(text)) == list(jieba.dt.cut(text))


def test_random_texts_are_cut_as_jieba_cuts_them() -> None:
    alphabet = list("政务公开信息申请依行政复议诉讼年度报告的了和在") + list("a1.%-+# ，。\n")
    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        assert list(fastcut.cut(text)) == list(jieba.dt.cut(text)), text
