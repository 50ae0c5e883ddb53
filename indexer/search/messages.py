"""What the search service says to users, in Chinese, declared once as data.

Our users are Chinese researchers and officials, so every query error and warning the CLI and
the web UI show is a plain Chinese sentence that says what went wrong and what to do. What the
user typed is quoted with “…” (:func:`quoted`), so a stray space or symbol stays visible.
Templates are filled with ``str.format``; keeping them here means one place to read and word
them consistently.
"""

from __future__ import annotations

from collections.abc import Iterable

# Query errors (the request cannot run)
QUERY_TOO_LONG = "查询过长（{length} 个字符，最多 {limit} 个），请缩短后再试"
NOTHING_TO_SEARCH = "{query}中没有可检索的内容，请输入要查找的词语"
NOTHING_LEFT = "没有可检索的内容（{reasons}），请换用其他词语"
BAD_YEAR = "年份应写作 2018、2015..2019 或 未知，而不是{text}"
YEAR_OUT_OF_RANGE = "年份应在 {first} 到 {last} 之间，而不是{text}"
UNKNOWN_SECTION = "没有{text}这种章节类型，可选：{known}"
UNKNOWN_KIND = "没有{text}这种文件类型，可选：{known}"
UNKNOWN_SORT = "没有{text}这种排序方式，可选：{known}"
BAD_NUMBER = "{name}应为 {low} 到 {high} 之间的整数，而不是{text}"
BAD_FORMAT = "导出格式只能是 json 或 csv，而不是{text}"
NUMBER_NAMES = {"page": "页码", "size": "每页条数"}
TOO_MANY_VALUES = "{name}最多选 {limit} 个，这里有 {count} 个，请减少后再试"
TOO_MANY_FILTERS = "筛选条件最多 {limit} 个，这里有 {count} 个，请减少后再试"
VALUE_TOO_LONG = "{name}的值过长（{length} 个字符，最多 {limit} 个），请缩短后再试"
FILTER_NAMES = {
    "province": "省份",
    "prefecture": "地市",
    "county": "区县",
    "region": "地区",
    "year": "年份",
    "section": "章节类型",
    "kind": "文件类型",
}

# Warnings (the query was repaired or shortened, and ran)
UNCLOSED_QUOTE = "未闭合的引号已自动补全：{text}"
UNCLOSED_PARENTHESIS = "未闭合的括号“(”已自动补全"
UNMATCHED_PARENTHESIS = "多余的右括号“)”已忽略"
DANGLING_OR = "一侧没有内容的 OR 已忽略"
DANGLING_NOT = "后面没有内容的 {operator} 已忽略"
EMPTY_PARENTHESES = "空括号已忽略"
EMPTY_QUOTES = "空引号已忽略"
EMPTY_FIELD = "{field}: 后面没有填写内容，已忽略"
NO_LETTERS = "{text}不含文字或数字，已忽略"
TOO_COMMON = "{text}太常见，无法检索，已忽略"

# The index
NO_INDEX = "还没有索引（{folder}）：请先运行 gongkai reindex"
OLD_INDEX = "索引（{folder}）由旧版 gongkai 建立，格式已变：请运行 gongkai reindex 重建"
STALE_ANALYSIS = (
    "索引建立时使用的词典、停用词或章节类型与当前程序不同，结果可能不准确："
    "请运行 gongkai reindex 重建索引"
)


def quoted(text: str) -> str:
    """What a user typed, in Chinese quotation marks.

    >>> quoted("20x8")
    '“20x8”'
    """
    return f"“{text}”"


def listing(items: Iterable[str]) -> str:
    """Choices joined the Chinese way.

    >>> listing(["最新", "最早"])
    '最新、最早'
    """
    return "、".join(items)
