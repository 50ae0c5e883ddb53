"""Cleaning: one table of crafted cases per rule, then the sample files end to end."""

from __future__ import annotations

import doctest
import importlib
import re
from pathlib import Path

import pytest

from indexer.cleaning import clean_text
from indexer.cleaning.artefacts import (
    drop_doubled_commas,
    drop_page_footers,
    question_marks_as_spaces,
    repair_pinyin,
    strip_markdown,
)
from indexer.cleaning.breaks import restore_heading_breaks
from indexer.cleaning.furniture import drop_furniture_lines, strip_inline_furniture
from indexer.cleaning.spam import drop_adverts, drop_spam_lines, strip_inline_spam
from indexer.cleaning.whitespace import (
    collapse_blank_lines,
    normalise_characters,
    normalise_spaces,
)
from indexer.cleaning.wraps import rejoin_wrapped_lines
from indexer.reading import read_text

from .conftest import SAMPLE_DIR, TEMPLATE_2019_DIR


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("昆都侖區(qū)人民政府", "昆都侖區人民政府"),
        ("關(guān)于", "關于"),
        ("政務(wù)公開", "政務公開"),
        ("全角括號區（qū）", "全角括號區"),
        ("綠(lǜ)色", "綠色"),
        ("单位(万元)", "单位(万元)"),  # not pinyin
        ("英文(English)", "英文(English)"),
        ("2018(pā)年", "2018(pā)年"),  # only directly after a character
    ],
)
def test_repair_pinyin(text: str, cleaned: str) -> None:
    assert repair_pinyin(text) == cleaned


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        # regression (eval b4): a re-punctuating mirror, "一,、概 述" hid the heading's numeral
        ("一,、概 述\n2008年是施行的第一年,。", "一、概 述\n2008年是施行的第一年。"),
        ("省委,、省政府,,市委", "省委、省政府,市委"),
        ("全年,共公开信息,其中:规章5件", None),  # single commas stay
        ("1,000,000元", None),
    ],
)
def test_drop_doubled_commas(text: str, cleaned: str | None) -> None:
    assert drop_doubled_commas(text) == (text if cleaned is None else cleaned)


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("? ? 一、政務信息公開情況", "    一、政務信息公開情況"),
        ("?2018年", " 2018年"),
        ("九、其他需要報告的事項?", "九、其他需要報告的事項 "),
        ("提高公開實效性。?", "提高公開實效性。 "),
        ('辦理 "市長熱線" ?6555件', '辦理 "市長熱線"  6555件'),
        ("昆都侖區人民政府 ? ??2018年3月14日", "昆都侖區人民政府     2018年3月14日"),
        ("是否公开？", "是否公开？"),  # a real question
        ("公开了吗? 是的", "公开了吗? 是的"),
        ("如何申请公开?", "如何申请公开?"),
        ("What?", "What?"),
        ("网址index.php?id=3", "网址index.php?id=3"),  # inside a word
    ],
)
def test_question_marks_as_spaces(text: str, cleaned: str) -> None:
    assert question_marks_as_spaces(text) == cleaned


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        (
            "  一、工作开展情况   调整了我局政府信息公开工作领导小组,由单位负责人任组长。",
            "  一、工作开展情况\n调整了我局政府信息公开工作领导小组,由单位负责人任组长。",
        ),
        (
            "  二、主要做法   (一)加强领导,落实责任   按照要求,我局把政务公开纳入议事日程。",
            "  二、主要做法\n(一)加强领导,落实责任\n按照要求,我局把政务公开纳入议事日程。",
        ),
        # a converted statistics table row stays one line
        ("一、本年新收政府信息公开申请数量      26     0    26", None),
        ("三、本年度办理结果     （一）予以公开     9    0", None),
        # not a heading: a sentence that happens to contain a gap
        ("今年以来,我局以   ****重要思想为指导,扩大基层民主。", None),
        ("（五）结果公开。围绕重大决策   。一是做好统计数据发布。", None),
        # regression: a report run into one paragraph, headings after a sentence, one space apart
        (
            "现报告如下: 一、主动公开情况 全年我镇公开信息46件,内容涵盖文件。"
            " 二、依申请公开情况 本年度我镇没有收到申请,也未收费。",
            "现报告如下:\n一、主动公开情况\n全年我镇公开信息46件,内容涵盖文件。"
            "\n二、依申请公开情况\n本年度我镇没有收到申请,也未收费。",
        ),
        # … or none before the numeral (document-site text)
        (
            "情况如下:一、统一认识,加强领导,确保组织到位 为确保工作落到实处,我镇成立了小组。",
            "情况如下:\n一、统一认识,加强领导,确保组织到位\n为确保工作落到实处,我镇成立了小组。",
        ),
        # … and PDF text whose heading holds a space itself
        (
            "现将工作总结如下。 一、2022 年度工作总结 (一)统一思想,落实责任。实施政务公开",
            "现将工作总结如下。\n一、2022 年度工作总结\n(一)统一思想,落实责任。实施政务公开",
        ),
        # … a heading ending the line it runs on in
        (
            "本报告统计期限至2014年12月31日止。一、概述",
            "本报告统计期限至2014年12月31日止。\n一、概述",
        ),
        # … and PDF text run into one line from the title on
        (
            "某县人民政府2019年 政府信息公开工作年度报告 一、总体情况 2019年,我县全面贯彻条例。",
            "某县人民政府2019年 政府信息公开工作年度报告\n一、总体情况\n2019年,我县全面贯彻条例。",
        ),
        # regression (eval b6): document-site text, a heading after a bracketed aside and a
        # paragraph opening on a year set off from its 年
        (
            "该报告在县人民政府网站上公布。(http://www.example.gov.cn) 一、总体情况 2021 年，"
            "我苏木严格按照条例的规定推进公开。",
            "该报告在县人民政府网站上公布。(http://www.example.gov.cn)\n一、总体情况\n2021 年，"
            "我苏木严格按照条例的规定推进公开。",
        ),
        ("包括概述(含机构) 二、主动公开 三、依申请公开。", None),
        # not headings: an inline list, a wrapped sentence, a table row after a colon
        ("全文包括: 一、概述 二、主动公开政府信息情况 三、依申请公开情况。", None),
        ("情况如下。 一、2023 年，我县成立了领导小组，负责工作。", None),
        ("主要有:一、本年新收申请数量 26 0 26", None),
        ("总结如下。 一、加强领导。成立了领导小组,负责全镇工作。", None),
        ("表如下: 三、本年度办理结果 （一）予以公开", None),
        # issue 12: whole pages on one line
        pytest.param(
            "年度报告一、总体情况2024 年，我市坚持公开。二、主动公开政府信息情况第二十条 第（一）项"
            " 0 0 三、收到和处理政府信息公开申请情况（一）自然人",
            "年度报告\n一、总体情况\n2024 年，我市坚持公开。\n二、主动公开政府信息情况\n"
            "第二十条 第（一）项 0 0 \n三、收到和处理政府信息公开申请情况\n（一）自然人",
            id="template titles run straight into their paragraphs, after prose or a table",
        ),
        pytest.param(
            "本报告包括：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；"
            "四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。",
            None,
            id="the sentence listing all six parts stays whole",
        ),
        pytest.param(
            "本报告包括 一、总体情况 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况。",
            None,
            id="the six parts listed with spaces stay whole",
        ),
        pytest.param(
            "无复议诉讼。 十一、完善公开制度机制建设情况 一是加强审查工作。按照要求制定制度。",
            "无复议诉讼。\n十一、完善公开制度机制建设情况\n一是加强审查工作。按照要求制定制度。",
            id="regression: the 一、 of 十一、 is no inline list",
        ),
        pytest.param(
            "情况如下。 二、主动公开政府信息情况 (一)主动公开范围 2018年我县扩大公开范围。",
            "情况如下。\n二、主动公开政府信息情况\n(一)主动公开范围 2018年我县扩大公开范围。",
            id="a heading followed by its first sub-heading",
        ),
        pytest.param(
            "公开信息46件。 （二）制度建设 建立了制度。",
            "公开信息46件。\n（二）制度建设 建立了制度。",
            id="a second-level heading after a sentence",
        ),
    ],
)
def test_restore_heading_breaks(text: str, cleaned: str | None) -> None:
    assert restore_heading_breaks(text) == (cleaned or text)


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        (
            "# 沐阳县人民政府 2025 年 政府信息公开工作年度报告",
            "沐阳县人民政府 2025 年 政府信息公开工作年度报告",
        ),
        ("### 第二十条第（一）项", "第二十条第（一）项"),
        ("| 规章 | 0 | 0 | 0 |", "规章 | 0 | 0 | 0"),
        ("| 业 | 构 | 益组织 | 务机构 |  |  |", "业 | 构 | 益组织 | 务机构"),
        ("表格\n|---|---|---|\n下文", "表格\n下文"),
        ("| :--- | ---: |", ""),
        ("#5 号文件", "#5 号文件"),
        ("发财计划|发财计划下载APP", "发财计划|发财计划下载APP"),  # not a table row
    ],
)
def test_strip_markdown(text: str, cleaned: str) -> None:
    assert strip_markdown(text) == cleaned


