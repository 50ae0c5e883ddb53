"""``gongkai search``: query the index from the command line, as the web UI does."""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable
from pathlib import Path

import click

from indexer.cli.options import config_option, index_option, settings_from
from indexer.search.facets import FACETS
from indexer.search.params import parse_params
from indexer.search.serialise import results_to_dict
from indexer.search.service import NoIndexError, SearchService
from indexer.search.types import Hit, QueryError, SearchResults, Snippet
from indexer.vocabulary import KINDS

FACET_VALUES_SHOWN = 10

Marker = Callable[[str], str]


@click.command()
@click.argument("query", nargs=-1)
@click.option("--region", multiple=True, help="A region at any level (repeatable).")
@click.option("--province", multiple=True, help="A province (repeatable).")
@click.option("--prefecture", multiple=True, help="A prefecture (repeatable).")
@click.option("--county", multiple=True, help="A county (repeatable).")
@click.option("--year", multiple=True, help="2018, 2015..2019 or 未知 (repeatable).")
@click.option("--section", multiple=True, help="A section type, id or label (repeatable).")
@click.option("--kind", multiple=True, help="A report kind, id or label (repeatable).")
@click.option("--sort", help="relevance (default), newest, oldest or region.")
@click.option("--page", help="Page number (default 1).")
@click.option("--size", help="Hits per page (default: search.page_size).")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
@config_option
@index_option
def search(
    query: tuple[str, ...],
    as_json: bool,
    config_path: Path | None,
    index_path: Path | None,
    **filters: tuple[str, ...] | str | None,
) -> None:
    """Search the index for QUERY: words are AND-ed; OR, NOT or -word, "a phrase",
    parentheses, region: year: section: kind: title: filter. Without QUERY, list sections."""
    settings = settings_from(config_path, index_path)
    params = {key: value for key, value in filters.items() if value}
    service = SearchService(settings)
    try:
        results = service.search(parse_params({"q": " ".join(query), **params}, settings))
    except (QueryError, NoIndexError) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        service.close()
    if as_json:
        click.echo(json.dumps(results_to_dict(results), ensure_ascii=False, indent=2))
        return
    for warning in results.warnings:
        click.echo(f"提示：{warning}", err=True)
    bold = sys.stdout.isatty()
    click.echo(format_results(results, settings.taxonomy.label, _bold if bold else _brackets))


def format_results(
    results: SearchResults, section_label: Callable[[str], str], mark: Marker
) -> str:
    """The results as text: a summary line, the hits with their snippets, the facet counts."""
    request = results.request
    pages = max(1, math.ceil(results.total / request.page_size))
    what = f"match {request.query!r}" if request.query else "listed"
    lines = [
        f"{results.total} sections {what} · page {request.page} of {pages} · "
        f"{results.elapsed:.3f} s"
    ]
    first = (request.page - 1) * request.page_size
    for number, hit in enumerate(results.hits, start=first + 1):
        lines.extend(["", *_hit_lines(number, hit, section_label, mark)])
    lines.extend(["", "Facets:"])
    for facet in FACETS:
        values = results.facets.get(facet.id, ())
        shown = [
            f"{'*' if value.selected else ''}{value.label}"
            f"{f'（{value.parent}）' if value.parent else ''} {value.count}"
            for value in values[:FACET_VALUES_SHOWN]
        ]
        more = (
            f" (+{len(values) - FACET_VALUES_SHOWN} more)"
            if len(values) > FACET_VALUES_SHOWN
            else ""
        )
        lines.append(f"  {facet.label}: {' · '.join(shown) or '—'}{more}")
    return "\n".join(lines)


def _hit_lines(
    number: int, hit: Hit, section_label: Callable[[str], str], mark: Marker
) -> list[str]:
    where = " ".join(hit.region.path) if hit.region and hit.region.path else "地区未知"
    section = " / ".join(hit.section.heading_path) or "（前言）"
    score = f" · score {hit.score:.2f}" if hit.score is not None else ""
    details = [where, str(hit.year or "年份未知"), KINDS.get(hit.kind, hit.kind)]
    lines = [
        f"{number:>3}. {hit.title}",
        f"     {' · '.join(details)} · {hit.report_id}",
        f"     {section} [{section_label(hit.section.type)}]{score}",
    ]
    lines.extend(f"     {_snippet(snippet, mark)}" for snippet in hit.snippets)
    return lines


def _snippet(snippet: Snippet, mark: Marker) -> str:
    return "".join(mark(fragment.text) if fragment.hit else fragment.text for fragment in snippet)


def _bold(text: str) -> str:
    return click.style(text, bold=True)


def _brackets(text: str) -> str:
    return f"【{text}】"
