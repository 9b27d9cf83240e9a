"""What readers type, in the real search page of the sample catalogue: one query of each kind
from bench/search_queries.yaml in each language (inflected forms, compound parts, several
words, places, organisations, words without ä/ö/å, typos), and how the page says what it did."""

from __future__ import annotations

import json
import re
import urllib.parse
from typing import Any

import pytest
import yaml
from playwright.sync_api import expect

from .helpers import ROOT

pytestmark = pytest.mark.browser

SEARCH_PAGE = {"fi": "fi/haku/", "sv": "sv/sok/"}
QUERIES = yaml.safe_load((ROOT / "bench/search_queries.yaml").read_text(encoding="utf-8"))


def first_of_each_kind() -> list[Any]:
    chosen: dict[tuple[str, str], dict[str, Any]] = {}
    for lang, entries in QUERIES.items():
        for entry in entries:
            chosen.setdefault((lang, entry["kind"]), entry)
    return [pytest.param(lang, e["q"], e["want"], id=f"{lang}-{kind}") for (lang, kind), e in chosen.items()]


def search(page: Any, site_url: str, lang: str, query: str) -> list[str]:
    """The result links' paths, in order, once the search has settled."""
    page.goto(site_url + SEARCH_PAGE[lang] + "?" + urllib.parse.urlencode({"q": query}))
    expect(page.locator("[data-search-results]")).to_have_attribute("aria-busy", "false")
    paths: list[str] = page.eval_on_selector_all(
        ".search-result h2 a", "as => as.map(a => new URL(a.href).pathname)"
    )
    return paths


@pytest.mark.parametrize(("lang", "query", "wanted"), first_of_each_kind())
def test_a_reader_query_of_each_kind_finds_its_practice_in_the_first_five(
    page: Any, site_url: str, built_site: Any, lang: str, query: str, wanted: list[str]
) -> None:
    paths = practice_paths_of(built_site, lang)
    shown = search(page, site_url, lang, query)[:5]
    assert {paths[pid] for pid in wanted if pid in paths} & set(shown), (query, shown)


def practice_paths_of(site: Any, lang: str) -> dict[str, str]:
    data = json.loads((site / f"data/v1/practices.{lang}.json").read_text(encoding="utf-8"))
    return {p["id"]: urllib.parse.urlsplit(p["url"]).path for p in data["practices"]}


def test_a_word_a_term_is_searched_by_finds_the_practices_with_that_term(
    page: Any, site_url: str, built_site: Any
) -> None:
    """The search_words of unaccompanied-minors in content/vocabulary.yaml: its practice is
    found first by them, though no page has the words (the Swedish text says 'barn utan
    vårdnadshavare'; without them, other practices came first)."""
    paths = practice_paths_of(built_site, "sv")
    assert not [p for p in (built_site / "sv").rglob("index.html") if "ensamkommande" in p.read_text("utf-8")]
    assert search(page, site_url, "sv", "ensamkommande barn")[:1] == [paths["integrating-family-care"]]


def test_an_inflected_compound_the_dictionary_lacks_finds_every_practice_with_it(
    page: Any, site_url: str, built_site: Any
) -> None:
    """simplemma has the forms of 'koulutus' but not of 'kielikoulutus': 'kielikoulutuksessa'
    found only the practice whose stem it shares (kielikoulutukseen), not AlkuKiri's
    'kielikoulutusta'. The compound takes its last part's forms."""
    paths = practice_paths_of(built_site, "fi")
    shown = search(page, site_url, "fi", "kielikoulutuksessa")
    assert {paths["alkukiri"], paths["towards-working-life-parents"]} <= set(shown), shown


def test_a_compound_no_practice_has_is_searched_as_its_parts(
    page: Any, site_url: str, built_site: Any
) -> None:
    """No practice says 'kotiäideille' (to stay-at-home mothers) or 'hemmamammor': the end of
    each is a form the catalogue knows (äideille → äiti, mammor), searched with the part before
    it, which finds the practice for parents at home with their children; before, the first
    found only a practice about foster families and the second nothing."""
    for lang, query in (("fi", "kotiäideille"), ("sv", "hemmamammor")):
        shown = search(page, site_url, lang, query)
        assert shown[:1] == [practice_paths_of(built_site, lang)["towards-working-life-parents"]], query


def test_a_compound_whose_parts_no_practice_has_together_shows_those_with_most_of_them(
    page: Any, site_url: str, built_site: Any
) -> None:
    """'föräldragrupperna' ends in a word the catalogue has as it is ('grupperna'), which was
    taken for unknown because it has no other form; 'nyanländaföräldrar' splits into words no
    practice has both of, and the page then gave up, where the same two words typed apart show
    the practices with most of them. Both showed nothing."""
    paths = practice_paths_of(built_site, "sv")
    shown = search(page, site_url, "sv", "föräldragrupperna")
    assert paths["family-integration-support"] in shown[:5], shown
    shown = search(page, site_url, "sv", "nyanländaföräldrar")
    assert paths["family-integration-support"] in shown[:5], shown
    expect(page.locator("[data-search-note]")).to_have_text(
        "Inget exempel har alla orden. Här visas de exempel som har flest av dem."
    )


