"""The statistics tables of post-2019 reports as data: cells, headline figures and checks.

The template (``resources/statistics.toml``, :mod:`.template`) declares both national formats;
:func:`read_statistics` reads a report's cells from whatever rendering it has, and
:func:`figures` gives the headline figures by their published names.
"""

from __future__ import annotations

from indexer.statistics.checks import figures, show_number
from indexer.statistics.reader import read_statistics
from indexer.statistics.template import template

__all__ = ["figures", "read_statistics", "show_number", "template"]
