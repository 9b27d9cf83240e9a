"""What a new editor trips over (issue #16), each with the exact message the check gives."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import pytest

from catalogue.build.pipeline import check_site
from catalogue.cli import main
from catalogue.problems import ContentError

from .helpers import CRITERIA, CRITERIA_SV, make_project, pair, practice
from .test_validation import one_file, problems


def all_problems(tmp_path: Path, files: Mapping[str, str | bytes]) -> list[str]:
    """Errors and warnings, in order."""
    root = make_project(tmp_path, files)
    try:
        return [str(p) for p in check_site(root).warnings]
    except ContentError as raised:
        return [str(p) for p in raised.problems]


def test_placeholders_from_new_may_not_be_published(tmp_path: Path) -> None:
    criteria = re.sub(r"(  high-impact:).*", r"\1 Kirjoita näyttö tähän. / Skriv belägget här.", CRITERIA)
    text = practice(
        extra="municipality: '...'\ncontact:\n  name: TODO kysy Liisalta",
        criteria=criteria,
        body="## Tausta\n\n...\n",
    )
    until = "write the real text, or keep draft: true until the practice is ready to publish"
    assert problems(tmp_path, one_file(text)) == [
        "content/fi/esimerkki.md:19:16: criteria high-impact: 'Kirjoita näyttö tähän. / Skriv belägget "
        f"här.' is a placeholder; {until}",
        f"content/fi/esimerkki.md:22:15: municipality: '...' is a placeholder; {until}",
        f"content/fi/esimerkki.md:24:9: contact name: 'TODO kysy Liisalta' is a placeholder; {until}",
        "content/fi/esimerkki.md:28:1: '...' is a placeholder; write the real text, or keep draft: true "
        "until the practice is ready to publish",
    ]


def test_a_draft_may_keep_its_placeholders(tmp_path: Path) -> None:
    text = practice(extra="draft: true\nmunicipality: '...'")
    files = {**one_file(text), "content/sv/esimerkki.md": practice("other", "exempel")}
    assert problems(tmp_path, files) == [
        "content/sv/esimerkki.md:1:1: there is no published Finnish version of 'other'; add "
        "content/fi/other.md with id: other, or add translation_pending: true to this file while it "
        "is being translated"
    ]


def test_a_misspelled_required_field_is_one_message_with_a_swedish_example(tmp_path: Path) -> None:
    text = practice("sample", "exempel", title="Exempel").replace("summary:", "sumary:")
    files = {
        "content/sv/esimerkki.md": text,
        "content/fi/esimerkki.md": practice(extra="translation_pending: true"),
    }
    assert problems(tmp_path, files) == [
        "content/sv/esimerkki.md:5:9: unknown field 'sumary'; did you mean 'summary'?"
    ]
    missing = practice("sample", "exempel", title="Exempel").replace("organisations: [Esimerkkikunta]\n", "")
    assert problems(tmp_path / "2", {**files, "content/sv/esimerkki.md": missing}) == [
        "content/sv/esimerkki.md:2:1: the required field 'organisations' is missing; add a line such as: "
        "organisations: [Närpes stad]"
    ]


def test_a_practice_begun_as_a_copy_is_told_an_id_and_slug_of_its_own_and_nothing_else(
    tmp_path: Path,
) -> None:
    """The copy keeps the other practice's id and slug: it is told to take its own, the id
    its file is named after (the same in both languages) and a slug from its title; the
    original keeps its pair (its Swedish version is compared with it, not with the copy), and
    the copy is not told to be renamed after the id it should not have."""
    files = pair("esimerkki", "esimerkki", extra="translated_from: 0123456789ab")
    files["content/fi/esimerkki.md"] = practice("esimerkki", "esimerkki")
    files["content/fi/kopio.md"] = practice("esimerkki", "esimerkki", title="Uusi käytäntö Kainuussa")
    found = all_problems(tmp_path, files)
    assert found[:2] == [
        "content/fi/kopio.md:2:5: id 'esimerkki' is already used by content/fi/esimerkki.md; if this file "
        "is another practice, give it an id of its own, such as 'kopio'; if it is the "
        "same practice, keep only one of the two files",
        "content/fi/kopio.md:4:7: slug 'esimerkki' is already the slug of content/fi/esimerkki.md; two "
        "practices cannot share an address, so choose another, such as 'uusi-kaytanto-kainuussa'",
    ]
    assert [p.split(": warning: ")[0] for p in found[2:]] == ["content/sv/esimerkki.md:22:18"]
    assert "content/fi/esimerkki.md has changed" in found[2]


FINNISH_TEXT = (
    "## Tausta\n\nKaikki maahan muuttaneet eivät pääse koulutukseen, ja osa on ollut kotona lasten kanssa. "
    "Yhdistys halusi tarjota heille polun eteenpäin, ja se teki sen yhdessä kunnan kanssa, kun myös "
    "järjestöt olivat mukana. Toiminta oli avointa kaikille, jotka halusivat oppia kieltä ja löytää työtä.\n"
)
SWEDISH_TEXT = (
    "## Bakgrund\n\nMånga som har flyttat till Finland kan inte delta i utbildningen, och det finns inte "
    "alltid en plats för dem. Föreningen ville därför ge dem en väg framåt, med stöd som passar deras liv "
    "och som är lätt att hitta.\n"
)


def test_a_version_saved_in_the_other_languages_folder_is_told_to_move_and_not_to_change_its_id(
    tmp_path: Path,
) -> None:
    """A Finnish version moved into content/sv/ (or a Swedish one saved into content/fi/) has the
    id of the version already there. Its text tells which version it is: it is told to move,
    not to take an id and a slug of its own, and the version beside it is not told that its
    other language is missing (it is there, in the wrong folder)."""
    files = pair(body=FINNISH_TEXT)
    front = files["content/sv/esimerkki.md"].split("---\n")[1]
    files["content/sv/esimerkki.md"] = f"---\n{front}---\n{SWEDISH_TEXT}"
    root = make_project(tmp_path, files)
    assert main(["--root", str(root), "ledger"]) == 0  # published: its addresses must keep working
    (root / "content/fi/esimerkki.md").rename(root / "content/sv/esimerkki-fi.md")
    with pytest.raises(ContentError) as raised:
        check_site(root)
    assert [str(p) for p in raised.value.problems] == [
        "content/sv/esimerkki-fi.md:2:5: id 'sample' is already used by content/sv/esimerkki.md, and this "
        "file's text is in Finnish: it is most likely that practice's Finnish version, saved in the "
        "Swedish folder; move it to content/fi/",
        "content/sv/esimerkki-fi.md:23:1: warning: the text is in Finnish, but the file is in content/sv/, "
        "so it would be published on the Swedish pages; move a Finnish version to content/fi/, or write "
        "the text in Swedish",
    ]
    saved = dict(files)
    saved["content/fi/esimerkki-sv.md"] = saved.pop("content/sv/esimerkki.md")
    assert all_problems(tmp_path / "sv", saved)[0] == (
        "content/fi/esimerkki-sv.md:2:5: id 'sample' is already used by content/fi/esimerkki.md, and this "
        "file's text is in Swedish: it is most likely that practice's Swedish version, saved in the "
        "Finnish folder; move it to content/sv/"
    )
    # With a version in the other folder too, moving it would make two: it is a copy, told as one.
    copied = {**files, "content/sv/kopio.md": files["content/fi/esimerkki.md"]}
    assert all_problems(tmp_path / "copy", copied)[0].startswith(
        "content/sv/kopio.md:2:5: id 'sample' is already used by content/sv/esimerkki.md; if this file "
    )


def test_a_new_practice_saved_in_the_other_languages_folder_is_told_to_move(tmp_path: Path) -> None:
    """A new practice written in Swedish and saved in content/fi/ has no version in the other
    language: the Swedish one it lacks is itself, so it is told to move, not to add it."""
    files = {
        "content/fi/uusi.md": practice(
            "uusi", "uusi", "Nytt exempel", summary="Kort.", criteria=CRITERIA_SV, body=SWEDISH_TEXT
        )
    }
    assert all_problems(tmp_path, files) == [
        "content/fi/uusi.md:1:1: there is no published Swedish version of 'uusi', and this file's text is "
        "in Swedish: it is most likely that version, saved in the Finnish folder; move it to content/sv/, "
        "then add its Finnish version, or translation_pending: true to it while it is being translated",
        "content/fi/uusi.md:23:1: warning: the text is in Swedish, but the file is in content/fi/, so it "
        "would be published on the Finnish pages; move a Swedish version to content/sv/, or write the text "
        "in Finnish",
    ]


def test_a_practice_begun_as_a_copy_of_both_files_is_told_one_id_for_both_and_a_title_of_its_own(
    tmp_path: Path,
) -> None:
    """Both files copied, named after the new practice's id as CONTRIBUTING.md says, nothing
    else changed yet: both are told the same id (a title's would differ between the languages,
    and two ids would part the pair), and that the title is the other practice's; no slug made
    of that title is suggested."""
    files = pair("esimerkki", "esimerkki")
    files |= {name.replace("esimerkki.md", "uusi.md"): text for name, text in files.items()}
    found = all_problems(tmp_path, files)
    same_title = (
        "readers tell practices apart by their titles in lists and search results, so say what sets "
        "this one apart (its place or organisation, for example)"
    )
    assert found[:3] == [
        "content/fi/uusi.md:2:5: id 'esimerkki' is already used by content/fi/esimerkki.md; if this file is "
        "another practice, give it an id of its own, such as 'uusi'; if it is the same practice, keep only "
        "one of the two files",
        "content/fi/uusi.md:3:8: warning: the title is also the title of content/fi/esimerkki.md; "
        + same_title,
        "content/fi/uusi.md:4:7: slug 'esimerkki' is already the slug of content/fi/esimerkki.md; two "
        "practices cannot share an address, so choose another",
    ]
    assert [p for p in found[3:] if ": id " in p or "title is also" in p] == [
        "content/sv/uusi.md:2:5: id 'esimerkki' is already used by content/sv/esimerkki.md; if this file is "
        "another practice, give it an id of its own, such as 'uusi'; if it is the same practice, keep only "
        "one of the two files",
        "content/sv/uusi.md:3:8: warning: the title is also the title of content/sv/esimerkki.md; "
        + same_title,
    ]


def test_a_link_to_a_mistyped_practice_id_suggests_the_id(tmp_path: Path) -> None:
    files = pair()
    files["content/fi/esimerkki.md"] = practice(body="Katso [tämä](practice:sampel).\n")
    assert problems(tmp_path, files) == [
        "content/fi/esimerkki.md:23:14: no practice has the id 'sampel'; did you mean practice:sample?"
    ]


@pytest.mark.parametrize(
    ("written", "whose"),
    [
        ("toinen", "the slug of content/fi/toinen.md"),
        ("annan", "the slug of content/sv/toinen.md"),
        ("vanha-toinen", "an alias of content/fi/toinen.md"),
    ],
)
def test_a_link_to_a_practice_by_its_address_is_given_its_id(
    tmp_path: Path, written: str, whose: str
) -> None:
    """The page's address is what an editor sees (/fi/kaytannot/toinen/): a link by its slug,
    the other language's or an earlier one is given the id, by which a practice is linked."""
    files = {**pair(), **pair("other", "toinen", "annan", extra="aliases: [vanha-toinen]")}
    files["content/fi/esimerkki.md"] = practice(body=f"Katso [toinen](practice:{written}).\n")
    assert problems(tmp_path, files) == [
        f"content/fi/esimerkki.md:23:16: no practice has the id '{written}', but it is {whose}; link to "
        "that practice by its id: practice:other"
    ]