def test_a_compound_only_one_practice_has_is_also_searched_as_its_parts(
    page: Any, site_url: str, built_site: Any
) -> None:
    """Only Mångkulturell folkhälsa says 'kotoutumispalvelujen'; the practices about small
    municipalities say 'kotoutuminen' and 'palvelut' apart, and were not shown at all for
    'pienen kunnan kotoutumispalvelut'. They follow the one with the compound as typed."""
    paths = practice_paths_of(built_site, "fi")
    shown = search(page, site_url, "fi", "pienen kunnan kotoutumispalvelut")
    assert shown[0] == paths["mangkulturell-folkhalsa"], shown
    small = {paths[pid] for pid in ("yhteinen-kuntamme", "kotopaikka", "punkalaidun-rural-integration")}
    assert small & set(shown[1:5]), shown


def test_a_word_no_page_has_is_not_answered_by_a_shorter_word(
    page: Any, site_url: str, built_site: Any
) -> None:
    """Pagefind answers "vaikuttavuusinvestointi" with every page that has "vaikuttava"
    (its longest indexed prefix); the page shows only the practice about impact investing."""
    shown = search(page, site_url, "fi", "vaikuttavuusinvestointi")
    assert shown[0] == practice_paths_of(built_site, "fi")["koto-sib"]
    assert len(shown) <= 3
    expect(page.locator(".search-result mark").first).not_to_have_text("vaikuttava")


def test_a_mistyped_word_is_corrected_and_the_page_says_so(page: Any, site_url: str) -> None:
    shown = search(page, site_url, "fi", "kotoutumiskolutus")
    assert shown
    expect(page.locator("[data-search-note]")).to_have_text("Näytetään tulokset haulla: kotoutumiskoulutus")


def test_words_no_practice_has_together_show_those_with_most_of_them(
    page: Any, site_url: str, built_site: Any
) -> None:
    shown = search(page, site_url, "sv", "erkännande av utländsk examen")
    assert practice_paths_of(built_site, "sv")["pointti"] in shown[:5]
    expect(page.locator("[data-search-note]")).to_have_text(
        "Inget exempel har alla orden. Här visas de exempel som har flest av dem."
    )
    search(page, site_url, "sv", "erkännande")
    expect(page.locator("[data-search-note]")).to_be_hidden()


def test_a_page_found_through_its_lemmas_shows_its_summary_not_the_lemmas(page: Any, site_url: str) -> None:
    """Vaasa is only the municipality of Folkhälsan's practice: the hit comes from the lemma
    section, which is no text for a reader, so the result shows the summary."""
    search(page, site_url, "fi", "Vaasassa")
    first = page.locator(".search-result").first
    expect(first.locator("h2")).to_contain_text("Folkhälsan")
    expect(first.locator("p").first).to_contain_text("Folkhälsan on rakentanut toimintaa")
    assert "search-words" not in first.inner_html()


def test_criterion_links_say_what_they_are(page: Any, site_url: str) -> None:
    search(page, site_url, "fi", "pikkukaupungissa")
    expect(page.locator(".search-subresults-label").first).to_have_text(
        "Sanat löytyvät myös näiden kriteerien arvioinnista:"
    )


def test_words_in_quotation_marks_are_searched_as_words(page: Any, site_url: str, built_site: Any) -> None:
    shown = search(page, site_url, "fi", '"narpion malli"')
    assert shown == [practice_paths_of(built_site, "fi")["narpes-model"]]


def test_excerpts_do_not_begin_with_their_section_heading(page: Any, site_url: str) -> None:
    """Pagefind's section excerpt starts with the heading ("Tausta. Yhä useampi…")."""
    search(page, site_url, "fi", "Turussa")
    excerpts = page.locator(".search-result h2 + p").all_inner_texts()
    assert excerpts
    assert not [text for text in excerpts if text.startswith(("Tausta.", "Kuvaus.", "Tulokset."))]


def test_an_excerpt_cut_inside_a_sentence_says_so(page: Any, site_url: str) -> None:
    """Pagefind's excerpt is a window of words, which began 'odlingarna i slutet av…' and
    ended '…har staden tagit emot': where it cuts a sentence, '…' shows it."""
    search(page, site_url, "sv", "arbetsgivarna")
    excerpts = page.locator(".search-result h2 + p").all_inner_texts()
    assert excerpts
    assert [text for text in excerpts if text.startswith("…")]  # one at least is cut at its start
    for text in excerpts:
        assert text.startswith("…") or not text[0].islower(), text
        assert text.rstrip().endswith(("…", ".", "!", "?")), text


def test_a_result_found_by_its_title_does_not_show_its_title_again(
    page: Any, site_url: str, built_site: Any
) -> None:
    """The title's section holds the title alone, and Pagefind marks the matched word in its
    excerpt ("<mark>Närpesmodellen</mark> – integration genom arbete."), so the heading was not
    found at the excerpt's start and the result showed its title twice. The next section with
    the word is shown, its word marked."""
    search(page, site_url, "sv", "närpesmodellen")
    excerpt = page.locator(".search-result h2 + p").first
    expect(excerpt).not_to_have_text(re.compile(r"^\s*Närpesmodellen – integration genom arbete"))
    expect(excerpt.locator("mark").first).to_be_visible()
