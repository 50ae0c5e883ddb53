"""Crafted statistics tables: every rendering, renamed / merged / wrapped / misnumbered labels,
glued digits, lost figures, every check passing and failing, and reports without tables.

Each crafted report goes through the whole pipeline (text or HTML in, report out), so what is
tested is what ``inspect`` and the index see.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from indexer.config import Settings
from indexer.models import Report, Statistics
from indexer.pipeline import understand_document, understand_file, understand_text
from indexer.reading.html import html_to_document
from indexer.statistics import figures, template

from .statistics_fixtures import (
    APPEALS,
    COLUMNS,
    PUBLISHED,
    REQUESTS,
    Row,
    appeals_line,
    boxes,
    docx_report,
    html_report,
    layout,
    pipes,
    requests_block,
    requests_rows,
    text_report,
    truth,
)


def statistics(text: str, settings: Settings) -> Statistics | None:
    (report,) = understand_text(text, "crafted.txt", settings.taxonomy)
    return report.statistics


def read(text: str, settings: Settings) -> Statistics:
    found = statistics(text, settings)
    assert found is not None
    return found


def failing(found: Statistics) -> set[str]:
    return {c.id for c in found.checks if not c.ok}


RENDERINGS: dict[str, Callable[[Settings], Statistics]] = {
    "pdftotext -layout": lambda s: read(text_report(layout), s),
    "markdown pipes": lambda s: read(text_report(pipes), s),
    "box drawing": lambda s: read(text_report(boxes), s),
    "whole page on one line": lambda s: read(text_report(layout).replace("\n", "  "), s),
    "html table": lambda s: _html(s),
}


def test_a_word_document_gives_every_cell(settings: Settings, tmp_path: Path) -> None:
    found = _docx(settings, tmp_path)
    assert found.values() == truth()
    assert not [c.id for c in found.checks if not c.ok]


def _docx(settings: Settings, folder: Path) -> Statistics:
    path = folder / "report.docx"
    path.write_bytes(docx_report())
    (found,) = understand_file(path, "report.docx", settings.taxonomy)
    assert found.statistics is not None and found.tables
    assert all(cell.how == "cell" for cell in found.statistics.cells)
    return found.statistics


def _html(settings: Settings) -> Statistics:
    reports = understand_document(html_to_document(html_report()), "t.html", settings.taxonomy)
    found: Report = reports[0]
    assert found.statistics is not None and found.tables
    return found.statistics


@pytest.mark.parametrize("rendering", RENDERINGS)
def test_every_rendering_gives_every_cell(rendering: str, settings: Settings) -> None:
    found = RENDERINGS[rendering](settings)
    assert found.format == "2021"
    assert found.values() == truth()
    assert figures(template().format("2021"), found.values()) == PUBLISHED
    assert failing(found) == set()


def subtotal_first(row: list[object]) -> list[object]:
    """A table 3 row with 总计 moved first and a 法人小计 column added before it."""
    label, natural, *organisations, total = row
    added = "法人小计" if label == "" else sum(int(str(v)) for v in organisations)
    return [label, total, natural, *organisations, added]


def test_a_kept_table_is_read_by_its_column_headings(settings: Settings) -> None:
    markup = html_report(subtotal_first)
    (report,) = understand_document(html_to_document(markup), "t.html", settings.taxonomy)
    assert report.statistics is not None
    assert report.statistics.values() == truth()


def test_table_4_is_read_by_its_group_and_column_headings(settings: Settings) -> None:
    """Groups in another order, and 总计 first in each: the headings say which is which."""
    groups = [("行政复议", "review"), ("复议后起诉", "suit_after_review"),
              ("未经复议直接起诉", "suit_direct")]  # fmt: skip
    order = [4, 0, 1, 2, 3]
    outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    rows = [
        [name for name, _ in groups for _ in order],
        [outcomes[i] for _ in groups for i in order],
        [APPEALS[key][i] for _, key in groups for i in order],
    ]
    markup = html_report(appeals=rows)
    (report,) = understand_document(html_to_document(markup), "t.html", settings.taxonomy)
    assert report.statistics is not None
    assert report.statistics.values() == truth()


def test_renamed_merged_wrapped_and_misnumbered_labels_are_matched(settings: Settings) -> None:
    rows = [layout([label, *values]) for label, values in requests_rows()]
    rows[0] = layout(["一、本年新收申请", *REQUESTS["new"]])  # renamed
    rows[3] = "（二）部分公开（区分处理的，只计这一情\n" + layout(["", 1, 0, 0, 0, 0, 0, 1])
    rows[3] += "\n形，不计其他情形）"  # wrapped around its figures
    rows[4] = layout(["（三）不予公开 1.属于国家秘密", *REQUESTS["refused_secret"]])  # merged
    rows[12] = "- 3 -\n" + rows[12]  # a page number between rows
    rows[-1] = layout(["五、结转下年度继续办理", *REQUESTS["carried_forward"]])  # misnumbered
    found = read(text_report(layout, rows), settings)
    assert found.values() == truth()


def test_rows_without_labels_are_never_shifted_into_a_gap(settings: Settings) -> None:
    """A lost row among unlabelled ones: the rows around it stay unread, none takes its place."""
    leaves = [row for row in requests_block("2021").rows if not row.optional]
    values = {row.id: (k + 1, 0, 0, 0, 0, 0, k + 1) for k, row in enumerate(leaves)}
    rows = [pipes(["", *v]) for v in values.values()]
    del rows[10]
    found = read(text_report(pipes, rows), settings).values()
    table3 = {k: v for k, v in found.items() if k.partition(".")[0] in values}
    expected = truth(values)
    assert all(expected[k] == v for k, v in table3.items())
    assert len(table3) < 7 * (len(values) - 2)


@pytest.mark.parametrize(
    ("glued", "cells", "how"),
    [
        ("801000081", (80, 1, 0, 0, 0, 0, 81), "split"),
        ("1100002", (1, 1, 0, 0, 0, 0, 2), "split"),
        ("000011011", None, None),  # 0|0|0|0|1|10|11 or 0|0|0|0|11|0|11: unread
        ("10 2 0 0 1 0", (10, 2, 0, 0, 1, 0, None), "placed"),
        ("0 0 0 0 0 0", None, None),  # the lost zero could be anywhere
    ],
)
def test_damaged_rows_are_repaired_only_where_the_sums_allow_one_repair(
    glued: str, cells: Row | None, how: str | None, settings: Settings
) -> None:
    rows = [layout([label, *values]) for label, values in requests_rows()]
    rows[0] = f"一、本年新收政府信息公开申请数量    {glued}"
    found = read(text_report(layout, rows), settings)
    got = {c.id: c for c in found.cells if c.id.startswith("new.")}
    if cells is None:
        assert got == {}
        return
    expected = {f"new.{c}": v for c, v in zip(COLUMNS, cells, strict=True) if v is not None}
    assert {k: c.value for k, c in got.items()} == expected
    assert {c.how for c in got.values()} == {how}


def test_the_2019_trial_format_is_read_with_its_own_rows_and_columns(settings: Settings) -> None:
    block = requests_block("2019")
    values = dict(REQUESTS, other=(1, 0, 0, 0, 0, 0, 1))
    rows = [
        layout([row.label, *values.get(row.id, (0,) * 7)]) for row in block.rows if not row.optional
    ]
    text = text_report(layout, rows, year=2019).replace(
        layout(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]),
        layout(["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"]),
    )
    found = read(text, settings)
    assert found.format == "2019"
    known = figures(template().format("2019"), found.values())
    assert known["rules_new"] == 0 and known["normative_new"] == 5
    assert found.values()["other.total"] == 1 and "other_other.total" not in found.values()
    assert failing(found) == set()


def test_each_identity_fails_with_the_numbers_involved(settings: Settings) -> None:
    rows = [layout([label, *values]) for label, values in requests_rows()]
    rows[0] = layout(["一、本年新收政府信息公开申请数量", 10, 2, 0, 0, 1, 0, 14])
    rows.insert(4, layout(["（三）不予公开", 1, 0, 0, 0, 0, 0, 2]))
    wrong = layout([1, 1, 0, 0, 3] + [0] * 10)
    text = text_report(layout, rows).replace(layout(appeals_line()), wrong)
    found = read(text, settings)
    details = {c.id: c.detail for c in found.checks if not c.ok}
    assert {"row_total:new", "balance:total", "group_total:refused.total"} <= set(details)
    assert {"appeal_total:review", "outcomes:total"} <= set(details)
    assert "10 + 2 + 0 + 0 + 1 + 0 = 13 ≠ 14" in details["row_total:new"]
    assert "row_total:granted" not in details and "group_total:refused.natural" not in details


def test_figures_the_text_states_are_checked_against_the_tables(settings: Settings) -> None:
    prose = "全年共受理政府信息公开申请20件，办结13件。行政复议2件，行政诉讼5件。"
    checks = {c.id: c for c in read(text_report(layout, prose=prose), settings).checks}
    assert not checks["text:requests_new"].ok and "20" in checks["text:requests_new"].detail
    assert checks["text:outcomes_total"].ok and checks["text:review_total"].ok
    assert not checks["text:litigation_total"].ok


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("全年共受理政府信息公开申请13件。", "text:requests_new"),
        ("共收到依申请信息公开13件。", "text:requests_new"),
        ("共收到政府信息依申请公开13件。", "text:requests_new"),
        ("收到依申请公开请求13件。", "text:requests_new"),
        ("包括上年结转信息公开申请1件。", "text:requests_carried_over"),
        ("答\n复 13 件。", "text:outcomes_total"),
        ("另有 1 件顺延到下年度答复。", "text:carried_forward"),
        ("转下一年度办理答复的有 1 件。", "text:carried_forward"),
        ("予以公开及部分公开7件。", "text:granted_or_partly"),
        ("不予公开答复1件，无法提供的3件。", "text:unable"),
        ("属信访、重复申请等不予处理 1 件。", "text:not_processed"),
    ],
)
def test_the_ways_reports_state_their_figures_are_found(
    sentence: str, claim: str, settings: Settings
) -> None:
    checks = {c.id: c for c in read(text_report(layout, prose=sentence), settings).checks}
    assert checks[claim].ok, checks[claim].detail


def test_partial_answers_are_not_taken_for_the_total_answered(settings: Settings) -> None:
    """同意公开答复 9 件 is the granted count, not 答复 9 件 in all."""
    prose = "同意公开答复 9 件，部分公开答复 0 件。"
    checks = read(text_report(layout, prose=prose), settings).checks
    assert not [c for c in checks if c.id.startswith("text:outcomes_total")]


def test_requests_stated_with_the_carried_over_ones_agree(settings: Settings) -> None:
    prose = "共受理政府信息公开申请14件（含上年结转1件）。"
    checks = {c.id: c for c in read(text_report(layout, prose=prose), settings).checks}
    assert checks["text:requests_new"].ok and checks["text:requests_carried_over"].ok


def test_table_2_rows_with_notes_in_their_labels_and_signed_changes(settings: Settings) -> None:
    text = "\n".join(
        [
            "某局2020年政府信息公开工作年度报告",
            "二、主动公开政府信息情况",
            "第二十条第（一）项",
            pipes(["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"]),
            pipes(["规章（设区的市人民政府应提供相关数据）", 0, 0, 0]),
            pipes(["规范性文件（行政机关制定发布的决定、公告、通告）", 2, 2, 19]),
            "第二十条第（五）项",
            pipes(["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]),
            pipes(["行政许可", 8, -3, 93]),
            pipes(["其他对外管理服务事项（指行政许可以外的政务服务事项）", 117, 0, 165]),
            "第二十条第（六）项",
            pipes(["行政处罚", 90, 0, 22]),
            pipes(["行政强制", 4, 4, "-"]),
            pipes(["行政处罚", 1, 1, 1]),  # a second row of the same name is not read again
        ]
    )
    found = read(text, settings)
    assert found.format == "2019"
    assert found.values() == {
        "rules.made": 0, "rules.published": 0, "rules.total_published": 0,
        "normative.made": 2, "normative.published": 2, "normative.total_published": 19,
        "licensing.previous": 8, "licensing.change": -3, "licensing.decisions": 93,
        "other_services.previous": 117, "other_services.change": 0,
        "other_services.decisions": 165,
        "penalty.previous": 90, "penalty.change": 0, "penalty.decisions": 22,
        "coercion.previous": 4, "coercion.change": 4,
    }  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "某县人民政府2022年政府信息公开工作年度报告\n一、总体情况\n全年受理申请5件，办结5件。",
        text_report(layout, year=2016),
    ],
    ids=["no tables", "before 2019"],
)
def test_reports_without_the_statistics_tables_have_none(text: str, settings: Settings) -> None:
    assert statistics(text, settings) is None
