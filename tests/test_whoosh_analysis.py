"""The Whoosh analyzers: tokenizer contract, pickling, and a real index on disk."""

from __future__ import annotations

import pickle
from collections import Counter

import opencc
import pytest
from whoosh import index
from whoosh.analysis import LowercaseFilter, RegexTokenizer
from whoosh.fields import ID, TEXT, Schema
from whoosh.formats import tokens
from whoosh.qparser import QueryParser

from indexer.backends.whoosh.analysis import (
    BigramTokenizer,
    WordTokenizer,
    bigram_analyzer,
    term_counts,
    word_analyzer,
)

from .search_fixtures import corpus

T2S = opencc.OpenCC("t2s")

CONTRACT_CASES = [
    {},
    {"positions": True},
    {"chars": True},
    {"positions": True, "chars": True, "start_pos": 7, "start_char": 100},
    {"positions": True, "keeporiginal": True, "mode": "index"},
    {"positions": True, "chars": True, "mode": "query", "removestops": False},
    {"positions": True, "chars": True, "start_pos": 3, "start_char": 5, "tokenize": False},
]


def described(tokens):
    keys = ("text", "pos", "startchar", "endchar", "original", "stopped", "mode", "boost")
    return [tuple(getattr(t, key, None) for key in keys) for t in tokens]


@pytest.mark.parametrize("tokenizer", [WordTokenizer(), BigramTokenizer()], ids=repr)
@pytest.mark.parametrize("kwargs", CONTRACT_CASES, ids=str)
def test_tokenizers_honour_arguments_like_regex_tokenizer(tokenizer, kwargs):
    text = "Open Data 2023 report"
    reference = RegexTokenizer() | LowercaseFilter()
    assert described(tokenizer(text, **kwargs)) == described(reference(text, **kwargs))


WORDS = "我们全面推进政务公开的工作"


def render(tokens):
    """Tokens as ``text[startchar:endchar]@pos`` (offsets left out when not asked for)."""
    return " ".join(
        f"{t.text}[{t.startchar}:{t.endchar}]@{t.pos}" if t.chars else f"{t.text}@{t.pos}"
        for t in tokens
    )


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"mode": "query"}, "全面[2:4]@1 推进[4:6]@2 政务公开[6:10]@3 工作[11:13]@5"),
        (
            {"mode": "index"},
            "全面[2:4]@1 推进[4:6]@2 政务公开[6:10]@3 政务[6:8]@3 公开[8:10]@3 工作[11:13]@5",
        ),
        (
            {"mode": "query", "start_pos": 10, "start_char": 20},
            "全面[22:24]@11 推进[24:26]@12 政务公开[26:30]@13 工作[31:33]@15",
        ),
    ],
)
def test_word_analyzer_keeps_true_positions_around_stopwords(kwargs, expected):
    assert render(word_analyzer()(WORDS, positions=True, chars=True, **kwargs)) == expected


def test_word_analyzer_marks_stopwords_when_asked_to_keep_them():
    tokens = word_analyzer()(WORDS, positions=True, removestops=False)
    stopped = [(t.text, t.pos) for t in tokens if t.stopped]
    assert stopped == [("我们", 0), ("的", 4)]


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("query", "生态@0 态环@1 环境@2 环境@3 境质@4 质量@5"),
        ("index", "生态@0 态环@1 环境@2 境@2 环境@3 境质@4 质量@5 量@5"),
    ],
)
def test_bigram_analyzer_stacks_last_characters_at_index_time(mode, expected):
    assert render(bigram_analyzer()("生态环境，环境质量", positions=True, mode=mode)) == expected


@pytest.mark.parametrize("make", [word_analyzer, bigram_analyzer])
def test_analyzers_survive_pickling(make):
    analyzer = make()
    copy = pickle.loads(pickle.dumps(analyzer))
    assert copy == analyzer
    text = "深化“互联网＋政务服务”改革，加强生态环境保护"
    options = {"positions": True, "chars": True, "mode": "index"}
    assert described(copy(text, **options)) == described(analyzer(text, **options))


