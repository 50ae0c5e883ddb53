"""The document store gives back every report exactly as it was added, however its simplified
twin is kept (not at all, as its changed characters, or whole)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from indexer.docstore import DocStore, _pack_twin
from indexer.script import to_simplified

from .search_fixtures import CRAFTED, corpus

SIMPLIFIED_WITH_ONE_CHANGE = "本报告显著提高了公开质量，乾燥。" * 20
TRADITIONAL = "政府資訊公開工作年度報告，依申請公開辦理情況。"
OUTSIDE_THE_BMP = "𠀀𠀁政務公開𪚥"


@pytest.mark.parametrize(
    ("text", "twin", "kept_as"),
    [
        ("政务公开", "政务公开", None),
        (SIMPLIFIED_WITH_ONE_CHANGE, SIMPLIFIED_WITH_ONE_CHANGE.replace("乾", "干"), "changes"),
        (TRADITIONAL, to_simplified(TRADITIONAL), "whole"),
        (OUTSIDE_THE_BMP, "𠀀𠀁政务公开𪚥", "whole"),
        ("政務公開" + "。" * 40, "政务公开" + "。" * 40, "changes"),
    ],
)
def test_twins_are_kept_compactly_and_come_back_exactly(
    tmp_path: Path, text: str, twin: str, kept_as: str | None
) -> None:
    packed = _pack_twin(text, twin)
    if kept_as is None:
        assert packed is None
    else:
        assert packed is not None
        assert packed.startswith(b"\x00") is (kept_as == "changes")
    report = replace(CRAFTED[0], text=text, simplified=twin, sections=())
    with DocStore.open(tmp_path / "store.sqlite") as store:
        store.add("r1", report)
        store.commit()
        assert store.get("r1") == report


def test_every_report_of_the_corpus_comes_back_exactly(tmp_path: Path) -> None:
    with DocStore.open(tmp_path / "store.sqlite") as store:
        for report_id, report in corpus():
            store.add(report_id, report)
        store.commit()
        for report_id, report in corpus():
            assert store.get(report_id) == report
