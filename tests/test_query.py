"""The query language: parsing, repairs with warnings, errors, and what the engine is asked."""

from __future__ import annotations

import re

import pytest

from indexer.backends.whoosh.query import analyse, compile_query
from indexer.backends.whoosh.syntax import (
    AllOf,
    AnyOf,
    Filter,
    Not,
    ParsedQuery,
    Text,
    Years,
    parse_query,
)
from indexer.config import Settings
from indexer.search.types import NO_YEAR, QueryError, YearRange

MAX = 500


def parse(query: str, settings: Settings) -> ParsedQuery:
    return parse_query(query, settings.taxonomy, MAX)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", None),
        ("   ", None),
        ("政务公开", Text("政务公开")),
        ("政务 公开", AllOf((Text("政务"), Text("公开")))),
        ("政务 AND 公开", AllOf((Text("政务"), Text("公开")))),
        ('"依申请 公开"', Text("依申请 公开", phrase=True)),
        ("“政务公开”", Text("政务公开", phrase=True)),  # Chinese quotes
        ("行政复议 OR 行政诉讼", AnyOf((Text("行政复议"), Text("行政诉讼")))),
        ("a b OR c", AnyOf((AllOf((Text("a"), Text("b"))), Text("c")))),
        ("a (b OR c)", AllOf((Text("a"), AnyOf((Text("b"), Text("c")))))),
        ("（b OR c）", AnyOf((Text("b"), Text("c")))),  # full-width parentheses
        ("公开 -收费", AllOf((Text("公开"), Not(Text("收费"))))),
        ("公开 NOT 收费", AllOf((Text("公开"), Not(Text("收费"))))),
        ('-"依申请公开"', Not(Text("依申请公开", phrase=True))),
        ("-(a OR b)", Not(AnyOf((Text("a"), Text("b"))))),
        ("2015-2019", Text("2015-2019")),  # a hyphen inside a word is no negation
        ("or and not", AllOf((Text("or"), Text("and"), Text("not")))),  # operators are upper case
        ("year:2018", Years(YearRange(2018, 2018))),
        ("year:2015..2019", Years(YearRange(2015, 2019))),
        ("year:未知", Years(NO_YEAR)),
        ("region:江苏", Filter("region", "江苏")),
        ("REGION：南京市", Filter("region", "南京市")),  # any case, full-width colon
        ("section:fees", Filter("section_type", "fees")),
        ("section:依申请公开", Filter("section_type", "on_request")),
        ("kind:通知", Filter("kind", "notice")),
        ("title:年度报告", Text("年度报告", phrase=True, title=True)),
        ('title:"政务 公开"', Text("政务 公开", phrase=True, title=True)),
        ("city:南京", Text("city:南京")),  # not a field: plain text
        ("政务* 公?开~", AllOf((Text("政务*"), Text("公?开~")))),  # no wildcards, no fuzzy
    ],
)
def test_queries_parse_into_trees(query: str, expected: object, settings: Settings) -> None:
    parsed = parse(query, settings)
    assert (parsed.node, parsed.warnings) == (expected, ())


