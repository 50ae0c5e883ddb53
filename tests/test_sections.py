"""Reports split from files and sections split from reports, on crafted texts and on the samples.

Samples are read as saved and converted with the pipeline's simplifier: no cleaning, so the
structure step is also shown to survive '?' spaces and pinyin glosses (which the comparison with
expected.json ignores).
"""

from __future__ import annotations

import functools
import re
from itertools import pairwise
from pathlib import Path

import pytest

from indexer.models import Section
from indexer.script import to_simplified
from indexer.structure import Taxonomy, split_reports, split_sections

from .conftest import DATA_DIR, SAMPLE_DIR, TEMPLATE_2019_DIR

BODY = "本年度我们认真开展了这项工作，取得了明显成效。"
_NUMERAL = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])")
_PINYIN = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}[)）]")
_TABLE_LABEL = re.compile(
    r"本年新收|上年结转|本年度办理结果|结转下年度|予以公开$|部分公开（|不予公开$|无法提供$"
    r"|不予处理$|其他处理$|总计$|本法提供"
)


def normalise(heading: str) -> str:
    """How expected.json spells a heading: simplified, no spaces, numeral or pinyin, ASCII '?'."""
    compact = re.sub(r"[\s?]+", "", _PINYIN.sub("", to_simplified(heading)))
    return _NUMERAL.sub("", compact)


@functools.cache
def sample(path: Path) -> tuple[str, str]:
    text = path.read_text(encoding="utf-8")
    return text, to_simplified(text)


def report_sections(path: Path, taxonomy: Taxonomy) -> list[tuple[Section, ...]]:
    text, simplified = sample(path)
    return [
        split_sections(text[a:b], simplified[a:b], taxonomy) for a, b in split_reports(simplified)
    ]


def level_one(sections: tuple[Section, ...]) -> list[tuple[str, str]]:
    return [(normalise(s.heading), s.type) for s in sections if s.level == 1]


# --- split_sections on crafted reports ------------------------------------------------------


def test_sections_tile_the_report_and_slice_the_display_text(settings) -> None:
    text = f"關於政務公開的報告\n一、組織領導\n{BODY}\n（一）領導小組。成員調整。\n"
    text += "二、存在問題\n不足。"
    sections = split_sections(text, to_simplified(text), settings.taxonomy)
    assert [(s.level, s.heading, s.type, s.text, s.parent) for s in sections] == [
        (0, "", "preamble", "關於政務公開的報告", None),
        (1, "一、組織領導", "organization", BODY, None),
        (2, "（一）領導小組", "organization", "成員調整。", 1),
        (1, "二、存在問題", "problems", "不足。", None),
    ]
    assert [s.position for s in sections] == [0, 1, 2, 3]
    starts = [0, text.index("一、"), text.index("（一）"), text.index("二、"), len(text)]
    assert [(s.start, s.end) for s in sections] == list(pairwise(starts))
    assert all(text[s.start : s.end].strip().endswith(s.text) for s in sections)


@pytest.mark.parametrize(
    "line",
    [
        "（一）进一步强化组织领导。进一步健全机制。",
        "（一）进一步强化组织领导 。进一步健全机制。",  # the sentence end set off by a space
        "（一）进一步强化组织领导  ：进一步健全机制。",
        "**（一）进一步强化组织领导。**进一步健全机制。",  # bold closing after the sentence end
    ],
)
def test_a_run_in_heading_keeps_its_sentence_end_out_of_the_body(line: str, settings) -> None:
    """Regression: the body of a run-in level-2 heading started with its heading's 。."""
    text = f"一、组织领导\n{line}\n（二）加强制度建设。建立制度。\n"
    sections = split_sections(text, text, settings.taxonomy)
    assert [(s.heading.strip("*"), s.text) for s in sections if s.level == 2] == [
        ("（一）进一步强化组织领导", "进一步健全机制。"),
        ("（二）加强制度建设", "建立制度。"),
    ]


def test_no_preamble_section_when_the_report_starts_with_a_heading(settings) -> None:
    text = f"一、总体情况\n{BODY}\n二、其他需要报告的事项\n无。"
    sections = split_sections(text, text, settings.taxonomy)
    assert [s.type for s in sections] == ["overview", "other_matters"]
    assert sections[0].start == 0


def test_text_without_headings_is_one_preamble(settings) -> None:
    sections = split_sections(BODY, BODY, settings.taxonomy)
    assert [(s.level, s.type, s.text) for s in sections] == [(0, "preamble", BODY)]
    assert split_sections("", "", settings.taxonomy) == ()


def test_level_one_type_reads_the_sub_sections_under_an_uninformative_heading(settings) -> None:
    text = (
        "一、亮点工作\n（一）网站改版。政府网站、政务微博、微信公众号、客户端全面改版，网站栏目、专栏"
        "和政务新媒体平台统一管理。\n（二）新媒体矩阵。政务新媒体平台、微博、微信、网站专栏联动。"
    )
    assert split_sections(text, text, settings.taxonomy)[0].type == "platforms"


