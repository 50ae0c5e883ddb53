"""``gongkai inspect``: show exactly what the indexer sees in report files."""

from __future__ import annotations

import json
import sys
from itertools import chain
from pathlib import Path
from typing import Any

import click

from indexer.cli.options import config_option, settings_from
from indexer.models import Rejected
from indexer.pipeline import understand_files
from indexer.reading import SUPPORTED_SUFFIXES, ReadError, ReadOptions, list_folders
from indexer.serialise import format_outline, report_to_dict


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON array of all reports.")
@click.option("--ocr", is_flag=True, help="Read scanned PDFs with Tesseract OCR.")
@config_option
def inspect(files: tuple[Path, ...], as_json: bool, ocr: bool, config_path: Path | None) -> None:
    """Show the reports, metadata and typed sections in FILES (folders are searched).

    Exit code 1 when any file could not be read; the others are still printed.
    """
    settings = settings_from(config_path)
    paths: list[Path] = []
    refused: list[Rejected] = []  # links, FIFOs, devices found in folders: not read
    for item in files:
        if not item.is_dir():
            paths.append(item)
            continue
        try:
            listing = list_folders([item], follow_links=settings.follow_links)
        except ReadError as exc:
            raise click.ClickException(str(exc)) from exc
        paths.extend(path for path in listing.files if path.suffix.lower() in SUPPORTED_SUFFIXES)
        refused.extend(Rejected(str(path), reason) for path, reason in listing.refused)
    failed = False
    collected: list[dict[str, Any]] = []
    options = ReadOptions(ocr=ocr or settings.ocr)
    understood = understand_files(((p, str(p)) for p in paths), settings.taxonomy, options)
    for result in chain(refused, understood):
        if isinstance(result, Rejected):
            failed = True
            if as_json:
                collected.append({"source": result.source, "error": result.error})
            else:
                click.echo(f"{result.source}: cannot read: {result.error}", err=True)
            continue
        for report in result:
            if as_json:
                collected.append(report_to_dict(report))
            else:
                click.echo(format_outline(report, settings.taxonomy) + "\n")
    if as_json:
        click.echo(json.dumps(collected, ensure_ascii=False, indent=2))
    if failed:
        sys.exit(1)
