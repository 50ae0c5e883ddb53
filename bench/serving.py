"""Serving figures over HTTP: start-up, latency of first executions, throughput under load.

The server runs as a subprocess, exactly as a user starts it. Every request of the latency set
is distinct and sent once, and gongkai answers it with its caches of recent matches and postings
turned off (``search.cache_mb = 0``: the set holds each query alone and with filters, which the
cache would answer from the first), so no latency figure comes from a cache. The load phase
draws from a pool of other distinct requests, against a server with its default settings, as
users page and drill down.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.indexing import CONFIG, ROOT
from bench.measure import MB, TreeMemory, fetch, percentile, wait_for_answer
from bench.queries import Request, latency_requests, load_requests

CLIENTS = 8
PROBE = Request("年度报告")
"""The start-up probe: a real search that is in neither request set."""

UrlOf = Callable[[Request, str], str]


def gongkai_server(index_dir: Path, port: int, config: Path = CONFIG) -> list[str]:
    """``gongkai serve`` with the repository's settings (or ``config``), on the bench index."""
    gongkai = str(Path(sys.executable).with_name("gongkai"))
    options = ["--config", str(config), "--index", str(index_dir), "--port", str(port)]
    return [gongkai, "serve", "--host", "127.0.0.1", *options]


def uncached_config(folder: Path) -> Path:
    """The repository's settings with gongkai's caches off, written into ``folder``."""
    text, count = re.subn(
        r"(?m)^cache_mb\s*=\s*\d+", "cache_mb = 0", CONFIG.read_text(encoding="utf-8")
    )
    if count != 1:
        raise RuntimeError(f"{CONFIG} sets no search.cache_mb to turn off")
    path = folder / "config-uncached.toml"
    path.write_text(text, encoding="utf-8")
    return path


def stock_server(index_dir: Path, port: int) -> list[str]:
    """The baseline's Flask app under waitress."""
    return [sys.executable, "-m", "bench.stock", "serve", str(index_dir), "--port", str(port)]


def free_port() -> int:
    """A port nothing listens on, so a run never meets a server left over from another."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def measure_serving(
    command: list[str],
    port: int,
    url_of: UrlOf,
    seconds: float,
    log: Path,
    load_command: list[str] | None = None,
) -> dict:
    """Start the server, then time its first answer and the latency set; then ``seconds`` of
    load, on a server started with ``load_command`` when it is another one."""
    base = f"http://127.0.0.1:{port}"
    with _server(command, log) as (server, started):
        first = wait_for_answer(url_of(PROBE, base), started)
        with TreeMemory(server.pid) as memory:
            latency = _latency(url_of, base)
            warm = memory.sample()
        if load_command is None or load_command == command:
            with TreeMemory(server.pid) as memory:
                load = _load(url_of, base, seconds)
    if load_command is not None and load_command != command:
        with _server(load_command, log.with_suffix(".load.log")) as (server, started):
            wait_for_answer(url_of(PROBE, base), started)
            with TreeMemory(server.pid) as memory:
                load = _load(url_of, base, seconds)
    return {
        "first_answer_s": round(first, 3),
        **latency,
        **load,
        "rss_after_warmup_mb": round(warm / MB, 1),
        "rss_under_load_mb": round(memory.peak / MB, 1),
    }


@contextmanager
def _server(command: list[str], log: Path) -> Iterator[tuple[subprocess.Popen, float]]:
    """A server process and when it was started; stopped at the end of the block."""
    started = time.perf_counter()
    with log.open("w") as output:
        server = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, cwd=ROOT)
    try:
        yield server, started
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _latency(url_of: UrlOf, base: str) -> dict:
    timed = []
    errors = 0
    for request in latency_requests():
        status, elapsed = fetch(url_of(request, base))
        errors += status != 200
        timed.append((elapsed, request))
    times = [elapsed for elapsed, _ in timed]
    slowest = sorted(timed, key=lambda pair: pair[0], reverse=True)[:5]
    return {
        "queries": len(timed),
        "query_errors": errors,
        "p50_ms": _ms(percentile(times, 50)),
        "p95_ms": _ms(percentile(times, 95)),
        "p99_ms": _ms(percentile(times, 99)),
        "slowest": [{"q": r.words, "filters": dict(r.filters), "ms": _ms(t)} for t, r in slowest],
    }


def _load(url_of: UrlOf, base: str, seconds: float) -> dict:
    """``CLIENTS`` threads take distinct requests from one pool until time is up."""
    requests = load_requests()
    pool = iter(requests)
    lock = threading.Lock()
    results: list[tuple[int, float]] = []
    deadline = time.perf_counter() + seconds

    def client() -> None:
        while time.perf_counter() < deadline:
            with lock:
                request = next(pool, None)
            if request is None:
                return
            outcome = fetch(url_of(request, base))
            with lock:
                results.append(outcome)

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    times = [t for _, t in results] or [0.0]
    return {
        "load_clients": CLIENTS,
        "load_seconds": round(elapsed, 2),
        "load_requests": len(results),
        "load_pool": len(requests),
        "requests_per_s": round(len(results) / elapsed, 2),
        "load_p50_ms": _ms(percentile(times, 50)),
        "load_p99_ms": _ms(percentile(times, 99)),
        "load_errors": sum(status != 200 for status, _ in results),
    }


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)
