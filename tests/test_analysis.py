"""Chinese text analysis without a search engine: folding, jieba words, bigrams, vocabulary."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import jieba
import opencc
import pytest

from indexer.analysis import fingerprint as fingerprint_module
from indexer.analysis.bigrams import bigrams
from indexer.analysis.fingerprint import analysis_fingerprint
from indexer.analysis.lexicon import STOPWORDS, USER_DICT, read_resource, stopwords, user_terms
from indexer.analysis.normalise import fold, has_han
from indexer.analysis.segment import DEFAULT_CACHE_DIR, initialise, segment
from indexer.analysis.word import Word

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"
SAMPLE_TEXTS = sorted(SAMPLE.rglob("*.txt"))
T2S = opencc.OpenCC("t2s")


def render(words):
    """Words as ``text[start:end]@position``, a stacked word marked with a leading ``^``."""
    return " ".join(
        f"{'^' if w.stacked else ''}{w.text}[{w.start}:{w.end}]@{w.position}" for w in words
    )


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("ＡＢＣ１２３", "abc123"),
        ("ＩＳＯ９００１认证", "iso9001认证"),
        ("互联网＋政务服务", "互联网+政务服务"),
        ("政务　公开", "政务 公开"),  # ideographic space
        ("⼯作⽅案", "工作方案"),  # Kangxi radicals left by PDF extraction
        ("Ｗｅｂ站点 PDF", "web站点 pdf"),
        ("第①项", "第1项"),
        ("政府信息公开。", "政府信息公开。"),  # ideographs and 。 unchanged
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_fold_keeps_every_character_one_character():
    every = "".join(chr(code) for code in range(0x10000) if not 0xD800 <= code < 0xE000)
    assert len(fold(every)) == len(every)


@pytest.mark.parametrize(
    ("text", "subwords", "expected"),
    [
        ("全面推进政务公开工作", False, "全面[0:2]@0 推进[2:4]@1 政务公开[4:8]@2 工作[8:10]@3"),
        (
            "全面推进政务公开工作",
            True,
            "全面[0:2]@0 推进[2:4]@1 政务公开[4:8]@2 ^政务[4:6]@2 ^公开[6:8]@2 工作[8:10]@3",
        ),
        (
            "政府信息公开条例",
            True,
            "政府信息公开条例[0:8]@0 ^政府信息公开[0:6]@0 ^政府信息[0:4]@0 ^政府[0:2]@0 "
            "^信息公开[2:6]@0 ^信息[2:4]@0 ^公开[4:6]@0 ^条例[6:8]@0",
        ),
        # punctuation and white space take no position
        (
            "政务公开，依申请公开 公开指南",
            False,
            "政务公开[0:4]@0 依申请公开[5:10]@1 公开指南[11:15]@2",
        ),
        # full-width letters and digits fold to one lower-case word, offsets unchanged
        ("通过ＩＳＯ９００１认证", False, "通过[0:2]@0 iso9001[2:9]@1 认证[9:11]@2"),
        (
            "2023年iPhone 3.5%增长",
            False,
            "2023[0:4]@0 年[4:5]@1 iphone[5:11]@2 3.5%[12:16]@3 增长[16:18]@4",
        ),
        # '+' (full-width here) stays inside the dictionary term; its parts are sub-words
        ("深化“互联网＋政务服务”改革", False, "深化[0:2]@0 互联网+政务服务[3:11]@1 改革[12:14]@2"),
        ("12345热线", True, "12345热线[0:7]@0 ^12345[0:5]@0 ^热线[5:7]@0"),
        ("。，、 ", True, ""),
    ],
)
def test_segment(text, subwords, expected):
    assert render(segment(text, subwords=subwords)) == expected


def test_traditional_text_cut_on_its_simplified_twin_slices_the_display_text():
    display = "全面推進政府信息公開工作，深化「互聯網＋政務服務」改革"
    simplified = T2S.convert(display)
    assert len(simplified) == len(display)
    sliced = " ".join(display[w.start : w.end] for w in segment(simplified))
    assert sliced == "全面 推進 政府信息公開 工作 深化 互聯網＋政務服務 改革"


@pytest.mark.parametrize("path", SAMPLE_TEXTS, ids=lambda path: path.name)
def test_offsets_and_positions_hold_on_real_reports(path):
    text = path.read_text(encoding="utf-8")
    words = list(segment(text, subwords=True))
    assert all(fold(text[w.start : w.end]) == w.text for w in words)
    parents = [w for w in words if not w.stacked]
    assert [w.position for w in parents] == list(range(len(parents)))
    assert [w.start for w in parents] == sorted(w.start for w in parents)
    parent = None
    for word in words:
        if word.stacked:
            assert parent.start <= word.start < word.end <= parent.end
            assert (word.position, len(word.text) < len(parent.text)) == (parent.position, True)
        else:
            parent = word
    assert render(segment(text)) == render(parents)  # query time: the same words, no sub-words


@pytest.mark.parametrize("term", user_terms())
def test_every_user_term_is_one_word(term):
    assert fold(term) == term
    assert list(segment(term)) == [Word(term, 0, len(term), 0)]


def test_user_terms_are_unique_and_many():
    terms = user_terms()
    assert len(set(terms)) == len(terms) > 300


def test_user_dictionary_holds_the_terms_named_in_the_issue():
    named = [
        "政务公开",
        "依申请公开",
        "政府信息公开",
        "政府信息公开条例",
        "互联网+政务服务",
        "放管服",
        "双随机一公开",
        "行政复议",
        "行政诉讼",
        "政策解读",
        "重点领域",
        "主动公开",
        "政务服务",
        "一网通办",
        "最多跑一次",
        "政务新媒体",
        "政府网站",
        "12345热线",
        "舆情回应",
        "政务舆情",
        "公开指南",
        "公开目录",
        "新闻发布会",
        "政策吹风会",
        "建议提案",
        "人大代表建议",
        "政协委员提案",
        "年度报告",
    ]
    assert set(named) - set(user_terms()) == set()


@pytest.mark.parametrize("word", sorted(stopwords()))
def test_every_stopword_is_a_folded_word_jieba_can_produce(word):
    assert fold(word) == word
    assert [w.text for w in segment(word)] == [word]


@pytest.mark.parametrize(
    ("text", "trailing", "expected"),
    [
        ("生态环境保护", False, "生态[0:2]@0 态环[1:3]@1 环境[2:4]@2 境保[3:5]@3 保护[4:6]@4"),
        ("环境与生态", False, "环境[0:2]@0 境与[1:3]@1 与生[2:4]@2 生态[3:5]@3"),
        ("纳税，2023年ＰＤＦ", True, "纳税[0:2]@0 ^税[1:2]@0 2023[3:7]@1 年[7:8]@2 pdf[8:11]@3"),
        ("…—", True, ""),
    ],
)
def test_bigrams(text, trailing, expected):
    assert render(bigrams(text, trailing=trailing)) == expected


@pytest.mark.parametrize(
    "variant", ["互联网+政务服务", "互联网＋政务服务", "互联网 + 政务服务", "“互联网+”政务服务"]
)
def test_bigrams_ignore_punctuation_between_runs(variant):
    terms = " ".join(f"{w.text}@{w.position}" for w in bigrams(variant))
    assert terms == "互联@0 联网@1 政务@2 务服@3 服务@4"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("热线", True), ("〇", True), ("abc", False), ("", False), ("１２", False)],
)
def test_has_han(text, expected):
    assert has_han(text) is expected


def test_initialise_is_idempotent_and_caches_under_the_project():
    cache_dir = initialise()
    frequencies = jieba.dt.FREQ
    assert initialise(Path("/elsewhere")) == cache_dir == DEFAULT_CACHE_DIR
    assert jieba.dt.FREQ is frequencies
    assert Path(jieba.dt.tmp_dir) == cache_dir
    assert (cache_dir / jieba.dt.cache_file).is_file()


def test_jieba_imports_silently_under_warnings_as_errors():
    code = "import indexer.analysis.segment as s; s.initialise()"
    run = subprocess.run(
        [sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, check=False
    )
    assert (run.returncode, run.stderr) == (0, "")


def test_fingerprint_is_short_and_stable():
    first = analysis_fingerprint()
    assert first == analysis_fingerprint()
    assert len(first) == 16 and int(first, 16) >= 0
    assert analysis_fingerprint(b"taxonomy v2") not in (first, analysis_fingerprint(b"v3"))


@pytest.mark.parametrize("changed", [USER_DICT, STOPWORDS])
def test_fingerprint_changes_with_the_vocabulary(monkeypatch, changed):
    before = analysis_fingerprint(b"taxonomy")

    def edited(name):
        data = read_resource(name)
        return data + "新词\n".encode() if name == changed else data

    monkeypatch.setattr(fingerprint_module, "read_resource", edited)
    assert analysis_fingerprint(b"taxonomy") != before
