"""``gongkai reindex``: bring the index up to date with the corpus folders."""

from __future__ import annotations

import errno
import json
import sys
from pathlib import Path

import click

from indexer.cli.options import config_option, index_option, settings_from
from indexer.config import Settings
from indexer.reading import ReadOptions
from indexer.reindex.progress import progress_for
from indexer.reindex.run import ReindexError, ReindexOptions
from indexer.reindex.run import reindex as run_reindex
from indexer.reindex.summary import format_summary, summary_to_dict
from indexer.reindex.workers import FILE_TIMEOUT, default_workers
from indexer.search.backend import Engine

KEPT = "the index being served is unchanged"


@click.command()
@click.option("--full", is_flag=True, help="Rebuild everything instead of only what changed.")
@click.option(
    "--corpus",
    "corpus_paths",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Corpus folder to index (repeatable; default: corpus.paths from the settings). With "
    "several folders, file names in the index start with their folder's name.",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Also write the run's summary to this JSON file.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Processes reading files (default: one per CPU).",
)
@click.option(
    "--file-timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=FILE_TIMEOUT,
    metavar="SECONDS",
    help=f"Seconds one file may take to read before it is rejected (default: {FILE_TIMEOUT:g}).",
)
@click.option(
    "--ocr",
    is_flag=True,
    help="Read scanned PDFs with Tesseract OCR (slow; corpus.ocr in the settings does it always).",
)
@index_option
@config_option
def reindex(
    full: bool,
    corpus_paths: tuple[Path, ...],
    report_path: Path | None,
    workers: int | None,
    file_timeout: float,
    ocr: bool,
    index_path: Path | None,
    config_path: Path | None,
) -> None:
    """Index new, changed and deleted report files (everything with --full).

    The new index is built beside the one being served and replaces it only when complete.
    Exit code 0 when the run finished, even if some files were rejected (they are listed).
    """
    settings = settings_from(config_path, index_path)
    corpus = tuple(path.resolve() for path in corpus_paths) or settings.corpus_paths
    if report_path is not None and not report_path.resolve().parent.is_dir():
        raise click.ClickException(f"--report: no such folder {report_path.resolve().parent}")
    options = ReindexOptions(
        corpus,
        settings.index_path,
        settings.taxonomy,
        full,
        workers or default_workers(),
        file_timeout,
        ReadOptions(ocr=ocr or settings.ocr),
        settings.follow_links,
    )
    try:
        summary = run_reindex(options, default_engine(settings), progress_for(sys.stderr), _notify)
    except ReindexError as exc:
        raise click.ClickException(str(exc)) from exc
    except OSError as exc:
        raise click.ClickException(disk_error(exc, settings.index_path)) from exc
    except KeyboardInterrupt:
        click.echo(f"interrupted: {KEPT}", err=True)
        sys.exit(130)
    click.echo(format_summary(summary))
    if report_path is not None:
        text = json.dumps(summary_to_dict(summary), ensure_ascii=False, indent=2)
        try:
            report_path.write_text(text + "\n", encoding="utf-8")
        except OSError as exc:
            raise click.ClickException(f"cannot write {report_path}: {exc.strerror}") from exc


def default_engine(settings: Settings) -> Engine:
    """The engine new indexes are built with (it tokenises in one process per CPU); imported
    here so that commands which never index do not load Whoosh."""
    from indexer.backends.whoosh.engine import WhooshEngine

    return WhooshEngine(settings.search, settings.taxonomy)


def disk_error(exc: OSError, index: Path) -> str:
    """One line for a failure to write the index (full disk, lost permission, I/O error)."""
    if exc.errno == errno.ENOSPC:
        return f"the disk holding {index} is full; {KEPT} (free some space and run again)"
    where = f" ({exc.filename})" if exc.filename else ""
    return f"cannot write the index in {index}{where}: {exc.strerror or exc}; {KEPT}"


def _notify(line: str) -> None:
    click.echo(line, err=True)
