"""Reindexing a real corpus through the real pipeline into the JSON test engine: what is read,
what is kept, what is rejected and why, and which generation is served afterwards."""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pytest

from indexer.config import Settings
from indexer.ids import report_id
from indexer.pipeline import understand_file
from indexer.reindex.layout import GENERATIONS, current_generation
from indexer.reindex.manifest import MANIFEST_NAME, read_manifest
from indexer.reindex.run import ReindexError
from indexer.reindex.workers import CRASHED, gave_up

from .test_reindex_support import (
    SAMPLES,
    FailingEngine,
    JsonEngine,
    make_corpus,
    misbehaving_understand,
    read_error,
    run_reindex,
    served,
    sources_matching,
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return make_corpus(tmp_path / "corpus", 3)


@pytest.fixture
def index(tmp_path: Path) -> Path:
    return tmp_path / "index"


def generations(index: Path) -> list[str]:
    return sorted(p.name for p in (index / GENERATIONS).iterdir())


def test_the_first_run_indexes_every_report_of_every_file(
    corpus: Path, index: Path, settings: Settings
) -> None:
    summary = run_reindex(corpus, index, settings.taxonomy)
    expected = {
        report_id(path.name, report.ordinal): report
        for path in sorted(corpus.iterdir())
        for report in understand_file(path, path.name, settings.taxonomy)
    }
    documents = served(index)
    assert {rid: doc["title"] for rid, doc in documents.items()} == {
        rid: report.title for rid, report in expected.items()
    }
    assert (summary.full, summary.full_reason) == (True, "no index yet")
    assert (summary.files_seen, summary.new, summary.processed) == (3, 3, 3)
    assert summary.reports_added == summary.reports_total == len(expected)
    assert summary.sections_total == sum(len(r.sections) for r in expected.values())
    assert summary.rejected == ()
    generation = current_generation(index)
    assert generation is not None and summary.generation == generation.name
    manifest = read_manifest(generation)
    assert manifest is not None and manifest.last_run == summary and manifest.previous is None
    assert not (index / "reindex.lock").exists()


def test_an_unchanged_corpus_reads_nothing_and_keeps_the_generation(
    corpus: Path, index: Path, settings: Settings
) -> None:
    first = run_reindex(corpus, index, settings.taxonomy)
    os.utime(corpus / SAMPLES[0].name)  # touched, not changed
    second = run_reindex(corpus, index, settings.taxonomy)
    assert (second.full, second.processed, second.unchanged, second.files_seen) == (False, 0, 3, 3)
    assert (second.new, second.changed, second.deleted, second.reports_added) == (0, 0, 0, 0)
    assert second.generation == first.generation and generations(index) == [first.generation]
    assert second.reports_total == first.reports_total
    manifest = read_manifest(index / GENERATIONS / first.generation)
    assert manifest is not None and manifest.last_run == second


def test_added_changed_and_deleted_files_are_all_that_is_read(
    corpus: Path, index: Path, settings: Settings
) -> None:
    first = run_reindex(corpus, index, settings.taxonomy)
    added, changed, deleted = SAMPLES[3], corpus / SAMPLES[1].name, corpus / SAMPLES[2].name
    shutil.copy(added, corpus / added.name)
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\n附：新增的一段文字，独一无二的标记词。\n",
        encoding="utf-8",
    )
    deleted.unlink()
    assert sources_matching(JsonEngine(), index, "独一无二的标记词") == set()
    second = run_reindex(corpus, index, settings.taxonomy)
    counts = (second.new, second.changed, second.deleted, second.unchanged, second.processed)
    assert counts == (1, 1, 1, 1, 2)
    assert sources_matching(JsonEngine(), index, "独一无二的标记词") == {changed.name}
    assert {doc["source"] for doc in served(index).values()} == {
        SAMPLES[0].name,
        changed.name,
        added.name,
    }
    assert second.reports_total == len(served(index))
    assert second.generation != first.generation
    assert generations(index) == sorted([first.generation, second.generation])  # previous kept
    third_sample = corpus / SAMPLES[0].name
    third_sample.unlink()
    third = run_reindex(corpus, index, settings.taxonomy)
    assert generations(index) == sorted([second.generation, third.generation])  # older removed
    assert SAMPLES[0].name not in {doc["source"] for doc in served(index).values()}