def test_a_link_to_a_mistyped_file_name_suggests_the_file(tmp_path: Path) -> None:
    text = practice(body="## Liite\n\n[Kuvake](/static/favicon.svgg) ja [tyylit](/static/sitee.css)\n")
    assert problems(tmp_path, one_file(text)) == [
        "content/fi/esimerkki.md:25:10: the file static/favicon.svgg does not exist; did you mean "
        "/static/favicon.svg?",
        "content/fi/esimerkki.md:25:44: the file static/sitee.css does not exist; did you mean "
        "/static/site.css?",
    ]


@pytest.mark.parametrize("alt", ['alt="Kartta"', "alt='Kartta'", "alt=Kartta", "ALT = Kartta"])
def test_alt_text_is_recognised_however_it_is_quoted(tmp_path: Path, alt: str) -> None:
    text = practice(body=f'## Kuva\n\n<img src="/static/favicon.svg" {alt}>\n')
    assert not [p for p in all_problems(tmp_path, one_file(text)) if "alt" in p]


def test_an_html_image_of_a_missing_file_is_reported(tmp_path: Path) -> None:
    text = practice(body='## Kuva\n\n<img src="/static/kartta.png" alt="Kartta">\n')
    assert problems(tmp_path, one_file(text)) == [
        "content/fi/esimerkki.md:25:11: the file static/kartta.png does not exist; check the name, or add "
        "the file under static/"
    ]


