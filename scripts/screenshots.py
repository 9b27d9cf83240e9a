"""Take screenshots of the built site in headless Chromium (the whole page with --full).

    python scripts/screenshots.py OUT_DIR [--width 375 --width 1280] [--full] [PATH ...]

Serves _site/ on a free localhost port; PATHs are site-relative, with a query or #anchor if
wanted (default: a set of page types). The file is named after the path.
"""

from __future__ import annotations

import argparse
import re
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from catalogue.http_server import make_server  # noqa: E402
from tests.browser import CHROMIUM_ARGS, chromium_path  # noqa: E402

DEFAULT_PATHS = [
    "",
    "fi/",
    "sv/",
    "fi/kaytannot/narpion-malli/",
    "sv/praxis/narpesmodellen/",
    "fi/teemat/tyollistyminen-ja-yrittajyys/",
    "sv/teman/sysselsattning-och-foretagande/",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("paths", nargs="*", default=DEFAULT_PATHS)
    parser.add_argument("--width", type=int, action="append")
    parser.add_argument("--site", type=Path, default=ROOT / "_site")
    parser.add_argument("--full", action="store_true", help="capture the full page height")
    args = parser.parse_args()
    widths = args.width or [375, 1280]
    args.out.mkdir(parents=True, exist_ok=True)
    server = make_server(args.site, "/", 0)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for width in widths:
            page = browser.new_page(viewport={"width": width, "height": 900})
            for path in args.paths:
                page.goto(f"http://localhost:{port}/{path}")
                page.wait_for_load_state("networkidle")
                name = (
                    re.sub(r"[^a-z0-9-]+", "_", path.strip("/").lower()).strip("_") or "root"
                ) + f"-{width}.png"
                page.screenshot(path=str(args.out / name), full_page=args.full)
                print(args.out / name)
            page.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
