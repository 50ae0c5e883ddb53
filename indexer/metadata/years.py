"""The year a report covers (not the year it was published: 洛宁县2017年度政务公开工作报告 came
out in 2018).

In order: the title's first year; the statistics period (本报告所列数据统计期限从2025年1月1日…);
the opening lines' own year (现将…2018年政府信息公开工作报告如下 / 为做好2019年政务公开工作 /
2018年，我县…, also where the first section opens so: 一、总体情况 / 2021年城中区…); for reports
and summaries, a year opening a sentence in which the issuer speaks of its own work (…。2023年，
我局主动公开文件63件), then the only year the text names or one that clearly prevails in it; for
notices and plans, the year they were signed (a plan is for the year it is issued in). Otherwise
unknown: a year is never guessed from the publication date, a report coming out the year after
the one it covers.
"""

from __future__ import annotations

import re
from collections import Counter

from indexer.metadata.dates import YEAR, to_year, years_in

_PERIOD = re.compile(
    r"(?:统计|数据)[^。；;]{0,30}?(?:期限|时限|周期|区间|时间|范围|时段)[^。；;\d]{0,12}?"
    r"(?P<y>(?:19|20)\d\d)\s*年\s*0?1\s*月\s*0?1\s*日"
)
_OPENING = re.compile(r"^[\s\u3000]*(?P<y>(?:19|20)\d\d)\s*年度?(?!\s*\d{1,2}\s*月)")
_ANNOUNCED = re.compile(
    r"(?:现将|特编制|编制了?|形成|制定)[^。；;]{0,40}?(?P<y>(?:19|20)\d\d)\s*年度?[^。；;]{0,30}?"
    r"(?:报告|总结|工作情况|要点|方案|计划|任务|清单|分解表)"
)
_PURPOSE = re.compile(
    r"为(?:了)?(?:做好|推进|进一步|全面|深入)[^。；;]{0,12}?(?P<y>(?:19|20)\d\d)\s*年度?"
)
"""A plan's opening: 为做好2019年政务公开工作, …"""
_OWN_WORK = re.compile(
    r"(?:^|[。；;！!])[\s\u3000]*(?P<y>(?:19|20)\d\d)\s*年度?\s*[，,]?\s*"
    r"(?:我|本)(?:局|区|县|市|州|盟|旗|办|委|镇|乡|街道|厅|处|中心|单位|机关|部门)(?!将|要|计划|拟)",
    re.MULTILINE,
)
"""A sentence in which the issuer reports what it did that year; not what it will do (2024年，
我局将…), nor a year inside a sentence (认真查摆2022年度我局政务公开情况)."""
_PREVAILING_MIN, _PREVAILING_RATIO = 3, 2
_RETROSPECTIVE = {"annual_report", "work_summary"}
_FORWARD = {"notice", "work_plan"}


def covered_year(
    title: str | None, intro: str, text: str, kind: str, signed: int | None = None
) -> int | None:
    """The year covered, from the (simplified) title, the ``intro`` (the text after the title,
    some 1,000 characters) and, for reports and summaries, the whole ``text``; for notices and
    plans, the year ``signed`` (the signature's date) when nothing else says.

    >>> covered_year("关于2017年度政府信息公开情况的报告", "", "", "annual_report")
    2017
    >>> covered_year(None, "报告统计数据时限为2018年1月1日至2018年12月31日。", "", "annual_report")
    2018
    """
    if title:
        match = YEAR.search(title)
        if match and to_year(match):
            return to_year(match)
    for pattern in (_PERIOD, _ANNOUNCED, _PURPOSE):
        match = pattern.search(intro)
        if match:
            return int(match["y"])
    for line in intro.splitlines():
        match = _OPENING.match(line)
        if match:
            return int(match["y"])
    if kind in _RETROSPECTIVE:
        own = _OWN_WORK.search(intro)
        return int(own["y"]) if own else _prevailing(text)
    return signed if kind in _FORWARD else None


def _prevailing(text: str) -> int | None:
    """The year a report or summary speaks of: the only one it names (2021年，全县公开…), or
    one named far more often than any other."""
    counts = Counter(year for year, _ in years_in(text)).most_common(2)
    if len(counts) == 1:
        return counts[0][0]
    if not counts or counts[0][1] < _PREVAILING_MIN:
        return None
    if len(counts) > 1 and counts[0][1] < _PREVAILING_RATIO * counts[1][1]:
        return None
    return counts[0][0]