@pytest.mark.parametrize(
    ("line", "dropped"),
    [
        ("— 1 —", True),
        ("- 2 -", True),
        ("-3-", True),
        ("第 3 页 共 6 页", True),
        ("第3页", True),
        ("共6页 第2页", True),
        ("Page 2 of 6", True),
        ("2024", False),
        ("第3页的表格显示", False),
        ("- 2 -号文件", False),
    ],
)
def test_drop_page_footers(line: str, dropped: bool) -> None:
    assert drop_page_footers(f"上文\n{line}\n下文") == (
        "上文\n下文" if dropped else f"上文\n{line}\n下文"
    )


@pytest.mark.parametrize(
    ("line", "cleaned"),
    [
        (
            "发布时间：2019-01-17 浏览次数：222 【字体：大 中 小】【打印】【关闭】",
            "发布时间：2019-01-17  ",
        ),
        ("发布日期：2019-01-17 阅读次数： 【打印本页】", "发布日期：2019-01-17 "),
        ("【政策解读】关于印发实施方案的通知", "【政策解读】关于印发实施方案的通知"),
        ("【字體：大 中 小】正文", "正文"),
    ],
)
def test_strip_inline_furniture(line: str, cleaned: str) -> None:
    assert strip_inline_furniture(line) == cleaned


