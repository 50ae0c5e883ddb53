"""Development and pilot zones: 苏州工业园区, 郑州航空港经济综合实验区, 两江新区 … issue reports
like governments but are no divisions; a report they issue belongs to the division hosting them.

Data: ``indexer/resources/development_zones.tsv`` (the statistical codes' xxxx7x zones, and the
national new areas and pilot zones with the decision setting each up). A zone is also written
without the province that opens its listed name (河北唐山芦台经济开发区 → 唐山芦台经济开发区).
Zones named after their host (合肥高新区, 昆山经济技术开发区) need no row: the host's name before
a zone word is found as the host (see :data:`indexer.gazetteer.matcher.STRONG_AFTER`).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from importlib import resources

_ZONES = "development_zones.tsv"
_PROVINCE_PREFIX = re.compile(
    r"^(?:河北|山西|内蒙古|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西"
    r"|海南|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆)(?=..)"
)


@dataclass(frozen=True)
class Zone:
    """One zone: its statistical ``code`` (None if it has none), name and host division code."""

    code: str | None
    name: str
    host: str
    source: str


def read_zones(text: str | None = None) -> tuple[Zone, ...]:
    """The zones (from ``text``, or the packaged file); ``#`` lines are comments."""
    if text is None:
        text = resources.files("indexer.resources").joinpath(_ZONES).read_text("utf-8")
    lines = (line for line in text.splitlines() if line.strip() and not line.startswith("#"))
    rows = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple(Zone(r["code"] or None, r["name"], r["host"], r["source"]) for r in rows)


def zone_forms(zone: Zone, host_stem: str) -> tuple[str, ...]:
    """How reports write a zone's name: as listed, and without the province opening it when the
    rest still starts with the host's name (``host_stem``), so stays distinctive.

    >>> zone_forms(Zone("130271", "河北唐山芦台经济开发区", "130200", ""), "唐山")
    ('河北唐山芦台经济开发区', '唐山芦台经济开发区')
    >>> zone_forms(Zone("540173", "西藏文化旅游创意园区", "540100", ""), "拉萨")
    ('西藏文化旅游创意园区',)
    """
    bare = _PROVINCE_PREFIX.sub("", zone.name)
    distinct = bare != zone.name and bool(host_stem) and bare.startswith(host_stem)
    return (zone.name, bare) if distinct else (zone.name,)
