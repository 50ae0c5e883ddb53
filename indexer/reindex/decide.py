"""Deciding what a reindex does: which generation it starts from, which files it reads.

A build is incremental unless asked for in full, unless there is no usable index to start from,
or unless the served index was made by another engine or with another analysis (dictionary,
stopwords, analysis code, section types, the document store's layout: see
:func:`index_fingerprint`): its terms are then stale and only a full rebuild makes old and new
documents, and today's queries, agree. A run with OCR also re-reads the scans an earlier run
without it rejected.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from indexer.analysis.fingerprint import analysis_fingerprint
from indexer.docstore import SCHEMA_VERSION
from indexer.reading import ReadOptions
from indexer.reading.pdf import SCANNED
from indexer.reindex.layout import current_generation
from indexer.reindex.manifest import FileRecord, Manifest, ManifestError, read_manifest
from indexer.reindex.plan import CorpusFile, Plan, plan_changes
from indexer.structure.taxonomy import Taxonomy

ASKED = "--full"
NO_INDEX = "no index yet"


@dataclass(frozen=True)
class Served:
    """The generation being served and its manifest; ``problem`` says why there is none."""

    generation: Path | None
    manifest: Manifest | None
    problem: str | None = None

    @property
    def in_use(self) -> set[str]:
        """Generations to keep: the served one and the one it replaced (readers may hold it)."""
        names = {self.generation.name} if self.generation else set()
        if self.manifest and self.manifest.previous:
            names.add(self.manifest.previous)
        return names


@dataclass(frozen=True)
class Decision:
    """What to do: start from ``base`` (None: empty), delete ``remove``, read ``read``, keep
    ``kept`` as recorded. ``full_reason`` is None for an incremental build."""

    plan: Plan
    fingerprint: str
    full_reason: str | None
    warnings: tuple[str, ...]
    base: Path | None
    remove: tuple[str, ...]
    read: tuple[CorpusFile, ...]
    kept: Mapping[str, FileRecord]

    @property
    def nothing_to_do(self) -> bool:
        return self.full_reason is None and self.plan.is_empty


def served_generation(index_root: Path) -> Served:
    """The served generation and its manifest, if it has a readable one."""
    generation = current_generation(index_root)
    if generation is None:
        return Served(None, None, NO_INDEX)
    try:
        manifest = read_manifest(generation)
    except ManifestError as exc:
        return Served(generation, None, str(exc))
    if manifest is None:
        return Served(generation, None, f"the served generation {generation.name} has no manifest")
    return Served(generation, manifest)


def index_fingerprint(taxonomy: Taxonomy) -> str:
    """The analysis fingerprint with the taxonomy (it decides every section's type) and the
    document store's schema folded in."""
    types = [
        [t.id, t.label, list(t.keywords), [[p.pattern, p.flags] for p in t.patterns], t.subsections]
        for t in taxonomy
    ]
    extra = json.dumps([types, SCHEMA_VERSION], ensure_ascii=False).encode("utf-8")
    return analysis_fingerprint(extra=extra)


def decide(
    files: Sequence[CorpusFile],
    served: Served,
    taxonomy: Taxonomy,
    engine: str,
    full: bool,
    options: ReadOptions | None = None,
) -> Decision:
    """Compare the corpus with the served generation and choose an incremental or full build."""
    manifest = served.manifest
    plan = plan_changes(files, manifest.files if manifest else {})
    if options is not None and options.ocr:
        plan = _retry_scans(plan, files)
    fingerprint = index_fingerprint(taxonomy)
    reason = full_reason(served, fingerprint, engine, full)
    warnings = () if reason in (None, ASKED, NO_INDEX) else (f"{reason}: rebuilding fully",)
    if reason is None:
        changed = tuple(item.source for item in plan.changed)
        return Decision(
            plan,
            fingerprint,
            None,
            warnings,
            served.generation,
            remove=plan.deleted + changed,
            read=plan.new + plan.changed,
            kept=plan.unchanged,
        )
    return Decision(plan, fingerprint, reason, warnings, None, (), tuple(files), {})


def _retry_scans(plan: Plan, files: Sequence[CorpusFile]) -> Plan:
    """The plan with the unchanged scans rejected for want of OCR moved to the changed files."""
    scans = {
        source
        for source, record in plan.unchanged.items()
        if record.error and record.error.startswith(SCANNED)
    }
    if not scans:
        return plan
    return replace(
        plan,
        changed=plan.changed + tuple(item for item in files if item.source in scans),
        unchanged={s: r for s, r in plan.unchanged.items() if s not in scans},
    )


def full_reason(served: Served, fingerprint: str, engine: str, full: bool) -> str | None:
    """Why this build must be full, or None when it can be incremental."""
    manifest = served.manifest
    if full:
        return ASKED
    if manifest is None:
        return served.problem
    if manifest.engine != engine:
        return f"the index was built by the {manifest.engine} engine, not {engine}"
    if manifest.fingerprint != fingerprint:
        return (
            f"the analysis changed since the index was built (fingerprint "
            f"{manifest.fingerprint} → {fingerprint}: dictionary, stopwords or section types)"
        )
    return None
