"""Residue of the tools that made the text: pinyin glosses, "?" for spaces, Markdown and page
numbers from PDF conversion."""

from __future__ import annotations

import re

from indexer.cleaning.lines import keep_lines, map_lines
from indexer.script import to_simplified

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_GLOSS = re.compile(
    rf"(?<=[\u3400-\u4dbf\u4e00-\u9fff])[(（][a-zü]{{0,6}}[{_TONED}][a-zü]{{0,4}}[)）]"
)
_SPACE_LIKE = frozenset(" \t\u3000\xa0?？")
_SENTENCE_END = re.compile(r"[。！!；;]")
_QUESTION_WORD = re.compile(
    r"吗|呢|是否|能否|可否|如何|怎样|怎么|为何|为什么|何时|哪|多少|什么|难道|有没有|是不是"
)
_GAP = re.compile("([ \u3000\xa0]{2,})")
_HEADING_START = re.compile(
    r"([一二三四五六七八九十百]+[、.．]|[(（][一二三四五六七八九十]+[)）]|\d{1,2}(、|[.．](?!\d))"
    r"|第[一二三四五六七八九十百]+[章节部分条])"
)
_HEADING_MAX = 40
_PROSE_MIN = 8
_PROSE_PUNCTUATION = re.compile(r"[，。；,;]")
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
        sentence = _SENTENCE_END.split(twin[:index])[-1]
        if _QUESTION_WORD.search(sentence):
            return False
    return before in _SPACE_LIKE or after in _SPACE_LIKE


def restore_heading_breaks(text: str) -> str:
    """Put back the line breaks around a numbered heading that spaces stand for.

    Pages that join paragraphs leave "一、工作开展情况   调整了…" on one line; headings are found
    per line, so the run becomes a break. Only a short numbered heading followed by prose
    qualifies: a converted table row ("一、本年新收申请数量   26   0") stays one line. Pages (and
    PDF text) that run a whole report into one paragraph keep one space, or none, around a
    heading that follows the end of a sentence ("…报告如下: 一、主动公开情况 全年我镇…"); such a
    heading gets its own line too.

    >>> restore_heading_breaks("  二、主要做法   (一)加强领导,落实责任   按照要求,我局…")
    '  二、主要做法\\n(一)加强领导,落实责任\\n按照要求,我局…'
    >>> restore_heading_breaks("现报告如下: 一、主动公开情况 全年我镇公开信息46件,涵盖文件。")
    '现报告如下:\\n一、主动公开情况\\n全年我镇公开信息46件,涵盖文件。'
    """
    return map_lines(text, lambda line: _break_run_on_headings(_restore_breaks_in_line(line)))


def _restore_breaks_in_line(line: str) -> str:
    pieces = _GAP.split(line)  # text, gap, text, gap, …
    if len(pieces) < 3:
        return line
    result, current = [], pieces[0]
    for gap, following in zip(pieces[1::2], pieces[2::2], strict=True):
        if not current.strip():
            current += gap + following  # indentation, not a gap after a heading
        elif _is_heading(current.strip()) and _is_prose(following):
            result.append(current + "\n")
            current = following
        else:
            current += gap + following
    return "".join(result) + current


def _break_run_on_headings(line: str) -> str:
    """``line`` with each numbered heading run on after the end of a sentence on a line of its own."""
    pieces, done = [], 0
    for marker in _RUN_ON_MARKER.finditer(line):
        if marker.start() < done:
            continue
        end = _run_on_heading_end(line, marker.start("heading"))
        if end is not None:
            pieces += [line[done : marker.start()], "\n", line[marker.start("heading") : end], "\n"]
            done = _SPACE_RUN.match(line, end).end()
    return "".join(pieces) + line[done:]


def _run_on_heading_end(line: str, start: int) -> int | None:
    """Where the heading at ``start`` ends: at the first space after which prose follows (a heading
    from PDF text may hold spaces itself); None unless a short heading is followed by prose."""
    for space in _SPACE_RUN.finditer(line, start + 1):
        heading, following = line[start : space.start()], line[space.end() :].split(" ", 1)[0]
        if len(heading) > _HEADING_MAX or _SENTENCE_END.search(heading):
            return None
        if (
            len(heading) >= _RUN_ON_MIN
            and not heading[-1].isdigit()  # 一、2023 年，我县… is a wrapped sentence
            and not following.startswith(("年", "月", "日"))
            and _is_prose(following)
        ):
            return space.start()
    return None


def _is_heading(text: str) -> bool:
    return (
        len(text) <= _HEADING_MAX
        and bool(_HEADING_START.match(text))
        and not _SENTENCE_END.search(text)
        and "？" not in text
    )


def _is_prose(text: str) -> bool:
    return len(text) >= _PROSE_MIN and bool(_PROSE_PUNCTUATION.search(text))


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
