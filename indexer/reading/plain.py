"""Plain text saved from web pages: tell a whole HTML page from text, remove stray tags.

Scrapers leave fragments such as ``<tbody id="wtytz"></tbody>`` or ``<br>`` in ``.txt`` files, and
sometimes save a whole page under a ``.txt`` name. Only real HTML tag names count as tags, so
``<关于…的意见>`` (ASCII angle brackets used as title marks) is left alone.
"""

from __future__ import annotations

import html
import re

_TAG_NAMES = (
    "a|abbr|address|area|article|aside|b|base|basefont|big|blockquote|body|br|button|caption|"
    "center|cite|code|col|colgroup|dd|del|dfn|dir|div|dl|dt|em|embed|fieldset|figcaption|figure|"
    "font|footer|form|frame|frameset|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|kbd|label|"
    "legend|li|link|main|map|mark|menu|meta|nav|nobr|noscript|object|ol|option|p|param|pre|q|s|"
    "samp|script|section|select|small|span|strike|strong|style|sub|sup|table|tbody|td|textarea|"
    "tfoot|th|thead|title|tr|tt|u|ul|var|wbr|[a-z]+:[a-z0-9]+"  # Word's o:p, st1:chsdate, v:shape …
)
_TAG = re.compile(rf"</?(?:{_TAG_NAMES})(?:\s[^<>]*)?/?>", re.IGNORECASE)
_BREAKING_TAG = re.compile(
    r"<(?:br|/?p|/?div|/?tr|/?li|/?h[1-6]|/?table|/?ul|/?ol)(?:\s[^<>]*)?/?>", re.IGNORECASE
)
_HIDDEN = re.compile(  # scripts, comments, <!DOCTYPE …>, Word's <![if !supportLists]>, <?xml …?>
    r"<(script|style|noscript)\b[^>]*>.*?</\1\s*>|<!--.*?-->|<![^<>]*>|<\?[^<>]*>",
    re.IGNORECASE | re.DOTALL,
)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});", re.IGNORECASE)
_PAGE_START = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]", re.IGNORECASE)
_PAGE_SHARE = 0.2  # markup share of the text above which a .txt is read as a page …
_PAGE_TAGS = 20  # … if it has at least this many tags


def normalise_newlines(text: str) -> str:
    r"""Unify CRLF and CR line ends to LF.

    >>> normalise_newlines("a\r\nb\rc")
    'a\nb\nc'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


def has_markup(text: str) -> bool:
    """Whether the text holds any HTML tag at all."""
    return _TAG.search(text) is not None


def looks_like_page(text: str) -> bool:
    """Whether a ``.txt`` is really an HTML page: it opens like one, or is mostly markup.

    >>> looks_like_page("<!DOCTYPE html><html><body><p>报告</p></body></html>")
    True
    >>> looks_like_page('<tbody id="x"></tbody>\\n当前位置：首页\\n关于2018年的报告')
    False
    """
    if _PAGE_START.search(text[:2048]):
        return True
    tags = [match.group() for match in _TAG.finditer(text)]
    return len(tags) >= _PAGE_TAGS and sum(map(len, tags)) > _PAGE_SHARE * len(text)


def strip_stray_tags(text: str) -> str:
    """Remove tags, comments and scripts from plain text; tags that break lines become line breaks.

    >>> strip_stray_tags('<tbody id="x"></tbody>报告<br>正文&nbsp;一<o:p></o:p>')
    '报告\\n正文\\xa0一'
    """
    text = _HIDDEN.sub("", text)
    text = _BREAKING_TAG.sub("\n", text)
    text = _TAG.sub("", text)
    return _ENTITY.sub(lambda match: html.unescape(match.group()), text)
