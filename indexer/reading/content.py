"""Which parts of a parsed web page are page furniture, and which element holds the report.

Furniture is recognised by tag (scripts, forms, navigation …) and by id/class words that mark
navigation, breadcrumbs, menus, toolbars, share bars and footers. Anything that holds a large share
of the page's text is kept whatever it is called (ASP.NET pages wrap the whole body in a
``<form>``): losing report text is worse than keeping furniture, which cleaning drops later.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

# Never report text, wherever they are.
_INVISIBLE_TAGS = frozenset(
    "script style noscript iframe frame frameset select option button input textarea "  # noqa: SIM905
    "template svg canvas object embed head title meta link map area audio video".split()
)
# Page structure around the report (but see _looks_like_furniture for <header>).
_FURNITURE_TAGS = frozenset("nav header footer aside form menu".split())  # noqa: SIM905
_FURNITURE_WORD = re.compile(
    r"(nav\w*|menus?|submenu|breadcrumbs?|crumbs?|bread|position|location|weizhi|dqwz|curpos|"
    r"toolbar|tools?|share\w*|bdshare\w*|fenxiang|footer|foot|copyright|banquan|sidebar|side|"
    r"aside|related|xgxx|xglj|friendlinks?|yqlj|search|login|qrcode|erweima|ewm|wza|skip|"
    r"advert\w*|ads|guanggao|banner|pagination|pager|fenye)"
)
_LAYOUT_UTILITY = re.compile(r"position-(relative|absolute|fixed|static|sticky)", re.IGNORECASE)
_WORD_PARTS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CONTENT_NAME = re.compile(
    r"content|article|trs_editor|zoom|detail|zhengwen|zwnr|wenzhang|maintext|main-text",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")

KEEP_SHARE = 0.3  # an element holding this share of the page's text is never furniture
CONTENT_SHARE = 0.5  # a content container must hold this share of the page's non-link text


def drop_furniture(root: etree._Element) -> None:
    """Remove furniture elements from the tree in place (their tail text stays)."""
    _drop_all(
        element
        for element in root.iter()
        if not isinstance(element.tag, str) or element.tag in _INVISIBLE_TAGS
    )
    page = text_weight(root)
    _drop_all(
        element
        for element in root.iter()
        if isinstance(element.tag, str)
        and _looks_like_furniture(element)
        and text_weight(element) < KEEP_SHARE * page
    )


def find_content(root: etree._Element) -> etree._Element | None:
    """The innermost element named like a content container that holds most of the page's text."""
    page = text_weight(root, skip_links=True)
    if not page:
        return None
    best, best_depth = None, -1
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in ("html", "body"):
            continue
        if element.tag != "article" and not _CONTENT_NAME.search(_names(element)):
            continue
        depth = sum(1 for _ in element.iterancestors())
        if depth > best_depth and text_weight(element, skip_links=True) >= CONTENT_SHARE * page:
            best, best_depth = element, depth
    return best


def text_weight(element: etree._Element, skip_links: bool = False) -> int:
    """How many non-space characters of text an element holds (optionally outside links)."""
    texts = element.xpath(".//text()[not(ancestor::a)]" if skip_links else ".//text()")
    return len(_SPACE.sub("", "".join(texts)))


def _looks_like_furniture(element: etree._Element) -> bool:
    if element.tag == "header":
        return not (_inside_article(element) or _is_article_header(element))
    if element.tag in _FURNITURE_TAGS:
        return True
    if _HIDDEN_STYLE.search(element.get("style", "")) or element.get("hidden") is not None:
        return True
    names = (name for name in _names(element).split() if not _LAYOUT_UTILITY.fullmatch(name))
    parts = (part.lower() for name in names for part in _WORD_PARTS.findall(name))
    return any(_FURNITURE_WORD.fullmatch(part) for part in parts)


def _inside_article(element: etree._Element) -> bool:
    return any(ancestor.tag == "article" for ancestor in element.iterancestors())


def _is_article_header(element: etree._Element) -> bool:
    """A <header> with a heading and no link lists holds the article's title, not the site's."""
    return bool(element.xpath(".//h1|.//h2|.//h3")) and not element.xpath(
        ".//nav|.//ul|.//ol|.//menu"
    )


def _names(element: etree._Element) -> str:
    return f"{element.get('id', '')} {element.get('class', '')}"


def _drop_all(elements: Iterable[etree._Element]) -> None:
    doomed = list(elements)  # collected first: the tree must not change while it is walked
    for element in doomed:
        _drop(element)


def _drop(element: etree._Element) -> None:
    """Remove an element but keep its tail text, which belongs to the parent."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)
