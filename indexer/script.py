"""Traditional → simplified script, keeping every character where it was.

Analysis (metadata, headings, section types, search) runs on a simplified twin of the display
text and slices its results out of the display text, so the twin must have exactly the same
length, character for character. OpenCC's phrase conversion is used wherever it keeps the length
of a line (almost always); a line where it does not is converted sentence by sentence, and a
sentence where even that fails, character by character.
"""

from __future__ import annotations

import functools
import re

import opencc

_CONFIG = "t2s"
# OpenCC's t2s leaves 著 alone, but traditional pages write 著 for simplified 着 (随着, 着力):
# it is 着 except in the zhù words (著名, 著作, 显著, 名著 …), so queries typed in simplified match.
_ZHE = re.compile("(?<![显名专论原编合巨土遗卓昭拙译])著(?![名作称述书录])")
_SENTENCE = re.compile(r"[^。！？；!?;]*[。！？；!?;]?")
_HANZI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
TRADITIONAL_SHARE = 0.1  # share of hanzi that t2s changes, above which a text is traditional


@functools.cache
def _converter() -> opencc.OpenCC:
    """One OpenCC instance per process, made on first use (loading its dictionaries takes time)."""
    return opencc.OpenCC(_CONFIG)


def to_simplified(text: str) -> str:
    """The simplified twin of ``text``: same length, each character converted in place.

    >>> to_simplified("關於政府信息公開的報告")
    '关于政府信息公开的报告'
    >>> to_simplified("隨著著力推進，成效顯著")
    '随着着力推进，成效显著'
    >>> len(to_simplified("乾隆年間\\x00後來")) == len("乾隆年間\\x00後來")
    True
    """
    converted = "".join(_convert_aligned(line) for line in text.splitlines(keepends=True))
    return _ZHE.sub("着", converted)


def detect_script(text: str, simplified: str | None = None) -> str:
    """``"traditional"`` or ``"simplified"``: whether t2s changes a good share of the hanzi.

    A few traditional characters in a simplified report (names, quoted titles) stay under the
    threshold; a traditional report changes about a third of its characters. Pass the text's
    :func:`to_simplified` twin when it is at hand, so it is not converted twice.

    >>> detect_script("關於2017年度政府信息公開情況的報告")
    'traditional'
    >>> detect_script("关于2017年度政府信息公开情况的报告（附：乾隆）")
    'simplified'
    """
    if simplified is None:
        simplified = to_simplified(text)
    positions = [match.start() for match in _HANZI.finditer(text)]
    changed = sum(1 for index in positions if simplified[index] != text[index])
    if positions and changed > TRADITIONAL_SHARE * len(positions):
        return "traditional"
    return "simplified"


@functools.lru_cache(maxsize=4096)
def _convert_aligned(chunk: str) -> str:
    """Phrase-level conversion of a line, else of its sentences, else character by character.

    Cached: the cleaning rules each look at the simplified form of the same lines, and the
    pipeline then converts those lines once more for the twin."""
    converted = _convert(chunk)
    if len(converted) == len(chunk):
        return converted
    pieces = []
    for sentence in _SENTENCE.findall(chunk):
        converted = _convert(sentence)
        if len(converted) != len(sentence):
            converted = "".join(_convert_character(character) for character in sentence)
        pieces.append(converted)
    return "".join(pieces)


def _convert(text: str) -> str:
    try:
        return _converter().convert(text)
    except UnicodeError:  # lone surrogates cannot be passed to OpenCC
        return ""  # a length mismatch: the caller falls back to smaller pieces


@functools.lru_cache(maxsize=65536)
def _convert_character(character: str) -> str:
    converted = _convert(character)
    return converted if len(converted) == 1 else character
