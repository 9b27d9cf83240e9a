"""What editors and coordinators rely on: links that keep working, fresh translations, the
helpers, and messages that GitHub can show in a pull request."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

import jsonschema
import pytest
import yaml

from catalogue.build.cache import BuildCache
from catalogue.build.pipeline import build, check_site
from catalogue.cli import main
from catalogue.config import load_config
from catalogue.content.vocabulary import load_vocabulary
from catalogue.problems import ContentError
from catalogue.schema import SCHEMA_PATH, schema_text

from .helpers import CRITERIA_SV, ROOT, make_project, pair, practice


def errors_of(root: Path, strict: bool = False) -> list[str]:
    with pytest.raises(ContentError) as raised:
        check_site(root, strict=strict)
    return [str(p) for p in raised.value.problems]


def published(tmp_path: Path, files: Mapping[str, str | bytes]) -> Path:
    """A project whose current addresses are recorded in the ledger, as after a deployment."""
    root = make_project(tmp_path, files)
    assert main(["--root", str(root), "ledger"]) == 0
    return root


def test_a_changed_id_is_caught_by_the_ledger(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = published(tmp_path, pair())
    ledger = (root / "content/published-urls.txt").read_text(encoding="utf-8").splitlines()
    for path in ("content/fi/esimerkki.md", "content/sv/esimerkki.md"):
        file = root / path
        file.write_text(
            file.read_text(encoding="utf-8").replace("id: sample", "id: renamed"), encoding="utf-8"
        )
    line, sv_line = ledger.index("/fi/k/sample/") + 1, ledger.index("/sv/k/sample/") + 1
    assert errors_of(root) == [
        "content/fi/esimerkki.md:2:5: the id changed from 'sample' to 'renamed', and the permanent address "
        f"'/fi/k/sample/' was published (content/published-urls.txt:{line}); an id must never change, so "
        "change it back to 'sample' in both language versions",
        "content/sv/esimerkki.md:2:5: the id changed from 'sample' to 'renamed', and the permanent address "
        f"'/sv/k/sample/' was published (content/published-urls.txt:{sv_line}); an id must never change, so "
        "change it back to 'sample' in both language versions",
    ]


def slug_without_alias(ledger: list[str]) -> str:
    """The error for content/fi/esimerkki.md's slug changed to 'uusi-nimi' without its alias."""
    line = ledger.index("/fi/kaytannot/esimerkki/") + 1
    return (
        "content/fi/esimerkki.md:4:7: the slug changed to 'uusi-nimi', and the old address "
        f"'/fi/kaytannot/esimerkki/' was published (content/published-urls.txt:{line}); keep it working "
        "by adding aliases: [esimerkki] to this file"
    )


