"""WCAG 2.1 AA checks in Chromium: axe-core on every page type in both languages, reflow,
text resizing, keyboard use, printing and what a screen reader reads."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from catalogue.build.pipeline import build

from .browser import serving
from .helpers import as_read, make_project, pair, soup

pytestmark = pytest.mark.browser

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}

PAGES = {
    "fi": [
        "",
        "fi/",
        "fi/kaytannot/",
        "fi/kaytannot/narpion-malli/",
        "fi/teemat/",
        "fi/teemat/osallisuus-ja-jarjestot/",
        "fi/vaiheet/",
        "fi/vaiheet/alkukartoitus/",
        "fi/alueet/",
        "fi/alueet/lappi/",
        "fi/kohderyhmat/",
        "fi/kohderyhmat/nuoret/",
        "fi/tyypit/",
        "fi/tyypit/materiaali/",
        "fi/tietoa/",
        "fi/saavutettavuusseloste/",
        "fi/kattavuus/",
        "fi/404.html",
        "404.html",
    ],
    "sv": [
        "sv/",
        "sv/praxis/",
        "sv/praxis/narpesmodellen/",
        "sv/teman/",
        "sv/teman/flyktingmottagning/",
        "sv/skeden/",
        "sv/skeden/integrationsplan/",
        "sv/regioner/",
        "sv/regioner/osterbotten/",
        "sv/malgrupper/",
        "sv/malgrupper/unga/",
        "sv/typer/",
        "sv/typer/material/",
        "sv/om/",
        "sv/tillganglighetsutlatande/",
        "sv/tackning/",
        "sv/404.html",
    ],
}
ALL_PAGES = PAGES["fi"] + PAGES["sv"]


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def violations(axe: Axe, page: Any) -> list[str]:
    result = axe.run(page, options=WCAG_AA)
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result.response["violations"]]


@pytest.mark.parametrize("path", ALL_PAGES)
def test_no_axe_violations(page: Any, site_url: str, axe: Axe, path: str) -> None:
    page.goto(site_url + path)
    assert violations(axe, page) == []


@pytest.mark.parametrize("path", ["fi/haku/?q=perhe", "sv/sok/?theme=children-youth-families"])
def test_no_axe_violations_on_search_with_results_and_open_facets(
    page: Any, site_url: str, axe: Axe, path: str
) -> None:
    page.goto(site_url + path)
    expect(page.locator("[data-search-results]")).to_have_attribute("aria-busy", "false")
    for details in page.locator("details[data-facet]").all():
        if details.get_attribute("open") is None:
            details.locator("summary").click()
    assert page.locator("details[data-facet][open]").count() == 5
    assert violations(axe, page) == []


@pytest.mark.parametrize("path", ["fi/k/narpes-model/", "sv/k/narpes-model/"])
def test_no_axe_violations_on_a_redirect_page(page: Any, site_url: str, axe: Axe, path: str) -> None:
    """The redirect page as a reader sees it for a moment (served without its refresh, so it stays)."""

    def without_refresh(route: Any) -> None:
        response = route.fetch()
        body = re.sub(r'<meta http-equiv="refresh"[^>]*>', "", response.text())
        route.fulfill(response=response, body=body)

    page.route(f"**/{path}", without_refresh)
    page.goto(site_url + path)
    assert page.locator("main h1").count() == 1
    assert page.locator("main a").count() == 1
    assert violations(axe, page) == []


@pytest.mark.parametrize(
    "path", ["fi/", "sv/praxis/narpesmodellen/", "fi/haku/", "sv/teman/", "fi/kaytannot/", "sv/tackning/"]
)
def test_content_reflows_at_320_css_pixels(chromium: Any, site_url: str, path: str) -> None:
    context = chromium.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }"""
"""The spacing a reader may set for themselves (WCAG 2.1, 1.4.12), which no content may be lost
to. A style sheet made by script, as a reader's extension does: the site's policy refuses one
written into the page."""

CUT_OFF = """() => [...document.querySelectorAll('body *')].filter(box => {
  const style = getComputedStyle(box);
  const hides = side => ['hidden', 'clip'].includes(style['overflow' + side]);
  return !box.closest('.visually-hidden') && box.clientWidth > 1
    && (hides('X') && box.scrollWidth > box.clientWidth + 1
        || hides('Y') && box.scrollHeight > box.clientHeight + 1);
}).map(box => box.outerHTML.slice(0, 80))"""
"""The boxes whose text goes beyond an edge that hides it."""