@pytest.mark.parametrize(
    ("query", "expected", "warning"),
    [
        ('"政务公开', Text("政务公开", phrase=True), "未闭合的引号已自动补全：“政务公开”"),
        ("(a OR b", AnyOf((Text("a"), Text("b"))), "未闭合的括号“(”已自动补全"),
        ("a OR b)", AnyOf((Text("a"), Text("b"))), "多余的右括号“)”已忽略"),
        ("a) b", AllOf((Text("a"), Text("b"))), "多余的右括号“)”已忽略"),
        ("OR 政务", Text("政务"), "一侧没有内容的 OR 已忽略"),
        ("政务 OR", Text("政务"), "一侧没有内容的 OR 已忽略"),
        ("a OR OR b", AnyOf((Text("a"), Text("b"))), "一侧没有内容的 OR 已忽略"),
        ("政务 NOT", Text("政务"), "后面没有内容的 NOT 已忽略"),
        ("政务 ()", Text("政务"), "空括号已忽略"),
        ('政务 ""', Text("政务"), "空引号已忽略"),
        ("title: 政务", Text("政务"), "title: 后面没有填写内容，已忽略"),
        ("政务 region:", Text("政务"), "region: 后面没有填写内容，已忽略"),
    ],
)
def test_repairable_mistakes_are_repaired_with_a_warning(
    query: str, expected: object, warning: str, settings: Settings
) -> None:
    parsed = parse(query, settings)
    assert parsed.node == expected
    assert warning in parsed.warnings


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("x" * (MAX + 1), f"查询过长（{MAX + 1} 个字符，最多 {MAX} 个），请缩短后再试"),
        ("OR", "“OR”中没有可检索的内容，请输入要查找的词语"),
        ("AND OR NOT", "没有可检索的内容"),
        ("( )", "没有可检索的内容"),
        ("-", "没有可检索的内容"),  # a lone minus is no negation, and no word either
        ("title:", "“title:”中没有可检索的内容"),
        ("year:2018年", "年份应写作 2018、2015..2019 或 未知，而不是“2018年”"),
        ("year:", "没有可检索的内容"),
        ("section:nonsense", "没有“nonsense”这种章节类型"),
        ("kind:memo", "没有“memo”这种文件类型"),
    ],
)
def test_what_cannot_be_understood_raises_one_clear_line(
    query: str, message: str, settings: Settings
) -> None:
    with pytest.raises(QueryError, match=re.escape(message)) as error:
        compile_query(parse(query, settings).node)
    assert "\n" not in str(error.value)


@pytest.mark.parametrize("query", ["！！！", "的", "- + ？"])
def test_a_query_of_nothing_searchable_is_an_error(query: str, settings: Settings) -> None:
    with pytest.raises(QueryError, match="没有可检索的内容"):
        compile_query(parse(query, settings).node)


@pytest.mark.parametrize(
    ("query", "warning"),
    [
        ("政务公开 ！！！", "“！！！”不含文字或数字，已忽略"),
        ("的 政务公开", "“的”太常见，无法检索，已忽略"),
    ],
)
def test_units_without_terms_are_left_out_with_a_warning(
    query: str, warning: str, settings: Settings
) -> None:
    compiled = compile_query(parse(query, settings).node)
    assert warning in compiled.warnings
    assert compiled.plan == compile_query(parse("政务公开", settings).node).plan


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [("政務公開", "政务公开"), ("依申請公開", "依申请公开"), ("ＰＤＦ文件", "pdf文件")],
)
def test_queries_are_simplified_and_folded_like_documents(
    traditional: str, simplified: str
) -> None:
    assert analyse(traditional) == analyse(simplified)


@pytest.mark.parametrize(
    ("wild", "plain"),
    [
        ("政务*", "政务"),
        ("公?开", "公 开"),
        ("公开~", "公开"),
        ("<script>alert(1)</script>", "script alert 1 script"),
    ],
)
def test_wildcard_and_markup_characters_are_plain_punctuation(
    wild: str, plain: str, settings: Settings
) -> None:
    assert analyse(wild) == analyse(plain)
    plan = compile_query(parse(wild, settings).node).plan
    leaves = plan.children if isinstance(plan, AllOf) else (plan,)
    terms = {text for leaf in leaves for unit in leaf.units for text, _ in unit.bigrams}
    assert terms and not any(char in text for text in terms for char in "*?~<>()")


def test_negated_and_title_words_are_not_marked_in_snippets(settings: Settings) -> None:
    compiled = compile_query(parse("政务公开 -收费 title:年度报告", settings).node)
    assert compiled.marked == (analyse("政务公开"),)


def test_a_query_of_filters_only_browses_without_ranking(settings: Settings) -> None:
    compiled = compile_query(parse("year:2018 section:fees", settings).node, ("江蘇",))
    assert compiled.plan == AllOf(
        (
            AllOf((Years(YearRange(2018, 2018)), Filter("section_type", "fees"))),
            AnyOf((Filter("region", "江苏"),)),
        )
    )
    assert compiled.ranking is None and compiled.marked == ()


def test_an_empty_query_selects_everything(settings: Settings) -> None:
    compiled = compile_query(parse("", settings).node)
    assert (compiled.plan, compiled.ranking) == (None, None)