def test_a_lost_address_is_reported_while_other_files_have_mistakes(tmp_path: Path) -> None:
    """Every problem at once: a slug changed without its alias is reported beside another
    practice's mistakes, not once they are mended; the addresses of a file with mistakes, even
    one whose front matter cannot be read, are not taken for lost."""
    root = published(tmp_path, {**pair(), **pair("other", "toinen", "annan")})
    edits = [
        ("content/fi/esimerkki.md", "slug: esimerkki", "slug: uusi-nimi"),
        ("content/fi/toinen.md", "start_year: 2016", "start_year: kaksi"),
        ("content/sv/toinen.md", "title: ", "title: [Kesken "),
    ]
    for path, old, new in edits:
        file = root / path
        file.write_text(file.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    ledger = (root / "content/published-urls.txt").read_text(encoding="utf-8").splitlines()
    assert errors_of(root) == [
        slug_without_alias(ledger),
        "content/fi/toinen.md:12:13: start_year should be a year such as 2016, not 'kaksi'",
        "content/sv/toinen.md:3:8: invalid YAML: the list that opens here with [ is not closed; end it "
        "with ] on the same line",
    ]


def test_a_lost_address_is_reported_beside_a_practice_left_without_its_other_language(
    tmp_path: Path,
) -> None:
    """Every problem at once: a Finnish file deleted leaves its Swedish one without its pair,
    and its Finnish addresses lost; both are reported, and so is a slug changed elsewhere."""
    root = published(tmp_path, {**pair(), **pair("other", "toinen", "annan")})
    (root / "content/fi/toinen.md").unlink()
    renamed = root / "content/fi/esimerkki.md"
    renamed.write_text(
        renamed.read_text(encoding="utf-8").replace("slug: esimerkki", "slug: uusi-nimi"), encoding="utf-8"
    )
    ledger = (root / "content/published-urls.txt").read_text(encoding="utf-8").splitlines()
    assert errors_of(root) == [
        f"content/published-urls.txt:{ledger.index('/fi/kaytannot/toinen/') + 1}:1: '/fi/kaytannot/toinen/' "
        "was published and would stop working; if a practice or a term was removed on purpose, add the "
        "line 'fi/kaytannot/toinen/: fi/kaytannot/' to content/redirects.yaml (create the file, it does "
        "not exist yet) (or point it at the page that replaces it); if a slug changed, add the old slug "
        "to the practice's aliases",
        slug_without_alias(ledger),
        "content/sv/toinen.md:1:1: there is no published Finnish version of 'other'; add "
        "content/fi/other.md with id: other, or add translation_pending: true to this file while it is "
        "being translated",
    ]


def test_an_id_changed_to_another_practices_is_told_to_be_made_its_own_not_redirected(
    tmp_path: Path,
) -> None:
    """The short links of a file given another practice's id are not told to be redirected:
    the id is what to mend, and whether a short link is lost is known once it is."""
    root = published(tmp_path, {**pair(), **pair("other", "toinen", "annan")})
    for path in ("content/fi/toinen.md", "content/sv/toinen.md"):
        file = root / path
        file.write_text(file.read_text(encoding="utf-8").replace("id: other", "id: sample"), encoding="utf-8")
    errors = errors_of(root)
    assert [e.split(":", 1)[0] for e in errors] == ["content/fi/toinen.md", "content/sv/toinen.md"]
    assert "id 'sample' is already used by content/fi/esimerkki.md" in errors[0]


def test_a_changed_id_is_reported_while_another_file_has_mistakes(tmp_path: Path) -> None:
    root = published(tmp_path, {**pair(), **pair("other", "toinen", "annan")})
    for path, old, new in [
        ("content/fi/esimerkki.md", "id: sample", "id: renamed"),
        ("content/sv/esimerkki.md", "id: sample", "id: renamed"),
        ("content/fi/toinen.md", "start_year: 2016", "start_year: kaksi"),
    ]:
        file = root / path
        file.write_text(file.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    errors = errors_of(root)
    assert [e for e in errors if e.startswith("content/fi/esimerkki.md:2:5: the id changed from 'sample'")]
    assert [e for e in errors if e.startswith("content/fi/toinen.md:12:13: start_year should be a year")]


@pytest.mark.parametrize("slug_line", ["slug: Uusi Nimi", ""])
def test_a_slug_mistyped_or_left_out_is_told_alone_not_as_a_lost_address(
    tmp_path: Path, slug_line: str
) -> None:
    """While a file's slug is left out or is no slug, the slug is what to mend, not an address
    to redirect. Once it is one, a new slug without the old as an alias is told at the file."""
    root = published(tmp_path, pair())
    file = root / "content/fi/esimerkki.md"
    file.write_text(practice().replace("slug: esimerkki", slug_line), encoding="utf-8")
    errors = errors_of(root)
    assert len(errors) == 1, errors
    assert errors[0].startswith("content/fi/esimerkki.md:"), errors
    assert "slug" in errors[0] and "published" not in errors[0], errors
    file.write_text(practice(slug="uusi-nimi"), encoding="utf-8")
    assert [error.split(": ", 1)[0] for error in errors_of(root)] == ["content/fi/esimerkki.md:4:7"]


def test_a_ledger_line_that_is_no_address_is_reported_at_its_line(tmp_path: Path) -> None:
    root = published(tmp_path, pair())
    ledger = root / "content/published-urls.txt"
    count = len(ledger.read_text(encoding="utf-8").splitlines())
    with ledger.open("a", encoding="utf-8") as lines:
        lines.write("/fi/kaytannot/vanha nimi/\n/../../etc/\n")
    assert errors_of(root) == [
        f"content/published-urls.txt:{count + 1}:1: '/fi/kaytannot/vanha nimi/' is not an address of "
        "this site, so it cannot have been published; remove the line (`python build.py ledger` writes "
        "the others)",
        f"content/published-urls.txt:{count + 2}:1: '/../../etc/' is not an address of this site, so it "
        "cannot have been published; remove the line (`python build.py ledger` writes the others)",
    ]
    ledger.write_bytes(ledger.read_bytes().replace(b"vanha nimi", b"vanha-nimi\xe4"))
    assert errors_of(root) == [
        f"content/published-urls.txt:{count + 1}:25: the file is not UTF-8 text (byte 0xe4 cannot be read); "
        "save it with UTF-8 encoding"
    ]


def test_a_renamed_slug_keeps_its_old_address_through_an_alias(tmp_path: Path) -> None:
    root = published(tmp_path, pair())
    file = root / "content/fi/esimerkki.md"
    file.write_text(practice("sample", "uusi-nimi"), encoding="utf-8")
    line = (
        (root / "content/published-urls.txt")
        .read_text(encoding="utf-8")
        .splitlines()
        .index("/fi/kaytannot/esimerkki/")
    )
    assert errors_of(root) == [
        "content/fi/esimerkki.md:4:7: the slug changed to 'uusi-nimi', and the old address "
        f"'/fi/kaytannot/esimerkki/' was published (content/published-urls.txt:{line + 1}); keep it "
        "working by adding aliases: [esimerkki] to this file"
    ]
    file.write_text(practice("sample", "uusi-nimi", extra="aliases: [esimerkki]"), encoding="utf-8")
    out = tmp_path / "out"
    build(root, out, search=False)
    old = (out / "fi/kaytannot/esimerkki/index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=/fi/kaytannot/uusi-nimi/">' in old
    base = load_config(root / "site.toml").base_url
    assert f'<link rel="canonical" href="{base}fi/kaytannot/uusi-nimi/">' in old
    assert '<meta name="robots" content="noindex">' in old and '<html lang="fi">' in old
    short = (out / "fi/k/sample/index.html").read_text(encoding="utf-8")
    assert "url=/fi/kaytannot/uusi-nimi/" in short
    redirects = (out / "_redirects").read_text(encoding="utf-8").splitlines()
    assert "/fi/kaytannot/esimerkki/ /fi/kaytannot/uusi-nimi/ 301" in redirects
    assert "/fi/k/sample/ /fi/kaytannot/uusi-nimi/ 301" in redirects


def test_a_page_removed_on_purpose_needs_a_redirect(tmp_path: Path) -> None:
    root = published(tmp_path, {**pair(), **pair("other", "toinen", "annan")})
    (root / "content/fi/toinen.md").unlink()
    (root / "content/sv/toinen.md").unlink()
    errors = errors_of(root)
    assert len(errors) == 4  # the two pages and their two short links
    assert errors[0].endswith(
        "'/fi/k/other/' was published and would stop working; if a practice or a term was removed on "
        "purpose, add the line 'fi/k/other/: fi/kaytannot/' to content/redirects.yaml (create the file, "
        "it does not exist yet) (or point it at the page that replaces it); if a slug changed, add the "
        "old slug to the practice's aliases"
    )
    # While a line of redirects.yaml has a mistake, the addresses it keeps are unknown: the
    # line is mended first, not told to be written again.
    (root / "content/redirects.yaml").write_text("fi/k/other/ fi/kaytannot/\n", encoding="utf-8")
    assert [e.split(": ", 1)[1] for e in errors_of(root)] == [
        "the ':' after the old address is missing; each line should be 'old/address/: new/address/', for "
        "example 'fi/kaytannot/vanha-nimi/: fi/kaytannot/'"
    ]
    (root / "content/redirects.yaml").write_text(
        "fi/kaytannot/toinen/: fi/kaytannot/esimerkki/\nsv/praxis/annan/: sv/praxis/exempel/\n"
        "fi/k/other/: fi/kaytannot/\nsv/k/other/: sv/praxis/\n",
        encoding="utf-8",
    )
    assert check_site(root).warnings == []
    out = tmp_path / "out"
    build(root, out, search=False)
    assert "url=/sv/praxis/exempel/" in (out / "sv/praxis/annan/index.html").read_text(encoding="utf-8")


def test_a_vocabulary_code_once_published_stays_a_code(tmp_path: Path) -> None:
    """Listings link to the search with their value chosen, and readers share such links
    ('/fi/haku/?region=ahvenanmaa'): a code taken out of, or renamed in, the vocabulary would
    make them choose nothing. The ledger records them, and the check asks for the entry back,
    there and at the term's page (not for a redirect, as for a practice removed)."""
    root = published(tmp_path, pair())
    ledger = (root / "content/published-urls.txt").read_text(encoding="utf-8").splitlines()
    assert "/fi/haku/?region=ahvenanmaa" in ledger
    assert "/sv/sok/?type=material" in ledger
    vocabulary = root / "content/vocabulary.yaml"
    vocabulary.write_text(
        vocabulary.read_text(encoding="utf-8").replace(
            "  - {code: ahvenanmaa, fi: Ahvenanmaa, sv: Åland}\n", ""
        ),
        encoding="utf-8",
    )
    lost = [e for e in errors_of(root) if "?region=" in e]
    assert lost == [
        f"content/published-urls.txt:{ledger.index(address) + 1}:1: '{address}' was published: listings "
        "link to it and readers share it to choose 'ahvenanmaa' in the search, which would choose "
        "nothing, as 'ahvenanmaa' is no longer a regions code in content/vocabulary.yaml; a code never "
        "changes once published, so put its entry back (a term may be left without practices: its page "
        "stays, out of search engines), or, if another code took its place, add the entry '- {code: "
        "ahvenanmaa, replaced_by: <the new code>}' to regions"
        for address in ("/fi/haku/?region=ahvenanmaa", "/sv/sok/?region=ahvenanmaa")
    ]
    pages = [e for e in errors_of(root) if "?region=" not in e]
    assert pages == [
        f"content/published-urls.txt:{ledger.index(address) + 1}:1: '{address}' was published and would "
        "stop working: it was the page of a regions term that is no longer in content/vocabulary.yaml, as "
        "its search address in this file says; a published term stays, so put its entry back"
        for address in ("/fi/alueet/ahvenanmaa/", "/sv/regioner/aland/")
    ]


def test_a_renamed_code_is_told_first_where_it_is_mended(tmp_path: Path) -> None:
    """A code renamed in the vocabulary: the practices that use it are told too, but after
    what the ledger says, which is where the mend is (the entry back, or replaced_by); as a
    mistake in any file that every page is made from (the vocabulary, a template, site.toml)
    is told before the practices' own."""
    root = published(tmp_path, pair())
    vocabulary = root / "content/vocabulary.yaml"
    vocabulary.write_text(
        vocabulary.read_text(encoding="utf-8").replace("{code: uusimaa,", "{code: uusimaa-region,"),
        encoding="utf-8",
    )
    found = [e.split(":", 1)[0] for e in errors_of(root)]
    assert found == sorted(found, key=lambda path: path.startswith(("content/fi/", "content/sv/")))
    assert found[0] == "content/published-urls.txt" and found[-1] == "content/sv/esimerkki.md"


def test_a_code_replaced_by_another_keeps_its_search_links(tmp_path: Path) -> None:
    """A term given a new code keeps the old one as 'replaced_by': its published search links
    then choose the new code, so the check passes, and the ledger adds the new code's."""
    root = published(tmp_path, pair())
    vocabulary = root / "content/vocabulary.yaml"
    vocabulary.write_text(
        vocabulary.read_text(encoding="utf-8").replace(
            "  - {code: ahvenanmaa, fi: Ahvenanmaa, sv: Åland}\n",
            "  - {code: aland, fi: Ahvenanmaa, sv: Åland}\n  - {code: ahvenanmaa, replaced_by: aland}\n",
        ),
        encoding="utf-8",
    )
    assert check_site(root).warnings == []
    assert main(["--root", str(root), "ledger"]) == 0
    ledger = (root / "content/published-urls.txt").read_text(encoding="utf-8").splitlines()
    assert {"/fi/haku/?region=ahvenanmaa", "/fi/haku/?region=aland", "/sv/sok/?region=aland"} <= set(ledger)
    build(root, tmp_path / "site", search=False)  # the open data tells whoever kept the old code
    terms = json.loads((tmp_path / "site/data/v1/vocabulary.json").read_text(encoding="utf-8"))
    assert terms["replaced"] == {"regions": {"ahvenanmaa": "aland"}}
    assert "ahvenanmaa" not in {term["code"] for term in terms["regions"]}


def test_a_term_merged_into_another_is_told_the_redirect_to_that_ones_page(tmp_path: Path) -> None:
    """Its code replaced by the other's, the merged term's listing page is gone: the check
    gives the redirect line to the page of the term it was merged into."""
    root = published(tmp_path, pair())
    vocabulary = root / "content/vocabulary.yaml"
    text = vocabulary.read_text(encoding="utf-8")
    entry = re.search(r"  - code: refugee-reception\n(    .*\n)+", text)
    assert entry
    merged = "  - {code: refugee-reception, replaced_by: integration-training}\n"
    vocabulary.write_text(text[: entry.start()] + merged + text[entry.end() :], encoding="utf-8")
    assert [e.split(": ", 1)[1] for e in errors_of(root)] == [
        f"'/{old}' was published and would stop working; if a practice or a term was removed on purpose, "
        f"add the line '{old}: {new}' to content/redirects.yaml (create the file, it does not exist yet) "
        "(or point it at the page that replaces it); if a slug changed, add the old slug to the "
        "practice's aliases"
        for old, new in [
            ("fi/teemat/pakolaisten-vastaanotto/", "fi/teemat/kotoutumiskoulutus-ja-kielikoulutus/"),
            ("sv/teman/flyktingmottagning/", "sv/teman/integrationsutbildning-och-sprakutbildning/"),
        ]
    ]


def test_a_practice_removed_beside_a_renamed_one_is_not_taken_for_its_old_slug(tmp_path: Path) -> None:
    """A practice whose slug changed (its old one an alias) is not yet in the ledger under its new
    address: the page of another practice, removed, is not its old slug (the check once asked to
    add that practice's slug to the renamed one's aliases)."""
    root = published(tmp_path, {**pair(), **pair("other", "toinen", "annan")})
    renamed = root / "content/fi/esimerkki.md"
    text = renamed.read_text(encoding="utf-8").replace(
        "slug: esimerkki", "slug: uusi-nimi\naliases: [esimerkki]"
    )
    renamed.write_text(text, encoding="utf-8")
    assert check_site(root).warnings == []
    (root / "content/fi/toinen.md").unlink()
    (root / "content/sv/toinen.md").unlink()
    errors = errors_of(root)
    assert len(errors) == 4  # the two pages and their two short links
    assert not [e for e in errors if "esimerkki.md" in e]
    assert [e for e in errors if "'/fi/kaytannot/toinen/' was published and would stop working" in e]


def test_a_published_practice_made_a_draft_again_is_reported_at_its_draft_line(tmp_path: Path) -> None:
    """Put back to draft while it is revised: its addresses would lead nowhere. The message is at
    the line the editor changed, with both ways out; the second is taken here."""
    root = published(tmp_path, {**pair(), **pair("other", "toinen", "annan")})
    for name, written in (("fi/toinen.md", "yes"), ("sv/toinen.md", "true")):
        file = root / "content" / name
        file.write_text(file.read_text(encoding="utf-8").replace("id: other", f"id: other\ndraft: {written}"))
    errors = errors_of(root)
    assert errors[0].startswith(
        "content/fi/toinen.md:3:8: the practice was published (content/published-urls.txt:"
    )
    assert errors[0].endswith(
        "and as a draft its addresses /fi/kaytannot/toinen/ and /fi/k/other/ would lead nowhere; remove "
        "this line to keep it published while it is revised, or, to withdraw it, add the lines "
        "'fi/kaytannot/toinen/: fi/kaytannot/', 'fi/k/other/: fi/kaytannot/' to content/redirects.yaml "
        "(create the file, it does not exist yet)"
    )
    assert len(errors) == 2 and errors[1].startswith("content/sv/toinen.md:3:8: the practice was published")
    (root / "content/redirects.yaml").write_text(
        "fi/kaytannot/toinen/: fi/kaytannot/\nfi/k/other/: fi/kaytannot/\n"
        "sv/praxis/annan/: sv/praxis/\nsv/k/other/: sv/praxis/\n",
        encoding="utf-8",
    )
    assert check_site(root).warnings == []


def test_a_translation_taken_down_to_be_redone_is_reported_at_its_pending_line(tmp_path: Path) -> None:
    """The Swedish version removed and the Finnish one marked translation_pending: the Swedish
    page's address would lead nowhere. The message is at the line the editor added, with the
    redirect to the short link (which says the translation is coming); with it, the check passes
    and the old address leads there."""
    root = published(tmp_path, {**pair(), **pair("other", "toinen", "annan")})
    (root / "content/sv/toinen.md").unlink()
    finnish = root / "content/fi/toinen.md"
    finnish.write_text(
        finnish.read_text(encoding="utf-8").replace("id: other", "id: other\ntranslation_pending: true")
    )
    line = (
        (root / "content/published-urls.txt")
        .read_text(encoding="utf-8")
        .splitlines()
        .index("/sv/praxis/annan/")
    )
    pending = (
        "content/fi/toinen.md:3:22: warning: the Swedish version of 'other' is pending; the site tells "
        "Swedish readers so"
    )
    assert errors_of(root) == [
        pending,
        f"content/fi/toinen.md:3:22: the Swedish version was published at '/sv/praxis/annan/' "
        f"(content/published-urls.txt:{line + 1}), which would stop working; while it waits for its "
        "translation, keep it working by adding the line 'sv/praxis/annan/: sv/k/other/' to "
        "content/redirects.yaml (create the file, it does not exist yet): that page tells readers the "
        "translation is coming",
    ]
    (root / "content/redirects.yaml").write_text("sv/praxis/annan/: sv/k/other/\n", encoding="utf-8")
    assert [str(w) for w in check_site(root).warnings] == [pending]
    out = tmp_path / "out"
    build(root, out, search=False)
    assert "url=/sv/k/other/" in (out / "sv/praxis/annan/index.html").read_text(encoding="utf-8")


def test_a_renamed_term_keeps_its_old_address_through_a_redirect(tmp_path: Path) -> None:
    """A term's page address is made from its label: a label changed in the vocabulary moves the
    page, and the message gives the exact redirect; with it, the old address leads to the new."""
    root = published(tmp_path, pair())
    vocabulary = root / "content/vocabulary.yaml"
    text = vocabulary.read_text(encoding="utf-8")
    vocabulary.write_text(text.replace("fi: Perustieto, ohjaus ja neuvonta", "fi: Perustieto ja neuvonta"))
    old, new = "fi/teemat/perustieto-ohjaus-ja-neuvonta/", "fi/teemat/perustieto-ja-neuvonta/"
    line = (root / "content/published-urls.txt").read_text(encoding="utf-8").splitlines().index(f"/{old}")
    assert errors_of(root) == [
        f"content/published-urls.txt:{line + 1}:1: '/{old}' was published and would stop working: it was "
        "the page of 'basic-info-guidance' in themes, whose Finnish label changed in "
        f"content/vocabulary.yaml; keep it working by adding the line '{old}: {new}' to "
        "content/redirects.yaml (create the file, it does not exist yet)"
    ]
    (root / "content/redirects.yaml").write_text(f"{old}: {new}\n", encoding="utf-8")
    assert check_site(root).warnings == []
    out = tmp_path / "out"
    build(root, out, search=False)
    assert f"url=/{new}" in (out / old / "index.html").read_text(encoding="utf-8")


def test_alias_pointing_at_itself_or_at_another_practice(tmp_path: Path) -> None:
    files = {**pair(), **pair("other", "toinen", "annan")}
    files["content/fi/esimerkki.md"] = practice(extra="aliases: [esimerkki, toinen]")
    root = make_project(tmp_path, files)
    assert errors_of(root) == [
        "content/fi/esimerkki.md:22:1: alias 'esimerkki' is this practice's own slug; an alias is an earlier "
        "slug, so remove it from aliases",
        "content/fi/toinen.md:4:7: slug 'toinen' is already an alias of content/fi/esimerkki.md; two "
        "practices cannot share an address, so choose another, such as 'esimerkkikaytanto-other'",
    ]


def test_slug_shared_across_languages_by_different_practices_is_flagged(tmp_path: Path) -> None:
    files = {**pair(), **pair("other", "toinen")}
    files["content/sv/esimerkki.md"] = practice(
        "sample", "exempel", title="Exempelpraxis", summary="Kort beskrivning.", criteria=CRITERIA_SV
    )
    files["content/sv/toinen.md"] = practice(
        "other", "esimerkki", title="Annan", summary="Kort beskrivning.", criteria=CRITERIA_SV
    )
    root = make_project(tmp_path, files)
    warnings = [str(w) for w in check_site(root).warnings]
    assert warnings == [
        "content/sv/toinen.md:4:7: warning: slug 'esimerkki' is also the slug of content/fi/esimerkki.md, a "
        "different practice in the other language; choose another so that links cannot be mixed up"
    ]


def test_stale_translation_is_flagged_and_marked_fresh_with_one_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, pair())
    assert main(["--root", str(root), "translated", str(root / "content/sv/esimerkki.md")]) == 0
    assert "content/sv/esimerkki.md: translated_from is now" in capsys.readouterr().out
    assert check_site(root).warnings == []

    fi = root / "content/fi/esimerkki.md"
    fi.write_text(
        fi.read_text(encoding="utf-8").replace("Teksti.", "Uusi, laajempi teksti."), encoding="utf-8"
    )
    (warning,) = [str(w) for w in check_site(root).warnings]
    assert warning.startswith(
        "content/sv/esimerkki.md:22:18: warning: possibly out of date: content/fi/esimerkki.md "
        "has changed since this version was translated from it; update the translation, "
        "then run `python build.py translated content/sv/esimerkki.md`"
    )
    out = tmp_path / "out"
    build(root, out, search=False)
    page = (out / "sv/praxis/exempel/index.html").read_text(encoding="utf-8")
    assert "Den andra språkversionen av det här exemplet har uppdaterats" in page
    assert 'href="/fi/kaytannot/esimerkki/" lang="fi" hreflang="fi">Läs den finska versionen</a>' in page

    assert main(["--root", str(root), "translated", str(root / "content/sv/esimerkki.md")]) == 0
    assert check_site(root).warnings == []


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("sv/esimerkki.md", "there is no file sv/esimerkki.md; did you mean content/sv/esimerkki.md?"),
        (
            "esimerkki.md",
            "there is no file esimerkki.md; did you mean content/fi/esimerkki.md or content/sv/esimerkki.md?",
        ),
        (
            "content/sv/nej.md",
            "there is no file content/sv/nej.md; the practices are content/fi/*.md and content/sv/*.md",
        ),
        ("content/sv", "content/sv is a folder; name one practice file in it: content/sv/<name>.md"),
    ],
)
def test_translated_names_the_file_meant(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], given: str, message: str
) -> None:
    root = make_project(tmp_path, pair())
    assert main(["--root", str(root), "translated", given]) == 1
    assert capsys.readouterr().err == f"error: {message}\n"


