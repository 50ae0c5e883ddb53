"""``gongkai serve``'s server under hostile clients: a client trickling its request (slowloris)
is cut off once its request is overdue, even when such clients fill every connection, while a
normal client is served; a streamed answer to HEAD has no body. The bounds are generous; only
the order of events is asserted."""

from __future__ import annotations

import select
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

from waitress import wasyncore

from indexer.config import ServerSettings
from webui.serving import create_server

PATIENCE = 60.0  # seconds: far beyond any deadline below, so a slow machine never fails a test


def hello(environ: dict[str, Any], start_response: Any) -> Iterator[bytes]:
    """A streamed answer (no Content-Length), as the CSV export's."""
    start_response("200 OK", [("Content-Type", "text/plain")])
    yield b"hello"


@contextmanager
def serving(settings: ServerSettings) -> Iterator[int]:
    """The server on a free port of 127.0.0.1, run in a thread; yields the port."""
    server: Any = create_server(hello, settings, "127.0.0.1", 0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield server.effective_port
    finally:
        server.task_dispatcher.shutdown()
        wasyncore.close_all(server._map)
        thread.join(PATIENCE)


@contextmanager
def slow_client(port: int) -> Iterator[socket.socket]:
    """A connection that has sent the start of a request and no more."""
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\n")
    try:
        yield sock
    finally:
        sock.close()


def trickle_until_closed(sock: socket.socket) -> float:
    """Send a header line every 0.2 s until the server closes the connection; the seconds it
    took (fails after :data:`PATIENCE`)."""
    start = time.monotonic()
    while time.monotonic() - start < PATIENCE:
        try:
            sock.sendall(b"X-Slow: 1\r\n")
            readable, _, _ = select.select([sock], [], [], 0.2)
            if readable and not sock.recv(4096):
                return time.monotonic() - start
        except (BrokenPipeError, ConnectionResetError):
            return time.monotonic() - start
    raise AssertionError(f"the server kept a trickling client for {PATIENCE:g} s")


def get(port: int) -> bytes:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=PATIENCE) as response:
        return response.read()


def test_a_trickling_client_is_cut_off_after_the_request_timeout_and_others_are_served() -> None:
    settings = ServerSettings(request_timeout=1, channel_timeout=600)
    with serving(settings) as port, slow_client(port) as slow:
        assert get(port) == b"hello"  # served while the slow client trickles
        waited = trickle_until_closed(slow)
        assert waited >= 0.5  # its earlier lines were accepted: cut off for being slow, not at once
        assert get(port) == b"hello"


def test_a_connection_that_sends_nothing_is_cut_off_after_the_request_timeout() -> None:
    settings = ServerSettings(request_timeout=1, channel_timeout=600)
    with serving(settings) as port, socket.create_connection(("127.0.0.1", port)) as silent:
        silent.settimeout(PATIENCE)
        assert silent.recv(4096) == b""  # closed by the server, long before the idle timeout


def test_slow_clients_filling_every_connection_do_not_lock_others_out() -> None:
    settings = ServerSettings(request_timeout=1, channel_timeout=600, connection_limit=4)
    with serving(settings) as port, ExitStack() as stack:
        slow = [stack.enter_context(slow_client(port)) for _ in range(4)]
        answer: list[bytes] = []
        waiting = threading.Thread(target=lambda: answer.append(get(port)))
        waiting.start()
        for sock in slow:
            trickle_until_closed(sock)
        waiting.join(PATIENCE)
        assert answer == [b"hello"]


def test_a_streamed_answer_to_head_has_no_body() -> None:
    with serving(ServerSettings()) as port, socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(b"HEAD / HTTP/1.1\r\nHost: localhost\r\n\r\n")
        sock.settimeout(PATIENCE)
        received = b""
        while chunk := sock.recv(4096):  # the server closes the connection after HEAD
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200")
    assert b"chunked" not in head.lower()
    assert body == b""
