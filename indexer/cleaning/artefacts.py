"""Residue of the tools that made the text: pinyin glosses, doubled commas, "?" for spaces,
Markdown and page numbers from PDF conversion (lost line breaks around headings:
:mod:`indexer.cleaning.breaks`)."""

from __future__ import annotations

import re

from indexer.cleaning.lines import SENTENCE_END, keep_lines, map_lines
from indexer.script import to_simplified

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_GLOSS = re.compile(
    rf"(?<=[\u3400-\u4dbf\u4e00-\u9fff])[(（][a-zü]{{0,6}}[{_TONED}][a-zü]{{0,4}}[)）]"
)
_DOUBLED_COMMA = re.compile(r"[,，](?=[,，、。；;])")
"""A comma right before other punctuation: mirrors that re-punctuate pages write 省委,、省政府 and
一,、概 述 (no text puts two marks in a row on purpose)."""
_SPACE_LIKE = frozenset(" \t\u3000\xa0?？")
_QUESTION_WORD = re.compile(
    r"吗|呢|是否|能否|可否|如何|怎样|怎么|为何|为什么|何时|哪|多少|什么|难道|有没有|是不是"
)
_MARKDOWN_HEADING = re.compile(r"^ {0,3}#{1,6}\s+")
_MARKDOWN_RULE = re.compile(r"^\s*\|?(\s*:?-{3,}:?\s*\|)*\s*:?-{3,}:?\s*\|?\s*$")
_PAGE_NUMBER = re.compile(
    r"[-—–－―]{1,2}\s*\d{1,4}\s*[-—–－―]{1,2}"  # - 2 -, — 1 —, -3-
    r"|第\s*\d{1,4}\s*页\s*[,，/、]?\s*(共\s*\d{1,4}\s*页)?"  # 第 3 页 共 6 页
    r"|共\s*\d{1,4}\s*页\s*[,，/、]?\s*第\s*\d{1,4}\s*页"
    r"|page\s*\d{1,4}(\s*(of|/)\s*\d{1,4})?",
    re.IGNORECASE,
)


def repair_pinyin(text: str) -> str:
    """Drop toned pinyin pasted in brackets after a character (a copy-paste artefact of ruby text).

    >>> repair_pinyin("昆都侖區(qū)人民政府關（guān）于")
    '昆都侖區人民政府關于'
    """
    return _PINYIN_GLOSS.sub("", text)


def drop_doubled_commas(text: str) -> str:
    """Drop a comma that stands right before another punctuation mark.

    >>> drop_doubled_commas("一,、概 述\\n省委,、省政府高度重视,,方便群众,。")
    '一、概 述\\n省委、省政府高度重视,方便群众。'
    """
    return _DOUBLED_COMMA.sub("", text)


def question_marks_as_spaces(text: str) -> str:
    """Turn "?" that stood for spaces (a lost no-break space) back into spaces.

    A question mark is a stand-in when it touches a line end, a space or another "?", unless it
    ends a question (a question word such as 是否, 吗, 如何 before it in the same sentence).

    >>> question_marks_as_spaces("? ? 一、概述?\\n是否公开？")
    '    一、概述 \\n是否公开？'
    """
    return map_lines(text, _question_marks_in_line)


def _question_marks_in_line(line: str) -> str:
    if "?" not in line and "？" not in line:
        return line
    twin = to_simplified(line)
    characters = list(line)
    for index, character in enumerate(line):
        if character in "?？" and _stands_for_space(line, twin, index):
            characters[index] = " "
    return "".join(characters)


def _stands_for_space(line: str, twin: str, index: int) -> bool:
    before = line[index - 1] if index else " "
    after = line[index + 1] if index + 1 < len(line) else " "
    if before not in _SPACE_LIKE:
        if before.isascii() and before.isalpha():
            return False  # "What?" – Latin text keeps its question marks
        sentence = SENTENCE_END.split(twin[:index])[-1]
        if _QUESTION_WORD.search(sentence):
            return False
    return before in _SPACE_LIKE or after in _SPACE_LIKE


def strip_markdown(text: str) -> str:
    """Drop Markdown heading markers and table rules; table rows become ``a | b | c`` lines.

    >>> strip_markdown("## 表二\\n| 信息内容 | 本年制发件数 |  |\\n|---|---|---|")
    '表二\\n信息内容 | 本年制发件数'
    """
    text = keep_lines(text, lambda line: not _MARKDOWN_RULE.match(line))
    return map_lines(text, _markdown_line)


def _markdown_line(line: str) -> str:
    line = _MARKDOWN_HEADING.sub("", line)
    stripped = line.strip()
    if len(stripped) > 1 and stripped.startswith("|") and stripped.endswith("|"):
        cells = (cell.strip() for cell in stripped[1:-1].split("|"))
        return " | ".join(cell for cell in cells if cell)
    return line


def drop_page_footers(text: str) -> str:
    """Drop lines that are only a page number: "— 1 —", "- 2 -", "第 3 页 共 6 页".

    >>> drop_page_footers("正文\\n— 1 —\\n第 3 页 共 6 页\\n续文")
    '正文\\n续文'
    """
    return keep_lines(text, lambda line: not _PAGE_NUMBER.fullmatch(line.strip()))