def test_long_titles_and_summaries_get_a_warning(tmp_path: Path) -> None:
    title = "Pitkä " * 25
    text = practice(title=title.strip()).replace("summary: Lyhyt kuvaus.", "summary: " + "Sana " * 70)
    found = [p for p in all_problems(tmp_path, one_file(text)) if "characters long" in p]
    assert found == [
        "content/fi/esimerkki.md:3:8: warning: the title is 149 characters long; readers scan lists and "
        "search results by it, so keep it within 120",
        "content/fi/esimerkki.md:5:10: warning: the summary is 349 characters long; readers scan lists and "
        "search results by it, so keep it within 300",
    ]


def test_html_the_sanitiser_removes_is_pointed_out_where_it_is(tmp_path: Path) -> None:
    body = (
        "## Tausta\n\n"
        '<p onclick="steal()">Teksti</p>\n'
        "<script>alert(1)</script>\n"
        '<a href="javascript:alert(1)">linkki</a> ja `<script>` koodina.\n'
        '<iframe width="560" src="https://www.youtube.com/embed/abc" title="Esittelyvideo"></iframe>\n'
        'Ruotsiksi <span lang="sv_FI">god praxis</span>.\n'
    )
    found = [p for p in all_problems(tmp_path, one_file(practice(body=body))) if "removed" in p]
    assert found == [
        "content/fi/esimerkki.md:25:1: warning: the attribute onclick of <p> is removed from the page "
        "(kept: lang, title); the text may use Markdown and simple HTML only",
        "content/fi/esimerkki.md:26:1: warning: the HTML tag <script> is removed from the page; the text "
        "may use Markdown and simple HTML only",
        "content/fi/esimerkki.md:27:1: warning: the link 'javascript:alert(1)' is removed from the page "
        "(links may use http, https, mailto or tel); the text may use Markdown and simple HTML only",
        "content/fi/esimerkki.md:28:1: warning: the HTML tag <iframe> is removed from the page with what it "
        "shows; link to it instead: [Esittelyvideo](https://www.youtube.com/embed/abc); the text may use "
        "Markdown and simple HTML only",
        'content/fi/esimerkki.md:29:11: warning: the attribute lang="sv_FI" of <span> is removed from the '
        "page (its value is a language code, such as en, sv or en-GB); the text may use Markdown and "
        "simple HTML only",
    ]


