"""Character folding that keeps every offset: one character in, one character out.

Text reaches the analyzers as the simplified twin of the display text (same length), so a term's
offsets slice the display text for highlighting. Folding must keep that promise: it maps each
character to exactly one character, never deletes or expands.
"""

from __future__ import annotations

import re
import unicodedata

# Han ideographs as analysis sees them: the unified blocks, extensions A to H, the
# compatibility block and 〇 (ideographic zero, as in 二〇二三年).
HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN_CHAR = re.compile(f"[{HAN}]")

# A term worth indexing has at least one letter, digit or ideograph; anything else is
# punctuation, a symbol or white space.
WORD_CHAR = re.compile(r"[^\W_]")
MAX_WORD = 64
"""The longest latin/digit term. No word or number is longer; a longer run (a hash, base64,
one letter a million times over) is cut every 64 characters, so no term grows with it."""
# Letters and digits other than ideographs: a latin word, a number (long runs cut).
NON_HAN_RUN = re.compile(f"[^\\W_{HAN}]{{1,{MAX_WORD}}}")

# Code points whose compatibility form (NFKC) is another single character: full-width
# ASCII and the ideographic space, Kangxi radicals and compatibility ideographs left by PDF
# extraction (⼯ → 工), circled and superscript digits, half-width katakana.
_SCANNED = (range(0x10000), range(0x2F800, 0x2FA20))


def _fold_table() -> dict[int, str]:
    table = {}
    for block in _SCANNED:
        for code in block:
            if 0xD800 <= code < 0xE000:  # lone surrogates are not characters
                continue
            char = chr(code)
            folded = unicodedata.normalize("NFKC", char).lower()
            if len(folded) == 1 and folded != char:
                table[code] = folded
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """Fold width, compatibility forms and case, keeping the length (and so every offset).

    >>> fold("ＡＢＣ１２３　⼯作，Ｘ")
    'abc123 工作,x'
    """
    return text.translate(_FOLD)


def has_han(text: str) -> bool:
    """Whether ``text`` holds at least one Han ideograph.

    >>> has_han("12345热线"), has_han("abc123")
    (True, False)
    """
    return HAN_CHAR.search(text) is not None
