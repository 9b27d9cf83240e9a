"""The way from the query box or a listing to a practice, as a reader on a phone or a keyboard
meets it (issue #15): results first, filters behind a toggle on small screens, nothing that
moves while the search loads, a one-row menu that works without JavaScript."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
SHARED_LINK = "fi/haku/?theme=participation-civil-society&region=keski-suomi"


def open_page(chromium: Any, url: str, viewport: dict[str, int], javascript: bool = True) -> Any:
    context = chromium.new_context(viewport=viewport, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(url)
    if (javascript and "/haku/" in url) or "/sok/" in url:
        expect(page.locator("[data-search-results]")).to_have_attribute("aria-busy", "false")
    return page


def top_of(page: Any, selector: str) -> float:
    return float(page.locator(selector).first.evaluate("e => e.getBoundingClientRect().top + scrollY"))


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
def test_from_the_query_box_the_first_result_is_at_most_three_tabs_away(
    chromium: Any, site_url: str, viewport: dict[str, int]
) -> None:
    page = open_page(chromium, site_url + "fi/haku/?q=kotoutumiskoulutus", viewport)
    page.locator("#search-query").focus()
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.search-result') !== null"):
            break
    assert page.evaluate("document.activeElement.closest('.search-result') !== null")
    page.context.close()


@pytest.mark.parametrize(
    "path",
    ["fi/haku/?q=kotoutumiskoulutus", "sv/sok/?q=språkkurs", SHARED_LINK, "sv/sok/"],
)
def test_at_375_px_the_first_result_starts_within_the_first_screen(
    chromium: Any, site_url: str, path: str
) -> None:
    page = open_page(chromium, site_url + path, PHONE)
    assert top_of(page, ".search-result") <= 700
    assert top_of(page, "#search-status") <= 700
    page.context.close()


@pytest.mark.parametrize(
    "path", ["fi/teemat/osallisuus-ja-jarjestot/", "sv/regioner/mellersta-finland/", "fi/kaytannot/"]
)
def test_at_375_px_the_first_practice_of_a_listing_is_within_the_first_screen(
    chromium: Any, site_url: str, path: str
) -> None:
    page = open_page(chromium, site_url + path, PHONE)
    assert top_of(page, "main li a") <= 700
    page.context.close()


def test_on_a_phone_the_filters_wait_behind_a_toggle_that_counts_the_choices(
    chromium: Any, site_url: str
) -> None:
    page = open_page(chromium, site_url + SHARED_LINK, PHONE)
    toggle = page.locator(".facets-toggle")
    expect(toggle).to_have_text("Rajaa tuloksia (2)")
    assert page.locator("[data-facets]").get_attribute("open") is None
    assert top_of(page, ".facets-toggle") > top_of(page, ".search-result")
    toggle.click()
    page.locator("#f-theme-employment-entrepreneurship").check()
    expect(toggle).to_have_text("Rajaa tuloksia (3)")
    page.context.close()


def test_clearing_is_offered_only_when_something_is_chosen(chromium: Any, site_url: str) -> None:
    page = open_page(chromium, site_url + "sv/sok/", DESKTOP)
    clear = page.get_by_role("button", name="Rensa alla val")
    expect(clear).to_be_hidden()
    page.locator("#f-theme-refugee-reception").check()
    expect(clear).to_be_visible()
    clear.click()
    expect(clear).to_be_hidden()
    page.context.close()


def test_the_language_switch_keeps_the_words_and_filters(chromium: Any, site_url: str) -> None:
    page = open_page(chromium, site_url + "fi/haku/?q=vapaaehtoiset", DESKTOP)
    page.locator("details[data-facet=region] summary").click()
    page.locator("#f-region-keski-suomi").check()
    expect(page).to_have_url(re.compile("region=keski-suomi"))
    page.get_by_role("link", name="På svenska").click()
    expect(page.locator("[data-search-results]")).to_have_attribute("aria-busy", "false")
    assert urlsplit(page.url).path == "/sv/sok/"
    assert page.locator("#search-query").input_value() == "vapaaehtoiset"
    assert page.locator("#f-region-keski-suomi").is_checked()
    page.context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
@pytest.mark.parametrize("path", ["fi/haku/", "fi/haku/?q=kieli", SHARED_LINK])
def test_nothing_moves_while_the_search_loads(
    chromium: Any, site_url: str, path: str, viewport: dict[str, int]
) -> None:
    page = open_page(chromium, site_url + path, viewport)
    page.wait_for_timeout(300)
    shift = page.evaluate(
        """() => new Promise(resolve => {
            let total = 0;
            new PerformanceObserver(list => {
                for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
            }).observe({ type: "layout-shift", buffered: true });
            setTimeout(() => resolve(total), 200);
        })"""
    )
    assert shift < 0.02
    page.context.close()


def test_the_search_page_with_javascript_says_nothing_about_javascript(chromium: Any, site_url: str) -> None:
    page = open_page(chromium, site_url + "sv/sok/", PHONE)
    assert "JavaScript" not in page.locator("main").inner_text()
    page.context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_on_a_phone_the_menu_is_one_row_that_opens(chromium: Any, site_url: str, javascript: bool) -> None:
    page = open_page(chromium, site_url + "fi/", PHONE, javascript)
    nav = page.locator(".site-nav")
    assert nav.bounding_box()["height"] <= 60
    links = page.get_by_role("navigation", name="Päävalikko").get_by_role("link")
    expect(links).to_have_count(0)
    page.get_by_text("Valikko").click()
    expect(links).to_have_count(6)
    links.filter(has_text="Alueet").click()
    expect(page.locator("h1")).to_have_text("Alueet")
    page.context.close()


def test_on_a_desktop_the_menu_is_the_list_itself(chromium: Any, site_url: str) -> None:
    page = open_page(chromium, site_url + "sv/", DESKTOP)
    expect(page.locator(".nav-menu")).to_be_hidden()
    expect(page.get_by_role("navigation", name="Huvudmeny").get_by_role("link")).to_have_count(6)
    page.context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
def test_a_comma_in_the_facts_follows_its_value_and_each_link_is_a_24_px_target(
    chromium: Any, site_url: str, viewport: dict[str, int]
) -> None:
    """A name that wraps ("Nivelvaihe kotoutumiskoulutuksen jälkeen") keeps its comma after
    its last word, not on a line of its own."""
    page = open_page(chromium, site_url + "fi/kaytannot/narpion-malli/", viewport)
    items = page.evaluate(
        """() => [...document.querySelectorAll('.facts .inline-list li:not(:last-child)')].map(li => {
            const item = [...li.getClientRects()].at(-1), link = [...li.querySelector('a').getClientRects()];
            return {text: li.textContent, comma: item.bottom, link: link.at(-1).bottom,
                    heights: link.map(r => r.height)};
        })"""
    )
    assert len(items) >= 4
    for item in items:
        assert abs(item["comma"] - item["link"]) <= 6, item  # on the line of the value's last word
        assert min(item["heights"]) >= 24, item
    page.context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
def test_a_practice_s_type_stands_inside_its_header_with_room_above(
    chromium: Any, site_url: str, viewport: dict[str, int]
) -> None:
    """The type above a practice's title ("FÖRÄNDRING AV VERKSAMHETSKULTUREN") opens the
    header's tinted band, with room above it inside the band as below the breadcrumbs: its
    margin once fell through the band and left it on the band's top edge."""
    page = open_page(chromium, site_url + "sv/praxis/narpesmodellen/", viewport)
    band, label, crumbs = (
        page.locator(selector).first.bounding_box()
        for selector in (".practice-header", ".practice-header .eyebrow", ".breadcrumbs")
    )
    assert label["y"] - band["y"] >= 16
    assert band["y"] - (crumbs["y"] + crumbs["height"]) >= 16
    page.context.close()
