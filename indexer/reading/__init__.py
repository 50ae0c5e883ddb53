"""File bytes → text (and tables): the first step of the pipeline.

A reader is chosen by file suffix from :data:`READERS`; adding a format means writing one
``(bytes, ReadOptions) -> Document`` function and adding it there. Every failure is a
:class:`ReadError` with a one-line reason; a reader never returns half-decoded text. Files of
other types are not read but still accounted for: :func:`list_folders` lists them too, and
gives every entry that is not a regular file (links, FIFOs, devices) its reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path, PurePath

from indexer.reading.doc import read_doc
from indexer.reading.document import Document, ReadOptions, stated_url
from indexer.reading.docx import read_docx
from indexer.reading.encoding import decode
from indexer.reading.errors import ReadError
from indexer.reading.files import Listing, list_folders
from indexer.reading.html import html_to_document, html_to_text
from indexer.reading.pdf import read_pdf
from indexer.reading.plain import has_markup, looks_like_page, normalise_newlines, strip_stray_tags

Reader = Callable[[bytes, ReadOptions], Document]


def read_plain(data: bytes, options: ReadOptions) -> Document:
    """A ``.txt`` file: stray tags removed, or read as a page if it is really a whole HTML page."""
    text = normalise_newlines(decode(data))
    if looks_like_page(text):
        return html_to_document(text)
    text = strip_stray_tags(text)
    return Document(text, url=stated_url(text))


def read_html(data: bytes, options: ReadOptions) -> Document:
    """An HTML file: its text, block by block (a file with no tags at all is read as plain text)."""
    text = normalise_newlines(decode(data))
    return html_to_document(text) if has_markup(text) else Document(text, url=stated_url(text))


READERS: Mapping[str, Reader] = {
    ".txt": read_plain,
    ".htm": read_html,
    ".html": read_html,
    ".pdf": read_pdf,
    ".docx": read_docx,
    ".doc": read_doc,
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(READERS)


def find_report_files(folders: Iterable[Path]) -> list[Path]:
    """Every supported file under the folders, recursively and sorted; hidden entries, links
    and other entries that are not regular files skipped (see :func:`list_folders`)."""
    found = list_folders(folders).files
    return [path for path in found if path.suffix.lower() in SUPPORTED_SUFFIXES]


def file_type(path: PurePath) -> str:
    """A file's type as shown to the user: its suffix in lower case, or "(no suffix)"."""
    return path.suffix.lower() or "(no suffix)"


def read_document(path: Path, options: ReadOptions | None = None) -> Document:
    """The text and tables of one report file, or :class:`ReadError` saying why not."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ReadError(f"unsupported file type {file_type(path)}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot read the file ({exc.strerror or exc})") from exc
    document = reader(data, options or ReadOptions())
    if not document.text.strip():
        raise ReadError("no text in the file")
    return document


def read_text(path: Path) -> str:
    """The text of one report file (see :func:`read_document`)."""
    return read_document(path).text


__all__ = [
    "READERS",
    "SUPPORTED_SUFFIXES",
    "Document",
    "Listing",
    "ReadError",
    "ReadOptions",
    "Reader",
    "decode",
    "file_type",
    "find_report_files",
    "html_to_text",
    "list_folders",
    "read_document",
    "read_text",
]
