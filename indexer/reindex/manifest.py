"""``manifest.json``: what a generation holds, so the next reindex knows what changed.

Per source file: its content hash, size and modification time, the ids of its reports (or why it
was rejected); for the whole generation: the engine, the analysis fingerprint, the generation it
replaced and the last run's summary. It is written last, after the engine committed, so a
generation without one is unfinished.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from indexer.reindex.summary import RunSummary, summary_from_dict, summary_to_dict

MANIFEST_NAME = "manifest.json"
FORMAT = 1


class ManifestError(Exception):
    """A manifest exists but cannot be read; the message says where and why."""


@dataclass(frozen=True)
class FileRecord:
    """One corpus file as last read. ``mtime_ns`` is None when it cannot vouch for the content
    (the file was modified too close to when it was read); ``error`` is set for rejected files."""

    hash: str
    size: int
    mtime_ns: int | None
    reports: tuple[str, ...] = ()
    sections: int = 0
    error: str | None = None


@dataclass(frozen=True)
class Manifest:
    """A generation: its engine and analysis fingerprint, when it was created, the generation it
    replaced, every corpus file as read, and the run that made (or last checked) it."""

    engine: str
    fingerprint: str
    created: str
    previous: str | None
    files: Mapping[str, FileRecord]
    last_run: RunSummary

    @property
    def report_count(self) -> int:
        return sum(len(record.reports) for record in self.files.values())

    @property
    def section_count(self) -> int:
        return sum(record.sections for record in self.files.values())

    def after(self, last_run: RunSummary, files: Mapping[str, FileRecord]) -> Manifest:
        """This manifest after a run that changed no document (file times may have moved)."""
        return replace(self, last_run=last_run, files=files)


def read_manifest(generation: Path) -> Manifest | None:
    """The manifest of a generation folder; None when it has none (an unfinished generation)."""
    path = generation / MANIFEST_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise ManifestError(f"{path}: cannot read the manifest ({exc})") from exc
    try:
        if data["format"] != FORMAT:
            raise ManifestError(f"{path}: manifest format {data['format']}, expected {FORMAT}")
        return Manifest(
            engine=data["engine"],
            fingerprint=data["fingerprint"],
            created=data["created"],
            previous=data["previous"],
            files={source: _record(item) for source, item in data["files"].items()},
            last_run=summary_from_dict(data["last_run"]),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise ManifestError(f"{path}: not a gongkai manifest (missing or bad {exc})") from exc


def write_manifest(generation: Path, manifest: Manifest) -> None:
    """Write the manifest durably and atomically (temp file, fsync, rename)."""
    data = {
        "format": FORMAT,
        "engine": manifest.engine,
        "fingerprint": manifest.fingerprint,
        "created": manifest.created,
        "previous": manifest.previous,
        "counts": {
            "files": sum(1 for r in manifest.files.values() if r.error is None),
            "rejected": sum(1 for r in manifest.files.values() if r.error is not None),
            "reports": manifest.report_count,
            "sections": manifest.section_count,
        },
        "last_run": summary_to_dict(manifest.last_run),
        "files": {source: _record_dict(r) for source, r in sorted(manifest.files.items())},
    }
    temporary = generation / f".{MANIFEST_NAME}.tmp"
    with temporary.open("w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, generation / MANIFEST_NAME)


def _record(item: Mapping[str, Any]) -> FileRecord:
    return FileRecord(
        hash=item["hash"],
        size=item["size"],
        mtime_ns=item.get("mtime_ns"),
        reports=tuple(item.get("reports", ())),
        sections=item.get("sections", 0),
        error=item.get("error"),
    )


def _record_dict(record: FileRecord) -> dict[str, Any]:
    data: dict[str, Any] = {"hash": record.hash, "size": record.size}
    if record.mtime_ns is not None:
        data["mtime_ns"] = record.mtime_ns
    if record.error is None:
        data["reports"] = list(record.reports)
        data["sections"] = record.sections
    else:
        data["error"] = record.error
    return data
