"""Invisible characters and whitespace: one kind of space, no indentation, one blank line at most.

Line breaks are kept (headings are detected per line); full-width punctuation and digits are left
as written, since this is the display text.
"""

from __future__ import annotations

import re
import unicodedata

_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")  # \f: pdftotext's page break
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200d\u2060\ufeff\ufffe]")
_SPACES = re.compile("[ \t\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_RUNS = re.compile(r"\n{3,}")


def normalise_characters(text: str) -> str:
    r"""Unicode NFC, LF line ends, and no zero-width or control characters.

    NFC also maps CJK compatibility ideographs (from Big5 and Korean code pages) to the unified
    ones, so they match in search.

    >>> normalise_characters("公\u200b开\r\n报告\ufeff\f第二页")
    '公开\n报告\n第二页'
    """
    text = unicodedata.normalize("NFC", _LINE_BREAKS.sub("\n", text))
    return _INVISIBLE.sub("", text)


def normalise_spaces(text: str) -> str:
    r"""Every run of spaces (ideographic, no-break, tabs …) becomes one space; lines are stripped.

    >>> normalise_spaces("\u3000\u3000一、总体情况\t \n  正文\xa0内容  ")
    '一、总体情况\n正文 内容'
    """
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def collapse_blank_lines(text: str) -> str:
    r"""At most one blank line in a row, none at the start or end.

    >>> collapse_blank_lines("\n\n标题\n\n\n\n正文\n\n")
    '标题\n\n正文'
    """
    return _BLANK_RUNS.sub("\n\n", text).strip("\n")
