"""Where an index lives on disk, and the atomic switch between its generations.

An index folder holds complete *generations* (``generations/<name>/``: the engine's files, the
document store and the manifest) and a ``CURRENT`` file naming the one being served. A reindex
builds a new generation beside the old one and replaces ``CURRENT`` with an atomic rename, so a
crash at any moment leaves the previous generation serving.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Collection
from datetime import UTC, datetime
from pathlib import Path

CURRENT = "CURRENT"
GENERATIONS = "generations"


def current_generation(index_root: Path) -> Path | None:
    """The folder of the generation being served, or None when there is no usable index yet."""
    try:
        name = (index_root / CURRENT).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    folder = index_root / GENERATIONS / name
    return folder if name and folder.is_dir() else None


def new_generation(index_root: Path) -> Path:
    """Create and return an empty folder for a new generation (named by UTC time, unique)."""
    parent = index_root / GENERATIONS
    parent.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    folder = parent / f"{stamp}-{os.getpid()}"
    folder.mkdir()
    return folder


def switch_to(index_root: Path, generation: Path) -> None:
    """Make ``generation`` the served one, atomically (write a temp file, fsync, rename)."""
    pointer = index_root / CURRENT
    temporary = index_root / f".{CURRENT}.{os.getpid()}.tmp"
    with temporary.open("w", encoding="utf-8") as handle:
        handle.write(generation.name + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, pointer)


def remove_generations(index_root: Path, keep: Collection[str]) -> tuple[str, ...]:
    """Delete every generation folder not named in ``keep`` and any pointer left half-written by
    a killed :func:`switch_to`; return the names of the generations removed, sorted.

    Call it only while holding the reindex lock: unfinished folders of a running build look
    exactly like abandoned ones.
    """
    for temporary in index_root.glob(f".{CURRENT}.*.tmp"):
        temporary.unlink(missing_ok=True)
    parent = index_root / GENERATIONS
    if not parent.is_dir():
        return ()
    removed = sorted(child.name for child in parent.iterdir() if child.name not in keep)
    for name in removed:
        target = parent / name
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        else:
            target.unlink()
    return tuple(removed)
