"""The statistics template as records, loaded once from ``resources/statistics.toml``.

Everything that knows what the tables hold (the reader, the checks, the JSON, the report page,
the figures) asks this module, so a format, a row's synonym or a sum is declared in one place.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Line:
    """A row or a column: its id, its label as the format prints it, and the patterns that find
    it in a report's own wording."""

    id: str
    label: str
    keys: tuple[re.Pattern[str], ...]
    group: str | None = None
    optional: bool = False
    signed: bool = False
    decimal: bool = False

    def found_in(self, label: str) -> int:
        """Where in ``label`` (normalised) a key of this line ends last, or -1 when none is there.

        >>> Line("secret", "1.属于国家秘密", (re.compile("秘密"),)).found_in("1.国家秘密")
        6
        """
        ends = [m.end() for key in self.keys for m in key.finditer(label)]
        return max(ends, default=-1)


@dataclass(frozen=True)
class Block:
    """One table (or one part of table 2) in one format: its rows × columns."""

    id: str
    table: int
    title: str
    rows: tuple[Line, ...]
    columns: tuple[Line, ...]
    line: bool = False

    def cell_ids(self) -> list[str]:
        return [f"{row.id}.{column.id}" for row in self.rows for column in self.columns]

    def members(self, group: str) -> tuple[Line, ...]:
        """The rows that belong to the group row ``group`` (none for a plain row)."""
        return tuple(row for row in self.rows if row.group == group)


@dataclass(frozen=True)
class Identity:
    """A sum the format requires; ``across`` is "columns", "rows" or "groups" (see the data)."""

    id: str
    label: str
    block: str
    across: str
    left: tuple[str, ...] = ()
    right: tuple[str, ...] = ()


@dataclass(frozen=True)
class Figure:
    """A headline figure: the sum of its terms, a term being the first of its ``|`` choices that
    the format has."""

    id: str
    label: str
    terms: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Rate:
    id: str
    label: str
    numerator: str
    denominator: str


@dataclass(frozen=True)
class Claim:
    """A figure the text may state: the patterns that find it, and the sums of figures (or cell
    ids) it may stand for."""

    id: str
    label: str
    patterns: tuple[re.Pattern[str], ...]
    readings: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Format:
    id: str
    document: str
    first_year: int
    markers: tuple[str, ...]
    blocks: tuple[Block, ...]

    def block(self, block_id: str) -> Block | None:
        return next((b for b in self.blocks if b.id == block_id), None)

    def has_cell(self, cell_id: str) -> bool:
        return any(cell_id in block.cell_ids() for block in self.blocks)


@dataclass(frozen=True)
class Template:
    formats: tuple[Format, ...]
    identities: tuple[Identity, ...]
    figures: tuple[Figure, ...]
    rates: tuple[Rate, ...]
    claims: tuple[Claim, ...]

    def format(self, format_id: str) -> Format:
        return next(f for f in self.formats if f.id == format_id)


def normalise(label: str) -> str:
    """A label as keys are matched against it: NFKC (full-width brackets become ASCII), and no
    whitespace.

    >>> normalise("（三）不予 公开")
    '(三)不予公开'
    """
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", label))


@cache
def template() -> Template:
    """The declared template (read once)."""
    text = resources.files("indexer.resources").joinpath("statistics.toml").read_text("utf-8")
    return parse_template(tomllib.loads(text))


def parse_template(data: dict[str, Any]) -> Template:
    """The template from the parsed TOML (see ``resources/statistics.toml``)."""
    columns = {name: tuple(map(_line, items)) for name, items in data["columns"].items()}
    rows = {name: tuple(map(_line, items)) for name, items in data["rows"].items()}
    formats = []
    for format_id, spec in data["formats"].items():
        blocks = tuple(
            Block(
                id=block["id"],
                table=block["table"],
                title=block["title"],
                rows=tuple(row for name in shape["rows"] for row in rows[name]),
                columns=columns[shape["columns"]],
                line=block.get("line", False),
            )
            for block in data["blocks"]
            if (shape := block["formats"].get(format_id))
        )
        formats.append(
            Format(format_id, spec["document"], spec["first_year"], tuple(spec["markers"]), blocks)
        )
    identities = tuple(
        Identity(
            id=item["id"],
            label=item["label"],
            block=item["block"],
            across=item["across"],
            left=tuple(item.get("left", ())),
            right=tuple(item.get("right", ())),
        )
        for item in data["identities"]
    )
    figures = tuple(
        Figure(name, spec["label"], tuple(tuple(term.split("|")) for term in spec["terms"]))
        for name, spec in data["figures"].items()
    )
    rates = tuple(Rate(name, **spec) for name, spec in data["rates"].items())
    claims = tuple(
        Claim(
            id=item["id"],
            label=item["label"],
            patterns=tuple(re.compile(p) for p in item["patterns"]),
            readings=tuple(tuple(reading) for reading in item["readings"]),
        )
        for item in data["claims"]
    )
    return Template(tuple(formats), identities, figures, rates, claims)


def _line(item: dict[str, Any]) -> Line:
    return Line(
        id=item["id"],
        label=item["label"],
        keys=tuple(re.compile(key) for key in item["keys"]),
        group=item.get("group"),
        optional=item.get("optional", False),
        signed=item.get("signed", False),
        decimal=item.get("decimal", False),
    )
