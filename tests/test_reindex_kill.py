"""A reindex killed half-way (SIGKILL: no clean-up at all) leaves the old index answering, and the
next run takes the dead run's lock over and removes its unfinished generation; Ctrl-C half-way
cleans up at once."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from indexer.config import Settings
from indexer.reindex.layout import GENERATIONS
from indexer.reindex.lock import LOCK_NAME

from .conftest import ROOT
from .test_reindex_support import ENGINES, SAMPLES, make_corpus, run_reindex, sources_matching

STALLING_RUN = """
import sys
from pathlib import Path
from indexer.config import load_settings
from tests.test_reindex_support import ENGINES, StallingEngine, run_reindex
marker, corpus, index, config = map(Path, sys.argv[1:5])
engine = StallingEngine(ENGINES[sys.argv[5]](), after=1, marker=marker)
run_reindex(corpus, index, load_settings(config).taxonomy, engine=engine)
"""
STALLING_COMMAND = """
import importlib, sys
from pathlib import Path
from tests.test_reindex_support import ENGINES, StallingEngine
command = importlib.import_module("indexer.cli.reindex")
marker = Path(sys.argv[1])
command.default_engine = lambda settings: StallingEngine(ENGINES["json"](), 1, marker)
from indexer.cli import main
main(sys.argv[2:])
"""
MARK = "\n附：本年度举办龙舟竞渡活动。\n"


@contextmanager
def stalled(tmp_path: Path, script: str, *args: str) -> Iterator[subprocess.Popen[bytes]]:
    """``script`` run in a process group of its own, once it stalled half-way (it must not
    finish or fail first); the group is killed afterwards. Its output goes to ``output``."""
    marker, log = tmp_path / "stalled", tmp_path / "output"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-c", script, str(marker), *args],
            cwd=ROOT,
            start_new_session=True,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        while not marker.exists():
            assert process.poll() is None, log.read_text(errors="replace")
            time.sleep(0.05)
        yield process
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)


def group_gone(group: int, patience: float = 60.0) -> bool:
    """Whether every process of ``group`` exits (within a generous time: not a timing test)."""
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("engine_name", sorted(ENGINES))
def test_a_killed_reindex_leaves_the_old_index_serving(
    tmp_path: Path, settings: Settings, engine_name: str
) -> None:
    engine = ENGINES[engine_name]()
    corpus, index = make_corpus(tmp_path / "corpus", 2), tmp_path / "index"
    marked = corpus / SAMPLES[0].name
    marked.write_text(marked.read_text(encoding="utf-8") + MARK, encoding="utf-8")
    first = run_reindex(corpus, index, settings.taxonomy, engine=engine)
    assert sources_matching(engine, index, "龙舟竞渡") == {marked.name}
    for sample in SAMPLES[2:5]:
        (corpus / sample.name).write_bytes(sample.read_bytes())
    args = [str(corpus), str(index), str(ROOT / "config.toml"), engine_name]
    with stalled(tmp_path, STALLING_RUN, *args) as process:
        unfinished = {p.name for p in (index / GENERATIONS).iterdir()} - {first.generation}
        assert len(unfinished) == 1
        assert json.loads((index / LOCK_NAME).read_text())["pid"] == process.pid
        process.kill()
        process.wait()
        assert group_gone(process.pid), "worker processes outlived the killed run"

    assert sources_matching(engine, index, "龙舟竞渡") == {marked.name}  # still answering

    notices: list[str] = []
    summary = run_reindex(corpus, index, settings.taxonomy, engine=engine, notices=notices)
    (notice,) = notices
    assert notice.startswith(
        f"notice: taking over the lock of a reindex that is gone (PID {process.pid}, started "
    )
    assert (summary.new, summary.unchanged, summary.processed) == (3, 2, 3)
    assert sorted(p.name for p in (index / GENERATIONS).iterdir()) == sorted(
        [first.generation, summary.generation]
    )
    assert sources_matching(engine, index, "龙舟竞渡") == {marked.name}


def test_ctrl_c_half_way_cleans_up_and_says_so(tmp_path: Path, settings: Settings) -> None:
    corpus, index = make_corpus(tmp_path / "corpus", 2), tmp_path / "index"
    first = run_reindex(corpus, index, settings.taxonomy)
    for sample in SAMPLES[2:5]:
        (corpus / sample.name).write_bytes(sample.read_bytes())
    command = ["reindex", "--corpus", str(corpus), "--index", str(index)]
    with stalled(tmp_path, STALLING_COMMAND, *command) as process:
        os.killpg(process.pid, signal.SIGINT)  # what a terminal sends the whole foreground group
        assert process.wait() == 130
        assert group_gone(process.pid), "worker processes outlived the interrupted run"
    lines = (tmp_path / "output").read_text(encoding="utf-8").splitlines()
    assert lines[-1] == "interrupted: the index being served is unchanged"
    assert not any("Traceback" in line for line in lines)
    assert [p.name for p in (index / GENERATIONS).iterdir()] == [first.generation]
    assert not (index / LOCK_NAME).exists()
