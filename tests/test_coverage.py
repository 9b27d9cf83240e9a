"""The coverage page: themes × phases and regions, from the same practices as the listings."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from catalogue.build.pipeline import check_site
from catalogue.config import Lang
from catalogue.site.coverage import TILES

from .helpers import ROOT, as_read, attribute, one, soup

PAGE = {"fi": "fi/kattavuus/index.html", "sv": "sv/tackning/index.html"}


def test_long_labels_in_the_table_break_where_their_language_hyphenates(built_site: Path) -> None:
    """Chrome hyphenates neither language: a phase's name in a narrow column broke anywhere
    ('Kotoutumissu|unnitelma', 'Integrationsut|bildning'). Soft hyphens mark its syllables."""
    vocabulary = check_site(ROOT).site.vocabulary
    words: dict[Lang, str] = {"fi": "Ko-tou-tu-mis-suun-ni-tel-ma", "sv": "In-teg-ra-tions-plan"}
    for lang, word in words.items():
        heads = [
            head.get_text() for head in soup(built_site / PAGE[lang]).select(".coverage-table thead th a")
        ]
        labels = [term.label[lang] for term in vocabulary.ordered("phases", lang)]
        assert [as_read(head) for head in heads] == labels
        assert word.replace("-", "\u00ad") in heads


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_each_cell_counts_practices_with_both_and_leads_to_the_search(built_site: Path, lang: Lang) -> None:
    practices = check_site(ROOT).site.in_lang(lang)
    page = soup(built_site / PAGE[lang])
    cells = page.select(".coverage-table tbody td")
    assert len(cells) == 8 * 7
    empty = 0
    for cell in cells:
        link = cell.select_one("a")
        if link is None:
            assert cell.get_text(strip=True) == "0"
            empty += 1
            continue
        query = parse_qs(urlsplit(attribute(link, "href")).query)
        theme, phase = query["theme"][0], query["phase"][0]
        expected = sum(theme in p.themes and phase in p.phases for p in practices)
        assert int(link.get_text()) == expected > 0
    assert empty > 0  # the sample catalogue has gaps, and they show


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_map_has_every_region_and_links_only_those_with_practices(built_site: Path, lang: Lang) -> None:
    site = check_site(ROOT).site
    counts = {t.code: 0 for t in site.vocabulary.terms("regions")}
    for p in site.in_lang(lang):
        for code in p.regions:
            counts[code] += 1
    assert set(TILES) == set(counts) - {"national"}
    page = soup(built_site / PAGE[lang])
    links = page.select(".region-map svg a")
    quiet = page.select(".region-map svg g[role=img]")
    assert len(links) + len(quiet) == 19
    assert len(links) == sum(1 for code, n in counts.items() if n and code != "national")
    rows = page.select(".coverage-region-table tbody tr")
    assert len(rows) == 20
    assert sorted(int(one(r, "td").get_text()) for r in rows) == sorted(counts.values())


@pytest.mark.browser
def test_a_region_on_the_map_leads_to_its_listing(page: Any, site_url: str) -> None:
    page.goto(site_url + "sv/tackning/")
    page.locator(".region-map a[aria-label^='Nyland']").click()
    expect(page.locator("h1")).to_have_text("Nyland")
    page.goto(site_url + "fi/kattavuus/")
    cell = page.locator(".coverage-table tbody td a").first
    label = cell.get_attribute("aria-label")
    cell.click()
    expect(page.locator("[data-search-results]")).to_have_attribute("aria-busy", "false")
    count = label.rsplit(": ", 1)[1]
    expect(page.locator("#search-status")).to_have_text(count)


EDGES = """scroller => ({
  column: scroller.querySelector('tbody th').getBoundingClientRect().right,
  focused: document.activeElement.closest('td')?.getBoundingClientRect().left,
  caption: scroller.querySelector('caption').getBoundingClientRect().right,
})"""
"""Where the sticky column of themes ends, the focused cell starts and the caption ends."""


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_on_a_phone_the_table_keeps_its_caption_and_row_headings_in_view(
    chromium: Any, site_url: str, lang: Lang
) -> None:
    """At 390 px the themes × phases table scrolls sideways: its caption wraps within the
    screen, each row's theme stays at the left, and a cell reached by keyboard is not hidden
    under it (WCAG 2.4.11); without JavaScript, which keeps it so, the column scrolls away."""
    context = chromium.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(site_url + PAGE[lang].removesuffix("index.html"))
    scroller = page.locator(".table-scroll").first
    first_heading = scroller.locator("tbody th").first
    at_rest = first_heading.bounding_box()
    assert scroller.evaluate(EDGES)["caption"] <= 390
    scroller.evaluate("element => element.scrollLeft = element.scrollWidth")
    assert first_heading.bounding_box()["x"] == pytest.approx(at_rest["x"], abs=1)
    links = scroller.locator("tbody tr").first.locator("td a")
    links.last.focus()
    for _ in range(links.count() - 1):
        page.keyboard.press("Shift+Tab")
        seen = scroller.evaluate(EDGES)
        assert seen["focused"] >= seen["column"] - 1, seen
    context.close()
    # Without JavaScript the column scrolls with the table, and hides no cell reached by Tab.
    context = chromium.new_context(viewport={"width": 390, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PAGE[lang].removesuffix("index.html"))
    scroller = page.locator(".table-scroll").first
    scroller.evaluate("element => element.scrollLeft = element.scrollWidth")
    assert scroller.locator("tbody th").first.bounding_box()["x"] < at_rest["x"] - 100
    context.close()
