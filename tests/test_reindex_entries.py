"""Corpus entries that are not report files: symbolic links (looping, dangling, leading out of
the corpus or staying inside), FIFOs and sockets. Each is refused at scan time with its reason,
counted as seen, and never read; the rest of the corpus is indexed."""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from indexer.cli import main
from indexer.config import Settings
from indexer.reading.files import LINKED_FOLDER, LOOP, NOT_FOLLOWED
from indexer.reindex.plan import CorpusFile
from indexer.reindex.workers import understand_in_workers

from .conftest import ROOT
from .test_reindex_support import SAMPLES, make_corpus, run_reindex, served

SECRET = "绝密：这一行在语料之外，不得被索引。\n"
PATIENCE = 30.0  # seconds per file: a FIFO opened by mistake fails the test instead of hanging


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return make_corpus(tmp_path / "corpus", 2)


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A report-like file outside the corpus, as /etc/passwd would be."""
    path = tmp_path / "private" / "secret.txt"
    path.parent.mkdir()
    path.write_text("政府信息公开工作年度报告\n" + SECRET, encoding="utf-8")
    return path


@pytest.fixture
def unix_socket(corpus: Path) -> Iterator[Path]:
    path = corpus / "socket.txt"
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind(str(path))
        yield path


def reasons(summary) -> dict[str, str]:
    return {rejected.source: rejected.error for rejected in summary.rejected}


def indexed_sources(index: Path) -> set[str]:
    return {doc["source"] for doc in served(index).values()}


def indexed_text(index: Path) -> str:
    return json.dumps(served(index), ensure_ascii=False)


def test_a_symlink_loop_is_rejected_alone_and_the_rest_is_indexed(
    corpus: Path, tmp_path: Path, settings: Settings
) -> None:
    (corpus / "self.txt").symlink_to("self.txt")
    (corpus / "ping.txt").symlink_to("pong.txt")
    (corpus / "pong.txt").symlink_to("ping.txt")
    summary = run_reindex(corpus, tmp_path / "index", settings.taxonomy, follow_links=True)
    assert reasons(summary) == {"self.txt": LOOP, "ping.txt": LOOP, "pong.txt": LOOP}
    assert summary.files_seen == 5 and summary.refused == 3
    assert indexed_sources(tmp_path / "index") == {path.name for path in SAMPLES[:2]}


@pytest.mark.parametrize("follow_links", [False, True])
def test_links_leading_out_of_the_corpus_are_never_read(
    corpus: Path, outside: Path, tmp_path: Path, settings: Settings, follow_links: bool
) -> None:
    (corpus / "passwd.txt").symlink_to(outside)
    (corpus / "relative.txt").symlink_to(os.path.relpath(outside, corpus))
    (corpus / "private").symlink_to(outside.parent)  # a folder leading out
    summary = run_reindex(corpus, tmp_path / "index", settings.taxonomy, follow_links=follow_links)
    out = f"a symbolic link out of the corpus folders (to {outside.resolve()}); not read"
    expected = {
        "passwd.txt": out if follow_links else NOT_FOLLOWED,
        "relative.txt": out if follow_links else NOT_FOLLOWED,
        "private": f"a symbolic link out of the corpus folders (to {outside.parent.resolve()}); "
        "not read"
        if follow_links
        else NOT_FOLLOWED,
    }
    assert reasons(summary) == expected
    assert SECRET.strip() not in indexed_text(tmp_path / "index")


def test_links_inside_the_corpus_are_read_only_when_the_settings_allow(
    corpus: Path, tmp_path: Path, settings: Settings
) -> None:
    (corpus / "by-year").mkdir()
    (corpus / "by-year" / "alias.txt").symlink_to(Path("..") / SAMPLES[0].name)
    (corpus / "again").symlink_to("by-year")
    summary = run_reindex(corpus, tmp_path / "index", settings.taxonomy)
    assert reasons(summary) == {"again": NOT_FOLLOWED, "by-year/alias.txt": NOT_FOLLOWED}
    summary = run_reindex(corpus, tmp_path / "index", settings.taxonomy, follow_links=True)
    assert reasons(summary) == {"again": LINKED_FOLDER}
    assert "by-year/alias.txt" in indexed_sources(tmp_path / "index")


def test_dangling_links_are_seen_and_rejected(
    corpus: Path, tmp_path: Path, settings: Settings
) -> None:
    (corpus / "gone.txt").symlink_to("nowhere.txt")
    summary = run_reindex(corpus, tmp_path / "index", settings.taxonomy, follow_links=True)
    assert reasons(summary) == {
        "gone.txt": "a symbolic link to nothing (nowhere.txt does not exist)"
    }
    assert summary.files_seen == 3
    assert summary.files_seen == summary.new + summary.changed + summary.unchanged + summary.refused


def test_fifos_and_sockets_are_refused_without_being_opened(
    corpus: Path, unix_socket: Path, tmp_path: Path, settings: Settings
) -> None:
    os.mkfifo(corpus / "pipe.txt")
    summary = run_reindex(corpus, tmp_path / "index", settings.taxonomy, file_timeout=PATIENCE)
    assert reasons(summary) == {
        "pipe.txt": "a FIFO (named pipe), not a regular file; not read",
        "socket.txt": "a socket, not a regular file; not read",
    }
    assert summary.files_seen == 4 and summary.processed == 2
    again = run_reindex(corpus, tmp_path / "index", settings.taxonomy, file_timeout=PATIENCE)
    assert again.processed == 0 and again.rejected == summary.rejected  # not retried, still listed


def test_a_file_swapped_for_a_fifo_or_a_link_after_the_scan_is_not_read(
    tmp_path: Path, outside: Path, settings: Settings
) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "link.txt").symlink_to(outside)
    swapped = [
        CorpusFile(tmp_path / "pipe.txt", "pipe.txt", 10, 0),
        CorpusFile(tmp_path / "link.txt", "link.txt", 10, 0),
    ]
    outcomes = understand_in_workers(swapped, settings.taxonomy, 1, limit=PATIENCE)
    assert {outcome.source: outcome.error for outcome in outcomes} == {
        "pipe.txt": "not a regular file any more; not read",
        "link.txt": "a symbolic link now, not the file listed; not read",
    }


def test_inspect_lists_what_it_does_not_read_in_a_folder(corpus: Path, outside: Path) -> None:
    (corpus / "passwd.txt").symlink_to(outside)
    os.mkfifo(corpus / "pipe.txt")
    result = CliRunner().invoke(
        main, ["inspect", "--json", str(corpus), "--config", str(ROOT / "config.toml")]
    )
    assert result.exit_code == 1
    found = json.loads(result.stdout)
    errors = {Path(item["source"]).name: item["error"] for item in found if "error" in item}
    assert errors == {
        "passwd.txt": NOT_FOLLOWED,
        "pipe.txt": "a FIFO (named pipe), not a regular file; not read",
    }
    assert SECRET.strip() not in result.stdout