def test_an_html_block_never_closed_is_an_error_at_its_tag(tmp_path: Path) -> None:
    """Markdown takes all the text after an unclosed block tag for HTML: the rest of the page
    showed its Markdown as written (**, [links](…), ```), with an HTML tag in an example
    made real, and no word of it from the check. A tag closed later, in any case, is fine."""
    body = (
        "## Tausta\n\n"
        "<details>\n<summary>Lisää</summary>\n\nPiilossa.\n\n</DETAILS>\n\n"
        "Teksti.\n"
        '<p class="huom">Avoin kappale\n'
        "<ul><li>raaka lista</ul>\n\n"
        "Lisää **tekstiä** ja esimerkki: ```<b>```.\n"
    )
    found = [p for p in all_problems(tmp_path, one_file(practice(body=body))) if "warning" not in p]
    assert found == [
        "content/fi/esimerkki.md:33:1: the HTML tag <p> is not closed (no </p> after it), so the page "
        "shows all the text after it as written, Markdown and all; close it with </p>, or write the "
        "text in Markdown without the tag"
    ]


def test_markdown_inside_an_html_block_is_pointed_out_where_it_is(tmp_path: Path) -> None:
    """Markdown is not read inside an HTML block: bold, a link, a list item there were shown
    with their ** and [](), and the check said nothing. Plain text there, and Markdown after the
    block, are fine."""
    body = (
        "## Tausta\n\n"
        "<table><tr><td>**Vuosi**</td><td>5 * 3</td></tr></table>\n\n"
        '<p>Katso <a href="https://e.fi/">sivu</a>.</p>\n\n'
        "<div>\n- kohta\n</div>\n\n"
        "Lisää **tekstiä** ja [raportti](https://e.fi/r).\n"
    )
    found = [p for p in all_problems(tmp_path, one_file(practice(body=body))) if "inside the HTML" in p]
    assert found == [
        "content/fi/esimerkki.md:25:16: warning: '**Vuosi**' is Markdown inside the HTML block <table> that "
        "begins at line 25, where the page shows it as written; write it in HTML there (<strong>…</strong>, "
        '<a href="…">…</a>), or the block in Markdown',
        "content/fi/esimerkki.md:30:1: warning: '- kohta' is Markdown inside the HTML block <div> that "
        "begins at line 29, where the page shows it as written; write it in HTML there (<strong>…</strong>, "
        '<a href="…">…</a>), or the block in Markdown',
    ]


