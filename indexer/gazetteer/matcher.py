"""Finding division names in text: one regular expression built from a trie of every written form,
so a scan is a single pass in C that prefers the longest name at each position.

Guards keep ordinary words from passing as places:
- a name ending in 区 followed by 域 is the word 区域 (海南区域 is not 乌海's 海南区);
- a two-character name (和县, 城区, 矿区) counts only at a boundary: after a non-Chinese
  character, at the start of the text, or right after another division (安徽省和县), so that
  各市和县 mentions no county;
- a bare stem (洛宁, 大姚) counts only before a government word or the name of a government's
  website (see ``STRONG_AFTER``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

STRONG_AFTER = re.compile(r"(?:人民政府|政府|党委|[省市县区州旗盟]委|政务网|政务公开网|门户网站)")
"""Words after which a bare stem is taken as the division (大姚政府, 江苏省委 is a full name;
武清政务网, a government's website)."""


def trie_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching any of ``words``, longest first at each position.

    >>> [m.group() for m in trie_pattern(["包头市", "包头", "昆都仑区"]).finditer("包头市昆都仑区")]
    ['包头市', '昆都仑区']
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return re.compile(_branch(trie))


def _branch(node: dict[str, dict]) -> str:
    alternatives = [re.escape(char) + _branch(child) for char, child in node.items() if char]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    if "" not in node:
        return body
    return f"(?:{body})?" if len(alternatives) > 1 or len(body) > 1 else f"{body}?"


def plausible(text: str, start: int, end: int, after_division: bool, stem: bool) -> bool:
    """Whether the match ``text[start:end]`` reads as a place name (see the module docstring)."""
    following = text[end : end + 4]
    if text[end - 1] == "区" and following.startswith("域"):
        return False
    if stem:
        return bool(STRONG_AFTER.match(following))
    if end - start > 2:
        return True
    return after_division or start == 0 or not CJK.match(text[start - 1])
