"""How a report opens: the paragraph (and title) between the previous report's end and the new 一、.

Reports in this genre open in a few set ways — 今年以来…, 2018年，我局…, 根据《条例》…,
为进一步…, 在县委、县政府的领导下…, or a sentence ending 现将有关情况报告如下： — sometimes
under a title line (…工作总结, …年度报告). A list introduced inside a section reads differently
("…重点做好以下工作：", "1、…", "一是…"), and so does a report's close (今后…, 下一步…) or
its signature date.
"""

from __future__ import annotations

import re

from indexer.numbering import ITEM_MARK, LEVEL_TWO_MARK, NUMERAL

_OPENING = re.compile(
    r"^(?:今年以来|今年|本年度|一年来|近年来|去年以来"
    r"|(?:20\d\d|20[x×*]{2}|二[〇零]..)年(?:以来|度|上半年)?"
    r"|根据|依据|按照|为(?:了|进一步|全面|认真|深入|切实)|自.{0,12}以来|在.{0,40}(?:领导|指导|部署)下)"
)
_REPORTS_BELOW = re.compile(
    r"现将.{0,40}(?:报告|总结|汇报|通报)如下[:：]?$|(?:报告|总结|汇报)如下[:：]$"
)
_TITLE = re.compile(
    r"(?:报告|总结|汇报|工作要点|实施方案|工作计划|(?:\d{4}|20[x×*]{2})年.*情况)"
    r"(?:[（(].{1,10}[)）]|\d+篇)?$"
)
_CLOSING = re.compile(r"^(?:在今后的工作中|今后|下一步|下步|总之|综上)")
_LIST_ITEM = re.compile(rf"^(?:{ITEM_MARK}|{LEVEL_TWO_MARK}|{NUMERAL}是)")
_DATE_LINE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
_MAX_TITLE = 50
_SENTENCE_ENDS = ("。", "：", ":", "！", "？", "；")


def opening_start(text: str, previous: int, restart: int) -> int | None:
    """Start of a new report's opening before its 一、 at ``restart``, if the text shows one.

    ``previous`` is the heading before ``restart``; the paragraph holding it is not considered.

    >>> text = "二、存在问题\\n不足。\\n今年以来，我局做了工作。\\n一、领导重视"
    >>> opening_start(text, 0, text.index("一、")) == text.index("今年")
    True
    >>> text = "二、存在问题\\n不足。\\n明年将做好以下工作：\\n一、加强学习"
    >>> opening_start(text, 0, text.index("一、")) is None
    True
    """
    paragraphs = _paragraphs(text[previous:restart], previous)[1:]
    if not paragraphs:
        return None
    last = paragraphs[-1][1]
    if _LIST_ITEM.match(last) or _CLOSING.match(last) or _DATE_LINE.match(last):
        return None
    if last.endswith(("：", ":")) and not _REPORTS_BELOW.search(last):
        return None  # "…做好以下工作：" introduces a list, not a report
    first = len(paragraphs) - 1
    opens = bool(_OPENING.match(last) or _REPORTS_BELOW.search(last) or _is_title(last))
    if _REPORTS_BELOW.search(last) and len(last) <= _MAX_TITLE and first > 0:
        first -= 1 if _OPENING.match(paragraphs[first - 1][1]) else 0
    while first > 0 and _is_title(paragraphs[first - 1][1]):
        first, opens = first - 1, True
    return paragraphs[first][0] if opens else None


def _is_title(paragraph: str) -> bool:
    return len(paragraph) <= _MAX_TITLE and "。" not in paragraph and bool(_TITLE.search(paragraph))


def _paragraphs(region: str, offset: int) -> list[tuple[int, str]]:
    """Paragraphs as (offset of their first line, stripped text).

    A line continues the paragraph above unless a blank line or a sentence end comes between,
    it is indented, or the line above is a title: conversions from PDF wrap paragraphs.
    """
    found: list[tuple[int, str]] = []
    at, after_blank = 0, True
    for line in region.splitlines(keepends=True):
        stripped = line.strip()
        continues = found and not after_blank and not line[:1].isspace()
        if not stripped:
            after_blank = True
        elif (
            continues and not found[-1][1].endswith(_SENTENCE_ENDS) and not _is_title(found[-1][1])
        ):
            found[-1] = (found[-1][0], found[-1][1] + stripped)
        else:
            found.append((offset + at, stripped))
            after_blank = False
        at += len(line)
    return found
