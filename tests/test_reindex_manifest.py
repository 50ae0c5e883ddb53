"""The manifest and the run summary: written, read back identical, and refused when damaged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from indexer.models import Rejected
from indexer.reindex.manifest import (
    MANIFEST_NAME,
    FileRecord,
    Manifest,
    ManifestError,
    read_manifest,
    write_manifest,
)
from indexer.reindex.summary import RunSummary, format_summary, summary_from_dict, summary_to_dict

SUMMARY = RunSummary(
    started="2026-01-02T03:04:05+00:00",
    seconds=12.5,
    full=False,
    full_reason=None,
    corpus=("/data/reports",),
    index="/data/index",
    generation="20260102T030405000000Z-42",
    fingerprint="0123456789abcdef",
    files_seen=1002,
    new=3,
    changed=2,
    deleted=1,
    unchanged=997,
    processed=5,
    reports_added=6,
    sections_added=80,
    reports_total=1010,
    sections_total=15000,
    rejected=(Rejected("bad/空.txt", "no text in the file"),),
    warnings=("the analysis changed",),
)
MANIFEST = Manifest(
    engine="whoosh",
    fingerprint="0123456789abcdef",
    created="2026-01-02T03:04:05+00:00",
    previous="20260101T000000000000Z-41",
    files={
        "a.txt": FileRecord("ab" * 32, 10, 1_700_000_000_000_000_000, ("id-0", "id-1"), 12),
        "bad/空.txt": FileRecord("cd" * 32, 0, None, error="no text in the file"),
    },
    last_run=SUMMARY,
)


def test_a_manifest_reads_back_as_written(tmp_path: Path) -> None:
    write_manifest(tmp_path, MANIFEST)
    assert read_manifest(tmp_path) == MANIFEST
    data = json.loads((tmp_path / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert data["counts"] == {"files": 1, "rejected": 1, "reports": 2, "sections": 12}
    assert data["last_run"]["rejected"] == [
        {"source": "bad/空.txt", "error": "no text in the file"}
    ]
    assert [p.name for p in tmp_path.iterdir()] == [MANIFEST_NAME]  # no temporary file left


def test_a_generation_without_a_manifest_is_unfinished(tmp_path: Path) -> None:
    assert read_manifest(tmp_path) is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "cannot read the manifest"),
        ('{"format": 99}', "manifest format 99"),
        ('{"format": 1, "engine": "whoosh"}', "not a gongkai manifest"),
        ("[]", "not a gongkai manifest"),
    ],
)
def test_a_damaged_manifest_is_an_error_naming_the_file(
    tmp_path: Path, content: str, message: str
) -> None:
    (tmp_path / MANIFEST_NAME).write_text(content, encoding="utf-8")
    with pytest.raises(ManifestError, match=message) as error:
        read_manifest(tmp_path)
    assert str(tmp_path / MANIFEST_NAME) in str(error.value)


def test_the_summary_json_round_trips_and_adds_the_speed() -> None:
    data = summary_to_dict(SUMMARY)
    assert json.loads(json.dumps(data)) == data
    assert data["files_per_second"] == 0.4
    assert summary_from_dict(data) == SUMMARY


def test_the_printed_summary_accounts_for_every_file() -> None:
    assert format_summary(SUMMARY).splitlines() == [
        "reindex incremental: /data/index (generation 20260102T030405000000Z-42)",
        "files seen: 1,002 (new 3, changed 2, deleted 1, unchanged 997)",
        "reports: 6 indexed, 1,010 in the index",
        "sections: 80 indexed, 15,000 in the index",
        "rejected files: 1",
        "  bad/空.txt: no text in the file",
        "time: 12.5 s (5 files read, 0.4 files/s)",
        "warning: the analysis changed",
    ]
