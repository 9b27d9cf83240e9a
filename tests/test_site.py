"""The built sample catalogue, parsed and checked as a reader's browser and a crawler would."""

from __future__ import annotations

import re
from pathlib import Path, PurePath
from urllib.parse import urljoin, urlsplit

import pytest
from babel.messages.pofile import read_po

from catalogue.build.pipeline import build
from catalogue.config import load_config
from catalogue.content.vocabulary import read_vocabulary
from catalogue.site.markdown import PAGE_IDS, PRACTICE_PAGE_IDS

from .helpers import ROOT, as_read, attribute, html_pages, make_project, one, pair, practice, soup

BASE = load_config(ROOT / "site.toml").base_url


def resolve(site: Path, url: str) -> Path | None:
    """The file a site URL serves, or None if nothing does."""
    path = urlsplit(url).path
    if not path.startswith("/"):
        return None
    target = site / path.lstrip("/")
    if path.endswith("/"):
        target = target / "index.html"
    return target if target.is_file() else None


def test_every_internal_link_resolves(built_site: Path) -> None:
    broken = []
    for page in html_pages(built_site):
        page_url = "/" + page.relative_to(built_site).as_posix()
        for tag in soup(page).find_all(["a", "link", "img", "script"]):
            url = tag.get("href") or tag.get("src")
            assert url is None or isinstance(url, str), tag
            if not url or url.startswith(("mailto:", "tel:")):
                continue
            absolute = urljoin(BASE.rstrip("/") + page_url, url)
            if not absolute.startswith(BASE):
                continue
            if "#" in url and not urlsplit(url).path:
                continue
            if resolve(built_site, "/" + absolute[len(BASE) :]) is None:
                broken.append(f"{page_url} → {url}")
    assert broken == []


def test_the_check_knows_the_ids_of_every_page_a_link_may_lead_into(built_site: Path) -> None:
    """The check of links to a section (build/sections.py) knows a practice page's and an
    about page's own ids by heart: here, every id of each built page is one of them or one of
    its text's headings, and every id the check knows is on some page."""
    vocabulary, _ = read_vocabulary(ROOT / "content/vocabulary.yaml")
    assert vocabulary is not None
    criteria = {f"criterion-{code}" for code in vocabulary.codes("criteria")}
    seen = set()
    for page in sorted((built_site / "fi/kaytannot").glob("*/index.html")):
        html = soup(page)
        texts = [one(html, "#description"), *html.select(".criterion .prose")]
        text_ids = {tag["id"] for text in texts for tag in text.find_all(id=True)}
        own = {tag["id"] for tag in html.find_all(id=True)} - text_ids
        assert own <= PRACTICE_PAGE_IDS | criteria, page
        seen |= own
    assert seen == PRACTICE_PAGE_IDS | criteria
    for about in ("fi/tietoa/index.html", "sv/om/index.html"):
        html = soup(built_site / about)
        text_ids = {tag["id"] for tag in one(html, "h1 ~ .prose").find_all(id=True)}
        assert {tag["id"] for tag in html.find_all(id=True)} - text_ids == PAGE_IDS, about


def test_each_id_is_once_on_a_page_whatever_its_texts_call_their_headings(tmp_path: Path) -> None:
    """A heading in the evidence named like one of the text (## Tausta, #### Tausta), a heading
    named like a part of the page (## Criteria, ## Main), an id written in HTML twice: each put
    an id on the page twice (the HTML checker's "Duplicate ID"), and a link to the second led to
    the first. The later one is numbered, as Python-Markdown numbers them within one text, and
    a link to it is no broken section."""
    from catalogue.build.pipeline import check_site

    from .helpers import CRITERIA

    body = (
        "## Tausta\n\nKatso [toinen tausta](#tausta_1).\n\n## Criteria\n\nTeksti.\n\n## Main\n\n"
        '<h2 id="oma">Oma</h2>\n\n<h2 id="oma">Toinen oma</h2>\n'
    )
    evidence = "  modellable: |\n    Vaiheet.\n\n    #### Tausta\n\n    Lisää."
    criteria = CRITERIA.replace("  modellable: Vaiheet on kuvattu.", evidence)
    files = {**pair(), "content/fi/esimerkki.md": practice(body=body, criteria=criteria)}
    root = make_project(tmp_path, files)
    assert check_site(root).warnings == []
    out = tmp_path / "out"
    build(root, out, search=False)
    html = soup(out / "fi/kaytannot/esimerkki/index.html")
    ids = [tag["id"] for tag in html.find_all(id=True)]
    assert len(ids) == len(set(ids))
    text = one(html, "#description")
    assert [h["id"] for h in text.find_all(["h2", "h3", "h4"])] == [
        "tausta",
        "criteria_1",
        "main_1",
        "oma",
        "oma_1",
    ]
    assert one(html, "#criterion-modellable ~ .prose h4")["id"] == "tausta_1"


