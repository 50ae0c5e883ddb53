"""Packed postings give back exactly what was packed, whatever the widths, and a segment written
with them reads the same through the array path and through Whoosh's own matchers and merges."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from whoosh import fields, index
from whoosh.matching import ListMatcher

from indexer.backends.whoosh.analysis import Counts
from indexer.backends.whoosh.codec import PackedCodec, PackedMatcher
from indexer.backends.whoosh.packed import COMPRESS_FROM, PackedPostingsError, pack, unpack
from indexer.backends.whoosh.pool import CompactSegmentWriter
from indexer.backends.whoosh.postings import posting_by_posting


def random_postings(seed: int, count: int, gap: int, weight: float) -> tuple:
    rng = np.random.default_rng(seed)
    ids = np.cumsum(rng.integers(1, gap + 1, count)) - 1
    weights = rng.integers(1, int(weight) + 1, count).astype(np.float64)
    return ids, weights


@pytest.mark.parametrize("count", [1, COMPRESS_FROM - 1, COMPRESS_FROM, 5000])
@pytest.mark.parametrize("gap", [1, 255, 256, 70_000])
@pytest.mark.parametrize("weight", [1, 200, 300, 70_000])
def test_a_record_gives_back_its_postings(count: int, gap: int, weight: int) -> None:
    ids, weights = random_postings(count * gap + weight, count, gap, weight)
    back_ids, back_weights = unpack(pack(ids, weights))
    assert back_ids.dtype == np.int64 and back_weights.dtype == np.float64
    assert back_ids.tolist() == ids.tolist()
    assert back_weights.tolist() == weights.tolist()


def test_weights_that_are_not_whole_numbers_keep_float32_precision() -> None:
    weights = np.array([0.5, 1.25, 3.0])
    assert unpack(pack(np.array([0, 1, 2]), weights))[1].tolist() == [0.5, 1.25, 3.0]


def test_a_common_term_packs_into_about_a_byte_a_posting() -> None:
    ids = np.arange(0, 300_000, 3)
    assert len(pack(ids, np.ones(len(ids)))) < 0.02 * len(ids)  # zlib on one-byte gaps


@pytest.mark.parametrize(
    ("ids", "weights", "message"),
    [
        ([], [], "0 documents"),
        ([1, 2], [1.0], "2 documents with 1 weights"),
        ([3, 3], [1.0, 1.0], "not strictly ascending"),
        ([-1, 2], [1.0, 1.0], "not strictly ascending"),
    ],
)
def test_postings_that_cannot_be_packed_are_refused(ids: list, weights: list, message: str) -> None:
    with pytest.raises(PackedPostingsError, match=message):
        pack(np.array(ids, dtype=np.int64), np.array(weights))


@pytest.mark.parametrize("record", [b"", b"GKP1", b"XXXX\x01\x00\x00\x00\x01\x00\x00\x05"])
def test_a_record_that_is_not_packed_postings_is_refused(record: bytes) -> None:
    with pytest.raises(PackedPostingsError):
        unpack(record)


def test_the_matcher_serves_arrays_and_whooshs_interface_alike() -> None:
    matcher = PackedMatcher([2, 5, 9], [1.0, 3.0, 1.0])
    assert matcher.ids.tolist() == [2, 5, 9]
    matcher.skip_to(4)
    assert (matcher.id(), matcher.weight()) == (5, 3.0)
    copied = matcher.copy()
    assert isinstance(copied, ListMatcher) and copied.id() == 5
    assert [list(a) for a in posting_by_posting(PackedMatcher([2, 5], [1.0, 2.0]))] == [
        [2, 5],
        [1.0, 2.0],
    ]


def build(folder: Path, batches: list[list[str]]) -> index.Index:
    """An index of one document per text, one segment per batch, written with packed postings."""
    schema = fields.Schema(key=fields.ID(stored=True), body=fields.TEXT(phrase=False))
    schema["body"].format = Counts()
    ix = index.create_in(str(folder), schema)
    for batch in batches:
        writer = CompactSegmentWriter(ix, mergetype=_keep_segments)
        for text in batch:
            writer.add_document(key=text, body=text)
        writer.commit()
    return ix


def _keep_segments(writer: object, segments: list) -> list:
    return segments


def test_segments_merged_by_whoosh_keep_every_posting(tmp_path: Path) -> None:
    batches = [[f"alpha w{n} " + "beta " * (n % 3) for n in range(k, k + 40)] for k in (0, 40)]
    ix = build(tmp_path, batches)
    with ix.reader() as reader:
        assert len(list(reader.leaf_readers())) == 2
    writer = ix.writer(codec=PackedCodec())
    writer.delete_by_term("key", batches[0][1])
    writer.commit(optimize=True)  # Whoosh merges both segments through its own interfaces
    with ix.reader() as reader:
        (leaf, _), *rest = reader.leaf_readers()
        assert not rest
        beta = leaf.postings("body", "beta")
        assert isinstance(beta, PackedMatcher)
        keys = [leaf.stored_fields(doc)["key"] for doc in beta.ids.tolist()]
        expected = [text for batch in batches for text in batch if "beta" in text]
        assert keys == [key for key in expected if key != batches[0][1]]
        assert beta.weights.tolist() == [float(key.count("beta")) for key in keys]
