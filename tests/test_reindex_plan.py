"""Scanning corpus folders into source names; telling new, changed, deleted, unchanged apart."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path, PurePath

import pytest

from indexer.reindex.manifest import FileRecord
from indexer.reindex.plan import (
    RACY_NS,
    CorpusError,
    CorpusFile,
    corpus_prefixes,
    file_hash,
    plan_changes,
    scan_corpus,
    source_name,
    trusted_mtime,
)

T = 1_700_000_000_000_000_000  # a file time, in ns


def corpus_file(tmp_path: Path, source: str, content: bytes, mtime_ns: int = T) -> CorpusFile:
    path = tmp_path / source
    path.write_bytes(content)
    return CorpusFile(path, source, len(content), mtime_ns)


def record(content: bytes, mtime_ns: int | None = T, error: str | None = None) -> FileRecord:
    digest = hashlib.sha256(content).hexdigest()
    return FileRecord(digest, len(content), mtime_ns, ("id-0",), 3, error)


@pytest.mark.parametrize(
    ("now", "before", "expected"),
    [
        # (content now, mtime now), record -> bucket
        ((b"same", T), record(b"same"), "unchanged"),
        ((b"same", T + 5), record(b"same"), "unchanged"),  # touched: hashed, same content
        ((b"same", T), record(b"same", None), "unchanged"),  # time not trusted: hashed
        ((b"new!", T + 5), record(b"same"), "changed"),  # same size, other content
        ((b"longer", T + 5), record(b"same"), "changed"),
        ((b"same", T), record(b"same", T + 1), "unchanged"),  # moved back in time: hashed
        ((b"same", T), FileRecord("", 4, None, error="x"), "changed"),  # was unreadable: no hash
    ],
)
def test_a_file_is_changed_only_when_its_content_is(
    tmp_path: Path, now: tuple[bytes, int], before: FileRecord, expected: str
) -> None:
    item = corpus_file(tmp_path, "a.txt", *now)
    plan = plan_changes([item], {"a.txt": before})
    buckets = {
        "unchanged": "a.txt" in plan.unchanged,
        "changed": plan.changed == (item,),
    }
    assert [name for name, hit in buckets.items() if hit] == [expected]
    assert plan.files_seen == 1 and not plan.new and not plan.deleted


def test_a_matching_size_and_time_is_trusted_without_reading(tmp_path: Path) -> None:
    item = corpus_file(tmp_path, "a.txt", b"same")

    def hash_file(path: Path) -> str:
        raise AssertionError(f"{path} was read")

    plan = plan_changes([item], {"a.txt": record(b"same")}, hash_file)
    assert plan.unchanged == {"a.txt": record(b"same")}


def test_a_touched_file_keeps_its_reports_and_records_its_new_time(tmp_path: Path) -> None:
    item = corpus_file(tmp_path, "a.txt", b"same", mtime_ns=T + 5)
    plan = plan_changes([item], {"a.txt": record(b"same", error=None)})
    assert plan.unchanged["a.txt"] == record(b"same", mtime_ns=T + 5)


def test_new_and_deleted_files(tmp_path: Path) -> None:
    kept = corpus_file(tmp_path, "kept.txt", b"x")
    added = corpus_file(tmp_path, "added.txt", b"y")
    previous = {"kept.txt": record(b"x"), "gone.txt": record(b"z"), "gone2.txt": record(b"w")}
    plan = plan_changes([added, kept], previous)
    assert plan.new == (added,)
    assert plan.deleted == ("gone.txt", "gone2.txt")
    assert set(plan.unchanged) == {"kept.txt"}
    assert not plan.is_empty and plan.files_seen == 2


def test_nothing_changed_is_an_empty_plan(tmp_path: Path) -> None:
    item = corpus_file(tmp_path, "a.txt", b"x")
    assert plan_changes([item], {"a.txt": record(b"x")}).is_empty


@pytest.mark.parametrize(
    ("mtime", "read_at", "expected"),
    [
        (T, T + RACY_NS, T),
        (T, T + RACY_NS - 1, None),  # written in the same moment it was read: may change unseen
        (T, T - 10, None),  # a time in the future
    ],
)
def test_trusted_mtime(mtime: int, read_at: int, expected: int | None) -> None:
    assert trusted_mtime(mtime, read_at) == expected


def test_source_names_are_posix_paths_relative_to_the_corpus_folder(tmp_path: Path) -> None:
    (tmp_path / "2019" / "吉林").mkdir(parents=True)
    (tmp_path / "2019" / "吉林" / "报告.TXT").write_bytes(b"a")
    (tmp_path / "top.html").write_bytes(b"bb")
    (tmp_path / "notes.md").write_bytes(b"not a report")
    (tmp_path / ".hidden.txt").write_bytes(b"hidden")
    files = scan_corpus(corpus_prefixes([tmp_path])).files
    assert [(f.source, f.size) for f in files] == [("2019/吉林/报告.TXT", 1), ("top.html", 2)]
    assert files[0].path == tmp_path / "2019" / "吉林" / "报告.TXT"
    assert file_hash(files[1].path) == record(b"bb").hash


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("年报/报告.txt".encode(), "年报/报告.txt"),
        ("年报/报告.txt".encode("gbk"), "年报/报告.txt"),  # unzipped from a Chinese Windows
        (b"\xff\xfe.txt", "\\xff\\xfe.txt"),  # neither: escaped, never lost
    ],
)
def test_source_names_are_text_whatever_the_bytes_of_the_file_name(
    raw: bytes, expected: str
) -> None:
    assert source_name(PurePath(os.fsdecode(raw))) == expected


def test_a_file_with_a_gbk_name_is_found_under_a_readable_name(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/" + "报告.txt".encode("gbk")
    with open(raw, "wb") as handle:
        handle.write(b"x")
    (found,) = scan_corpus(corpus_prefixes([tmp_path])).files
    assert found.source == "报告.txt"
    assert os.fsencode(found.path) == raw


def test_several_corpus_folders_prefix_names_with_the_folder_name(tmp_path: Path) -> None:
    for name in ("north", "south"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "report.txt").write_bytes(b"x")
    folders = [tmp_path / "south", tmp_path / "north", tmp_path / "north" / ".." / "north"]
    files = scan_corpus(corpus_prefixes(folders)).files
    assert [f.source for f in files] == ["north/report.txt", "south/report.txt"]


@pytest.mark.parametrize(
    ("folders", "message"),
    [
        (["missing"], "corpus folder .*missing does not exist"),
        (["a/same", "b/same"], "have the same name 'same'"),
        (["a", "a/same"], "is inside corpus folder"),
        (["file.txt"], "is not a folder"),
    ],
)
def test_unusable_corpus_folders_are_refused(
    tmp_path: Path, folders: list[str], message: str
) -> None:
    for name in ("a/same", "b/same"):
        (tmp_path / name).mkdir(parents=True)
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(CorpusError, match=message):
        corpus_prefixes([tmp_path / name for name in folders])
