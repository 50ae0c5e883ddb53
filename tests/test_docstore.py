"""The document store gives back every report exactly as it was added, however its simplified
twin is kept (not at all, as its changed characters, or whole)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from indexer import docstore
from indexer.docstore import DocStore
from indexer.script import to_simplified
from indexer.textpack import pack, pack_twin, train, unpack

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
    packed = pack_twin(text, twin)
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


def test_texts_are_packed_with_a_dictionary_trained_on_the_first_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(docstore, "TRAINING_REPORTS", 3)
    reports = corpus()
    path = tmp_path / "store.sqlite"
    with DocStore.open(path) as store:
        for report_id, report in reports[:2]:
            store.add(report_id, report)
        assert store._primer is None  # waiting for a third
        for report_id, report in reports[2:]:
            store.add(report_id, report)
        assert store._primer
        store.commit()
    with DocStore.open(path, readonly=True) as store:
        assert all(store.get(report_id) == report for report_id, report in reports)
    copied = tmp_path / "copy.sqlite"
    with DocStore.copy(path, copied) as store:
        store.add("again", reports[0][1])
        store.commit()
        assert store.get("again") == reports[0][1]


def test_a_store_given_fewer_reports_than_it_trains_on_still_keeps_them(tmp_path: Path) -> None:
    report_id, report = corpus()[0]
    with DocStore.open(tmp_path / "store.sqlite") as store:
        store.add(report_id, report)
        assert store.count() == 1  # asking settles the waiting reports
        store.rollback()
        assert store.count() == 0 and store._primer is None
        store.add(report_id, report)
        store.commit()
        assert store.get(report_id) == report


def test_a_dictionary_shrinks_what_reports_share_and_is_needed_only_where_used() -> None:
    texts = [report.text for _, report in corpus()]
    primer = train(texts)
    assert 0 < len(primer) <= 32 * 1024
    assert sum(len(pack(t, primer)) for t in texts) < sum(len(pack(t)) for t in texts)
    assert all(unpack(pack(t, primer), primer) == t for t in texts)
    assert unpack(pack(texts[0]), primer) == texts[0]  # packed without one: read without it
