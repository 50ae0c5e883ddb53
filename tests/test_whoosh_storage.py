"""How the Whoosh backend stores and reads an index: counts-only postings, run strings read in
place from memory-mapped segment files, and old layouts refused with a clear message."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from whoosh import index
from whoosh.fields import TEXT, Schema
from whoosh.util.varints import varint

from indexer.analysis.runs import encode_runs, run_needle, run_pattern, run_string
from indexer.backends.whoosh import runtexts
from indexer.backends.whoosh.engine import WhooshEngine
from indexer.backends.whoosh.mapped import MappedFile, ViewReader, install
from indexer.backends.whoosh.postings import Postings
from indexer.backends.whoosh.runtexts import RunTexts
from indexer.backends.whoosh.schema import LAYOUT
from indexer.backends.whoosh.writer import WHOOSH_DIR
from indexer.reindex.layout import current_generation, new_generation, switch_to
from indexer.reindex.manifest import read_manifest, write_manifest
from indexer.search.service import NoIndexError, SearchService
from indexer.search.types import IndexFormatError, SearchRequest

from .search_fixtures import CRAFTED, repo_settings, shared_index
from .test_reindex_support import make_corpus, run_reindex

DATA = b"first line\nsecond\n\nlast without newline"


@pytest.mark.parametrize(
    "steps",
    [
        [("read", 5), ("read", 3), ("tell",), ("read", -1)],
        [("seek", 6, 0), ("read", 4), ("seek", -2, 1), ("read", 10), ("seek", -4, 2), ("read", 9)],
        [("readline",), ("readline",), ("readline",), ("readline",), ("readline",)],
        [("seek", 3, 0), ("readline", 4), ("readline",), ("read", None)],
        [("seek", 100, 0), ("read", 5), ("tell",)],
    ],
)
def test_view_reader_reads_like_bytesio(steps: list[tuple]) -> None:
    ours, theirs = ViewReader(memoryview(DATA)), io.BytesIO(DATA)
    for name, *args in steps:
        assert getattr(ours, name)(*args) == getattr(theirs, name)(*args), (name, args)


def test_view_reader_iterates_lines() -> None:
    assert list(ViewReader(memoryview(DATA))) == list(io.BytesIO(DATA))


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory):
    install()
    generation = current_generation(shared_index(tmp_path_factory))
    assert generation is not None
    opened = index.open_dir(generation / WHOOSH_DIR, readonly=True).reader()
    yield opened
    opened.close()


def test_segment_parts_are_read_in_place(reader) -> None:
    for leaf, _ in reader.leaf_readers():
        assert isinstance(leaf._terms._postfile, MappedFile)
        assert isinstance(leaf.column_reader("text_runs", translate=False)._dbfile, MappedFile)


def test_postings_weigh_a_term_by_its_count(reader) -> None:
    postings = Postings(reader.leaf_readers(), np.ones(reader.doc_count_all(), dtype=bool))
    ids, weights = postings.read("text_bigram", "公开")
    runs = RunTexts(reader, "text_runs")
    for docnum, weight in zip(ids.tolist()[:50], weights.tolist()[:50], strict=True):
        assert runs.text(docnum).count("公开") == weight


@pytest.mark.parametrize(
    "query", ["政务公开", "依申请公开", "互联网+政务服务", "2017年度", "龙舟竞渡"]
)
def test_scanning_a_segment_finds_what_checking_each_document_finds(
    reader, query: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs = RunTexts(reader, "text_runs")
    everything = np.arange(reader.doc_count_all(), dtype=np.int64)
    monkeypatch.setattr(runtexts, "SCAN_SHARE", float("inf"))  # one by one
    one_by_one = runs.matching(query, everything)
    monkeypatch.setattr(runtexts, "SCAN_SHARE", 0.0)  # one scan per segment
    monkeypatch.setattr(runtexts, "CHUNK", 7)  # many small chunks
    scanned = runs.matching(query, everything)
    assert len(one_by_one) > 0
    assert one_by_one.tolist() == scanned.tolist()
    expected = [d for d in everything.tolist() if run_pattern(query).search(runs.text(d))]
    assert scanned.tolist() == expected
    subset = everything[::3]
    assert runs.matching(query, subset).tolist() == [d for d in expected if d % 3 == 0]


def test_run_strings_are_stored_for_every_section(reader) -> None:
    runs = RunTexts(reader, "text_runs")
    texts = [runs.text(docnum) for docnum in range(reader.doc_count_all())]
    assert all(text.startswith("\x1f") and text.endswith("\x1f") for text in texts)
    for report in CRAFTED:
        for section in report.sections:
            assert run_string(report.simplified[section.start : section.end]) in texts


def _old_generation(root: Path) -> Path:
    """A generation laid out as before run strings: a Whoosh index without their columns."""
    generation = new_generation(root)
    (generation / WHOOSH_DIR).mkdir()
    index.create_in(generation / WHOOSH_DIR, Schema(text=TEXT(stored=True)))
    switch_to(root, generation)
    return generation


def test_an_old_layout_is_refused_with_its_reason(tmp_path: Path) -> None:
    generation = _old_generation(tmp_path)
    with pytest.raises(IndexFormatError, match="older layout"):
        WhooshEngine(procs=1).open_backend(generation)


def test_the_service_asks_for_a_reindex_of_an_old_layout(tmp_path: Path) -> None:
    _old_generation(tmp_path)
    settings = repo_settings()
    service = SearchService(type(settings)(**{**vars(settings), "index_path": tmp_path}))
    with pytest.raises(NoIndexError, match="gongkai reindex"):
        service.search(SearchRequest(query="政务公开"))


@pytest.mark.parametrize(
    ("texts", "query", "expected"),
    [
        (["一乎", "幎", "一幎"], "乎", [0]),  # 00 4e|4e 4e: a match one byte off hides the real one
        (["一幎", "乎乎", "公开"], "乎", [1]),  # 00 4e|4e 5e: only one byte off
        (["政务公开", "公开", "开公"], "公开", [0, 1]),
    ],
)
def test_a_scan_finds_matches_one_byte_off_never_and_real_ones_always(
    texts: list[str], query: str, expected: list[int]
) -> None:
    encoded = [encode_runs(text) for text in texts]
    lengths = np.array([len(value) for value in encoded], dtype=np.int64)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    segment = runtexts._Segment(0, b"".join(encoded), starts, starts + lengths)
    needle = run_needle(query)
    assert needle is not None
    assert runtexts._scan(segment, needle).tolist() == expected


def test_a_reindex_over_an_older_layout_rebuilds_it_in_full(tmp_path: Path) -> None:
    corpus, index_root = make_corpus(tmp_path / "corpus", 2), tmp_path / "index"
    taxonomy = repo_settings().taxonomy
    run_reindex(corpus, index_root, taxonomy, engine=WhooshEngine(procs=1))
    generation = current_generation(index_root)
    assert generation is not None
    (generation / WHOOSH_DIR / LAYOUT).unlink()  # as an index of the layout before looks
    manifest = read_manifest(generation)
    assert manifest is not None
    write_manifest(generation, replace(manifest, engine="whoosh (gongkai-layout-5)"))
    summary = run_reindex(corpus, index_root, taxonomy, engine=WhooshEngine(procs=1))
    assert summary.full_reason is not None
    assert "gongkai-layout-5" in summary.full_reason and LAYOUT in summary.full_reason
    rebuilt = current_generation(index_root)
    assert rebuilt is not None and rebuilt != generation
    WhooshEngine(procs=1).open_backend(rebuilt).close()  # served again


def test_a_mapped_part_reads_whooshs_varints_as_whoosh_does() -> None:
    values = [0, 1, 127, 128, 300, 16383, 16384, 2**31, 2**40 + 5, *range(1000, 200_000, 997)]
    encoded = memoryview(b"".join(varint(value) for value in values) + b"tail")
    part = MappedFile(encoded)
    assert [part.read_varint() for _ in values] == values
    assert part.read(4) == b"tail"