@pytest.mark.parametrize(
    "line",
    [
        "无障碍浏览 长者模式",
        "無障礙瀏覽 長者模式",
        "繁體版 无障碍 适老化 智能问答",
        "首页 >> 公开信息内容",
        "當前位置:網站首頁>互動交流>民意征集",
        "您现在的位置：首页>政务公开>年度报告",
        "下载",
        "下載",
        "【打印本页】 【关闭窗口】",
        "打印 | 关闭",
        "分享到： 微信 微博 QQ空间",
        "【字体：大 中 小】",
        "附件:附件2:政府信息依申请公开情况统计明细表(大姚县).doc  0K",
        "附件：2018年统计表.xls (12KB)",
        "2025年12月30日 星期二",
        "今天是：2019年4月18日 星期四",
        "上一篇：关于2017年度政府信息公开工作年度报告",
        "下一篇：没有了",
        "版权所有：某县人民政府 网站标识码：1234000001 滇ICP备05000001号",
    ],
)
def test_drop_furniture_lines_drops(line: str) -> None:
    assert drop_furniture_lines(f"正文\n{line}\n正文") == "正文\n正文"


@pytest.mark.parametrize(
    "line",
    [
        "大姚县人民政府",
        "附件：",  # announces the attachment printed below
        "附件：1.2018年全县政务公开工作重点任务分工方案",
        "微信",
        "首页",
        "2019年4月18日",
        "位置：县政务中心三楼",
        "发布时间:2018-06-01 13:27:00",
        "索 引 号:115323260151757350-/2021-10284933 发文机构:大姚县政府办",
        "在政府网站首页设立“政府公报”专栏，提供下载服务。",
        "详见附件统计表.xls，请各单位于5月前报送。",
        "依法保护版权所有人的合法权益。",
    ],
)
def test_drop_furniture_lines_keeps(line: str) -> None:
    assert drop_furniture_lines(f"正文\n{line}\n正文") == f"正文\n{line}\n正文"