SPACED_PAGES = [
    "fi/",
    "sv/praxis/narpesmodellen/",
    "fi/haku/?q=kieli",
    "sv/tackning/",
    "fi/kattavuus/",
    "sv/teman/",
]

ADD_STYLE_SHEET = """css => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [sheet];
}"""


@pytest.mark.parametrize("path", SPACED_PAGES)
def test_with_a_readers_wider_text_spacing_nothing_is_cut_off(
    chromium: Any, site_url: str, path: str
) -> None:
    """On a phone, the language link ran off the screen ('På svens'), as did the order of search
    results and the coverage page's table of regions."""
    for width in (320, 1280):
        context = chromium.new_context(viewport={"width": width, "height": 640})
        page = context.new_page()
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        page.wait_for_function("!document.querySelector('[aria-busy=true]')")
        page.evaluate(ADD_STYLE_SHEET, TEXT_SPACING)
        assert page.evaluate("getComputedStyle(document.querySelector('main p')).wordSpacing") != "0px"
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert page.evaluate(CUT_OFF) == []
        context.close()


WIDE_TEXT = """## Palvelut vuosittain

| Vuosi | Asiakkaita | Alkukartoituksia | Kotoutumissuunnitelmia | Työllistyneitä |
| --- | --- | --- | --- | --- |
| 2021 | 1 200 | 340 | 310 | 85 |

Lomakkeen osoite (sisennetty, joten Markdown näyttää sen koodina):

    https://www.kotoutuminen.fi/palvelut/lomakkeet/alkukartoitus/ilmoittautuminen/
"""


def test_on_a_phone_a_wide_table_scrolls_from_the_keyboard_and_a_line_of_code_wraps(
    chromium: Any, axe: Axe, tmp_path: Path
) -> None:
    """A table an editor writes in a text scrolled sideways by itself on a phone, and a keyboard
    could not reach it to scroll it (axe: scrollable-region-focusable); an indented line, which
    Markdown shows as code, ran off the page."""
    root = make_project(tmp_path, pair(body=WIDE_TEXT))
    build(root, root / "_site")
    context = chromium.new_context(viewport={"width": 375, "height": 640})
    page = context.new_page()
    with serving(root / "_site") as url:
        page.goto(url + "fi/kaytannot/esimerkki/")
        assert violations(axe, page) == []
        table = page.get_by_role("region", name="Taulukko")
        for _ in range(40):
            page.keyboard.press("Tab")
            if table.evaluate("box => box === document.activeElement"):
                break
        page.keyboard.press("ArrowRight")
        expect(table).not_to_have_js_property("scrollLeft", 0)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        page.goto(url + "sv/praxis/exempel/")
        expect(page.get_by_role("region", name="Tabell")).to_have_count(1)
    context.close()


IN_THEME = """name => {
  const probe = document.body.appendChild(document.createElement('span'));
  probe.style.color = name;
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}"""
"""What a system colour (Canvas, CanvasText) is in the page's theme."""


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_in_a_high_contrast_theme_the_navigation_marks_only_the_current_page(
    chromium: Any, site_url: str, scheme: str
) -> None:
    """Windows' high-contrast themes (forced colours) give every border the text's colour and
    drop backgrounds: the current page's bar stays the only one, and the logo and the menu
    icon take the theme's own colours."""
    context = chromium.new_context(forced_colors="active", color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "sv/sok/")
    canvas, text = page.evaluate(IN_THEME, "Canvas"), page.evaluate(IN_THEME, "CanvasText")
    assert canvas != text
    bars = page.eval_on_selector_all(
        ".nav-wide a",
        "links => links.map(a => [a.getAttribute('aria-current'), getComputedStyle(a).borderBottomColor])",
    )
    assert [current for current, colour in bars if colour != canvas] == ["page"]
    assert page.eval_on_selector(".brand-mark", "mark => getComputedStyle(mark).color") == text
    page.set_viewport_size({"width": 390, "height": 800})
    icon = page.eval_on_selector(
        ".nav-menu summary",
        "menu => (s => [s.borderTopColor, s.backgroundImage])(getComputedStyle(menu, '::before'))",
    )
    assert icon == [text, f"linear-gradient({text}, {text})"]
    context.close()


