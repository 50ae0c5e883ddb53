"""One administrative division and the rules that place it in the province / prefecture / county
hierarchy from its GB/T 2260 code.

Conventions (decided once here so that every report is placed the same way):

- Municipalities (北京市, 天津市, 上海市, 重庆市): a district or county report has
  ``province == prefecture == "上海市"`` and ``county == "黄浦区"``; a municipal report has the
  province only. The code lists' placeholder prefectures (市辖区, 县) never appear.
- County-level units administered directly by a province (仙桃市, 济源市, 海南's counties, the
  Xinjiang corps cities; codes ``xx90xx``) have no prefecture.
- Prefectures keep their official names, 地区 / 盟 / 自治州 included (楚雄彝族自治州).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from indexer.models import Region

Level = Literal["province", "prefecture", "county"]

MUNICIPALITIES = frozenset({"11", "12", "31", "50"})
"""Province codes of the four municipalities directly under the central government."""

DIRECT_PREFECTURE = "90"
"""Prefecture part of the code of units that a province administers directly."""


@dataclass(frozen=True)
class Division:
    """A division as one code list names it.

    ``current`` is False once the division was abolished or renamed (it stays resolvable: reports
    from 2008–2018 use the names of their time). ``since`` and ``until`` are the first and last
    list versions naming it (201904 for the GB2260 revision, 202100 for a 2021 change), so that
    a division can be told from the one of the same name that succeeded it.
    """

    name: str
    code: str | None
    level: Level
    region: Region
    current: bool
    since: int
    until: int

    def contains(self, other: Division) -> bool:
        """Whether ``other`` lies strictly inside this division (by code, else by names)."""
        depth = _DEPTH[self.level]
        if depth >= _DEPTH[other.level]:
            return False
        if self.code and other.code:
            width = 2 * (depth + 1)
            return self.code[:width] == other.code[:width]
        return other.region.path[: depth + 1] == self.region.path[: depth + 1]


_DEPTH: dict[str, int] = {"province": 0, "prefecture": 1, "county": 2}


def level_of(code: str) -> Level:
    """The level a six-digit code denotes.

    >>> [level_of(c) for c in ("320000", "320800", "320826")]
    ['province', 'prefecture', 'county']
    """
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


def place(code: str, name: str, names: Mapping[str, str]) -> Region:
    """The region of division ``code`` called ``name``; ``names`` maps codes to names of the same
    list version (for the parents).

    >>> place("310101", "黄浦区", {"310000": "上海市"})
    Region(province='上海市', prefecture='上海市', county='黄浦区', code='310101')
    """
    level = level_of(code)
    province = name if level == "province" else names.get(code[:2] + "0000")
    if level == "province":
        return Region(province=province, code=code)
    if level == "prefecture":
        return Region(province=province, prefecture=name, code=code)
    return Region(province, _prefecture_of(code, names, province), name, code)


def place_under(parent: Region, name: str) -> Region:
    """The region of a county-level division that has no code, from its parent's region."""
    prefecture = parent.prefecture or (
        parent.province if parent.code and parent.code[:2] in MUNICIPALITIES else None
    )
    return Region(parent.province, prefecture, name, None)


def _prefecture_of(code: str, names: Mapping[str, str], province: str | None) -> str | None:
    if code[:2] in MUNICIPALITIES:
        return province
    if code[2:4] == DIRECT_PREFECTURE:
        return None
    return names.get(code[:4] + "00")