@pytest.mark.parametrize(
    ("line", "cleaned"),
    [
        (
            "2018年政务公开工作总结6篇   是专业的写作网站,每日更新大量热点文章。"
            "同时,我们有一支专业的写作团队,为客户提供高质量的原创文章定制服务。"
            "如果下面的没有合适的,您可以通过企业QQ:4000121855或者写作电话:联系我们,"
            "我们将为您提供最优质的一对一服务   2018年我局电子政务建设工作",
            "2018年政务公开工作总结6篇\n2018年我局电子政务建设工作",
        ),
        ("如有疑问请联系我们。本报告电子版可在本网站下载。", None),  # one sign is not an advert
        ("正文结束。更多范文请访问本站，转载请注明出处。", "正文结束。"),
    ],
)
def test_drop_adverts(line: str, cleaned: str | None) -> None:
    assert drop_adverts(line) == (cleaned or line)


SPAM_TAIL = (
    "发财计划|发财计划下载APP|发财计划网址 多伦县 平塘县 顺义区 辽中县 南乐县 "
    "马边彝族自治县 陇南市 昆山市 揭西县 尉犁县 安徽省 渝中区"
)
PLACES_FROM_EVERYWHERE = (
    "多伦县 平塘县 顺义区 辽中县 南乐县 陇南市 昆山市 揭西县 尉犁县 安徽省 渝中区"
)


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        (f"正文。\n{SPAM_TAIL}", "正文。"),
        (f"正文。\n{SPAM_TAIL}\n正文继续。", "正文。\n正文继续。"),  # gambling words: anywhere
        ("正文。\n時時彩 北京賽車 棋牌娛樂平台", "正文。"),
        (f"正文。\n{PLACES_FROM_EVERYWHERE}\n", "正文。\n"),  # a place list only at the end
        (f"正文。\n{PLACES_FROM_EVERYWHERE}\n正文继续。", None),
        # a report's own lists are kept, even at the end
        (
            "全县辖城关镇 安国镇 河底镇 兴华镇 东宋镇 马店镇 小界乡 罗岭乡 长水镇 赵村镇 底张乡",
            None,
        ),
        ("单位 | 淮安区 | 淮阴区 | 清江浦区 | 洪泽区 | 涟水县 | 盱眙县 | 金湖县 | 开发区", None),
        ("合计 | 26 | 0 | 0 | 0 | 0 | 0 | 26", None),
        ("体育彩票 福利彩票 彩票公益金", None),
    ],
)
def test_drop_spam_lines(text: str, cleaned: str | None) -> None:
    assert drop_spam_lines(text) == (text if cleaned is None else cleaned)


@pytest.mark.parametrize(
    ("rule", "text", "cleaned"),
    [
        (
            normalise_characters,
            "公\u200b开\r\n报\u00ad告\ufeff\r第二页\f第三页",
            "公开\n报告\n第二页\n第三页",
        ),
        (normalise_characters, "\uf9fc件", "\u8b58件"),  # CJK compatibility ideograph → unified
        (
            normalise_spaces,
            "\u3000\u3000一、总体情况\t \n  正文\xa0\xa0内容  ",
            "一、总体情况\n正文 内容",
        ),
        (
            normalise_spaces,
            "2024 年　１２ 月",
            "2024 年 １２ 月",
        ),  # full-width digits left as written
        (collapse_blank_lines, "\n\n标题\n\n\n\n正文\n\n", "标题\n\n正文"),
    ],
)
def test_whitespace_rules(rule, text: str, cleaned: str) -> None:
    assert rule(text) == cleaned


