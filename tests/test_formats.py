"""Reading PDF and Word files: text in reading order without page furniture, ruled tables and
merged cells kept as tables, the web address a file states, and a one-line reason for every file
that cannot be read (encrypted, truncated, scanned without OCR, not what its name says)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from indexer.models import Report
from indexer.pipeline import understand_file
from indexer.reading import ReadError, ReadOptions, read_document
from indexer.reading.docx import OLE_MAGIC

from .conftest import DATA_DIR, TEMPLATE_2019_DIR
from .documents import HEADINGS, URL, merged_docx, report_pdf, scanned_pdf

HUAIAN = DATA_DIR / "pdf" / "huaian-city-2024.pdf"
STATISTICS = (
    ("项目", "申请人情况", "申请人情况"),
    ("项目", "自然人", "法人或其他组织"),
    ("一、本年新收政府信息公开申请数量", "35", "4"),
    ("二、上年结转政府信息公开申请数量", "2", "0"),
)


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def only_report(path: Path, settings, options: ReadOptions | None = None) -> Report:
    (report,) = understand_file(path, path.name, settings.taxonomy, options)
    return report


def test_a_pdf_reads_as_text_with_its_ruled_table(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "report.pdf", report_pdf()))
    lines = document.text.splitlines()
    assert all(heading in lines for heading in HEADINGS)
    assert not any("—" in line for line in lines)  # "— 1 —" page numbers dropped
    (table,) = document.tables
    assert table.rows == STATISTICS
    assert set(table.spans) == {(0, 0, 2, 1), (0, 1, 1, 2)}
    assert document.url == URL
    assert not document.ocr


def test_a_pdf_table_sits_in_its_section(tmp_path: Path, settings) -> None:
    report = only_report(write(tmp_path, "report.pdf", report_pdf()), settings)
    section = next(s for s in report.sections if s.heading.startswith("三、"))
    (table,) = report.tables
    assert table.section == section.position
    assert report.text[table.start : table.end].startswith("项目 | 申请人情况\n自然人")
    assert "35 | 4" in section.text  # the table's text is searchable in its section


def test_the_real_huaian_pdf_has_six_typed_sections_and_its_tables(settings) -> None:
    report = only_report(HUAIAN, settings)
    level1 = [(s.heading[:2], s.type) for s in report.sections if s.level == 1]
    assert level1 == [
        ("一、", "overview"),
        ("二、", "proactive"),
        ("三、", "on_request"),
        ("四、", "review_litigation"),
        ("五、", "problems"),
        ("六、", "other_matters"),
    ]
    assert report.region is not None and report.region.prefecture == "淮安市"
    assert [len(t.rows[0]) for t in report.tables] == [4, 2, 10, 15]
    applications = report.tables[2]  # runs over two pages: one table
    assert len(applications.rows) == 28
    assert ("一、本年新收政府信息公开申请数量",) * 3 + ("3001",) in {
        row[:4] for row in applications.rows
    }
    by_position = {s.position: s for s in report.sections}
    assert by_position[applications.section].heading.startswith("三、")
    assert "- 5 -" not in report.text and "本年新收政府信息公开申请数量 | 3001" in report.text


def test_a_docx_keeps_paragraphs_and_merged_cells(tmp_path: Path, settings) -> None:
    report = only_report(write(tmp_path, "report.docx", merged_docx()), settings)
    assert report.title == "示例市人民政府2023年政府信息公开工作年度报告"
    (table,) = report.tables
    assert table.rows == STATISTICS
    assert set(table.spans) == {(0, 0, 2, 1), (0, 1, 1, 2)}
    assert report.url == URL
    assert [s.type for s in report.sections if s.level == 1] == [
        "overview",
        "on_request",
        "other_matters",
    ]


def test_html_tables_keep_their_merged_cells() -> None:
    document = read_document(TEMPLATE_2019_DIR / "shuyang-fgj-2023.html")
    assert [(len(t.rows), len(t.rows[0])) for t in document.tables] == [
        (6, 4),
        (14, 4),
        (28, 10),
        (4, 15),
    ]
    review = document.tables[3]
    assert (0, 0, 1, 5) in review.spans and review.rows[0][:6] == ("行政复议",) * 5 + ("行政诉讼",)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        pytest.param(
            "locked.pdf", lambda: report_pdf(password="secret"), "encrypted PDF", id="encrypted"
        ),
        pytest.param(
            "cut.pdf", lambda: report_pdf()[:2500], "damaged or truncated PDF", id="truncated"
        ),
        pytest.param("fake.pdf", lambda: b"<html>not a pdf</html>", "not a PDF", id="not-pdf"),
        pytest.param(
            "scan.pdf",
            lambda: scanned_pdf(report_pdf(), scale=0.5),
            "scanned PDF without a text layer (2 pages): reindex --ocr reads it",
            id="scanned",
        ),
        pytest.param("bad.docx", lambda: b"PK\x03\x04broken", "not a Word .docx", id="bad-zip"),
        pytest.param(
            "locked.docx", lambda: OLE_MAGIC + b"\0" * 600, "password-protected", id="ole-docx"
        ),
        pytest.param("fake.doc", lambda: b"plain text", "not a Word 97", id="not-doc"),
    ],
)
def test_unreadable_files_are_rejected_with_one_line(
    tmp_path: Path, name: str, data, reason: str
) -> None:
    with pytest.raises(ReadError) as caught:
        read_document(write(tmp_path, name, data()))
    assert reason in str(caught.value) and "\n" not in str(caught.value)


needs_antiword = pytest.mark.skipif(
    shutil.which("antiword") is None and os.environ.get("CI") != "true",
    reason="antiword is not installed (scripts/ensure-readers installs it)",
)
needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None and os.environ.get("CI") != "true",
    reason="tesseract is not installed (scripts/ensure-readers installs it)",
)


@needs_antiword
def test_a_damaged_doc_is_rejected_by_antiword(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="antiword failed"):
        read_document(write(tmp_path, "old.doc", OLE_MAGIC + b"\0" * 2000))


@needs_tesseract
def test_a_scanned_pdf_is_read_with_ocr_and_marked(tmp_path: Path, settings) -> None:
    path = write(tmp_path, "scan.pdf", scanned_pdf(report_pdf()))
    report = only_report(path, settings, ReadOptions(ocr=True))
    assert report.ocr
    assert "政府信息公开" in report.text and "总体情况" in report.text
