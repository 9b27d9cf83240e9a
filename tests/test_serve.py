"""`build.py serve`: rebuilds on change, reloads the open page, shows a failed build in the
browser, and keeps serving the last good site."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from catalogue.build.pipeline import build
from catalogue.config import load_config
from catalogue.serve import LiveServer

from .helpers import make_project, pair, practice

pytestmark = pytest.mark.browser


# Tests take `live` before `page`, so that the page is closed before the server stops: a
# request still in flight (the favicon after a reload) is not cut off and reported as an error.
@pytest.fixture
def live(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    root = make_project(tmp_path, pair())
    out = root / "_site"
    config = load_config(root / "site.toml")

    def rebuild() -> None:
        build(root, out, config, search=False)

    server = LiveServer(root, out, config, 0, rebuild)
    assert server.build_once() == []
    server.start()
    yield root, f"http://localhost:{server.port}/"
    server.stop()


def test_an_edit_reloads_the_open_page(live: tuple[Path, str], page: Any) -> None:
    root, url = live
    page.goto(url + "fi/kaytannot/esimerkki/")
    expect(page.locator("h1")).to_have_text("Esimerkkikäytäntö")
    page.wait_for_timeout(300)  # the event stream is open
    (root / "content/fi/esimerkki.md").write_text(practice(title="Uusi otsikko"), encoding="utf-8")
    expect(page.locator("h1")).to_have_text("Uusi otsikko", timeout=10_000)


def test_a_failed_build_is_shown_in_the_browser_and_the_last_good_site_stays(
    live: tuple[Path, str], page: Any
) -> None:
    root, url = live
    page.goto(url + "fi/kaytannot/esimerkki/")
    page.wait_for_timeout(300)
    (root / "content/fi/esimerkki.md").write_text(practice(themes="[nope]"), encoding="utf-8")
    panel = page.locator("#build-problems")
    expect(panel).to_contain_text("content/fi/esimerkki.md:6:10: unknown themes code 'nope'", timeout=10_000)
    expect(panel).to_have_attribute("role", "alert")
    expect(page.locator("h1")).to_have_text("Esimerkkikäytäntö")
    page.reload()
    expect(page.locator("h1")).to_have_text("Esimerkkikäytäntö")
    page.wait_for_timeout(300)
    (root / "content/fi/esimerkki.md").write_text(practice(title="Korjattu"), encoding="utf-8")
    expect(page.locator("h1")).to_have_text("Korjattu", timeout=10_000)
    expect(page.locator("#build-problems")).to_have_count(0)
