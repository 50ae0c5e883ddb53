"""Progress without a terminal: a line per tenth of the work, and now and then on a slow run."""

from __future__ import annotations

import io

import pytest

from indexer.reindex.progress import (
    LINE_SECONDS,
    WRITING,
    BarProgress,
    LineProgress,
    progress_for,
)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def lines_for(total: int, seconds_per_file: float, rejected_every: int = 0) -> list[str]:
    stream, clock = io.StringIO(), Clock()
    progress = LineProgress(stream, clock)
    progress.start(total)
    for done in range(1, total + 1):
        clock.now += seconds_per_file
        progress.advance(bool(rejected_every) and done % rejected_every == 0)
    progress.writing()
    progress.finish()
    *lines, writing = stream.getvalue().splitlines()
    assert writing == WRITING
    return lines


@pytest.mark.parametrize(
    ("total", "seconds_per_file", "count"),
    [
        (1000, 0.001, 10),  # a quick run: one line per tenth
        (7, 0.001, 7),  # fewer files than tenths: one line per file at most
        (1, 0.001, 1),
        (100, LINE_SECONDS / 2, 50),  # slow: a line every LINE_SECONDS at least
    ],
)
def test_a_log_gets_a_bounded_number_of_lines(
    total: int, seconds_per_file: float, count: int
) -> None:
    lines = lines_for(total, seconds_per_file)
    assert len(lines) == count
    assert lines[-1].startswith(f"reindex: {total:,}/{total:,} files (100%)")


def test_a_line_says_how_far_how_fast_and_how_many_were_rejected() -> None:
    lines = lines_for(1000, 0.01, rejected_every=100)
    assert lines[0] == "reindex: 100/1,000 files (10%), 1 rejected, 100.0 files/s"
    assert lines[-1] == "reindex: 1,000/1,000 files (100%), 10 rejected, 100.0 files/s"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_a_bar_and_a_log_gets_lines() -> None:
    assert isinstance(progress_for(Terminal()), BarProgress)
    assert isinstance(progress_for(io.StringIO()), LineProgress)


def test_the_bar_counts_files_and_rejections() -> None:
    stream = Terminal()
    bar = BarProgress(stream)
    bar.start(3)
    for rejected in (False, True, False):
        bar.advance(rejected)
    bar.writing()
    bar.finish()
    output = stream.getvalue()
    assert "3/3" in output and "rejected=1" in output
    assert output.endswith(f"\n{WRITING}\n")  # under the bar, which stays on screen
