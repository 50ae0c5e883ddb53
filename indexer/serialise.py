"""Reports as plain data for JSON (``gongkai inspect --json``, the report API) and as an outline.

Dicts appear only here, at the edge; everything before works on the frozen records.
"""

from __future__ import annotations

from typing import Any

from indexer.models import Region, Report, Statistics, Table
from indexer.statistics import figures, template
from indexer.statistics.grid import Grid
from indexer.structure.taxonomy import Taxonomy
from indexer.vocabulary import KINDS, SCRIPTS


def region_to_dict(region: Region | None) -> dict[str, str | None] | None:
    """``{"province", "prefecture", "county"}`` with null members, or None when wholly unknown."""
    if region is None or not region.path:
        return None
    return {"province": region.province, "prefecture": region.prefecture, "county": region.county}


def report_to_dict(report: Report) -> dict[str, Any]:
    """The JSON shape of one report, text in its original script."""
    return {
        "source": report.source,
        "title": report.title,
        "region": region_to_dict(report.region),
        "issuer": report.issuer,
        "year": report.year,
        "published": report.published.isoformat() if report.published else None,
        "kind": report.kind,
        "script": report.script,
        "sections": [
            {"heading": s.heading, "level": s.level, "type": s.type, "text": s.text}
            for s in report.sections
        ],
        "tables": [table_to_dict(table) for table in report.tables],
        "ocr": report.ocr,
        "web_url": report.url,
        "statistics": statistics_to_dict(report.statistics),
    }


def statistics_to_dict(statistics: Statistics | None) -> dict[str, Any] | None:
    """``{"format", "cells", "figures", "checks", "sources"}``: the cells read by id, the headline
    figures by name, each check's ``{"id", "ok", "detail"}``, and where each cell came from."""
    if statistics is None:
        return None
    values = statistics.values()
    return {
        "format": statistics.format,
        "cells": values,
        "figures": figures(template().format(statistics.format), values),
        "checks": [{"id": c.id, "ok": c.ok, "detail": c.detail} for c in statistics.checks],
        "sources": {
            c.id: {
                "how": c.how,
                "start": c.start,
                "table": c.table,
                "row": c.row,
                "column": c.column,
            }
            for c in statistics.cells
        },
    }


def table_to_dict(table: Table) -> dict[str, Any]:
    """``{"section", "rows", "spans"}``: the grid with merged cells' text in every slot they cover,
    and each merged cell as ``[row, column, rowspan, colspan]``."""
    return {
        "section": table.section,
        "rows": [list(row) for row in table.rows],
        "spans": [list(span) for span in table.spans],
    }


def format_outline(report: Report, taxonomy: Taxonomy) -> str:
    """A human-readable outline: metadata, then one line per section with its type."""
    region = " / ".join(report.region.path) if report.region and report.region.path else "未知"
    lines = [
        f"{report.source} #{report.ordinal + 1}: {report.title}",
        f"  region:    {region}",
        f"  issuer:    {report.issuer or '—'}",
        f"  year:      {report.year or '—'}",
        f"  published: {report.published.isoformat() if report.published else '—'}",
        f"  kind:      {report.kind} ({KINDS.get(report.kind, report.kind)})",
        f"  script:    {report.script} ({SCRIPTS.get(report.script, report.script)})",
        f"  sections:  {len(report.sections)}",
        f"  tables:    {len(report.tables)}",
        *([f"  web:       {report.url}"] if report.url else []),
        *(["  text:      recognised by OCR from page images"] if report.ocr else []),
    ]
    for section in report.sections:
        indent = "  " * (section.level + 1)
        heading = section.heading or "（前言）"
        label = taxonomy.label(section.type)
        lines.append(f"  {indent}{heading}  [{section.type} {label}]  {len(section.text)} 字")
    return "\n".join(lines)


def grid_to_dict(grid: Grid) -> dict[str, Any]:
    """``{"measure", "label", "parent", "years", "rows": [{"place", "path", "values",
    "reports"}], "totals", "medians"}``: null where no report gives the figure."""
    return {
        "measure": grid.measure.id,
        "label": grid.measure.label,
        "parent": list(grid.parent),
        "years": list(grid.years),
        "rows": [
            {
                "place": row.place,
                "path": list(row.path),
                "values": [cell.value for cell in row.cells],
                "reports": [list(cell.reports) for cell in row.cells],
            }
            for row in grid.rows
        ],
        "totals": list(grid.totals),
        "medians": list(grid.medians),
    }
