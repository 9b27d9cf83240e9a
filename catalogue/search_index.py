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
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

from .urls import FILTER_PARAMS

FRAGMENT_SIGNATURE = b"pagefind_dcd"


async def _index(site_dir: Path) -> int:
    config = IndexConfig(
        root_selector="html",
        output_path=str(site_dir / "pagefind"),
        write_playground=False,
        keep_index_url=False,
    )
    async with PagefindIndex(config=config) as index:
        result = await index.add_directory(str(site_dir), glob="{fi,sv}/**/*.html")
        count: int = result["page_count"]
    return count


def facet_map(bundle: Path, lang: str) -> dict[str, object]:
    """{"groups": {group: [codes]}, "pages": {page id: [[code index, …] per group]}}"""
    pages: dict[str, dict[str, list[str]]] = {}
    for fragment in sorted((bundle / "fragment").glob(f"{lang}_*.pf_fragment")):
        raw = gzip.decompress(fragment.read_bytes())
        data = json.loads(raw.removeprefix(FRAGMENT_SIGNATURE))
        pages[fragment.name.removesuffix(".pf_fragment")] = data["filters"]
    groups = sorted(set(FILTER_PARAMS.values()))
    values = {g: sorted({v for f in pages.values() for v in f.get(g, [])}) for g in groups}
    position = {g: {v: i for i, v in enumerate(values[g])} for g in groups}
    encoded = {
        page: [sorted(position[g][v] for v in filters.get(g, [])) for g in groups]
        for page, filters in pages.items()
    }
    return {"groups": values, "pages": encoded}


def index_site(site_dir: Path) -> int:
    """Write site_dir/pagefind/; only pages marked data-pagefind-body (practices) are indexed."""
    count = asyncio.run(_index(site_dir))
    bundle = site_dir / "pagefind"
    for lang in ("fi", "sv"):
        text = json.dumps(facet_map(bundle, lang), separators=(",", ":"), sort_keys=True)
        (bundle / f"facets.{lang}.json").write_text(text, encoding="utf-8")
    return count