def test_full_reads_everything_again(corpus: Path, index: Path, settings: Settings) -> None:
    first = run_reindex(corpus, index, settings.taxonomy)
    summary = run_reindex(corpus, index, settings.taxonomy, full=True)
    assert (summary.full_reason, summary.processed, summary.unchanged) == ("--full", 3, 3)
    assert summary.reports_added == summary.reports_total == first.reports_total
    assert served(index).keys() == set(read_manifest_ids(index))


def read_manifest_ids(index: Path) -> list[str]:
    generation = current_generation(index)
    assert generation is not None
    manifest = read_manifest(generation)
    assert manifest is not None
    return [rid for record in manifest.files.values() for rid in record.reports]


def test_rejected_files_are_listed_with_their_reasons_and_the_rest_is_indexed(
    corpus: Path, index: Path, settings: Settings
) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blank.html").write_bytes(b"<html><body> </body></html>")
    (corpus / "bug-report.txt").write_text("政府信息公开工作年度报告", encoding="utf-8")
    summary = run_reindex(corpus, index, settings.taxonomy, understand=misbehaving_understand)
    reasons = {r.source: r.error for r in summary.rejected}
    assert reasons == {
        "blank.html": read_error(corpus / "blank.html"),
        "bug-report.txt": "internal error: RuntimeError: bad luck",
        "empty.txt": read_error(corpus / "empty.txt"),
    }
    assert summary.files_seen == 6 and summary.processed == 6
    assert {doc["source"] for doc in served(index).values()} == {p.name for p in SAMPLES[:3]}
    again = run_reindex(corpus, index, settings.taxonomy, understand=misbehaving_understand)
    assert again.processed == 0 and again.rejected == summary.rejected  # still accounted for


def test_a_file_that_kills_its_worker_is_rejected_alone(
    corpus: Path, index: Path, settings: Settings
) -> None:
    (corpus / "crash.txt").write_text("政府信息公开工作年度报告", encoding="utf-8")
    summary = run_reindex(corpus, index, settings.taxonomy, understand=misbehaving_understand)
    assert [(r.source, r.error) for r in summary.rejected] == [("crash.txt", CRASHED)]
    assert {doc["source"] for doc in served(index).values()} == {p.name for p in SAMPLES[:3]}


HUNG = gave_up(2, SAMPLES[0].stat().st_size)


@pytest.mark.parametrize(
    "misbehaving",
    [
        pytest.param({"hang.txt": HUNG}, id="stopped in the shared pool"),
        pytest.param({"hang.txt": HUNG, "crash.txt": CRASHED}, id="stopped when alone"),
    ],
)
def test_a_file_over_the_time_limit_is_rejected_and_the_run_goes_on(
    corpus: Path, index: Path, settings: Settings, misbehaving: dict[str, str]
) -> None:
    for name in misbehaving:
        shutil.copy(SAMPLES[0], corpus / name)
    summary = run_reindex(
        corpus, index, settings.taxonomy, understand=misbehaving_understand, file_timeout=2
    )
    assert {r.source: r.error for r in summary.rejected} == misbehaving
    assert {doc["source"] for doc in served(index).values()} == {p.name for p in SAMPLES[:3]}
    manifest = read_manifest(index / GENERATIONS / summary.generation)
    assert manifest is not None and manifest.files["hang.txt"].error == HUNG
    assert manifest.files["hang.txt"].hash == ""  # not read: the next run tries it again


@pytest.mark.parametrize(
    ("limit", "size", "reason"),
    [
        (120.0, 52_428_800, "gave up after 120 s on this 50.0 MB file (it may be pathological; "),
        (0.5, 900, "gave up after 0.5 s on this 900-byte file (it may be pathological; "),
    ],
)
def test_the_time_limit_reason_names_the_limit_the_size_and_what_to_raise(
    limit: float, size: int, reason: str
) -> None:
    assert gave_up(limit, size) == reason + (
        "if it is a genuine report, give it longer with --file-timeout)"
    )


