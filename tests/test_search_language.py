"""Finnish and Swedish search behaviour, on a small catalogue written for the purpose:
inflected queries find base forms, and ä/ö/å are letters of their own."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from catalogue.build.pipeline import build

from .browser import serving
from .helpers import as_read, make_project, practice

pytestmark = pytest.mark.browser
Site = tuple[str, Path]

TEXTS = {
    "weather": (
        "saatiedot",
        "vadret",
        "Sää ja kotoutumiskoulutus",
        "Väder och språkutbildning",
        "## Tausta\n\nSää vaihtelee. Kurssi on kotoutumiskoulutus aikuisille.\n",
        "## Bakgrund\n\nVädret växlar. Kursen är en språkutbildning för vuxna.\n",
    ),
    "gets-1": (
        "tuki-yksi",
        "stod-ett",
        "Tukea arkeen",
        "Stöd i vardagen",
        "## Tausta\n\nJokainen saa tukea. Asiakas saa neuvoja ja saa apua.\n",
        "## Bakgrund\n\nAlla får stöd och råd.\n",
    ),
    "gets-2": (
        "tuki-kaksi",
        "stod-tva",
        "Ohjausta ryhmissä",
        "Vägledning i grupper",
        "## Tausta\n\nRyhmä saa ohjausta, ja perhe saa tietoa.\n",
        "## Bakgrund\n\nGruppen får vägledning och familjen information.\n",
    ),
}


@pytest.fixture(scope="module")
def language_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    files: dict[str, str | bytes] = {}
    for pid, (fi_slug, sv_slug, fi_title, sv_title, fi_body, sv_body) in TEXTS.items():
        # Only the first practice has the theme whose label holds the words searched for.
        theme = "[integration-training]" if pid == "weather" else "[employment-entrepreneurship]"
        files[f"content/fi/{fi_slug}.md"] = practice(pid, fi_slug, title=fi_title, body=fi_body, themes=theme)
        files[f"content/sv/{sv_slug}.md"] = practice(pid, sv_slug, title=sv_title, body=sv_body, themes=theme)
    root = make_project(tmp_path_factory.mktemp("lang"), files)
    out = root / "_site"
    build(root, out)
    with serving(out) as url:
        yield url, out


def search(page: Any, url: str, query: str) -> list[str]:
    page.goto(f"{url}?q={query}")
    status = page.locator("#search-status")
    expect(status).not_to_have_text("")
    return [as_read(title) for title in page.locator(".search-result h2").all_inner_texts()]


def test_inflected_finnish_query_finds_the_base_form(page: Any, language_site: tuple[str, Path]) -> None:
    url, _ = language_site
    assert search(page, url + "fi/haku/", "kotoutumiskoulutuksessa") == ["Sää ja kotoutumiskoulutus"]


def test_inflected_swedish_query_finds_the_base_form(page: Any, language_site: tuple[str, Path]) -> None:
    url, _ = language_site
    assert search(page, url + "sv/sok/", "språkutbildningen") == ["Väder och språkutbildning"]


def test_saa_and_saa_with_dots_each_put_their_own_word_first(
    page: Any, language_site: tuple[str, Path]
) -> None:
    """'sää' (weather) and 'saa' (gets) are different words in Finnish. Diacritics are not
    required (a keyboard without ä finds 'Närpiö' as 'narpio'), but the word as typed ranks
    first: the search for 'sää' shows the weather first, the search for 'saa' the other two."""
    url, _ = language_site
    assert search(page, url + "fi/haku/", "sää")[0] == "Sää ja kotoutumiskoulutus"
    assert set(search(page, url + "fi/haku/", "saa")[:2]) == {"Tukea arkeen", "Ohjausta ryhmissä"}


def test_each_language_index_holds_exactly_its_published_practices(built_site: Path) -> None:
    from catalogue.build.pipeline import check_site

    from .helpers import ROOT

    site = check_site(ROOT).site
    from catalogue.site import urls

    for lang in ("fi", "sv"):
        indexed = set()
        for fragment in (built_site / "pagefind/fragment").glob(f"{lang}_*.pf_fragment"):
            data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
            indexed.add(data["url"])
        expected = {"/" + urls.practice(p) for p in site.in_lang(lang)}
        assert indexed == expected
        facets = json.loads((built_site / f"pagefind/facets.{lang}.json").read_text(encoding="utf-8"))
        assert len(facets["pages"]) == len(expected)
    assert not list((built_site / "pagefind/fragment").glob("unknown_*"))


@pytest.mark.parametrize("pending", ["sv", "both"])
def test_a_language_with_no_practice_yet_searches_to_none(page: Any, tmp_path: Path, pending: str) -> None:
    """While the only practice waits for its Swedish version, the Swedish search page says no
    practice matches; with no practice at all, both pages do. Pagefind makes no index of no
    pages, so none is loaded (and no error is shown or logged)."""
    waiting = "draft: true" if pending == "both" else "translation_pending: true"
    root = make_project(tmp_path, {"content/fi/esimerkki.md": practice(extra=waiting)})
    out = root / "_site"
    build(root, out)
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    empty = ["sv/sok/"] if pending == "sv" else ["fi/haku/", "sv/sok/"]
    with serving(out) as url:
        for path in empty:
            page.goto(f"{url}{path}?q=koulutus")
            form = page.locator("[data-search]")
            expect(page.locator("#search-status")).to_have_text(form.get_attribute("data-none") or "?")
            expect(page.locator("[data-search-results]")).to_have_attribute("aria-busy", "false")
        assert not any(u.endswith("pagefind.js") for u in fetched)
        if pending == "sv":
            page.goto(f"{url}fi/haku/?q=esimerkki")
            expect(page.locator(".search-result h2")).to_have_text(["Esimerkkikäytäntö"])
