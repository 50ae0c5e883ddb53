"""The reading pipeline: one file in, its reports out.

file bytes → text → cleaned display text → simplified twin → report spans → per report:
metadata and typed sections. Every step is a pure function in its own module; this module only
composes them, so the CLI, the indexer and the tests all see exactly the same reports.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from indexer.cleaning import clean_text
from indexer.metadata import describe
from indexer.models import Rejected, Report
from indexer.reading import ReadError, read_text
from indexer.script import detect_script, to_simplified
from indexer.structure import split_reports, split_sections
from indexer.structure.taxonomy import Taxonomy


def understand_text(raw: str, source: str, taxonomy: Taxonomy) -> list[Report]:
    """Turn a file's decoded text into its reports (usually one)."""
    text = clean_text(raw)
    simplified = to_simplified(text)
    script = detect_script(text, simplified)
    reports: list[Report] = []
    for ordinal, (start, end) in enumerate(split_reports(simplified)):
        body, body_simplified = text[start:end], simplified[start:end]
        meta = describe(body, body_simplified)
        reports.append(
            Report(
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
                sections=split_sections(body, body_simplified, taxonomy),
            )
        )
    return reports


def understand_file(path: Path, source: str, taxonomy: Taxonomy) -> list[Report]:
    """Read one file and return its reports; raises :class:`ReadError` when it cannot be read."""
    return understand_text(read_text(path), source, taxonomy)


def understand_files(
    paths: Iterable[tuple[Path, str]], taxonomy: Taxonomy
) -> Iterator[list[Report] | Rejected]:
    """Reports of each ``(path, source)`` in turn; an unreadable file yields :class:`Rejected`."""
    for path, source in paths:
        try:
            yield understand_file(path, source, taxonomy)
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
