"""The run string: a text as the bigram field sees it, for checking phrases and marking hits.

A unit of several bigrams matches where its bigrams stand at consecutive positions (see
:mod:`indexer.analysis.bigrams`). Positions are costly to store and slow to read, so the check
is made on text instead: the folded text's runs (ideograph runs, latin/digit words) joined by
:data:`SEPARATOR`, with one before the first run and one after the last. A unit matches a text
exactly where its own run string stands in the text's, with two boundary rules the positions
imply:

- a latin/digit word is a whole term: a unit starting with one needs a separator before it
  (2023年 is not found in 12023年), one ending with one needs a separator after it;
- a unit ending with a one-ideograph run needs a separator after it, because the index holds a
  lone ideograph only where a run ends (政务 网 is not found in 政务 网站).

A middle run is bounded by separators in the unit's pattern already; the first run of
ideographs may end a longer run of the text (互联网 inside 国际互联网), the last may start one.

>>> run_string("推进“互联网+政务服务”，2023年")
'\\x1f推进\\x1f互联网\\x1f政务服务\\x1f2023\\x1f年\\x1f'
>>> bool(run_pattern("互联网 + 政务服务").search(run_string("国际互联网、政务服务平台")))
True
>>> bool(run_pattern("政务 网").search(run_string("政务 网站")))
False
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from indexer.analysis.normalise import HAN, NON_HAN_RUN, fold

SEPARATOR = "\x1f"
"""Between runs and at both ends (the ASCII unit separator: never part of a run)."""

ENCODING = "utf-16-le"
"""How run strings are stored: two bytes an ideograph (UTF-8 takes three). A match must start at
an even byte offset; :func:`run_pattern_bytes` patterns may also match one byte off."""

RUN = re.compile(f"(?P<han>[{HAN}]+)|{NON_HAN_RUN.pattern}")
"""A run of ideographs, or a latin/digit word (group ``han`` tells which)."""


def runs(folded: str) -> Iterator[re.Match[str]]:
    """The runs of a folded text, in order."""
    return RUN.finditer(folded)


def run_string(text: str) -> str:
    """The text's runs, folded, each between separators."""
    inner = SEPARATOR.join(run[0] for run in runs(fold(text)))
    return f"{SEPARATOR}{inner}{SEPARATOR}" if inner else SEPARATOR


def encode_runs(text: str) -> bytes:
    """The text's run string as stored (:data:`ENCODING`)."""
    return run_string(text).encode(ENCODING)


def run_string_with_offsets(text: str) -> tuple[str, list[int]]:
    """:func:`run_string` and, for each of its characters, the offset in ``text`` of the
    character it came from (a separator points at the character after the run before it).

    >>> run_string_with_offsets("a，政务")
    ('\\x1fa\\x1f政务\\x1f', [0, 0, 1, 2, 3, 4])
    """
    pieces: list[str] = [SEPARATOR]
    offsets: list[int] = [0]
    for run in runs(fold(text)):
        start, end = run.span()
        pieces += [run[0], SEPARATOR]
        offsets.extend(range(start, end))
        offsets.append(end)
    return "".join(pieces), offsets


@dataclass(frozen=True)
class Needle:
    """A unit's run string as stored (:data:`ENCODING`) without its end separators, and
    whether a separator must stand before it and after it (the boundary rules above)."""

    before: bool
    inner: bytes
    after: bool


@lru_cache(maxsize=1024)
def run_needle(text: str) -> Needle | None:
    """What a unit looks for in stored run strings; None when it has no runs.

    >>> needle = run_needle("2023年度")
    >>> needle.before, needle.inner.decode(ENCODING), needle.after
    (True, '2023\\x1f年度', False)
    """
    bounded = _bounded(text)
    if bounded is None:
        return None
    before, inner, after = bounded
    return Needle(before, inner.encode(ENCODING), after)


def _bounded(text: str) -> tuple[bool, str, bool] | None:
    """A unit's run string without its end separators, and whether it needs a separator
    before and after it; None when it has no runs."""
    found = list(runs(fold(text)))
    if not found:
        return None
    first, last = found[0], found[-1]
    lone = last.lastgroup == "han" and len(last[0]) == 1 and len(found) > 1
    inner = SEPARATOR.join(run[0] for run in found)
    return first.lastgroup != "han", inner, lone or last.lastgroup != "han"


@lru_cache(maxsize=1024)
def run_pattern(text: str) -> re.Pattern[str]:
    """The pattern that finds a unit's text in run strings (no runs: one matching nothing)."""
    bounded = _bounded(text)
    if bounded is None:
        return re.compile("(?!)")
    before, inner, after = bounded
    sep = re.escape(SEPARATOR)
    head, tail = f"(?<={sep})" if before else "", f"(?={sep})" if after else ""
    return re.compile(head + re.escape(inner) + tail)


@lru_cache(maxsize=1024)
def run_pattern_bytes(text: str) -> re.Pattern[bytes]:
    """:func:`run_pattern` for run strings stored in :data:`ENCODING`. Only matches starting
    at an even offset count (see :func:`search_aligned`)."""
    needle = run_needle(text)
    if needle is None:
        return re.compile(b"(?!)")
    sep = re.escape(SEPARATOR.encode(ENCODING))
    head = b"(?<=" + sep + b")" if needle.before else b""
    tail = b"(?=" + sep + b")" if needle.after else b""
    return re.compile(head + re.escape(needle.inner) + tail)


def search_aligned(
    pattern: re.Pattern[bytes], data: bytes | memoryview, start: int = 0, end: int | None = None
) -> re.Match[bytes] | None:
    """The first match of ``pattern`` in ``data[start:end]`` starting at an even offset.

    >>> stored = "一幎".encode(ENCODING)  # 00 4e 4e 5e: 乎 (4e 4e) stands one byte off
    >>> needle = re.compile(re.escape("乎".encode(ENCODING)))
    >>> needle.search(stored).start(), search_aligned(needle, stored)
    (1, None)
    """
    stop = len(data) if end is None else end
    while (found := pattern.search(data, start, stop)) is not None:
        if not found.start() % 2:
            return found
        start = found.start() + 1
    return None
