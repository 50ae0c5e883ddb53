"""The real post-2019 reports give their published figures in every rendering there is of them.

Every figure below was read by hand from the report (the PDF or the web page, and the text
renderings beside them). A figure missing from a dict is one the rendering garbles beyond
reading: it must stay absent, never be guessed (the Shanghai office's table 2 rows lost a column
in conversion; the 科委 table 3 lost the 总计 of 结转下年度).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.config import Settings
from indexer.models import Report, Statistics
from indexer.pipeline import understand_file
from indexer.statistics import figures, template

from .conftest import DATA_DIR, TEMPLATE_2019_DIR

HUAIAN = {
    "requests_new": 3119,
    "requests_carried_over": 34,
    "granted": 1362,
    "partly_granted": 454,
    "refused": 178,
    "unable": 781,
    "not_processed": 88,
    "outcomes_total": 3050,
    "carried_forward": 103,
    "review_total": 351,
    "review_corrected": 64,
    "litigation_total": 46,
    "rules_new": 1,
    "normative_new": 8,
}
KEWEI = {
    "requests_new": 34,
    "requests_carried_over": 2,
    "granted": 9,
    "partly_granted": 0,
    "refused": 2,
    "unable": 10,
    "not_processed": 0,
    "outcomes_total": 35,
    "review_total": 1,
    "review_corrected": 0,
    "litigation_total": 0,
    "rules_new": 0,
    "normative_new": 13,
}
OFFICE = {
    "requests_new": 1295,
    "requests_carried_over": 189,
    "granted": 206,
    "partly_granted": 2,
    "refused": 20,
    "unable": 564,
    "not_processed": 80,
    "outcomes_total": 1191,
    "carried_forward": 293,
    "review_total": 55,
    "review_corrected": 0,
    "litigation_total": 34,
}
COUNTY = {
    "requests_new": 713,
    "requests_carried_over": 36,
    "granted": 294,
    "partly_granted": 101,
    "refused": 32,
    "unable": 113,
    "not_processed": 19,
    "outcomes_total": 718,
    "carried_forward": 31,
    "review_total": 61,
    "review_corrected": 10,
    "litigation_total": 13,
    "rules_new": 0,
    "normative_new": 6,
}
FGJ = {
    "requests_new": 26,
    "requests_carried_over": 0,
    "granted": 26,
    "partly_granted": 0,
    "refused": 0,
    "unable": 0,
    "not_processed": 0,
    "outcomes_total": 26,
    "carried_forward": 0,
    "review_total": 1,
    "review_corrected": 0,
    "litigation_total": 0,
    "rules_new": 0,
    "normative_new": 8,
}

RENDERINGS = [
    ("huaian pdftotext -layout", TEMPLATE_2019_DIR / "huaian-city-2024.txt", HUAIAN),
    ("huaian PDF", DATA_DIR / "pdf" / "huaian-city-2024.pdf", HUAIAN),
    ("kewei PDF-to-Markdown", TEMPLATE_2019_DIR / "shanghai-kewei-2024.txt", KEWEI),
    ("office PDF-to-Markdown", TEMPLATE_2019_DIR / "shanghai-office-2025.txt", OFFICE),
    ("county OCR Markdown", TEMPLATE_2019_DIR / "shuyang-county-2025.txt", COUNTY),
    ("fgj web page", TEMPLATE_2019_DIR / "shuyang-fgj-2023.html", FGJ),
    ("fgj w3m box drawing", DATA_DIR / "w3m" / "shuyang-fgj-2023.txt", FGJ),
]


def read(path: Path, settings: Settings) -> Report:
    (report,) = understand_file(path, path.name, settings.taxonomy)
    return report


def statistics_of(path: Path, settings: Settings) -> Statistics:
    found = read(path, settings).statistics
    assert found is not None
    return found


def values_of(path: Path, settings: Settings) -> dict[str, int | float]:
    return statistics_of(path, settings).values()


@pytest.mark.parametrize(("name", "path", "published"), RENDERINGS, ids=[r[0] for r in RENDERINGS])
def test_every_rendering_gives_the_published_figures_and_invents_none(
    name: str, path: Path, published: dict[str, int], settings: Settings
) -> None:
    statistics = statistics_of(path, settings)
    assert statistics.format == "2021"
    assert figures(template().format("2021"), statistics.values()) == published


@pytest.mark.parametrize(("name", "path", "published"), RENDERINGS, ids=[r[0] for r in RENDERINGS])
def test_the_real_reports_pass_every_check(
    name: str, path: Path, published: dict[str, int], settings: Settings
) -> None:
    checks = statistics_of(path, settings).checks
    assert [c.detail for c in checks if not c.ok] == []
    assert any(c.id.startswith("text:") for c in checks)


def test_a_wrapped_and_vertically_labelled_row_is_read_whole(settings: Settings) -> None:
    """pdftotext puts 五.确认或重新出具 and 六.1 on three lines each around their figures."""
    values = values_of(TEMPLATE_2019_DIR / "huaian-city-2024.txt", settings)
    row = ["natural", "business", "research", "public_interest", "legal", "other", "total"]
    assert [values[f"other_no_correction.{c}"] for c in row] == [67, 3, 0, 0, 1, 0, 71]
    assert [values[f"not_processed_confirm.{c}"] for c in row] == [1, 0, 0, 0, 0, 0, 1]
    assert [values[f"unable_not_held.{c}"] for c in row] == [746, 12, 0, 0, 10, 1, 769]
    assert values["fees.amount"] == 96171.6


def test_unlabelled_markdown_rows_are_placed_by_their_neighbours(settings: Settings) -> None:
    """The 科委 conversion tore most labels off their figures; their order still places them."""
    values = values_of(TEMPLATE_2019_DIR / "shanghai-kewei-2024.txt", settings)
    assert values["refused_internal.total"] == 1 and values["refused_process.total"] == 1
    assert values["unable_not_held.total"] == 4 and values["unable_to_make.total"] == 6
    assert values["other_no_correction.business"] == 2
    assert values["carried_forward.natural"] == 1 and "carried_forward.total" not in values


def test_a_table_2_row_short_of_a_figure_stays_unread(settings: Settings) -> None:
    """ "| 规章 | 22 | 235 |": which of the three columns lost its figure is not knowable."""
    values = values_of(TEMPLATE_2019_DIR / "shanghai-office-2025.txt", settings)
    assert not any(cell.startswith(("rules.", "normative.")) for cell in values)
    assert values["licensing.decisions"] == 0


def test_cells_from_a_kept_table_say_which_slot_they_came_from(settings: Settings) -> None:
    report = read(TEMPLATE_2019_DIR / "shuyang-fgj-2023.html", settings)
    assert report.statistics is not None
    cell = next(c for c in report.statistics.cells if c.id == "new.total")
    assert cell.how == "cell" and cell.value == 26
    assert cell.table is not None and cell.row is not None and cell.column is not None
    assert report.tables[cell.table].rows[cell.row][cell.column] == "26"
    assert "new.business" not in report.statistics.values()  # an empty cell is not a 0


def test_cells_from_text_say_where_they_are_in_it(settings: Settings) -> None:
    report = read(TEMPLATE_2019_DIR / "huaian-city-2024.txt", settings)
    assert report.statistics is not None
    cell = next(c for c in report.statistics.cells if c.id == "outcomes.total")
    assert cell.how == "text"
    assert report.text[cell.start : cell.start + 4] == "3050"