# --- the samples, end to end ----------------------------------------------------------------


def _cleaned(name: str) -> str:
    return clean_text(read_text(SAMPLE_DIR / name))


@pytest.fixture(scope="module")
def samples() -> dict[str, str]:
    names = [path.name for path in sorted(SAMPLE_DIR.glob("*.txt"))]
    return {name[:3]: _cleaned(name) for name in names}


@pytest.mark.parametrize(
    ("sample", "absent"),
    [
        ("001", ["无障碍浏览", "长者模式", "首页 >>", "附件2", ".doc"]),
        ("002", ["企业QQ", "写作网站", "写作团队", "一对一服务"]),
        ("003", ["(qū)", "(guān)", "?", "？"]),
        ("004", ["发财计划", "發財計劃", "多伦县", "宜兰市", "當前位置", "<tbody"]),
    ],
)
def test_samples_lose_their_furniture_and_artefacts(
    samples, sample: str, absent: list[str]
) -> None:
    for text in absent:
        assert text not in samples[sample]


def test_sample_001_loses_its_download_line_but_keeps_its_signature(samples) -> None:
    lines = samples["001"].split("\n")
    assert "下载" not in lines
    assert lines[-3:] == ["大姚县人民政府办公室", "", "2018年12月28日"]
    assert "大姚县2018年政府信息公开年度报告" in lines


def test_sample_002_keeps_the_report_text_that_follows_the_advert(samples) -> None:
    assert "\n2018年我局电子政务建设工作在县委、县政府、市局的正确领导下" in samples["002"]
    assert "\n一、工作开展情况\n调整了我局政府信息公开工作领导小组" in samples["002"]


def test_sample_003_keeps_its_title_and_date(samples) -> None:
    lines = samples["003"].split("\n")
    assert lines[:2] == ["昆都侖區人民政府", "關于2017年度政府信息公開情況的報告"]
    assert lines[-1] == "昆都侖區人民政府 2018年3月14日"


def test_sample_004_ends_with_the_report(samples) -> None:
    assert samples["004"].endswith("聯系電話:7222186、7222730")


@pytest.mark.parametrize(
    ("name", "absent", "present"),
    [
        ("shanghai-office-2025.txt", ["— 1 —", "|---|"], ["行政规范性文件 | 34 |"]),
        ("shanghai-kewei-2024.txt", ["## ", "|---|"], ["规章 | 0 | 0 | 0"]),
        ("huaian-city-2024.txt", ["-1-", "-6-"], ["一、总体情况"]),
        (
            "shuyang-county-2025.txt",
            ["# 沐阳县"],
            ["沐阳县人民政府 2025 年 政府信息公开工作年度报告"],
        ),
        ("shuyang-fgj-2023.html", ["2025年12月30日 星期二"], ["规章 | 0 | 0 | 0"]),
    ],
)
def test_2019_template_reports_lose_conversion_residue(
    name: str, absent: list[str], present: list[str]
) -> None:
    text = clean_text(read_text(TEMPLATE_2019_DIR / name))
    lines = text.split("\n")
    assert not [line for line in lines for residue in absent if residue in line]
    for line in present:
        assert line in text


@pytest.mark.parametrize("path", sorted(SAMPLE_DIR.glob("*.txt")), ids=lambda path: path.name)
def test_clean_text_is_idempotent_and_tidy(path: Path) -> None:
    text = clean_text(read_text(path))
    assert clean_text(text) == text
    assert not re.search(r"\n\n\n|^\s|\s$|  |[\u3000\xa0\t]| \n|\n ", text)


