"""Line breaks that pages and conversions lost around numbered headings: headings are found per
line, so a heading joined to its paragraph (or a whole report run into one line) gets its own
line back."""

from __future__ import annotations

import re

from indexer.cleaning.lines import SENTENCE_END, map_lines
from indexer.numbering import CHINESE_NUMERAL_CHARS, HEADING_MARK, LEVEL_ONE_MARK, LEVEL_TWO_MARK
from indexer.structure.template import is_table_row_label, template_title_end

_GAP = re.compile("([ \u3000\xa0]{2,})")
_HEADING_START = re.compile(HEADING_MARK)
_HEADING_MAX = 40
_NUMERAL_MARK = re.compile(LEVEL_ONE_MARK)
_INNER_MARK = re.compile(rf"(?<![{CHINESE_NUMERAL_CHARS}百]){LEVEL_ONE_MARK}")
"""A second numeral inside a heading (an inline list), not the 一、 of its own 十一、."""
_SUB_MARK = re.compile(LEVEL_TWO_MARK)
_LIST_GLUE = frozenset("。；;，,、：:")
"""What follows a template title that is an item of a list in a sentence (一、总体情况；二、…)."""
_SUB_HEADING = re.compile(rf"(?<=[。！!？?])[ \u3000\xa0]*(?P<heading>{LEVEL_TWO_MARK})")
"""A second-level heading run on after a sentence: …公开信息46件。 （二）制度建设 …"""
_RUN_ON_MARKER = re.compile(
    r"(?:(?<=[。：:；;！!？?])[ \u3000\xa0]*|(?<=报告|总结|要点|方案)[ \u3000\xa0]*"
    r"|(?<=[)）])[ \u3000\xa0]+)"
    rf"(?P<heading>{_NUMERAL_MARK.pattern})"
    rf"|(?<=[0-9 \u3000\xa0])(?P<table_end>{_NUMERAL_MARK.pattern})"
)
"""A top-level heading's numeral right after the end of a sentence, or after a title or a
bracketed aside and a space (PDF text run into one line: …年度报告 一、总体情况 2019年，…;
…网站上公布。(http://…) 一、总体情况 …), on the same line; or after a table's last cell
(… 0 0 三、收到和处理政府信息公开申请情况), where only a template title is taken."""
_SPACED_YEAR = re.compile(r"^((?:19|20)\d\d) (?=年)")
"""A year converters set off from its 年 (2021 年，我苏木…): the paragraph's first word."""
_RUN_ON_MIN = 4
_SPACE_RUN = re.compile("[ \u3000\xa0]+")
_PROSE_MIN = 8
_PROSE_PUNCTUATION = re.compile(r"[，。；,;]")


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
    return map_lines(
        text,
        lambda line: _break_sub_headings(_break_run_on_headings(_restore_breaks_in_line(line))),
    )


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
    """``line`` with each numbered heading run on after a sentence or a title on its own line."""
    pieces, done = [], 0
    for marker in _RUN_ON_MARKER.finditer(line):
        if marker.start() < done:
            continue
        start = marker.start("heading") if marker["heading"] else marker.start("table_end")
        end = _run_on_heading_end(line, start, template_only=not marker["heading"])
        if end is not None:
            pieces += [line[done : marker.start()], "\n", line[start:end]]
            after = _SPACE_RUN.match(line, end)
            pieces += ["\n"] if end < len(line) else []
            done = after.end() if after else end
    return "".join(pieces) + line[done:]


def _run_on_heading_end(line: str, start: int, template_only: bool = False) -> int | None:
    """Where the heading at ``start`` ends: at the first space after which prose or its first
    sub-heading follows (a heading from PDF text may hold spaces itself), at the end of a
    template title that runs straight into its paragraph, or at the end of the line; None
    unless a short heading is followed by prose or ends the line (or, ``template_only``, is no
    template title). Each space is looked at once:
    the heading is given up as soon as it grows too long, so a one-line page stays linear."""
    marker = _NUMERAL_MARK.match(line, start)
    marker_len = marker.end() - start if marker else 0
    title = template_title_end(line, marker.end()) if marker else None
    if title is not None and title < len(line) and line[title] not in _LIST_GLUE:
        after = _SPACE_RUN.match(line, title)
        if not _NUMERAL_MARK.match(line, after.end() if after else title):
            return title
    if template_only:
        return None
    for space in _SPACE_RUN.finditer(line, start + 1, start + _HEADING_MAX + 2):
        heading = line[start : space.start()]
        following = _SPACED_YEAR.sub(r"\1", line[space.end() : space.end() + _HEADING_MAX])
        following = following.split(" ", 1)[0]
        if (
            len(heading) > _HEADING_MAX
            or SENTENCE_END.search(heading)
            or _INNER_MARK.search(heading, 1)
            or _NUMERAL_MARK.match(following)
        ):
            return None  # too long, a sentence, or an inline list (包括: 一、概述 二、…)
        if _short_heading(heading) and (
            (_SUB_MARK.match(following) and not is_table_row_label(heading[marker_len:]))
            or (not following.startswith(("年", "月", "日")) and _is_prose(following))
        ):  # not 一、2023 年，我县…, which wraps a sentence
            return space.start()
    rest = line[start : start + _HEADING_MAX + 1].rstrip()
    ends_line = (
        len(line) - start <= _HEADING_MAX
        and _short_heading(rest)
        and not _HEADING_START.search(rest, 2)
    )
    return start + len(rest) if ends_line else None


def _break_sub_headings(line: str) -> str:
    """``line`` with a line break before each second-level heading run on after a sentence."""
    return _SUB_HEADING.sub(lambda m: "\n" + m["heading"], line)


def _short_heading(text: str) -> bool:
    return (
        _RUN_ON_MIN <= len(text) <= _HEADING_MAX
        and not SENTENCE_END.search(text)
        and not _INNER_MARK.search(text, 1)
        and not text[-1].isdigit()
    )


def _is_heading(text: str) -> bool:
    return (
        len(text) <= _HEADING_MAX
        and bool(_HEADING_START.match(text))
        and not SENTENCE_END.search(text)
        and "？" not in text
    )


def _is_prose(text: str) -> bool:
    return len(text) >= _PROSE_MIN and bool(_PROSE_PUNCTUATION.search(text))
