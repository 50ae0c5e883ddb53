"""Crafted statistics tables for the tests: one consistent 2021-format report (tables 2, 3, 4
and a sentence stating its figures), rendered row by row in any text rendering or as HTML.
No tests here."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

import docx

from indexer.statistics import template
from indexer.statistics.template import Block

COLUMNS = ("natural", "business", "research", "public_interest", "legal", "other", "total")
Row = tuple[int | float, ...]

REQUESTS: dict[str, Row] = {
    "new": (10, 2, 0, 0, 1, 0, 13),
    "carried_over": (1, 0, 0, 0, 0, 0, 1),
    "granted": (5, 1, 0, 0, 0, 0, 6),
    "partly_granted": (1, 0, 0, 0, 0, 0, 1),
    "refused_secret": (1, 0, 0, 0, 0, 0, 1),
    "unable_not_held": (2, 0, 0, 0, 1, 0, 3),
    "not_processed_petition": (1, 0, 0, 0, 0, 0, 1),
    "other_other": (1, 0, 0, 0, 0, 0, 1),
    "outcomes": (11, 1, 0, 0, 1, 0, 13),
    "carried_forward": (0, 1, 0, 0, 0, 0, 1),
}
APPEALS: dict[str, Row] = {
    "review": (1, 1, 0, 0, 2),
    "suit_direct": (0, 0, 1, 0, 1),
    "suit_after_review": (0, 0, 0, 1, 1),
}
ACTIVE = [
    ("第二十条第（一）项", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]),
    ("", ["规章", "0", "0", "0"]),
    ("", ["行政规范性文件", "5", "1", "20"]),
    ("第二十条第（五）项", ["信息内容", "本年处理决定数量"]),
    ("", ["行政许可", "100"]),
    ("第二十条第（六）项", ["行政处罚", "30"]),
    ("", ["行政强制", "2"]),
    ("第二十条第（八）项", ["行政事业性收费", "1.5"]),
]
PUBLISHED = {
    "requests_new": 13,
    "requests_carried_over": 1,
    "granted": 6,
    "partly_granted": 1,
    "refused": 1,
    "unable": 3,
    "not_processed": 1,
    "outcomes_total": 13,
    "carried_forward": 1,
    "review_total": 2,
    "review_corrected": 1,
    "litigation_total": 2,
    "rules_new": 0,
    "normative_new": 5,
}
HEADER = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
PROSE = "全年共受理政府信息公开申请13件，办结13件，结转下年度1件。"


def requests_block(format_id: str) -> Block:
    block = template().format(format_id).block("requests")
    assert block is not None
    return block


def requests_rows(values: dict[str, Row] = REQUESTS) -> list[tuple[str, Row]]:
    """Table 3's rows as the 2021 format labels them, zeros where ``values`` says nothing."""
    block = requests_block("2021")
    return [(row.label, values.get(row.id, (0,) * 7)) for row in block.rows if not row.optional]


def truth(values: dict[str, Row] = REQUESTS) -> dict[str, int | float]:
    """Every cell of the crafted tables, by id."""
    block = requests_block("2021")
    cells = {
        f"{row.id}.{c}": v
        for row in block.rows
        if not row.optional
        for c, v in zip(COLUMNS, values.get(row.id, (0,) * 7), strict=True)
    }
    outcomes = ("upheld", "corrected", "other", "pending", "total")
    cells |= {
        f"{r}.{c}": v for r, row in APPEALS.items() for c, v in zip(outcomes, row, strict=True)
    }
    cells |= {"rules.issued": 0, "rules.repealed": 0, "rules.in_force": 0}
    cells |= {"normative.issued": 5, "normative.repealed": 1, "normative.in_force": 20}
    cells |= {"licensing.decisions": 100, "penalty.decisions": 30, "coercion.decisions": 2}
    return cells | {"fees.amount": 1.5}


def layout(cells: Sequence[object]) -> str:
    """A row as ``pdftotext -layout`` prints it."""
    return "    ".join(map(str, cells))


def pipes(cells: Sequence[object]) -> str:
    return "| " + " | ".join(map(str, cells)) + " |"


def boxes(cells: Sequence[object]) -> str:
    return "│ " + " │ ".join(map(str, cells)) + " │"


