"""`make bench` at scale tiny, end to end in a temp dir: every figure present and sane.

No speed assertions: the figures depend on the machine. This only proves the bench still runs
against the current engine and the stock baseline.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.generate import ensure_corpus
from bench.queries import latency_requests, load_requests
from bench.run import ROWS, markdown, run, table


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[dict, Path]]:
    root = tmp_path_factory.mktemp("bench")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BENCH_DIR", str(root))
        yield run("tiny", root / "results")


def test_result_file_holds_the_run(tiny: tuple[dict, Path]) -> None:
    result, path = tiny
    assert json.loads(path.read_text(encoding="utf-8")) == result
    assert path.name.startswith("tiny-")
    assert result["machine"]["cpus"] >= 1
    assert result["corpus"]["reports"] == 60


@pytest.mark.parametrize("engine", ["gongkai", "stock"])
@pytest.mark.parametrize(("figure", "phase", "key"), ROWS, ids=[row[0] for row in ROWS])
def test_every_figure_is_sane(
    tiny: tuple[dict, Path], engine: str, figure: str, phase: str, key: str
) -> None:
    value = tiny[0][engine][phase][key]
    if "errors" in key:
        assert value == 0, f"{engine}: {figure}"
    else:
        assert value > 0, f"{engine}: {figure}"


def test_load_and_latency_cover_the_required_requests(tiny: tuple[dict, Path]) -> None:
    result = tiny[0]
    for engine in ("gongkai", "stock"):
        serving = result[engine]["serving"]
        assert serving["queries"] >= 60
        assert serving["load_pool"] >= 1000
        assert serving["load_requests"] > 0
    assert result["jieba"]["one_core_mb_per_s"] > 0
    assert result["jieba"]["gongkai_share_of_all_cores"] > 0
    assert "| query p95 (ms) |" in markdown(result)


def test_request_sets_are_distinct() -> None:
    measured = latency_requests()
    assert len(set(measured)) == len(measured)
    pool = load_requests()
    assert len(set(pool)) == len(pool)
    assert not set(pool) & set(measured)


def test_corpus_is_reused_and_deterministic(
    tiny: tuple[dict, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = Path(tiny[0]["corpus"]["folder"])
    monkeypatch.setenv("BENCH_DIR", str(tmp_path))
    again = ensure_corpus("tiny")
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(
        p.relative_to(again.folder) for p in again.folder.rglob("*") if p.is_file()
    )
    assert all((first / f).read_bytes() == (again.folder / f).read_bytes() for f in files)
    stamp = again.folder.parent / "corpus.stamp"
    before = stamp.stat().st_mtime_ns
    assert ensure_corpus("tiny") == again
    assert stamp.stat().st_mtime_ns == before


def test_a_run_without_the_baseline_leaves_its_column_empty(tiny: tuple[dict, Path]) -> None:
    result, _ = tiny
    alone = {"gongkai": {phase: result["gongkai"][phase] for phase in ("indexing", "serving")}}
    rows = table(alone)
    assert all(row["stock"] is None and row["ratio"] is None for row in rows)
    shown = markdown({**result, "table": rows})
    assert "| query p95 (ms) |" in shown and "| – | – |" in shown