def test_every_published_practice_has_both_language_versions(built_site: Path) -> None:
    fi = {p.name for p in (built_site / "fi/kaytannot").iterdir() if p.is_dir()}
    sv = {p.name for p in (built_site / "sv/praxis").iterdir() if p.is_dir()}
    assert len(fi) == len(sv) >= 24
    for slug in fi:
        page = soup(built_site / "fi/kaytannot" / slug / "index.html")
        assert attribute(one(page, 'link[hreflang="sv"]'), "href").startswith(BASE + "sv/praxis/")


def test_hreflang_pairs_point_at_each_other(built_site: Path) -> None:
    for page in html_pages(built_site):
        if page == built_site / "index.html":
            continue  # the language chooser is x-default itself
        head = soup(page)
        own = head.find("link", rel="canonical")
        alternates = {
            attribute(link, "hreflang"): attribute(link, "href") for link in head.select("link[hreflang]")
        }
        if not alternates or own is None:
            continue
        lang = attribute(one(head, "html"), "lang")
        assert alternates.get(lang) == own["href"]
        for other_lang, href in alternates.items():
            if other_lang in ("x-default", lang):
                continue
            other = resolve(built_site, "/" + href[len(BASE) :])
            assert other is not None, f"{page}: {href}"
            back = {link["hreflang"]: link["href"] for link in soup(other).find_all("link", hreflang=True)}
            assert back.get(lang) == own["href"], f"{page} ↔ {other}"


def test_html_lang_is_exactly_fi_or_sv(built_site: Path) -> None:
    for page in html_pages(built_site):
        lang = attribute(one(soup(page), "html"), "lang")
        assert lang in ("fi", "sv")
        section = page.relative_to(built_site).parts[0]
        if section in ("fi", "sv"):
            assert lang == section, page


def test_drafts_appear_nowhere(built_site: Path) -> None:
    for file in built_site.rglob("*"):
        if file.is_file() and file.suffix in (".html", ".xml", ".json", ".txt"):
            text = file.read_text(encoding="utf-8", errors="replace")
            assert "alkukartoituksen-mallit-alpo" not in text
            assert "ALPO-hankkeista" not in text


def test_no_english_interface_text(built_site: Path) -> None:
    english: dict[str, list[str]] = {}
    for lang in ("fi", "sv"):
        with (ROOT / f"locales/{lang}/LC_MESSAGES/messages.po").open("rb") as f:
            english[lang] = [
                m.id
                for m in read_po(f)
                if isinstance(m.id, str) and m.id and "%(" not in m.id and m.string != m.id
            ]
    for page in html_pages(built_site):
        page_soup = soup(page)
        text = page_soup.get_text(" ")
        lang = attribute(one(page_soup, "html"), "lang")
        leaked = [e for e in english[lang] if re.search(rf"\b{re.escape(e)}\b", text)]
        assert leaked == [], page


def test_alphabetical_listing_follows_the_language(built_site: Path) -> None:
    from catalogue.content.collation import sort_key

    for path in ("fi/kaytannot/index.html", "sv/praxis/index.html"):
        titles = [a.get_text() for a in soup(built_site / path).select(".card-title a")]
        assert titles == sorted(titles, key=sort_key)
        assert len(titles) >= 24


def test_a_practices_card_takes_the_heading_and_date_of_each_list_it_is_in(tmp_path: Path) -> None:
    """A card is made once for each practice, heading and date choice in a build (a small
    site is made in one go): the home page's newest are dated, the A–Ö list's are h2, a
    practice page's related practices are h3, whichever of them is made first."""
    root = make_project(tmp_path, pair() | pair("other", "toinen", "annan"))
    build(root, tmp_path / "out", search=False)

    def cards(path: str) -> set[tuple[str, str, bool]]:
        return {
            (
                as_read(one(card, ".card-title a").get_text()),
                one(card, ".card-title").name,
                bool(card.select("time")),
            )
            for card in soup(tmp_path / "out" / path).select(".card")
        }

    titles = {"Esimerkkikäytäntö", "Esimerkkikäytäntö other"}
    assert cards("fi/index.html") == {(title, "h3", True) for title in titles}
    assert cards("fi/kaytannot/index.html") == {(title, "h2", False) for title in titles}
    assert cards("fi/kaytannot/toinen/index.html") == {("Esimerkkikäytäntö", "h3", False)}


