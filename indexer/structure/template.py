"""What the national annual-report format (2019 Regulations, 国办公开办函〔2021〕30号) fixes.

Since 2019 every annual report has the same six level-1 sections and the same statistics tables.
Their section titles are strong evidence for a heading even where conversion garbled its number,
and the tables' numbered row labels ("一、本年新收政府信息公开申请数量", "（一）予以公开") look
exactly like headings, so they are recognised by name and never become sections.
"""

from __future__ import annotations

import re

_SECTION_TITLE = re.compile(
    r"^(?:(?P<first>总体情况|概述)"
    r"|主动公开政府信息(?:的)?情况"
    r"|收到和处理政府信息公开申请(?:的)?情况"
    r"|(?:因)?政府信息公开(?:工作)?(?:被申请)?行政复议[、和及]?(?:提起)?行政诉讼(?:的)?情况"
    r"|(?:政府信息公开工作)?存在的主要问题(?:及|和)改进情况"
    r"|其[他它](?:需要|应)报告的事项)$"
)

_RUN_IN_TITLE = re.compile(_SECTION_TITLE.pattern.removeprefix("^").removesuffix("$"))

_TABLE_ROW = re.compile(
    r"^(?:本年新收|上年结转|本年度办理结果|结转下年度|予以公开$|部分公开(?:$|[（(])|不予公开$|无法提供$"
    r"|不予处理$|其[他它]处理$|总计$)"
)


def template_section(title: str) -> str | None:
    """``"first"`` for the template's opening section, ``"later"`` for its others, else None.

    >>> [template_section(t) for t in ("总体情况", "主动公开政府信息情况", "制度建设")]
    ['first', 'later', None]
    """
    match = _SECTION_TITLE.match(_compact(title))
    if match is None:
        return None
    return "first" if match.group("first") else "later"


def template_title_end(text: str, start: int) -> int | None:
    """Where a template section title starting at ``start`` ends, if one does, for pages that
    lost every break between a heading and its paragraph (总体情况2024年，本市…).

    >>> template_title_end("一、总体情况2024年，本市…", 2)
    6
    """
    match = _RUN_IN_TITLE.match(text, start)
    return match.end() if match else None


def is_table_row_label(title: str, bracketed: bool = False) -> bool:
    """True for the numbered row labels of the statistics tables.

    A bare "其他" is a row only when numbered （六）; "七、其他" is a report's last section.

    >>> is_table_row_label("本年新收政府信息公开申请数量"), is_table_row_label("予以公开")
    (True, True)
    >>> is_table_row_label("其他", bracketed=True), is_table_row_label("其他")
    (True, False)
    >>> is_table_row_label("主动公开政府信息情况")
    False
    """
    compact = _compact(title)
    return _TABLE_ROW.match(compact) is not None or (bracketed and compact in ("其他", "其它"))


def _compact(title: str) -> str:
    return re.sub(r"\s+", "", title)
