"""Scanned pages → text with Tesseract (Debian's ``tesseract-ocr`` with the ``chi_sim`` and
``chi_tra`` models; ``scripts/ensure-readers`` installs them).

Each page is rendered by PDFium at :data:`DPI` and piped to the ``tesseract`` command as PNG, so
no file is written. Tesseract separates Chinese characters with spaces; those are removed.
"""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Sequence

import pypdfium2 as pdfium

from indexer.reading.errors import ReadError
from indexer.reading.tools import run_tool

DPI = 200  # enough for body text at 10.5 pt; higher is slower and no better on clean scans
LANGUAGES = "chi_sim"  # with chi_tra as well, simplified text comes out half traditional
PAGE_TIMEOUT = 60  # seconds for one page
INSTALL = "apt-get install tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra"
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_SPACE_IN_CJK = re.compile(rf"(?<=[{_CJK}]) +(?=[{_CJK}])")


def recognise_pages(pdf: pdfium.PdfDocument, numbers: Sequence[int]) -> dict[int, str]:
    """The recognised text of each page in ``numbers``; :class:`ReadError` when Tesseract is
    missing or fails."""
    command = shutil.which("tesseract")
    if command is None:
        raise ReadError(f"scanned PDF: reading it needs Tesseract OCR ({INSTALL})")
    return {number: _recognise(command, pdf[number]) for number in numbers}


def _recognise(command: str, page: pdfium.PdfPage) -> str:
    bitmap = page.render(scale=DPI / 72, grayscale=True)
    try:
        image = io.BytesIO()
        bitmap.to_pil().save(image, format="PNG")
    finally:
        bitmap.close()
        page.close()
    output = run_tool(
        [command, "stdin", "stdout", "-l", LANGUAGES, "--psm", "3"],
        f"OCR (tesseract with {LANGUAGES}: {INSTALL})",
        PAGE_TIMEOUT,
        image.getvalue(),
    )
    return join_recognised(output)


def join_recognised(text: str) -> str:
    """Tesseract's text without the spaces it puts between Chinese characters.

    >>> join_recognised("政 府 信 息 公 开 ， 共 受 理 申 请 35 件")
    '政府信息公开，共受理申请 35 件'
    """
    return _SPACE_IN_CJK.sub("", text)
