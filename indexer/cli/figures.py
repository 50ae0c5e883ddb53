"""``gongkai figures``: one figure or rate of the statistics tables as a grid of places × years,
or (``--export``) every figure of every report, a row per report and a column per cell id."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

from indexer.cli.options import config_option, index_option, settings_from
from indexer.search.service import NoIndexError
from indexer.serialise import grid_to_dict
from indexer.statistics import show_number
from indexer.statistics.grid import (
    Grid,
    export_header,
    export_rows,
    grid,
    measure,
    measures,
)
from indexer.statistics.served import served_records

MISSING = "·"


@click.command()
@click.option(
    "--figure",
    "measure_id",
    default="requests_new",
    show_default=True,
    type=click.Choice([m.id for m in measures()]),
    help="The figure or rate to show.",
)
@click.option("--in", "parent", default="", help="Places inside a region: 江苏省, 江苏省/淮安市.")
@click.option("--export", type=click.Choice(["csv", "json"]), help="Every report's cells instead.")
@click.option("--json", "as_json", is_flag=True, help="Print the grid as JSON.")
@config_option
@index_option
def figures(
    measure_id: str,
    parent: str,
    export: str | None,
    as_json: bool,
    config_path: Path | None,
    index_path: Path | None,
) -> None:
    """Figures of the statistics tables across places and years (· where no report gives one)."""
    settings = settings_from(config_path, index_path)
    try:
        found = served_records(settings.index_path)
    except NoIndexError as exc:
        raise click.ClickException(str(exc)) from exc
    if export:
        header = export_header(found)
        rows = export_rows(found, header)
        if export == "json":
            data = [dict(zip(header, row, strict=True)) for row in rows]
            click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            writer = csv.writer(sys.stdout, lineterminator="\n")
            writer.writerows([header, *rows])
        return
    wanted = measure(measure_id)
    assert wanted is not None  # click checked the choice
    shown = grid(found, wanted, [p for p in parent.split("/") if p])
    if as_json:
        click.echo(json.dumps(grid_to_dict(shown), ensure_ascii=False, indent=2))
    else:
        click.echo(format_grid(shown))


def format_grid(shown: Grid) -> str:
    """The grid as aligned text: a line per place, then the totals and medians."""
    head = [shown.measure.label, *map(str, shown.years)]
    lines = [[row.place, *(_cell(cell.value) for cell in row.cells)] for row in shown.rows]
    lines.append(["合计", *map(_cell, shown.totals)])
    lines.append(["中位数", *map(_cell, shown.medians)])
    widths = [max(_width(line[i]) for line in [head, *lines]) for i in range(len(head))]
    return "\n".join(_padded(line, widths) for line in [head, *lines])


def _padded(line: list[str], widths: list[int]) -> str:
    cells = zip(line, widths, strict=True)
    return "  ".join(text + " " * (width - _width(text)) for text, width in cells).rstrip()


def _cell(value: float | int | None) -> str:
    return MISSING if value is None else show_number(value)


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal (CJK characters take two)."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
