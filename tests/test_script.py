"""The simplified twin: same length, character for character; script detection."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer import script
from indexer.cleaning import clean_text
from indexer.reading import read_text
from indexer.script import detect_script, to_simplified
from indexer.vocabulary import SCRIPTS

from .conftest import SAMPLE_DIR, TEMPLATE_2019_DIR

SAMPLES = sorted(SAMPLE_DIR.glob("*.txt")) + sorted(TEMPLATE_2019_DIR.glob("*.txt"))


@pytest.mark.parametrize(
    ("text", "simplified"),
    [
        ("關于2017年度政府信息公開情況的報告", "关于2017年度政府信息公开情况的报告"),
        ("乾隆年間", "乾隆年间"),  # phrase level: 乾 stays in 乾隆 …
        ("天氣乾燥", "天气干燥"),  # … and becomes 干 in 乾燥
        ("政府信息公开工作年度报告", "政府信息公开工作年度报告"),
        ("三、著力完善政務公開平臺建設", "三、着力完善政务公开平台建设"),  # OpenCC keeps 著
        ("隨著改革深入，沉著應對", "随着改革深入，沉着应对"),
        ("著名的著作權，成效顯著", "著名的著作权，成效显著"),  # the zhù words keep 著
        ("ＡＢＣ１２３，（一）", "ＡＢＣ１２３，（一）"),  # width is not this step's business
        ("", ""),
    ],
)
def test_to_simplified_converts_phrases(text: str, simplified: str) -> None:
    assert to_simplified(text) == simplified


@pytest.mark.parametrize(
    "text",
    [
        "中\x00國",  # OpenCC stops at NUL
        "中\ud800國",  # a lone surrogate cannot reach OpenCC at all
        "後來\r\n發展\u2028報告\x1c完",  # every kind of line break splitlines knows
        "𠀀𪚥龜😀",  # outside the BMP
    ],
)
def test_to_simplified_keeps_the_length_of_hostile_text(text: str) -> None:
    simplified = to_simplified(text)
    assert len(simplified) == len(text)
    assert [i for i, c in enumerate(text) if not c.isalpha()] == [
        i for i, c in enumerate(simplified) if not c.isalpha()
    ]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: path.name)
def test_the_twin_of_every_sample_lines_up_with_it(path: Path) -> None:
    text = clean_text(read_text(path))
    twin = to_simplified(text)
    assert len(twin) == len(text)
    assert [i for i, c in enumerate(text) if c == "\n"] == [
        i for i, c in enumerate(twin) if c == "\n"
    ]
    changed = [(a, b) for a, b in zip(text, twin, strict=True) if a != b]
    assert all(to_simplified(a) == b or a in "乾" for a, b in changed)


class _LengthChangingConverter:
    """Stands in for OpenCC: turns 發展 into a three-character phrase, the rest per character."""

    def convert(self, text: str) -> str:
        return text.replace("發展", "发展了").replace("後", "后")


@pytest.fixture
def length_changing_converter(monkeypatch):
    script._convert_character.cache_clear()
    monkeypatch.setattr(script, "_converter", lambda: _LengthChangingConverter())
    yield
    script._convert_character.cache_clear()


@pytest.mark.usefixtures("length_changing_converter")
def test_a_conversion_that_changes_length_falls_back_to_smaller_pieces() -> None:
    text = "經濟發展後，社會進步。\n發展報告後記"
    simplified = to_simplified(text)
    assert len(simplified) == len(text)
    assert simplified == "經濟發展后，社會進步。\n發展報告后記"


def test_one_converter_per_process() -> None:
    assert script._converter() is script._converter()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("000_cef16ff5666cac0f.txt", "simplified"),
        ("001_fc839379ecaf0f5e.txt", "simplified"),
        ("002_807864a72307f814.txt", "simplified"),
        ("003_5e3e2af98a4f9789.txt", "traditional"),
        ("004_fe679704d659e81b.txt", "traditional"),
    ],
)
def test_detect_script_on_the_samples(name: str, expected: str) -> None:
    assert detect_script(clean_text(read_text(SAMPLE_DIR / name))) == expected


SIMPLIFIED_BODY = (
    "关于2017年度政府信息公开情况的报告。全年公开政府信息8000条，办理依申请公开3件。" * 3
)
TRADITIONAL_BODY = (
    "關于2017年度政府信息公開情況的報告。全年公開政府信息8000條，辦理依申請公開3件。" * 3
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (SIMPLIFIED_BODY + "我县认真贯彻《條例》，在乾隆故里召开会议。", "simplified"),
        ("網站首頁 政務公開\n" + SIMPLIFIED_BODY, "simplified"),  # a page in the other script
        ("网站首页 政务公开\n" + TRADITIONAL_BODY, "traditional"),
        ("2017 report 123", "simplified"),
        ("", "simplified"),
    ],
)
def test_detect_script_tolerates_a_few_characters_of_the_other_script(
    text: str, expected: str
) -> None:
    assert detect_script(text) == expected
    assert detect_script(text) in SCRIPTS


@pytest.mark.parametrize(
    "text", ["關於2017年度政府信息公開情況的報告", "关于政府信息公开情况的报告"]
)
def test_detect_script_uses_a_twin_it_is_given(text: str) -> None:
    assert detect_script(text, to_simplified(text)) == detect_script(text)
    assert detect_script(text, text) == "simplified"  # an unchanged twin: nothing converted
