"""Finding report files in folders: recursive, sorted, hidden files and folders skipped."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from indexer.reading.errors import ReadError


def find_files(folders: Iterable[Path], suffixes: frozenset[str] | None) -> list[Path]:
    """Files under the folders with one of the suffixes (any case; None: any file), sorted,
    without duplicates.

    Names starting with "." are skipped below each folder (not above it: a folder the user names
    is searched even if it lives in a hidden one). A missing folder is an error, not an empty list.
    """
    found: set[Path] = set()
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            raise ReadError(f"no such folder: {folder}")
        for directory, subdirectories, names in os.walk(folder):
            subdirectories[:] = [name for name in subdirectories if not name.startswith(".")]
            found.update(
                Path(directory, name)
                for name in names
                if not name.startswith(".")
                and (suffixes is None or Path(name).suffix.lower() in suffixes)
            )
    return sorted(found)
