"""SIGKILL at random moments: ``gongkai reindex`` killed anywhere in its run (the whole process
tree, or the main process alone, whose workers must notice and go) never costs the served index
a report, and the next run takes the dead run's lock over and finishes. The moments are drawn
from a seeded generator, so a failure can be replayed."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from pathlib import Path

from indexer.config import load_settings
from indexer.reindex.layout import GENERATIONS
from indexer.search.service import SearchService
from indexer.search.types import SearchRequest

from ..conftest import ROOT
from ..e2e.live import gongkai
from ..test_reindex_kill import group_gone
from ..test_reindex_support import SAMPLES

KILLS = 20
ATTEMPTS = 40  # a run may finish before its moment comes; it then counts as a run, not a kill
LATEST = 4.0  # seconds: kills fall anywhere from start-up to the switch of a small corpus


def served_counts(index: Path) -> tuple[int, int]:
    """Reports in the served index, and sections matching a common word."""
    settings = load_settings(ROOT / "config.toml").with_overrides(index_path=index)
    service = SearchService(settings)
    try:
        return service.stats().reports, service.search(SearchRequest(query="公开")).total
    finally:
        service.close()


def reindex(corpus: Path, index: Path, log: Path) -> subprocess.Popen[bytes]:
    command = gongkai("reindex", "--index", str(index), "--corpus", str(corpus), "--workers", "1")
    with log.open("ab") as output:
        return subprocess.Popen(
            command, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )


def test_random_kills_never_cost_the_served_index_a_report(tmp_path: Path) -> None:
    corpus, index, log = tmp_path / "corpus", tmp_path / "index", tmp_path / "reindex.log"
    corpus.mkdir()
    for copy in range(2):
        for sample in SAMPLES:
            (corpus / f"{copy}-{sample.name}").write_bytes(sample.read_bytes())
    assert reindex(corpus, index, log).wait() == 0
    reports, matches = served_counts(index)
    rng = random.Random(20261208)
    kills = finished = 0
    started = time.monotonic()
    for attempt in range(ATTEMPTS):
        for path in rng.sample(sorted(corpus.iterdir()), 3):  # work for the run: changed files
            with path.open("a", encoding="utf-8") as changed:
                changed.write(f"\n附：第{attempt}次补充说明。\n")
        process = reindex(corpus, index, log)
        try:
            process.wait(timeout=rng.uniform(0.0, LATEST))
            finished += 1
        except subprocess.TimeoutExpired:
            if kills % 2:
                os.killpg(process.pid, signal.SIGKILL)
            else:
                process.kill()  # the main process alone
            process.wait()
            assert group_gone(process.pid), "processes of a killed run stayed behind"
            kills += 1
        got = served_counts(index)
        assert got[0] == reports and got[1] >= matches, (attempt, got)
        if kills == KILLS:
            break
    assert kills == KILLS, f"only {kills} of {ATTEMPTS} runs were still running when killed"
    assert reindex(corpus, index, log).wait() == 0, log.read_text(errors="replace")
    assert served_counts(index)[0] == reports
    assert len(list((index / GENERATIONS).iterdir())) <= 2  # killed runs' leftovers removed
    print(
        f"\nkills: {kills} SIGKILLs survived ({kills // 2} of the main process alone), "
        f"{finished} runs finished between them, {time.monotonic() - started:.0f} s"
    )
