"""One generated report as plain simplified text: title, issuer and date lines, then sections in
the free prose of 2008–2018 or the 2019 template with its statistics tables.

Every choice comes from the ``random.Random`` passed in, so a report depends only on its seed.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from bench.material import SAMPLE_PLACES, Material
from indexer.gazetteer import Division

TEMPLATE_YEAR = 2019
"""Reports on 2019 and later follow the national template (sections 一 to 六, with tables)."""

NUMERALS = "一二三四五六七八九十"
TEMPLATE_SECTIONS = (
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
)
ACTIVE_ROWS = ("规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费")
REQUEST_ROWS = (
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "（三）不予公开 1．属于国家秘密",
    "（四）无法提供 1．本机关不掌握相关政府信息",
    "（五）不予处理 1．信访举报投诉类申请",
    "（六）其他处理",
    "（七）总计",
    "四、结转下年度继续办理",
)
REVIEW_COLUMNS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
TITLES = (
    "{place}{year}年政府信息公开工作年度报告",
    "{place}{year}年度政务公开工作报告",
    "{place}关于{year}年度政府信息公开情况的报告",
    "{place}{year}年政务公开工作总结",
    "《{place}{year}年政府信息公开工作年度报告》",
)

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_PLACE = re.compile("|".join(SAMPLE_PLACES))


@dataclass(frozen=True)
class Composed:
    """A report's text, with the facts the generator knows about it (for the manifest)."""

    title: str
    text: str
    division: Division
    year: int
    template: bool


def compose(rng: random.Random, material: Material, division: Division, year: int) -> Composed:
    """A report of ``division`` about ``year``, about 15 KB of text on average."""
    place = _place_name(rng, division)
    local = division.name
    title = rng.choice(TITLES).format(place=place, year=year)
    issuer = f"{local}人民政府{rng.choice(('办公室', '', '信息公开办公室'))}"
    dated = f"{year + 1}年{rng.randint(1, 3)}月{rng.randint(1, 28)}日"
    lines = [title, f"发布机构：{issuer}　发布日期：{dated}" if rng.random() < 0.6 else ""]
    target = _target_chars(rng)
    template = year >= TEMPLATE_YEAR
    if template:
        lines += _template_body(rng, material, local, year, target)
    else:
        lines += _prose_body(rng, material, local, year, target)
    lines += ["", issuer, dated]
    return Composed(title.strip("《》"), "\n".join(lines) + "\n", division, year, template)


def _place_name(rng: random.Random, division: Division) -> str:
    """How a title names its place: the bare name, or with its province and prefecture."""
    region = division.region
    chain = [n for n in (region.province, region.prefecture, region.county) if n]
    chain = list(dict.fromkeys(chain))  # municipalities repeat themselves
    roll = rng.random()
    if roll < 0.5 or len(chain) == 1:
        return division.name
    if roll < 0.8:
        return "".join(chain)
    return "".join(chain[-2:])


def _target_chars(rng: random.Random) -> int:
    """Report length in characters: mostly 2–7 thousand, some long ones beyond 32K characters."""
    roll = rng.random()
    if roll < 0.85:
        return rng.randint(1_300, 5_600)
    if roll < 0.96:
        return rng.randint(5_600, 11_000)
    return rng.randint(20_000, 36_000)


def _prose_body(
    rng: random.Random, material: Material, place: str, year: int, target: int
) -> list[str]:
    lines = [_paragraph(rng, material, place, year, 3)]
    count = rng.randint(4, 9)
    headings = rng.sample(material.headings, count)
    per_section = max(1, target // count)
    for number, heading in zip(NUMERALS, headings, strict=False):
        lines.append(f"{number}、{heading}")
        lines += _section_text(rng, material, place, year, per_section)
    return lines


def _template_body(
    rng: random.Random, material: Material, place: str, year: int, target: int
) -> list[str]:
    lines = [
        f"本报告由{place}人民政府办公室根据《中华人民共和国政府信息公开条例》编制，"
        f"统计期限自{year}年1月1日至{year}年12月31日。"
    ]
    prose = max(1, target // 4)
    for number, heading in zip(NUMERALS, TEMPLATE_SECTIONS, strict=False):
        lines.append(f"{number}、{heading}")
        if number == "二":
            lines += [f"{row}　{rng.randint(0, 60)}　{rng.randint(0, 9)}" for row in ACTIVE_ROWS]
        elif number == "三":
            lines += [row + "　" + "　".join(_counts(rng, 7)) for row in REQUEST_ROWS]
        elif number == "四":
            lines += ["行政复议　" + "　".join(REVIEW_COLUMNS), "　".join(_counts(rng, 5))]
            lines += ["行政诉讼　" + "　".join(REVIEW_COLUMNS), "　".join(_counts(rng, 5))]
        else:
            lines += _section_text(rng, material, place, year, prose)
    return lines


def _counts(rng: random.Random, size: int) -> list[str]:
    return [
        str(rng.choice((0, 0, 0, rng.randint(1, 30), rng.randint(1, 800)))) for _ in range(size)
    ]


def _section_text(
    rng: random.Random, material: Material, place: str, year: int, chars: int
) -> list[str]:
    """Paragraphs, some under （一）-style subheadings, until about ``chars`` characters."""
    lines: list[str] = []
    size = 0
    sub = 0
    while size < chars:
        if sub < len(NUMERALS) and rng.random() < 0.35:
            lines.append(f"（{NUMERALS[sub]}）{rng.choice(material.headings)}")
            sub += 1
        paragraph = _paragraph(rng, material, place, year, rng.randint(3, 8))
        lines.append(paragraph)
        size += len(paragraph)
    return lines


def _paragraph(rng: random.Random, material: Material, place: str, year: int, count: int) -> str:
    """``count`` sample sentences with the report's own place, year and fresh numbers."""
    text = "".join(rng.choice(material.sentences) for _ in range(count))
    text = _PLACE.sub(place, text)
    return _NUMBER.sub(lambda m: _vary(rng, m.group(), year), text)


def _vary(rng: random.Random, number: str, year: int) -> str:
    """A number of the same shape; a year becomes the report's year."""
    if len(number) == 4 and number.startswith(("19", "20")):
        return str(year)
    if "." in number:
        whole, _, fraction = number.partition(".")
        return f"{_digits(rng, len(whole))}.{_digits(rng, len(fraction))}"
    return _digits(rng, len(number))


def _digits(rng: random.Random, size: int) -> str:
    return str(rng.randint(10 ** (size - 1) if size > 1 else 0, 10**size - 1))
