"""The sample catalogue in headless Chromium, used as a reader would use it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from catalogue.build.pipeline import build, check_site
from catalogue.config import Lang

from .browser import serving
from .helpers import ROOT, as_read, make_project, pair

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("lang", "other", "switch_text"), [("fi", "sv", "På svenska"), ("sv", "fi", "Suomeksi")]
)
def test_home_page_and_language_switch(
    page: Any, site_url: str, lang: str, other: str, switch_text: str
) -> None:
    page.goto(f"{site_url}{lang}/")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator(".criteria-grid li").count() == 6
    assert page.locator(".cards .card").count() == 6
    page.get_by_role("link", name=switch_text).click()
    assert page.url == f"{site_url}{other}/"
    assert page.locator("html").get_attribute("lang") == other


@pytest.mark.parametrize(
    ("start", "switch_text", "target", "target_title"),
    [
        (
            "fi/kaytannot/narpion-malli/",
            "På svenska",
            "sv/praxis/narpesmodellen/",
            "Närpesmodellen – integration genom arbete",
        ),
        (
            "sv/praxis/integrations-sib/",
            "Suomeksi",
            "fi/kaytannot/koto-sib/",
            "Kotoutumisen SIB – työllistymistä tulosperusteisella rahoituksella",
        ),
    ],
)
def test_practice_page_switches_to_its_counterpart(
    page: Any, site_url: str, start: str, switch_text: str, target: str, target_title: str
) -> None:
    page.goto(site_url + start)
    assert page.locator(".criterion").count() == 6
    assert page.locator(".facts dd a").count() >= 5
    page.get_by_role("link", name=switch_text).click()
    assert page.url == site_url + target
    assert as_read(page.locator("h1").inner_text()) == target_title


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("fi/teemat/lapset-nuoret-ja-perheet/", "Lapset, nuoret ja perheet"),
        ("sv/teman/barn-unga-och-familjer/", "Barn, unga och familjer"),
    ],
)
def test_listing_page_leads_to_practices(page: Any, site_url: str, path: str, heading: str) -> None:
    page.goto(site_url + path)
    assert page.locator("h1").inner_text() == heading
    first = page.locator(".card-title a").first
    title = first.inner_text()
    first.click()
    assert page.locator("h1").inner_text() == title


def test_skip_link_is_first_and_moves_focus_to_main(page: Any, site_url: str) -> None:
    page.goto(site_url + "fi/kaytannot/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Siirry sisältöön"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


# Search -------------------------------------------------------------------------------
# Waits use expect(): the site's Content-Security-Policy forbids the eval that
# Playwright's wait_for_function needs, which is the policy working as intended.


def settled(page: Any) -> None:
    """Wait until the search has finished (the result list is no longer aria-busy)."""
    expect(page.locator("[data-search-results]")).to_have_attribute("aria-busy", "false")


def result_titles(page: Any) -> list[str]:
    return [as_read(title) for title in page.locator(".search-result h2").all_inner_texts()]


def open_facet(page: Any, group: str) -> None:
    details = page.locator(f"details[data-facet={group}]")
    if details.get_attribute("open") is None:
        details.locator("summary").click()


def expected_titles(lang: Lang, themes: set[str], regions: set[str]) -> set[str]:
    site = check_site(ROOT).site
    return {p.title for p in site.in_lang(lang) if themes & set(p.themes) and regions & set(p.regions)}


@pytest.mark.parametrize(
    ("path", "query", "expected_first"),
    [
        ("fi/haku/", "Närpiö", "Närpiön malli – kotoutuminen työn kautta"),
        ("sv/sok/", "växthusodling", "Närpesmodellen – integration genom arbete"),
        (
            "fi/haku/",
            "perhehoitajaksi",
            "Kotouttava perhehoito ilman huoltajaa tulleille lapsille ja nuorille",
        ),
    ],
)
def test_query_puts_the_expected_practice_first(
    page: Any, site_url: str, path: str, query: str, expected_first: str
) -> None:
    page.goto(site_url + path)
    page.get_by_role("searchbox").fill(query)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"\?q="))
    expect(page.locator(".search-result h2").first).to_have_text(expected_first)
    expect(page.locator(".search-result mark").first).to_be_visible()


def test_a_found_word_is_marked_without_the_punctuation_beside_it(page: Any, site_url: str) -> None:
    """Pagefind's excerpt marks a word with the comma after it ("kielikoulutukseen,"): the
    page marks the word alone and keeps the comma in the text."""
    page.goto(site_url + "fi/haku/?q=kielikoulutuksessa")
    marks = page.locator(".search-result mark")
    expect(marks.first).to_be_visible()
    texts = marks.all_text_contents()
    assert "kielikoulutukseen" in texts
    assert [text for text in texts if re.search(r"^\W|\W$", text)] == []
    expect(page.locator(".search-result", has=page.locator("mark")).first).to_contain_text(
        "kielikoulutukseen,"
    )


class HeldFragments:
    """Pagefind's fragments (each result's page data) held back, as on a slow connection:
    those asked for until `stop` wait until `release`; later ones pass."""

    def __init__(self, page: Any) -> None:
        self.held: list[Any] = []
        self.holding = True
        page.route("**/*.pf_fragment", self._route)

    def _route(self, route: Any) -> None:
        if self.holding:
            self.held.append(route)
        else:
            route.continue_()

    def stop(self) -> None:
        self.holding = False

    def release(self) -> None:
        self.stop()
        for route in self.held:
            route.continue_()


def test_a_search_made_while_the_first_list_loads_shows_its_own_results_only(
    page: Any, site_url: str
) -> None:
    """On a slow connection a reader may search before the search page's first list (every
    practice, A–Ö) has loaded: that list, arriving late, must not be added to the results."""
    fragments = HeldFragments(page)
    page.goto(site_url + "fi/haku/")
    for _ in range(200):
        if fragments.held:
            break
        page.wait_for_timeout(50)
    assert fragments.held, "the first list asks for its pages"
    fragments.stop()
    page.get_by_role("searchbox").fill("Närpiö")  # found on one page, not among the first ten
    page.keyboard.press("Enter")
    first = page.locator(".search-result h2").first
    expect(first).to_have_text("Närpiön malli – kotoutuminen työn kautta")
    titles = page.locator(".search-result h2").all_inner_texts()
    fragments.release()
    page.wait_for_timeout(1000)  # the late list's pages have arrived by now
    assert page.locator(".search-result h2").all_inner_texts() == titles
    expect(page.locator("#search-status")).to_have_text("1 käytäntö")  # not the first list's count


def test_words_typed_while_the_search_loads_are_searched_for(page: Any, site_url: str) -> None:
    """On a slow connection a reader may type before the search has loaded: the words stay in
    the box and are searched for once it has (they were wiped out by the empty address)."""
    held: list[Any] = []
    page.route("**/facets.fi.json", lambda route: held.append(route))
    page.goto(site_url + "fi/haku/")
    page.get_by_role("searchbox").fill("Närpiö")
    for route in held:
        route.continue_()
    expect(page).to_have_url(re.compile(r"\?q=N%C3%A4rpi%C3%B6$"))
    expect(page.get_by_role("searchbox")).to_have_value("Närpiö")
    expect(page.locator(".search-result h2").first).to_have_text("Närpiön malli – kotoutuminen työn kautta")
    expect(page.locator("#search-status")).to_have_text("1 käytäntö")


def test_show_more_pressed_twice_before_the_results_arrive_shows_each_practice_once(
    page: Any, site_url: str
) -> None:
    """On a slow connection a reader may press 'Show more' again before the next results have
    arrived: the second press shows the ones after them, and every practice appears once."""
    page.goto(site_url + "fi/haku/")
    expect(page.locator(".search-result")).to_have_count(10)
    fragments = HeldFragments(page)
    button = page.get_by_role("button", name="Näytä lisää tuloksia")
    button.click()
    button.click()
    fragments.release()
    everyone = check_site(ROOT).site.in_lang("fi")
    expect(page.locator(".search-result")).to_have_count(len(everyone))
    expect(button).to_be_hidden()
    titles = page.locator(".search-result h2").all_inner_texts()
    assert len(set(titles)) == len(everyone)


@pytest.mark.parametrize(("lang", "path"), [("fi", "fi/haku/"), ("sv", "sv/sok/")])
def test_or_within_a_group_and_across_groups(page: Any, site_url: str, lang: Lang, path: str) -> None:
    themes = {"integration-training", "employment-entrepreneurship"}
    expected = expected_titles(lang, themes, {"pohjois-pohjanmaa"})
    assert len(expected) >= 2
    page.goto(site_url + path)
    expect(page.locator(".search-result").first).to_be_visible()
    for code in sorted(themes):
        page.locator(f"#f-theme-{code}").check()
    open_facet(page, "region")
    page.locator("#f-region-pohjois-pohjanmaa").check()
    expect(page.locator(".search-result")).to_have_count(len(expected))
    assert set(result_titles(page)) == expected
    # A value's count is what choosing it would give.
    count = page.locator("[data-facet=region] [data-count-for=pohjois-pohjanmaa]")
    expect(count).to_have_text(f"({len(expected)})")
    query = parse_qs(urlsplit(page.url).query)
    assert sorted(query["theme"]) == sorted(themes)
    assert query["region"] == ["pohjois-pohjanmaa"]


def test_url_state_survives_reload_and_back(page: Any, site_url: str) -> None:
    everything = expected_titles("fi", {"children-youth-families"}, {c.code for c in _regions()})
    narrowed = expected_titles("fi", {"children-youth-families"}, {"national"})
    assert 0 < len(narrowed) < len(everything)
    page.goto(site_url + "fi/haku/?theme=children-youth-families")
    expect(page.locator(".search-result")).to_have_count(len(everything))
    expect(page.locator("#f-theme-children-youth-families")).to_be_checked()
    open_facet(page, "region")
    page.locator("#f-region-national").check()
    expect(page).to_have_url(re.compile(r"/fi/haku/\?theme=children-youth-families&region=national$"))
    expect(page.locator(".search-result")).to_have_count(len(narrowed))
    page.reload()
    expect(page.locator(".search-result")).to_have_count(len(narrowed))
    expect(page.locator("#f-region-national")).to_be_checked()
    page.go_back()
    expect(page).to_have_url(re.compile(r"/fi/haku/\?theme=children-youth-families$"))
    expect(page.locator(".search-result")).to_have_count(len(everything))
    expect(page.locator("#f-region-national")).not_to_be_checked()


@pytest.mark.parametrize(
    ("path", "labels", "remove"),
    [
        ("fi/haku/", ["Lapset, nuoret ja perheet", "Valtakunnallinen"], "Poista valinta: {}"),
        ("sv/sok/", ["Barn, unga och familjer", "Riksomfattande"], "Ta bort valet: {}"),
    ],
)
def test_what_a_link_chooses_shows_above_the_results_and_each_choice_can_be_removed(
    page: Any, site_url: str, path: str, labels: list[str], remove: str
) -> None:
    """A coordinator's link that chooses a theme and a region: on a phone the filters wait
    below the results, so what is chosen shows above them, in the page's language, and each
    choice is removed by a press (here by keyboard), focus staying among the choices."""
    page.set_viewport_size({"width": 375, "height": 800})
    lang: Lang = "fi" if path.startswith("fi") else "sv"
    themes = {"children-youth-families"}
    national = expected_titles(
        lang, {t.code for t in check_site(ROOT).site.vocabulary.terms("themes")}, {"national"}
    )
    page.goto(site_url + path + "?theme=children-youth-families&region=national")
    settled(page)
    chosen = page.locator("[data-search-chosen] button")
    expect(chosen).to_have_text(labels)
    assert chosen.first.evaluate("e => e.getBoundingClientRect().bottom") < page.locator(
        ".search-result"
    ).first.evaluate("e => e.getBoundingClientRect().top")
    expect(page.locator(".search-result")).to_have_count(len(expected_titles(lang, themes, {"national"})))
    page.get_by_role("button", name=remove.format(labels[0]), exact=True).focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/{path}\?region=national$"))
    expect(chosen).to_have_text(labels[1:])
    expect(chosen.first).to_be_focused()
    expect(page.locator("#f-theme-children-youth-families")).not_to_be_checked()
    settled(page)
    assert re.match(rf"{len(national)}\b", page.locator("#search-status").inner_text())
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/{path}$"))
    expect(page.locator("[data-search-chosen]")).to_be_hidden()
    expect(page.locator("#search-query")).to_be_focused()


def _regions() -> tuple[Any, ...]:
    return check_site(ROOT).site.vocabulary.terms("regions")


def test_sorting_by_title_and_newest(page: Any, site_url: str) -> None:
    from catalogue.content.collation import sort_key

    site = check_site(ROOT).site
    by_title = sorted((p.title for p in site.in_lang("sv")), key=sort_key)
    newest = max(site.in_lang("sv"), key=lambda p: p.published)
    page.goto(site_url + "sv/sok/?sort=title")
    expect(page.locator(".search-result")).to_have_count(10)
    assert result_titles(page) == by_title[:10]
    page.select_option("#search-sort", "newest")
    expect(page).to_have_url(re.compile(r"/sv/sok/\?sort=newest$"))
    expect(page.locator(".search-result h2").first).to_have_text(newest.title)
    page.get_by_role("button", name="Visa fler resultat").click()
    expect(page.locator(".search-result")).to_have_count(20)


def test_keyboard_only_search(page: Any, site_url: str) -> None:
    page.goto(site_url + "fi/haku/")
    expect(page.locator(".search-result").first).to_be_visible()
    # From the skip link: Enter jumps to the content; Tab reaches the search box.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "search-query":
            break
    assert page.evaluate("document.activeElement.id") == "search-query"
    page.keyboard.type("vapaaehtoiset")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"\?q=vapaaehtoiset$"))
    settled(page)
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.value") == "participation-civil-society":
            break
    assert page.evaluate("document.activeElement.name") == "theme"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    promised = page.locator("[data-facet=theme] [data-count-for=participation-civil-society]").inner_text()
    page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(r"&theme="))
    count = int(promised.strip("()"))
    expect(page.locator("#search-status")).to_have_text(
        f"{count} käytäntö" if count == 1 else f"{count} käytäntöä"
    )
    first = page.locator(".search-result a").first
    title = first.inner_text()
    first.focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(title)


def test_result_count_is_announced_politely(page: Any, site_url: str) -> None:
    page.goto(site_url + "sv/sok/")
    status = page.locator("#search-status")
    assert status.get_attribute("aria-live") == "polite"
    assert status.get_attribute("role") == "status"
    expect(status).to_have_text("24 exempel")
    page.get_by_role("searchbox").fill("qqqzzz")
    page.keyboard.press("Enter")
    expect(status).to_have_text("Inga exempel motsvarar sökningen. Pröva andra ord eller ta bort några val.")


def test_clear_all_returns_to_everything(page: Any, site_url: str) -> None:
    page.goto(site_url + "fi/haku/?q=perhe&theme=children-youth-families")
    expect(page.locator("#search-status")).not_to_have_text("24 käytäntöä")
    page.get_by_role("button", name="Tyhjennä kaikki valinnat").click()
    expect(page).to_have_url(re.compile(r"/fi/haku/$"))
    expect(page.locator("#search-status")).to_have_text("24 käytäntöä")
    expect(page.locator("#search-query")).to_be_focused()


def test_without_javascript_the_search_page_offers_browsing(chromium: Any, site_url: str) -> None:
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "fi/haku/")
    assert page.locator("form[data-search]").is_hidden()
    links = page.locator(".search-fallback a").all_inner_texts()
    assert links == [
        "Kaikki käytännöt",
        "Teemat",
        "Kotoutumisen vaiheet",
        "Kohderyhmät",
        "Alueet",
        "Käytäntöjen tyypit",
    ]
    context.close()


def transferred_bytes(page: Any, url: str, only: str = "") -> int:
    """Bytes (bodies and headers) the page fetched until its results showed and the network rested."""
    sizes: list[int] = []

    def count(request: Any) -> None:
        if only in request.url:
            sizes.append(request.sizes()["responseBodySize"] + request.sizes()["responseHeadersSize"])

    page.on("requestfinished", count)
    page.goto(url)
    expect(page.locator(".search-result").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    page.remove_listener("requestfinished", count)
    return sum(sizes)


@pytest.mark.parametrize("query", ["kotoutumiskoulutuksessa", "kieli", "työ", "vapaaehtoiset"])
def test_first_search_transfers_at_most_160_kb(chromium: Any, site_url: str, query: str) -> None:
    """Everything the search loads: Pagefind's code and WebAssembly, index chunks, the facet
    map, the query's word file and the shown results, as a static host serves them (gzip for text)."""
    context = chromium.new_context()
    page = context.new_page()
    assert transferred_bytes(page, f"{site_url}fi/haku/?q={query}", only="/pagefind/") <= 160_000
    context.close()


