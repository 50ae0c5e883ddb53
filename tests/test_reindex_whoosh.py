"""Reindexing into the real Whoosh engine: what a search finds after adding, changing and deleting
files, the stored reports, and counts that agree between the summary and the index."""

from __future__ import annotations

from pathlib import Path

from indexer.backends.whoosh.engine import WhooshEngine
from indexer.config import Settings
from indexer.ids import report_id
from indexer.pipeline import understand_file
from indexer.reindex.layout import current_generation
from indexer.reindex.manifest import read_manifest
from indexer.search.types import SearchRequest

from .test_reindex_support import SAMPLES, make_corpus, run_reindex, sources_matching

MARKS = ("附：本年度举办龙舟竞渡活动。", "附：园区放养梅花鹿若干。", "附：窖藏葡萄美酒一批。")


def append(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def section_total(engine: WhooshEngine, index: Path) -> int:
    generation = current_generation(index)
    assert generation is not None
    backend = engine.open_backend(generation)
    try:
        return backend.search(SearchRequest(page_size=0)).total
    finally:
        backend.close()


def test_incremental_runs_are_searchable_through_the_engine(
    tmp_path: Path, settings: Settings
) -> None:
    engine = WhooshEngine(settings.search, settings.taxonomy, procs=1)
    corpus, index = make_corpus(tmp_path / "corpus", 3), tmp_path / "index"
    kept, changed, deleted = (corpus / sample.name for sample in SAMPLES[:3])
    append(kept, MARKS[0])
    append(deleted, MARKS[1])
    first = run_reindex(corpus, index, settings.taxonomy, engine=engine)
    assert sources_matching(engine, index, "龙舟竞渡") == {kept.name}
    assert sources_matching(engine, index, "梅花鹿") == {deleted.name}
    assert section_total(engine, index) == first.sections_total

    added = corpus / SAMPLES[3].name
    added.write_bytes(SAMPLES[3].read_bytes())
    append(added, MARKS[1])
    append(changed, MARKS[2])
    deleted.unlink()
    second = run_reindex(corpus, index, settings.taxonomy, engine=engine)
    assert (second.new, second.changed, second.deleted, second.unchanged) == (1, 1, 1, 1)
    assert sources_matching(engine, index, "龙舟竞渡") == {kept.name}
    assert sources_matching(engine, index, "梅花鹿") == {added.name}
    assert sources_matching(engine, index, "葡萄美酒") == {changed.name}
    assert section_total(engine, index) == second.sections_total

    generation = current_generation(index)
    assert generation is not None
    manifest = read_manifest(generation)
    assert manifest is not None
    backend = engine.open_backend(generation)
    try:
        for source, record in manifest.files.items():
            expected = understand_file(corpus / source, source, settings.taxonomy)
            stored = [backend.report(rid) for rid in record.reports]
            assert stored == expected, source
        assert backend.report(report_id(deleted.name, 0)) is None
    finally:
        backend.close()

    third = run_reindex(corpus, index, settings.taxonomy, engine=engine)
    assert (third.processed, third.generation) == (0, second.generation)
    full = run_reindex(corpus, index, settings.taxonomy, engine=engine, full=True)
    assert (full.reports_total, full.sections_total) == (
        second.reports_total,
        second.sections_total,
    )
    assert section_total(engine, index) == full.sections_total
    assert sources_matching(engine, index, "葡萄美酒") == {changed.name}
