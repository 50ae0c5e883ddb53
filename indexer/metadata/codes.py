"""Division codes a page's metadata carries: a unified social credit code (统一社会信用代码, GB
32100-2015), given as such or opening the 索引号 (113303810025804017/2019-00012), holds the
6-digit division code of the body's registration at positions 3–8 (330381, 瑞安市).

Only codes whose check character is right count, so a document number or a phone number that
happens to have 18 characters is never read as one. What a code is worth is decided by the
region step: it may confirm the text's places, never overrule them.
"""

from __future__ import annotations

import re

_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CREDIT_CODE = re.compile(
    r"(?<![0-9A-Za-z])([1-9A-HJ-NPQRTUWY][1-9]\d{6}[0-9A-HJ-NPQRTUWXY]{10})(?![0-9A-Za-z])"
)
"""Registration authority and kind (11: a government organ), the division, the organisation
code, the check character."""


def check_character(first: str) -> str:
    """The check character of a credit code's first 17 characters (GB 32100-2015, 4.2).

    >>> check_character("91350100M000100Y4")
    '3'
    """
    total = sum(_CHARSET.index(ch) * weight for ch, weight in zip(first, _WEIGHTS, strict=True))
    return _CHARSET[(31 - total % 31) % 31]


def division_codes(text: str) -> tuple[str, ...]:
    """The division codes of the valid credit codes in ``text``, in order, each once.

    >>> division_codes("索引号：113303810025804017/2019-00012 文号：瑞政办〔2019〕1号")
    ('330381',)
    >>> division_codes("统一社会信用代码：113303810025804011")  # wrong check character
    ()
    """
    found = (m.group(1) for m in _CREDIT_CODE.finditer(text.upper()))
    valid = (code[2:8] for code in found if check_character(code[:17]) == code[17])
    return tuple(dict.fromkeys(valid))
