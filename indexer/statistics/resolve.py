"""A run of figures as the k cells of a template row, or nothing: never a guess.

A run with as many slots as the row has columns is read as it is. A shorter run was damaged by
the conversion: digits glued together ("801000081" for 80 | 1 | 0 | 0 | 0 | 0 | 81) or a figure
lost. Both are repaired only when exactly one repair agrees with the row's sums (the parts add
up to the total); every other cell stays unread.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from indexer.statistics.tokens import BLANK, Token, number

Sum = tuple[tuple[int, ...], int]  # (the columns of the parts, the column of their total)
Values = tuple[int | float | None, ...]

MAX_GLUED_DIGITS = 20
"""Longer runs of glued digits have too many splits to try (and are never unique)."""


def resolve(
    tokens: Sequence[Token],
    width: int,
    sums: Sequence[Sum],
    *,
    decimal: bool = False,
    signed: bool = False,
) -> tuple[Values, str] | None:
    """The row's values (None where a cell is unread) and how they were got ("read", "split",
    "placed"), or None when the run cannot be this row. Figures are whole and not negative
    unless ``decimal`` (amounts) or ``signed`` (changes on the year) allow it.

    >>> t = lambda *texts: [Token(x, BLANK if x == "" else "number") for x in texts]
    >>> resolve(t("3001", "53", "0", "0", "61", "4", "3119"), 7, [((0, 1, 2, 3, 4, 5), 6)])
    ((3001, 53, 0, 0, 61, 4, 3119), 'read')
    >>> resolve(t("801000081"), 7, [((0, 1, 2, 3, 4, 5), 6)])
    ((80, 1, 0, 0, 0, 0, 81), 'split')
    >>> resolve(t("1", "0", "0", "0", "0", "0"), 7, [((0, 1, 2, 3, 4, 5), 6)])
    ((1, 0, 0, 0, 0, 0, None), 'placed')
    >>> resolve(t("0", "0", "0", "0", "0", "0"), 7, [((0, 1, 2, 3, 4, 5), 6)]) is None
    True
    """
    tokens = trim(tokens, width)
    if len(tokens) > width or not all(_valid(t, decimal, signed) for t in tokens):
        return None
    if len(tokens) == width:
        return tuple(None if t.kind == BLANK else number(t.text) for t in tokens), "read"
    if any(t.kind == BLANK for t in tokens) or not sums:
        return None
    found = [(values, "split") for values in _splits(tokens, width) if _agrees(values, sums)]
    found += [(values, "placed") for values in _placements(tokens, width) if _fits(values, sums)]
    return found[0] if len(found) == 1 else None


def trim(tokens: Sequence[Token], width: int) -> list[Token]:
    """``tokens`` without the empty cells at their ends that make them wider than ``width``
    (a rendering's ragged edge)."""
    kept = list(tokens)
    while len(kept) > width and kept[-1].kind == BLANK:
        kept.pop()
    while len(kept) > width and kept[0].kind == BLANK:
        kept.pop(0)
    return kept


def _valid(token: Token, decimal: bool, signed: bool) -> bool:
    if token.kind == BLANK:
        return True
    value = number(token.text)
    return (signed or value >= 0) and (decimal or isinstance(value, int))


def _placements(tokens: Sequence[Token], width: int) -> Iterator[Values]:
    """The run with one figure lost: every place the gap can be."""
    if len(tokens) != width - 1:
        return
    values = [number(t.text) for t in tokens]
    for gap in range(width):
        yield (*values[:gap], None, *values[gap:])


def _fits(values: Values, sums: Sequence[Sum]) -> bool:
    """Whether known cells can satisfy every sum (figures are never negative)."""
    for parts, total in sums:
        known = [values[i] for i in parts if values[i] is not None]
        whole = values[total]
        if whole is None:
            continue
        if len(known) == len(parts) and sum(known) != whole:  # type: ignore[arg-type]
            return False
        if sum(known) > whole:  # type: ignore[arg-type]
            return False
    return True


def _agrees(values: Values, sums: Sequence[Sum]) -> bool:
    return all(sum(values[i] for i in parts) == values[total] for parts, total in sums)  # type: ignore[misc]


def _splits(tokens: Sequence[Token], width: int) -> Iterator[Values]:
    """Every way to cut the runs of digits into ``width`` figures without leading zeros."""
    digits = [t.text for t in tokens]
    if not all(d.isdigit() for d in digits) or sum(map(len, digits)) > MAX_GLUED_DIGITS:
        return
    for pieces in _cut_all(digits, width):
        yield tuple(int(p) for p in pieces)


def _cut_all(runs: Sequence[str], width: int) -> Iterator[list[str]]:
    if not runs:
        if width == 0:
            yield []
        return
    first, rest = runs[0], runs[1:]
    for count in range(1, min(len(first), width - len(rest)) + 1):
        for head in _cut(first, count):
            for tail in _cut_all(rest, width - count):
                yield head + tail


def _cut(digits: str, count: int) -> Iterator[list[str]]:
    """``digits`` cut into ``count`` figures, none with a leading zero.

    >>> list(_cut("100", 2))
    [['10', '0']]
    """
    if count == 1:
        if digits == "0" or not digits.startswith("0"):
            yield [digits]
        return
    for at in range(1, len(digits) - count + 2):
        head = digits[:at]
        if head != "0" and head.startswith("0"):
            continue
        for tail in _cut(digits[at:], count - 1):
            yield [head, *tail]