# --- split_reports on crafted files ---------------------------------------------------------


def report(opening: str, titles: tuple[str, ...]) -> str:
    numerals = "一二三四五"
    return opening + "".join(f"{numerals[i]}、{t}\n{BODY * 8}\n" for i, t in enumerate(titles))


TEMPLATE_TITLES = ("总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况")
ANNUAL = report("甲局2019年政府信息公开工作年度报告\n根据条例编制本报告。\n", TEMPLATE_TITLES)
TWO = report("今年以来，我局认真贯彻条例。\n", ("领导重视", "制度建设", "存在问题"))
SPLITS = {
    "two reports, each with an opening paragraph": (
        TWO
        + report(
            "2018年，我镇政务公开工作取得成效。现将情况报告如下：\n", ("组织领导", "平台建设")
        ),
        [len(TWO)],
    ),
    "a title line opens the next report": (
        TWO + report("某某县2018年政务公开工作总结\n", ("组织领导", "平台建设")),
        [len(TWO)],
    ),
    "a sub-list restarting at 一、 inside a section": (
        report("今年以来，我局认真贯彻条例。\n", ("领导重视",))
        + f"主要做法如下：\n一、加强领导\n{BODY}\n二、完善制度\n{BODY}\n"
        + f"二、存在问题\n{BODY}\n三、下步打算\n{BODY}",
        [],
    ),
    "a notice with an attached plan numbered afresh": (
        report("各乡镇：现将有关事项通知如下：\n", ("工作要求", "时间安排"))
        + "附件：\n2018年政务公开工作方案\n"
        + report("为进一步做好政务公开工作，制定本方案。\n", ("总体要求", "主要任务", "保障措施")),
        [],
    ),
    "a restart with no opening before it": (
        TWO + f"有关数据见下表。\n一、本年度{BODY}\n二、上年度{BODY}\n",
        [],
    ),
    "a closing list introduced by a plan": (
        TWO + f"2019年，我局将重点做好以下工作：\n一、加强学习\n{BODY}\n二、完善制度\n{BODY}\n",
        [],
    ),
    "a sub-list after an opening-like paragraph, the old numbering going on": (
        report("今年以来，我局认真贯彻条例。\n", ("领导重视", "制度建设"))
        + f"今年以来，我局重点抓了三项工作。\n一、加强学习\n{BODY}\n二、完善制度\n{BODY}\n"
        + f"三、平台建设\n{BODY * 8}\n三、存在问题\n{BODY * 8}\n四、下步打算\n{BODY * 8}\n",
        [],
    ),
    "two 2019 annual reports one after another": (
        ANNUAL
        + report("乙局2019年政府信息公开工作年度报告\n根据条例编制本报告。\n", TEMPLATE_TITLES),
        [len(ANNUAL)],
    ),
    "the 2019 template's numbering restarted by a conversion": (
        report("根据条例编制本报告。\n", ("总体情况", "工作机制保障", "政府信息管理"))
        + report("", ("主动公开政府信息情况", "收到和处理政府信息公开申请情况")),
        [],
    ),
}


@pytest.mark.parametrize(("text", "bounds"), SPLITS.values(), ids=SPLITS.keys())
def test_split_reports(text: str, bounds: list[int]) -> None:
    edges = [0, *bounds, len(text)]
    assert split_reports(text) == list(pairwise(edges))


def test_a_file_without_text_is_one_empty_report() -> None:
    assert split_reports("") == [(0, 0)]


# --- the samples ----------------------------------------------------------------------------

EXPECTED_002 = [
    ["工作开展情况", "主动公开政府信息情况", "存在的问题", "下步工作计划"],
    ["政务公开工作主要成效", "政务公开工作主要做法", "存在的问题", "20xx年工作思路"],
    ["强化组织领导,营造良好氛围", "建立相关制度,加强监督", "加强载体建设,拓宽政务公开工作渠道",
     "突出重点,重点突进"],
    ["五公开工作情况", "2018年重点领域信息公开情况", "政策解读和回应关切工作情况",
     "2018年政务公开重点工作情况"],
    ["2018年工作开展情况", "工作中存在的问题", "下一步工作打算"],
    ["强化领导,健全政务公开管理体系", "探索形式,构筑政务公开执行网络",
     "强化责任,加强政务公开结果考核", "政务公开的成效及存在的问题"],
]  # fmt: skip


def test_sample_002_is_six_reports_each_opening_where_it_starts(settings) -> None:
    path = SAMPLE_DIR / "002_807864a72307f814.txt"
    text, simplified = sample(path)
    spans = split_reports(simplified)
    got = [[h for h, _ in level_one(s)] for s in report_sections(path, settings.taxonomy)]
    assert got == EXPECTED_002
    openings = [text[a:b].strip()[:6] for a, b in spans[1:]]
    assert openings == ["今年以来,我", "为了进一步推", "今年以来,在", "2018年,", "今年以来,在"]


