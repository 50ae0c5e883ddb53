"""The publication date, when the report states one.

In order: an explicit 发布 field (发布日期:2019年01月17日, 发布时间:2018-06-01 13:27:00,
公开日期, 生成日期); a bare 日期 / 时间 field; a date line right under the title
((2026年1月23日), or a page's 2019-01-17 10:30 来源：…); the signature date (2018年3月14日);
a 成文日期 field; a date line closing the report. Dates that do not exist (2018年2月30日) are
skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date

from indexer.metadata.dates import DATE, to_date
from indexer.metadata.fields import Field, Role
from indexer.metadata.lines import Line
from indexer.metadata.signature import Signature, date_line

_UNDER_TITLE = 3
"""Lines after the title where its date may stand (an issuer line may come first)."""
_DATELINE = re.compile(
    rf"^(?:{DATE.pattern})(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?"
    r"\s+(?=来源|信息来源|作者|浏览|点击|阅读|访问|字号|【)"
)
"""A page's date line under the title: 2019-01-17 10:30 来源：…"""
_CLOSING = 4
"""Last lines where a date without a signature closes the report."""


def find_published(
    lines: Sequence[Line],
    fields: Sequence[Field],
    title_end: int | None,
    signature: Signature | None,
) -> date | None:
    """The first real date among the candidates, in the order the module docstring gives."""
    return next(
        (found for found in _candidates(lines, fields, title_end, signature) if found), None
    )


def _candidates(
    lines: Sequence[Line],
    fields: Sequence[Field],
    title_end: int | None,
    signature: Signature | None,
) -> Iterator[date | None]:
    yield from _field_dates(fields, "published")
    yield from _field_dates(fields, "date")
    if title_end is not None:
        under = [line for line in lines if line.start >= title_end][:_UNDER_TITLE]
        yield from _line_dates(under)
        yield from (to_date(m) for line in under if (m := _DATELINE.match(line.text)))
    if signature:
        yield signature.date
    yield from _field_dates(fields, "written")
    yield from _line_dates(lines[-_CLOSING:])


def _field_dates(fields: Sequence[Field], role: Role) -> Iterator[date | None]:
    for field in fields:
        if field.role == role:
            match = DATE.match(field.value)
            yield to_date(match) if match else None


def _line_dates(lines: Sequence[Line]) -> Iterator[date | None]:
    for line in lines:
        match = date_line(line.text)
        yield to_date(match) if match else None
