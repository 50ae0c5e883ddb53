"""Word 97–2003 ``.doc`` → text with Debian's ``antiword`` (``scripts/ensure-readers`` installs
it). antiword draws tables as ``|cell|cell|`` rows, which the text-table finder reads back.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from indexer.reading.document import Document, ReadOptions, stated_url
from indexer.reading.errors import ReadError
from indexer.reading.plain import normalise_newlines

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
            done = subprocess.run(
                [command, "-m", "UTF-8.txt", "-w", "0", str(path)],
                capture_output=True,
                timeout=TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise ReadError(f"antiword gave up after {TIMEOUT} s") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").replace(str(path), "the file")
        last = (message.strip().splitlines() or ["failed"])[-1]
        raise ReadError(f"antiword cannot read it: {last}")
    text = normalise_newlines(done.stdout.decode("utf-8", "replace"))
    return Document(text, url=stated_url(text))
