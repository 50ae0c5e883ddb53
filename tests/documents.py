"""Report files in other formats, made here for the reading tests: PDFs with Chinese headings,
wrapped paragraphs, page numbers and a ruled statistics table (fpdf2 with Debian's WenQuanYi
font), the same as a scan (its pages as images), encrypted and truncated, and Word files with
merged cells (python-docx). No tests here."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pypdfium2 as pdfium
from fpdf import FPDF

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
TITLE = "示例市人民政府2023年政府信息公开工作年度报告"
PARAGRAPH = (
    "2023年，示例市人民政府深入贯彻落实《中华人民共和国政府信息公开条例》，"
    "围绕优化营商环境和保障改善民生，主动公开政府信息一千二百余条，"
    "持续推进决策、执行、管理、服务、结果公开，切实保障人民群众知情权。"
)
HEADINGS = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)
# The statistics table of section 三: a header cell spanning two rows, one spanning two columns.
TABLE_HEAD = (("项目", 2, 1), ("申请人情况", 1, 2))
TABLE_ROWS = (
    ("自然人", "法人或其他组织"),
    ("一、本年新收政府信息公开申请数量", "35", "4"),
    ("二、上年结转政府信息公开申请数量", "2", "0"),
)
URL = "https://www.example.gov.cn/xxgk/2023/report.html"


class _Numbered(FPDF):
    def footer(self) -> None:
        self.set_y(-15)
        self.cell(0, 10, f"— {self.page_no()} —", align="C")


def report_pdf(*, password: str | None = None) -> bytes:
    """A two-page report: title, six headings, wrapped paragraphs, a ruled table in 三,
    "— n —" page numbers; with ``password``, encrypted so that it needs it to open."""
    pdf = _Numbered()
    pdf.add_font("wqy", fname=str(FONT))
    pdf.set_font("wqy", size=12)
    pdf.set_subject(f"政府信息公开年报 {URL}")
    if password:
        pdf.set_encryption(owner_password="owner", user_password=password)
    pdf.add_page()
    pdf.multi_cell(0, 8, TITLE, align="C", new_x="LMARGIN", new_y="NEXT")
    for number, heading in enumerate(HEADINGS):
        pdf.multi_cell(0, 8, heading, new_x="LMARGIN", new_y="NEXT")
        if number == 2:
            _table(pdf)
        else:
            pdf.multi_cell(0, 8, PARAGRAPH, new_x="LMARGIN", new_y="NEXT")
        if number == 2:
            pdf.add_page()
    return bytes(pdf.output())


def _table(pdf: FPDF) -> None:
    with pdf.table(col_widths=(90, 40, 40), first_row_as_headings=False) as table:
        head = table.row()
        for text, rowspan, colspan in TABLE_HEAD:
            head.cell(text, rowspan=rowspan, colspan=colspan)
        for cells in TABLE_ROWS:
            row = table.row()
            for text in cells:
                row.cell(text)


def scanned_pdf(source: bytes, scale: float = 200 / 72) -> bytes:
    """``source`` with every page replaced by a picture of it: a scan without a text layer."""
    rendered = pdfium.PdfDocument(source)
    pdf = FPDF()
    try:
        for page in rendered:
            image = page.render(scale=scale, grayscale=True).to_pil()
            pdf.add_page()
            pdf.image(image, x=0, y=0, w=pdf.w, h=pdf.h)
    finally:
        rendered.close()
    return bytes(pdf.output())


def merged_docx() -> bytes:
    """A Word report: title, headings (Heading 1 style), a paragraph, the statistics table with
    a cell merged down two rows and one merged across two columns."""
    document = docx.Document()
    document.add_heading(TITLE, level=0)
    document.add_heading(HEADINGS[0], level=1)
    document.add_paragraph(PARAGRAPH)
    document.add_heading(HEADINGS[2], level=1)
    table = document.add_table(rows=4, cols=3)
    table.style = "Table Grid"
    table.cell(0, 0).merge(table.cell(1, 0)).text = "项目"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "申请人情况"
    for r, cells in enumerate(TABLE_ROWS):
        for c, text in enumerate(cells):
            table.cell(r + 1, c + (r == 0)).text = text
    document.add_heading(HEADINGS[5], level=1)
    document.add_paragraph(f"原文链接：{URL}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
