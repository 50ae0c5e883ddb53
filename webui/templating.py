"""What templates may call: labels for ids, a region as a path, fragments to pieces.

Labels are read from where they are declared once (the taxonomy in the settings, ``KINDS``,
``SORTS``), never written into templates.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flask import Flask, url_for

from indexer.models import Region
from indexer.search.types import SORTS, UNKNOWN_YEAR
from indexer.vocabulary import KINDS, SCRIPTS
from webui.report_view import section_anchor
from webui.state import gongkai
from webui.urls import href

PAGE_SIZES = (10, 20, 50, 100)


def region_path(region: Region | None) -> str:
    """``省 / 市 / 县`` (levels repeated by municipalities shown once), or 地区未知.

    >>> region_path(Region("上海市", "上海市", "浦东新区"))
    '上海市 / 浦东新区'
    """
    if region is None or not region.path:
        return "地区未知"
    return " / ".join(dict.fromkeys(region.path))


def page_sizes(current: int, largest: int) -> tuple[int, ...]:
    """The page sizes offered: the usual ones up to ``largest``, and the current one.

    >>> page_sizes(30, 50)
    (10, 20, 30, 50)
    """
    return tuple(sorted({size for size in PAGE_SIZES if size <= largest} | {current}))


def report_href(
    report_id: str, query: Sequence[tuple[str, str]] = (), position: int | None = None
) -> str:
    """The report page, carrying the query (to mark its matches) and jumping to a section."""
    anchor = f"#{section_anchor(position)}" if position is not None else ""
    return href(url_for("reports.report", report_id=report_id), query) + anchor


def filter_label(param: str, value: str) -> str:
    """What a selected filter value reads as on a chip."""
    if param == "section":
        return gongkai().settings.taxonomy.label(value)
    if param == "kind":
        return KINDS.get(value, value)
    if param == "year":
        return value if value == UNKNOWN_YEAR else value.replace("..", "–") + "年"
    return value


def install_helpers(app: Flask) -> None:
    @app.context_processor
    def helpers() -> dict[str, Any]:
        return {
            "section_label": gongkai().settings.taxonomy.label,
            "kinds": KINDS,
            "scripts": SCRIPTS,
            "sorts": SORTS,
            "region_path": region_path,
            "report_href": report_href,
        }
