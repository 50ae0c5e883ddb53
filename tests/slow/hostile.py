"""A generated hostile corpus: what an attacker or an unlucky archive puts in a corpus folder,
with what must become of each entry. No tests here.

Every entry must be accounted for exactly once: indexed, rejected with a reason, or skipped as a
type that is not read. Links and FIFOs must be refused; the rest may be indexed or rejected, as
long as the run finishes and says which.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from opencc import OpenCC

from indexer.reindex.plan import source_name

from ..test_reindex_support import SAMPLES

READ, REFUSED, SKIPPED = "read", "refused", "skipped"
SECRET = "机密口令：此行只在语料之外。"


@dataclass
class Hostile:
    """The corpus folder and each entry's source name with its fate (:data:`READ`: indexed or
    rejected; :data:`REFUSED`: rejected without being read; :data:`SKIPPED`: a type not read)."""

    folder: Path
    fates: dict[str, str] = field(default_factory=dict)
    bytes: int = 0

    def put(self, name: str | bytes, data: bytes, fate: str = READ) -> Path:
        path = self.folder / os.fsdecode(name)
        path.write_bytes(data)
        self.fates[source_name(PurePath(os.fsdecode(name)))] = fate
        self.bytes += len(data)
        return path

    def link(self, name: str, target: str | Path) -> None:
        (self.folder / name).symlink_to(target)
        self.fates[name] = REFUSED


def hostile_corpus(folder: Path, outside: Path, huge_bytes: int) -> Hostile:
    """Write the corpus into ``folder`` (a secret file goes to ``outside``, reachable only by
    links); the biggest file holds about ``huge_bytes`` of genuine report text."""
    folder.mkdir(parents=True)
    outside.mkdir(parents=True)
    (outside / "secret.txt").write_text(f"政府信息公开工作年度报告\n{SECRET}\n", encoding="utf-8")
    rng = random.Random(2026)
    corpus = Hostile(folder)
    text = SAMPLES[0].read_text(encoding="utf-8")
    utf8 = text.encode("utf-8")
    for sample in SAMPLES[:4]:
        corpus.put(sample.name, sample.read_bytes())
    corpus.put("binary.txt", rng.randbytes(256 * 1024))
    corpus.put("nul-bytes.txt", b"\x00" * 100_000 + utf8)
    corpus.put("truncated.txt", utf8[: len(utf8) // 2 + 1])  # cut inside a character
    corpus.put("gbk-unmarked.txt", text.encode("gbk", errors="replace"))
    traditional = OpenCC("s2t").convert(text)
    corpus.put("big5-unmarked.txt", traditional.encode("big5", errors="replace"))
    corpus.put("utf16.txt", text.encode("utf-16"))
    corpus.put("empty.txt", b"")
    corpus.put("huge.txt", utf8 * max(1, huge_bytes // len(utf8)))
    corpus.put("one-long-word.txt", b"a" * 2_000_000)
    corpus.put("digits.txt", b"1234567890" * 200_000)
    corpus.put("deep.html", b"<div>" * 100_000 + utf8 + b"</div>" * 100_000)
    corpus.put("many-tags.html", b"<p>" + b"<b>x</b>" * 200_000 + b"</p>")
    corpus.put("fake.pdf", rng.randbytes(50_000))
    corpus.put("fake.docx", b"PK\x03\x04" + rng.randbytes(50_000))
    corpus.put("fake.doc", rng.randbytes(50_000))
    corpus.put("换行\n名字.txt", utf8)
    corpus.put("-leading-dash.txt", utf8)
    corpus.put(" spaces around .txt", utf8)
    corpus.put("年" * 80 + ".txt", utf8)  # 243 bytes: near the 255-byte limit of a name
    corpus.put("报告".encode("gbk") + b".txt", utf8)  # a GBK name
    corpus.put(b"\xff\xfe-undecodable.txt", utf8)
    corpus.put("UPPER.TXT", utf8)
    corpus.put("emoji-😀.txt", utf8)
    corpus.put("no-suffix", utf8, SKIPPED)
    corpus.put("table.xlsx", rng.randbytes(1000), SKIPPED)
    corpus.link("loop.txt", "loop.txt")
    corpus.link("dangling.txt", "nowhere.txt")
    corpus.link("passwd.txt", outside / "secret.txt")
    corpus.link("up.txt", os.path.relpath(outside / "secret.txt", folder))
    corpus.link("outside-folder", outside)
    corpus.link("alias.txt", SAMPLES[0].name)
    os.mkfifo(folder / "pipe.txt")
    corpus.fates["pipe.txt"] = REFUSED
    nested = folder / "a" / "b" / "c"
    nested.mkdir(parents=True)
    (nested / "d.txt").write_bytes(utf8)
    corpus.fates["a/b/c/d.txt"] = READ
    return corpus