def test_a_list_item_or_caption_outside_its_parent_tag_is_an_error_at_it(tmp_path: Path) -> None:
    """HTML keeps <li> in a list, <dt> and <dd> in <dl>, <figcaption> in <figure>; outside
    them (part of a list copied from a page's source) the page was invalid HTML, with no word
    from the check. In their parents, in a Markdown list, or in code, they are fine."""
    body = (
        "## Tausta\n\n"
        "<ul><li>yksi</li>\n<li>kaksi</li></ul>\n\n"
        "<li>irrallinen</li>\n\n"
        "Esimerkki: `<li>` ja <dl><dt>a</dt><dd>b</dd></dl>.\n\n"
        '<figure><img src="/static/x.png" alt="x"><figcaption>Kuva</figcaption></figure>\n'
        "Teksti <dd>selitys</dd> ja <figcaption>kuvateksti</figcaption>\n"
    )
    found = [p for p in all_problems(tmp_path, one_file(practice(body=body))) if "not inside" in p]
    assert found == [
        "content/fi/esimerkki.md:28:1: the HTML tag <li> is not inside <ul> or <ol>, which HTML puts "
        "around it (the page would be invalid HTML); put <ul> … </ul> around it, or write the list in "
        "Markdown (- item)",
        "content/fi/esimerkki.md:33:8: the HTML tag <dd> is not inside <dl>, which HTML puts around it (the "
        "page would be invalid HTML); put <dl> … </dl> around it",
        "content/fi/esimerkki.md:33:28: the HTML tag <figcaption> is not inside <figure>, which HTML puts "
        "around it (the page would be invalid HTML); put <figure> … </figure> around it",
    ]


def test_an_id_changed_in_one_file_is_reported_as_such_once(tmp_path: Path) -> None:
    files = pair()
    files["content/fi/esimerkki.md"] = practice("uusi-id", "esimerkki")
    assert problems(tmp_path, files) == [
        "content/fi/esimerkki.md:2:5: the id is 'uusi-id' here but 'sample' in content/sv/esimerkki.md, and "
        "neither has a version in the other language: if the id of this practice was changed in one file, "
        "give both files the id it had before (an id must never change: its permanent addresses "
        "/fi/k/uusi-id/ and /sv/k/sample/ are built from it)"
    ]