@pytest.mark.parametrize(
    ("line", "cleaned"),
    [
        # regressions (eval b4): hijacked mirrors write a casino's name in place of a word
        (
            "由某市滚球体育app_188篮球比分-直播|官网:发展和改革委员会编制的年度报告。",
            "由某市发展和改革委员会编制的年度报告。",
        ),
        ("和365bet平台客户端_速发365网址_bei365官网人民政府办公室印发", "和人民政府办公室印发"),
        (
            "以365体育投注新时代思想为指引,贯彻落实UedBet体育、市政府的部署",
            "以新时代思想为指引,贯彻落实、市政府的部署",
        ),
        ("貫徹落實UedBet體育的部署", "貫徹落實的部署"),  # traditional script
        # ordinary text with gambling or Latin words stays
        ("体育彩票公益金使用情况和文化体育设施建设", None),
        ("开通政务app平台和官网留言板,公开2022年冬奥会体育赛事信息", None),
        ("公共文化体育|12|30", None),
        ("体育局 | 18 | 0 | 0", None),
    ],
)
def test_strip_inline_spam(line: str, cleaned: str | None) -> None:
    assert strip_inline_spam(line) == (line if cleaned is None else cleaned)


@pytest.mark.parametrize(
    "module",
    [
        "indexer.cleaning",
        "indexer.cleaning.artefacts",
        "indexer.cleaning.breaks",
        "indexer.cleaning.furniture",
        "indexer.cleaning.spam",
        "indexer.cleaning.whitespace",
        "indexer.reading.encoding",
        "indexer.reading.html",
        "indexer.reading.plain",
        "indexer.script",
    ],
)
def test_docstring_examples(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted and not result.failed


# --- prose hard-wrapped at a fixed width ----------------------------------------------------

_PARAGRAPH = (
    "本年度报告根据条例和有关规定编制，全文包括总体情况、主动公开政府信息情况、收到和处理政府信息"
    "公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况以及其他需要报告的"
    "事项。本年度报告中所列数据的统计期限为全年，电子版可在门户网站下载，如有疑问请与办公室联系。"
)


def _wrapped(paragraph: str = _PARAGRAPH, columns: int = 24) -> str:
    """``paragraph`` hard-wrapped every ``columns`` characters, as a PDF conversion leaves it."""
    return "\n".join(paragraph[i : i + columns] for i in range(0, len(paragraph), columns))


_LINES = _wrapped().split("\n")
_WITH_YEAR = [_LINES[0], _LINES[1][:-2] + "2025", "年" + _LINES[2], *_LINES[3:]]


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        pytest.param(_wrapped(), [_PARAGRAPH], id="a wrapped paragraph is one line again"),
        pytest.param(
            "一、总体情况\n" + _wrapped() + "\n二、主动公开政府信息情况\n" + _wrapped(),
            ["一、总体情况", _PARAGRAPH, "二、主动公开政府信息情况", _PARAGRAPH],
            id="headings stay lines of their own",
        ),
        pytest.param(
            _wrapped().replace("\n", "\n\n\n", 1),
            [_PARAGRAPH],
            id="across the blank lines a dropped page number leaves",
        ),
        pytest.param(
            "\n".join(_WITH_YEAR),
            ["".join(_WITH_YEAR).replace("2025年", "2025 年")],
            id="half-width words at a break keep a space",
        ),
        pytest.param(
            _wrapped() + "\n" + _wrapped(_PARAGRAPH[:-1]) + "\n柳河县人民政府办公室\n2025年1月20日",
            [_PARAGRAPH, _PARAGRAPH[:-1], "柳河县人民政府办公室", "2025年1月20日"],
            id="signature and date lines are never continuations",
        ),
        pytest.param(
            _wrapped()
            + "\n"
            + _wrapped(_PARAGRAPH[:-1])
            + "\n1.信访举报投诉类申请\n| 规章 | 0 | 0 | 0 |",
            [_PARAGRAPH, _PARAGRAPH[:-1], "1.信访举报投诉类申请", "| 规章 | 0 | 0 | 0 |"],
            id="list items and table rows are never continuations",
        ),
        pytest.param(
            _wrapped() + "\n（一）进一步加强政府信息公开工作的组织领导和\n" + _wrapped(),
            [_PARAGRAPH, "（一）进一步加强政府信息公开工作的组织领导和", _PARAGRAPH],
            id="a numbered line with no sentence in it is a heading, however long",
        ),
    ],
)
def test_rejoin_wrapped_lines(text: str, joined: list[str]) -> None:
    assert [line for line in rejoin_wrapped_lines(text).split("\n") if line] == joined


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "\n".join(_PARAGRAPH[: 10 + 9 * i] for i in range(8)), id="lines of every length"
        ),
        pytest.param(
            "\n".join(["一、总体情况", "全年公开信息。", "二、其他", "无。"] * 3), id="short"
        ),
        pytest.param("| 规章 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n" * 8, id="table"),
    ],
)
def test_text_that_is_not_hard_wrapped_is_left_alone(text: str) -> None:
    assert rejoin_wrapped_lines(text) == text


