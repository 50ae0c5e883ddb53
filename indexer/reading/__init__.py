"""File bytes → text: the first step of the pipeline.

A reader is chosen by file suffix from :data:`READERS`; adding PDF or Word support means writing
one ``bytes -> str`` function and adding it there. Every failure is a :class:`ReadError` with a
one-line reason; a reader never returns half-decoded text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from indexer.reading.encoding import decode
from indexer.reading.errors import ReadError
from indexer.reading.files import find_files
from indexer.reading.html import html_to_text
from indexer.reading.plain import has_markup, looks_like_page, normalise_newlines, strip_stray_tags

Reader = Callable[[bytes], str]


def read_plain(data: bytes) -> str:
    """A ``.txt`` file: stray tags removed, or read as a page if it is really a whole HTML page."""
    text = normalise_newlines(decode(data))
    return html_to_text(text) if looks_like_page(text) else strip_stray_tags(text)


def read_html(data: bytes) -> str:
    """An HTML file: its text, block by block (a file with no tags at all is read as plain text)."""
    text = normalise_newlines(decode(data))
    return html_to_text(text) if has_markup(text) else text


READERS: Mapping[str, Reader] = {
    ".txt": read_plain,
    ".htm": read_html,
    ".html": read_html,
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(READERS)


def find_report_files(folders: Iterable[Path]) -> list[Path]:
    """Every supported file under the folders, recursively and sorted; hidden entries skipped."""
    return find_files(folders, SUPPORTED_SUFFIXES)


def read_text(path: Path) -> str:
    """The text of one report file, or :class:`ReadError` with the reason it cannot be read."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ReadError(f"unsupported file type {path.suffix or '(no suffix)'}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot read the file ({exc.strerror or exc})") from exc
    text = reader(data)
    if not text.strip():
        raise ReadError("no text in the file")
    return text


__all__ = [
    "READERS",
    "SUPPORTED_SUFFIXES",
    "ReadError",
    "Reader",
    "decode",
    "find_report_files",
    "html_to_text",
    "read_text",
]
