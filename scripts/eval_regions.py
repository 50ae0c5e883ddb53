"""Region and level-1 section accuracy on the shared samples and on variants made from them.

There is no fresh labelled batch on this machine, so the evaluation is built from what exists:
the hand-labelled samples (shared/corpus + expected.json, shared/corpus-2019 with the regions
its README names), the same texts delivered as one line (with and without a site's head
furniture, or as an HTML page), and one 2019-template report whose issuer is rewritten to other
real divisions and zones from the gazetteer (bare county names, two-level street offices,
development zones, issuer lines, 索引号 codes, phone area codes). A region is *right*, *partial*
(an ancestor of the right one), *unknown* or *wrong*; a level-1 heading is right when found with
an acceptable type.

    .venv/bin/python scripts/eval_regions.py [--shared /work/shared] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from indexer.gazetteer import default_gazetteer
from indexer.gazetteer.zones import read_zones
from indexer.metadata.codes import check_character
from indexer.models import Region
from indexer.pipeline import understand_file, understand_text
from indexer.script import to_simplified
from indexer.structure.taxonomy import default_taxonomy

TEMPLATE_SIX = ["overview", "proactive", "on_request", "review_litigation", "problems"]
_2019 = {  # file: (region, level-1 headings checked) as its README and a reading give them
    "huaian-city-2024.txt": (("江苏省", "淮安市", None), True),
    "shuyang-fgj-2023.txt": (("江苏省", "宿迁市", "沭阳县"), True),
    "shuyang-fgj-2023.html": (("江苏省", "宿迁市", "沭阳县"), True),
    "shanghai-kewei-2024.txt": (("上海市", None, None), False),
    "shanghai-office-2025.txt": (("上海市", None, None), False),
    "shuyang-county-2025.txt": (None, True),
}
_LEVELS = ("province", "prefecture", "county")
_HEAD = "当前位置：首页 > 政务公开 > 政府信息公开年报 字号：大 中 小 微信 微博 打印 关闭 "
_TAIL = " 网站地图 | 联系我们 主办单位：人民政府办公室 版权所有 ICP备05001234号"
_NUMERAL = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])")


def normalise(heading: str) -> str:
    return _NUMERAL.sub("", re.sub(r"\s+", "", to_simplified(heading)))


def samples(shared: Path) -> Iterator[tuple[str, str, list[dict[str, Any]]]]:
    """(name, raw text, expected reports) of every labelled sample."""
    corpus = shared / "corpus"
    expected = json.loads((corpus / "expected.json").read_text(encoding="utf-8"))
    for name, entry in expected.items():
        if not name.startswith("_"):
            wanted = entry["reports"] if isinstance(entry, dict) else entry
            yield name, (corpus / name).read_text(encoding="utf-8"), wanted
    taxonomy = default_taxonomy()
    for name, (path, check) in _2019.items():
        file = shared / "corpus-2019" / name
        original = understand_file(file, name, taxonomy)[0]
        region = dict(zip(_LEVELS, path, strict=True)) if path else None
        headings = [
            [normalise(s.heading), [s.type]] for s in original.sections if s.level == 1 and check
        ]
        text = understand_file(file, name, taxonomy)[0].text if name.endswith(".html") else None
        yield (
            name,
            text or file.read_text(encoding="utf-8"),
            [{"region": region, "headings": headings}],
        )


def one_line(text: str, glue: str) -> str:
    return glue.join(line.strip() for line in text.splitlines() if line.strip())


def as_html(text: str) -> str:
    body = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    nav = "<div class='nav'>当前位置：<a>首页</a> &gt; <a>政务公开</a></div>"
    return f"<html><head><title>年报</title></head><body>{nav}<div>{body}</div></body></html>"


def variants(text: str) -> Iterator[tuple[str, str, str]]:
    """(variant, suffix, text) for one sample."""
    yield "original", ".txt", text
    yield "one line, spaces", ".txt", one_line(text, " ")
    yield "one line, no breaks", ".txt", one_line(text, "")
    yield "one line, site furniture", ".txt", _HEAD + one_line(text, "") + _TAIL
    yield "html page", ".html", as_html(text)


def rewritten(shared: Path, count: int) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """The body of the 2025 沭阳 report (its place names removed) under titles, issuer lines and
    signatures of other divisions and zones."""
    base = (shared / "corpus-2019" / "shuyang-county-2025.txt").read_text(encoding="utf-8")
    body = base.split("\n", 4)[4].rsplit("沐阳县人民政府", 1)[0].replace("沐阳县", "本县")
    body = body.replace("沐阳", "本县")
    gazetteer = default_gazetteer()
    rng = random.Random(12)
    counties = [d for d in gazetteer.divisions if d.current and d.level == "county" and d.code]
    names = Counter(d.name for d in gazetteer.divisions)
    unique = [d for d in counties if names[d.name] == 1]
    short = [d for d in unique if len(d.name) == 2]

    def titled(issuer: str, head: str = "", years: tuple[int, ...] = (2015, 2019, 2025)) -> str:
        year = rng.choice(years)
        title = rng.choice(
            [f"{issuer}{year}年政府信息公开工作年度报告", f"{year}年{issuer}政府信息公开年度报告"]
        )
        return head + title + "\n" + body

    def want(region: Region | None) -> dict[str, Any]:
        return {"region": _as_dict(region), "headings": []}

    for d in rng.sample(unique, count):
        yield "county, title only", titled(f"{d.name}人民政府"), want(d.region)
        yield "issuer line only", f"发布机构：{d.name}人民政府办公室\n" + body, want(d.region)
        yield "signature only", body + f"\n{d.name}人民政府办公室\n2026年1月23日\n", want(d.region)
    for d in short:
        yield "two-character county", titled(f"{d.name}人民政府"), want(d.region)
        yield "two-character county", titled(f"{d.name}人民政府办公室"), want(d.region)
    shared_names = [d for d in counties if names[d.name] > 1 and d.region.prefecture]
    for d in rng.sample(shared_names, count):
        street = f"{d.region.prefecture}{d.name}新华街道办事处"
        yield "street office, two levels", titled(street), want(d.region)
        credit = "11" + d.code + "MB1234567"
        head = f"索引号：{credit}{check_character(credit)}/2025-00012\n"
        yield (
            "shared name + 索引号 code",
            titled(f"{d.name}人民政府", head, (2025,)),
            want(d.region),
        )
    zones = read_zones()
    for zone in rng.sample(zones, min(count, len(zones))):
        host = gazetteer.by_code(zone.host)
        yield "development zone", titled(f"{zone.name}管理委员会"), want(host.region)
        inside = [d for d in counties if host.contains(d)]
        if inside:
            county = rng.choice(inside)
            head = f"来源：{county.name}人民政府 发布时间：2026-01-23\n"
            yield "zone + 来源 county", titled(f"{zone.name}管理委员会", head), want(county.region)


def _as_dict(region: Region | None) -> dict[str, Any] | None:
    if region is None:
        return None
    return {"province": region.province, "prefecture": region.prefecture, "county": region.county}


def judge(found: dict[str, Any] | None, wanted: Any) -> str:
    options = wanted if isinstance(wanted, list) else [wanted]
    if found in options:
        return "right"
    if found is None:
        return "unknown"
    for option in options:
        if option and all(found[k] in (None, option[k]) for k in found):
            return "partial"
    return "wrong"


def evaluate(shared: Path, count: int, verbose: bool) -> dict[str, Counter]:
    taxonomy = default_taxonomy()
    tally: dict[str, Counter] = defaultdict(Counter)
    cases = [
        (variant, suffix, text, name, wanted)
        for name, raw, wanted in samples(shared)
        for variant, suffix, text in variants(raw)
    ]
    cases += [(group, ".txt", text, group, [w]) for group, text, w in rewritten(shared, count)]
    with tempfile.TemporaryDirectory() as tmp:
        for variant, suffix, text, name, wanted in cases:
            if suffix == ".txt":
                reports = understand_text(text, name, taxonomy)
            else:
                path = Path(tmp) / f"page{suffix}"
                path.write_text(text, encoding="utf-8")
                reports = understand_file(path, name, taxonomy)
            _score(tally[variant], reports, wanted, name, variant, verbose)
    return tally


def _score(tally: Counter, reports: list, wanted: list, name: str, variant: str, verbose: bool):
    tally["files split right"] += len(reports) == len(wanted)
    tally["files"] += 1
    for report, want in zip(reports, wanted, strict=False):
        if want["region"] is not None:
            verdict = judge(_as_dict(report.region), want["region"])
            tally[f"region {verdict}"] += 1
            if verbose and verdict != "right":
                print(f"  {variant} {name}: {verdict} {report.region} want {want['region']}")
        else:
            tally["no region stated, unknown"] += report.region is None
            tally["no region stated"] += 1
        level_one = [(normalise(s.heading), s.type) for s in report.sections if s.level == 1]
        for heading, types in want["headings"]:
            tally["headings"] += 1
            tally["headings right"] += any(h == heading and t in types for h, t in level_one)
        if verbose and want["headings"] and len(level_one) != len(want["headings"]):
            print(f"  {variant} {name}: {len(level_one)} level-1 sections")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("/work/shared"))
    parser.add_argument("--count", type=int, default=40, help="rewritten reports per pattern")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    tally = evaluate(args.shared, args.count, args.verbose)
    total: Counter = Counter()
    for variant, counts in tally.items():
        total.update(counts)
        print(f"{variant:28} {_line(counts)}")
    print(f"{'all':28} {_line(total)}")


def _line(counts: Counter) -> str:
    stated = sum(counts[f"region {v}"] for v in ("right", "partial", "unknown", "wrong"))
    parts = [f"region {counts['region right']}/{stated}"] if stated else []
    parts += (
        [
            f"partial {counts['region partial']} unknown {counts['region unknown']} "
            f"wrong {counts['region wrong']}"
        ]
        if stated
        else []
    )
    if counts["no region stated"]:
        parts.append(
            f"unstated→unknown {counts['no region stated, unknown']}/{counts['no region stated']}"
        )
    if counts["headings"]:
        parts.append(f"level-1 {counts['headings right']}/{counts['headings']}")
    return "  ".join(parts)


if __name__ == "__main__":
    main()