LINE_STARTS = """element => {
  const starts = [];
  let top = null, at = 0;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.data.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = [...range.getClientRects()].filter(r => r.width > 0).pop();
      if (!box) continue;  // a soft hyphen where the line does not break is not drawn
      if (top !== null && box.top > top + 1) starts.push(at + i);
      top = box.top;
    }
    at += node.data.length;
  }
  return starts;
}"""
"""Where each line of an element's text after its first starts, as offsets into its textContent."""
WORD_END, WORD_START = re.compile(r"[\w\u00ad]*$"), re.compile(r"^[\w\u00ad]*")
"""The part of a word before a line's start, and after it."""


@pytest.mark.parametrize(
    ("lang", "practices", "others"),
    [
        ("fi", "kaytannot", ["kattavuus", "saavutettavuusseloste"]),
        ("sv", "praxis", ["tackning", "tillganglighetsutlatande"]),
    ],
)
def test_on_a_phone_a_heading_breaks_only_a_long_word_and_only_where_it_hyphenates(
    chromium: Any, site_url: str, built_site: Path, lang: str, practices: str, others: list[str]
) -> None:
    """Chrome has no Finnish or Swedish hyphenation: 'Psykoedukaatiomateriaalin' broke as
    'Psykoedukaatiomat|eriaalin', without a hyphen. On every practice page, in the list of all
    practices, in the coverage table's row heads and on a page of text (its own headings too:
    'Valvontaviranomaine|n' in the accessibility statement), a line of a heading
    ends at a space, a dash or a soft hyphen between syllables, and only in a word too long
    for a line of its own (16 letters or more): a shorter word moves to the next line whole
    (no 'ser-|vicepunkt'). A hyphen that begins a word stays with it (no 'työelämää -|valmennus')."""
    context = chromium.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    pages = sorted((built_site / lang / practices).glob("*/index.html"))
    paths = [
        f"{lang}/{path}/" for path in (practices, *others, *(f"{practices}/{p.parent.name}" for p in pages))
    ]
    broken, hyphenated = [], 0
    for path in paths:
        page.goto(site_url + path)
        for heading in page.locator(
            "main h1, main .card-title, .coverage-table tbody th, main .prose :is(h2, h3, h4)"
        ).all():
            text = heading.evaluate("h => h.textContent")
            for start in heading.evaluate(LINE_STARTS):
                word = WORD_END.findall(text[:start])[0] + WORD_START.findall(text[start:])[0]
                if text[start - 1] == "\u00ad" and len(as_read(word)) >= 16:
                    hyphenated += 1
                elif text[start - 1] not in " -–" or text[start - 2 : start] == " -":
                    broken.append(f"{path}: {text[:start]}|{text[start:]}")
    assert broken == []
    assert hyphenated > 10  # the catalogue's titles have many words too long for a line
    context.close()


BREAKS_AFTER_A_WORD_INITIAL_HYPHEN = r"""() => {
  const found = [];
  const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(/(?<!\S)[-\u2011](?=[\p{L}\p{N}])/gu)) {
      const [hyphen, next] = [0, 1].map(after => {
        const range = document.createRange();
        range.setStart(node, match.index + after);
        range.setEnd(node, match.index + after + 1);
        return [...range.getClientRects()].pop();
      });
      if (hyphen && next && next.top > hyphen.top + 1) found.push(node.data.slice(0, match.index + 1));
    }
  }
  return found;
}"""
"""The text before each hyphen that begins a word in the page's main text and ends a line."""


