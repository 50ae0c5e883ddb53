"""Indexing figures: each engine's build of the corpus, and jieba alone as the ceiling.

An engine runs as a subprocess (gongkai through its CLI, like a user) while its process tree's
memory is sampled; jieba runs here, on one core and then on every core.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import time
from multiprocessing import Pool
from pathlib import Path

import jieba

from bench.generate import Corpus
from bench.measure import MB, TreeMemory, folder_bytes
from bench.text import read_text

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "config.toml"
JIEBA_SAMPLE_BYTES = 16 * MB
"""jieba's rate is measured on the corpus's first files up to this size: enough for a steady
figure, short enough that a large corpus does not spend minutes on it."""


def gongkai_index_command(corpus: Corpus, index_dir: Path) -> list[str]:
    """A full reindex with the repository's settings, pointed at the bench folders."""
    gongkai = str(Path(sys.executable).with_name("gongkai"))
    folders = ["--corpus", str(corpus.folder), "--index", str(index_dir)]
    return [gongkai, "reindex", "--full", "--config", str(CONFIG), *folders]


def stock_index_command(corpus: Corpus, index_dir: Path) -> list[str]:
    """The baseline's indexer, facets read from the generator's manifest."""
    folders = [str(corpus.folder), str(index_dir), "--manifest", str(corpus.manifest)]
    return [sys.executable, "-m", "bench.stock", "index", *folders]


def measure_indexing(command: list[str], corpus: Corpus, index_dir: Path, log: Path) -> dict:
    """Build ``index_dir`` from scratch with ``command``: time, rates, peak memory, size."""
    shutil.rmtree(index_dir, ignore_errors=True)
    started = time.perf_counter()
    with log.open("w") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, cwd=ROOT)
        with TreeMemory(process.pid) as memory:
            code = process.wait()
    seconds = time.perf_counter() - started
    if code:
        raise RuntimeError(f"{' '.join(command)} failed with exit code {code}; see {log}")
    size = folder_bytes(index_dir)
    return {
        "seconds": round(seconds, 2),
        "mb_per_s": round(corpus.bytes / MB / seconds, 3),
        "reports_per_s": round(corpus.reports / seconds, 2),
        "peak_rss_mb": round(memory.peak / MB, 1),
        "index_mb": round(size / MB, 2),
        "index_to_corpus": round(size / corpus.bytes, 2),
    }


def measure_jieba(corpus: Corpus) -> dict:
    """jieba's accurate mode (what gongkai's tokenizer calls) alone over the corpus text, in
    corpus bytes per second: on one core, then with a process per core."""
    texts, size = _sample_texts(corpus)
    _initialise()
    started = time.perf_counter()
    for text in texts:
        _segment(text)
    one = time.perf_counter() - started
    cores = os.cpu_count() or 1
    with Pool(cores, initializer=_initialise) as pool:
        pool.map(_segment, ["预热"] * cores, chunksize=1)  # every worker has loaded jieba
        started = time.perf_counter()
        pool.map(_segment, sorted(texts, key=len, reverse=True), chunksize=1)  # long first
        every = time.perf_counter() - started
    return {
        "sample_mb": round(size / MB, 2),
        "cores": cores,
        "one_core_mb_per_s": round(size / MB / one, 3),
        "all_cores_mb_per_s": round(size / MB / every, 3),
    }


def _initialise() -> None:
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()


def _segment(text: str) -> int:
    """How many words jieba cuts ``text`` into (the count keeps results off the pipe)."""
    return len(jieba.lcut(text))


def _sample_texts(corpus: Corpus) -> tuple[list[str], int]:
    texts: list[str] = []
    size = 0
    for path in sorted(corpus.folder.rglob("*.*")):
        if size >= JIEBA_SAMPLE_BYTES:
            break
        texts.append(read_text(path))
        size += path.stat().st_size
    return texts, size
