"""A corpus file's text as a plain project reads it, for the stock baseline and jieba's ceiling.

Kept apart from ``bench.stock`` so that measuring jieba does not import ``jieba.analyse`` (which
leaves its IDF file open).
"""

from __future__ import annotations

from pathlib import Path

import lxml.html


def read_text(path: Path) -> str:
    """The file's text: UTF-8 else GB18030; a web page's text without its tags."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("gb18030", errors="replace")
    if path.suffix == ".html":
        text = lxml.html.document_fromstring(text.encode("utf-8")).text_content()
    return text