def test_on_a_phone_a_hyphen_that_begins_a_word_stays_with_it(
    chromium: Any, site_url: str, built_site: Path
) -> None:
    """Chromium 156 broke 'WCAG 2.1 -|ohjeiston' in the accessibility statement and 'Kotona
    Suomessa -|hankkeen' in a practice at most widths of a phone, which Unicode's rules forbid
    (UAX #14, LB20.1). On every page whose text has such a hyphen (a text, a summary in a card
    or under a title, the facts), at every 20 px from 300 to 420, no line ends with it."""
    pages = [
        path.relative_to(built_site).parent.as_posix() + "/"
        for path in sorted([*built_site.glob("fi/**/index.html"), *built_site.glob("sv/**/index.html")])
        if (main := soup(path).main)
        and re.search(r"(?<!\S)[-\u2011]\w", main.get_text())
        and not soup(path).find("meta", attrs={"http-equiv": "refresh"})  # a redirect: it leaves
    ]
    assert len(pages) >= 8  # about and accessibility pages, practices, listings with their cards
    page = chromium.new_page(viewport={"width": 300, "height": 640})
    broken = []
    for path in pages:
        page.goto(site_url + path)
        for width in range(300, 431, 20):
            page.set_viewport_size({"width": width, "height": 640})
            broken += [
                f"{path} at {width} px: ...{text[-30:]}|"
                for text in page.evaluate(BREAKS_AFTER_A_WORD_INITIAL_HYPHEN)
            ]
    page.close()
    assert broken == []


@pytest.mark.parametrize(("lang", "practices"), [("fi", "kaytannot"), ("sv", "praxis")])
def test_on_a_phone_an_address_breaks_only_between_its_parts(
    chromium: Any, site_url: str, built_site: Path, lang: str, practices: str
) -> None:
    """A web address shown as text broke anywhere at 320 px: 'https://www.pelastakaalapset.f|i/',
    'https://hyvatkaytannot.kotoutu|minen.fi/'. On every practice page, the contact's address,
    the permanent link, the citation and a text's links (one shows its address: Info Gloria's
    handbook) break only at a space, after https:// or a hyphen, or before a dot, a slash or
    another separator (_, ?, =, …)."""
    context = chromium.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    broken, breaks = [], 0
    for practice in sorted((built_site / lang / practices).glob("*/index.html")):
        page.goto(f"{site_url}{lang}/{practices}/{practice.parent.name}/")
        for shown in page.locator(".contact a, .permalink a, .citation, main .prose a").all():
            text = shown.evaluate("e => e.textContent")
            for start in shown.evaluate(LINE_STARTS):
                breaks += 1
                if not (
                    text[start - 1] in " -" or text[start - 2 : start] == "//" or text[start] in "./?#&=_~@"
                ):
                    broken.append(f"{practice.parent.name}: {text[:start]}|{text[start:]}")
    assert broken == []
    assert breaks > 20  # the permanent links do not fit a line of a phone
    context.close()


@pytest.mark.parametrize("width", [640, 1280])
def test_on_a_wider_screen_a_title_moves_a_long_word_to_the_next_line_whole(
    chromium: Any, site_url: str, width: int
) -> None:
    """A title has room for its longest word there: 'Kotoutumisen kumppanuusohjel-|ma' read
    worse than the word on a line of its own."""
    context = chromium.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    broken = []
    for path in (
        "fi/kaytannot/kotoutumisen-kumppanuusohjelma/",
        "fi/kaytannot/psykoedukaatiomateriaali-tuuli/",
    ):
        page.goto(site_url + path)
        title = page.locator("main h1")
        text = title.evaluate("h => h.textContent")
        broken += [
            as_read(text[:start]) for start in title.evaluate(LINE_STARTS) if text[start - 1] not in " -–"
        ]
    assert broken == []
    context.close()


