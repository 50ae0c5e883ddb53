"""The HTTP server under ``gongkai serve``: waitress, with the limits a hostile network needs.

waitress closes a connection only after ``channel_timeout`` seconds without a byte, so a client
sending its request a header line every few seconds (slowloris) keeps its connection for ever,
and ``connection_limit`` such clients lock everyone else out. Here a request must also arrive
whole within ``request_timeout`` seconds of its first byte (or of the connection opening), and
the connection limit is higher (the poll loop has no 1,024-socket ceiling). Requests carry no
body here, and a URL that asks for more than the search limits allow is refused anyway, so both
are capped far below waitress's defaults. A response to ``HEAD`` has no body at all (waitress 3
ends a streamed one with an empty chunk, which the client reads as the start of the next
response). Per-client limits are a reverse proxy's job (see the README).
"""

from __future__ import annotations

import resource
import time
from typing import Any, Protocol

from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.server import MultiSocketServer, TcpWSGIServer
from waitress.task import ThreadedTaskDispatcher, WSGITask

from indexer.config import ServerSettings

MAX_HEADER_BYTES = 64 * 1024
"""The request line and headers; the longest URL the search limits accept is a fraction."""
MAX_BODY_BYTES = 64 * 1024
"""Nothing here takes a body; waitress would otherwise buffer up to 1 GB of one to disk."""
SPARE_FILES = 64
"""Descriptors beyond the connections: the index's files, the listening socket, logs."""
PROXY_HEADERS = frozenset({"x-forwarded-for", "x-forwarded-host", "x-forwarded-proto"})


class LimitError(Exception):
    """The system does not allow what the server settings ask for; the message says what to do."""


class Server(Protocol):
    """What :func:`create_server` returns: run it, and it serves until the process stops."""

    def run(self) -> None: ...


def adjustments(settings: ServerSettings, host: str, port: int) -> dict[str, Any]:
    """waitress's settings for ``gongkai serve`` (host and port as chosen on the command line).

    >>> options = adjustments(ServerSettings(), "127.0.0.1", 5000)
    >>> options["connection_limit"], options["channel_timeout"], options["cleanup_interval"]
    (500, 30, 1)
    """
    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "threads": settings.threads,
        "connection_limit": settings.connection_limit,
        "channel_timeout": settings.channel_timeout,
        "cleanup_interval": 1,  # the deadlines below are checked once a second
        "asyncore_use_poll": True,  # select() cannot watch more than 1,024 sockets
        "max_request_header_size": MAX_HEADER_BYTES,
        "max_request_body_size": MAX_BODY_BYTES,
        "ident": "gongkai",
    }
    if settings.trusted_proxy:
        options |= {
            "trusted_proxy": settings.trusted_proxy,
            "trusted_proxy_headers": PROXY_HEADERS,
            "clear_untrusted_proxy_headers": True,
        }
    return options


class HeadTask(WSGITask):
    """waitress's task for one request, sending no body (not even an empty chunk) for HEAD."""

    @property
    def has_body(self) -> bool:
        return self.request.command != "HEAD" and super().has_body


class DeadlineChannel(HTTPChannel):
    """A connection that remembers when the request it is receiving began to arrive (a new
    connection's clock starts when it opens: sending nothing is no way round the deadline)."""

    task_class = HeadTask

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.request_began: float | None = time.monotonic()

    def received(self, data: bytes) -> bool:
        fresh = self.request is None
        result = super().received(data)
        if self.request is None:
            self.request_began = None
        elif fresh or self.request_began is None:
            self.request_began = time.monotonic()
        return result


class DeadlineServer(TcpWSGIServer):
    """waitress's TCP server closing connections whose request is not whole in time."""

    channel_class = DeadlineChannel
    request_timeout: float = 20.0

    def maintenance(self, now: float) -> None:
        super().maintenance(now)
        cutoff = time.monotonic() - self.request_timeout
        for channel in list(self.active_channels.values()):
            began = channel.request_began
            if not channel.requests and began is not None and began < cutoff:
                channel.will_close = True


def create_server(app: Any, settings: ServerSettings, host: str, port: int) -> Server:
    """A server for ``app`` listening on every address ``host`` names (see the module
    docstring); raises :class:`OSError` when it cannot listen, :class:`LimitError` when the
    system allows fewer open files than the connection limit needs."""
    adj = Adjustments(**adjustments(settings, host, port))
    allow_descriptors(settings.connection_limit + SPARE_FILES)
    dispatcher = ThreadedTaskDispatcher()
    dispatcher.set_thread_count(adj.threads)
    sockets: dict[int, Any] = {}
    servers = []
    for sockinfo in adj.listen:
        server = DeadlineServer(app, sockets, dispatcher=dispatcher, adj=adj, sockinfo=sockinfo)
        server.request_timeout = settings.request_timeout
        servers.append(server)
    if len(servers) == 1:
        return servers[0]
    listening = [(server.effective_host, server.effective_port) for server in servers]
    return MultiSocketServer(sockets, adj, listening, dispatcher, servers[0].log_info)


def allow_descriptors(needed: int) -> None:
    """Raise this process's limit on open files to ``needed`` when it is lower (up to the hard
    limit); raises :class:`LimitError` when the hard limit is lower still."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < needed:
        if hard != resource.RLIM_INFINITY and hard < needed:
            raise LimitError(
                f"{needed} open files are needed for server.connection_limit, the system "
                f"allows {hard}: lower server.connection_limit or raise `ulimit -Hn`"
            )
        resource.setrlimit(resource.RLIMIT_NOFILE, (needed, hard))
