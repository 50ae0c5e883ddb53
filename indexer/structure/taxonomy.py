"""The section-type taxonomy as users declare it: ``[[section_types]]`` tables in config.toml.

Each table is checked before use — unknown keys, missing or duplicate ids and labels, patterns
that do not compile — and the error names the item, so a typo never silently drops a type. A
config without ``[[section_types]]`` gets the built-in taxonomy (the one in the packaged
default_config.toml).
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any

from indexer.structure.sectiontypes import (
    RESERVED,
    SUBSECTION_POLICIES,
    SectionType,
    Taxonomy,
    TaxonomyError,
    normalise,
)

__all__ = ["SectionType", "Taxonomy", "TaxonomyError", "default_taxonomy", "taxonomy_from_toml"]

_ID = re.compile(r"[a-z][a-z0-9_]*")
_KEYS = {"id", "label", "keywords", "patterns", "subsections"}


def taxonomy_from_toml(items: list[dict[str, Any]]) -> Taxonomy:
    """Build a checked taxonomy from the ``section_types`` array; empty means the built-in one."""
    if not items:
        return default_taxonomy()
    return _build(items)


@cache
def default_taxonomy() -> Taxonomy:
    """The taxonomy declared in the packaged default configuration."""
    text = resources.files("indexer.resources").joinpath("default_config.toml").read_text("utf-8")
    return _build(tomllib.loads(text).get("section_types", []))


def _build(items: Any) -> Taxonomy:
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise TaxonomyError("must be an array of tables ([[section_types]])")
    types: list[SectionType] = []
    for number, item in enumerate(items, start=1):
        where = f"item {number}" + (f" (id {item['id']!r})" if "id" in item else "")
        section_type = _section_type(item, where)
        if any(t.id == section_type.id for t in types):
            raise TaxonomyError(f"{where}: duplicate id {section_type.id!r}")
        if any(t.label == section_type.label for t in types):
            raise TaxonomyError(f"{where}: duplicate label {section_type.label!r}")
        types.append(section_type)
    missing = [reserved for reserved in RESERVED if reserved not in {t.id for t in types}]
    if missing:
        names = ", ".join(map(repr, missing))
        raise TaxonomyError(f"the reserved type(s) {names} must be declared")
    return Taxonomy(tuple(types))


def _section_type(item: dict[str, Any], where: str) -> SectionType:
    unknown = sorted(set(item) - _KEYS)
    if unknown:
        raise TaxonomyError(f"{where}: unknown key {unknown[0]!r}")
    for key in ("id", "label"):
        if not isinstance(item.get(key), str) or not item[key].strip():
            raise TaxonomyError(f"{where}: missing {key} (a non-empty string)")
    type_id = item["id"]
    if not _ID.fullmatch(type_id):
        raise TaxonomyError(f"{where}: id must be lower-case letters, digits, _; not {type_id!r}")
    keywords = tuple(dict.fromkeys(normalise(k) for k in _strings(item, "keywords", where)))
    patterns = tuple(_compile(p, where) for p in _strings(item, "patterns", where))
    if type_id in RESERVED and (keywords or patterns):
        raise TaxonomyError(f"{where}: the reserved type {type_id!r} takes no keywords or patterns")
    subsections = item.get("subsections", "inherit")
    if subsections not in SUBSECTION_POLICIES:
        choices = ", ".join(SUBSECTION_POLICIES)
        raise TaxonomyError(f"{where}: subsections must be one of {choices}, not {subsections!r}")
    return SectionType(type_id, item["label"].strip(), keywords, patterns, subsections)


def _strings(item: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    values = item.get(key, [])
    if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
        raise TaxonomyError(f"{where}: {key} must be a list of non-empty strings")
    return tuple(values)


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise TaxonomyError(f"{where}: bad pattern {pattern!r} ({exc})") from exc
