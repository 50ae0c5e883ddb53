"""Rules and regulations (制度, 办法, 规定) are numbered in articles: 第一条 …, 第二条 ….
The items an article numbers — 第三条 年度报告应当包括下列内容：（一）概述；（二）主动公开政府
信息情况；… — are its clauses, never the document's sections, even though they look like a
report's headings. Chapters (第一章 总则) stay headings.
"""

from __future__ import annotations

import re

from indexer.numbering import CHINESE_NUMERAL_CHARS
from indexer.structure.headings import Candidate

_ARTICLE = re.compile(
    rf"^[ \t\u3000]*第[{CHINESE_NUMERAL_CHARS}]+条(?![ \t\u3000]*[第款项])", re.MULTILINE
)
"""An article at the start of a line; not 第二十条 第（一）项, a row of the 2019 template's table
that cites the regulation."""
_MIN_ARTICLES = 2


def drop_clauses(candidates: tuple[Candidate, ...], text: str) -> tuple[Candidate, ...]:
    """The candidates without those after the first article of a text written in articles.

    >>> from indexer.structure.headings import find_candidates
    >>> text = "一、说明\\n第一条 总则。\\n第二条 内容如下：\\n（一）概述；\\n（二）主动公开情况；"
    >>> [c.title for c in drop_clauses(find_candidates(text), text)]
    ['说明']
    """
    articles = [match.start() for match in _ARTICLE.finditer(text)]
    if len(articles) < _MIN_ARTICLES:
        return candidates
    return tuple(c for c in candidates if c.style == "part" or c.start < articles[0])
