"""PDF → text and tables: PDFium for the text layer, pdfplumber for ruled tables.

Measured on the real 6-page 淮安 report: PDFium reads the text layer at ~400 pages/s and
pdfplumber at ~15, with the same text and reading order; pdfplumber's table finder is what finds
ruled tables with their merged cells. So every page's text comes from PDFium, and pdfplumber only
looks at pages that draw enough lines to hold a table (PDFium counts the path objects cheaply).
On such a page the text above, between and below the tables comes from PDFium by horizontal
bands and each table from pdfplumber; a table that ends one page and starts the next is one.

Page furniture (page numbers such as "— 1 —", running heads and feet repeated on most pages) is
dropped; the hard-wrapped lines are left to cleaning, which rejoins them as in text files. A file
without a text layer is a scan: read with Tesseract when asked (:mod:`indexer.reading.ocr`),
rejected with what to do otherwise.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from indexer.models import Table
from indexer.reading.document import Document, ReadOptions, web_address
from indexer.reading.errors import ReadError
from indexer.reading.ocr import recognise_pages
from indexer.reading.tables import Placed, join_cell_lines, table_from_placed, table_lines

MAX_BYTES = 200 * 1024 * 1024  # larger files are rejected before parsing
MAX_PAGES = 2000  # reports run to tens of pages; thousands is a book or a broken file
TABLE_PATHS = (4, 20_000)  # path objects on a page that may hold a ruled table (fewer: none;
# more: a drawing, which pdfplumber would take minutes over)
SCANNED = "scanned PDF without a text layer"  # how such a rejection starts
TEXT_CHARS = 10  # a page with fewer non-space characters has no text layer to speak of
_DASH = "-—–－―"
_DECORATED_NUMBER = re.compile(rf"[{_DASH}]+\s*\d{{1,4}}\s*[{_DASH}]+")  # a page number anywhere
_PAGE_NUMBER = re.compile(  # a page number at the top or bottom of a page
    r"\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_EDGE_LINES = 2  # lines at the top and bottom of a page looked at for furniture
_REPEATED_SHARE = 0.5  # a line at a page edge on this share of pages (3 or more) is furniture


@dataclass(frozen=True)
class _TableBlock:
    cells: tuple[Placed, ...]
    width: int
    height: int


Block = str | _TableBlock  # a line of text, or a table


def read_pdf(data: bytes, options: ReadOptions) -> Document:
    """The text layer of a PDF, page by page, with its ruled tables; see the module docstring."""
    if len(data) > MAX_BYTES:
        raise ReadError(f"PDF too large ({len(data) / 1048576:.0f} MB, at most {MAX_BYTES >> 20})")
    pdf = _open(data)
    try:
        pages = len(pdf)
        if pages > MAX_PAGES:
            raise ReadError(f"PDF has {pages:,} pages (at most {MAX_PAGES:,} are read)")
        if pages == 0:
            raise ReadError("PDF has no pages")
        url = _metadata_url(pdf)
        texts = [_page_text(pdf[number]) for number in range(pages)]
        scanned = [n for n, text in enumerate(texts) if _is_blank(text)]
        if len(scanned) == pages and not options.ocr:
            raise ReadError(
                f"{SCANNED} ({pages} page{'s' if pages > 1 else ''}): reindex --ocr reads it"
            )
        recognised = recognise_pages(pdf, scanned) if options.ocr and scanned else {}
        ruled = [n for n in range(pages) if n not in recognised and _may_hold_table(pdf[n])]
    finally:
        pdf.close()
    blocks = [
        [*_lines(recognised[n])] if n in recognised else [*_lines(text)]
        for n, text in enumerate(texts)
    ]
    if ruled:
        for number, page_blocks in _pages_with_tables(data, ruled).items():
            blocks[number] = page_blocks
    document = _assemble(drop_furniture(blocks))
    return Document(document.text, document.tables, ocr=bool(recognised), url=url)


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise ReadError("encrypted PDF (it needs a password to open)") from exc
        if not data.startswith(b"%PDF"):
            raise ReadError("not a PDF file (no %PDF header)") from exc
        detail = re.search(r"PDFium: ([^().]+)", message)
        why = f" ({detail.group(1).strip()})" if detail else ""
        raise ReadError(f"damaged or truncated PDF{why}") from exc


def _metadata_url(pdf: pdfium.PdfDocument) -> str | None:
    """A web address among the document's metadata values (Subject, Keywords …), if any."""
    for value in pdf.get_metadata_dict(skip_empty=True).values():
        for word in str(value).split():
            if address := web_address(word):
                return address
    return None


def _page_text(page: pdfium.PdfPage) -> str:
    textpage = page.get_textpage()
    try:
        return textpage.get_text_bounded()
    finally:
        textpage.close()
        page.close()


def _is_blank(text: str) -> bool:
    return len("".join(text.split())) < TEXT_CHARS


def _lines(text: str) -> list[str]:
    lines = (_CONTROL.sub("", line).strip() for line in text.replace("\r", "\n").split("\n"))
    return [line for line in lines if line]


def _may_hold_table(page: pdfium.PdfPage) -> bool:
    try:
        if page.get_rotation():
            return False  # band cutting assumes upright pages
        low, high = TABLE_PATHS
        paths = 0
        for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
            paths += 1
            if paths > high:
                return False
        return paths >= low
    finally:
        page.close()


