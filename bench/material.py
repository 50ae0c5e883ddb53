"""Raw material for generated reports: sentences and headings of the bundled sample corpus, and
the places of the project's gazetteer.

Everything is read in a fixed order and returned as sorted tuples, so the generator built on it
is deterministic. Sample text is converted to simplified script once here; the generator turns
some reports back into traditional script itself.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import opencc

from indexer.gazetteer import Division, default_gazetteer

SAMPLE_DIR = Path(__file__).resolve().parents[1] / "data" / "sample"

SAMPLE_PLACES = (
    "昆都仑区", "洛宁县", "大姚县", "淮安市", "沭阳县", "沐阳县", "包头市", "宿迁市", "上海市",
    "楚雄州", "洛阳市", "昆区", "洛宁", "大姚", "淮安", "沭阳", "沐阳", "包头", "宿迁", "上海",
)  # fmt: skip
"""Place names of the samples, replaced by the generated report's own place."""

_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
_SENTENCE = re.compile(r"[^。！？；]*[。！？；]")
_HEADING = re.compile(
    r"^(?:#+\s*)?(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)\s*(.+)$"
)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_JUNK = re.compile(r"http|www|QQ|写作|范文|\||首页|当前位置|[<>]|-\d+-|数量|办理结果")


@dataclass(frozen=True)
class Material:
    """What reports are recombined from."""

    sentences: tuple[str, ...]
    headings: tuple[str, ...]


@functools.cache
def load_material(sample_dir: Path = SAMPLE_DIR) -> Material:
    """Sentences and heading texts of every sample file, simplified, deduplicated, sorted."""
    to_simplified = opencc.OpenCC("t2s").convert
    sentences: set[str] = set()
    headings: set[str] = set()
    for path in sorted(sample_dir.rglob("*")):
        if path.suffix not in (".txt", ".html"):
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            text = "\n".join(lxml.html.fromstring(text).itertext())
        text = to_simplified(_PINYIN.sub("", text)).replace(",", "，").replace("?", "")
        prose: list[str] = []  # hard-wrapped lines are joined back before cutting sentences
        for line in [*text.splitlines(), "一、"]:
            line = line.strip()
            heading = _HEADING.match(line)
            if heading or line.startswith(("|", "#")):
                sentences.update(s.strip() for s in _SENTENCE.findall("".join(prose)))
                prose = []
            else:
                prose.append(line)
            if heading and 2 <= len(heading[1]) <= 24 and not _JUNK.search(heading[1]):
                headings.add(heading[1].rstrip("。："))
    return Material(tuple(sorted(s for s in sentences if _usable(s))), tuple(sorted(headings)))


def _usable(sentence: str) -> bool:
    """Prose worth reusing: a sentence of some length, mostly Chinese, with no page debris."""
    return (
        12 <= len(sentence) <= 220
        and len(_HAN.findall(sentence)) >= 0.6 * len(sentence)
        and not _JUNK.search(sentence)
    )


@functools.cache
def places() -> tuple[Division, ...]:
    """Every division of the gazetteer that has a code, by code then name."""
    found = (d for d in default_gazetteer().divisions if d.code)
    return tuple(sorted(found, key=lambda d: (d.code or "", d.name, d.since)))


def in_force(year: int, level: str) -> tuple[Division, ...]:
    """The divisions of ``level`` named as they were in ``year`` (current names from 2019 on)."""
    return _in_force(min(year, 2019), level)


@functools.cache
def _in_force(year: int, level: str) -> tuple[Division, ...]:
    if year >= 2019:
        return tuple(d for d in places() if d.current and d.level == level)
    return tuple(
        d
        for d in places()
        if d.level == level and d.since <= year * 100 + 12 and d.until >= year * 100 + 1
    )
