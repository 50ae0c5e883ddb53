"""Take the README's screenshot of the search page (docs/screenshot.png, 1280×900): a query
with one facet value chosen, served by ``gongkai serve`` and rendered by Debian's chromium,
launched as the end-to-end tests launch it. Run it with ``make screenshot``.

By default it indexes the sample corpus into a temporary folder, so the picture does not
depend on whatever index lies around; ``--index`` serves an existing index instead.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the browser and server helpers live with the e2e tests

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.e2e.live import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_MISSING,
    build_sample_index,
    launch_chromium,
    serving,
)

VIEWPORT = {"width": 1280, "height": 900}
STATE = (("q", "依申请公开"), ("year", "2018"))
"""What the picture shows: a query and a chosen year (its chip, its bar, narrowed counts)."""


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--index", type=Path, help="serve this index (default: index the sample corpus afresh)"
    )
    parser.add_argument(
        "--output", type=Path, default=ROOT / "docs" / "screenshot.png", help="PNG to write"
    )
    return parser.parse_args(argv)


def take_screenshot(base: str, output: Path) -> None:
    """Open the search page at ``base`` in the state of :data:`STATE` and save it as ``output``."""
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport=VIEWPORT, locale="zh-CN")
        page.goto(f"{base}/search?{urlencode(STATE)}")
        output.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=output)
        browser.close()


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    if not CHROMIUM.exists():
        print(CHROMIUM_MISSING, file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="gongkai-screenshot-") as folder:
        index = arguments.index or build_sample_index(Path(folder) / "index")
        with serving(index, Path(folder) / "serve.log") as base:
            take_screenshot(base, arguments.output)
    print(f"wrote {arguments.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
