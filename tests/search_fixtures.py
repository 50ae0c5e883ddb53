"""What the search tests share: the sample corpus and crafted reports, a real index of them built
once per session, and oracles that answer from the reports themselves. No tests here.

Crafted reports hold what the samples lack: a phrase jieba cuts inside a longer word (生态环境 in
生态环境保护) beside its reversal (环境与生态), words near and apart (依申请 … 公开), and a section
far longer than Whoosh's 32K highlighting limit with a match at its end.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

import pytest

from indexer.analysis.normalise import fold
from indexer.backends.whoosh.engine import WhooshEngine
from indexer.config import Settings, load_settings
from indexer.ids import report_id
from indexer.models import Region, Report, Section
from indexer.pipeline import understand_file
from indexer.reading import find_report_files
from indexer.reindex.layout import new_generation, switch_to
from indexer.script import detect_script, to_simplified
from indexer.search.backend import Engine
from indexer.vocabulary import UNKNOWN_REGION

from .conftest import ROOT, SAMPLE_DIR

LONG_FILLER = "本节记录日常工作的一般情况，内容从略。\n"
LONG_NEEDLE = "年底举办龙舟竞渡活动。"
LONG_REPEAT = 2500  # 47,500 characters of filler before the needle

ENGINES = {"whoosh": lambda: WhooshEngine(procs=1)}
"""Every engine the contract and service tests run against."""


def crafted_report(
    source: str,
    title: str,
    sections: Sequence[tuple[str, str, str]],
    *,
    region: Region | None = None,
    year: int | None = None,
    kind: str = "annual_report",
    published: date | None = None,
    ordinal: int = 0,
) -> Report:
    """A report laid out as the pipeline lays one out: the title, then each ``(heading, type,
    body)`` (an empty heading is the preamble); a section runs from its heading to the next."""
    text, parts = "", []
    for position, (heading, type_, body) in enumerate(sections):
        start = len(text)
        text += f"{heading}\n{body}\n" if heading else f"{title}\n{body}\n"
        parts.append((heading, type_, body, start, len(text), position))
    built = tuple(
        Section(heading, 1 if heading else 0, type_, body, start, end, position)
        for heading, type_, body, start, end, position in parts
    )
    return Report(
        source=source,
        ordinal=ordinal,
        title=title,
        region=region,
        issuer=None,
        year=year,
        published=published,
        kind=kind,
        script=detect_script(text),
        text=text,
        simplified=to_simplified(text),
        sections=built,
    )


CRAFTED: tuple[Report, ...] = (
    crafted_report(
        "crafted/ecology.txt",
        "西湖区2016年政府信息公开工作年度报告",
        [
            ("", "preamble", "本报告依据条例编制。"),
            ("一、生态环境保护", "proactive", "全面加强生态环境保护信息公开，推进依申请公开工作。"),
            ("二、其他事项", "other_matters", "无。"),
        ],
        region=Region("浙江省", "杭州市", "西湖区", "330106"),
        year=2016,
        published=date(2017, 3, 1),
    ),
    crafted_report(
        "crafted/reversed.txt",
        "某县2016年政务公开工作总结",
        [("一、环境工作", "overview", "坚持环境与生态并重，依申请办理事项后再行公开。")],
        region=Region("浙江省", "杭州市", "淳安县", "330127"),
        year=2016,
        kind="work_summary",
        published=date(2017, 1, 5),
    ),
    crafted_report(
        "crafted/long.txt",
        "某市2015年政务公开工作总结",
        [("一、日常工作", "overview", LONG_FILLER * LONG_REPEAT + LONG_NEEDLE)],
        region=Region("浙江省", "宁波市", None, "330200"),
        year=2015,
        kind="work_summary",
    ),
)


@functools.cache
def repo_settings() -> Settings:
    return load_settings(ROOT / "config.toml")


@functools.cache
def corpus() -> tuple[tuple[str, Report], ...]:
    """Every report of the sample corpus and the crafted ones, with its id."""
    taxonomy = repo_settings().taxonomy
    reports: list[Report] = []
    for path in find_report_files([SAMPLE_DIR]):
        source = path.relative_to(SAMPLE_DIR).as_posix()
        reports.extend(understand_file(path, source, taxonomy))
    reports.extend(CRAFTED)
    return tuple((report_id(report.source, report.ordinal), report) for report in reports)


def build_index(root: Path, reports: Iterable[tuple[str, Report]], engine: Engine) -> Path:
    """Write ``reports`` into a new generation of the index at ``root`` and serve it."""
    generation = new_generation(root)
    writer = engine.create_writer(generation, None)
    writer.add_reports(reports)
    writer.commit()
    switch_to(root, generation)
    return generation


_SHARED: dict[str, Path] = {}


def shared_index(factory: pytest.TempPathFactory) -> Path:
    """The index root of :func:`corpus`, built once per test session (whichever module asks
    first builds it in that session's temporary folder)."""
    if "root" not in _SHARED:
        root = factory.mktemp("search-index")
        build_index(root, corpus(), ENGINES["whoosh"]())
        _SHARED["root"] = root
    return _SHARED["root"]


# Oracles: answers computed from the reports, never from an index.


def section_values(report: Report, section: Section) -> dict[str, str]:
    """A section's value in every facet, as the facets show them."""
    region = report.region or Region()
    return {
        "province": region.province or UNKNOWN_REGION,
        "prefecture": region.prefecture or UNKNOWN_REGION,
        "county": region.county or UNKNOWN_REGION,
        "year": str(report.year) if report.year else UNKNOWN_REGION,
        "section_type": section.type,
        "kind": report.kind,
    }


def all_sections() -> list[tuple[str, Report, Section]]:
    return [(rid, report, section) for rid, report in corpus() for section in report.sections]


def containing(term: str) -> list[tuple[str, Report, Section]]:
    """Sections whose text holds ``term`` (either script, folded as analysis folds)."""
    wanted = fold(to_simplified(term))
    return [
        (rid, report, section)
        for rid, report, section in all_sections()
        if wanted in fold(report.simplified[section.start : section.end])
    ]
