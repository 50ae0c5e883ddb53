"""The level a title speaks from when it names no place: a department written with its
government's level only (自治区北部湾办, 省发展改革委, 市卫生健康委, 县统计局), or a national body
(国家税务总局, 教育部), which is no region's. A place found elsewhere in such a report (its office's
address in the capital: 南宁市青秀区中泰路11号) is cut to that level, never deeper, and a national
body's report gets no region at all.
"""

from __future__ import annotations

import re
from typing import Literal

from indexer.gazetteer.divisions import MUNICIPALITIES
from indexer.models import Region

TitleLevel = Literal["national", "province", "prefecture", "county"]

_BARE_LEVEL = re.compile(
    r"^(?:(?P<province>自治区|省)|(?P<prefecture>市|州|盟|地区)|(?P<county>县|区|旗))"
    r"(?!场|域|级|直|属|委[、和]|政府[、和])"
)
"""A level word opening the title in place of a name (市卫生健康委…); not 市场监管局, 区域…, 市直,
市级 or 省委、省政府 (a list of bodies, no issuer)."""
_NATIONAL = re.compile(
    r"^(?:国家(?!级)|国务院|中华人民共和国|中央)"
    r"|^[\u4e00-\u9fff]{1,8}?(?:部|总局|总署)(?=(?:19|20)\d\d|关于|政府信息|信息公开)"
)
"""A central body: 国家税务总局, 国务院办公厅, 教育部2019年…, 海关总署关于… (not a 国家级 zone)."""


def title_level(title: str) -> TitleLevel | None:
    """The level of a title that names no place, when it says one.

    >>> [title_level(t) for t in ("自治区北部湾办2022年年度报告", "市卫生健康委2020年年度报告",
    ...     "国家税务总局2010年政府信息公开年度报告", "市场监督管理局2020年年度报告")]
    ['province', 'prefecture', 'national', None]
    """
    if _NATIONAL.search(title):
        return "national"
    bare = _BARE_LEVEL.match(title)
    if bare is None:
        return None
    level = bare.lastgroup
    return level if level in ("province", "prefecture", "county") else None


def cap_region(region: Region | None, level: TitleLevel | None) -> Region | None:
    """``region`` cut to ``level``: no deeper than the issuer's own level, none for a central
    body.

    >>> cap_region(Region("广西壮族自治区", "南宁市", "青秀区", "450103"), "province")
    Region(province='广西壮族自治区', prefecture=None, county=None, code='450000')
    """
    if region is None or level is None or level == "county":
        return region
    if level == "national":
        return None
    code = region.code
    municipal = bool(code) and code[:2] in MUNICIPALITIES
    if level == "province" or (municipal and region.county):
        return Region(region.province, code=code[:2] + "0000" if code else None)
    if region.prefecture is None or region.county is None:
        return region
    return Region(region.province, region.prefecture, code=code[:4] + "00" if code else None)
