"""Dates and years as reports write them: 2019年01月17日, 2018-06-01 13:27:00, 2024 年 1 月 1 日
(PDF text keeps the spaces, even line breaks), 二〇一八年三月十四日; years 2017年度, 二〇一八年.

Only real calendar dates count (2018年2月30日 is no date), and a year only counts when 年
follows it, so the years of document numbers (〔2017〕72号, 国办公开办函〔2021〕30号) never do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

_CN_VALUES = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | dict.fromkeys("○零ＯOo", 0)
"""Digits of years written in words; the letter O often stands in for 〇 (二OO八年)."""
_CN_DIGIT = "".join(_CN_VALUES)
_CN_NUMBER = "一二三四五六七八九十"

DATE = re.compile(
    rf"(?<!\d)(?P<y>(?:19|20)\d\d)\s*(?:年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*日"
    rf"|(?P<sep>[-/.])(?P<m2>\d{{1,2}})(?P=sep)(?P<d2>\d{{1,2}})(?!\d))"
    rf"|(?P<cy>[{_CN_DIGIT}]{{4}})\s*年\s*(?:(?P<cm>[{_CN_NUMBER}]{{1,2}})\s*月"
    rf"\s*(?P<cd>[{_CN_NUMBER}]{{1,3}})|(?P<am>\d{{1,2}})\s*月\s*(?P<ad>\d{{1,2}}))\s*日"
)
"""A calendar date in any of the spellings above, the year in words with the month and day in
digits too (二O一一年5月16日); validate with :func:`to_date`."""

YEAR = re.compile(
    rf"(?<![\d{_CN_DIGIT}])(?:(?P<y>(?:19|20)\d\d)(?:\s*[-－—–~～至到]\s*(?:19|20)\d\d)?"
    rf"|(?P<cy>[{_CN_DIGIT}]{{4}}))\s*年"
)
"""A year followed by 年 (a range 2024－2027年 counts as its first year)."""

_FULL_WIDTH_DIGIT = re.compile("[０-９]")


def ascii_digits(text: str) -> str:
    """``text`` with full-width digits made ASCII, one character for one (offsets survive).

    >>> ascii_digits("２０１８年")
    '2018年'
    """
    return _FULL_WIDTH_DIGIT.sub(lambda m: chr(ord(m.group()) - 0xFEE0), text)


EARLIEST, LATEST = 1990, 2039
"""Years a disclosure report can plausibly carry (the genre starts in 2008; margins kept)."""


def to_date(match: re.Match[str]) -> date | None:
    """The date a :data:`DATE` match spells, or None when it is not a real date.

    >>> spellings = ("2019年01月17日", "2018-06-01 13:27", "二〇一八年三月十四日",
    ...     "二O一一年5月16日")
    >>> [to_date(DATE.search(s)) for s in spellings]  # doctest: +NORMALIZE_WHITESPACE
    [datetime.date(2019, 1, 17), datetime.date(2018, 6, 1), datetime.date(2018, 3, 14),
     datetime.date(2011, 5, 16)]
    >>> to_date(DATE.search("2018年2月30日")) is None
    True
    """
    if match["cy"] and match["am"]:
        year, month, day = _cn_year(match["cy"]), int(match["am"]), int(match["ad"])
    elif match["cy"]:
        year = _cn_year(match["cy"])
        month, day = _cn_number(match["cm"]), _cn_number(match["cd"])
    else:
        year = int(match["y"])
        month, day = int(match["m"] or match["m2"]), int(match["d"] or match["d2"])
    if month is None or day is None or not EARLIEST <= year <= LATEST:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def to_year(match: re.Match[str]) -> int | None:
    """The year a :data:`YEAR` match spells, if plausible.

    >>> [to_year(YEAR.search(s)) for s in ("2017年度", "二〇一八年", "（2024－2027 年）", "1985年")]
    [2017, 2018, 2024, None]
    """
    year = _cn_year(match["cy"]) if match["cy"] else int(match["y"])
    return year if EARLIEST <= year <= LATEST else None


def years_in(text: str) -> Iterator[tuple[int, int]]:
    """``(year, offset)`` for every plausible year in ``text``."""
    for match in YEAR.finditer(text):
        year = to_year(match)
        if year is not None:
            yield year, match.start()


def _cn_year(digits: str) -> int:
    return int("".join(str(_CN_VALUES[ch]) for ch in digits))


def _cn_number(numeral: str) -> int | None:
    """一 … 三十一 as written in dates (十二月, 二十八日)."""
    head, tens, tail = numeral.partition("十")
    if not tens:
        return _CN_VALUES.get(numeral) if len(numeral) == 1 else None
    high = _CN_VALUES.get(head) if head else 1
    low = _CN_VALUES.get(tail) if tail else 0
    return None if high is None or low is None or len(tail) > 1 else high * 10 + low
