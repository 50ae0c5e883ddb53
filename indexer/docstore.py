"""The document store: every report, whole, once, in ``docstore.sqlite`` beside the engine's files.

The search engine indexes sections; the document page and the snippets need the full text in its
original script. Keeping it here, once per report, instead of as a stored field of every section
keeps the engine's files small and leaves this store to any engine. Texts are compressed with a
dictionary trained on the store's first reports (:mod:`indexer.textpack`: the first
:data:`TRAINING_REPORTS` wait until it is trained); the simplified twin is stored only where it
differs from the display text (see :func:`~indexer.textpack.pack_twin`). A section's text is
stored as its place in the report text whenever it is one. Tables are stored as JSON grids
beside their report, and the statistics read from them (cells with their sources, checks) as
one JSON row per report that has any.

The schema's version is kept in sqlite's ``user_version``; a store of another version is refused
with :class:`~indexer.search.types.IndexFormatError`, so a server asks for a reindex instead of
misreading it (the reindex fingerprint includes :data:`SCHEMA_VERSION`, so that reindex is full).
"""

from __future__ import annotations

import json
import sqlite3
import threading
import zlib
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from indexer.models import Check, Region, Report, Section, StatCell, Statistics, Table
from indexer.search.types import IndexFormatError
from indexer.textpack import LEVEL, pack, pack_twin, train, unpack, unpack_twin

