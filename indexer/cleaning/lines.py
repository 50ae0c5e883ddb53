"""Line-wise helpers shared by the cleaning rules (headings are found per line later, so every
rule keeps line breaks where they are)."""

from __future__ import annotations

import re
from collections.abc import Callable

SENTENCE_END = re.compile(r"[。！!；;]")
"""Punctuation that ends a sentence (a heading holds none)."""


def keep_lines(text: str, keep: Callable[[str], bool]) -> str:
    """Drop the lines for which ``keep`` is false (``keep`` sees the line as written)."""
    return "\n".join(line for line in text.split("\n") if keep(line))


def map_lines(text: str, change: Callable[[str], str]) -> str:
    """Apply ``change`` to every line."""
    return "\n".join(change(line) for line in text.split("\n"))