@pytest.mark.parametrize(
    "path",
    [p for p in sorted(SAMPLE_DIR.glob("*.txt")) if not p.name.startswith("002")]
    + sorted(TEMPLATE_2019_DIR.glob("*.txt"))
    + [DATA_DIR / "w3m" / "shuyang-fgj-2023.txt"],
    ids=lambda p: p.name,
)
def test_other_samples_are_one_report(path: Path) -> None:
    assert len(split_reports(sample(path)[1])) == 1


def _expected_cases(expected: dict) -> list[tuple[str, int, list]]:
    cases = []
    for name, entry in expected.items():
        if not name.startswith("_"):
            reports = entry["reports"] if isinstance(entry, dict) else entry
            cases.extend((name, i, r["headings"]) for i, r in enumerate(reports))
    return cases


def test_samples_have_the_expected_level_one_headings_and_types(settings, expected) -> None:
    mismatched = []
    for name, ordinal, want in _expected_cases(expected):
        got = level_one(report_sections(SAMPLE_DIR / name, settings.taxonomy)[ordinal])
        assert [h for h, _ in got] == [h for h, _ in want], (name, ordinal)
        mismatched += [
            (name, h, t) for (h, t), (_, ok) in zip(got, want, strict=True) if t not in ok
        ]
    assert mismatched == []


TEMPLATE_2019 = {
    "huaian-city-2024.txt": [
        ("总体情况", "overview"), ("主动公开政府信息情况", "proactive"),
        ("收到和处理政府信息公开申请情况", "on_request"),
        ("政府信息公开行政复议、行政诉讼情况", "review_litigation"),
        ("存在的主要问题及改进情况", "problems"), ("其他需要报告的事项", "other_matters"),
    ],
    "shanghai-kewei-2024.txt": [
        ("总体情况", "overview"), ("工作机制保障", "mechanisms"), ("主动公开工作情况", "proactive"),
        ("政府信息公开申请情况", "on_request"), ("政府信息管理", "mechanisms"),
        ("政府信息公开平台建设", "platforms"), ("主动公开政府信息情况", "proactive"),
        ("收到和处理政府信息公开申请情况", "on_request"),
        ("政府信息公开行政复议、行政诉讼情况", "review_litigation"),
        ("其他需要报告的事项", "other_matters"),
    ],
    "shanghai-office-2025.txt": [
        ("总体情况", "overview"), ("主动公开政府信息情况", "proactive"),
        ("收到和处理政府信息公开申请情况", "on_request"),
        ("政府信息公开行政复议、行政诉讼情况", "review_litigation"),
        ("其他需要报告的事项", "other_matters"),
    ],
    "shuyang-county-2025.txt": [
        ("总体情况", "overview"), ("主动公开政府信息情况", "proactive"),
        ("收到和处理政府信息公开申请情况", "on_request"),
        ("政府信息公开行政复议、行政诉讼情况", "review_litigation"),
        ("政府信息公开工作存在的主要问题及改进情况", "problems"),
        ("其他需要报告的事项", "other_matters"),
    ],
    "shuyang-fgj-2023.txt": [
        ("总体情况", "overview"), ("主动公开政府信息情况", "proactive"),
        ("收到和处理政府信息公开申请情况", "on_request"),
        ("政府信息公开行政复议、行政诉讼情况", "review_litigation"),
        ("存在的主要问题及整改措施", "problems"), ("其他需要报告的事项", "other_matters"),
    ],
}  # fmt: skip
LEVEL_TWO_2019 = {
    "huaian-city-2024.txt": 5,
    "shanghai-kewei-2024.txt": 2,
    "shanghai-office-2025.txt": 7,
    "shuyang-county-2025.txt": 4,
    "shuyang-fgj-2023.txt": 7,
}


def _template_path(name: str) -> Path:
    path = TEMPLATE_2019_DIR / name
    return path if path.exists() else DATA_DIR / "w3m" / name


@pytest.mark.parametrize("name", TEMPLATE_2019)
def test_2019_template_sections_and_no_table_rows(name: str, settings) -> None:
    (sections,) = report_sections(_template_path(name), settings.taxonomy)
    assert level_one(sections) == TEMPLATE_2019[name]
    assert sum(s.level == 2 for s in sections) == LEVEL_TWO_2019[name]
    rows = [s.heading for s in sections if _TABLE_LABEL.search(_NUMERAL.sub("", s.heading))]
    assert rows == []


def test_2019_level_two_sections_take_their_own_type_under_the_overview(settings) -> None:
    (sections,) = report_sections(TEMPLATE_2019_DIR / "huaian-city-2024.txt", settings.taxonomy)
    assert [(s.type, s.parent) for s in sections if s.level == 2] == [
        ("proactive", 1), ("on_request", 1), ("mechanisms", 1), ("platforms", 1),
        ("supervision", 1),
    ]  # fmt: skip
