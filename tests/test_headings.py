"""Which lines are headings: inline and run-in headings, list items, table rows, contents, both
report templates, conversion leftovers. Each case is a report text and the (level, heading) pairs
a careful reader sees in it."""

from __future__ import annotations

import pytest

from indexer.numbering import numeral_value
from indexer.structure import Taxonomy, split_sections

BODY = "本年度我们认真开展了这项工作，取得了明显成效。"


def headings(text: str) -> list[tuple[int, str]]:
    return [(s.level, s.heading) for s in split_sections(text, text, Taxonomy()) if s.level]


CASES = {
    "inline headings end at a run of spaces": (
        f"  一、工作开展情况   调整了领导小组。\n  二、存在的问题   (一)缺乏专业人才。{BODY}\n"
        f"  (二)内容不规范。{BODY}\n  三、下步工作计划   (一)统一领导，统筹规划   {BODY}",
        [
            (1, "一、工作开展情况"),
            (1, "二、存在的问题"),
            (2, "(一)缺乏专业人才"),
            (2, "(二)内容不规范"),
            (1, "三、下步工作计划"),
            (2, "(一)统一领导，统筹规划"),
        ],
    ),
    "a single space between Chinese words ends an inline heading": (
        f"一、工作开展情况 调整了我局领导小组。\n二、主动公开情况 {BODY}",
        [(1, "一、工作开展情况"), (1, "二、主动公开情况")],
    ),
    "2019 run-in level-2 headings end at the full stop": (
        f"一、总体情况\n{BODY}\n（一）主动公开情况。2024 年，市政府网站主动公开信息。\n"
        f"（二）依申请公开情况。{BODY}\n（三）系统化推进主动公开。\n{BODY}",
        [
            (1, "一、总体情况"),
            (2, "（一）主动公开情况"),
            (2, "（二）依申请公开情况"),
            (2, "（三）系统化推进主动公开"),
        ],
    ),
    "unnumbered run-in phrases are not headings": (
        f"一、领导重视\n{BODY}\n制度建设。为进一步提高服务质量。\n二、平台建设\n{BODY}",
        [(1, "一、领导重视"), (1, "二、平台建设")],
    ),
    "numbered list items and 一是 phrases are not headings": (
        "一、存在的问题\n1、重视程度不够。\n2. 内容简单。\n①形式单一。\n"
        "一是认识不足。二是人员不够。\n"
        f"二、下步工作计划\n{BODY}",
        [(1, "一、存在的问题"), (1, "二、下步工作计划")],
    ),
    "long sentences starting with a numeral are paragraphs": (
        f"一、总体情况\n{BODY}\n二、2018年，全区通过区政务信息公开网公开政务信息12758条，其中政府办公开信息"
        f"556条，区政府及其部门公开信息10430条，三镇公开信息1772条。\n三、存在问题\n{BODY}",
        [(1, "一、总体情况"), (1, "三、存在问题")],
    ),
    "statistics-table rows (pdftotext layout) are not headings": (
        "三、收到和处理政府信息公开申请情况\n"
        "一、本年新收政府信息公开申请数量                3001        53       0   3119\n"
        "二、上年结转政府信息公开申请数量                34          0        0   34\n"
        "      （一）予以公开                   1288        21       0   1362\n"
        "      （二）部分公开（区分处理的，只计这一情\n                                447  454\n"
        "三、\n本\n年\n      （三）不\n      予公开\n"
        "四、结转下年度继续办理                          103          0     103\n"
        "     四、政府信息公开行政复议、行政诉讼情况\n行政复议   行政诉讼\n"
        f"       五、存在的主要问题及改进情况\n{BODY}",
        [
            (1, "三、收到和处理政府信息公开申请情况"),
            (1, "四、政府信息公开行政复议、行政诉讼情况"),
            (1, "五、存在的主要问题及改进情况"),
        ],
    ),
    "table rows with single-spaced numbers are not headings": (
        "一、收到和处理政府信息公开申请情况\n（一）予以公开 1288 21 0 0 50 3 1362\n"
        f"（二）不予公开 12 0 0 0 0 0 12\n二、其他需要报告的事项\n{BODY}",
        [(1, "一、收到和处理政府信息公开申请情况"), (1, "二、其他需要报告的事项")],
    ),
    "Markdown and box-drawn table rows are not headings": (
        "## 三、收到和处理政府信息公开申请情况\n### 一、本年新收政府信息公开申请数量\n"
        "| 本年新收政府信息公开申请数量 | 705 | 713 |\n### 三、本年度办理结果\n### (一) 予以公开\n"
        "| 予以公开 | 290 | 294 |\n### (六) 其他\n| 类别 | 数据1 |\n"
        "| 一、本年新收政府信息公开申请数量 | 32 |\n"
        "│ 二、上年结转政府信息公开申请数量  │ 0  │\n│ 三、本  │ （一）予以公开  │ 26 │\n"
        f"## 四、政府信息公开行政复议、行政诉讼情况\n{BODY}",
        [
            (1, "三、收到和处理政府信息公开申请情况"),
            (1, "四、政府信息公开行政复议、行政诉讼情况"),
        ],
    ),
    "a statistics table flattened one cell per line": (
        "三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n"
        "申请人情况\n自然人\n一、本年新收政府信息公开申请数量\n26\n0\n二、上年结转政府信息公开申请数量\n0\n"
        "三、本年度办理结果\n（一）予以公开\n26\n（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n0\n"
        "（三）不予公开\n1．属于国家秘密\n0\n（四）无法提供\n（五）不予处理\n（六）其他处理\n（七）总计\n26\n"
        "四、结转下年度继续办理\n0\n四、政府信息公开行政复议、行政诉讼情况\n行政复议\n0",
        [
            (1, "三、收到和处理政府信息公开申请情况"),
            (1, "四、政府信息公开行政复议、行政诉讼情况"),
        ],
    ),
    "a table of contents at the top is not an outline": (
        "2019年政府信息公开工作年度报告\n目录\n一、总体情况\n二、主动公开政府信息情况\n"
        "三、收到和处理政府信息公开申请情况\n四、其他需要报告的事项\n"
        f"一、总体情况\n{BODY}\n二、主动公开政府信息情况\n{BODY}\n三、收到和处理政府信息公开申请情况\n"
        f"{BODY}\n四、其他需要报告的事项\n{BODY}",
        [
            (1, "一、总体情况"),
            (1, "二、主动公开政府信息情况"),
            (1, "三、收到和处理政府信息公开申请情况"),
            (1, "四、其他需要报告的事项"),
        ],
    ),
    "contents entries with leaders and page numbers are not headings": (
        f"目录\n一、总体情况……………………1\n二、存在问题……………………3\n正文\n一、总体情况\n{BODY}\n"
        f"二、存在问题\n{BODY}",
        [(1, "一、总体情况"), (1, "二、存在问题")],
    ),
    "a long heading on a line of its own": (
        "一、强化组织领导，将政务公开工作纳入到目标考核体系，指导推进局机关科室和各学校办事公开\n"
        f"{BODY}\n二、完善网站，拓展公开形式\n{BODY}",
        [
            (
                1,
                "一、强化组织领导，将政务公开工作纳入到目标考核体系，指导推进局机关科室和各学校办事公开",
            ),
            (1, "二、完善网站，拓展公开形式"),
        ],
    ),
    "Markdown heading markers are ignored": (
        f"# 2025年政府信息公开工作年度报告\n## 一、总体情况\n{BODY}\n"
        "### (一) 系统化推进主动公开。\n"
        f"{BODY}\n#### 一是强化流程管控。\n{BODY}\n## **二、主动公开政府信息情况**\n{BODY}",
        [
            (1, "一、总体情况"),
            (2, "(一) 系统化推进主动公开"),
            (1, "二、主动公开政府信息情况"),
        ],
    ),
    "第X部分 headings are level 1 over 一、 ones; full-width digits count": (
        f"第１部分 工作开展情况\n一、领导重视\n{BODY}\n二、２０１８年制度建设情况\n{BODY}\n"
        f"第２部分：存在的问题\n一、认识不足\n{BODY}",
        [
            (1, "第１部分 工作开展情况"),
            (2, "一、领导重视"),
            (2, "二、２０１８年制度建设情况"),
            (1, "第２部分：存在的问题"),
            (2, "一、认识不足"),
        ],
    ),
    "第一章 headings": (
        f"第一章 总体情况\n{BODY}\n第二章 存在问题\n{BODY}",
        [(1, "第一章 总体情况"), (1, "第二章 存在问题")],
    ),
    "a numbered sub-list inside a section is not the outline": (
        f"一、工作开展情况\n主要做法如下：\n一、加强领导\n{BODY}\n二、完善制度\n{BODY}\n三、强化监督\n"
        f"{BODY}\n二、存在问题\n{BODY}\n三、下步打算\n{BODY}",
        [(1, "一、工作开展情况"), (1, "二、存在问题"), (1, "三、下步打算")],
    ),
    "numbers that jump far ahead or repeat are not headings": (
        f"一、领导重视\n{BODY}\n二、制度建设\n{BODY}\n七、这是正文中的条目\n{BODY}\n二、本法提供\n"
        f"三、平台建设\n{BODY}",
        [(1, "一、领导重视"), (1, "二、制度建设"), (1, "三、平台建设")],
    ),
    "one lost heading does not break the sequence": (
        f"一、强化组织领导\n{BODY}\n二、建立相关制度\n{BODY}\n四、加强载体建设\n{BODY}\n五、突出重点\n{BODY}",
        [
            (1, "一、强化组织领导"),
            (1, "二、建立相关制度"),
            (1, "四、加强载体建设"),
            (1, "五、突出重点"),
        ],
    ),
    "template sections are headings even when misnumbered": (
        f"一、总体情况\n{BODY}\n二、工作机制保障\n{BODY}\n三、政府信息管理\n{BODY}\n"
        f"一、主动公开政府信息情况\n{BODY}\n二、收到和处理政府信息公开申请情况\n{BODY}\n"
        f"五、其他需要报告的事项\n{BODY}",
        [
            (1, "一、总体情况"),
            (1, "二、工作机制保障"),
            (1, "三、政府信息管理"),
            (1, "一、主动公开政府信息情况"),
            (1, "二、收到和处理政府信息公开申请情况"),
            (1, "五、其他需要报告的事项"),
        ],
    ),
    "headings with quotes and commas": (
        f"一、推进“互联网+政务服务”工作情况\n{BODY}\n二、强化组织领导,营造良好氛围   {BODY}\n"
        '(一) "互联网+政务服务" 从 "有" 到 "优" ,助推政务公开平台建设。坚持技术引领。',
        [
            (1, "一、推进“互联网+政务服务”工作情况"),
            (1, "二、强化组织领导,营造良好氛围"),
            (2, '(一) "互联网+政务服务" 从 "有" 到 "优" ,助推政务公开平台建设'),
        ],
    ),
    "level-2 numbering may run on across sections and repeat": (
        f"一、公开解读回应\n(一)以公开为常态。{BODY}\n(二)以重点领域为抓手。{BODY}\n二、政务服务\n"
        f"(三)围绕只跑一次改革。{BODY}\n三、基础保障\n(四)加强审查。{BODY}\n(四)开展培训。{BODY}",
        [
            (1, "一、公开解读回应"),
            (2, "(一)以公开为常态"),
            (2, "(二)以重点领域为抓手"),
            (1, "二、政务服务"),
            (2, "(三)围绕只跑一次改革"),
            (1, "三、基础保障"),
            (2, "(四)加强审查"),
            (2, "(四)开展培训"),
        ],
    ),
    "headings run together on one line after a sentence end": (
        f"现将情况报告如下：  一、领导重视   {BODY}  二、制度建设   {BODY}",
        [(1, "一、领导重视"), (1, "二、制度建设")],
    ),
    "other numeral punctuation and brackets": (
        f"一．领导重视\n{BODY}\n〔一〕成立小组。{BODY}\n"
        f"二. 制度建设\n{BODY}\n【一】健全制度。{BODY}",
        [(1, "一．领导重视"), (2, "〔一〕成立小组"), (1, "二. 制度建设"), (2, "【一】健全制度")],
    ),
    "a last section called just 其他": (
        f"一、领导重视\n{BODY}\n二、其他\n无。",
        [(1, "一、领导重视"), (1, "二、其他")],
    ),
    "numbers beyond ten": (
        "".join(f"{n}、第{n}项工作\n{BODY}\n" for n in "一二三四五六七八九十")
        + f"十一、第十一项工作\n{BODY}\n二十、跳得太远\n{BODY}\n十二、第十二项工作\n{BODY}",
        [(1, f"{n}、第{n}项工作") for n in "一二三四五六七八九十"]
        + [(1, "十一、第十一项工作"), (1, "十二、第十二项工作")],
    ),
    "leftover '?' spaces before a heading": (
        f"? ? 一、政务信息公开情况\n? ?{BODY}\n??? 二、积极搭建政民互动平台\n{BODY}",
        [(1, "一、政务信息公开情况"), (1, "二、积极搭建政民互动平台")],
    ),
    "（一） headings before the first 一、 stay in the preamble": (
        f"通知如下：\n（一）请各单位研究。{BODY}\n一、总体要求\n{BODY}\n二、主要任务\n{BODY}",
        [(1, "一、总体要求"), (1, "二、主要任务")],
    ),
    "regression: a page that lost its first sections opens on 四、": (
        f"公开信息\n（一）主动公开数量。{BODY}\n办理情况\n{BODY}\n四、收费情况\n{BODY}\n"
        f"五、复议诉讼情况\n{BODY}\n六、存在的问题\n{BODY}",
        [(1, "四、收费情况"), (1, "五、复议诉讼情况"), (1, "六、存在的问题")],
    ),
    "two headings out of sequence are no late outline": (
        f"（一）主动公开情况。{BODY}\n五、其他\n{BODY}\n六、附件\n{BODY}\n（二）依申请公开情况。{BODY}",
        [(1, "（一）主动公开情况"), (1, "（二）依申请公开情况")],
    ),
    "regression: the clauses of a regulation's articles are no sections": (
        "第一条 为规范年度报告工作，制定本制度。\n第二条 年度报告应当包括下列内容：\n"
        "（一）概述；\n（二）主动公开政府信息情况；\n（三）存在的主要问题和改进措施。\n"
        "第三条 本制度自印发之日起施行。",
        [],
    ),
    "regression: a regulation's chapters stay headings, its articles' clauses do not": (
        "第一章 总则\n第一条 为规范工作，制定本规则。\n第二条 工作准则：\n（一）依法行政；\n"
        "（二）政务公开；\n第二章 职责\n第三条 组成人员履行职责。\n（一）执政为民；\n"
        "（二）忠于职守。",
        [(1, "第一章 总则"), (1, "第二章 职责")],
    ),
    "regression: the 2019 table's 第二十条 第（一）项 rows are no articles": (
        f"一、总体情况\n{BODY}\n二、主动公开政府信息情况\n第二十条 第（一）项\n"
        f"信息内容 | 本年制发件数\n第二十条第（五）项\n行政许可 | 0\n"
        f"三、收到和处理政府信息公开申请情况\n{BODY}\n"
        f"四、存在的主要问题及改进情况\n{BODY}",
        [
            (1, "一、总体情况"),
            (1, "二、主动公开政府信息情况"),
            (1, "三、收到和处理政府信息公开申请情况"),
            (1, "四、存在的主要问题及改进情况"),
        ],
    ),
    "a report numbered only with （一） has them as level 1": (
        f"（一）主动公开情况。{BODY}\n（二）依申请公开情况。{BODY}",
        [(1, "（一）主动公开情况"), (1, "（二）依申请公开情况")],
    ),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_headings(text: str, expected: list[tuple[int, str]]) -> None:
    assert headings(text) == expected


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("一", 1), ("十", 10), ("十四", 14), ("二十", 20), ("二十三", 23), ("九十九", 99),
     ("两", 2), ("拾", 10), ("７", 7), ("12", 12), ("十十", None), ("二二", None), ("〇", None)],
)  # fmt: skip
def test_numeral_values(numeral: str, value: int | None) -> None:
    assert numeral_value(numeral) == value