@pytest.mark.parametrize(
    ("name", "phrases"),
    [
        (
            "shanghai-office-2025.txt",
            ["其中，予以公开及部分公开 208 件", "2025 年 1 月 1 日至 12 月 31 日"],
        ),
        ("huaian-city-2024.txt", ["“建设‘四最’一流营商环境高质量推进产业发展”", "政策解读 21 个"]),
        ("shanghai-kewei-2024.txt", ["收到和处理政府信息公开申请情况"]),
    ],
)
def test_2019_template_pdf_text_is_unwrapped_and_stays_clean(name: str, phrases: list[str]) -> None:
    """Regression: phrase search missed words split across a line break (部 / 分公开)."""
    text = clean_text(read_text(TEMPLATE_2019_DIR / name))
    assert all(phrase in text for phrase in phrases)
    assert clean_text(text) == text


def _one_line(name: str) -> str:
    text = (SAMPLE_DIR / name).read_text(encoding="utf-8")
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


_PAGE_HEAD = "当前位置：首页 > 政务公开 > 政府信息公开年报 字号：大 中 小 微信 微博 打印 关闭 "


@pytest.mark.parametrize(
    ("name", "headings"),
    [
        (
            "001_fc839379ecaf0f5e.txt",
            ["一、总体公开情况说明", "二、主动公开政府信息情况", "十四、其它应报告的事项"],
        ),
        ("003_5e3e2af98a4f9789.txt", ["一、政務信息公開情況", "九、其他需要報告的事項"]),
    ],
)
def test_a_page_on_one_line_gets_its_heading_lines_back(name: str, headings: list[str]) -> None:
    lines = clean_text(_PAGE_HEAD + _one_line(name)).split("\n")
    assert all(heading in lines for heading in headings)
    assert not any(word in lines[0] for word in ("当前位置", "微博", "打印"))


def test_one_line_heading_breaks_take_linear_time() -> None:
    """A 1 MB one-line page: each heading marker scans a bounded window for the heading's end,
    so 4× the text means about 4× the characters scanned (counted, not timed)."""
    from indexer.cleaning import breaks

    class Counting:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern, self.scanned = pattern, 0

        def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
            end = len(text) if endpos is None else min(endpos, len(text))
            self.scanned += end - pos
            return self.pattern.finditer(text, pos, end)

        def __getattr__(self, name: str):
            return getattr(self.pattern, name)

    unit = "我县全面推进公开。一、总体情况 2019年,我县公开信息。二、主动公开 " + "情况良好" * 20
    scanned = []
    for copies in (2500, 10000):  # about 0.27 and 1.1 MB
        counting = Counting(breaks._SPACE_RUN)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(breaks, "_SPACE_RUN", counting)
            restore_heading_breaks(unit * copies)
        scanned.append(counting.scanned)
    assert 0 < scanned[1] <= 4.5 * scanned[0]
