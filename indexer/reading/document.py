"""What reading a file gives: its text, the tables found in it, and what the file says about
itself (a web address, whether the text was recognised from page images).

Readers return this record rather than bare text so that structure the text alone loses (a
table's merged cells) reaches the report; the pipeline then finds each table's lines in the
cleaned text to know which section it sits in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.models import Table

_STATED_URL = re.compile(
    r"(?:原文链接|原文地址|原文网址|链接地址|网址|来源|信息来源|文章来源)\s*[:：]\s*"
    r"(https?://[\x21-\x7e]+)"
)


@dataclass(frozen=True)
class ReadOptions:
    """How to read: ``ocr`` recognises the text of scanned PDFs with Tesseract."""

    ocr: bool = False


@dataclass(frozen=True)
class Document:
    """A file's text (one block per line), its tables in reading order, and facts about it."""

    text: str
    tables: tuple[Table, ...] = ()
    ocr: bool = False
    url: str | None = None


def stated_url(text: str) -> str | None:
    """The web address a text gives for itself on a 原文链接/来源 line, if any.

    >>> stated_url("来源：https://www.huaian.gov.cn/a/1.html）\\n正文")
    'https://www.huaian.gov.cn/a/1.html'
    >>> stated_url("来源：淮安市人民政府") is None
    True
    """
    found = _STATED_URL.search(text)
    return found.group(1).rstrip(".,;)）") if found else None


def web_address(value: str | None) -> str | None:
    """``value`` when it is an absolute http(s) address, else None.

    >>> web_address(" https://gov.cn/x "), web_address("/x"), web_address("javascript:x")
    ('https://gov.cn/x', None, None)
    """
    value = (value or "").strip()
    return value if re.fullmatch(r"https?://[\x21-\x7e]+", value) else None
