"""Metadata of one report: title, region, issuer, year covered, publication date and kind.

:func:`describe` reads the simplified twin of the report (same length as the display text) and
slices what it finds from the display text, so titles and issuers keep the original script.
Each field has its own module; this one wires them together.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from indexer.gazetteer import Gazetteer, default_gazetteer
from indexer.metadata.codes import division_codes
from indexer.metadata.dates import ascii_digits
from indexer.metadata.fields import Field, find_fields
from indexer.metadata.issuer import choose_issuer, compiler, title_body
from indexer.metadata.kind import classify
from indexer.metadata.lines import split_lines
from indexer.metadata.published import find_published
from indexer.metadata.region import decide_region
from indexer.metadata.signature import find_signature, signed_date
from indexer.metadata.title import find_title
from indexer.metadata.years import covered_year
from indexer.models import Region

_FIELDS_HEAD, _FIELDS_TAIL = 3000, 1000
"""Where metadata fields are looked for: the page's top and bottom."""
_HEAD_BEFORE, _HEAD_AFTER = 300, 300
"""The opening lines: what precedes the title (site header) and follows it."""
_INTRO = 1200
"""Text after the title where the covered year is stated (统计期限 …)."""


@dataclass(frozen=True)
class ReportMetadata:
    """What a careful reader notes about a report; None where the text does not say."""

    title: str | None
    region: Region | None
    issuer: str | None
    year: int | None
    published: date | None
    kind: str


def describe(text: str, simplified: str, gazetteer: Gazetteer | None = None) -> ReportMetadata:
    """The metadata of one report, from its display ``text`` and its ``simplified`` twin."""
    if len(text) != len(simplified):
        raise ValueError("text and its simplified twin must have the same length")
    gazetteer = gazetteer or default_gazetteer()
    plain = ascii_digits(simplified)
    lines = split_lines(plain)
    fields = _fields(plain)
    title = find_title(lines, fields)
    title_text = title.read(plain) if title else None
    start, end = (title.spans[0][0], title.end) if title else (0, 0)
    body_lines = [line for line in lines if line.start >= end]
    signature = find_signature(body_lines)
    in_title = title_body(title_text, title.spans[0]) if title and title_text else None
    issuer_fields = tuple(f for f in fields if f.role == "issuer")
    compiled_by = compiler(plain[end : end + _INTRO], end)
    kind = classify(title_text, plain[end : end + _INTRO])
    signed = signed_date(body_lines, signature)
    signed_year = signed.year if signed else None
    issuers = [(signature.start, signature.end)] if signature else []
    issuers += [(f.start, f.end) for f in issuer_fields]
    head = (max(0, start - _HEAD_BEFORE), end + _HEAD_AFTER)
    codes = division_codes(plain[:_FIELDS_HEAD] + "\n" + plain[-_FIELDS_TAIL:])
    year = covered_year(title_text, plain[end : end + _INTRO], plain, kind, signed_year)
    return ReportMetadata(
        title=title.read(text) if title else None,
        region=decide_region(
            plain, (start, end) if title else None, issuers, head, gazetteer, year, codes
        ),
        issuer=choose_issuer(text, plain, signature, in_title, issuer_fields, compiled_by),
        year=year,
        published=find_published(lines, fields, end if title else None, signature),
        kind=kind,
    )


def _fields(plain: str) -> tuple[Field, ...]:
    head = find_fields(plain[:_FIELDS_HEAD])
    tail_start = max(_FIELDS_HEAD, len(plain) - _FIELDS_TAIL)
    tail = find_fields(plain[tail_start:])
    shifted = tuple(replace(f, start=f.start + tail_start, end=f.end + tail_start) for f in tail)
    return head + shifted


__all__ = ["ReportMetadata", "describe"]
