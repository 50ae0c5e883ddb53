"""The original file a report was read from, for download: found through the served index's
manifest (never through a path from a request), and only while it is still the file indexed.

The manifest records every indexed file's source name, hash and report ids, and the corpus
folders of the run; a report id leads to its source name, that name under its corpus folder to
the file, and the file's hash must still be the recorded one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from indexer.reading import file_type
from indexer.reindex.layout import current_generation
from indexer.reindex.manifest import ManifestError, read_manifest
from indexer.reindex.plan import CorpusError, corpus_prefixes, file_hash

MEDIA_TYPES = {
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".txt": "text/plain; charset=utf-8",
}
LABELS = {
    ".pdf": "PDF",
    ".doc": "Word",
    ".docx": "Word",
    ".txt": "文本",
    ".htm": "网页",
    ".html": "网页",
}


class OriginalError(Exception):
    """The original cannot be served; the message says why (in Chinese, for the reader)."""


@dataclass(frozen=True)
class Original:
    path: Path
    name: str
    media_type: str


def find_original(index_root: Path, report_id: str) -> Original:
    """The file the report ``report_id`` of the served index was read from, as it was read."""
    generation = current_generation(index_root)
    try:
        manifest = read_manifest(generation) if generation else None
    except ManifestError as exc:
        raise OriginalError("索引说明文件无法读取，请重新建立索引") from exc
    if manifest is None:
        raise OriginalError("还没有索引")
    found = next(
        (
            (source, record)
            for source, record in manifest.files.items()
            if report_id in record.reports
        ),
        None,
    )
    if found is None:
        raise OriginalError("索引中没有这份报告")
    source, record = found
    path = _locate(tuple(Path(folder) for folder in manifest.last_run.corpus), source)
    try:
        unchanged = file_hash(path) == record.hash
    except OSError as exc:
        raise OriginalError("原文件已被移走或无法读取") from exc
    if not unchanged:
        raise OriginalError("原文件在建立索引后已被修改，请重新建立索引")
    kind = file_type(path)
    return Original(path, path.name, MEDIA_TYPES.get(kind, "application/octet-stream"))


def _locate(folders: tuple[Path, ...], source: str) -> Path:
    try:
        prefixes = corpus_prefixes(folders)
    except CorpusError as exc:
        raise OriginalError("语料文件夹已不存在") from exc
    for folder, prefix in prefixes.items():
        if source.startswith(prefix):
            path = (folder / source[len(prefix) :]).resolve()
            if path.is_relative_to(folder):
                return path
    raise OriginalError("原文件不在语料文件夹中")
