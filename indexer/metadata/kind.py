"""The kind of document (a key of :data:`indexer.vocabulary.KINDS`), from its title, else from the
way its opening paragraph announces itself (现将…报告如下, 现将…总结如下, 今年以来 …).

A title is classed by the word it ends with, its head noun: 关于…分工方案征求意见的通知 is a
notice (a notice wins over the plan it carries), …年度报告制度 is a rule, not a report, and a
headline that announces a document (贵州省发布2016年政府信息公开工作年度报告) is news about it, an
explainer of one (《…年度报告》文字解读, 图解…) is no report, and a year's 工作情况 is a summary. A
report about something else than disclosure, in its title and opening alike (2022年玉树州政府工作
报告, …部门整体支出绩效评价报告), is no annual report of the genre. An
untitled page that opens on the annual report's own sections (一、概述 / 一、总体情况 /
主动公开政府信息情况 / 政府信息公开的收费及减免情况) is an annual report.
"""

from __future__ import annotations

import re

_TITLE_END: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("notice", re.compile(r"(?:通知|公告|通告|意见征集|征求意见)$")),
    ("annual_report", re.compile(r"(?:报告|年报)$")),
    ("work_summary", re.compile(r"(?:总结|汇报|(?:19|20)\d\d\s*年度?.{0,30}工作情况)$")),
    ("work_plan", re.compile(r"(?:要点|方案|计划|安排|任务分工|任务清单)$")),
    (
        "other",
        re.compile(r"(?:制度|办法|规定|规则|条例|细则|指南|目录|意见|决定|批复|通报|规划|函)$"),
    ),
)
_TITLE_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("notice", re.compile(r"意见征集|征求意见(?!稿)")),
    ("annual_report", re.compile(r"报告|年报")),
    ("work_summary", re.compile(r"总结|汇报")),
    ("work_plan", re.compile(r"要点|方案|计划|任务分工|工作安排")),
)
_BY_OPENING: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("annual_report", re.compile(r"报告如下|年度报告|工作报告|情况报告|本(?:年度)?报告")),
    ("work_summary", re.compile(r"总结如下|汇报如下|工作总结|总结")),
    ("notice", re.compile(r"通知如下|特此通知|特此公告|的通知(?:\.\w+)?\s*(?:\n|$)")),
    ("work_plan", re.compile(r"制定本方案|特制定|本要点|工作要点如下|计划如下")),
    (  # the annual report's own sections (either template) on a page of the genre
        "annual_report",
        re.compile(
            r"\A(?=[\s\S]*?(?:政府信息|政务公开))[\s\S]*?"
            r"(?:^\s*[一1][、.．]\s*(?:政府信息公开)?(?:概述|总体(?:工作)?情况)"
            r"|主动公开政府信息的?情况|收到和处理政府信息公开申请"
            r"|政府信息公开的?收费及减免|因政府信息公开申请行政复议)",
            re.MULTILINE,
        ),
    ),
    ("work_summary", re.compile(r"今年以来|一年来|年以来|过去一年|全年共|取得了")),
)
_EXPLAINER = re.compile(r"解读|图解|一图读懂|一图看懂|图说")
"""An explainer of a report (《…年度报告》文字解读, 图解…年度报告) is not the report."""
_NEWS = re.compile(r"(?:发布|出炉|晒出|亮相)了?\s*(?:(?:19|20)\d\d|[《“])")
"""A headline's verb before the document it reports on: …发布2016年…年度报告, …晒出《…》."""
_DISCLOSURE = re.compile(r"信息公开|政务公开|公开工作|年报|信息与政务")
"""What an annual report of the genre is about, in its title or its opening."""
_QUOTED = re.compile(r"《[^》]*》")
"""Titles of other documents cited in the text, which say nothing about this one's kind."""
_TRAILER = re.compile(r"[\s]*[（(【\[][^（()）【】\[\]]*[）)】\]]$")
_OPENING_CHARS = 400


def classify(title: str | None, opening: str) -> str:
    """The kind of a report with this (simplified) title, or this opening text when untitled.

    >>> classify("关于对2018年全县政务公开工作重点任务分工方案征求意见的通知", "")
    'notice'
    >>> classify("山西省人民政府办公厅政府信息公开年度报告制度（试行）", "")
    'other'
    >>> classify(None, "今年以来,我局认真贯彻《2018年政务公开工作要点》……")
    'work_summary'
    >>> classify("贵州省发布2016年政府信息公开工作年度报告", "")
    'other'
    >>> classify("2022年玉树州政府工作报告", "各位代表：现在，我代表州人民政府向大会报告工作")
    'other'
    >>> classify("2014年政府信息公开工作情况", "")
    'work_summary'
    >>> classify("图解大姚县2018年政府信息公开年度报告", "")
    'other'
    """
    if title:
        core = _QUOTED.sub("", _TRAILER.sub("", title)) or title
        ending = _first_match(_TITLE_END, core)
        if ending != "notice" and (_NEWS.search(title) or _EXPLAINER.search(core)):
            return "other"
        kind = ending if ending else _first_match(_TITLE_WORDS, core) or "other"
        if kind == "annual_report" and not _DISCLOSURE.search(title + opening):
            return "other"
        return kind
    return _first_match(_BY_OPENING, _QUOTED.sub("", opening[:_OPENING_CHARS])) or "other"


def _first_match(rules: tuple[tuple[str, re.Pattern[str]], ...], text: str) -> str | None:
    return next((kind for kind, pattern in rules if pattern.search(text)), None)
