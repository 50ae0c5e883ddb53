"""``gongkai stats``: counts agree with what ``inspect`` reads; the last run's rejects are shown."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from indexer.cli import main

from .conftest import ROOT, SAMPLE_DIR

CONFIG = ["--config", str(ROOT / "config.toml")]
FILES = ("000_cef16ff5666cac0f.txt", "002_807864a72307f814.txt", "003_5e3e2af98a4f9789.txt")


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    corpus = tmp_path_factory.mktemp("corpus")
    for name in FILES:
        shutil.copy(SAMPLE_DIR / name, corpus / name)
    (corpus / "broken.txt").write_bytes(b"")
    index = tmp_path_factory.mktemp("index")
    runner = CliRunner()
    done = runner.invoke(main, ["reindex", "--corpus", str(corpus), "--index", str(index), *CONFIG])
    assert done.exit_code == 0, done.output
    return corpus, index


def stats_json(index: Path) -> dict:
    result = CliRunner().invoke(main, ["stats", "--json", "--index", str(index), *CONFIG])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_counts_match_what_inspect_reads(indexed: tuple[Path, Path]) -> None:
    corpus, index = indexed
    shown = CliRunner().invoke(main, ["inspect", "--json", str(corpus), *CONFIG])
    reports = [r for r in json.loads(shown.stdout) if "error" not in r]
    data = stats_json(index)
    assert data["reports"] == len(reports) == 8
    assert data["sections"] == sum(len(r["sections"]) for r in reports)
    types = Counter(s["type"] for r in reports for s in r["sections"])
    assert {v["value"]: v["count"] for v in data["facets"]["section_type"]} == dict(types)
    assert data["unclassified_share"] == round(types["unclassified"] / data["sections"], 4)
    years = Counter(str(r["year"]) if r["year"] else "未知" for r in reports for _ in r["sections"])
    assert {v["value"]: v["count"] for v in data["facets"]["year"]} == dict(years)


def test_size_age_and_last_run_are_reported(indexed: tuple[Path, Path]) -> None:
    _, index = indexed
    data = stats_json(index)
    assert data["size_bytes"] > 0
    assert 0 <= data["age_seconds"] < 3600
    assert data["last_run"]["files_seen"] == len(FILES) + 1
    assert [r["source"] for r in data["last_run"]["rejected"]] == ["broken.txt"]


def test_text_output_lists_facets_and_rejected_files(indexed: tuple[Path, Path]) -> None:
    _, index = indexed
    result = CliRunner().invoke(main, ["stats", "--index", str(index), *CONFIG])
    assert result.exit_code == 0
    assert "reports:    8" in result.output
    assert "昆都仑区" in result.output
    assert "broken.txt: empty file" in result.output


def test_without_an_index_it_says_how_to_make_one(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["stats", "--index", str(tmp_path), *CONFIG])
    assert result.exit_code == 1
    assert "gongkai reindex" in result.output
    assert "Traceback" not in result.output
