"""The slow tier: kills, generation switches, load and a hostile corpus, each bounded so that
``make test`` runs it too (``pytest -m "not slow"`` leaves it out while developing). Every test
here is marked ``slow``; the figures each run measured are printed (``pytest -s``) and recorded
in RELIABILITY.md."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: the slow tier (kills, load, hostile corpus)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.slow)
