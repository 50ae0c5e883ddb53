"""Write the benchmark corpus of a scale: deterministic files, a manifest of what each holds.

Each file depends only on the seed and its own number, so every run (and every number of worker
processes) writes the same bytes, and a smaller scale is a prefix of a larger one. The corpus is
reused while its stamp names the same generator version and scale.

    python -m bench.generate --scale small
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path

from bench import render
from bench.compose import Composed, compose
from bench.material import Material, in_force, load_material
from bench.scales import SCALES, scale_dir

VERSION = 1
"""Bump when the generator's output changes, so stale corpora are regenerated."""

SEED = 20240607
YEARS = range(2008, 2025)
CHUNK = 200


@dataclass(frozen=True)
class Corpus:
    """A generated corpus: its folder, its manifest and its size."""

    folder: Path
    manifest: Path
    files: int
    reports: int
    bytes: int


def ensure_corpus(scale: str) -> Corpus:
    """The corpus of ``scale``, generated first unless an up-to-date one is already there."""
    root = scale_dir(scale)
    stamp = root / "corpus.stamp"
    wanted = {"generator": VERSION, "seed": SEED, "scale": scale, "reports": SCALES[scale]}
    if stamp.exists():
        found = json.loads(stamp.read_text())
        if {key: found.get(key) for key in wanted} == wanted:
            return _corpus(root, found)
    found = {**wanted, **generate(root, SCALES[scale])}
    stamp.write_text(json.dumps(found) + "\n")
    return _corpus(root, found)


def _corpus(root: Path, stamp: dict[str, int]) -> Corpus:
    files, reports, size = stamp["files"], stamp["reports"], stamp["bytes"]
    return Corpus(root / "corpus", root / "manifest.jsonl", files, reports, size)


def generate(root: Path, reports: int) -> dict[str, int]:
    """Write ``reports`` reports under ``root/corpus`` and ``root/manifest.jsonl``; the totals.

    Files are written to a temporary folder renamed at the end, so an interrupted run never
    leaves a corpus that looks complete.
    """
    plan = list(_plan(reports))
    building = root / "corpus.partial"
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    chunks = [plan[i : i + CHUNK] for i in range(0, len(plan), CHUNK)]
    rows: list[dict] = []
    with Pool(min(os.cpu_count() or 1, len(chunks))) as pool:
        for done in pool.imap(_write_chunk, [(building, chunk) for chunk in chunks]):
            rows.extend(done)
    with (root / "manifest.jsonl").open("w", encoding="utf-8") as manifest:
        manifest.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    shutil.rmtree(root / "corpus", ignore_errors=True)
    building.rename(root / "corpus")
    total = sum(len(row["reports"]) for row in rows)
    return {"files": len(rows), "reports": total, "bytes": sum(row["bytes"] for row in rows)}


def _plan(reports: int) -> Iterator[tuple[int, int]]:
    """(file number, reports in it) until ``reports`` are planned; 5% of files are compilations."""
    number = planned = 0
    while planned < reports:
        rng = random.Random(f"{SEED}:{number}:count")
        count = rng.randint(2, 4) if rng.random() < 0.05 else 1
        count = min(count, reports - planned)
        yield number, count
        planned += count
        number += 1


def _write_chunk(job: tuple[Path, list[tuple[int, int]]]) -> list[dict]:
    folder, chunk = job
    return [_write_file(folder, number, count) for number, count in chunk]


def _write_file(folder: Path, number: int, count: int) -> dict:
    """Write file ``number`` holding ``count`` reports; its manifest row."""
    rng = random.Random(f"{SEED}:{number}")
    material = load_material()
    reports = [_report(rng, material) for _ in range(count)]
    script = "traditional" if rng.random() < 0.15 else "simplified"
    page = rng.random() < 0.15
    encoding = "gb18030" if rng.random() < 0.3 else "utf-8"
    text = render.compilation([r.text for r in reports])
    if rng.random() < 0.08:
        text += render.spam_tail(rng)
    if script == "traditional":
        text = render.traditional(text)
    if page:
        text = render.html_page(rng, text, f"{reports[0].division.name}人民政府", encoding)
    data = text.encode(encoding)
    path = folder / f"{number // 1000:03d}" / f"{number:06d}.{'html' if page else 'txt'}"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return {
        "file": str(path.relative_to(folder)),
        "bytes": len(data),
        "encoding": encoding,
        "script": script,
        "reports": [_facts(r) for r in reports],
    }


def _report(rng: random.Random, material: Material) -> Composed:
    year = rng.choice(YEARS)
    level = rng.choices(("county", "prefecture", "province"), (75, 20, 5))[0]
    division = rng.choice(in_force(year, level))
    return compose(rng, material, division, year)


def _facts(report: Composed) -> dict:
    region = report.division.region
    return {
        "title": report.title,
        "province": region.province,
        "prefecture": region.prefecture,
        "county": region.county,
        "year": report.year,
        "template": "2019" if report.template else "prose",
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=SCALES, default="small")
    corpus = ensure_corpus(parser.parse_args(argv).scale)
    print(f"{corpus.folder}: {corpus.files} files, {corpus.reports} reports, {corpus.bytes} bytes")


if __name__ == "__main__":
    main()
