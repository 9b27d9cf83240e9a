"""Lighthouse scores of the sample catalogue's page types, mobile and desktop, in Debian's
Chromium, printed as a table.

    npm install --prefix ~/.cache/catalogue-tools lighthouse@13.5.0 vnu-jar@26.9.27  # once
    python bench/lighthouse.py                  # build content/ into a scratch folder, then score
    python bench/lighthouse.py --site _site     # score a site already built

Each page is served on localhost (gzip as a static host would) and scored in the four
categories; the table also gives the cumulative layout shift.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from catalogue.build.pipeline import build  # noqa: E402
from tests.browser import chromium_path, serving  # noqa: E402

PAGES = [
    "fi/",
    "sv/",
    "fi/kaytannot/",
    "fi/kaytannot/narpion-malli/",
    "sv/praxis/narpesmodellen/",
    "fi/teemat/osallisuus-ja-jarjestot/",
    "sv/regioner/lappland/",
    "fi/haku/",
    "fi/haku/?q=kotoutumiskoulutus&theme=integration-training",
    "sv/sok/?q=språkkurs",
    "fi/kattavuus/",
    "sv/tackning/",
    "fi/saavutettavuusseloste/",
    "404.html",
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
LIGHTHOUSE = Path.home() / ".cache/catalogue-tools/node_modules/.bin/lighthouse"


def score(url: str, form: str) -> dict[str, float]:
    flags = "--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking"
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={flags}",
    ]
    if form == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": chromium_path()}
    report = json.loads(subprocess.run(command, capture_output=True, check=True, env=env, text=True).stdout)
    found = {name: report["categories"][name]["score"] * 100 for name in CATEGORIES}
    found["cls"] = report["audits"]["cumulative-layout-shift"]["numericValue"]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build content/)")
    parser.add_argument("pages", nargs="*", default=PAGES)
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing; install it as the docstring says (npm install …)")
    with tempfile.TemporaryDirectory() as scratch:
        site = args.site
        if site is None:
            site = Path(scratch) / "_site"
            build(ROOT, site, use_cache=False)
        print("| page | form | performance | accessibility | best practices | SEO | CLS |")
        print("|---|---|---|---|---|---|---|")
        with serving(site) as root_url:
            for page in args.pages:
                for form in ("mobile", "desktop"):
                    s = score(root_url + page, form)
                    figures = " | ".join(f"{s[name]:.0f}" for name in CATEGORIES)
                    print(f"| /{page} | {form} | {figures} | {s['cls']:.3f} |", flush=True)


if __name__ == "__main__":
    main()
