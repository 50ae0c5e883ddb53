"""``gongkai serve``: the web UI under waitress, a production WSGI server.

Registered with the ``gongkai`` command through the ``gongkai.commands`` entry-point group, so
the indexer never imports the web UI.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import click

from indexer.analysis.segment import initialise
from indexer.cli.options import config_option, index_option, settings_from
from webui import create_app
from webui.serving import LimitError, create_server


@click.command()
@click.option("--host", help="Address to listen on (default: server.host in the settings).")
@click.option("--port", type=click.IntRange(1, 65535), help="Port (default: server.port).")
@click.option(
    "--threads",
    type=click.IntRange(1, 64),
    help="Requests served at once (default: server.threads).",
)
@config_option
@index_option
def serve(
    host: str | None,
    port: int | None,
    threads: int | None,
    config_path: Path | None,
    index_path: Path | None,
) -> None:
    """Serve the search pages and the JSON API over the index (reopened by itself when a
    reindex switches to a new one)."""
    settings = settings_from(config_path, index_path)
    server_settings = replace(settings.server, threads=threads or settings.server.threads)
    host = host or settings.server.host
    port = port or settings.server.port
    # Load jieba's dictionary now, not during the first search, beside the rest of start-up;
    # a search arriving before it is loaded waits for it (initialise holds a lock).
    threading.Thread(target=initialise, name="load-jieba", daemon=True).start()
    app = create_app({"GONGKAI_SETTINGS": settings})
    try:
        server = create_server(app, server_settings, host, port)
        click.echo(f"serving {settings.index_path} on http://{host}:{port}/ (Ctrl-C stops)")
        server.run()
    except LimitError as exc:
        raise click.ClickException(str(exc)) from exc
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror}") from exc
    finally:
        app.extensions["gongkai"].service.close()
