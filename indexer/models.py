"""Records passed between the pipeline's steps: frozen, so no step can change another's output."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Region:
    """An administrative division as province / prefecture / county (official simplified names).

    Provincial reports leave ``prefecture`` and ``county`` empty; prefectural ones ``county``.
    ``code`` is the GB/T 2260 code of the most specific level known, when there is one.
    """

    province: str | None = None
    prefecture: str | None = None
    county: str | None = None
    code: str | None = None

    @property
    def path(self) -> tuple[str, ...]:
        """The known levels from the top, e.g. ``("吉林省", "通化市", "柳河县")``."""
        return tuple(name for name in (self.province, self.prefecture, self.county) if name)


@dataclass(frozen=True)
class Section:
    """One section of a report: the text under a heading, up to the next heading.

    ``start``/``end`` are character offsets into the report's text (display and simplified forms
    line up character for character). ``heading`` is the heading as written, numeral included;
    it is empty for the preamble (level 0). ``parent`` is the ``position`` of the enclosing
    level-1 section of a level-2 section.
    """

    heading: str
    level: int
    type: str
    text: str
    start: int
    end: int
    position: int
    parent: int | None = None


@dataclass(frozen=True)
class Table:
    """A table as a rectangular grid: ``rows[r][c]`` is the text of the cell covering that slot.

    A merged cell's text fills every slot it covers ("resolved"); ``spans`` lists each merged
    cell once as ``(row, column, rowspan, colspan)`` so it can be drawn merged again.
    ``section`` is the position of the section it sits in, ``start``/``end`` where its rows
    are in the report's text (-1 when they could not be found there).
    """

    rows: tuple[tuple[str, ...], ...]
    spans: tuple[tuple[int, int, int, int], ...] = ()
    section: int = 0
    start: int = -1
    end: int = -1


@dataclass(frozen=True)
class StatCell:
    """One figure of a report's statistics tables, with where it came from.

    ``id`` is the template's cell id (``"new.total"``, see ``resources/statistics.toml``).
    ``how``: "cell" (a cell of a table the reader kept), "text" (a number on a line of a text
    rendering), "split" (a run of glued digits, split where the template's sums make the split
    unique) or "placed" (a row short of a figure, placed where only the sums allow).
    ``start`` is where the figure is in the report's text (-1: not there); ``table``, ``row``
    and ``column`` the slot of the report's table it was read from, if it was.
    """

    id: str
    value: int | float
    how: str
    start: int = -1
    table: int | None = None
    row: int | None = None
    column: int | None = None


@dataclass(frozen=True)
class Check:
    """One identity of the template, or one figure the text states, checked against the tables:
    ``ok``, the numbers involved in ``detail``, the cells involved in ``cells``."""

    id: str
    ok: bool
    detail: str
    cells: tuple[str, ...] = ()


@dataclass(frozen=True)
class Statistics:
    """What a report's statistics tables say: the format they follow, the cells read (a cell
    that cannot be read is absent) and the checks."""

    format: str
    cells: tuple[StatCell, ...]
    checks: tuple[Check, ...] = ()

    def values(self) -> dict[str, int | float]:
        """Every cell read, by id."""
        return {cell.id: cell.value for cell in self.cells}


@dataclass(frozen=True)
class Report:
    """One report found in a file, with its metadata and sections.

    ``text`` is the cleaned text in the original script, for display; ``simplified`` is the
    same text converted to simplified script with the same length, for analysis.
    ``ordinal`` is the report's place in its file (files may hold several reports).
    ``ocr`` says the text was recognised from page images; ``url`` is the web address the file
    states for itself, if any. ``statistics`` holds the figures of the post-2019 statistics
    tables, None when the report has none.
    """

    source: str
    ordinal: int
    title: str
    region: Region | None
    issuer: str | None
    year: int | None
    published: date | None
    kind: str
    script: str
    text: str
    simplified: str
    sections: tuple[Section, ...]
    tables: tuple[Table, ...] = ()
    ocr: bool = False
    url: str | None = None
    statistics: Statistics | None = None


@dataclass(frozen=True)
class Rejected:
    """A file the pipeline could not read, with the reason in one line."""

    source: str
    error: str


@dataclass(frozen=True)
class Skipped:
    """A file of a type that is not read (``type`` is its suffix, e.g. ``.xlsx``)."""

    source: str
    type: str