def test_translated_names_the_project_when_the_file_is_another_s(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file of another copy of the catalogue (a second clone, `--root` left as it was), or an
    about page, is no practice of this one: not one 'that cannot be read'."""
    root = make_project(tmp_path / "a", pair())
    other = make_project(tmp_path / "b", pair()) / "content/sv/esimerkki.md"
    assert main(["--root", str(root), "translated", str(other)]) == 1
    assert capsys.readouterr().err == (
        f"error: {other} is not one of the practices of the project in {root}: content/fi/*.md and "
        "content/sv/*.md\n"
    )
    about = root / "content/pages/sv/about.md"
    assert main(["--root", str(root), "translated", str(about)]) == 1
    assert capsys.readouterr().err.startswith(f"error: {about} is not one of the practices of the project")


def test_translated_sends_to_the_check_when_the_source_cannot_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Finnish file left with a merge conflict is no source to record: the Swedish file is
    left as it is, and the message says where to look."""
    root = make_project(tmp_path, pair())
    fi, sv = root / "content/fi/esimerkki.md", root / "content/sv/esimerkki.md"
    fi.write_text(
        fi.read_text(encoding="utf-8") + "<<<<<<< HEAD\nUusi.\n=======\n>>>>>>> main\n", encoding="utf-8"
    )
    before = sv.read_bytes()
    assert main(["--root", str(root), "translated", str(sv)]) == 1
    assert capsys.readouterr().err == (
        "error: no fi file with the id 'sample' can be read; "
        "if there is one, `python build.py check` tells what is wrong with it\n"
    )
    assert sv.read_bytes() == before


def test_whitespace_does_not_make_a_translation_stale(tmp_path: Path) -> None:
    root = make_project(tmp_path, pair())
    assert main(["--root", str(root), "translated", str(root / "content/sv/esimerkki.md")]) == 0
    fi = root / "content/fi/esimerkki.md"
    fi.write_text(
        fi.read_text(encoding="utf-8").replace("## Tausta\n\nTeksti.", "## Tausta\n\n\nTeksti. "),
        encoding="utf-8",
    )
    assert check_site(root).warnings == []


def test_a_scaffold_published_before_it_is_filled_in_is_refused_at_each_placeholder(tmp_path: Path) -> None:
    """`new` chooses no theme, phase, target group, region, type, start year or publication date
    for the editor (a draft started in May and published in June is news in June): each is a
    '...' that a draft may keep and a published practice may not, with the codes to choose from."""
    root = make_project(tmp_path, pair())
    assert main(["--root", str(root), "new", "--fi-title", "Uusi", "--sv-title", "Ny", "--id", "uusi"]) == 0
    fi = root / "content/fi/uusi.md"
    fi.write_text(fi.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")
    errors = [e.removeprefix("content/fi/uusi.md:") for e in errors_of(root) if "/fi/uusi.md" in e]
    assert {error.split(";")[0] for error in errors} >= {
        "7:10: themes: '...' is a placeholder",
        "8:10: phases: '...' is a placeholder",
        "9:17: target_groups: '...' is a placeholder",
        "10:11: regions: '...' is a placeholder",
        "13:16: practice_type: '...' is a placeholder",
        "14:13: start_year: '...' is a placeholder",
        "18:12: published: '...' is a placeholder",
    }
    regions = next(error for error in errors if error.startswith("10:11: regions:"))
    assert "write one or more codes, such as regions: [uusimaa] (the codes are: uusimaa, " in regions
    assert regions.endswith(", national), or keep draft: true until the practice is ready to publish")
    assert (
        "14:13: start_year: '...' is a placeholder; write the year the practice started, such as "
        "start_year: 2019, or keep draft: true until the practice is ready to publish"
    ) in errors
    assert (
        "18:12: published: '...' is a placeholder; write the day the practice is published, such as "
        "published: 2025-03-14, or keep draft: true until the practice is ready to publish"
    ) in errors


def test_a_scaffolds_evidence_placeholders_are_in_its_files_language(tmp_path: Path) -> None:
    """Each criterion's evidence is a sentence to replace, in the file's own language (both
    languages in both files read as a mistake), and refused once published."""
    root = make_project(tmp_path, pair())
    assert main(["--root", str(root), "new", "--fi-title", "Uusi", "--sv-title", "Ny", "--id", "uusi"]) == 0
    fi, sv = (root / f"content/{lang}/uusi.md" for lang in ("fi", "sv"))
    assert fi.read_text(encoding="utf-8").count(": Kirjoita näyttö tähän.\n") == 6
    assert sv.read_text(encoding="utf-8").count(": Skriv belägget här.\n") == 6
    assert "här" not in fi.read_text(encoding="utf-8") and "tähän" not in sv.read_text(encoding="utf-8")
    sv.write_text(sv.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")
    assert (
        "content/sv/uusi.md:20:18: criteria goal-oriented: 'Skriv belägget här.' is a placeholder; write "
        "the real text, or keep draft: true until the practice is ready to publish"
    ) in errors_of(root)


def test_a_scaffold_at_a_published_practices_address_is_the_one_told_to_move(tmp_path: Path) -> None:
    """A draft's publication date is yet to be written, so it counts as the latest: of two
    practices at one address, the one being started moves, not the one readers know."""
    root = make_project(tmp_path, pair())
    started = ["new", "--fi-title", "Esimerkki", "--sv-title", "Ny", "--id", "uusi"]
    assert main(["--root", str(root), *started]) == 0
    assert errors_of(root) == [
        "content/fi/uusi.md:5:7: slug 'esimerkki' is already the slug of content/fi/esimerkki.md; two "
        "practices cannot share an address, so choose another"
    ]


def test_an_end_year_left_to_write_asks_for_the_year_it_ended(tmp_path: Path) -> None:
    root = make_project(tmp_path, pair())
    fi = root / "content/fi/esimerkki.md"
    fi.write_text(
        fi.read_text(encoding="utf-8").replace("start_year:", "end_year: TODO\nstart_year:"), encoding="utf-8"
    )
    line = _line_of(fi, "end_year:")
    assert [e for e in errors_of(root) if "end_year" in e] == [
        f"content/fi/esimerkki.md:{line}:11: end_year: 'TODO' is a placeholder; write the year the "
        "practice ended, such as end_year: 2019 (or delete the line if it goes on), or keep draft: true "
        "until the practice is ready to publish"
    ]


def _line_of(file: Path, start: str) -> int:
    lines = file.read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, start=1) if line.startswith(start))


def test_new_scaffolds_both_languages_as_checkable_drafts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, pair())
    assert (
        main(
            [
                "--root",
                str(root),
                "new",
                "--fi-title",
                "Kielikahvila Äänekoskella",
                "--sv-title",
                "Språkkafé\ni Äänekoski ",  # pasted from a document
            ]
        )
        == 0
    )
    assert capsys.readouterr().out.splitlines() == [
        "Created content/fi/kielikahvila-aanekoskella.md",
        "Created content/sv/kielikahvila-aanekoskella.md",
    ]
    text = (root / "content/fi/kielikahvila-aanekoskella.md").read_text(encoding="utf-8")
    assert "id: kielikahvila-aanekoskella" in text and "draft: true" in text
    text = (root / "content/sv/kielikahvila-aanekoskella.md").read_text(encoding="utf-8")
    assert "title: Språkkafé i Äänekoski\n" in text
    checked = check_site(root)
    assert {p.id for p in checked.site.practices} == {"sample"}
    assert checked.warnings == []
    assert (
        main(["--root", str(root), "new", "--fi-title", "Toinen", "--sv-title", "Annan", "--id", "sample"])
        == 1
    )
    assert capsys.readouterr().err == "error: the id 'sample' is already used; choose another with --id\n"
    assert main(["--root", str(root), "new", "--fi-title", "–", "--sv-title", "–"]) == 1
    assert capsys.readouterr().err == (
        "error: the Finnish title '–' gives no id; give one with --id, such as 'kielikahvila-oulu'\n"
    )
    # The example is made from what the editor wrote where it gives one.
    assert main(["--root", str(root), "new", "--fi-title", "–", "--sv-title", "Språkkafé i Åbo"]) == 1
    assert capsys.readouterr().err == (
        "error: the Finnish title '–' gives no id; give one with --id, such as 'sprakkafe-i-abo'\n"
    )
    assert (
        main(["--root", str(root), "new", "--fi-title", "x", "--sv-title", "y", "--id", "Kieli Kahvila"]) == 1
    )
    assert capsys.readouterr().err == (
        "error: the id 'Kieli Kahvila' may contain only a-z, 0-9 and hyphens, such as 'kieli-kahvila'\n"
    )


