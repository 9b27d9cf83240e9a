"""Index stage: Pagefind over the written site, in process, one index per <html lang>."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex


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


def index_site(site_dir: Path) -> int:
    """Write site_dir/pagefind/; only pages marked data-pagefind-body (practices) are indexed."""
    return asyncio.run(_index(site_dir))
