"""A live gongkai for a browser: an index of the sample corpus built by ``gongkai reindex``,
``gongkai serve`` (waitress) on a free local port, and Debian's chromium launched the one way
that works offline. Shared by the end-to-end tests and ``scripts/screenshot.py``; no pytest here.

Both commands run as subprocesses, exactly as a person runs them, so the tests cover the CLI,
the WSGI server and the app together.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, Playwright

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "config.toml"
SAMPLE_DIR = ROOT / "data" / "sample"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_MISSING = "chromium missing: run make browser"

CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
"""No sandbox (containers, root), and nothing that phones home: the machines are offline."""

SERVER_START_SECONDS = 60.0


class LiveServerError(RuntimeError):
    """A gongkai command failed, or the server did not answer in time."""


def launch_chromium(playwright: Playwright) -> Browser:
    """Debian's chromium, headless; Playwright never downloads a browser here."""
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS), headless=True
    )


def gongkai(*args: str, config: Path = CONFIG) -> list[str]:
    """The command line running ``gongkai`` with this interpreter and the repository's settings
    (or those of ``config``)."""
    return [sys.executable, "-m", "indexer", *args, "--config", str(config)]


def build_sample_index(index: Path) -> Path:
    """Index the sample corpus into ``index`` with ``gongkai reindex``; return ``index``."""
    command = gongkai("reindex", "--index", str(index), "--corpus", str(SAMPLE_DIR))
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise LiveServerError(f"gongkai reindex failed ({done.returncode}):\n{done.stderr}")
    return index


def free_port() -> int:
    """A port nobody listens on right now (the OS picks it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    """Return once ``url`` answers; fail with the server's log if it exits or stays silent."""
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise LiveServerError(f"gongkai serve exited ({server.returncode}):\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # an error page (503 without an index) is an answer too
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    raise LiveServerError(f"gongkai serve did not answer {url}:\n{log.read_text()}")


@contextmanager
def serving(index: Path, log: Path, config: Path = CONFIG) -> Iterator[str]:
    """Run ``gongkai serve`` over ``index`` on a free port (with the settings of ``config``),
    logging to ``log``; yield its base URL (no trailing slash) and stop the server on exit."""
    port = free_port()
    command = gongkai(
        "serve", "--index", str(index), "--host", "127.0.0.1", "--port", str(port), config=config
    )
    base = f"http://127.0.0.1:{port}"
    with log.open("wb") as output:
        server = subprocess.Popen(command, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)
        try:
            wait_until_up(f"{base}/", server, log)
            yield base
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
