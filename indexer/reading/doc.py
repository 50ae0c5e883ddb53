"""Word 97–2003 ``.doc`` → text with Debian's ``antiword`` (``scripts/ensure-readers`` installs
it). antiword draws tables as ``|cell|cell|`` rows, which the text-table finder reads back.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from indexer.reading.document import Document, ReadOptions, stated_url
from indexer.reading.errors import ReadError
from indexer.reading.plain import normalise_newlines
from indexer.reading.tools import run_tool

TIMEOUT = 60  # seconds; antiword reads a report in milliseconds
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_doc(data: bytes, options: ReadOptions) -> Document:
    """The text of a ``.doc`` file, or :class:`ReadError` (antiword missing, not a Word file,
    password-protected)."""
    if not data.startswith(OLE_MAGIC):
        raise ReadError("not a Word 97–2003 .doc file (no OLE header)")
    command = shutil.which("antiword")
    if command is None:
        raise ReadError(".doc files need antiword (apt-get install antiword)")
    with tempfile.TemporaryDirectory(prefix="gongkai-doc-") as folder:
        path = Path(folder, "report.doc")
        path.write_bytes(data)
        try:
            output = run_tool(
                [command, "-m", "UTF-8.txt", "-w", "0", str(path)], "antiword", TIMEOUT
            )
        except ReadError as exc:
            raise ReadError(str(exc).replace(str(path), "the file")) from exc
    text = normalise_newlines(output)
    return Document(text, url=stated_url(text))
