"""`make bench`: gongkai and the stock baseline on one generated corpus, in one run.

Prints one table (figure | gongkai | stock | ratio) and writes every figure, the phase times and
the machine to ``bench/results/<scale>-<timestamp>.json``.

    python -m bench.run --scale small
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import psutil

from bench.generate import ensure_corpus
from bench.indexing import (
    gongkai_index_command,
    measure_indexing,
    measure_jieba,
    stock_index_command,
)
from bench.measure import MB
from bench.queries import Request
from bench.scales import SCALES, scale_dir
from bench.serving import (
    free_port,
    gongkai_server,
    measure_serving,
    stock_server,
    uncached_config,
)

T = TypeVar("T")

RESULTS = Path(__file__).resolve().parent / "results"
LOAD_SECONDS = {"tiny": 5.0, "small": 30.0, "medium": 30.0, "large": 30.0}

ROWS: tuple[tuple[str, str, str], ...] = (
    ("indexing time (s)", "indexing", "seconds"),
    ("indexing MB/s", "indexing", "mb_per_s"),
    ("indexing reports/s", "indexing", "reports_per_s"),
    ("reindex peak RSS, process tree (MB)", "indexing", "peak_rss_mb"),
    ("index on disk (MB)", "indexing", "index_mb"),
    ("index / corpus bytes", "indexing", "index_to_corpus"),
    ("time to first answer (s)", "serving", "first_answer_s"),
    ("query p50 (ms)", "serving", "p50_ms"),
    ("query p95 (ms)", "serving", "p95_ms"),
    ("query p99 (ms)", "serving", "p99_ms"),
    ("query errors", "serving", "query_errors"),
    ("8 clients: requests/s", "serving", "requests_per_s"),
    ("8 clients: p50 (ms)", "serving", "load_p50_ms"),
    ("8 clients: p99 (ms)", "serving", "load_p99_ms"),
    ("8 clients: errors", "serving", "load_errors"),
    ("server RSS after warm-up (MB)", "serving", "rss_after_warmup_mb"),
    ("server RSS under load (MB)", "serving", "rss_under_load_mb"),
)


def run(scale: str, results_dir: Path = RESULTS, stock: bool = True) -> tuple[dict, Path]:
    """Every figure of ``scale``; the result and the JSON file it was written to. Without
    ``stock`` only gongkai is measured (its own targets at large do not need the baseline,
    which would take most of the run there)."""
    work = scale_dir(scale)
    phases: dict[str, float] = {}
    corpus = _timed(phases, "generate", ensure_corpus, scale)
    engines: dict[str, dict] = {}
    builders = (("gongkai", gongkai_index_command), ("stock", stock_index_command))
    for name, command in builders if stock else builders[:1]:
        index_dir, log = work / f"{name}-index", work / f"{name}-index.log"
        args = (command(corpus, index_dir), corpus, index_dir, log)
        engines[name] = {"indexing": _timed(phases, f"index {name}", measure_indexing, *args)}
    jieba = _timed(phases, "jieba limit", measure_jieba, corpus)
    jieba["gongkai_share_of_all_cores"] = round(
        engines["gongkai"]["indexing"]["mb_per_s"] / jieba["all_cores_mb_per_s"], 3
    )
    uncached = uncached_config(work)
    servers = {
        "gongkai": (partial(gongkai_server, config=uncached), gongkai_server, Request.gongkai_url),
        "stock": (stock_server, stock_server, Request.stock_url),
    }
    for name, (server, load_server, url_of) in servers.items():
        if name not in engines:
            continue
        port, index_dir = free_port(), work / f"{name}-index"
        args = (server(index_dir, port), port, url_of, LOAD_SECONDS[scale])
        log, load = work / f"{name}-serve.log", load_server(index_dir, port)
        engines[name]["serving"] = _timed(
            phases, f"serve {name}", measure_serving, *args, log, load
        )
    result = {
        "scale": scale,
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "corpus": {
            "folder": str(corpus.folder),
            "files": corpus.files,
            "reports": corpus.reports,
            "mb": round(corpus.bytes / MB, 2),
        },
        **engines,
        "jieba": jieba,
        "phases_s": phases,
        "table": table(engines),
    }
    results_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = results_dir / f"{scale}-{stamp}.json"
    path.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return result, path


def _timed(phases: dict[str, float], name: str, step: Callable[..., T], *args: Any) -> T:
    """``step(*args)``, its duration recorded in ``phases`` and its start announced."""
    print(f"bench: {name}…", flush=True)
    started = time.perf_counter()
    value = step(*args)
    phases[name] = round(time.perf_counter() - started, 1)
    return value


def table(engines: dict[str, dict]) -> list[dict]:
    """The rows of the summary: figure, gongkai, stock, ratio (gongkai ÷ stock)."""
    rows = []
    for figure, phase, key in ROWS:
        ours = engines["gongkai"][phase][key]
        theirs = engines["stock"][phase][key] if "stock" in engines else None
        ratio = round(ours / theirs, 2) if theirs else None
        rows.append({"figure": figure, "gongkai": ours, "stock": theirs, "ratio": ratio})
    return rows


def markdown(result: dict) -> str:
    """The summary table as Markdown, with jieba's ceiling under it."""
    lines = ["| figure | gongkai | stock | gongkai ÷ stock |", "|---|---:|---:|---:|"]
    for row in result["table"]:
        ratio = "–" if row["ratio"] is None else f"{row['ratio']:g}×"
        stock = "–" if row["stock"] is None else f"{row['stock']:g}"
        lines.append(f"| {row['figure']} | {row['gongkai']:g} | {stock} | {ratio} |")
    jieba = result["jieba"]
    lines.append(
        f"| jieba alone MB/s, 1 core / {jieba['cores']} cores | "
        f"{jieba['one_core_mb_per_s']:g} / {jieba['all_cores_mb_per_s']:g} | | gongkai = "
        f"{jieba['gongkai_share_of_all_cores']:.0%} of all cores |"
    )
    return "\n".join(lines)


def machine() -> dict:
    """What the figures ran on."""
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "ram_gb": round(psutil.virtual_memory().total / 1e9, 1),
        "load_average_at_end": [round(load, 2) for load in os.getloadavg()],
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=SCALES, default="small")
    parser.add_argument(
        "--no-stock", action="store_true", help="measure gongkai only (no baseline)"
    )
    args = parser.parse_args(argv)
    result, path = run(args.scale, stock=not args.no_stock)
    corpus = result["corpus"]
    print(f"\n{result['scale']}: {corpus['reports']} reports, {corpus['mb']} MB, {path}\n")
    print(markdown(result))


if __name__ == "__main__":
    main()
