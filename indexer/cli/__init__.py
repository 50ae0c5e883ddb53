"""The ``gongkai`` command line: a thin click layer over the library.

Each command lives in its own module; library errors become one clear line
(``click.ClickException``), the work itself lives in the modules the commands call.
"""

from __future__ import annotations

from importlib.metadata import entry_points

import click

from indexer.cli.figures import figures
from indexer.cli.inspect import inspect
from indexer.cli.reindex import reindex
from indexer.cli.search import search
from indexer.cli.stats import stats

PLUGINS = "gongkai.commands"


class PluginGroup(click.Group):
    """Also offers the commands other packages declare in the "gongkai.commands" entry-point
    group (``gongkai serve`` comes from the web UI, which imports the indexer, never the
    reverse), each loaded only when asked for, so it may import this package freely."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        extra = (entry.name for entry in entry_points(group=PLUGINS))
        return sorted({*super().list_commands(ctx), *extra})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        found = super().get_command(ctx, name)
        if found is not None:
            return found
        entry = next((e for e in entry_points(group=PLUGINS) if e.name == name), None)
        return entry.load() if entry else None


@click.group(cls=PluginGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="gongkai")
def main() -> None:
    """gongkai (公开): search China's government information-disclosure reports."""


main.add_command(figures)
main.add_command(inspect)
main.add_command(reindex)
main.add_command(search)
main.add_command(stats)