def appeals_line() -> list[object]:
    return [v for row in APPEALS.values() for v in row]


def text_report(
    row: Callable[[Sequence[object]], str],
    table3: Sequence[str] | None = None,
    *,
    prose: str = PROSE,
    year: int = 2022,
) -> str:
    """A whole report with its three tables, each row rendered by ``row``."""
    table2 = []
    for title, cells in ACTIVE:
        table2 += [title] if title else []
        table2.append(row(cells))
    lines = table3 if table3 is not None else [row([k, *v]) for k, v in requests_rows()]
    return "\n".join(
        [
            f"某县人民政府{year}年政府信息公开工作年度报告",
            "一、总体情况",
            prose,
            "二、主动公开政府信息情况",
            *table2,
            "三、收到和处理政府信息公开申请情况",
            row(["", *HEADER]),
            *lines,
            "四、政府信息公开行政复议、行政诉讼情况",
            row(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3),
            row(appeals_line()),
            "五、存在的主要问题及改进情况",
            "无。",
        ]
    )


def html_report(
    arrange: Callable[[list[object]], list[object]] = list,
    appeals: Sequence[Sequence[object]] | None = None,
) -> str:
    """The report as a web page with its tables as tables; ``arrange`` lays out each row of
    table 3 (heading row included) from its label and its seven cells in the format's order,
    ``appeals`` replaces table 4's rows."""

    def table(rows: Sequence[Sequence[object]]) -> str:
        body = "".join(
            "<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows
        )
        return f"<table>{body}</table>"

    table2 = table([cells for _, cells in ACTIVE])
    rows = [["", *HEADER], *([label, *values] for label, values in requests_rows())]
    table3 = table([arrange(row) for row in rows])
    outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    table4 = table(appeals or [outcomes * 3, appeals_line()])
    return (
        "<html><body><h1>某县人民政府2022年政府信息公开工作年度报告</h1>"
        f"<p>一、总体情况</p><p>{PROSE}</p><p>二、主动公开政府信息情况</p><p>第二十条</p>{table2}"
        f"<p>三、收到和处理政府信息公开申请情况</p>{table3}"
        f"<p>四、政府信息公开行政复议、行政诉讼情况</p>{table4}</body></html>"
    )


def docx_report() -> bytes:
    """The report as a Word document: table 3 with 三、本年度办理结果 merged down its outcome
    rows and the applicants' heading merged across, table 4 with its group headings merged."""
    document = docx.Document()
    document.add_heading("某县人民政府2022年政府信息公开工作年度报告", level=0)
    document.add_paragraph(PROSE)
    document.add_paragraph("二、主动公开政府信息情况")
    table2: list[list[str]] = []
    for title, cells in ACTIVE:  # each part's 第二十条 title on a row of its own
        table2 += [[title]] if title else []
        table2.append(cells)
    _word_table(document, table2)
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    rows = requests_rows()
    table = document.add_table(rows=len(rows) + 2, cols=9)
    table.style = "Table Grid"
    table.cell(0, 2).merge(table.cell(0, 8)).text = "申请人情况"
    for c, heading in enumerate(HEADER):
        table.cell(1, c + 2).text = heading
    outcomes = table.cell(4, 0).merge(table.cell(len(rows) - 1, 0))
    outcomes.text = "三、本年度办理结果"
    for r, (label, values) in enumerate(rows, start=2):
        if r in (2, 3, len(rows)):  # 一、二 and 四 span both label columns
            table.cell(r, 0).merge(table.cell(r, 1)).text = label
        else:
            table.cell(r, 1).text = label
        for c, value in enumerate(values, start=2):
            table.cell(r, c).text = str(value)
    document.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    table = document.add_table(rows=3, cols=15)
    table.style = "Table Grid"
    for start, group in ((0, "行政复议"), (5, "未经复议直接起诉"), (10, "复议后起诉")):
        table.cell(0, start).merge(table.cell(0, start + 4)).text = group
        for i, heading in enumerate(("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")):
            table.cell(1, start + i).text = heading
    for c, value in enumerate(appeals_line()):
        table.cell(2, c).text = str(value)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _word_table(document: docx.document.Document, rows: Sequence[Sequence[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=max(map(len, rows)))
    table.style = "Table Grid"
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
