"""The whole reading pipeline against what a careful reader finds in the five sample files.

tests/data/expected.json is the reference: titles and headings are compared after conversion to
simplified script with whitespace and the leading numeral removed; lists give every acceptable
value; ``region: null`` means the file does not say and the pipeline must report it unknown.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from indexer.models import Report
from indexer.pipeline import understand_file
from indexer.script import to_simplified
from indexer.serialise import region_to_dict

from .conftest import DATA_DIR, SAMPLE_DIR

_NUMERAL = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)"
)


def normalise(heading: str) -> str:
    """Simplified script, no whitespace, no leading numeral: how expected.json spells headings.

    >>> normalise("一、 政務公開 ")
    '政务公开'
    """
    return _NUMERAL.sub("", re.sub(r"\s+", "", to_simplified(heading)))


def _cases() -> list[tuple[str, int, dict[str, Any]]]:
    expected = json.loads((DATA_DIR / "expected.json").read_text(encoding="utf-8"))
    cases = []
    for name, entry in expected.items():
        if name.startswith("_"):
            continue
        reports = entry["reports"] if isinstance(entry, dict) else entry
        cases.extend((name, i, report) for i, report in enumerate(reports))
    return cases


CASES = _cases()
_reports_cache: dict[str, list[Report]] = {}


def reports_of(name: str, settings) -> list[Report]:
    if name not in _reports_cache:
        _reports_cache[name] = understand_file(SAMPLE_DIR / name, name, settings.taxonomy)
    return _reports_cache[name]


def acceptable(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


@pytest.mark.parametrize("name", sorted({name for name, _, _ in CASES}))
def test_file_splits_into_the_expected_number_of_reports(name: str, settings) -> None:
    assert len(reports_of(name, settings)) == sum(1 for n, _, _ in CASES if n == name)


@pytest.mark.parametrize(("name", "ordinal", "want"), CASES, ids=[f"{n}#{i}" for n, i, _ in CASES])
def test_report_metadata_matches_expected(name: str, ordinal: int, want: dict, settings) -> None:
    report = reports_of(name, settings)[ordinal]
    assert region_to_dict(report.region) in acceptable(want["region"])
    assert report.year in acceptable(want["year"])
    assert report.kind in acceptable(want["kind"])
    if "title" in want:
        assert normalise(report.title) == normalise(want["title"])
    if "published" in want:
        published = report.published.isoformat() if report.published else None
        assert published in acceptable(want["published"])
    if "script" in want:
        assert report.script == want["script"]


@pytest.mark.parametrize(("name", "ordinal", "want"), CASES, ids=[f"{n}#{i}" for n, i, _ in CASES])
def test_level_one_headings_and_types_match_expected(
    name: str, ordinal: int, want: dict, settings
) -> None:
    report = reports_of(name, settings)[ordinal]
    level_one = [s for s in report.sections if s.level == 1]
    assert [normalise(s.heading) for s in level_one] == [h for h, _ in want["headings"]]
    wrong = [
        (s.heading, s.type, types)
        for s, (_, types) in zip(level_one, want["headings"], strict=True)
        if s.type not in types
    ]
    assert wrong == []


@pytest.mark.parametrize(("name", "ordinal", "want"), CASES, ids=[f"{n}#{i}" for n, i, _ in CASES])
def test_sections_tile_the_report_in_order(name: str, ordinal: int, want: dict, settings) -> None:
    report = reports_of(name, settings)[ordinal]
    assert [s.position for s in report.sections] == list(range(len(report.sections)))
    starts = [s.start for s in report.sections]
    assert starts == sorted(starts)
    for section in report.sections:
        assert section.text.strip() in report.text[section.start : section.end]
        if section.level == 2:
            assert report.sections[section.parent].level == 1
