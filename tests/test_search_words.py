"""The lemma section and query files the search stage gives the index (search_words.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalogue.problems import ToolFailed
from catalogue.search_words import (
    WORDS_ANCHOR,
    Lemmas,
    PageWords,
    file_key,
    fold,
    page_words,
    query_files,
    section_words,
    with_words,
)

PAGE = """<!doctype html><html lang="fi"><body><header>Valikko</header><main>
<article data-pagefind-body>
<h1>Perhekahvilat Turussa</h1>
<p class="lead" data-pagefind-ignore data-search-text>Tiivistelmä kahvilasta.</p>
<aside data-pagefind-ignore><dl><dt>Organisaatio</dt><dd data-search-text>Folkhälsan rf</dd>
<dt>Kunta</dt><dd data-search-text>Vaasa</dd><dt>Vuodet</dt><dd>2019</dd></dl></aside>
<p>Vanhemmat tapaavat<br>toisiaan.<img src="a.png" alt=""></p>
<section data-pagefind-ignore="all"><h2>Liittyvät</h2><p>Kielikurssit Oulussa</p></section>
<script>var ignored = "skriptisana";</script>
</article></main><footer>Alatunniste</footer></body></html>"""


def test_page_words_are_what_pagefind_indexes_and_the_marked_facts() -> None:
    words = page_words(PAGE)
    assert words.indexed == {"perhekahvilat", "turussa", "vanhemmat", "tapaavat", "toisiaan"}
    assert words.extra == {"tiivistelmä", "kahvilasta", "folkhälsan", "rf", "vaasa"}


def test_a_soft_hyphen_or_zero_width_space_in_a_word_leaves_it_whole() -> None:
    """Text pasted from a word processor may hold them, unseen; Pagefind indexes the word
    without them, and its lemma is the whole word's (kurssilaiset → kurssilainen)."""
    page = PAGE.replace("Vanhemmat tapaavat", "Kurssi\u00adlaiset ja&shy;kavat koke\u200bmuksia")
    assert {"kurssilaiset", "jakavat", "kokemuksia"} <= page_words(page).indexed


def test_the_section_leaves_out_what_pagefind_finds_by_prefix() -> None:
    words = PageWords(frozenset({"koulutusta", "turussa"}), frozenset({"vaasa"}))
    assert section_words(words, {"koulutus", "turku", "vaasa", "kahvila"}) == ["kahvila", "turku", "vaasa"]


def test_the_section_closes_the_article_and_is_escaped() -> None:
    html = with_words(PAGE, ["a<b", "turku"])
    assert f'<h2 id="{WORDS_ANCHOR}">' in html
    assert "a&lt;b turku</p></section></article>" in html
    with pytest.raises(ValueError):
        with_words("<p>no article</p>", ["turku"])


def test_folding_and_file_keys_stay_inside_a_safe_alphabet() -> None:
    assert fold("Närpiön") == "narpion"
    assert file_key("Åbo") == "ab"
    assert file_key("ä") == "a_"
    assert file_key("../etc") == "__"
    assert file_key("S:t") == "s_"


TRICKY_WORDS = ["Åbo", "A\u030abo", "\ufb01x", "\u0301\u0301ab", "ǅem", "\U0001d50d"]
"""Accents apart, a ligature, accents first, a title-case letter, a mathematical J (its NFKD form
is an upper-case J, which search.js's key, folded in lower case first, has as _)."""


@given(st.text(max_size=8) | st.sampled_from(TRICKY_WORDS))
def test_a_file_key_is_the_first_two_letters_of_the_whole_word_folded(word: str) -> None:
    """The search page finds a word's file by its first two folded letters, each a–z or 0–9
    else _ (search.js): the file key folds only as much of the word as those need."""
    assert file_key(word) == re.sub("[^a-z0-9]", "_", fold(word)[:2]).ljust(2, "_")


def test_query_files_group_forms_and_words_by_their_first_letters() -> None:
    files = query_files({"turussa": "turku", "kahvilassa": "kahvila"}, ["turku", "kahvila", "tuki"])
    assert files["tu"] == {"forms": {"turussa": "turku"}, "words": ["tuki", "turku"]}
    assert files["ka"] == {"forms": {"kahvilassa": "kahvila"}, "words": ["kahvila"]}


@pytest.mark.parametrize(
    ("lang", "word", "lemma"),
    [
        ("fi", "kotoutumiskoulutuksessa", "kotoutumiskoulutus"),
        ("fi", "turussa", "turku"),
        ("fi", "nuorten", "nuori"),
        ("sv", "språkkursen", "språkkurs"),
        ("sv", "föräldrarna", "förälder"),
        ("sv", "familjekaféer", "familjekafé"),
    ],
)
def test_inflected_words_have_their_lemmas(lang: str, word: str, lemma: str) -> None:
    assert Lemmas(lang).of(word) == lemma


def test_compound_parts_are_words_of_their_own() -> None:
    assert "kahvila" in Lemmas("fi").compound_parts("perhekahvila")
    assert "kafé" in Lemmas("sv").compound_parts("familjekafé")
    assert Lemmas("fi").lemmas_of({"kielikahviloissa"}) >= {"kielikahvila", "kahvila"}


def test_a_form_of_two_lemmas_goes_to_the_same_one_whatever_their_order() -> None:
    """Query files are the same bytes each build (sets come in a different order in each process)."""
    lemmas = Lemmas("fi")
    forwards, backwards = lemmas.forms_of(["koski", "koskea"]), lemmas.forms_of(["koskea", "koski"])
    assert forwards == backwards
    assert forwards["kosken"] == "koskea"


def test_one_pagefind_run_per_language_gives_the_bundle_of_one_run(built_site: Path, tmp_path: Path) -> None:
    """Pagefind indexes the languages of a run one after another; the build runs one per
    language at the same time and merges their folders, which must come to the same bundle."""
    from catalogue import search_index
    from catalogue.config import LANGS

    one = tmp_path / "one"
    search_index._index(built_site, {"**/*.html": one})
    parts = {f"{lang}/**/*.html": tmp_path / lang for lang in LANGS}
    search_index._index(built_site, parts)
    merged = tmp_path / "merged"
    merged.mkdir()
    search_index._merge(list(parts.values()), merged)

    def files(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    entry = "pagefind-entry.json"
    assert json.loads(files(merged).pop(entry)) == json.loads(files(one).pop(entry))
    assert {k: v for k, v in files(merged).items() if k != entry} == {
        k: v for k, v in files(one).items() if k != entry
    }
    assert len([name for name in files(merged) if name.endswith(".pf_fragment")]) > 40


def test_a_pagefind_run_that_fails_says_why(
    built_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pagefind runs as its own command (see search_index._index); a run that fails fails the
    build with what Pagefind said."""
    from catalogue import search_index

    monkeypatch.setattr(search_index, "INDEX_FLAGS", ("--no-such-setting",))
    with pytest.raises(ToolFailed, match=r"Pagefind failed \(2\): .*--no-such-setting"):
        search_index._index(built_site, {"fi/**/*.html": tmp_path / "fi"})
