"""Running a converter (antiword, tesseract) on one file: its output as text, or a
:class:`ReadError` with one line saying what went wrong, and never longer than a time limit."""

from __future__ import annotations

import subprocess

from indexer.reading.errors import ReadError


def run_tool(command: list[str], what: str, timeout: float, data: bytes | None = None) -> str:
    """``command``'s standard output (``data`` on its input); ``what`` names it in errors."""
    try:
        done = subprocess.run(
            command, input=data, capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise ReadError(f"{what} gave up after {timeout:g} s") from exc
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ReadError(f"{what} failed: {lines[-1] if lines else f'exit {done.returncode}'}")
    return done.stdout.decode("utf-8", "replace")
