"""The checks of a report's statistics: the template's sums, and the figures its text states.

A check is made only when every figure it involves was read: a sum over an unread cell is not
known to fail. A group row (（三）不予公开…) stands for its own line when the report has one, else
for the sum of its members; the headline figures are read the same way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from indexer.models import Check, StatCell
from indexer.statistics.template import Block, Format, Identity, template

Number = int | float
_DIGITS_APART = re.compile(r"(?<=\d)\s+(?=\d)")
_NO_SPACE = {ord(c): None for c in "\t\n\r\f\v\u3000\xa0"}


def amount(values: Mapping[str, Number], block: Block, row_id: str, column: str) -> Number | None:
    """The figure of a row and column: the cell when read, else (a group row) the sum of its
    members when all of them were read."""
    own = values.get(f"{row_id}.{column}")
    if own is not None:
        return own
    members = block.members(row_id)
    found = [values.get(f"{m.id}.{column}") for m in members]
    if not members or any(v is None for v in found):
        return None
    return _total(found)  # type: ignore[arg-type]


def cell_amount(fmt: Format, values: Mapping[str, Number], cell_id: str) -> Number | None:
    """:func:`amount` of a cell id (``"refused.total"``), None when the format has no such cell."""
    row_id, _, column = cell_id.partition(".")
    for block in fmt.blocks:
        if any(row.id == row_id for row in block.rows) and any(
            c.id == column for c in block.columns
        ):
            return amount(values, block, row_id, column)
    return None


def figures(fmt: Format, values: Mapping[str, Number]) -> dict[str, Number]:
    """The headline figures that can be read, by name (see ``[figures]`` in the template)."""
    found: dict[str, Number] = {}
    for figure in template().figures:
        terms = []
        for choices in figure.terms:
            cell = next((c for c in choices if fmt.has_cell(c)), None)
            terms.append(cell_amount(fmt, values, cell) if cell else None)
        if terms and all(t is not None for t in terms):
            found[figure.id] = _total(terms)  # type: ignore[arg-type]
    return found


def run_checks(fmt: Format, cells: Sequence[StatCell], text: str) -> tuple[Check, ...]:
    """Every check that can be made: the identities, then the text's figures."""
    values = {cell.id: cell.value for cell in cells}
    found: list[Check] = []
    for identity in template().identities:
        block = fmt.block(identity.block)
        if block is not None:
            found.extend(_identity_checks(identity, block, values))
    found.extend(text_checks(fmt, values, text))
    return tuple(found)


def _identity_checks(identity: Identity, block: Block, values: Mapping[str, Number]) -> list[Check]:
    def cell(row: str, column: str) -> tuple[str, Number | None]:
        return f"{row}.{column}", values.get(f"{row}.{column}")

    def total(row: str, column: str) -> tuple[str, Number | None]:
        return f"{row}.{column}", amount(values, block, row, column)

    found = []
    if identity.across == "columns":
        for row in block.rows:
            left = [cell(row.id, c) for c in identity.left]
            right = [cell(row.id, c) for c in identity.right]
            found += _check(identity, row.id, _short(row.label), left, right)
    elif identity.across == "rows":
        for column in block.columns:
            left = [total(r, column.id) for r in identity.left]
            right = [total(r, column.id) for r in identity.right]
            found += _check(identity, column.id, f"{column.label}列", left, right)
    else:  # groups: a group's own line against its members
        for group in (r for r in block.rows if block.members(r.id)):
            for column in block.columns:
                members = [cell(m.id, column.id) for m in block.members(group.id)]
                where = f"{_short(group.label)} {column.label}列"
                at = f"{group.id}.{column.id}"
                found += _check(identity, at, where, members, [cell(group.id, column.id)])
    return found


def _check(
    identity: Identity,
    at: str,
    where: str,
    left: Sequence[tuple[str, Number | None]],
    right: Sequence[tuple[str, Number | None]],
) -> list[Check]:
    if any(v is None for _, v in (*left, *right)):
        return []
    a, b = _total([v for _, v in left]), _total([v for _, v in right])  # type: ignore[misc]
    ok = _same(a, b)
    detail = f"{identity.label}｜{where}：{_side(left)} {'=' if ok else '≠'} {_side(right)}"
    cells = tuple(cell for cell, _ in (*left, *right))
    return [Check(f"{identity.id}:{at}", ok, detail, cells)]


def text_checks(fmt: Format, values: Mapping[str, Number], text: str) -> list[Check]:
    """The figures the text states (共受理申请749件) against the tables: a check each."""
    flat = flatten(text)
    known = figures(fmt, values)
    found: list[Check] = []
    for claim in template().claims:
        readings = []
        for reading in claim.readings:
            terms = [known.get(t, cell_amount(fmt, values, t)) for t in reading]
            if all(t is not None for t in terms):
                readings.append((reading, _total(terms)))  # type: ignore[arg-type]
        if not readings:
            continue
        stated: dict[int, str] = {}
        for pattern in claim.patterns:
            for match in pattern.finditer(flat):
                stated.setdefault(int(match.group(1)), match.group(0))
        for k, (number, words) in enumerate(stated.items()):
            ok = any(_same(number, value) for _, value in readings)
            shown = " 或 ".join(f"{_labels(fmt, r)} {show_number(v)}" for r, v in readings)
            check_id = f"text:{claim.id}" + (f":{k + 1}" if len(stated) > 1 else "")
            detail = f"正文“{words}”{'与表中相符' if ok else '与表中不符'}：表中 {shown}"
            cells = tuple(t for r, _ in readings for t in r)
            found.append(Check(check_id, ok, detail, cells))
    return found


def flatten(text: str) -> str:
    r"""The text without whitespace, except between two figures (table cells stay apart).

    >>> flatten("受理申请 3119 件，答\n复 3050 件。\n一、新收  30  1")
    '受理申请3119件，答复3050件。一、新收30 1'
    """
    return _DIGITS_APART.sub(" ", text.replace(" ", "\t")).translate(_NO_SPACE)


def _labels(fmt: Format, terms: Sequence[str]) -> str:
    """What the terms of a reading are called: a figure's label, or a cell's row label."""
    named = {f.id: f.label for f in template().figures}
    rows = {row.id: _short(row.label) for block in fmt.blocks for row in block.rows}
    return "+".join(named.get(t) or rows.get(t.partition(".")[0], t) for t in terms)


def _short(label: str) -> str:
    """A row's label without its wording in brackets.

    >>> _short("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
    '（二）部分公开'
    """
    return re.sub(r"(?<=.)（[^）]*）$", "", label)


def _side(side: Sequence[tuple[str, Number | None]]) -> str:
    shown = [show_number(v) for _, v in side]  # type: ignore[arg-type]
    if len(shown) == 1:
        return shown[0]
    return f"{' + '.join(shown)} = {show_number(_total([v for _, v in side]))}"  # type: ignore[misc]


def _total(values: Sequence[Number]) -> Number:
    total = sum(values)
    return round(total, 6) if isinstance(total, float) else total


def _same(a: Number, b: Number) -> bool:
    return abs(a - b) < 1e-6


def show_number(value: Number) -> str:
    """A figure as printed.

    >>> show_number(4068.208), show_number(12.0), show_number(7)
    ('4068.208', '12', '7')
    """
    return f"{value:.6f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