@pytest.mark.parametrize("path", ["sv/", "fi/kaytannot/narpion-malli/", "sv/sok/"])
def test_text_at_200_percent_stays_usable(page: Any, site_url: str, path: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    before = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    after = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")
    assert after >= 1.9 * before
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    expect(page.locator("h1")).to_be_in_viewport()
    expect(page.locator(".lang-switch")).to_be_visible()


@pytest.mark.parametrize(
    "path", ["fi/", "sv/", "fi/kaytannot/", "fi/kaytannot/narpion-malli/", "fi/haku/?q=perhe", "fi/tietoa/"]
)
def test_text_at_200_percent_on_a_phone_keeps_to_the_screens_width(
    chromium: Any, site_url: str, path: str
) -> None:
    """A reader's text size doubled on a phone (Chrome's text scaling): a word longer than a
    line in a box laid out in a row (the footer's 'Tillgänglighetsutlåtande', a card's
    'LAB-ammattikorkeakoulu', a criterion's name, a filter's value) widened the page."""
    context = chromium.new_context(viewport={"width": 375, "height": 640})
    page = context.new_page()
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    page.wait_for_function("!document.querySelector('[aria-busy=true]')")
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()


FOCUSED = """() => {
  const e = document.activeElement, style = getComputedStyle(e), box = e.getBoundingClientRect();
  return [e.tagName, e.textContent.trim().slice(0, 30), style.outlineStyle, style.outlineWidth,
          box.top >= -1 && box.bottom <= innerHeight + 1];
}"""


def test_focus_is_visible_everywhere_and_tab_order_has_no_trap(page: Any, site_url: str) -> None:
    """In a laptop's window, 650 px high, the facts beside the text stuck to the top of the
    window, taller than it: a link at their end took the focus below the window's edge."""
    page.set_viewport_size({"width": 1280, "height": 650})
    page.goto(site_url + "fi/kaytannot/narpion-malli/")
    seen = []
    for _ in range(300):
        page.keyboard.press("Tab")
        tag, text, style, width, in_window = page.evaluate(FOCUSED)
        if tag == "BODY":
            break  # focus left the page for the browser's own controls: the end of the cycle
        assert style != "none" and width != "0px", (tag, text)
        assert in_window, (tag, text)
        seen.append(text)
    else:
        pytest.fail("Tab never left the page: a keyboard trap")
    assert seen[0] == "Siirry sisältöön"
    assert (
        seen.index("På svenska")
        < seen.index("Kaikki käytännöt")
        < seen.index("Etusivu")
        < seen.index("Kuvaus")
    )
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Siirry sisältöön"


def test_print_shows_the_practice_and_its_permanent_link(page: Any, site_url: str) -> None:
    page.goto(site_url + "fi/kaytannot/narpion-malli/")
    page.emulate_media(media="print")
    expect(page.locator(".site-nav")).to_be_hidden()
    expect(page.locator(".related")).to_be_hidden()
    expect(page.locator(".permalink a")).to_be_visible()
    expect(page.locator(".criterion").first).to_be_visible()
    pdf = page.pdf(format="A4")
    assert pdf[:4] == b"%PDF"


def test_copy_link_button_copies_the_permanent_link(chromium: Any, site_url: str) -> None:
    context = chromium.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + "sv/praxis/narpesmodellen/")
    page.get_by_role("button", name="Kopiera länken").click()
    expect(page.locator(".copy-status")).to_have_text("Länken kopierades.")
    assert page.evaluate("navigator.clipboard.readText()").endswith("/sv/k/narpes-model/")
    context.close()


def test_a_screen_reader_hears_no_separator_signs_and_a_pause_between_a_cards_facts(
    page: Any, site_url: str
) -> None:
    """What Chromium's accessibility tree, which screen readers read, holds of a list page: the
    breadcrumb's '›' signs were read out between its links, and a card's organisation, region
    and years ran together ('Lahtis stad Päijänne-Tavastland 2018'), set apart on the screen
    by space alone."""
    page.goto(site_url + "sv/praxis/")
    breadcrumb = page.locator("nav.breadcrumbs").aria_snapshot()
    assert "›" not in breadcrumb and 'link "Startsida"' in breadcrumb
    assert page.locator(".card-meta").first.aria_snapshot() == (
        "- paragraph: Lahtis stad , Päijänne-Tavastland , 2018"
    )


def test_a_screen_reader_hears_a_criterion_link_by_its_name_without_the_arrow(
    page: Any, site_url: str
) -> None:
    """A search result's links to the criteria whose evidence has the words: the '→' before
    each is drawn, not read out ('right arrow Tavoitteellinen')."""
    page.goto(site_url + "fi/haku/?q=kielikoulutusta")
    expect(page.locator("[data-search-results]")).to_have_attribute("aria-busy", "false")
    link = page.locator(".search-subresults a").first
    assert link.aria_snapshot().splitlines()[0] == '- link "Tavoitteellinen":'
    assert link.evaluate("a => getComputedStyle(a, '::before').content").startswith('"→ "')
