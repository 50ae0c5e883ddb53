"""``gongkai stats``: what the served index holds, how old it is, and what its last run rejected."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from indexer.cli.options import config_option, index_option, settings_from
from indexer.models import Skipped
from indexer.reindex.manifest import ManifestError, read_manifest
from indexer.reindex.summary import skipped_lines, summary_to_dict
from indexer.search.facets import FACETS
from indexer.search.serialise import facet_value_to_dict
from indexer.search.service import IndexStats, NoIndexError, SearchService

FACET_VALUES_SHOWN = 12


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the statistics as JSON.")
@config_option
@index_option
def stats(as_json: bool, config_path: Path | None, index_path: Path | None) -> None:
    """Reports, sections, facet counts, unclassified share, index size and age, rejected files."""
    settings = settings_from(config_path, index_path)
    service = SearchService(settings)
    try:
        counts = service.stats()
    except NoIndexError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        service.close()
    data = stats_to_dict(counts)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(format_stats(data))


def stats_to_dict(counts: IndexStats) -> dict[str, Any]:
    """The JSON form: counts, facets, size and age of the generation, the last run."""
    try:
        manifest = read_manifest(counts.generation)
    except ManifestError:
        manifest = None
    created = manifest.created if manifest else None
    return {
        "index": str(counts.generation.parent.parent),
        "generation": counts.generation.name,
        "created": created,
        "age_seconds": _age_seconds(created),
        "size_bytes": sum(p.stat().st_size for p in counts.generation.rglob("*") if p.is_file()),
        "reports": counts.reports,
        "sections": counts.sections,
        "unclassified_share": round(counts.unclassified, 4),
        "facets": {
            key: [facet_value_to_dict(value) for value in values]
            for key, values in counts.facets.items()
        },
        "last_run": summary_to_dict(manifest.last_run) if manifest else None,
    }


def format_stats(data: dict[str, Any]) -> str:
    """The human-readable form of :func:`stats_to_dict`."""
    age = data["age_seconds"]
    lines = [
        f"index:      {data['index']} (generation {data['generation']})",
        f"built:      {data['created'] or 'unknown'}"
        + (f" ({_humane_age(age)} ago)" if age is not None else ""),
        f"size:       {data['size_bytes'] / 1_048_576:.1f} MiB",
        f"reports:    {data['reports']:,}",
        f"sections:   {data['sections']:,} ({data['unclassified_share']:.1%} unclassified)",
    ]
    for facet in FACETS:
        values = data["facets"].get(facet.id, [])
        shown = " · ".join(f"{v['label']} {v['count']:,}" for v in values[:FACET_VALUES_SHOWN])
        hidden = len(values) - FACET_VALUES_SHOWN
        more = f" · … {hidden} more" if hidden > 0 else ""
        lines.append(f"{facet.label}: {shown}{more}")
    run = data["last_run"]
    if run:
        lines.append(
            f"last run:   {run['started']} · {run['files_seen']:,} files · "
            f"{len(run['rejected'])} rejected"
        )
        lines.extend(f"  {r['source']}: {r['error']}" for r in run["rejected"])
        lines.extend(
            skipped_lines(tuple(Skipped(s["source"], s["type"]) for s in run.get("skipped", ())))
        )
    return "\n".join(lines)


def _age_seconds(created: str | None) -> int | None:
    if not created:
        return None
    try:
        moment = datetime.fromisoformat(created)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0, int((datetime.now(UTC) - moment).total_seconds()))


def _humane_age(seconds: int) -> str:
    for unit, size in (("d", 86_400), ("h", 3_600), ("min", 60)):
        if seconds >= size:
            return f"{seconds // size} {unit}"
    return f"{seconds} s"
