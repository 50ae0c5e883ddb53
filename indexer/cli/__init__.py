"""The ``gongkai`` command line: a thin click layer over the library.

Each command lives in its own module; library errors become one clear line
(``click.ClickException``), the work itself lives in the modules the commands call.
"""

from __future__ import annotations

import click

from indexer.cli.inspect import inspect
from indexer.cli.reindex import reindex
from indexer.cli.search import search


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="gongkai")
def main() -> None:
    """gongkai (公开): search China's government information-disclosure reports."""


main.add_command(inspect)
main.add_command(reindex)
main.add_command(search)