def test_new_makes_an_address_of_a_long_title_that_the_check_accepts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A title of a few hundred letters (a project's whole official name pasted in) gives an
    id and slugs cut at a hyphen, as `check` suggests them, not an address the check refuses
    or a file name too long to write (a traceback); an --id that long is refused with one to
    take."""
    root = make_project(tmp_path, pair())
    words = "Kotoutumista tukevan monialaisen ohjauksen ja neuvonnan kehittämishanke " * 5
    assert main(["--root", str(root), "new", "--fi-title", words, "--sv-title", "Ny"]) == 0
    expected = "kotoutumista-tukevan-monialaisen-ohjauksen-ja-neuvonnan"
    assert capsys.readouterr().out.splitlines() == [
        f"Created content/fi/{expected}.md",
        f"Created content/sv/{expected}.md",
    ]
    text = (root / f"content/fi/{expected}.md").read_text(encoding="utf-8")
    assert f"id: {expected}\n" in text and f"slug: {expected}\n" in text
    # the title itself is warned of (it is the editor's to shorten), and nothing else
    assert [(p.line, p.message.split(" is ")[0]) for p in check_site(root).warnings] == [(4, "the title")]
    too_long = "-".join(["kehittamishanke"] * 10)
    assert main(["--root", str(root), "new", "--fi-title", "Uusi", "--sv-title", "Ny", "--id", too_long]) == 1
    assert capsys.readouterr().err == (
        f"error: the id '{too_long}' is 159 characters long; give one of at most 120, such as "
        "'kehittamishanke-kehittamishanke-kehittamishanke'\n"
    )


def test_github_annotations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = dict(pair())
    files["content/fi/esimerkki.md"] = practice(themes="[nope]")
    root = make_project(tmp_path, files)
    assert main(["--root", str(root), "check", "--format", "github"]) == 1
    out = capsys.readouterr()
    assert out.out.splitlines()[0].startswith(
        "::error file=content/fi/esimerkki.md,line=6,col=10::unknown themes code 'nope'; the codes are: "
    )
    assert out.err == ""


def test_a_mistake_in_site_toml_is_an_annotation_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The pull request's check shows it at the line, as it shows a practice file's."""
    root = make_project(tmp_path, pair())
    settings = root / "site.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace('feedback_email = "kotoutuminen@gov.fi"', "feedback_email = a@b.fi"))
    assert main(["--root", str(root), "check", "--format", "github"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        '::error file=site.toml,line=8,col=18::text goes in quotes: feedback_email = "a@b.fi"'
    ]


@pytest.mark.parametrize("path", ["content/fi/esimerkki.md", "content/redirects.yaml"])
def test_a_huge_file_gets_a_clear_error(tmp_path: Path, path: str) -> None:
    """Whatever the file: the message once called a list of redirects 'a practice'."""
    files: dict[str, str | bytes] = dict(pair())
    files[path] = practice(body="x" * 5_000_000) if path.endswith(".md") else "# " + "x" * 5_000_000
    root = make_project(tmp_path, files)
    assert errors_of(root) == [
        f"{path}:1:1: the file is 5.0 MB; a file of text here should be well under 1 MB. "
        "Remove pasted binary data, or put large material under static/ and link to it"
    ]


def test_a_link_out_of_content_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "secret.md"
    outside.write_text(practice("sample", "esimerkki"), encoding="utf-8")
    files = {"content/sv/esimerkki.md": pair()["content/sv/esimerkki.md"]}
    root = make_project(tmp_path, files)
    (root / "content/fi").mkdir()
    (root / "content/fi/esimerkki.md").symlink_to(outside)
    assert errors_of(root) == [
        "content/fi/esimerkki.md:1:1: this is a link to a file outside content/; copy the file here instead "
        "of linking",
        "content/sv/esimerkki.md:1:1: there is no published Finnish version of 'sample'; add "
        "content/fi/sample.md with id: sample, or add translation_pending: true to this file while it is "
        "being translated",
    ]


def test_a_link_out_of_static_or_the_pages_is_never_published(tmp_path: Path) -> None:
    """Files in static/ are published as they are: a pull request that links one to a file
    of the machine (a key, /proc/self/environ) must not publish it. A link inside is fine."""
    secret = tmp_path / "secret.txt"
    secret.write_text("salaisuus", encoding="utf-8")
    root = make_project(tmp_path, pair())
    (root / "static/secret.txt").symlink_to(secret)
    (root / "static/same.css").symlink_to(root / "static/site.css")
    about = root / "content/pages/fi/about.md"
    about.rename(tmp_path / "about.md")
    about.symlink_to(tmp_path / "about.md")
    out = tmp_path / "site"
    with pytest.raises(ContentError) as raised:
        build(root, out, search=False)
    assert [str(p) for p in raised.value.problems] == [
        "content/pages/fi/about.md:1:1: this is a link to a file outside content/; copy the file here "
        "instead of linking"
    ]
    about.unlink()
    (tmp_path / "about.md").rename(about)
    with pytest.raises(ContentError) as raised:
        build(root, out, search=False)
    assert [str(p) for p in raised.value.problems] == [
        "static/secret.txt:1:1: this is a link to a file outside static/; copy the file here instead of "
        "linking"
    ]
    assert not out.exists()
    (root / "static/secret.txt").unlink()
    build(root, out, search=False)
    assert (out / "static/same.css").read_bytes() == (root / "static/site.css").read_bytes()


def test_committed_schema_is_the_generated_one() -> None:
    vocabulary = load_vocabulary(ROOT / "content/vocabulary.yaml")
    assert (ROOT / SCHEMA_PATH).read_text(encoding="utf-8") == schema_text(vocabulary), (
        "run `python build.py schema` and commit content/practice.schema.json"
    )


def front_matter(text: str) -> object:
    return yaml.safe_load(text.split("---", 2)[1])


def schema_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(schema_text(load_vocabulary(ROOT / "content/vocabulary.yaml")))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def as_json(value: object) -> object:
    """YAML dates as the ISO strings editors type."""
    return json.loads(json.dumps(value, default=str))


def test_schema_accepts_every_sample_practice() -> None:
    validator = schema_validator()
    for path in sorted((ROOT / "content").glob("[fs][iv]/*.md")):
        errors = list(validator.iter_errors(as_json(front_matter(path.read_text(encoding="utf-8")))))
        assert errors == [], (path, [e.message for e in errors])


@pytest.mark.parametrize(
    "change",
    [
        ("themes: [integration-training]", "themes: [kielikoulutus]"),
        ("start_year: 2016", "start_year: twenty"),
        ("funding: ESR.\n", ""),
        ("title: Esimerkkikäytäntö", "title: Esimerkkikäytäntö\ntheme: [x]"),
        ("  generalisable: Toimii muuallakin.\n", ""),
        ("slug: esimerkki", "slug: Esimerkki Käytäntö"),
        ("published: 2017-01-02", "published: 2. tammikuuta 2017"),
        ("slug: esimerkki", "slug: " + "-".join(["esimerkki"] * 13)),  # 129 characters
        ("title: Esimerkkikäytäntö", "title: |\n  Esimerkki\n  käytäntö"),
        ("organisations: [Esimerkkikunta]", 'organisations: ["Esimerkki\\nkunta"]'),
    ],
)
def test_schema_and_validator_agree_on_mistakes(tmp_path: Path, change: tuple[str, str]) -> None:
    text = practice().replace(*change)
    assert list(schema_validator().iter_errors(as_json(front_matter(text)))), change
    files = {
        "content/fi/esimerkki.md": text,
        "content/sv/esimerkki.md": practice("sample", "exempel", extra="translation_pending: true"),
    }
    assert errors_of(make_project(tmp_path, files))


def test_schema_and_validator_agree_a_summary_may_run_over_several_lines(tmp_path: Path) -> None:
    text = practice(summary="|\n  Ensimmäinen virke.\n  Toinen virke.")
    assert list(schema_validator().iter_errors(as_json(front_matter(text)))) == []
    files = {
        "content/fi/esimerkki.md": text,
        "content/sv/esimerkki.md": practice("sample", "exempel", extra="translation_pending: true"),
    }
    assert check_site(make_project(tmp_path, files)).site.practices  # no ContentError


def test_schema_and_validator_agree_an_empty_optional_field_is_none_given(tmp_path: Path) -> None:
    text = practice().replace("published: 2017-01-02", "published: 2017-01-02\nend_year:\nupdated:")
    assert list(schema_validator().iter_errors(as_json(front_matter(text)))) == []
    files = {
        "content/fi/esimerkki.md": text,
        "content/sv/esimerkki.md": practice("sample", "exempel", extra="translation_pending: true"),
    }
    check_site(make_project(tmp_path, files))  # no error
    empty_required = practice().replace("start_year: 2016", "start_year:")
    assert list(schema_validator().iter_errors(as_json(front_matter(empty_required))))


def test_schema_and_validator_agree_a_draft_may_leave_its_criteria_empty(tmp_path: Path) -> None:
    draft = practice(criteria="criteria:", extra="draft: true")
    assert list(schema_validator().iter_errors(as_json(front_matter(draft)))) == []
    check_site(make_project(tmp_path, {"content/fi/esimerkki.md": draft}))  # no error
    published = practice(criteria="criteria:", extra="translation_pending: true")
    assert list(schema_validator().iter_errors(as_json(front_matter(published))))


def test_the_ledger_knows_every_address_the_build_writes(tmp_path: Path) -> None:
    """The ledger check computes addresses from the model without rendering; it must name
    exactly the files the render stage produces (host configuration files aside)."""
    from catalogue.build.pipeline import plan_site
    from catalogue.site.urls import site_urls

    files = {**pair(), **pair("other", "toinen", "annan")}
    files["content/fi/toinen.md"] = practice("other", "toinen", extra="aliases: [vanha-nimi]")
    files["content/redirects.yaml"] = "fi/poistettu/: fi/kaytannot/\n"
    for root in (ROOT, make_project(tmp_path, files)):
        checked = check_site(root)
        pages = plan_site(root, checked, BuildCache(None, "")).pages
        written = {page.path.removesuffix("index.html") for page in pages if not page.path.startswith("_")}
        assert written == site_urls(checked.site)


def edited_catalogues(root: Path, edits: list[tuple[str, str, str]]) -> list[int]:
    """Make each (language, old, new) replacement in that language's messages.po; return the
    line of each edited entry's msgid."""
    entries = []
    for lang, old, new in edits:
        po = root / f"locales/{lang}/LC_MESSAGES/messages.po"
        text = po.read_text(encoding="utf-8")
        before = text[: text.index(old)].splitlines()
        entries.append(max(n for n, line in enumerate(before, start=1) if line.startswith("msgid ")))
        po.write_text(text.replace(old, new, 1), encoding="utf-8")
    return entries


def test_a_translation_that_cannot_be_shown_is_reported_at_its_line(tmp_path: Path) -> None:
    """Templates fill every interface string in and take it as markup: a placeholder the
    English text lacks, a lone percent sign or markup would end the build in a traceback or
    reach the page. Both catalogues' mistakes are reported at once, and nothing is written."""
    root = make_project(tmp_path, pair())
    edits = [
        ("fi", 'msgstr[1] "%(num)d käytäntöä"', 'msgstr[1] "%(luku)d käytäntöä"'),
        ("fi", 'msgstr "Etusivu"', 'msgstr "<b>Etusivu</b>"'),
        ("sv", 'msgstr "Sök"', 'msgstr "Sök 100 %"'),
    ]
    entries = edited_catalogues(root, edits)
    out = tmp_path / "site"
    with pytest.raises(ContentError) as raised:
        build(root, out, search=False)
    fill = "use the English text's placeholders ({}) and write a percent sign as %%"
    fi, sv = "locales/fi/LC_MESSAGES/messages.po", "locales/sv/LC_MESSAGES/messages.po"
    assert [str(p) for p in raised.value.problems] == [
        f"{fi}:{entries[0]}:1: the translation of '%(num)d practice' cannot be filled in "
        f"(KeyError: 'luku'); {fill.format('%(num)d')}",
        f"{fi}:{entries[1]}:1: the translation of 'Home' holds HTML markup, which the English text "
        "does not; write it as plain text",
        f"{sv}:{entries[2]}:1: the translation of 'Search' cannot be filled in (ValueError: incomplete "
        f"format); {fill.format('none')}",
    ]
    assert not out.exists()


def test_a_translation_that_leaves_out_what_the_page_fills_in_is_reported_at_its_line(tmp_path: Path) -> None:
    """A translation without the count ('käytäntöä' for '%(num)d practices') would show every
    list without its number; without the {value} the search fills in, a button would read
    'Poista valinta: {arvo}' to a screen reader; one it does not fill in would show as written.
    A singular may say the one in words."""
    root = make_project(tmp_path, pair())
    edits = [
        ("fi", 'msgstr[1] "%(num)d käytäntöä"', 'msgstr[1] "käytäntöä"'),
        ("fi", 'msgstr[0] "%(num)d käytäntö"', 'msgstr[0] "yksi käytäntö"'),
        ("sv", 'msgstr "Ta bort valet: {value}"', 'msgstr "Ta bort valet: {värde}"'),
        ("sv", 'msgstr "Visar resultat för: {words}"', 'msgstr "Visar resultat för: {words} {ord}"'),
    ]
    entries = edited_catalogues(root, edits)
    with pytest.raises(ContentError) as raised:
        build(root, tmp_path / "site", search=False)
    fi, sv = "locales/fi/LC_MESSAGES/messages.po", "locales/sv/LC_MESSAGES/messages.po"
    assert [str(p) for p in raised.value.problems] == [
        f"{fi}:{entries[0]}:1: the translation of '%(num)d practice' leaves out %(num)d, which the "
        "page fills in; keep it in the translation",
        f"{sv}:{entries[2]}:1: the translation of 'Remove the choice: {{value}}' leaves out {{value}}, "
        "which the page fills in; keep it in the translation",
        f"{sv}:{entries[3]}:1: the translation of 'Showing results for: {{words}}' has {{ord}}, which "
        "nothing fills in, so the page would show it as written; use the English text's placeholders "
        "({words})",
    ]


def test_the_check_reports_a_catalogue_mistake_with_the_content_s(tmp_path: Path) -> None:
    """A pull request's annotations come from `check`: a translation that cannot be shown is
    reported there, at its line, with the content's mistakes, not only once pages are made."""
    files = pair()
    files["content/fi/esimerkki.md"] = files["content/fi/esimerkki.md"].replace(
        "start_year: 2016", "start_year: kaksi"
    )
    root = make_project(tmp_path, files)
    [entry] = edited_catalogues(root, [("sv", 'msgstr "Sök"', 'msgstr "Sök 100 %"')])
    assert [e.split(": ", 1)[0] for e in errors_of(root)] == [
        "content/fi/esimerkki.md:12:13",
        f"locales/sv/LC_MESSAGES/messages.po:{entry}:1",
    ]


FINNISH_PLURALS = (
    "1: the plural rule is not Finnish's, so counts would read wrong; write the line as "
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"'
)


@pytest.mark.parametrize(
    ("old", "new", "line_of", "message"),
    [
        (  # babel would drop the last letter: "3 käytänt"
            'msgstr[0] "%(num)d käytäntö"',
            'msgstr[0] "%(num)d käytäntö',
            'msgstr[0] "%(num)d käytäntö',
            '11: the text "%(num)d käytäntö is not closed by a quote ("); end it with one, and write a '
            'quote inside it as \\"',
        ),
        (  # a line babel would skip
            'msgid "%(num)d practice"',
            'msgid "%(num)d practice"\nkäytäntö',
            "käytäntö",
            "1: a catalogue holds no such line; {lines}",
        ),
        (  # babel would add it to the text above: "3 käytäntöälisää"
            'msgstr[1] "%(num)d käytäntöä"\n',
            'msgstr[1] "%(num)d käytäntöä"\n\n"lisää"\n',
            '"lisää"',
            "1: this text is cut off from its msgid or msgstr by the line above; {lines}",
        ),
        (  # babel would end the build in a traceback: int('>0')
            'msgstr[0] "%(num)d käytäntö"',
            'msgstr[>0] "%(num)d käytäntö"',
            'msgstr[>0] "%(num)d käytäntö"',
            "1: the number in msgstr[>0] should be the plural form's: msgstr[0] for one, msgstr[1] for "
            "more; {lines}",
        ),
        (  # the same: int('1]"%(num)d käytäntöä')
            'msgstr[1] "%(num)d käytäntöä"',
            'msgstr[1]"%(num)d käytäntöä"',
            'msgstr[1]"%(num)d käytäntöä"',
            "1: write a space between msgstr[1] and its text; {lines}",
        ),
        (  # babel would read a third form of the message, and gettext end in a traceback
            'msgid_plural "%(num)d practices"',
            'msgid_plural "%(num)d practices"\nmsgid_plural "%(num)d practice(s)"',
            'msgid_plural "%(num)d practice(s)"',
            "1: a message has one msgid_plural line, and this one repeats it: delete one of them",
        ),
        (  # babel would keep one of the two, whichever it read last
            'msgstr[0] "%(num)d käytäntö"',
            'msgstr[0] "%(num)d käytäntö"\nmsgstr[0] "yksi käytäntö"',
            'msgstr[0] "yksi käytäntö"',
            "1: a message has one msgstr[0] line, and this one repeats it: delete one of them",
        ),
        (  # a plural's forms are msgstr[0] and msgstr[1]; babel takes it for msgstr[0], even beside one
            'msgstr[0] "%(num)d käytäntö"',
            'msgstr "%(num)d käytäntö"',
            'msgstr "%(num)d käytäntö"',
            '1: a message with a msgid_plural is translated as msgstr[0] "…" and msgstr[1] "…", not msgstr',
        ),
        (  # the message would be the second context's, and its string not found
            'msgid "%(num)d practice"',
            'msgctxt "a"\nmsgctxt "b"\nmsgid "%(num)d practice"',
            'msgctxt "b"',
            "1: a message has one msgctxt line, and this one repeats it: delete one of them",
        ),
        (  # gettext would end the build in a traceback
            "plural=(n != 1);",
            "plural=(n != ;",
            '"Plural-Forms:',
            FINNISH_PLURALS,
        ),
        (  # every count would read "käytäntö"
            "nplurals=2; plural=(n != 1);",
            "nplurals=1; plural=0;",
            '"Plural-Forms:',
            FINNISH_PLURALS,
        ),
        (  # the file is UTF-8: babel would read 'käytäntö' as 'kÃ¤ytÃ¤ntÃ¶'
            "charset=utf-8",
            "charset=ISO-8859-1",
            '"Content-Type:',
            "1: the catalogue says its text is iso-8859-1, but it must be UTF-8, as it is saved; write "
            'the line as "Content-Type: text/plain; charset=UTF-8\\n"',
        ),
    ],
)
def test_a_catalogue_line_that_is_not_read_as_written_is_reported_at_its_line(
    tmp_path: Path, old: str, new: str, line_of: str, message: str
) -> None:
    """A translator who edits messages.po by hand gets the line, never a traceback or a page
    that shows other words than the catalogue."""
    root = make_project(tmp_path, pair())
    po = root / "locales/fi/LC_MESSAGES/messages.po"
    text = po.read_text(encoding="utf-8").replace(old, new, 1)
    po.write_text(text, encoding="utf-8")
    line = text[: text.index(line_of)].count("\n") + 1
    with pytest.raises(ContentError) as raised:
        build(root, tmp_path / "site", search=False)
    lines = (
        'a message is msgid "…", then msgstr "…" (msgstr[0] "…" and msgstr[1] "…" for a plural), each '
        "text in quotes"
    )
    assert str(raised.value.problems[0]) == (
        f"locales/fi/LC_MESSAGES/messages.po:{line}:{message.format(lines=lines)}"
    )


def test_an_invisible_character_in_a_translation_is_reported_at_its_line(tmp_path: Path) -> None:
    """An interface string is on every page: one pasted with a control character would make
    every page one the HTML checker refuses."""
    root = make_project(tmp_path, pair())
    po = root / "locales/sv/LC_MESSAGES/messages.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgstr "Sök"', 'msgstr "Sök\x0b"', 1), encoding="utf-8")
    line = text[: text.index('msgstr "Sök"')].count("\n") + 1
    with pytest.raises(ContentError) as raised:
        build(root, tmp_path / "site", search=False)
    assert [str(p) for p in raised.value.problems] == [
        f"locales/sv/LC_MESSAGES/messages.po:{line}:12: an invisible character ⟨U+000B⟩ in "
        "'msgstr \"Sök⟨U+000B⟩\"': a line break pasted from a word processor; press Enter instead, or "
        "delete it (retyping the text around it does)"
    ]