def test_a_shared_search_fetches_pagefind_beside_the_facet_map_and_its_webassembly_at_once(
    chromium: Any, site_url: str
) -> None:
    """With words in its address, the page asks for Pagefind's code with the facet map, and
    for its WebAssembly before Pagefind's own chain (entry, metadata, then WebAssembly) gets
    there: on a slow connection each waited for the one before. (The bytes of a first search,
    above, show that the WebAssembly still comes once.)"""
    context = chromium.new_context()
    page = context.new_page()
    events: list[str] = []

    def name(request: Any) -> str:
        return str(urlsplit(request.url).path.rsplit("/", 1)[1])

    page.on("request", lambda request: events.append(f"ask {name(request)}"))
    page.on("response", lambda response: events.append(f"got {name(response.request)}"))
    page.goto(f"{site_url}fi/haku/?q=kieli")
    expect(page.locator(".search-result").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    context.close()
    assert events.index("ask pagefind.js") < events.index("got facets.fi.json"), events
    assert events.index("ask wasm.fi.pagefind") < events.index("ask pagefind-entry.json"), events


def test_browsing_without_words_needs_no_word_index(chromium: Any, site_url: str) -> None:
    context = chromium.new_context()
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    total = transferred_bytes(page, f"{site_url}sv/sok/")
    assert not any(".pf_index" in url or ".pagefind" in url for url in fetched)
    assert total <= 60_000
    context.close()


def test_a_match_inside_a_criterion_links_to_that_section(page: Any, site_url: str) -> None:
    page.goto(site_url + "fi/haku/?q=pikkukaupungissa")  # only in Närpes' "context-sensitive" evidence
    settled(page)
    links = page.locator(".search-subresults a")
    expect(links).to_have_count(1)
    assert links.first.get_attribute("href").endswith(
        "/fi/kaytannot/narpion-malli/#criterion-context-sensitive"
    )
    for link in links.all():
        assert re.search(r"/fi/kaytannot/[a-z0-9-]+/#criterion-[a-z-]+$", link.get_attribute("href"))
        assert link.inner_text() in {
            "Tavoitteellinen",
            "Asiakaslähtöinen",
            "Tilanteeseen sopiva",
            "Vaikuttava",
            "Mallinnettava",
            "Yleistettävä",
        }


def test_a_link_with_a_code_the_vocabulary_lacks_still_filters_by_the_rest(page: Any, site_url: str) -> None:
    expected = expected_titles("fi", {"children-youth-families"}, {c.code for c in _regions()})
    page.goto(
        site_url + "fi/haku/?theme=children-youth-families&theme=no-such-theme"
        "&region=atlantis&region=atlantis&sort=oldest"
    )
    expect(page.locator(".search-result")).to_have_count(len(expected))
    assert set(result_titles(page)) == expected
    expect(page.locator("#f-theme-children-youth-families")).to_be_checked()
    # The reader is told what the link chose that the catalogue lacks, until choosing anew.
    dropped = page.locator("[data-search-dropped]")
    expect(dropped).to_have_text(
        "Linkissä on rajauksia ”no-such-theme”, ”atlantis”, joita luettelossa ei ole (enää); "
        "tulokset näytetään ilman niitä."
    )
    expect(page.locator("#search-sort")).to_have_value("")  # an order the page lacks: the default
    page.locator("#f-theme-integration-training").check()
    expect(dropped).to_be_hidden()
    expect(page).to_have_url(re.compile(r"/fi/haku/\?theme=[^&]+&theme=[^&]+$"))
    chosen = parse_qs(urlsplit(page.url).query)["theme"]
    assert set(chosen) == {"children-youth-families", "integration-training"}


def test_a_link_with_a_replaced_code_chooses_the_code_that_replaced_it(page: Any, tmp_path: Path) -> None:
    """A region given a new code keeps its old one as 'replaced_by' (content/vocabulary.yaml):
    a shared link with the old code chooses the new one, and says nothing of a lost value."""
    root = make_project(tmp_path, {**pair(), **pair("other", "toinen", "annan")})
    vocabulary = root / "content/vocabulary.yaml"
    old = "  - {code: uusimaa, fi: Uusimaa, sv: Nyland}\n"
    text = vocabulary.read_text(encoding="utf-8")
    assert old in text
    vocabulary.write_text(
        text.replace(
            old,
            "  - {code: uudenmaan-maakunta, fi: Uusimaa, sv: Nyland}\n"
            "  - {code: uusimaa, replaced_by: uudenmaan-maakunta}\n",
        ),
        encoding="utf-8",
    )
    for file in (root / "content").glob("[fs][iv]/*.md"):
        file.write_text(
            file.read_text(encoding="utf-8").replace("[uusimaa]", "[uudenmaan-maakunta]"), "utf-8"
        )
    build(root, root / "_site")
    with serving(root / "_site") as url:
        page.goto(url + "fi/haku/?region=uusimaa")
        expect(page.locator("#f-region-uudenmaan-maakunta")).to_be_checked()
        expect(page.locator(".search-result")).to_have_count(2)
        expect(page.locator("[data-search-dropped]")).to_be_hidden()


def test_a_link_with_one_value_the_vocabulary_lacks_says_so_in_swedish(page: Any, site_url: str) -> None:
    page.goto(site_url + "sv/sok/?q=språk&phase=no-such-phase")
    expect(page.locator("[data-search-dropped]")).to_have_text(
        "Länken har urvalet ”no-such-phase”, som katalogen inte har (längre); resultaten visas utan det."
    )
    expect(page.locator(".search-result").first).to_be_visible()
