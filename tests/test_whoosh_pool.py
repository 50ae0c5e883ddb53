"""The compact posting pool gives Whoosh's writer the postings it would have got, in order,
whether they stayed in memory or went through run files."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from whoosh.filedb.filestore import FileStorage

from indexer.backends.whoosh.pool import CompactPool

TERMS = ["政务", "公开", "申请", "2023", "依申请公开"]


def postings(seed: int, documents: int) -> list[tuple[str, bytes, int, float, bytes]]:
    rng = random.Random(seed)
    found = []
    for docnum in range(documents):
        for field in ("text", "text_bigram"):
            for term in rng.sample(
                ["政务", "公开", "申请", "2023", "依申请公开"], rng.randint(1, 4)
            ):
                found.append((field, term.encode(), docnum, float(rng.randint(1, 5)), b""))
    return found


@pytest.mark.parametrize("per_run", [10**9, 7, 1])
def test_postings_come_back_sorted_by_field_term_and_document(
    tmp_path: Path, per_run: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = FileStorage(str(tmp_path)).create()
    pool = CompactPool(store, limitmb=1)
    monkeypatch.setattr(pool, "_limit", per_run)  # write a run every per_run postings
    added = postings(seed=per_run, documents=60)
    for posting in added:
        pool.add(posting)
    flat = [
        (field, text, docnum, weight, b"")
        for field, text, docs, weights in pool.iter_terms()
        for docnum, weight in zip(docs.tolist(), weights.tolist(), strict=True)
    ]
    assert flat == sorted(added)
    runs = list(tmp_path.glob("*.run"))
    assert bool(runs) is (per_run < len(added))
    pool.cleanup()
    assert not list(tmp_path.glob("*.run"))


def test_posting_values_and_out_of_order_documents_are_refused(tmp_path: Path) -> None:
    pool = CompactPool(FileStorage(str(tmp_path)).create(), limitmb=1)
    with pytest.raises(ValueError, match="stores posting values"):
        pool.add(("text", b"x", 0, 1.0, b"\x00\x01"))
    pool.add(("text", b"x", 5, 1.0, b""))
    with pytest.raises(ValueError, match="out of order"):
        pool.add(("text", b"x", 4, 1.0, b""))


def test_pools_sharing_a_temporary_folder_keep_their_own_runs(tmp_path: Path) -> None:
    """Regression: every worker's writer spills into the index's one temporary folder, and run
    files named by count overwrote each other's (found by packing, which checks the order)."""
    store = FileStorage(str(tmp_path)).create()
    pools = [CompactPool(store, limitmb=1) for _ in range(2)]
    added = [postings(seed=n, documents=40) for n in range(2)]
    for pool, postings_of_pool in zip(pools, added, strict=True):
        pool._limit = 5
        for posting in postings_of_pool:
            pool.add(posting)
    for pool, postings_of_pool in zip(pools, added, strict=True):
        flat = [
            (field, text, docnum, weight, b"")
            for field, text, docs, weights in pool.iter_terms()
            for docnum, weight in zip(docs.tolist(), weights.tolist(), strict=True)
        ]
        assert flat == sorted(postings_of_pool)