def test_a_changed_analysis_warns_and_rebuilds_fully(
    corpus: Path, index: Path, settings: Settings
) -> None:
    first = run_reindex(corpus, index, settings.taxonomy)
    path = index / GENERATIONS / first.generation / MANIFEST_NAME
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**data, "fingerprint": "0" * 16}), encoding="utf-8")
    notices: list[str] = []
    summary = run_reindex(corpus, index, settings.taxonomy, notices=notices)
    assert summary.full and summary.processed == 3
    assert (
        summary.full_reason is not None and "fingerprint 0000000000000000 →" in summary.full_reason
    )
    assert notices == [f"warning: {summary.full_reason}: rebuilding fully"]
    assert summary.warnings == (f"{summary.full_reason}: rebuilding fully",)


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda path: path.write_text("{", encoding="utf-8"), "cannot read the manifest"),
        (lambda path: path.unlink(), "has no manifest"),
    ],
)
def test_an_index_without_a_usable_manifest_is_rebuilt(
    corpus: Path, index: Path, settings: Settings, damage, reason: str
) -> None:
    first = run_reindex(corpus, index, settings.taxonomy)
    damage(index / GENERATIONS / first.generation / MANIFEST_NAME)
    summary = run_reindex(corpus, index, settings.taxonomy)
    assert summary.full and summary.full_reason is not None and reason in summary.full_reason
    assert summary.reports_total == first.reports_total


def test_another_engine_rebuilds_fully(corpus: Path, index: Path, settings: Settings) -> None:
    run_reindex(corpus, index, settings.taxonomy)
    summary = run_reindex(corpus, index, settings.taxonomy, engine=JsonEngine(name="other"))
    assert summary.full_reason == "the index was built by the json-test engine, not other"


@pytest.mark.parametrize(
    "error", [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()]
)
def test_a_failed_build_leaves_the_previous_generation_serving(
    corpus: Path, index: Path, settings: Settings, error: BaseException
) -> None:
    first = run_reindex(corpus, index, settings.taxonomy)
    before = served(index)
    shutil.copy(SAMPLES[3], corpus / SAMPLES[3].name)
    with pytest.raises(type(error)):
        run_reindex(corpus, index, settings.taxonomy, engine=FailingEngine(error=error))
    assert served(index) == before
    assert generations(index) == [first.generation]  # the unfinished one is gone
    assert not (index / "reindex.lock").exists()
    assert run_reindex(corpus, index, settings.taxonomy).new == 1


def test_leftovers_of_a_killed_run_are_removed_by_the_next(
    corpus: Path, index: Path, settings: Settings
) -> None:
    first = run_reindex(corpus, index, settings.taxonomy)
    (index / GENERATIONS / "20990101T000000000000Z-1" / "whoosh").mkdir(parents=True)
    (index / ".CURRENT.1.tmp").write_text("20990101T000000000000Z-1")
    run_reindex(corpus, index, settings.taxonomy)
    assert generations(index) == [first.generation]
    assert not (index / ".CURRENT.1.tmp").exists()


def test_an_emptied_corpus_does_not_empty_the_index_unless_full(
    corpus: Path, index: Path, settings: Settings
) -> None:
    first = run_reindex(corpus, index, settings.taxonomy)
    for path in corpus.iterdir():
        path.unlink()
    with pytest.raises(ReindexError, match="refusing to empty it"):
        run_reindex(corpus, index, settings.taxonomy)
    assert len(served(index)) == first.reports_total
    summary = run_reindex(corpus, index, settings.taxonomy, full=True)
    assert (summary.files_seen, summary.deleted, summary.reports_total) == (0, 3, 0)
    assert served(index) == {}


def test_several_corpus_folders_keep_their_names_apart(
    tmp_path: Path, index: Path, settings: Settings
) -> None:
    north = make_corpus(tmp_path / "north", 1)
    south = make_corpus(tmp_path / "south", 1)
    summary = run_reindex((north, south), index, settings.taxonomy)
    name = SAMPLES[0].name
    assert {doc["source"] for doc in served(index).values()} == {f"north/{name}", f"south/{name}"}
    assert summary.corpus == (str(north), str(south))


def test_file_names_in_any_encoding_are_indexed_and_recognised_next_time(
    tmp_path: Path, index: Path, settings: Settings
) -> None:
    """Regression: a GBK file name (from an archive made on Windows) must not break the run."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("报告.txt".encode("gbk"), b"\xff.txt"):
        with open(os.fsencode(corpus) + b"/" + name, "wb") as handle:
            handle.write(SAMPLES[0].read_bytes())
    summary = run_reindex(corpus, index, settings.taxonomy)
    assert {doc["source"] for doc in served(index).values()} == {"报告.txt", "\\xff.txt"}
    assert summary.rejected == ()
    assert run_reindex(corpus, index, settings.taxonomy).unchanged == 2
