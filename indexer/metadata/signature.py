"""The signature block: the issuing body on a line of its own and the date under it
(大姚县人民政府办公室 / 2018年12月28日), or both on one line (昆都侖區人民政府 … 2018年3月14日).

The first such pair is the document's own: a notice's signature comes before its attachment,
whose text may run on long after it (and a spam tail after that).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from indexer.metadata.dates import DATE, to_date
from indexer.metadata.lines import Line

ORG_END = re.compile(
    r"(?:人民政府|政府|办公室|办公厅|委员会|管委会|领导小组|办事处|公署|局|厅|委|办|处|部|署|中心|院|所)$"
)
"""How the name of a government body ends."""
ANONYMISED = re.compile(r"[xX×*＊]|某")
"""Placeholders of template texts (xx县人民政府, **局, 某镇): no real body."""

_ORG = r"[\u4e00-\u9fff（）()·]{3,40}?"
_ORG_LINE = re.compile(rf"^{_ORG}$")
_ORG_AND_DATE = re.compile(rf"^(?P<org>{_ORG})[\s\u3000?？]+(?P<rest>.+)$")
_DATE_ONLY = re.compile(
    rf"^[（(]?\s*(?:{DATE.pattern})\s*(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\s*[）)]?"
    r"\s*(?:印发|发布|制发)?$"
)
_DATE_GAP = 2
"""Lines the date may come after the body's name (a second body may sign jointly)."""


@dataclass(frozen=True)
class Signature:
    """The signing body's place in the report, and the date signed (None if not a real date)."""

    start: int
    end: int
    date: date | None


def find_signature(lines: Sequence[Line]) -> Signature | None:
    """The first body-and-date pair among ``lines`` (of the simplified text)."""
    for index, line in enumerate(lines):
        both = _ORG_AND_DATE.match(line.text)
        signed = date_line(both["rest"]) if both and _is_body(both["org"]) else None
        if both and signed:
            return Signature(line.start, line.start + both.end("org"), to_date(signed))
        if not (_ORG_LINE.match(line.text) and _is_body(line.text)):
            continue
        for after in lines[index + 1 : index + 1 + _DATE_GAP]:
            signed = date_line(after.text)
            if signed:
                return Signature(line.start, line.end, to_date(signed))
    return None


def signed_date(lines: Sequence[Line], signature: Signature | None) -> date | None:
    """The date a document was signed: its signature's, else the first line that is a date
    alone (a notice whose body is named only in its header, 海府〔2011〕33号, signs with the
    date under its text: 二○一一年四月八日)."""
    if signature:
        return signature.date
    dated = (to_date(match) for line in lines if (match := date_line(line.text)))
    return next(filter(None, dated), None)


def date_line(text: str) -> re.Match[str] | None:
    """The date a line consists of, bracketed or with a time (validate with ``to_date``).

    >>> lines = ("2018年3月14日", "(2026年1月23日)", "2018-06-01 13:27:00", "2018年3月14日召开")
    >>> [bool(date_line(t)) for t in lines]
    [True, True, True, False]
    """
    return _DATE_ONLY.match(text.strip())


def _is_body(name: str) -> bool:
    return bool(ORG_END.search(name)) and not ANONYMISED.search(name)
