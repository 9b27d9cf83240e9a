"""Screenshots of the web editor (/admin/) for the editor guides, in Finnish and Swedish.

    python scripts/editor_screenshots.py [OUT_DIR]   (default: docs/screenshots)

Works on a copy of the project (the real content is never changed): builds it, serves it
with the local back end as `build.py serve` does, and opens the editor with the browser's
language set to Finnish, then Swedish.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from catalogue.build.pipeline import build  # noqa: E402
from catalogue.http_server import make_server  # noqa: E402
from tests.browser import CHROMIUM_ARGS, chromium_path  # noqa: E402

LOGIN = {"fi": "Kirjaudu", "sv": "Logga in"}


def _shots(page: Page, url: str, lang: str, out: Path) -> None:
    page.goto(f"{url}admin/")
    page.get_by_role("button", name=LOGIN[lang]).click()
    page.get_by_text("Närpiön malli").first.wait_for()
    page.screenshot(path=str(out / f"editor-{lang}-list.png"))
    page.goto(f"{url}admin/#/collections/practices/entries/narpes-model")
    page.locator('label[for^="title-field-"]').first.wait_for()
    page.wait_for_timeout(500)
    page.screenshot(path=str(out / f"editor-{lang}-practice.png"))
    page.locator('label[for^="criteria-field-"]').first.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    page.screenshot(path=str(out / f"editor-{lang}-criteria.png"))


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs/screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        project = Path(scratch) / "project"
        for name in ("content", "templates", "static", "admin", "locales"):
            shutil.copytree(ROOT / name, project / name)
        shutil.copy(ROOT / "site.toml", project / "site.toml")
        build(project, project / "_site", search=False, use_cache=False)
        server = make_server(project / "_site", "/", 0, project=project)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://localhost:{server.server_address[1]}/"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            for lang, locale in (("fi", "fi-FI"), ("sv", "sv-SE")):
                context = browser.new_context(viewport={"width": 1280, "height": 800}, locale=locale)
                _shots(context.new_page(), url, lang, out)
                context.close()
            browser.close()
        server.shutdown()
    print(f"Wrote the web editor's screenshots to {out}.")


if __name__ == "__main__":
    main()
