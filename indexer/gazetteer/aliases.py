"""Other ways reports write a division's name, each marked as safe anywhere or only in a strong
position.

- ``name``: the official name, and its form after traditional→simplified conversion when that
  differs (OpenCC turns 乾县 into 干县, and the analysis text is converted the same way).
- ``name``: customary short forms of autonomous units, which are distinctive words: 楚雄州 for
  楚雄彝族自治州, 木里县 for 木里藏族自治县, 巴州 for 巴音郭楞蒙古自治州, and 内蒙古 / 广西 /
  西藏 / 宁夏 / 新疆; also the form that keeps 自治 and drops only the nationalities (镇宁自治县
  for 镇宁布依族苗族自治县), which is how county governments often sign themselves.
- ``stem``: the bare name without its suffix (洛宁, 大姚, 江苏). Two-character stems collide with
  ordinary words, so they count only right before a government word (洛宁县 is already a full
  name; 大姚政府 is the kind of place meant).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Literal

from indexer.gazetteer.divisions import Division

Strength = Literal["name", "stem"]

_ETHNIC_GROUPS = (
    "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白",
    "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡",
    "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬",
    "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安",
    "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺", "各",
)  # fmt: skip
"""The 55 minority nationalities as autonomous units name them (各 for 各族: 隆林各族自治县)."""
_ETHNIC_TAIL = re.compile(
    "(?:"
    + "|".join(sorted((g + "族" for g in _ETHNIC_GROUPS), key=len, reverse=True))
    + "|蒙古|哈萨克|柯尔克孜|锡伯)$"
)
_AUTONOMOUS = re.compile(r"^(?P<body>.+)自治(?P<kind>州|县|旗)$")
_IRREGULAR_SHORT = {
    "内蒙古自治区": "内蒙古",
    "广西壮族自治区": "广西",
    "西藏自治区": "西藏",
    "宁夏回族自治区": "宁夏",
    "新疆维吾尔自治区": "新疆",
    "博尔塔拉蒙古自治州": "博州",
    "巴音郭楞蒙古自治州": "巴州",
    "克孜勒苏柯尔克孜自治州": "克州",
}
"""Short forms other than stem + 州/县/旗: the autonomous regions, three Xinjiang prefectures."""
_SUFFIX = re.compile(
    r"(?:特别行政区|自治区|自治州|自治县|自治旗|地区|新区|林区|矿区|省|市|县|区|旗|盟)$"
)


def aliases(
    divisions: Iterable[Division], simplify: Callable[[str], str]
) -> Iterator[tuple[str, Division, Strength]]:
    """Every written form of every division, with its strength; forms that are another
    division's official name are left out."""
    divisions = tuple(divisions)
    official = {d.name for d in divisions}
    for division in divisions:
        forms: list[tuple[str, Strength]] = [(division.name, "name")]
        forms.append((simplify(division.name), "name"))
        forms.extend((short, "name") for short in autonomous_short_forms(division.name))
        bare = stem(division.name)
        if len(bare) >= 2:
            forms.append((bare, "stem"))
        seen: set[str] = set()
        for form, strength in forms:
            if form in seen or (form != division.name and form in official):
                continue
            seen.add(form)
            yield form, division, strength


def autonomous_short_forms(name: str) -> tuple[str, ...]:
    """The customary short forms of an autonomous unit (none for other divisions).

    >>> names = ("楚雄彝族自治州", "镇宁布依族苗族自治县", "广西壮族自治区", "鄂伦春自治旗")
    >>> [autonomous_short_forms(n) for n in names]
    [('楚雄州', '楚雄自治州'), ('镇宁县', '镇宁自治县'), ('广西',), ()]
    """
    if name in _IRREGULAR_SHORT:
        return (_IRREGULAR_SHORT[name],)
    match = _AUTONOMOUS.match(name)
    if not match:
        return ()
    body = _ethnic_stripped(match["body"])
    if len(body) < 2 or body == match["body"]:
        return ()
    return body + match["kind"], body + "自治" + match["kind"]


def _ethnic_stripped(body: str) -> str:
    """``body`` without the ethnic groups at its end (楚雄彝族 → 楚雄), unless nothing is left."""
    while True:
        stripped = _ETHNIC_TAIL.sub("", body)
        if stripped == body or not stripped:
            return body
        body = stripped


def stem(name: str) -> str:
    """The name without its suffix and ethnic groups, empty when it has no suffix.

    >>> [stem(n) for n in ("毕节地区", "毕节市", "楚雄彝族自治州", "沙县", "北京")]
    ['毕节', '毕节', '楚雄', '沙', '']
    """
    body = _SUFFIX.sub("", name)
    return _ethnic_stripped(body) if body != name else ""
