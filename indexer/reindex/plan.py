"""What a reindex has to do: the corpus files now, compared with the previous generation's.

Source names are POSIX paths relative to their corpus folder (``2019/吉林省.txt``; see
:func:`source_name` for names that are not UTF-8). With several corpus folders each name starts
with its folder's own name (``reports-a/2019/吉林省.txt``), so names stay unique; two corpus
folders with the same name, or one inside another, are refused.

A file is unchanged when its content hash is the one recorded. Re-reading every byte of a large
corpus on each run would be slow, so, as git does, a file whose size and modification time both
equal the recorded ones is taken as unchanged without hashing; the time is only recorded when it
was at least :data:`RACY_NS` old when the file was hashed, so a write in the same clock tick
cannot hide. ``--full`` reads everything regardless.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePath

from indexer.models import Rejected, Skipped
from indexer.reading import SUPPORTED_SUFFIXES, ReadError, file_type, list_folders
from indexer.reindex.manifest import FileRecord

RACY_NS = 2_000_000_000


class CorpusError(Exception):
    """The corpus folders cannot be used as given; the message says which and why."""


@dataclass(frozen=True)
class CorpusFile:
    """A file to read: ``path`` is where it is read from (the target of a link the settings
    allow following, checked to lie inside the corpus), ``source`` its name in the corpus."""

    path: Path
    source: str
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class Plan:
    """The corpus files sorted by what happened to them since the previous generation.

    ``unchanged`` carries each file's record, its size and time refreshed when only those moved.
    """

    new: tuple[CorpusFile, ...]
    changed: tuple[CorpusFile, ...]
    deleted: tuple[str, ...]
    unchanged: Mapping[str, FileRecord]

    @property
    def files_seen(self) -> int:
        return len(self.new) + len(self.changed) + len(self.unchanged)

    @property
    def is_empty(self) -> bool:
        return not (self.new or self.changed or self.deleted)


def corpus_prefixes(folders: Sequence[Path]) -> dict[Path, str]:
    """Each distinct corpus folder (resolved) with the prefix of its source names ("" when alone).

    Raises :class:`CorpusError` when a folder is missing, inside another or named like another.
    """
    unique = list(dict.fromkeys(folder.resolve() for folder in folders))
    for folder in unique:
        if not folder.is_dir():
            raise CorpusError(f"corpus folder {folder} does not exist or is not a folder")
        for other in unique:
            if folder != other and folder.is_relative_to(other):
                raise CorpusError(f"corpus folder {folder} is inside corpus folder {other}")
    if len(unique) == 1:
        return {unique[0]: ""}
    by_name: dict[str, Path] = {}
    for folder in unique:
        if folder.name in by_name:
            raise CorpusError(
                f"corpus folders {by_name[folder.name]} and {folder} have the same name "
                f"{folder.name!r}, so their files' names would clash; rename one"
            )
        by_name[folder.name] = folder
    return {folder: source_name(PurePath(folder.name)) + "/" for folder in unique}


@dataclass(frozen=True)
class Scanned:
    """The corpus now: the report files, the files of types that are not read, and the entries
    that are not read whatever their type (links, FIFOs, devices), with the reason."""

    files: list[CorpusFile]
    skipped: tuple[Skipped, ...]
    refused: tuple[Rejected, ...] = ()


def scan_corpus(prefixes: Mapping[Path, str], follow_links: bool = False) -> Scanned:
    """Every entry under the folders of :func:`corpus_prefixes`, sorted by source name (links
    followed only inside the folders, and only when ``follow_links``)."""
    found: list[CorpusFile] = []
    skipped: list[Skipped] = []
    refused: list[Rejected] = []
    for folder, prefix in prefixes.items():
        try:
            listing = list_folders([folder], follow_links=follow_links, within=prefixes)
        except ReadError as exc:
            raise CorpusError(f"corpus folder {folder}: {exc}") from exc
        refused.extend(
            Rejected(prefix + source_name(path.relative_to(folder)), reason)
            for path, reason in listing.refused
        )
        for path in listing.files:
            source = prefix + source_name(path.relative_to(folder))
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                skipped.append(Skipped(source, file_type(path)))
                continue
            target = Path(os.path.realpath(path))  # read the file itself, not through a link
            try:
                stat = target.stat()
            except FileNotFoundError:
                continue  # removed while we looked: it is not part of the corpus any more
            except OSError as exc:
                refused.append(Rejected(source, f"cannot look at the file ({exc.strerror})"))
                continue
            found.append(CorpusFile(target, source, stat.st_size, stat.st_mtime_ns))
    found.sort(key=lambda item: item.source)
    return Scanned(
        found,
        tuple(sorted(skipped, key=lambda item: item.source)),
        tuple(sorted(refused, key=lambda item: item.source)),
    )


def source_name(relative: PurePath) -> str:
    """A file's source name: its relative path, POSIX-style, as readable text.

    Names that are not UTF-8 (archives made on Chinese Windows hold GBK names) are decoded as
    GB18030, and any other bytes escaped, so every name can be stored, shown and searched.

    >>> source_name(PurePath(os.fsdecode("年报/报告".encode("gbk") + b".txt")))
    '年报/报告.txt'
    """
    raw = os.fsencode(relative.as_posix())
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "backslashreplace")


def plan_changes(
    files: Sequence[CorpusFile],
    previous: Mapping[str, FileRecord],
    hash_file: Callable[[Path], str] | None = None,
) -> Plan:
    """Compare the corpus with the previous generation's records (see the module docstring)."""
    hasher = hash_file or file_hash
    new: list[CorpusFile] = []
    changed: list[CorpusFile] = []
    unchanged: dict[str, FileRecord] = {}
    for item in files:
        record = previous.get(item.source)
        if record is None:
            new.append(item)
        elif record.size == item.size and record.mtime_ns == item.mtime_ns:
            unchanged[item.source] = record
        elif (same := _rehashed(hasher, item, record)) is not None:
            unchanged[item.source] = same
        else:
            changed.append(item)
    seen = {item.source for item in files}
    deleted = tuple(sorted(source for source in previous if source not in seen))
    return Plan(tuple(new), tuple(changed), deleted, unchanged)


def file_hash(path: Path) -> str:
    """SHA-256 of the file's bytes, in hex."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def trusted_mtime(mtime_ns: int, read_at_ns: int) -> int | None:
    """The time to record for a file read at ``read_at_ns``: None when too recent to vouch."""
    return mtime_ns if read_at_ns - mtime_ns >= RACY_NS else None


def _rehashed(
    hasher: Callable[[Path], str], item: CorpusFile, record: FileRecord
) -> FileRecord | None:
    """The record refreshed with the file's new size and time when its content is the same."""
    if record.size != item.size:
        return None
    read_at = time.time_ns()
    try:
        if hasher(item.path) != record.hash:
            return None
    except OSError:
        return None  # unreadable now: treat as changed, and reading it will say why
    return replace(record, mtime_ns=trusted_mtime(item.mtime_ns, read_at))
