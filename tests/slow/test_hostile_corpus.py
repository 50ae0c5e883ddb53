"""A generated hostile corpus (binary files named .txt, truncated UTF-8, unmarked GBK and Big5, a
huge report, one endless word, deep HTML, odd names, links, a FIFO) goes through ``gongkai
reindex``: the run finishes, every entry is accounted for exactly once, nothing outside the
corpus is indexed, no traceback is printed, and the memory of the whole process tree stays
bounded."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

from indexer.config import load_settings
from indexer.reindex.layout import current_generation
from indexer.reindex.manifest import read_manifest
from indexer.search.service import SearchService
from indexer.search.types import SearchRequest

from ..conftest import ROOT
from ..e2e.live import gongkai
from .hostile import READ, REFUSED, SECRET, SKIPPED, hostile_corpus
from .measure import TreePeak, megabytes

HUGE_BYTES = 20 * 1024 * 1024
PEAK_LIMIT = 2 * 1024 * 1024 * 1024  # the whole tree: main process, readers, tokenisers
PATIENCE = 600.0


def test_a_hostile_corpus_is_fully_accounted_for_in_bounded_memory(tmp_path: Path) -> None:
    corpus = hostile_corpus(tmp_path / "corpus", tmp_path / "private", HUGE_BYTES)
    index, report, log = tmp_path / "index", tmp_path / "run.json", tmp_path / "reindex.log"
    command = gongkai(
        "reindex", "--index", str(index), "--corpus", str(corpus.folder), "--report", str(report)
    )
    started = time.monotonic()
    with log.open("wb") as output:
        process = subprocess.Popen(command, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)
        with TreePeak(process.pid) as peak:
            code = process.wait(timeout=PATIENCE)
    seconds = time.monotonic() - started
    printed = log.read_text(encoding="utf-8", errors="replace")
    assert code == 0, printed
    assert "Traceback" not in printed

    summary = json.loads(report.read_text(encoding="utf-8"))
    rejected = {item["source"]: item["error"] for item in summary["rejected"]}
    skipped = {item["source"] for item in summary["skipped"]}
    generation = current_generation(index)
    assert generation is not None
    manifest = read_manifest(generation)
    assert manifest is not None
    recorded = manifest.files
    fates = corpus.fates
    refused = {source for source, fate in fates.items() if fate == REFUSED}
    assert set(recorded) | refused | skipped == set(fates)
    assert not (set(recorded) & refused or set(recorded) & skipped or refused & skipped)
    assert {source for source in fates if fates[source] == SKIPPED} == skipped
    assert refused <= set(rejected)
    for source, record in recorded.items():
        assert fates[source] == READ
        assert record.reports or record.error, source
        assert (record.error is not None) == (source in rejected)
    assert summary["files_seen"] == len(recorded) + len(refused)

    service = SearchService(load_settings(ROOT / "config.toml").with_overrides(index_path=index))
    try:
        assert service.search(SearchRequest(query=SECRET[:4])).total == 0
        assert service.search(SearchRequest(query="政务公开")).total > 0
    finally:
        service.close()
    assert peak.bytes < PEAK_LIMIT
    print(
        f"\nhostile corpus: {len(fates)} entries ({megabytes(corpus.bytes)}), "
        f"{len(recorded) - len(set(rejected) - refused)} indexed, {len(rejected)} rejected, "
        f"{len(skipped)} skipped; {seconds:.0f} s; peak memory {megabytes(peak.bytes)}"
    )
