"""``gongkai reindex`` on the command line: the summary, ``--report``, progress in a log, and one
clear line (and a non-zero exit) for every fatal error."""

from __future__ import annotations

import errno
import importlib
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from indexer.cli import main
from indexer.reindex.layout import current_generation
from indexer.reindex.lock import reindex_lock
from indexer.reindex.manifest import read_manifest
from indexer.reindex.progress import WRITING
from indexer.reindex.run import ReindexOptions
from indexer.reindex.summary import RunSummary
from indexer.reindex.workers import FILE_TIMEOUT

from .test_reindex_support import (
    SAMPLES,
    FailingEngine,
    JsonEngine,
    make_corpus,
    read_error,
    served,
)

COMMAND_MODULE = importlib.import_module("indexer.cli.reindex")  # the package's name is the command


@pytest.fixture
def config(tmp_path: Path) -> Path:
    """A config whose corpus holds three sample files and whose index is in tmp_path."""
    make_corpus(tmp_path / "corpus", 3)
    path = tmp_path / "config.toml"
    path.write_text('[corpus]\npaths = ["corpus"]\n[index]\npath = "index"\n', encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def json_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(COMMAND_MODULE, "default_engine", lambda settings: JsonEngine())


def reindex(config: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["reindex", "--config", str(config), *args])


def test_a_run_prints_its_summary_and_writes_the_same_as_json(config: Path, tmp_path: Path) -> None:
    (tmp_path / "corpus" / "empty.txt").write_bytes(b"")
    result = reindex(config, "--report", str(tmp_path / "run.json"), "--workers", "2")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"reindex full (no index yet): {tmp_path / 'index'} (generation ")
    assert lines[1] == "files seen: 4 (new 4, changed 0, deleted 0, unchanged 0)"
    reason = read_error(tmp_path / "corpus" / "empty.txt")
    assert "rejected files: 1" in lines and f"  empty.txt: {reason}" in lines
    report = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    generation = current_generation(tmp_path / "index")
    assert generation is not None
    manifest = read_manifest(generation)
    assert manifest is not None
    assert report == json.loads((generation / "manifest.json").read_text())["last_run"]
    assert report["rejected"] == [{"source": "empty.txt", "error": reason}]
    assert report["reports_total"] == len(served(tmp_path / "index")) > 0
    assert (report["files_seen"], report["new"]) == (4, 4)


def test_without_a_terminal_progress_is_a_few_plain_lines(config: Path) -> None:
    result = reindex(config)
    assert result.exit_code == 0
    *reading, writing = result.stderr.splitlines()
    assert 1 <= len(reading) <= 3
    assert reading[-1].startswith("reindex: 3/3 files (100%), 0 rejected")
    assert writing == WRITING
    assert "\r" not in result.stderr


def test_corpus_and_index_options_override_the_config(config: Path, tmp_path: Path) -> None:
    other = make_corpus(tmp_path / "other", 1)
    result = reindex(config, "--corpus", str(other), "--index", str(tmp_path / "elsewhere"))
    assert result.exit_code == 0
    assert "files seen: 1 (new 1," in result.stdout
    assert served(tmp_path / "elsewhere")
    assert not (tmp_path / "index").exists()


def test_incremental_then_full(config: Path) -> None:
    assert reindex(config).exit_code == 0
    again = reindex(config)
    assert "reindex incremental:" in again.stdout and "unchanged 3)" in again.stdout
    full = reindex(config, "--full")
    assert "reindex full (--full):" in full.stdout and "(3 files read," in full.stdout


@pytest.mark.parametrize(("args", "limit"), [((), FILE_TIMEOUT), (("--file-timeout", "0.5"), 0.5)])
def test_the_file_time_limit_reaches_the_run(
    config: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], limit: float
) -> None:
    limits, run = [], COMMAND_MODULE.run_reindex

    def spy(options: ReindexOptions, *rest: Any) -> RunSummary:
        limits.append(options.file_timeout)
        return run(options, *rest)

    monkeypatch.setattr(COMMAND_MODULE, "run_reindex", spy)
    result = reindex(config, "--workers", "2", *args)
    assert result.exit_code == 0, result.output
    assert limits == [limit]


@pytest.mark.parametrize("value", ["0", "-1", "soon"])
def test_a_time_limit_that_is_not_a_positive_number_is_refused(config: Path, value: str) -> None:
    result = reindex(config, "--file-timeout", value)
    assert result.exit_code == 2 and "--file-timeout" in result.output
    assert not (config.parent / "index").exists()


def one_line_error(result: Result) -> str:
    assert result.exit_code == 1
    (line,) = [line for line in result.stderr.splitlines() if not line.startswith("reindex: ")]
    assert line.startswith("Error: ")
    return line


def test_a_bad_config_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[index]\npaht = 'x'\n", encoding="utf-8")
    assert "unknown setting index.paht" in one_line_error(reindex(bad))


def test_a_missing_corpus_folder_is_one_line(config: Path, tmp_path: Path) -> None:
    line = one_line_error(reindex(config, "--corpus", str(tmp_path / "nowhere")))
    assert f"corpus folder {tmp_path / 'nowhere'} does not exist" in line


def test_an_unwritable_index_folder_is_one_line(config: Path, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x")
    line = one_line_error(reindex(config, "--index", str(tmp_path / "a-file" / "index")))
    assert f"cannot write to the index folder {tmp_path / 'a-file' / 'index'}" in line


def test_a_running_reindex_is_named_in_the_refusal(config: Path, tmp_path: Path) -> None:
    (tmp_path / "index").mkdir()
    with reindex_lock(tmp_path / "index", print) as holder:
        line = one_line_error(reindex(config))
    assert f"another reindex of {tmp_path / 'index'} is running (PID {os.getpid()}" in line
    assert holder.started in line


def test_a_full_disk_is_one_line_and_changes_nothing(
    config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert reindex(config).exit_code == 0
    before = served(tmp_path / "index")
    shutil.copy(SAMPLES[3], tmp_path / "corpus")
    monkeypatch.setattr(COMMAND_MODULE, "default_engine", lambda settings: FailingEngine())
    line = one_line_error(reindex(config))
    assert line == (
        f"Error: the disk holding {tmp_path / 'index'} is full; the index being served is "
        "unchanged (free some space and run again)"
    )
    assert served(tmp_path / "index") == before


def test_an_interrupt_says_nothing_changed(
    config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        COMMAND_MODULE, "default_engine", lambda settings: FailingEngine(error=KeyboardInterrupt())
    )
    result = reindex(config)
    assert result.exit_code == 130
    assert result.stderr.splitlines()[-1] == ("interrupted: the index being served is unchanged")
    assert current_generation(tmp_path / "index") is None


def test_an_unwritable_report_folder_is_refused_before_indexing(
    config: Path, tmp_path: Path
) -> None:
    line = one_line_error(reindex(config, "--report", str(tmp_path / "no" / "run.json")))
    assert "--report: no such folder" in line
    assert current_generation(tmp_path / "index") is None


@pytest.mark.parametrize("code", [errno.EACCES, errno.EIO])
def test_other_disk_errors_name_the_file(code: int, tmp_path: Path) -> None:
    error = OSError(code, os.strerror(code), str(tmp_path / "index" / "x"))
    assert COMMAND_MODULE.disk_error(error, tmp_path / "index") == (
        f"cannot write the index in {tmp_path / 'index'} ({tmp_path / 'index' / 'x'}): "
        f"{os.strerror(code)}; the index being served is unchanged"
    )
