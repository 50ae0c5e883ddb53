"""Word ``.docx`` → text and tables with python-docx: paragraphs and tables in document order,
merged cells (``gridSpan``, ``vMerge``) resolved from the cells Word repeats over merged slots.

A one-column table is a frame around text, not data: its paragraphs are read as paragraphs.
A password-protected ``.docx`` is not a zip archive but an OLE container, and says so.
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph
from lxml import etree

from indexer.models import Table
from indexer.reading.document import Document, ReadOptions, stated_url
from indexer.reading.errors import ReadError
from indexer.reading.tables import (
    join_cell_lines,
    placed_from_slots,
    table_from_placed,
    table_lines,
)

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_UNPACKED = 300 * 1024 * 1024  # bytes of XML a .docx may unpack to (a zip bomb is refused)


def read_docx(data: bytes, options: ReadOptions) -> Document:
    """The paragraphs and tables of a ``.docx`` file; see the module docstring."""
    document = _open(data)
    lines: list[str] = []
    tables: list[Table] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(Paragraph(child, document).text.strip())
        elif child.tag == qn("w:tbl"):
            table = _table(DocxTable(child, document))
            if table is None:
                lines.extend(_frame_lines(DocxTable(child, document)))
            else:
                tables.append(table)
                lines.extend(table_lines(table))
    text = "\n".join(line for line in lines if line)
    return Document(text, tuple(tables), url=stated_url(text))


def _open(data: bytes) -> docx.document.Document:
    if data.startswith(OLE_MAGIC):
        raise ReadError("password-protected Word file, or a .doc file named .docx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise ReadError("not a Word .docx file (damaged or not a zip archive)") from exc
    if unpacked > MAX_UNPACKED:
        raise ReadError(f"Word file unpacks to {unpacked >> 20} MB (at most {MAX_UNPACKED >> 20})")
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise ReadError(f"damaged Word .docx file ({type(exc).__name__})") from exc
    except etree.XMLSyntaxError as exc:
        raise ReadError(f"damaged Word .docx file (bad XML: {exc.msg})") from exc


def _table(table: DocxTable) -> Table | None:
    slots = [
        [(cell._tc, join_cell_lines(cell.text.split("\n"))) for cell in row.cells]
        for row in table.rows
    ]
    return table_from_placed(placed_from_slots(slots))


def _frame_lines(table: DocxTable) -> list[str]:
    return [
        paragraph.text.strip()
        for row in table.rows
        for cell in row.cells
        for paragraph in cell.paragraphs
    ]
