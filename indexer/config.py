"""Settings read once from ``config.toml`` into frozen dataclasses.

Paths are resolved relative to the file that names them; unknown keys and bad values are rejected
with the key's dotted name so a typo never passes silently.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from indexer.structure.taxonomy import Taxonomy, TaxonomyError, taxonomy_from_toml

CONFIG_ENV = "GONGKAI_CONFIG"
CONFIG_NAME = "config.toml"


class ConfigError(Exception):
    """The configuration cannot be used; the message names the file and key."""


@dataclass(frozen=True)
class ServerSettings:
    """``gongkai serve``: where it listens and what it allows (see :mod:`webui.serving`).

    Timeouts are in seconds: ``channel_timeout`` closes a connection idle that long,
    ``request_timeout`` one whose request has not arrived whole that long after it began.
    ``trusted_proxy`` is the address of a reverse proxy whose X-Forwarded-* headers are believed.
    """

    host: str = "127.0.0.1"
    port: int = 5000
    threads: int = 4
    connection_limit: int = 500
    channel_timeout: int = 30
    request_timeout: int = 20
    trusted_proxy: str = ""


@dataclass(frozen=True)
class SearchSettings:
    page_size: int = 20
    max_page_size: int = 100
    snippet_chars: int = 120
    snippets_per_hit: int = 2
    max_query_chars: int = 500
    cache_mb: int = 64


@dataclass(frozen=True)
class Settings:
    """Everything configurable. ``source`` is the file read, or None for built-in defaults.
    ``ocr`` reads scanned PDFs with Tesseract (``corpus.ocr``); ``follow_links`` reads symbolic
    links to files inside the corpus folders (``corpus.follow_links``; never those leading out)."""

    source: Path | None
    corpus_paths: tuple[Path, ...]
    index_path: Path
    server: ServerSettings = field(default_factory=ServerSettings)
    search: SearchSettings = field(default_factory=SearchSettings)
    taxonomy: Taxonomy = field(default_factory=Taxonomy)
    ocr: bool = False
    follow_links: bool = False

    def with_overrides(
        self, *, corpus_paths: tuple[Path, ...] | None = None, index_path: Path | None = None
    ) -> Settings:
        """Return a copy with command-line overrides applied (``--corpus``, ``--index``)."""
        return Settings(
            source=self.source,
            corpus_paths=corpus_paths or self.corpus_paths,
            index_path=index_path or self.index_path,
            server=self.server,
            search=self.search,
            taxonomy=self.taxonomy,
            ocr=self.ocr,
            follow_links=self.follow_links,
        )


_SCHEMA: dict[str, dict[str, type]] = {
    "corpus": {"paths": list, "ocr": bool, "follow_links": bool},
    "index": {"path": str},
    "server": {
        "host": str,
        "port": int,
        "threads": int,
        "connection_limit": int,
        "channel_timeout": int,
        "request_timeout": int,
        "trusted_proxy": str,
    },
    "search": {
        "page_size": int,
        "max_page_size": int,
        "snippet_chars": int,
        "snippets_per_hit": int,
        "max_query_chars": int,
        "cache_mb": int,
    },
}
_TOP_LEVEL = {*_SCHEMA, "section_types"}
_MAY_BE_ZERO = {"cache_mb"}
_SERVER_RANGES = {
    "port": (1, 65535),
    "threads": (1, 64),
    "connection_limit": (1, 10_000),
    "channel_timeout": (1, 3600),
    "request_timeout": (1, 3600),
}
_TYPE_NAMES = {int: "an integer", str: "a string", bool: "true or false", list: "a list"}


def find_config(explicit: Path | None = None, cwd: Path | None = None) -> Path | None:
    """Which file to read: the explicit one, else ./config.toml, else $GONGKAI_CONFIG, else None."""
    if explicit is not None:
        return explicit
    local = (cwd or Path.cwd()) / CONFIG_NAME
    if local.is_file():
        return local
    env = os.environ.get(CONFIG_ENV)
    return Path(env) if env else None


def load_settings(path: Path | None = None, cwd: Path | None = None) -> Settings:
    """Read settings from ``path`` (see :func:`find_config`), or the built-in defaults."""
    chosen = find_config(path, cwd)
    if chosen is None:
        text = (
            resources.files("indexer.resources")
            .joinpath("default_config.toml")
            .read_text(encoding="utf-8")
        )
        return parse_settings(text, base=Path.cwd(), source=None)
    try:
        text = chosen.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{chosen}: cannot read config ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{chosen}: config is not UTF-8 ({exc.reason})") from exc
    return parse_settings(text, base=chosen.resolve().parent, source=chosen)


def parse_settings(text: str, base: Path, source: Path | None) -> Settings:
    """Parse TOML text into :class:`Settings`, resolving relative paths against ``base``."""
    where = str(source) if source else "built-in config"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: invalid TOML ({exc})") from exc
    _check_keys(data, where)

    def value(table: str, key: str, default: Any) -> Any:
        return data.get(table, {}).get(key, default)

    paths = value("corpus", "paths", ["data/sample"])
    if not paths or not all(isinstance(p, str) and p for p in paths):
        raise ConfigError(f"{where}: corpus.paths must be a non-empty list of folder names")
    search = SearchSettings(**data.get("search", {}))
    for key, number in vars(search).items():
        if number < (0 if key in _MAY_BE_ZERO else 1):
            least = "zero or more" if key in _MAY_BE_ZERO else "a positive number"
            raise ConfigError(f"{where}: search.{key} must be {least}, not {number}")
    if search.page_size > search.max_page_size:
        raise ConfigError(
            f"{where}: search.page_size ({search.page_size}) must not be above "
            f"search.max_page_size ({search.max_page_size})"
        )
    server = ServerSettings(**data.get("server", {}))
    for key, (low, high) in _SERVER_RANGES.items():
        if not low <= getattr(server, key) <= high:
            raise ConfigError(
                f"{where}: server.{key} must be between {low} and {high}, "
                f"not {getattr(server, key)}"
            )
    try:
        taxonomy = taxonomy_from_toml(data.get("section_types", []))
    except TaxonomyError as exc:
        raise ConfigError(f"{where}: section_types: {exc}") from exc
    return Settings(
        source=source,
        corpus_paths=tuple((base / p).resolve() for p in paths),
        index_path=(base / value("index", "path", "index")).resolve(),
        server=server,
        search=search,
        taxonomy=taxonomy,
        ocr=value("corpus", "ocr", False),
        follow_links=value("corpus", "follow_links", False),
    )


def _check_keys(data: dict[str, Any], where: str) -> None:
    for table, content in data.items():
        if table not in _TOP_LEVEL:
            raise ConfigError(f"{where}: unknown setting {table!r}")
        if table == "section_types":
            continue
        if not isinstance(content, dict):
            raise ConfigError(f"{where}: {table} must be a table ([{table}])")
        for key, item in content.items():
            expected = _SCHEMA[table].get(key)
            if expected is None:
                raise ConfigError(f"{where}: unknown setting {table}.{key}")
            if not isinstance(item, expected) or (isinstance(item, bool) and expected is not bool):
                raise ConfigError(
                    f"{where}: {table}.{key} must be {_TYPE_NAMES[expected]}, not {item!r}"
                )