def test_phases_are_listed_in_process_order(built_site: Path) -> None:
    names = soup(built_site / "fi/vaiheet/index.html").select(
        ".term-list li > a, .term-list li > .term-empty"
    )
    items = [name.get_text() for name in names]
    assert items[:3] == ["Perustieto", "Ohjaus ja neuvonta", "Alkukartoitus"]
    assert items[-2:] == ["Nivelvaihe kotoutumiskoulutuksen jälkeen", "Muut kotoutumista edistävät palvelut"]
    last = soup(built_site / "fi/vaiheet/index.html").select(".phase-list > li")[-1]
    assert last["class"] == ["not-a-step"]  # a catch-all, not a step: listed last, without a number


def test_every_facts_value_links_to_its_listing(built_site: Path) -> None:
    page = soup(built_site / "fi/kaytannot/narpion-malli/index.html")
    hrefs = {a.get_text(): attribute(a, "href") for a in one(page, ".facts").select("dd a")}
    links = {text: href for text, href in hrefs.items() if href.startswith("/fi/")}
    assert links["Pohjanmaa"] == "/fi/alueet/pohjanmaa/"
    assert links["Työllistyminen ja yrittäjyys"] == "/fi/teemat/tyollistyminen-ja-yrittajyys/"
    assert links["Toimintakulttuurin muutos"] == "/fi/tyypit/toimintakulttuurin-muutos/"
    for href in links.values():
        assert resolve(built_site, href) is not None


def test_an_empty_listing_is_not_linked_not_indexed_and_suggests_national_practices(built_site: Path) -> None:
    page = soup(built_site / "fi/alueet/lappi/index.html")
    assert "Luettelossa ei ole vielä tähän liittyviä käytäntöjä." in page.get_text()
    assert one(page, 'meta[name="robots"]')["content"] == "noindex"
    national = [as_read(a.get_text()) for a in page.select(".card-title a")]
    assert "Kotoutumisen kumppanuusohjelma" in national
    assert f"{BASE}fi/alueet/lappi/" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    index = soup(built_site / "fi/alueet/index.html")
    lappi = next(li for li in index.select(".term-list li") if "Lappi" in li.get_text())
    assert lappi.select("a") == [] and "0 käytäntöä" in lappi.get_text()
    empty = {built_site / "fi/alueet/lappi/index.html", built_site / "sv/regioner/lappland/index.html"}
    for html in set(built_site.rglob("*.html")) - empty:
        for link in soup(html).select('a[href$="/alueet/lappi/"], a[href$="/regioner/lappland/"]'):
            raise AssertionError(f"{html} links to an empty listing: {link}")


def test_links_shown_in_a_row_are_a_list_not_separated_by_a_character(built_site: Path) -> None:
    """A screen reader says 'list, 4 items' of a list; of '·' written between links, some read
    out 'middle dot', and a phone's finger gets a narrow target on a wrapped line."""
    pages = [built_site / "fi/index.html", built_site / "fi/alueet/lappi/index.html"]
    for page in html_pages(built_site):
        for paragraph in soup(page).select("p"):
            links = paragraph.select("a")
            between = "".join(paragraph.find_all(string=True, recursive=False))
            if len(links) > 1 and "·" in between and not between.replace("·", "").strip():
                raise AssertionError(f"{page}: links separated by '·': {paragraph}")
    for page in pages:
        rows = soup(page).select("ul.link-row")
        assert rows and all(len(row.select(":scope > li > a")) > 1 for row in rows), page


def test_every_listing_leads_into_the_search_with_its_value_chosen(built_site: Path) -> None:
    page = soup(built_site / "sv/teman/integrationsutbildning-och-sprakutbildning/index.html")
    link = one(page, ".term-summary a")
    assert link["href"] == "/sv/sok/?theme=integration-training"
    assert link.get_text() == "Avgränsa dem närmare i sökningen"


def test_practice_page_has_criteria_sections_with_stable_anchors(built_site: Path) -> None:
    page = soup(built_site / "sv/praxis/narpesmodellen/index.html")
    ids = [h["id"] for h in page.select(".criterion h3")]
    assert ids == [
        f"criterion-{c}"
        for c in (
            "goal-oriented",
            "customer-responsive",
            "context-sensitive",
            "high-impact",
            "modellable",
            "generalisable",
        )
    ]
    assert one(page, ".criterion h3").get_text(" ", strip=True) == "1 Målinriktad"


