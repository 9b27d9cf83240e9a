"""Index stage: Pagefind over the written site, in process, one index per <html lang>.

Pagefind finds; the search page facets. Besides Pagefind's own bundle this stage writes
pagefind/facets.<lang>.json, mapping each indexed page (by the id Pagefind gives its
results) to its facet codes, so the browser can OR within a group, AND across groups and
count every value exactly for any query, with diacritics matched exactly (Pagefind drops its
own filter counts in that mode).
"""

from __future__ import annotations

import asyncio
import gzip
import json
import re
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from pagefind.index import IndexConfig, PagefindIndex

from .config import LANGS
from .urls import FILTER_PARAMS, SECTIONS

FRAGMENT_SIGNATURE = b"pagefind_dcd"
ORDER_ATTRIBUTES = re.compile(r'data-title-sort="([0-9a-f.t]+)" data-published="([\d-]+)"')


async def _index(site_dir: Path, bundle: Path) -> int:
    config = IndexConfig(
        root_selector="html",
        output_path=str(bundle),
        write_playground=False,
        keep_index_url=False,
    )
    async with PagefindIndex(config=config) as index:
        # Only practice pages carry data-pagefind-body; reading just their folders spares
        # Pagefind parsing thousands of listing, short-link and redirect pages to skip them.
        sections = ",".join(f"{lang}/{SECTIONS[lang]['practices']}" for lang in LANGS)
        result = await index.add_directory(str(site_dir), glob=f"{{{sections}}}/*/index.html")
        count: int = result["page_count"]
    return count


def facet_map(site_dir: Path, lang: str, bundle: Path | None = None) -> dict[str, object]:
    """What the search page needs to browse and facet without Pagefind's word index.

    {"groups": {group: [codes]},
     "pages": {page id: [[code index, …] for each group, title rank, yyyymmdd published]}}
    """
    groups = sorted(set(FILTER_PARAMS.values()))
    pages: dict[str, tuple[dict[str, list[str]], str, int]] = {}
    for fragment in sorted(((bundle or site_dir / "pagefind") / "fragment").glob(f"{lang}_*.pf_fragment")):
        data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(FRAGMENT_SIGNATURE))
        html = (site_dir / data["url"].strip("/") / "index.html").read_text(encoding="utf-8")
        order = ORDER_ATTRIBUTES.search(html)
        if order is None:
            raise ValueError(f"{data['url']}: the practice page has no data-title-sort/data-published")
        published = int(order.group(2).replace("-", ""))
        pages[fragment.name.removesuffix(".pf_fragment")] = (data["filters"], order.group(1), published)
    # A page's title sort value (collation.sort_value) orders byte by byte; its rank is shorter.
    rank = {value: index for index, value in enumerate(sorted({value for _, value, _ in pages.values()}))}
    values = {g: sorted({v for filters, _, _ in pages.values() for v in filters.get(g, [])}) for g in groups}
    position = {g: {v: i for i, v in enumerate(values[g])} for g in groups}
    encoded = {
        page: [*(sorted(position[g][v] for v in filters.get(g, [])) for g in groups), rank[title], published]
        for page, (filters, title, published) in pages.items()
    }
    return {"groups": values, "pages": encoded}


def _run(coroutine: Coroutine[Any, Any, int]) -> int:
    """asyncio.run, also when the caller already runs an event loop (a notebook, Playwright)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def index_site(site_dir: Path, bundle: Path | None = None) -> int:
    """Write the search bundle (site_dir/pagefind/ unless told otherwise); only pages marked
    data-pagefind-body (practices) are indexed."""
    bundle = bundle or site_dir / "pagefind"
    count = _run(_index(site_dir, bundle))
    for lang in LANGS:
        text = json.dumps(facet_map(site_dir, lang, bundle), separators=(",", ":"), sort_keys=True)
        (bundle / f"facets.{lang}.json").write_text(text, encoding="utf-8")
    return count
