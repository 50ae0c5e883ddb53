"""How reports number their headings and list items: the numerals, their values, and the
markers as regex fragments, declared once for cleaning, metadata and structure alike.

Heading detection compares each heading's number with the one expected next, so it needs the
value (一 … 九十九, 壹 … 拾, 1 … 99 in any width), not only the spelling.
"""

from __future__ import annotations

import unicodedata

_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4,
    "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9,
    "玖": 9,
}  # fmt: skip
_TENS = {"十", "拾"}

CHINESE_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_TENS)
"""Every character a Chinese heading numeral may use (for building patterns)."""

NUMERAL = f"[{CHINESE_NUMERAL_CHARS}百]+"
LEVEL_ONE_MARK = rf"{NUMERAL}[、.．]"
"""一、 二. 十一．"""
LEVEL_TWO_MARK = rf"[（(〔【][{CHINESE_NUMERAL_CHARS}0-9０-９]+[）)〕】]"
"""（一） (2) 〔三〕"""
PART_MARK = rf"第[{CHINESE_NUMERAL_CHARS}百0-9０-９]+(?:部分|章|节|篇|条)"
"""第一部分 第二章 第3条"""
ITEM_MARK = r"[0-9０-９]{1,2}[、.．](?![0-9０-９])"
"""1、 2. (not 3.5)"""
HEADING_MARK = f"(?:{LEVEL_ONE_MARK}|{LEVEL_TWO_MARK}|{PART_MARK}|{ITEM_MARK})"
"""Any numbering that opens a heading or a list item."""


def numeral_value(numeral: str) -> int | None:
    """The value of a heading numeral (1 or more), or None when it is not one.

    >>> [numeral_value(n) for n in ("三", "十", "十四", "二十", "二十三", "１２", "7", "十十")]
    [3, 10, 14, 20, 23, 12, 7, None]
    """
    numeral = unicodedata.normalize("NFKC", numeral)
    if numeral.isascii() and numeral.isdigit():
        return int(numeral) or None
    if not numeral or any(ch not in _DIGITS and ch not in _TENS for ch in numeral):
        return None
    tens_at = [i for i, ch in enumerate(numeral) if ch in _TENS]
    if not tens_at:
        return _DIGITS[numeral] or None if len(numeral) == 1 else None
    if len(tens_at) > 1 or len(numeral) > 3:
        return None
    head, tail = numeral[: tens_at[0]], numeral[tens_at[0] + 1 :]
    if len(head) > 1 or len(tail) > 1:
        return None
    tens = _DIGITS[head] if head else 1
    units = _DIGITS[tail] if tail else 0
    return tens * 10 + units if tens > 0 else None
