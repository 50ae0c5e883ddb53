"""The numbering markers shared by cleaning, metadata and structure."""

from __future__ import annotations

import re

import pytest

from indexer.numbering import HEADING_MARK, LEVEL_ONE_MARK, LEVEL_TWO_MARK, PART_MARK

OPENS = re.compile(rf"^{HEADING_MARK}")


@pytest.mark.parametrize(
    ("line", "pattern"),
    [
        ("一、总体情况", LEVEL_ONE_MARK),
        ("十二．其他事项", LEVEL_ONE_MARK),
        ("（三）依申请公开", LEVEL_TWO_MARK),
        ("〔2〕平台建设", LEVEL_TWO_MARK),
        ("第一部分 概述", PART_MARK),
        ("第3条 范围", PART_MARK),
    ],
)
def test_each_kind_of_marker_opens_a_heading(line: str, pattern: str) -> None:
    assert re.match(pattern, line)
    assert OPENS.match(line)


@pytest.mark.parametrize("line", ["1、加强领导", "２．完善制度"])
def test_list_items_open_a_block_too(line: str) -> None:
    assert OPENS.match(line)


@pytest.mark.parametrize("line", ["3.5%的增长", "2018年，我县", "一是加强领导", "政务公开"])
def test_numbers_and_prose_are_not_markers(line: str) -> None:
    assert not OPENS.match(line)
