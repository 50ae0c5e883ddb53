"""``gongkai serve`` (waitress, as deployed) under load on 127.0.0.1: searches, browsing, report
pages and CSV exports from several clients at once, with slow clients trickling requests and
reading answers slowly, get no 5xx and no dropped connection; and searches running while
``gongkai reindex --full`` switches generations again and again all succeed, each with the same
answer. The load is a fixed number of requests, so the test's time is bounded, not its rate."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote, urlsplit

import psutil
import pytest

from ..conftest import ROOT, SAMPLE_DIR
from ..e2e.live import CONFIG, build_sample_index, gongkai, serving
from .measure import TreePeak, megabytes

CLIENTS = 8
ROUNDS = 40  # the list of pages is walked this many times, by all clients together
REQUEST_TIMEOUT = 2  # seconds: slow clients are cut off and come back many times
SLOW_CLIENTS = 20
SWITCHES = 5
TIMEOUT = 60.0  # seconds for one answer: far beyond any, so a slow machine fails nothing


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_index(tmp_path_factory.mktemp("load") / "index")


@pytest.fixture(scope="module")
def server(index: Path) -> Iterator[str]:
    """``gongkai serve`` with the repository's settings, but a request deadline short enough
    for slow clients to be cut off several times during the test."""
    config = index.parent / "config.toml"
    settings = CONFIG.read_text(encoding="utf-8")
    assert "request_timeout = 20" in settings
    config.write_text(
        settings.replace("request_timeout = 20", f"request_timeout = {REQUEST_TIMEOUT}"),
        encoding="utf-8",
    )
    with serving(index, index.parent / "serve.log", config) as base:
        yield base


def fetch(url: str) -> tuple[int, bytes]:
    """The status and body of ``url`` (an error status is an answer too)."""
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def pages(base: str) -> list[str]:
    """What people do: search, narrow, page, browse, read reports, export, call the API."""
    _, body = fetch(f"{base}/api/search?q={quote('公开')}&size=20")
    reports = sorted({hit["report_id"] for hit in json.loads(body)["hits"]})
    words = [
        "政务公开",
        "依申请公开",
        '"政府信息公开"',
        "行政复议 OR 行政诉讼",
        "公开 -收费",
        "(公开",
    ]
    return [
        f"{base}/",
        *(f"{base}/search?q={quote(word)}" for word in words),
        f"{base}/search?q={quote('公开')}&page=2&sort=newest",
        f"{base}/search?province={quote('浙江省')}&year=2015..2019",
        f"{base}/search?section=on_request&kind=annual_report",
        *(f"{base}/reports/{rid}?q={quote('公开')}" for rid in reports[:4]),
        f"{base}/api/search?q={quote('政务公开')}&size=50",
        f"{base}/api/facets?q={quote('公开')}",
        f"{base}/api/stats",
        f"{base}/search.csv?q={quote('公开')}",
        f"{base}/search?year=never",  # a 400 is a fine answer; a 5xx is not
        f"{base}/reports/none",
    ]


@contextlib.contextmanager
def slow_clients(base: str, count: int) -> Iterator[list[int]]:
    """``count`` clients trickling a request a header line at a time for as long as the block
    runs, and until each was cut off at least once (each comes back when cut off); yields the
    list of cut-offs, one item each."""
    address = urlsplit(base)
    stop, cuts = threading.Event(), []

    def trickle() -> None:
        while not stop.is_set():
            with socket.create_connection((address.hostname, address.port)) as sock:
                try:
                    sock.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\n")
                    while not stop.wait(0.5):
                        sock.sendall(b"X-Slow: 1\r\n")
                except OSError:
                    cuts.append(1)

    threads = [threading.Thread(target=trickle, daemon=True) for _ in range(count)]
    for thread in threads:
        thread.start()
    try:
        yield cuts
    finally:
        deadline = time.monotonic() + TIMEOUT
        while len(cuts) < count and time.monotonic() < deadline:
            time.sleep(0.1)
        stop.set()
        for thread in threads:
            thread.join(TIMEOUT)


def slow_reader(url: str) -> int:
    """Read an export 4 KB at a time with pauses; the status."""
    with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
        while response.read(4096):
            time.sleep(0.01)
        return response.status


def server_pid(base: str) -> int:
    port = urlsplit(base).port
    for connection in psutil.net_connections("tcp"):
        if connection.laddr.port == port and connection.status == psutil.CONN_LISTEN:
            return connection.pid
    raise AssertionError(f"nobody listens on port {port}")


def test_load_with_slow_clients_gets_no_5xx(server: str) -> None:
    urls = pages(server) * ROUNDS
    started = time.monotonic()
    with (
        TreePeak(server_pid(server)) as peak,
        slow_clients(server, SLOW_CLIENTS) as cut,
        ThreadPoolExecutor(CLIENTS + 2) as pool,
    ):
        readers = [pool.submit(slow_reader, f"{server}/search.csv") for _ in range(2)]
        statuses = Counter(status for status, _ in pool.map(fetch, urls))
        assert [reader.result() for reader in readers] == [200, 200]
    seconds = time.monotonic() - started
    assert not [status for status in statuses if status >= 500], statuses
    assert statuses[200] >= len(urls) * 0.8
    assert len(cut) >= SLOW_CLIENTS  # every slow client was cut off, and came back
    print(
        f"\nload: {sum(statuses.values()) + 2} requests in {seconds:.0f} s "
        f"({dict(sorted(statuses.items()))}), {SLOW_CLIENTS} slow clients cut off {len(cut)} "
        f"times, server peak memory {megabytes(peak.bytes)}"
    )


def test_searches_during_generation_switches_all_succeed(server: str, index: Path) -> None:
    url = f"{server}/api/search?q={quote('政务公开')}&size=5"
    expected = json.loads(fetch(url)[1])["total"]
    stop, answers, failures = threading.Event(), Counter(), []

    def search() -> None:
        while not stop.is_set():
            status, body = fetch(url)
            if status != 200 or json.loads(body)["total"] != expected:
                failures.append((status, body[:200]))
            answers[status] += 1

    threads = [threading.Thread(target=search) for _ in range(2)]
    for thread in threads:
        thread.start()
    try:
        for _ in range(SWITCHES):
            command = gongkai(
                "reindex", "--full", "--index", str(index), "--corpus", str(SAMPLE_DIR)
            )
            done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
            assert done.returncode == 0, done.stderr
    finally:
        stop.set()
        for thread in threads:
            thread.join(TIMEOUT)
    assert not failures
    print(f"\nswitches: {SWITCHES} generation switches, {answers[200]} searches, 0 failures")
