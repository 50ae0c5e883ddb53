"""Report ids: stable across reindexes, short, and safe in URLs, file names and command lines.

An id is derived from the file's source name (its POSIX path relative to its corpus folder) and
the report's ordinal in that file, so reindexing an unchanged corpus keeps every link working.
The digest is lower-case base32: no ``/``, ``+`` or ``=`` to escape in a URL, no leading ``-``
that a command line would take for an option, and no case to lose on a case-insensitive disk.
"""

from __future__ import annotations

import base64
import hashlib

_DIGEST_BYTES = 10  # 80 bits: a collision among a million files has odds of about 1 in 10**12


def report_id(source: str, ordinal: int) -> str:
    """The id of report number ``ordinal`` (from 0) of the file named ``source``.

    >>> report_id("2019/jilin.txt", 0)
    'ga7hmzhqugmqbarj-0'
    """
    if ordinal < 0:
        raise ValueError(f"report ordinal must not be negative, not {ordinal}")
    digest = hashlib.blake2b(source.encode("utf-8"), digest_size=_DIGEST_BYTES).digest()
    return f"{base64.b32encode(digest).decode('ascii').lower()}-{ordinal}"
