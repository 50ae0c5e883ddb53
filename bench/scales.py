"""Corpus scales and where their files live: outside the repository, reused between runs."""

from __future__ import annotations

import os
from pathlib import Path

SCALES: dict[str, int] = {"tiny": 60, "small": 1_000, "medium": 10_000, "large": 50_000}
"""Reports per scale; tiny is the CI smoke test, medium the size issue 7 measured."""

BENCH_DIR_ENV = "BENCH_DIR"


def scale_dir(scale: str) -> Path:
    """The working folder of one scale: ``$BENCH_DIR/<scale>``, else the user's cache."""
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}; choose one of {', '.join(SCALES)}")
    root = os.environ.get(BENCH_DIR_ENV)
    base = Path(root) if root else Path.home() / ".cache" / "gongkai-bench"
    return base / scale
