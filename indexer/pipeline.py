"""The reading pipeline: one file in, its reports out.

file bytes → text → cleaned display text → simplified twin → report spans → per report:
metadata, typed sections and the figures of its statistics tables. Every step is a pure function
in its own module; this module only composes them, so the CLI, the indexer and the tests all
see exactly the same reports.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from indexer.cleaning import clean_text
from indexer.metadata import describe
from indexer.models import Rejected, Report
from indexer.placement import place_tables, tables_of_report
from indexer.reading import Document, ReadError, ReadOptions, read_document
from indexer.script import detect_script, to_simplified
from indexer.statistics import read_statistics
from indexer.structure import split_reports, split_sections
from indexer.structure.taxonomy import Taxonomy


def understand_text(raw: str, source: str, taxonomy: Taxonomy) -> list[Report]:
    """Turn a file's decoded text into its reports (usually one)."""
    return understand_document(Document(raw), source, taxonomy)


def understand_document(document: Document, source: str, taxonomy: Taxonomy) -> list[Report]:
    """Turn what was read from a file into its reports (usually one), tables placed in them."""
    text = clean_text(document.text)
    simplified = to_simplified(text)
    script = detect_script(text, simplified)
    tables = place_tables(text, document.tables)
    reports: list[Report] = []
    for ordinal, (start, end) in enumerate(split_reports(simplified)):
        body, body_simplified = text[start:end], simplified[start:end]
        meta = describe(body, body_simplified)
        sections = split_sections(body, body_simplified, taxonomy)
        report = Report(
            source=source,
            ordinal=ordinal,
            title=meta.title or _fallback_title(reports, body, ordinal),
            region=meta.region,
            issuer=meta.issuer,
            year=meta.year,
            published=meta.published,
            kind=meta.kind,
            script=script,
            text=body,
            simplified=body_simplified,
            sections=sections,
            tables=tables_of_report(tables, start, end, sections),
            ocr=document.ocr,
            url=document.url,
        )
        reports.append(replace(report, statistics=read_statistics(report)))
    return reports


def understand_file(
    path: Path, source: str, taxonomy: Taxonomy, options: ReadOptions | None = None
) -> list[Report]:
    """Read one file and return its reports; raises :class:`ReadError` when it cannot be read."""
    return understand_document(read_document(path, options), source, taxonomy)


def understand_files(
    paths: Iterable[tuple[Path, str]], taxonomy: Taxonomy, options: ReadOptions | None = None
) -> Iterator[list[Report] | Rejected]:
    """Reports of each ``(path, source)`` in turn; an unreadable file yields :class:`Rejected`."""
    for path, source in paths:
        try:
            yield understand_file(path, source, taxonomy, options)
        except ReadError as exc:
            yield Rejected(source=source, error=str(exc))


_FALLBACK_TITLE_CHARS = 30


def _fallback_title(earlier: list[Report], body: str, ordinal: int) -> str:
    """A title for a report that has none: the file's first title with its number, else its start.

    Untitled reports are usually the later ones of a file that collects several (an essay site's
    "…工作总结6篇"); naming them after the collection keeps results recognisable.
    """
    if earlier:
        return f"{earlier[0].title}（第{ordinal + 1}篇）"
    first_line = next((line.strip() for line in body.splitlines() if line.strip()), "")
    if len(first_line) > _FALLBACK_TITLE_CHARS:
        return first_line[:_FALLBACK_TITLE_CHARS] + "…"
    return first_line or "（无标题）"
