"""Finding division names in text: one regular expression built from a trie of every written form,
so a scan is a single pass in C that prefers the longest name at each position.

Guards keep ordinary words from passing as places:
- a name ending in 区 followed by 域 is the word 区域 (海南区域 is not 乌海's 海南区);
- a two-character name (和县, 城区, 矿区) counts only at a boundary: after a non-Chinese
  character, at the start of the text, or right after another division (安徽省和县), so that
  各市和县 mentions no county; or where it opens a government's name (2015年盂县人民政府…,
  unless a list's word comes before it: 各市和县人民政府);
- a bare stem (洛宁, 大姚) counts only before a government word or the name of a government's
  website (see ``STRONG_AFTER``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

ZONE_AFTER = re.compile(
    r"(?:国家级)?(?:经济技术开发区|经济开发区|高新技术产业开发区|高新技术开发区|高新区|经开区|开发区"
    r"|工业园区|综合实验区|综合保税区|保税区|新区)"
)
"""Words naming a development zone after its host's name: 合肥高新区, 昆山经济技术开发区."""
STRONG_AFTER = re.compile(
    rf"(?:人民政府|政府|党委|[省市县区州旗盟]委|政务网|政务公开网|门户网站|{ZONE_AFTER.pattern})"
)
"""Words after which a bare stem is taken as the division (大姚政府, 江苏省委 is a full name;
武清政务网, a government's website; 合肥高新区, the zone it hosts)."""
_BODY_AFTER = re.compile(r"(?:人民政府|政府办|政府|党委|县委|区委|办公室|政务公开|政府信息公开)")
"""What follows a two-character name that opens an issuer's name (2015年盂县人民政府…)."""
_NOT_BEFORE = frozenset("省市县区州旗盟、和及与或各")
"""Characters before which a two-character name is a word of a list (各市和县人民政府)."""


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
        return bool(STRONG_AFTER.match(text, end))
    if end - start > 2 or after_division or start == 0 or not CJK.match(text[start - 1]):
        return True
    return text[start - 1] not in _NOT_BEFORE and bool(_BODY_AFTER.match(text, end))
