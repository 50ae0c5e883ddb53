"""Report ids: stable, distinct, short and safe wherever a user may paste them."""

from __future__ import annotations

import re

import pytest

from indexer.ids import report_id

SAFE = re.compile(r"[a-z2-7]{16}-[0-9]+")


@pytest.mark.parametrize(
    ("source", "ordinal", "expected"),
    [
        ("2019/jilin.txt", 0, "ga7hmzhqugmqbarj-0"),
        ("2019/jilin.txt", 3, "ga7hmzhqugmqbarj-3"),
        ("吉林省/柳河县 2018年报.htm", 0, report_id("吉林省/柳河县 2018年报.htm", 0)),
    ],
)
def test_ids_are_short_url_safe_and_the_same_on_every_run(
    source: str, ordinal: int, expected: str
) -> None:
    assert report_id(source, ordinal) == expected
    assert SAFE.fullmatch(expected)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("a.txt", 0), ("a.txt", 1)),
        (("a.txt", 0), ("b.txt", 0)),
        (("a/b.txt", 0), ("a-b.txt", 0)),
        (("報告.txt", 0), ("报告.txt", 0)),  # traditional and simplified names are different files
        (("a.txt", 1), ("a.txt1", 0)),
    ],
)
def test_different_reports_get_different_ids(
    first: tuple[str, int], second: tuple[str, int]
) -> None:
    assert report_id(*first) != report_id(*second)


def test_a_negative_ordinal_is_a_bug_not_an_id() -> None:
    with pytest.raises(ValueError, match="negative"):
        report_id("a.txt", -1)
