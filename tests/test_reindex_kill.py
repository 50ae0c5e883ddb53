"""A reindex killed half-way (SIGKILL: no clean-up at all) leaves the old index answering, and the
next run takes the dead run's lock over and removes its unfinished generation."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from indexer.config import Settings
from indexer.reindex.layout import GENERATIONS
from indexer.reindex.lock import LOCK_NAME

from .conftest import ROOT
from .test_reindex_support import SAMPLES, find, make_corpus, run_reindex, served

STALLING_RUN = """
import sys
from pathlib import Path
from indexer.config import load_settings
from tests.test_reindex_support import StallingEngine, run_reindex
corpus, index, config, marker = map(Path, sys.argv[1:])
engine = StallingEngine(after=1, marker=marker)
run_reindex(corpus, index, load_settings(config).taxonomy, engine=engine)
"""


def wait_for(marker: Path, process: subprocess.Popen[bytes], log: Path) -> None:
    """Until the run stalls half-way (it must not finish or fail first)."""
    while not marker.exists():
        assert process.poll() is None, log.read_text(errors="replace")
        time.sleep(0.05)


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


def test_a_killed_reindex_leaves_the_old_index_serving(tmp_path: Path, settings: Settings) -> None:
    corpus, index = make_corpus(tmp_path / "corpus", 2), tmp_path / "index"
    first = run_reindex(corpus, index, settings.taxonomy)
    before = served(index)
    for sample in SAMPLES[2:5]:
        (corpus / sample.name).write_bytes(sample.read_bytes())
    marker, log = tmp_path / "stalled", tmp_path / "output"
    args = [str(corpus), str(index), str(ROOT / "config.toml"), str(marker)]
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-c", STALLING_RUN, *args],
            cwd=ROOT,
            start_new_session=True,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for(marker, process, log)
        unfinished = {p.name for p in (index / GENERATIONS).iterdir()} - {first.generation}
        assert len(unfinished) == 1
        assert json.loads((index / LOCK_NAME).read_text())["pid"] == process.pid
        process.kill()
        process.wait()
        assert group_gone(process.pid), "worker processes outlived the killed run"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)

    assert served(index) == before
    assert find(index, next(iter(before.values()))["text"][:20])

    notices: list[str] = []
    summary = run_reindex(corpus, index, settings.taxonomy, notices=notices)
    (notice,) = notices
    assert notice.startswith(
        f"notice: taking over the lock of a reindex that is gone (PID {process.pid}, started "
    )
    assert (summary.new, summary.unchanged, summary.processed) == (3, 2, 3)
    assert sorted(p.name for p in (index / GENERATIONS).iterdir()) == sorted(
        [first.generation, summary.generation]
    )
    assert len(served(index)) == summary.reports_total
