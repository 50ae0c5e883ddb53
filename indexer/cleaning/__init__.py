"""Raw text → display text: the rules below, applied in order, each a small named function.

Offsets are fixed after this step (the simplified twin and every section refer to the cleaned
text), so everything that is not the report has to go here: page furniture, adverts, spam and the
residue of conversion tools. When in doubt a rule keeps the text: losing report text is worse
than keeping a stray line.
"""

from __future__ import annotations

from collections.abc import Callable

from indexer.cleaning.artefacts import (
    drop_doubled_commas,
    drop_page_footers,
    question_marks_as_spaces,
    repair_pinyin,
    strip_markdown,
)
from indexer.cleaning.breaks import restore_heading_breaks
from indexer.cleaning.furniture import drop_furniture_lines, strip_inline_furniture
from indexer.cleaning.spam import drop_adverts, drop_spam_lines, strip_inline_spam
from indexer.cleaning.whitespace import (
    collapse_blank_lines,
    normalise_characters,
    normalise_spaces,
)
from indexer.cleaning.wraps import rejoin_wrapped_lines

RULES: tuple[Callable[[str], str], ...] = (
    normalise_characters,
    repair_pinyin,
    drop_doubled_commas,
    drop_adverts,  # before spaces are collapsed: runs of spaces separate its sentences
    question_marks_as_spaces,
    restore_heading_breaks,  # before spaces are collapsed, for the same reason
    normalise_spaces,
    strip_markdown,
    drop_page_footers,
    strip_inline_furniture,
    drop_furniture_lines,
    drop_spam_lines,
    strip_inline_spam,  # after drop_spam_lines, which needs the gambling words to know a line
    normalise_spaces,  # again: cut-out furniture leaves spaces behind
    rejoin_wrapped_lines,  # after page numbers are dropped: a paragraph runs across them
    collapse_blank_lines,
)


def clean_text(text: str) -> str:
    """The display text of a report file: furniture, spam and artefacts removed, lines kept.

    >>> clean_text("首页 >> 公开信息\\n\\u3000\\u3000一、總體情況(qū)\\n\\n\\n正文？\\n下载")
    '一、總體情況\\n\\n正文'
    """
    for rule in RULES:
        text = rule(text)
    return text


__all__ = ["RULES", "clean_text"]
