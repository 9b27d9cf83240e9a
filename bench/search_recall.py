"""How well the search finds what readers look for: every query of bench/search_queries.yaml
typed into the real search page of the sample catalogue, in Debian's headless Chromium.

    python bench/search_recall.py              # build content/ with search, print the table
    python bench/search_recall.py --site _site # measure an already built site
    python bench/search_recall.py --failures   # also list the queries that miss
    python bench/search_recall.py --slow --only kotiäideille --only hemmamammor
                                               # the time each takes on a slow connection

For each language it prints recall at 5 (the share of queries with a wanted practice among
the first five results), MRR (the mean of 1 / the rank of the first wanted practice, 0 when
none is shown), the zero-result rate, and recall at 5 for each kind of query.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from catalogue.build.pipeline import build  # noqa: E402
from tests.browser import CHROMIUM_ARGS, chromium_path, serving  # noqa: E402

SEARCH_PAGE = {"fi": "fi/haku/", "sv": "sv/sok/"}


@dataclass(frozen=True)
class Query:
    lang: str
    text: str
    kind: str
    wanted: frozenset[str]


@dataclass(frozen=True)
class Outcome:
    query: Query
    found: list[str]
    """Practice ids in the order shown."""
    fallback: bool
    """The page said no practice has all the words."""
    seconds: float
    """From opening the search's address to its results."""

    @property
    def rank(self) -> int | None:
        return next((i + 1 for i, pid in enumerate(self.found) if pid in self.query.wanted), None)


def load_queries(path: Path) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Query(lang, entry["q"], entry["kind"], frozenset(entry["want"]))
        for lang, entries in data.items()
        for entry in entries
    ]


def ids_by_url(site: Path) -> dict[str, str]:
    """A practice page's path → the practice's id, from the site's own open data."""
    found = {}
    for lang in SEARCH_PAGE:
        data = json.loads((site / f"data/v1/practices.{lang}.json").read_text(encoding="utf-8"))
        for practice in data["practices"]:
            found[urllib.parse.urlsplit(practice["url"]).path] = practice["id"]
    return found


SLOW = {"offline": False, "latency": 400, "downloadThroughput": 50_000, "uploadThroughput": 50_000}
"""A slow connection as Chromium emulates it: 400 ms a round trip, 50 kB/s each way."""


def run_queries(site: Path, queries: list[Query], slow: bool = False) -> list[Outcome]:
    """Each query's outcome. `slow`: each query over SLOW, from the language's home page
    (its styles in the cache, nothing of the search's), as a reader who follows a link."""
    from playwright.sync_api import sync_playwright

    ids = ids_by_url(site)
    outcomes = []
    with serving(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        for query in queries:
            if slow:
                page.context.close()
                page = browser.new_context().new_page()
                page.context.new_cdp_session(page).send("Network.emulateNetworkConditions", SLOW)
                page.goto(f"{url}{query.lang}/")
            started = time.perf_counter()
            page.goto(url + SEARCH_PAGE[query.lang] + "?" + urllib.parse.urlencode({"q": query.text}))
            page.wait_for_selector("[data-search-results][aria-busy='false']", state="attached")
            seconds = time.perf_counter() - started
            hrefs = page.eval_on_selector_all(
                ".search-result h2 a", "links => links.map(a => new URL(a.href).pathname)"
            )
            fallback = page.locator("[data-search-note]:not([hidden])").count() > 0
            outcomes.append(Outcome(query, [ids.get(h, h) for h in hrefs][:10], fallback, seconds))
        browser.close()
    return outcomes


def table(outcomes: list[Outcome]) -> str:
    kinds = sorted({o.query.kind for o in outcomes})
    rows = ["| | " + " | ".join(["queries", "recall@5", "MRR", "no results", *kinds]) + " |"]
    rows.append("|" + "---|" * (len(kinds) + 5))
    for lang in SEARCH_PAGE:
        mine = [o for o in outcomes if o.query.lang == lang]
        if not mine:  # --only queries of the other language
            continue
        recall = statistics.mean(o.rank is not None and o.rank <= 5 for o in mine)
        mrr = statistics.mean(1 / o.rank if o.rank else 0 for o in mine)
        empty = statistics.mean(not o.found for o in mine)
        by_kind = []
        for kind in kinds:
            of_kind = [o for o in mine if o.query.kind == kind]
            hit = sum(o.rank is not None and o.rank <= 5 for o in of_kind)
            by_kind.append(f"{hit}/{len(of_kind)}" if of_kind else "–")
        rows.append(
            f"| {lang} | {len(mine)} | {recall:.2f} | {mrr:.2f} | {empty:.0%} | " + " | ".join(by_kind) + " |"
        )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--site", type=Path, help="a site already built with search (default: build content/)"
    )
    parser.add_argument("--queries", type=Path, default=ROOT / "bench/search_queries.yaml")
    parser.add_argument(
        "--failures",
        action="store_true",
        help="list the queries whose wanted practice is not in the first five",
    )
    parser.add_argument("--only", action="append", help="run only this query (repeatable)")
    parser.add_argument(
        "--slow", action="store_true", help="print each query's time on an emulated slow connection"
    )
    args = parser.parse_args()
    queries = [q for q in load_queries(args.queries) if not args.only or q.text in args.only]
    with tempfile.TemporaryDirectory() as scratch:
        site = args.site
        if site is None:
            site = Path(scratch) / "_site"
            build(ROOT, site, use_cache=False)
        outcomes = run_queries(site, queries, args.slow)
    print(table(outcomes))
    if args.slow:
        for o in outcomes:
            print(f"{o.query.lang} {o.query.text!r}: {o.seconds:.2f} s, {len(o.found)} results")
    if args.failures:
        for o in outcomes:
            if o.rank is None or o.rank > 5:
                shown = ", ".join(o.found[:5]) or "nothing"
                print(f"{o.query.lang} {o.query.kind:12} {o.query.text!r}: rank {o.rank}; shown {shown}")


if __name__ == "__main__":
    main()
