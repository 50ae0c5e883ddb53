"""The structure step: a file's text into reports, each report into typed sections.

Detection runs on the simplified twin of the text; offsets are shared with the display text.
"""

from __future__ import annotations

from indexer.structure.reports import split_reports
from indexer.structure.sections import split_sections
from indexer.structure.taxonomy import SectionType, Taxonomy, TaxonomyError, taxonomy_from_toml

__all__ = [
    "SectionType",
    "Taxonomy",
    "TaxonomyError",
    "split_reports",
    "split_sections",
    "taxonomy_from_toml",
]