def _pages_with_tables(data: bytes, numbers: Sequence[int]) -> dict[int, list[Block]]:
    """The blocks of each page in ``numbers`` that holds at least one ruled table."""
    import pdfplumber  # slow to import, and needed only for pages drawn with lines

    found: dict[int, list[Block]] = {}
    pdf = _open(data)
    try:
        with pdfplumber.open(io.BytesIO(data)) as plumbed:
            for number in numbers:
                page = plumbed.pages[number]
                tables = [t for t in map(_table_block, page.find_tables()) if t[1] is not None]
                if tables:
                    found[number] = _banded(pdf[number], tables)
                page.close()
    finally:
        pdf.close()
    return found


def _table_block(table) -> tuple[tuple[float, float], _TableBlock | None]:
    """A pdfplumber table as its vertical extent and its cells placed on the grid its cell
    edges make (None when it is not a data table, such as a frame around a paragraph)."""
    texts = table.extract()
    boxes = [
        (box, text or "")
        for row, row_texts in zip(table.rows, texts, strict=True)
        for box, text in zip(row.cells, row_texts, strict=True)
        if box is not None
    ]
    xs = sorted({round(v, 1) for (x0, _, x1, _), _ in boxes for v in (x0, x1)})
    ys = sorted({round(v, 1) for (_, top, _, bottom), _ in boxes for v in (top, bottom)})
    placed = tuple(
        (
            ys.index(round(top, 1)),
            xs.index(round(x0, 1)),
            ys.index(round(bottom, 1)) - ys.index(round(top, 1)),
            xs.index(round(x1, 1)) - xs.index(round(x0, 1)),
            join_cell_lines(text.split("\n")),
        )
        for (x0, top, x1, bottom), text in boxes
    )
    grid = table_from_placed(placed)
    block = _TableBlock(placed, len(xs) - 1, len(ys) - 1) if grid is not None else None
    return (table.bbox[1], table.bbox[3]), block


def _banded(page: pdfium.PdfPage, tables: list[tuple[tuple[float, float], _TableBlock]]):
    """The page's text lines between its tables, and the tables, top to bottom."""
    width, height = page.get_size()
    textpage = page.get_textpage()
    blocks: list[Block] = []
    try:
        top = 0.0
        for (start, end), table in sorted(tables, key=lambda item: item[0]):
            blocks.extend(_lines(textpage.get_text_bounded(0, height - start, width, height - top)))
            blocks.append(table)
            top = end
        blocks.extend(_lines(textpage.get_text_bounded(0, 0, width, height - top)))
    finally:
        textpage.close()
        page.close()
    return blocks


def drop_furniture(pages: list[list[Block]]) -> list[list[Block]]:
    """Each page without its page numbers and the running heads and feet most pages repeat.

    A number between dashes ("— 3 —") is dropped wherever it is (PDFs draw the footer anywhere
    in a page's content); other furniture only among the first and last lines of a page, so a
    number inside the text stays.

    >>> drop_furniture([["— 1 —", "总体情况", "正文"], ["正文续", "第2页"], ["- 3 -", "末页"]])
    [['总体情况', '正文'], ['正文续'], ['末页']]
    >>> drop_furniture([["淮安市年报", "一"], ["淮安市年报", "二"], ["淮安市年报", "三"]])
    [['一'], ['二'], ['三']]
    """
    edges: Counter[str] = Counter()
    for page in pages:
        edges.update({line for line in _edge_lines(page) if isinstance(line, str)})
    repeated = {
        line
        for line, count in edges.items()
        if count >= 3 and count >= _REPEATED_SHARE * len(pages)
    }

    def furniture(block: Block) -> bool:
        return isinstance(block, str) and (
            block in repeated or _PAGE_NUMBER.fullmatch(block) is not None
        )

    kept = []
    for page in pages:
        start, end = 0, len(page)
        while start < min(end, _EDGE_LINES) and furniture(page[start]):
            start += 1
        while end > max(start, len(page) - _EDGE_LINES) and furniture(page[end - 1]):
            end -= 1
        kept.append(
            [
                b
                for b in page[start:end]
                if not (isinstance(b, str) and _DECORATED_NUMBER.fullmatch(b))
            ]
        )
    return kept


def _edge_lines(page: list[Block]) -> list[Block]:
    return page[:_EDGE_LINES] + page[-_EDGE_LINES:]


@dataclass(frozen=True)
class _Assembled:
    text: str
    tables: tuple[Table, ...]


def _assemble(pages: list[list[Block]]) -> _Assembled:
    """The pages' lines and tables as one text; a table running on from the end of one page to
    the top of the next, with as many columns, is joined into one."""
    merged: list[Block] = []
    for page in pages:
        for index, block in enumerate(page):
            previous = merged[-1] if merged else None
            if (
                index == 0
                and isinstance(block, _TableBlock)
                and isinstance(previous, _TableBlock)
                and previous.width == block.width
            ):
                moved = tuple(
                    (r + previous.height, c, rs, cs, t) for r, c, rs, cs, t in block.cells
                )
                merged[-1] = _TableBlock(
                    previous.cells + moved, block.width, previous.height + block.height
                )
            else:
                merged.append(block)
    lines: list[str] = []
    tables: list[Table] = []
    for block in merged:
        if isinstance(block, str):
            lines.append(block)
            continue
        table = table_from_placed(block.cells)
        if table is not None:
            tables.append(table)
            lines.extend(table_lines(table))
    return _Assembled("\n".join(lines), tuple(tables))
