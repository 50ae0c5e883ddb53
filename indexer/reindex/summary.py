"""The run report of a reindex: every file accounted for, printed, written as JSON, kept.

The same record is printed at the end of ``gongkai reindex``, written by ``--report FILE.json``
and stored in the new generation's manifest as its last run, so ``gongkai stats`` can show it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

from indexer.models import Rejected, Skipped


@dataclass(frozen=True)
class RunSummary:
    """What one reindex did.

    ``files_seen`` = ``new + changed + unchanged + refused`` (entries in the corpus now);
    ``deleted`` were in the index but are gone. ``processed`` files were read this run (all of
    them on a full run). ``refused`` entries are not read whatever their type: symbolic links
    not followed, looping or dangling, FIFOs, devices. ``rejected`` lists every corpus entry
    that is not in the index, with the reason: the refused ones, those read this run and
    unchanged ones rejected before (a full run retries them). ``skipped`` lists the files of
    types that are not read (they are not counted in ``files_seen``).
    """

    started: str
    seconds: float
    full: bool
    full_reason: str | None
    corpus: tuple[str, ...]
    index: str
    generation: str
    fingerprint: str
    files_seen: int
    new: int
    changed: int
    deleted: int
    unchanged: int
    processed: int
    reports_added: int
    sections_added: int
    reports_total: int
    sections_total: int
    rejected: tuple[Rejected, ...]
    warnings: tuple[str, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    refused: int = 0

    @property
    def files_per_second(self) -> float:
        return self.processed / self.seconds if self.seconds > 0 else 0.0


def summary_to_dict(summary: RunSummary) -> dict[str, Any]:
    """The JSON form (``--report`` and the manifest's ``last_run``)."""
    data = asdict(summary)
    data["corpus"] = list(summary.corpus)
    data["rejected"] = [{"source": r.source, "error": r.error} for r in summary.rejected]
    data["warnings"] = list(summary.warnings)
    data["skipped"] = [{"source": s.source, "type": s.type} for s in summary.skipped]
    data["files_per_second"] = round(summary.files_per_second, 1)
    return data


def summary_from_dict(data: dict[str, Any]) -> RunSummary:
    """Read back :func:`summary_to_dict` output; raises KeyError/TypeError when it is not one."""
    fields = {name: data[name] for name in RunSummary.__dataclass_fields__ if name in data}
    fields["corpus"] = tuple(data["corpus"])
    fields["rejected"] = tuple(Rejected(r["source"], r["error"]) for r in data["rejected"])
    fields["warnings"] = tuple(data.get("warnings", ()))
    fields["skipped"] = tuple(Skipped(s["source"], s["type"]) for s in data.get("skipped", ()))
    return RunSummary(**fields)


def skipped_lines(skipped: tuple[Skipped, ...]) -> list[str]:
    """ "skipped files (types not read): N (.xlsx 2, .jpg 1)" and a line per file; none if none.

    >>> skipped_lines((Skipped("a.xlsx", ".xlsx"), Skipped("b.jpg", ".jpg")))
    ['skipped files (types not read): 2 (.jpg 1, .xlsx 1)', '  a.xlsx: .xlsx', '  b.jpg: .jpg']
    """
    if not skipped:
        return []
    counts = Counter(item.type for item in skipped)
    types = ", ".join(f"{kind} {count:,}" for kind, count in sorted(counts.items()))
    return [
        f"skipped files (types not read): {len(skipped):,} ({types})",
        *(f"  {item.source}: {item.type}" for item in skipped),
    ]


def format_summary(summary: RunSummary) -> str:
    """The lines printed at the end of a run."""
    how = f"full ({summary.full_reason})" if summary.full else "incremental"
    lines = [
        f"reindex {how}: {summary.index} (generation {summary.generation})",
        f"files seen: {summary.files_seen:,} (new {summary.new:,}, changed {summary.changed:,}, "
        f"deleted {summary.deleted:,}, unchanged {summary.unchanged:,}"
        + (f", refused {summary.refused:,})" if summary.refused else ")"),
        f"reports: {summary.reports_added:,} indexed, {summary.reports_total:,} in the index",
        f"sections: {summary.sections_added:,} indexed, {summary.sections_total:,} in the index",
        f"rejected files: {len(summary.rejected):,}",
        *(f"  {r.source}: {r.error}" for r in summary.rejected),
        *skipped_lines(summary.skipped),
        f"time: {summary.seconds:.1f} s ({summary.processed:,} files read, "
        f"{summary.files_per_second:.1f} files/s)",
    ]
    lines.extend(f"warning: {warning}" for warning in summary.warnings)
    return "\n".join(lines)
