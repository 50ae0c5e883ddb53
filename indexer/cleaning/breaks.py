"""Line breaks that pages and conversions lost around numbered headings: headings are found per
line, so a heading joined to its paragraph (or a whole report run into one line) gets its own
line back."""

from __future__ import annotations

import re

from indexer.cleaning.lines import SENTENCE_END, map_lines
from indexer.numbering import HEADING_MARK, LEVEL_ONE_MARK

_GAP = re.compile("([ \u3000\xa0]{2,})")
_HEADING_START = re.compile(HEADING_MARK)
_HEADING_MAX = 40
_NUMERAL_MARK = re.compile(LEVEL_ONE_MARK)
_RUN_ON_MARKER = re.compile(
    r"(?:(?<=[。：:；;！!？?])[ \u3000\xa0]*|(?:(?<=报告|总结|要点|方案)|(?<=[)）]))[ \u3000\xa0]+)"
    rf"(?P<heading>{_NUMERAL_MARK.pattern})"
)
"""A top-level heading's numeral right after the end of a sentence, or after a title or a
bracketed aside and a space (PDF text run into one line: …年度报告 一、总体情况 2019年，…;
…网站上公布。(http://…) 一、总体情况 …), on the same line."""
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
    """``line`` with each numbered heading run on after a sentence or a title on its own line."""
    pieces, done = [], 0
    for marker in _RUN_ON_MARKER.finditer(line):
        if marker.start() < done:
            continue
        end = _run_on_heading_end(line, marker.start("heading"))
        if end is not None:
            pieces += [line[done : marker.start()], "\n", line[marker.start("heading") : end]]
            after = _SPACE_RUN.match(line, end)
            pieces += ["\n"] if after else []
            done = after.end() if after else end
    return "".join(pieces) + line[done:]


def _run_on_heading_end(line: str, start: int) -> int | None:
    """Where the heading at ``start`` ends: at the first space after which prose follows (a heading
    from PDF text may hold spaces itself), or at the end of the line; None unless a short heading
    is followed by prose or ends the line."""
    for space in _SPACE_RUN.finditer(line, start + 1):
        heading = line[start : space.start()]
        following = _SPACED_YEAR.sub(r"\1", line[space.end() :], count=1).split(" ", 1)[0]
        if (
            len(heading) > _HEADING_MAX
            or SENTENCE_END.search(heading)
            or _NUMERAL_MARK.search(heading, 1)
            or _NUMERAL_MARK.match(following)
        ):
            return None  # too long, a sentence, or an inline list (包括: 一、概述 二、…)
        if (
            _short_heading(heading)
            and not following.startswith(("年", "月", "日"))  # 一、2023 年，我县… wraps a sentence
            and _is_prose(following)
        ):
            return space.start()
    rest = line[start:].rstrip()
    ends_line = _short_heading(rest) and not _HEADING_START.search(rest, 2)
    return start + len(rest) if ends_line else None


def _short_heading(text: str) -> bool:
    return (
        _RUN_ON_MIN <= len(text) <= _HEADING_MAX
        and not SENTENCE_END.search(text)
        and not _NUMERAL_MARK.search(text, 1)
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