DOCSTORE_NAME = "docstore.sqlite"
SCHEMA_VERSION = 5
TRAINING_REPORTS = 200
"""Reports the compression dictionary is trained on (fewer when the store gets fewer)."""
_PRIMER = "primer"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS reports (
    report_id TEXT PRIMARY KEY, source TEXT NOT NULL, ordinal INTEGER NOT NULL,
    title TEXT NOT NULL, has_region INTEGER NOT NULL, province TEXT, prefecture TEXT,
    county TEXT, code TEXT, issuer TEXT, year INTEGER, published TEXT, kind TEXT NOT NULL,
    script TEXT NOT NULL, text BLOB NOT NULL, simplified BLOB, ocr INTEGER NOT NULL,
    url TEXT, sections BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS reports_by_source ON reports (source);
CREATE TABLE IF NOT EXISTS tables (
    report_id TEXT NOT NULL, ordinal INTEGER NOT NULL, section INTEGER NOT NULL,
    start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, grid TEXT NOT NULL,
    PRIMARY KEY (report_id, ordinal)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS statistics (
    report_id TEXT PRIMARY KEY, format TEXT NOT NULL, cells TEXT NOT NULL, checks TEXT NOT NULL
) WITHOUT ROWID;
"""

_REPORT_COLUMNS = (
    "report_id, source, ordinal, title, has_region, province, prefecture, county, code, issuer, "
    "year, published, kind, script, text, simplified, ocr, url, sections"
)


class DocStore:
    """One generation's reports. Safe to share between threads (one connection, one lock)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection
        self._lock = threading.Lock()
        self._primer = self._stored_primer()
        self._waiting: list[tuple[str, Report]] = []

    @classmethod
    def open(cls, path: Path, *, readonly: bool = False) -> DocStore:
        """Open the store at ``path``; a writable store is created when missing."""
        connection = _connect(path, readonly=readonly)
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if not readonly and version == 0:
            connection.executescript(_SCHEMA)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        elif version != SCHEMA_VERSION:
            connection.close()
            raise IndexFormatError(
                f"{path} holds reports in an older layout ({version}, not {SCHEMA_VERSION})"
            )
        return cls(connection)

    @classmethod
    def copy(cls, source: Path, target: Path) -> DocStore:
        """A writable store at ``target`` holding what ``source`` holds (sqlite's backup)."""
        store = cls.open(target)
        original = _connect(source, readonly=True)
        try:
            original.backup(store._connection)
        finally:
            original.close()
        store._primer = store._stored_primer()
        return store

    def __enter__(self) -> DocStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def add(self, report_id: str, report: Report) -> None:
        """Store ``report`` under ``report_id``, replacing what was stored under it."""
        with self._lock:
            if self._primer is None:
                self._waiting.append((report_id, report))
                if len(self._waiting) >= TRAINING_REPORTS:
                    self._settle()
            else:
                self._insert(report_id, report)

    def _stored_primer(self) -> bytes | None:
        """The store's compression dictionary; None while it is not trained."""
        row = self._connection.execute(
            "SELECT value FROM meta WHERE key = ?", (_PRIMER,)
        ).fetchone()
        return row[0] if row else None

    def _settle(self) -> None:
        """Train the dictionary on the reports waiting for it, then store them (lock held)."""
        if self._primer is not None or not self._waiting:
            return
        self._primer = train(report.text for _, report in self._waiting)
        self._connection.execute("INSERT INTO meta VALUES (?, ?)", (_PRIMER, self._primer))
        waiting, self._waiting = self._waiting, []
        for report_id, report in waiting:
            self._insert(report_id, report)

    def _insert(self, report_id: str, report: Report) -> None:
        primer = self._primer or b""
        region = report.region or Region()
        text = report.text
        row = (
            report_id, report.source, report.ordinal, report.title, report.region is not None,
            region.province, region.prefecture, region.county, region.code, report.issuer,
            report.year, report.published.isoformat() if report.published else None,
            report.kind, report.script, pack(text, primer),
            pack_twin(text, report.simplified, primer), report.ocr, report.url,
            _pack_sections(text, report.sections),
        )  # fmt: skip
        self._delete([(report_id,)])
        self._connection.execute(f"INSERT INTO reports VALUES ({_marks(19)})", row)
        self._connection.executemany(
            f"INSERT INTO tables VALUES ({_marks(6)})",
            (_table_row(report_id, n, table) for n, table in enumerate(report.tables)),
        )
        if report.statistics is not None:
            self._connection.execute(
                "INSERT INTO statistics VALUES (?, ?, ?, ?)",
                _statistics_row(report_id, report.statistics),
            )

    def delete_sources(self, sources: Iterable[str]) -> tuple[str, ...]:
        """Remove the reports read from ``sources``; return their ids."""
        removed: list[str] = []
        with self._lock:
            self._settle()
            for source in sources:
                rows = self._connection.execute(
                    "SELECT report_id FROM reports WHERE source = ?", (source,)
                ).fetchall()
                removed.extend(row[0] for row in rows)
            self._delete([(report_id,) for report_id in removed])
        return tuple(removed)

    def _delete(self, ids: list[tuple[str]]) -> None:
        for table in ("tables", "statistics", "reports"):
            self._connection.executemany(f"DELETE FROM {table} WHERE report_id = ?", ids)

    def get(self, report_id: str) -> Report | None:
        """The report stored under ``report_id``, exactly as it was added, or None."""
        with self._lock:
            self._settle()
            row = self._connection.execute(
                f"SELECT {_REPORT_COLUMNS} FROM reports WHERE report_id = ?", (report_id,)
            ).fetchone()
            if row is None:
                return None
            tables = self._connection.execute(
                "SELECT section, start_char, end_char, grid FROM tables WHERE report_id = ? "
                "ORDER BY ordinal",
                (report_id,),
            ).fetchall()
            statistics = self._connection.execute(
                "SELECT format, cells, checks FROM statistics WHERE report_id = ?", (report_id,)
            ).fetchone()
        return _report(row, tables, self._primer or b"", statistics)

    def statistics(self) -> list[tuple[str, str, Region | None, int | None, Statistics]]:
        """Every report that has statistics: ``(report_id, title, region, year, statistics)``,
        by place and year (checks left out: the figures page does not show them)."""
        with self._lock:
            rows = self._connection.execute(
                "SELECT r.report_id, r.title, r.has_region, r.province, r.prefecture, r.county, "
                "r.year, s.format, s.cells FROM reports r JOIN statistics s USING (report_id) "
                "ORDER BY r.province, r.prefecture, r.county, r.year, r.report_id"
            ).fetchall()
        return [
            (
                report_id, title, Region(province, prefecture, county) if has_region else None,
                year, _statistics((format_, cells, "[]")),
            )
            for report_id, title, has_region, province, prefecture, county, year, format_, cells
            in rows
        ]  # fmt: skip

    def count(self) -> int:
        """How many reports are stored."""
        with self._lock:
            self._settle()
            return self._connection.execute("SELECT count(*) FROM reports").fetchone()[0]

    def commit(self) -> None:
        with self._lock:
            self._settle()
            self._connection.commit()

    def rollback(self) -> None:
        with self._lock:
            self._waiting = []
            self._connection.rollback()
            self._primer = self._stored_primer()

    def close(self) -> None:
        with self._lock:
            self._connection.close()


def _connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    if readonly:  # a URI, so that a missing store is an error instead of a new empty file
        uri = f"{path.resolve().as_uri()}?mode=ro"
        return sqlite3.connect(uri, uri=True, check_same_thread=False)
    return sqlite3.connect(path, check_same_thread=False)


def _pack_sections(text: str, sections: Iterable[Section]) -> bytes:
    """A report's sections as one compressed JSON list, each body as its place in the report
    text whenever it is one (a row per section took a fifth of the store, and a query each)."""
    rows = []
    for section in sections:
        at = text.find(section.text, section.start) if section.text else section.start
        inline = at >= 0 and text[at : at + len(section.text)] == section.text
        rows.append(
            [section.position, section.heading, section.level, section.type, section.start,
             section.end, section.parent, at if inline else 0, len(section.text),
             None if inline else section.text]
        )  # fmt: skip
    return zlib.compress(json.dumps(rows, ensure_ascii=False).encode("utf-8"), LEVEL)


def _unpack_sections(text: str, blob: bytes) -> tuple[Section, ...]:
    return tuple(
        Section(
            heading=heading,
            level=level,
            type=type_,
            text=body if body is not None else text[body_start : body_start + length],
            start=start,
            end=end,
            position=position,
            parent=parent,
        )
        for position, heading, level, type_, start, end, parent, body_start, length, body in (
            json.loads(zlib.decompress(blob))
        )
    )


def _table_row(report_id: str, ordinal: int, table: Table) -> tuple[object, ...]:
    return (
        report_id,
        ordinal,
        table.section,
        table.start,
        table.end,
        _json([table.rows, table.spans]),
    )


def _table(row: tuple) -> Table:
    section, start, end, grid = row
    rows, spans = json.loads(grid)
    return Table(
        rows=tuple(map(tuple, rows)),
        spans=tuple(map(tuple, spans)),
        section=section,
        start=start,
        end=end,
    )


def _statistics_row(report_id: str, statistics: Statistics) -> tuple[str, str, str, str]:
    cells = [[c.id, c.value, c.how, c.start, c.table, c.row, c.column] for c in statistics.cells]
    checks = [[c.id, c.ok, c.detail, c.cells] for c in statistics.checks]
    return (report_id, statistics.format, _json(cells), _json(checks))


def _statistics(row: tuple) -> Statistics:
    format_, cells, checks = row
    return Statistics(
        format=format_,
        cells=tuple(StatCell(*cell) for cell in json.loads(cells)),
        checks=tuple(
            Check(id_, ok, detail, tuple(involved))
            for id_, ok, detail, involved in json.loads(checks)
        ),
    )


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _report(row: tuple, tables: list[tuple], primer: bytes, statistics: tuple | None) -> Report:
    (_, source, ordinal, title, has_region, province, prefecture, county, code, issuer, year,
     published, kind, script, packed, packed_simplified, ocr, url, sections) = row  # fmt: skip
    text = unpack(packed, primer)
    return Report(
        source=source,
        ordinal=ordinal,
        title=title,
        region=Region(province, prefecture, county, code) if has_region else None,
        issuer=issuer,
        year=year,
        published=date.fromisoformat(published) if published else None,
        kind=kind,
        script=script,
        text=text,
        simplified=unpack_twin(text, packed_simplified, primer),
        sections=_unpack_sections(text, sections),
        tables=tuple(_table(item) for item in tables),
        ocr=bool(ocr),
        url=url,
        statistics=_statistics(statistics) if statistics else None,
    )


def _marks(count: int) -> str:
    return ", ".join("?" * count)