DISPLAY = {
    "gov": "全面推进政府信息公开工作",
    "trad": "全面推進政府信息公開工作",
    "affairs": "全面推进政务公开工作",
    "eco": "加强生态环境保护",
    "env": "统筹环境与生态",
    "plus": "深化“互联网＋政务服务”改革",
    "spaced": "推进互联网 + 政务服务",
    "tax": "依法纳税。",
    "iso": "通过ＩＳＯ９００１认证",
}


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    folder = tmp_path_factory.mktemp("index")
    schema = Schema(
        id=ID(stored=True, unique=True),
        words=TEXT(analyzer=word_analyzer(), phrase=True, chars=True),
        grams=TEXT(analyzer=bigram_analyzer(), phrase=True),
    )
    writer = index.create_in(folder, schema).writer()
    for key, display in DISPLAY.items():
        simplified = T2S.convert(display)
        writer.add_document(id=key, words=simplified, grams=simplified)
    writer.commit()
    with index.open_dir(folder).searcher() as opened:
        yield opened


def test_reopened_index_holds_our_analyzers(searcher):
    assert isinstance(searcher.schema["words"].analyzer[0], WordTokenizer)
    assert isinstance(searcher.schema["grams"].analyzer, BigramTokenizer)


@pytest.mark.parametrize(
    ("field", "query", "expected"),
    [
        ("words", '"政府信息公开"', {"gov", "trad"}),
        ("words", '"信息公开"', {"gov", "trad"}),  # a sub-word of 政府信息公开
        ("words", '"信息公开工作"', {"gov", "trad"}),
        ("words", '"政务公开工作"', {"affairs"}),
        ("words", '"公开工作"', {"affairs", "gov", "trad"}),  # sub-word 公开 ends its word
        ("words", '"互联网+政务服务"', {"plus"}),
        ("words", "ISO9001", {"iso"}),
        ("words", "的", set()),  # a stopword finds nothing
        ("grams", '"生态环境"', {"eco"}),
        ("grams", '"环境与生态"', {"env"}),  # phrase order: not the 生态环境 document
        ("grams", '"环境保护"', {"eco"}),
        ("grams", '"互联网+政务服务"', {"plus", "spaced"}),
        ("grams", '"府信息公开工"', {"gov", "trad"}),
        ("grams", "税*", {"tax"}),  # 税 only ends its run: found through the stacked unigram
        ("grams", "态*", {"eco", "env"}),
    ],
)
def test_queries_on_a_real_index(searcher, field, query, expected):
    parsed = QueryParser(field, searcher.schema).parse(query)
    assert {hit["id"] for hit in searcher.search(parsed, limit=None)} == expected


def test_stored_offsets_slice_the_display_text(searcher):
    doc = next(searcher.documents(id="trad"))
    number = searcher.document_number(id=doc["id"])
    postings = searcher.postings("words", "信息公开")
    postings.skip_to(number)
    assert postings.id() == number
    assert [DISPLAY["trad"][start:end] for _, start, end in postings.value_as("characters")] == [
        "信息公開"
    ]


HOSTILE_TEXTS = ["", "的的的", "政务公开的工作, www.gov.cn 2023年 A-1", "的" * 3 + "公开" * 40]


@pytest.mark.parametrize("make", [word_analyzer, bigram_analyzer, WordTokenizer, BigramTokenizer])
@pytest.mark.parametrize(
    "kwargs", [{"mode": "index"}, {"mode": "query"}, {}, {"mode": "index", "removestops": False}]
)
def test_term_counts_read_straight_equal_counting_whooshs_tokens(make, kwargs) -> None:
    analyzer = make()
    texts = [report.simplified for _, report in corpus()] + HOSTILE_TEXTS
    for text in texts:
        expected = Counter(token.text for token in tokens(text, analyzer, dict(kwargs)))
        assert term_counts(text, analyzer, dict(kwargs)) == expected
