"""The Whoosh schema: one document per section, carrying its report's metadata.

Text fields are fed the simplified twin of the section (``Report.simplified[start:end]``) and
store only term frequencies: matching, counting and ranking need no more. Phrases of bigrams are
checked, and hits marked, on the run strings (:mod:`indexer.analysis.runs`) kept in the columns
of :data:`RUN_COLUMNS`, read in place from the memory-mapped segment files; positions and
character offsets for every term would take several times the text's own size. Facet and sort
fields are reference columns only (one small code per document, read into arrays once per opened
index for filtering, counting and sorting).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from whoosh.columns import RefBytesColumn, VarBytesColumn
from whoosh.fields import COLUMN, ID, KEYWORD, STORED, TEXT, Schema
from whoosh.formats import Existence

from indexer.analysis.runs import encode_runs
from indexer.backends.whoosh.analysis import Counts, bigram_analyzer, word_analyzer
from indexer.models import Region, Report
from indexer.script import to_simplified
from indexer.search.facets import FACETS
from indexer.search.types import UNKNOWN_YEAR
from indexer.vocabulary import UNKNOWN_REGION

FACET_FIELDS: tuple[str, ...] = tuple(facet.id for facet in FACETS)
"""One column per facet, named like the facet."""

REGION_KEY = "region_key"
PUBLISHED = "published"
COLUMN_FIELDS: tuple[str, ...] = (*FACET_FIELDS, REGION_KEY, PUBLISHED)

LAYOUT = "gongkai-layout-7"
"""Names the layout of the Whoosh files (fields, formats, columns and their encodings); written
beside them as the file of that name. A reader meeting another layout (or none, an index older
than this marker) refuses it rather than misreading it. The engine's name carries it too, so the
next reindex over a generation of another layout rebuilds in full."""

RUN_COLUMNS: dict[str, str] = {"text_bigram": "text_runs", "title_bigram": "title_runs"}
"""The column holding the run string a bigram field's phrases are checked on."""

UNKNOWN = UNKNOWN_REGION
"""The value of a facet field when the report does not say (region levels and year)."""

_SHORT_NAME = re.compile(
    r"^(?P<short>.{2,}?)(?:(?:[^族]{1,5}族)*自治[区州县旗]|维吾尔自治区|特别行政区|地区|林区"
    r"|[省市县区盟旗])$"
)


def build_schema() -> Schema:
    """A fresh schema (each field gets its own analyzer and column objects)."""
    columns = {name: COLUMN(RefBytesColumn()) for name in COLUMN_FIELDS}
    runs = {name: COLUMN(VarBytesColumn()) for name in RUN_COLUMNS.values()}
    return Schema(
        report_id=ID(stored=True),
        position=STORED(),
        source=ID(),
        region=_existence(KEYWORD()),
        title=_counted(word_analyzer()),
        title_bigram=_counted(bigram_analyzer()),
        heading=_counted(word_analyzer()),
        text=_counted(word_analyzer()),
        text_bigram=_counted(bigram_analyzer()),
        **columns,
        **runs,
    )


def _existence(field: KEYWORD) -> KEYWORD:
    """A field whose postings say only which documents hold a term (no counts)."""
    field.format = Existence()
    return field


def _counted(analyzer: Any) -> TEXT:
    """A text field whose postings hold term counts only (see :class:`Counts`)."""
    field = TEXT(analyzer=analyzer, phrase=False)
    field.format = Counts()
    return field


def section_documents(report_id: str, report: Report) -> Iterator[dict[str, Any]]:
    """The Whoosh documents of one report: one per section, each with the report's metadata."""
    region = report.region or Region()
    columns = {
        "province": region.province or UNKNOWN,
        "prefecture": region.prefecture or UNKNOWN,
        "county": region.county or UNKNOWN,
        "year": str(report.year) if report.year else UNKNOWN_YEAR,
        "kind": report.kind,
        REGION_KEY: region_key(region),
        PUBLISHED: report.published.isoformat() if report.published else "",
    }
    title = to_simplified(report.title)
    common = {
        "report_id": report_id,
        "source": report.source,
        "title": title,
        "title_bigram": title,
        "title_runs": encode_runs(title),
        "region": " ".join(region_terms(region)),
    } | {name: value.encode("utf-8") for name, value in columns.items()}
    headings = {section.position: section.heading for section in report.sections}
    for section in report.sections:
        parent = headings.get(section.parent, "") if section.parent is not None else ""
        heading = to_simplified("\n".join(part for part in (parent, section.heading) if part))
        text = report.simplified[section.start : section.end]
        yield common | {
            "position": section.position,
            "section_type": section.type.encode("utf-8"),
            "heading": heading,
            "text": text,
            "text_bigram": text,
            "text_runs": encode_runs(text),
        }


def region_terms(region: Region) -> tuple[str, ...]:
    """What ``region:`` matches for a report: each level's name and its short form.

    >>> region_terms(Region("广西壮族自治区", "南宁市", "青秀区"))
    ('广西壮族自治区', '广西', '南宁市', '南宁', '青秀区', '青秀')
    """
    terms: list[str] = []
    for name in region.path:
        short = _SHORT_NAME.match(name)
        terms.extend([name, short["short"]] if short else [name])
    return tuple(dict.fromkeys(terms))


def region_key(region: Region) -> str:
    """A key ordering regions as the official division codes do (province, then prefecture,
    then county), names breaking ties; reports without a region come last.

    >>> sorted([region_key(Region("江苏省", code="320000")), region_key(Region())])
    ['320000|江苏省', '~']
    """
    if not region.path:
        return "~"
    return f"{region.code or '999999'}|{'|'.join(region.path)}"