def test_a_practice_texts_own_headings_follow_the_table_of_contents(built_site: Path, tmp_path: Path) -> None:
    """Moving by headings, a screen reader user comes from 'On this page' to the text's first
    heading, not to a hidden 'Description' with nothing under it; the text's part of the page
    is named all the same. A text that begins without a heading keeps the hidden one."""
    for page in sorted((built_site / "fi/kaytannot").glob("*/index.html")):
        html = soup(page)
        description = one(html, "section#description")
        assert attribute(description, "aria-label") == "Kuvaus", page
        headings = [h for h in html.select("h2") if h.find_parent(class_="practice-content")]
        assert headings[1] is description.find("h2"), page  # after 'Tällä sivulla'
        assert "visually-hidden" not in (headings[1].get("class") or []), page
    root = make_project(tmp_path, pair(body="Teksti ilman otsikkoa.\n\n## Tausta\n\nLisää.\n"))
    build(root, tmp_path / "out", search=False)
    html = soup(tmp_path / "out/fi/kaytannot/esimerkki/index.html")
    hidden = one(html, "section#description > h2")
    assert hidden.get_text() == "Kuvaus" and hidden.get("class") == ["visually-hidden"]


def test_language_switch_goes_to_the_counterpart(built_site: Path) -> None:
    page = soup(built_site / "fi/kaytannot/narpion-malli/index.html")
    switch = one(page, ".lang-switch")
    assert switch["href"] == "/sv/praxis/narpesmodellen/"
    assert switch["lang"] == "sv" and switch.get_text() == "På svenska"


def test_root_offers_both_languages_without_script(built_site: Path) -> None:
    page = soup(built_site / "index.html")
    assert page.find("script") is None
    assert page.find("meta", attrs={"http-equiv": "refresh"}) is None
    assert {a["href"] for a in page.select(".root-language")} == {"/fi/", "/sv/"}
    assert {link["hreflang"] for link in page.find_all("link", hreflang=True)} == {"fi", "sv", "x-default"}


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_404_page_per_language(built_site: Path, lang: str) -> None:
    page = soup(built_site / lang / "404.html")
    assert one(page, "html")["lang"] == lang
    assert one(page, 'meta[name="robots"]')["content"] == "noindex"


def test_dates_are_shown_in_the_page_language(built_site: Path) -> None:
    fi = one(soup(built_site / "fi/kaytannot/narpion-malli/index.html"), ".practice-dates").get_text()
    sv = one(soup(built_site / "sv/praxis/narpesmodellen/index.html"), ".practice-dates").get_text()
    assert "14. syyskuuta 2016" in fi
    assert "14 september 2016" in sv


def test_no_inline_scripts_or_styles(built_site: Path) -> None:
    for page in html_pages(built_site):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), page
        assert "<style" not in html and " style=" not in html, page


def test_sample_catalogue_meets_the_brief() -> None:
    """At least 24 practices in both languages, 300–800 words each, every theme and phase,
    ten or more regions, one written Swedish-first, and a draft."""
    import frontmatter

    from catalogue.build.pipeline import check_site

    site = check_site(ROOT).site
    assert len(site.by_id) >= 24
    assert all(set(versions) == {"fi", "sv"} for versions in site.by_id.values())
    for p in site.practices:
        words = (
            len(frontmatter.load(ROOT / p.source).content.split())
            + len(p.summary.split())
            + sum(len(t.split()) for t in p.criteria.values())
        )
        assert 300 <= words <= 800, (p.source, words)
    used = {
        facet: {c for p in site.practices for c in getattr(p, facet)}
        for facet in ("themes", "phases", "regions")
    }
    assert used["themes"] == set(site.vocabulary.codes("themes"))
    assert used["phases"] == set(site.vocabulary.codes("phases"))
    assert len(used["regions"] - {"national"}) >= 10
    swedish_first = [p for p in site.in_lang("fi") if p.translated_from]
    assert any(p.id == "narpes-model" for p in swedish_first)
    drafts = [f for f in (ROOT / "content/fi").glob("*.md") if frontmatter.load(f).get("draft")]
    assert drafts and not any(PurePath(p.source).name == drafts[0].name for p in site.practices)


def test_the_root_404_page_leads_on_in_both_languages(built_site: Path) -> None:
    """A plain static host shows /404.html for any unknown address: it offers each language's
    front page, search, practice list and accessibility statement."""
    page = soup(built_site / "404.html")
    ways = {s["lang"]: s for s in page.select("section.lost-way")}
    assert set(ways) == {"fi", "sv"}
    assert one(ways["fi"], "form")["action"] == "/fi/haku/"
    assert one(ways["sv"], "form")["action"] == "/sv/sok/"
    assert one(ways["fi"], "input")["name"] == "q"
    assert [a["href"] for a in ways["sv"].select("li a")] == [
        "/sv/",
        "/sv/praxis/",
        "/sv/tillganglighetsutlatande/",
    ]
    for section in ways.values():
        for link in section.select("a"):
            assert resolve(built_site, attribute(link, "href")) is not None
    redirects = (built_site / "_redirects").read_text(encoding="utf-8").splitlines()
    assert redirects[-2:] == ["/fi/* /fi/404.html 404", "/sv/* /sv/404.html 404"]
