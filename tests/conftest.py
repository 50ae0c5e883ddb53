"""Shared fixtures: the repository's sample corpus, its expected readings, and settings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from indexer.config import Settings, load_settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = ROOT / "data" / "sample"
TEMPLATE_2019_DIR = SAMPLE_DIR / "2019-template"
DATA_DIR = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def settings() -> Settings:
    """The repository's own config.toml (taxonomy included)."""
    return load_settings(ROOT / "config.toml")


@pytest.fixture(scope="session")
def expected() -> dict[str, Any]:
    """What a careful reader finds in each of the five sample files."""
    return json.loads((DATA_DIR / "expected.json").read_text(encoding="utf-8"))
