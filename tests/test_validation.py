"""Every content mistake is reported at its file and line, with the fix, all at once."""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping
from pathlib import Path, PurePath

import pytest

from catalogue.build.pipeline import build, check_site
from catalogue.content.fields import FIELDS_BY_NAME
from catalogue.problems import ContentError

from .helpers import CRITERIA, CRITERIA_SV, ROOT, make_project, pair, practice


def problems(tmp_path: Path, files: Mapping[str, str | bytes]) -> list[str]:
    root = make_project(tmp_path, files)
    with pytest.raises(ContentError) as raised:
        check_site(root)
    return [str(p) for p in raised.value.problems if "warning:" not in str(p)]


def waited_for(files: Mapping[str, str | bytes]) -> dict[str, str | bytes]:
    """Finnish files under test, each with a Swedish twin that waits for it, so that only their
    own mistakes are reported (a practice with mistakes is told of a missing translation too)."""
    ids = {found[1] for text in files.values() if (found := re.search(r"^id: (\S+)", str(text), re.M))}
    waiting = "translation_pending: true"
    return {**files, **{f"content/sv/{i}.md": practice(i, i, extra=waiting) for i in sorted(ids)}}


def one_file(text: str | bytes) -> dict[str, str | bytes]:
    """The Finnish file under test, with a Swedish twin that waits for it (a warning at most)."""
    return {
        "content/fi/esimerkki.md": text,
        "content/sv/esimerkki.md": practice("sample", "exempel", extra="translation_pending: true"),
    }


SECOND_MISTAKE = "9:11: unknown regions code 'Uusimaa'; the code for 'Uusimaa' is 'uusimaa'"
"""What `with_second_mistake` adds, told at its line when no line above it moved."""


def with_second_mistake(text: str) -> str:
    """A `practice()` file with one more mistake, easily told: a test of a slip that the check
    reads past shows that the file's other mistakes are told in the same run."""
    return text.replace("regions: [uusimaa]", "regions: [Uusimaa]")


def test_invalid_yaml(tmp_path: Path) -> None:
    """The message shows the line as it should be: its value in quotes, a quote in it escaped."""
    files = {
        "content/fi/esimerkki.md": practice().replace("title: Esimerkkikäytäntö", "title: Kotona: alku"),
        "content/sv/esimerkki.md": practice().replace("  goal-oriented: ", '  goal-oriented: Mål: "arbete" '),
    }
    colon = "a value contains ': ' (a colon and a space), which YAML reads as a new field"
    assert problems(tmp_path, files) == [
        f"content/fi/esimerkki.md:3:14: invalid YAML: {colon}; put the whole value in quotes: "
        'title: "Kotona: alku"',
        f"content/sv/esimerkki.md:16:21: invalid YAML: {colon}; put the whole value in quotes: "
        'goal-oriented: "Mål: \\"arbete\\" Vähentää eriarvoisuutta."',
    ]


def test_a_yaml_mistake_with_a_sure_mend_hides_none_of_the_files_other_problems(tmp_path: Path) -> None:
    """Every problem at once: YAML stops at its first error, so the front matter is read again
    with that line as the message says to write it, until none is left; the other problems,
    of YAML and of the fields, come in the same report."""
    text = with_second_mistake(
        practice()
        .replace("title: Esimerkkikäytäntö", "title: Kotona: alku")
        .replace("summary: ", "summary:\xa0")
        .replace("practice_type: material", "practice_type:materiaali")
        .replace("funding: ESR.", "funding: Rahoitus: ESR.")
        .replace("  high-impact: ", "\thigh-impact: ")
    )
    colon = "invalid YAML: a value contains ': ' (a colon and a space), which YAML reads as a new field"
    assert problems(tmp_path, one_file(text)) == [
        f'content/fi/esimerkki.md:3:14: {colon}; put the whole value in quotes: title: "Kotona: alku"',
        "content/fi/esimerkki.md:5:9: invalid YAML: after the colon is a no-break space, often pasted from "
        "a word processor or a web page; YAML needs an ordinary space there: delete it and type a space",
        f"content/fi/esimerkki.md:{SECOND_MISTAKE}",
        "content/fi/esimerkki.md:11:1: invalid YAML: a field needs a space after its colon: "
        "practice_type: materiaali",
        "content/fi/esimerkki.md:11:16: unknown practice types code 'materiaali'; the code for 'materiaali' "
        "is 'material'",
        f'content/fi/esimerkki.md:13:18: {colon}; put the whole value in quotes: funding: "Rahoitus: ESR."',
        "content/fi/esimerkki.md:19:1: invalid YAML: the line starts with a tab, which YAML does not take; "
        "write 2 spaces in its place, as the line above has: '  high-impact: Tulokset ovat parempia.'",
    ]


def test_an_item_added_under_a_list_in_brackets_goes_inside_them(tmp_path: Path) -> None:
    """The sample files write lists in brackets; an editor adding an item on a line of its own,
    as lists are written elsewhere, is shown the line with the item inside the brackets."""
    text = with_second_mistake(
        practice().replace(
            "organisations: [Esimerkkikunta]", "organisations: [Esimerkkikunta]\n  - Kela\n  - Migri"
        )
    )
    assert problems(tmp_path, one_file(text)) == [
        f"content/fi/esimerkki.md:{SECOND_MISTAKE}",
        "content/fi/esimerkki.md:11:3: invalid YAML: this line adds an item to the list on the line above, "
        "which is written in brackets, [ ]; put the item inside them: organisations: [Esimerkkikunta, Kela]",
        "content/fi/esimerkki.md:12:3: invalid YAML: this line adds an item to the list on the line above, "
        "which is written in brackets, [ ]; put the item inside them: organisations: [Esimerkkikunta, Kela, "
        "Migri]",
    ]


def test_text_that_runs_on_to_a_line_of_its_own_is_told_to_join_it(tmp_path: Path) -> None:
    """Text pasted from a document keeps its line breaks: the rest of a value starts a line,
    where YAML reads a field's name. Indented, it would go on with the value."""
    text = with_second_mistake(
        practice()
        .replace("funding: ESR.", "funding: ESR ja\nkaupunki.")
        .replace("  high-impact: Tulokset ovat parempia.", "  high-impact: Tulokset ovat\n parempia.")
    )
    goes_on = "this line goes on with the text of"
    runs_on = "but starts where a field would, so YAML cannot read it; join it to the end of that line, or"
    assert problems(tmp_path, one_file(text)) == [
        f"content/fi/esimerkki.md:{SECOND_MISTAKE}",
        f"content/fi/esimerkki.md:14:1: invalid YAML: {goes_on} 'funding' on line 13, {runs_on} start it "
        "with 2 spaces",
        f"content/fi/esimerkki.md:21:2: invalid YAML: {goes_on} 'high-impact' on line 20, {runs_on} start it "
        "with 4 spaces",
    ]


def test_a_field_written_as_a_lists_item_is_told_to_lose_its_dash(tmp_path: Path) -> None:
    """'- funding: …' among fields, as an item of a list is written: YAML cannot read on; the
    line without its dash is read again, so the file's other mistakes are told too."""
    text = with_second_mistake(practice().replace("funding: ESR.", "- funding: ESR."))
    assert problems(tmp_path, one_file(text)) == [
        f"content/fi/esimerkki.md:{SECOND_MISTAKE}",
        "content/fi/esimerkki.md:13:1: invalid YAML: this line starts with '- ', as an item of a list "
        "does, but the lines around it are fields; remove the '- ': funding: ESR.",
    ]


def test_a_dashed_line_among_the_fields_is_told_and_the_fields_below_it_are_read(tmp_path: Path) -> None:
    """A '---' line slipped in among the fields ended the front matter there: the fields below
    it were taken for the text, so a required one was missing and an optional one showed on
    the page as a heading ('end_year: 2020' over the next '---'). Now the line is the problem,
    and the fields below it are read and checked."""
    text = (
        practice(extra="end_year: 2020")
        .replace("funding: ESR.", "---\nfunding: ESR.")
        .replace("end_year: 2020", "---\nend_year: 2020\nregions: [uusimaa]", 1)
        .replace("regions: [uusimaa]\norganisations", "organisations")
    )
    stray = "this '---' line ends the front matter, so the fields below it would show as the text; remove it"
    assert problems(tmp_path, one_file(text)) == [
        f"content/fi/esimerkki.md:12:1: {stray} (the front matter ends at the '---' on line 25)",
        f"content/fi/esimerkki.md:22:1: {stray} (the front matter ends at the '---' on line 25)",
    ]
    assert problems(tmp_path / "2", one_file(with_second_mistake(text))) == [
        f"content/fi/esimerkki.md:12:1: {stray} (the front matter ends at the '---' on line 25)",
        f"content/fi/esimerkki.md:22:1: {stray} (the front matter ends at the '---' on line 25)",
        "content/fi/esimerkki.md:24:11: unknown regions code 'Uusimaa'; the code for 'Uusimaa' is 'uusimaa'",
    ]


def test_a_lists_item_without_its_space_and_a_group_indented_unalike_are_told_and_read_past(
    tmp_path: Path,
) -> None:
    """'-Kela' under a list, and a group's first line indented further than the others: each
    is told what to write, and the file is read on for its other mistakes."""
    good = with_second_mistake(practice())
    files = {
        "content/fi/a.md": good.replace("organisations: [Esimerkkikunta]", "organisations:\n-Esimerkkikunta"),
        "content/fi/b.md": good.replace("  goal-oriented:", "    goal-oriented:"),
    }
    assert problems(tmp_path, waited_for(files)) == [
        f"content/fi/a.md:{SECOND_MISTAKE}",
        "content/fi/a.md:11:1: invalid YAML: an item of a list needs a space after its '-': - Esimerkkikunta",
        f"content/fi/b.md:{SECOND_MISTAKE}",
        "content/fi/b.md:17:3: invalid YAML: the lines of a group are indented alike, but this one has 2 "
        "spaces in front of it and the line above 4; give them the same number (2 in this project's files)",
    ]


def test_a_value_written_on_the_line_below_its_field_is_told_to_go_after_the_colon(tmp_path: Path) -> None:
    """'organisations:' and, on the next line at its start, '[Kela]' (or a text): YAML cannot
    read that line as a field. The editor is told to write it after the colon, and the file is
    read on for its other mistakes. A group's line (under criteria:) is not taken for one."""
    good = with_second_mistake(practice())
    files = {
        "content/fi/a.md": good.replace("s: [Esimerkkikunta]", "s:\n[Esimerkkikunta]"),
        "content/fi/b.md": good.replace("funding: ESR.", "funding:\nESR."),
        "content/fi/c.md": good.replace("  goal-oriented: Vähentää", "Vähentää"),
    }
    found = problems(tmp_path, waited_for(files))
    assert found[:4] == [
        f"content/fi/a.md:{SECOND_MISTAKE}",
        "content/fi/a.md:11:1: invalid YAML: this line is the value of 'organisations' on the line above, "
        "but starts where a field would, so YAML cannot read it; write it after the colon: "
        "organisations: [Esimerkkikunta]",
        f"content/fi/b.md:{SECOND_MISTAKE}",
        "content/fi/b.md:14:1: invalid YAML: this line is the value of 'funding' on the line above, but "
        "starts where a field would, so YAML cannot read it; write it after the colon: funding: ESR.",
    ]
    assert not any("value of 'criteria'" in line for line in found[4:])


def test_a_year_written_as_a_list_item_below_its_field_is_told_to_go_after_the_colon(tmp_path: Path) -> None:
    """'start_year:' and '-2016' or '- 2016' below it: a field of one value written as a list's
    item. One message says what to write (not a list's missing space and then 'not a list'),
    and the file is read on for its other mistakes."""
    good = with_second_mistake(practice())
    files = {
        "content/fi/a.md": good.replace("start_year: 2016", "start_year:\n-2016"),
        "content/fi/b.md": good.replace("start_year: 2016", "start_year:\n- 2016"),
        "content/fi/c.md": good.replace("start_year: 2016", "start_year: [twenty]"),
    }
    assert problems(tmp_path, waited_for(files)) == [
        f"content/fi/a.md:{SECOND_MISTAKE}",
        "content/fi/a.md:13:1: invalid YAML: this line is the value of 'start_year' on the line above, "
        "written as an item of a list, but start_year takes one value; write it after the colon, "
        "without the '-': start_year: 2016",
        f"content/fi/b.md:{SECOND_MISTAKE}",
        "content/fi/b.md:12:1: start_year should be a year such as 2016, not a list; write it after the "
        "colon, without '- ' or [ ]: start_year: 2016",
        f"content/fi/c.md:{SECOND_MISTAKE}",
        "content/fi/c.md:12:1: start_year should be a year such as 2016, not a list",
    ]


def test_a_groups_first_line_without_its_name_is_told_what_the_group_wants(tmp_path: Path) -> None:
    """Evidence written under 'criteria:' without its criterion's code, and a contact's name
    under 'contact:' without 'name:': YAML cannot read the line, and the editor is told what
    the group's lines are, not only that the line is no field."""
    files = {
        "content/fi/a.md": practice().replace("  goal-oriented: Vähentää", "Vähentää"),
        "content/fi/b.md": practice(extra="contact:\nMatti Meikäläinen, Esimerkkikunta"),
    }
    assert problems(tmp_path, waited_for(files)) == [
        "content/fi/a.md:16:1: invalid YAML: this line is the first under 'criteria:', but has no "
        "criterion's code, so YAML cannot read it; write two spaces, the code of the criterion it tells "
        "of and ': ' before it, as the other criteria have theirs",
        "content/fi/b.md:23:1: invalid YAML: this line is the first under 'contact:', but has no name of "
        "its own, so YAML cannot read it; a contact is written as its parts (name, organisation, email "
        "or url), each on a line of its own with two spaces and its name before it: '  name: …', "
        "'  email: …'",
    ]


def test_a_links_part_left_at_the_start_of_its_line_is_put_back_in_the_link(tmp_path: Path) -> None:
    """YAML reads a link's 'url:' written without its spaces as a field of its own, and the
    link as one without an address: the editor is told the one thing to do, and the link is
    checked as meant (its address at its own line)."""
    text = with_second_mistake(practice(extra="links:\n- text: Migri\nurl: migri.fi"))
    assert problems(tmp_path, one_file(text)) == [
        f"content/fi/esimerkki.md:{SECOND_MISTAKE}",
        "content/fi/esimerkki.md:24:1: 'url' belongs to the link above it, so it needs two spaces in "
        "front of it: '  url: …'",
        "content/fi/esimerkki.md:24:6: 'migri.fi' is not a web address; write it in full, such as "
        "https://migri.fi",
    ]


def test_a_links_part_above_every_field_is_an_unknown_field(tmp_path: Path) -> None:
    """Only a part written below the links is put back in the last link (a 'url:' on the first
    line, with links further down, ended in a traceback)."""
    text = practice(extra="links:\n- text: Migri\n  url: https://migri.fi/").replace(
        "id: ", "url: x\nid: ", 1
    )
    fields = "; the fields are: " + ", ".join(FIELDS_BY_NAME)
    assert problems(tmp_path, one_file(text)) == [f"content/fi/esimerkki.md:2:6: unknown field 'url'{fields}"]


def test_two_yaml_mistakes_in_one_line_are_both_read_past(tmp_path: Path) -> None:
    """A line is mended again for a second mistake (a few times at most: each mend may add to
    the line, as quotes and their escapes do)."""
    text = with_second_mistake(practice().replace("title: Esimerkkikäytäntö", "\ttitle: Kotona: alku"))
    assert problems(tmp_path, one_file(text)) == [
        "content/fi/esimerkki.md:3:1: invalid YAML: the line starts with a tab, which YAML does not take; "
        "start the line with the field's name, as a field of its own does: title: Kotona: alku",
        "content/fi/esimerkki.md:3:14: invalid YAML: a value contains ': ' (a colon and a space), which YAML "
        'reads as a new field; put the whole value in quotes: title: "Kotona: alku"',
        f"content/fi/esimerkki.md:{SECOND_MISTAKE}",
    ]


def test_a_value_in_typographic_quotes_gets_straight_ones_in_the_line_to_write(tmp_path: Path) -> None:
    """The editor quoted the value, but with quotes YAML does not read as quotes (a word
    processor's, or a Mac's smart quotes): the line to write has straight ones in their place,
    not both."""
    straight = "(straight quotes: YAML does not read ”…” as quotes)"
    files = {
        "content/fi/a.md": practice("a", "a").replace("title: Esimerkkikäytäntö", "title: ”Kotona: alku”"),
        "content/fi/b.md": practice("b", "b").replace("funding: ESR.", "funding: ”ESR #2 hanke”"),
        "content/fi/c.md": '---\nid: c\ntitle: "Kotona: alku”\n---\nTeksti\n',
    }
    assert problems(tmp_path, waited_for(files)) == [
        "content/fi/a.md:3:15: invalid YAML: a value contains ': ' (a colon and a space), which YAML "
        f'reads as a new field; put the whole value in quotes: title: "Kotona: alku" {straight}',
        "content/fi/b.md:13:15: '#2 hanke”' is a YAML comment, left out of the value, which is only "
        "'”ESR'; if it belongs to the value, put the whole value in quotes: funding: \"ESR #2 hanke\" "
        f"{straight}; if it is a note for editors, put it on a line of its own",
        "content/fi/c.md:3:8: invalid YAML: the quote that opens this value is not closed: it ends with ”, "
        'which YAML does not read as a quote; end it with " instead',
    ]


def test_yaml_mistakes_are_reported_where_they_were_made(tmp_path: Path) -> None:
    """An unclosed quote or list at the line that opens it, not where YAML gave up; each
    mistake with the line as it should be."""
    good = practice()
    files = {
        "content/fi/a.md": good.replace("title: ", "title:"),
        "content/fi/b.md": good.replace("themes: [integration-training]", "themes: [integration-training"),
        "content/fi/c.md": good.replace("summary: ", 'summary: "'),
        "content/fi/d.md": good.replace("  goal-oriented: ", " goal-oriented: "),
        "content/fi/e.md": good.replace("title: ", 'title: "Kotona" ', 1),
    }
    assert [p.split(": invalid YAML: ") for p in problems(tmp_path, waited_for(files))] == [
        ["content/fi/a.md:3:1", "a field needs a space after its colon: title: Esimerkkikäytäntö"],
        [
            "content/fi/b.md:6:9",
            "the list that opens here with [ is not closed; end it with ] on the same line",
        ],
        [
            "content/fi/c.md:5:10",
            "the quote that opens this value is not closed; end the value with the same quote mark",
        ],
        [
            "content/fi/d.md:17:22",
            "this line is indented further (2 spaces) than the line above (1), so YAML reads it as part of "
            "that line's value; indent the fields of a group alike",
        ],
        [
            "content/fi/e.md:3:17",
            "a value that starts with a quote must end with it; put the whole value in quotes: "
            'title: "\\"Kotona\\" Esimerkkikäytäntö"',
        ],
    ]


def test_a_line_that_slipped_out_of_its_group_is_reported_where_the_spaces_are_wrong(
    tmp_path: Path,
) -> None:
    """A criterion or a contact's line left at the start of the line is told to take the two
    spaces the group's lines have (YAML stopped at the next line, and told that one to lose
    them); a whole group left so is a problem a line, not a missing group too; a field
    indented under an empty one is told to lose its spaces."""

    def one(name: str) -> str:
        return practice(name, name)

    contact = "contact:\nname: Maija\n  email: maija@example.fi\n"
    files = {
        "content/fi/a.md": one("a").replace("  goal-oriented: ", "goal-oriented: "),
        "content/fi/b.md": one("b").replace("\n  ", "\n"),
        "content/fi/c.md": one("c").replace("  generalisable: ", "generalisable: "),
        "content/fi/d.md": one("d").replace("\nfunding:", "\nend_year:\n  funding:"),
        "content/fi/e.md": one("e").replace("published: 2017-01-02\n", f"published: 2017-01-02\n{contact}"),
    }
    codes = ("goal-oriented", "customer-responsive", "context-sensitive", "high-impact", "modellable")

    def under(name: str, group: str = "criteria") -> str:
        return f"'{name}' belongs under {group}:, so it needs two spaces in front of it: '  {name}: …'"

    assert problems(tmp_path, waited_for(files)) == [
        "content/fi/a.md:16:1: invalid YAML: 'goal-oriented' belongs under criteria:, as the line below it "
        "does, so it needs the same 2 spaces in front of it: '  goal-oriented: …'",
        *(f"content/fi/b.md:{16 + i}:1: {under(code)}" for i, code in enumerate(codes)),
        f"content/fi/b.md:21:1: {under('generalisable')}",
        f"content/fi/c.md:21:1: {under('generalisable')}",
        "content/fi/d.md:14:1: 'funding' has spaces in front of it, so it is read as part of end_year:, "
        "which is left empty; remove the spaces: 'funding: …'",
        "content/fi/e.md:16:1: invalid YAML: 'name' belongs under contact:, as the line below it does, so it "
        "needs the same 2 spaces in front of it: '  name: …'",
    ]


@pytest.mark.parametrize(
    ("space", "name"), [("\xa0", "a no-break space"), ("\u202f", "an unusual space (U+202F)")]
)
def test_a_pasted_space_after_a_colon_is_named(tmp_path: Path, space: str, name: str) -> None:
    """A no-break space after 'title:' makes YAML read the line as text, and a criterion's line
    runs on into the next one, where YAML gives up: both are reported at the pasted space."""
    files = {
        "content/fi/a.md": practice("a", "a").replace("title: ", f"title:{space}"),
        "content/fi/b.md": practice("b", "b").replace("  goal-oriented: ", f"  goal-oriented:{space}"),
    }
    message = (
        f"invalid YAML: after the colon is {name}, often pasted from a word processor or a web page; YAML "
        "needs an ordinary space there: delete it and type a space"
    )
    assert problems(tmp_path, waited_for(files)) == [
        f"content/fi/a.md:3:7: {message}",
        f"content/fi/b.md:16:17: {message}",
    ]


def test_a_comment_that_cuts_a_text_value_short_is_reported(tmp_path: Path) -> None:
    """YAML ends a plain value at ' #': 'ESR #2014–2020.' would publish as 'ESR'. A comment that
    loses nothing (after a date, a number or a list, or on a line of its own) is let be, and so
    is a '#' inside a word or in quotes."""
    text = (
        practice(extra="# Huom: tarkista rahoitus.\nmunicipality: Turku # arvio")
        .replace("funding: ESR.", "funding: ESR #2014–2020.")
        .replace("organisations: [Esimerkkikunta]", "organisations:\n  - Esimerkkikunta\t# koordinoi")
        .replace("summary: Lyhyt kuvaus.", 'summary: C#-kurssi ja "#1" -ryhmä.')
        .replace("title: Esimerkkikäytäntö", 'title: "Esimerkki # 1"')
        .replace("published: 2017-01-02", "published: 2017-01-02 # tarkistettu")
        .replace("start_year: 2016", "start_year: 2016  # arvio")
        .replace("themes: [integration-training]", "themes: [integration-training] # yksi")
    )
    note = "if it is a note for editors, put it on a line of its own"
    assert problems(tmp_path, one_file(text)) == [
        "content/fi/esimerkki.md:11:20: '# koordinoi' is a YAML comment, left out of the value, which is "
        f"only 'Esimerkkikunta'; if it belongs to the value, put the whole value in quotes: "
        f'- "Esimerkkikunta\\t# koordinoi"; {note}',
        "content/fi/esimerkki.md:14:14: '#2014–2020.' is a YAML comment, left out of the value, which is "
        "only 'ESR'; if it belongs to the value, put the whole value in quotes: "
        f'funding: "ESR #2014–2020."; {note}',
        "content/fi/esimerkki.md:24:21: '# arvio' is a YAML comment, left out of "
        "the value, which is only 'Turku'; if it belongs to the value, put the whole value in quotes: "
        f'municipality: "Turku # arvio"; {note}',
    ]


def test_a_value_that_starts_with_a_hash_is_told_to_be_in_quotes(tmp_path: Path) -> None:
    """'funding: #ESR' is a field with a comment and no value: the message that it is empty says
    why, and how to write it (a list item's too)."""
    text = (
        practice()
        .replace("funding: ESR.", "funding: #ESR")
        .replace("organisations: [Esimerkkikunta]", "organisations:\n  -  #MeToo ry")
    )
    assert problems(tmp_path, one_file(text)) == [
        "content/fi/esimerkki.md:11:4: item 1 of organisations is empty: YAML reads '#MeToo ry' as a "
        'comment, not as the value; if it is the value, put it in quotes: - "#MeToo ry"',
        "content/fi/esimerkki.md:14:9: funding is empty: YAML reads '#ESR' as a comment, not as the "
        'value; if it is the value, put it in quotes: funding: "#ESR"',
    ]


def test_a_comment_that_cuts_a_value_short_does_not_hide_the_files_other_problems(tmp_path: Path) -> None:
    """Every problem at once: the comment is reported with a practice's or a page's other
    mistakes, not before them (an editor mended 'AlkuKiri #1' and only then heard that the
    date was written the Finnish way)."""
    about = (ROOT / "content/pages/fi/about.md").read_text(encoding="utf-8")
    text = practice(title="AlkuKiri #1 kieliryhmä").replace("published: 2017-01-02", "published: 2.1.2017")
    files = {
        **one_file(text),
        "content/pages/fi/about.md": about.replace(
            "title: Tietoa palvelusta", "title: Tietoa # luonnos\nkuva: x"
        ),
    }
    expected = [
        "content/fi/esimerkki.md:3:17: '#1 kieliryhmä' is a YAML comment, left out of the value",
        "content/fi/esimerkki.md:14:12: published should be a date written YYYY-MM-DD: 2017-01-02",
        "content/pages/fi/about.md:2:15: '# luonnos' is a YAML comment, left out of the value",
        "content/pages/fi/about.md:3:7: unknown field 'kuva'; a page has only title and description",
    ]
    found = problems(tmp_path, files)
    assert len(found) == len(expected) and all(map(str.startswith, found, expected)), found


def test_a_text_is_checked_where_its_front_matter_cannot_be_read(tmp_path: Path) -> None:
    """Every problem at once: the text's own problems are reported with a YAML error that has no
    sure mend (one that has is read past: test_a_yaml_mistake_with_a_sure_mend_…), in a practice
    and on an about page, not only after the YAML is mended."""
    about = (ROOT / "content/pages/fi/about.md").read_text(encoding="utf-8")
    files = {
        **one_file('---\nid: a\ntitle: "Kotona: alku\n---\n#### Tausta\n\nKatso [](https://migri.fi/).\n'),
        "content/pages/fi/about.md": about.replace("title: ", 'title: "', 1) + "\n![](/static/x.png)\n",
    }
    last = about.count("\n") + 2
    unclosed = (
        "invalid YAML: the quote that opens this value is not closed; end the value with the same quote mark"
    )
    assert problems(tmp_path, files) == [
        f"content/fi/esimerkki.md:3:8: {unclosed}",
        "content/fi/esimerkki.md:5:1: the heading '#### Tausta' skips a level for readers who move by "
        "headings: the text follows a level-2 heading on its page (one only screen readers announce), so "
        "its first heading is level 3 or less; write '### Tausta'",
        "content/fi/esimerkki.md:7:7: the link has no text, so a screen reader cannot tell where it leads; "
        "write that between the brackets: [Where it leads](https://migri.fi/)",
        f"content/pages/fi/about.md:2:8: {unclosed}",
        f"content/pages/fi/about.md:{last}:1: the image has no alt text; describe it between the brackets: "
        "![What the picture shows](/static/x.png)",
    ]


def test_a_merge_conflict_is_reported_at_its_first_line(tmp_path: Path) -> None:
    """Git's marks of a conflict left in a file: the page would show them, a '=======' would
    make a heading and '>>>>>>>' seven quotes in one another; in the front matter, YAML could
    only say that a line is not a field. One message for each conflict, in any content file,
    and nothing else of such a file."""
    body = "## Tausta\n\n<<<<<<< HEAD\nTeksti, uusi.\n=======\nTeksti.\n>>>>>>> kaannos\n"
    about = (ROOT / "content/pages/fi/about.md").read_text(encoding="utf-8")
    files = {
        **one_file(practice(body=body)),
        "content/pages/fi/about.md": about.replace("title: ", "<<<<<<< HEAD\ntitle: ", 1).replace(
            "description: ", "||||||| 5f0c2a1\ntitle: Tietoa\n=======\ndescription: ", 1
        ),
        "content/published-urls.txt": "/fi/\n>>>>>>> main\n/sv/\n",
    }
    marks = "git could not join two changes to the same lines, so it kept both, between the marks"
    advice = (
        "keep the text that should stay (from one side, the other or both), then delete the lines of marks"
    )
    assert problems(tmp_path, files) == [
        "content/published-urls.txt:2:1: '>>>>>>> main' is a mark git leaves where it could not join two "
        "changes to the same lines (a merge conflict); check the text around it, keep what should "
        "stay, then delete the line",
        f"content/fi/esimerkki.md:25:1: lines 25–29 are a merge conflict: {marks} '<<<<<<< HEAD', "
        f"'=======', '>>>>>>> kaannos'; {advice}",
        f"content/pages/fi/about.md:2:1: lines 2–6 are a merge conflict: {marks} '<<<<<<< HEAD', "
        f"'||||||| 5f0c2a1', '======='; {advice}, and look for the end of the conflict: no line "
        "'>>>>>>> …' closes it",
    ]


def test_missing_required_field(tmp_path: Path) -> None:
    text = practice().replace("funding: ESR.\n", "")
    assert problems(tmp_path, one_file(text)) == [
        "content/fi/esimerkki.md:2:1: the required field 'funding' is missing; add a line such as: "
        "funding: Euroopan sosiaalirahasto"
    ]


def test_a_missing_slug_is_given_one_made_of_the_title(tmp_path: Path) -> None:
    """As a new practice's page address would be; a published practice's lost address is
    told once the slug is back (test_editor_workflow.py)."""
    text = practice(title="Kotona Suomessa – perheiden tuki").replace("slug: esimerkki\n", "")
    assert problems(tmp_path, one_file(text)) == [
        "content/fi/esimerkki.md:2:1: the required field 'slug' is missing; add a line such as: "
        "slug: kotona-suomessa-perheiden-tuki"
    ]


TRAINING = "'integration-training' (Kotoutumiskoulutus ja kielikoulutus)"


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("integration-trainig", TRAINING),
        ("kielikoulutus", TRAINING),
        ("employment", "'employment-entrepreneurship' (Työllistyminen ja yrittäjyys)"),
    ],
)
def test_unknown_code_suggests_the_code_meant(tmp_path: Path, written: str, meant: str) -> None:
    """From a near spelling of a code, a word of one label, or a word of one code."""
    text = practice(themes=f"[{written}]")
    assert problems(tmp_path, one_file(text)) == [
        f"content/fi/esimerkki.md:6:10: unknown themes code '{written}'; did you mean {meant}?"
    ]


def test_codes_run_together_without_a_comma_are_told_to_take_one(tmp_path: Path) -> None:
    """'[a b]' or '[a; b]' in a list: YAML reads one code; the editor meant two (the nearest
    code alone, as it was suggested, would drop the other). A field of one code is not told so."""
    text = practice(themes="[integration-training employment-entrepreneurship]").replace(
        "practice_type: material", "practice_type: material; education"
    )
    themes, practice_type = problems(tmp_path, one_file(text))
    assert themes == (
        "content/fi/esimerkki.md:6:10: unknown themes code 'integration-training "
        "employment-entrepreneurship'; these are 2 codes with no comma between them: write "
        "integration-training, employment-entrepreneurship"
    )
    assert practice_type.startswith("content/fi/esimerkki.md:11:16: unknown practice types code")
    assert "comma" not in practice_type


def test_an_unknown_code_as_close_to_two_codes_suggests_neither(tmp_path: Path) -> None:
    """'karjala' is as close to etela-karjala as to pohjois-karjala: a guess could put a
    practice in the wrong region, so the codes are listed instead."""
    text = practice().replace("regions: [uusimaa]", "regions: [karjala]")
    [problem] = problems(tmp_path, one_file(text))
    assert problem.startswith("content/fi/esimerkki.md:9:11: unknown regions code 'karjala'; the codes are: ")
    assert "etela-karjala" in problem and "pohjois-karjala" in problem


def test_a_label_instead_of_a_code_gets_the_code(tmp_path: Path) -> None:
    text = practice(themes="[Kotoutumiskoulutus ja kielikoulutus]")
    assert problems(tmp_path, one_file(text)) == [
        "content/fi/esimerkki.md:6:10: unknown themes code 'Kotoutumiskoulutus ja kielikoulutus'; "
        "the code for 'Kotoutumiskoulutus ja kielikoulutus' is 'integration-training'"
    ]


@pytest.mark.parametrize(
    ("themes", "fix"),
    [
        ("integration-training", "; write: themes: [integration-training]"),
        ("Kotoutumiskoulutus ja kielikoulutus", "; write: themes: [integration-training]"),
        (
            "integration-training, Työllistyminen ja yrittäjyys",
            "; write: themes: [integration-training, employment-entrepreneurship]",
        ),
        (
            "kielikoulutus",
            "; did you mean themes: [integration-training] (Kotoutumiskoulutus ja kielikoulutus)?",
        ),
        ("xyz", ", such as themes: [basic-info-guidance]; the codes are: basic-info-guidance, "),
        (
            "integration-training, employment",
            "; did you mean themes: [integration-training, employment-entrepreneurship] "
            "(Kotoutumiskoulutus ja kielikoulutus; Työllistyminen ja yrittäjyys)?",
        ),
        (
            "integration-training, xyz",
            "; write: themes: [integration-training, …] with the code you meant in place of 'xyz', "
            "one of: basic-info-guidance, initial-assessment-plan, ",
        ),
    ],
)
def test_codes_written_as_text_get_the_list_to_write(tmp_path: Path, themes: str, fix: str) -> None:
    """Without brackets, as a label, several at once: the list of codes the editor meant, each
    part of it a code, a label, the code it is close to or, if none, a place for one."""
    [found] = problems(tmp_path, one_file(practice(themes=themes)))
    assert found.startswith(f"content/fi/esimerkki.md:6:9: themes should be a list of codes{fix}")


@pytest.mark.parametrize(
    ("aliases", "fix"),
    [
        ("vanha-nimi", "; write: aliases: [vanha-nimi]"),
        ("vanha-nimi, toinen-nimi", "; write: aliases: [vanha-nimi, toinen-nimi]"),
        ("Vanha nimi", ", for example: aliases: [vanha-osoite]"),
    ],
)
def test_earlier_slugs_written_as_text_get_the_list_to_write(tmp_path: Path, aliases: str, fix: str) -> None:
    text = practice(extra=f"aliases: {aliases}")
    assert problems(tmp_path, one_file(text)) == [
        f"content/fi/esimerkki.md:22:10: aliases should be a list of earlier slugs{fix}"
    ]


def test_value_of_the_wrong_type(tmp_path: Path) -> None:
    text = practice().replace("start_year: 2016", "start_year: twenty")
    assert problems(tmp_path, one_file(text)) == [
        "content/fi/esimerkki.md:12:13: start_year should be a year such as 2016, not 'twenty'"
    ]


def test_a_number_where_text_belongs(tmp_path: Path) -> None:
    assert problems(tmp_path, one_file(practice(title="2024"))) == [
        "content/fi/esimerkki.md:3:8: title should be text, but YAML reads 2024 as a number; "
        'put it in quotes: title: "2024"'
    ]


def test_a_value_is_shown_as_the_file_has_it(tmp_path: Path) -> None:
    """Not as Python shows it (True, None, datetime.date(2024, 1, 1), ['a'])."""
    text = (
        practice(title="yes", extra="draft: 2024-01-01")
        .replace("start_year: 2016", "start_year:")
        .replace("practice_type: material", "practice_type: [material]")
        .replace("published: 2017-01-02", "published: 2017-01-02 10:00:00")
    )
    assert problems(tmp_path, one_file(text)) == [
        "content/fi/esimerkki.md:3:8: title should be text, but YAML reads yes as a true/false value; "
        'put it in quotes: title: "yes"',
        "content/fi/esimerkki.md:11:1: practice_type should be one code such as 'new-operating-model', "
        "not a list",
        "content/fi/esimerkki.md:12:12: start_year should be a year such as 2016, not an empty value",
        "content/fi/esimerkki.md:14:12: published should be a date written YYYY-MM-DD without the time: "
        "2017-01-02",
        "content/fi/esimerkki.md:22:8: draft should be true or false, not 2024-01-01",
    ]


def test_an_item_of_a_list_that_is_empty_or_a_number(tmp_path: Path) -> None:
    text = practice().replace("organisations: [Esimerkkikunta]", 'organisations: [~, 1, ""]')
    empty = "of organisations is empty; write it, or remove it from the list"
    assert problems(tmp_path, one_file(text)) == [
        f"content/fi/esimerkki.md:10:17: item 1 {empty}",
        "content/fi/esimerkki.md:10:20: organisations should be text, but YAML reads 1 as a number; put it "
        'in quotes: "1"',
        f"content/fi/esimerkki.md:10:23: item 3 {empty}",
    ]


def test_a_contact_without_a_name_and_a_link_that_is_an_address_alone(tmp_path: Path) -> None:
    extra = "contact:\n  organisation: Migri\nlinks:\n  - https://migri.fi/"
    assert problems(tmp_path, one_file(practice(extra=extra))) == [
        "content/fi/esimerkki.md:22:1: contact has no name; add one on its own line under contact, indented "
        "like the other fields: name: Maija Meikäläinen",
        "content/fi/esimerkki.md:25:5: item 1 of links is an address alone; a link also needs a text that "
        "says where it leads: write '- text: …' and, on the next line under text, 'url: https://migri.fi/'",
    ]


@pytest.mark.parametrize(
    ("written", "told"),
    [
        (
            "published: 2017-01-02\nupdated: 2016-01-01",
            "15:10: updated 2016-01-01 is before published 2017-01-02; updated is the date of a later "
            "change: the day the practice was published or later",
        ),
        (
            "themes: []",
            "6:1: themes should be a list of one or more codes, for example: themes: [basic-info-guidance]",
        ),
        (
            "themes: [integration-training, integration-training]",
            "6:32: 'integration-training' is listed twice in themes; keep it once",
        ),
        ("organisations: []", "10:1: organisations should be a list of one or more names"),
        ("draft: kyllä", "22:8: draft should be true or false, not 'kyllä'"),
        (
            "title: [Kotona Suomessa, alkuvaihe]",
            "3:1: title should be a single line of text, not a list; without the brackets: "
            "title: Kotona Suomessa, alkuvaihe",
        ),
        (
            'funding: ["ESR: 80 %", kunta]',
            "13:1: funding should be a single line of text, not a list; without the brackets: "
            'funding: "ESR: 80 %, kunta"',
        ),
        (
            "title: |\n  Kotona Suomessa:\n  alkuvaihe",
            "3:8: title should be a single line of text, but it has a line break; write it on one line: "
            'title: "Kotona Suomessa: alkuvaihe"',
        ),
        (
            'funding: "ESR.\\nKunta."',
            "13:10: funding should be a single line of text, but it has a line break; write it on one "
            "line: funding: ESR. Kunta.",
        ),
        (
            "end_year: 2015",
            "22:11: end_year 2015 is before start_year 2016; end_year is the last year the practice ran: "
            "correct the year that is wrong, or leave end_year out while the practice goes on",
        ),
        (
            "translated_from: abc",
            "22:18: translated_from should be the 12-character code that `python build.py translated FILE` "
            "writes, not 'abc'",
        ),
        (
            "contact:\n  name: Maija\n  email: maija(at)example.fi",
            "24:10: 'maija(at)example.fi' is not an e-mail address such as name@example.fi",
        ),
        (
            "contact:\n  name: Maija\n  url: maija@example.fi",  # each address in the other's field
            "24:8: 'maija@example.fi' is an e-mail address, not a web address; write it as the contact's "
            "e-mail: email: maija@example.fi",
        ),
        (
            "contact:\n  name: Maija\n  email: www.example.fi",
            "24:10: 'www.example.fi' is a web address, not an e-mail address; write it as the contact's "
            "web page: url: https://www.example.fi",
        ),
        (
            "links:\n- text: Maija\n  url: maija@example.fi",
            "24:8: 'maija@example.fi' is an e-mail address, not a web address, and links: lists web pages; "
            "give it as the contact's e-mail instead, under contact: with two spaces in front: "
            "email: maija@example.fi",
        ),
        (
            "contact: Maija Meikäläinen, www.example.fi",
            "22:10: contact should have the fields name, organisation, email, url, each on its own "
            "indented line: write 'contact:' and, on the next lines, two spaces in, 'name: Maija "
            "Meikäläinen' and 'url: https://www.example.fi'",
        ),
        (
            "contact: Maija Meikäläinen",
            "22:10: contact should have the fields name, organisation, email, url, each on its own "
            "indented line: write 'contact:' and, on the next line, two spaces in, 'name: Maija Meikäläinen'",
        ),
        (
            "contact: maija@example.fi",
            "22:10: contact should have the fields name, organisation, email, url, each on its own "
            "indented line: write 'contact:' and, on the next line, two spaces in, 'email: maija@example.fi'",
        ),
        (
            "contact: Maija Meikäläinen, Esimerkkikunta, maija@example.fi",
            "22:10: contact should have the fields name, organisation, email, url, each on its own "
            "indented line: write 'contact:' and, on the next lines, two spaces in, 'name: Maija "
            "Meikäläinen', 'organisation: Esimerkkikunta' and 'email: maija@example.fi'",
        ),
        (
            "contact: Esimerkkikunta, maahanmuuttopalvelut",  # no address among them: one name
            "22:10: contact should have the fields name, organisation, email, url, each on its own "
            "indented line: write 'contact:' and, on the next line, two spaces in, 'name: "
            "Esimerkkikunta, maahanmuuttopalvelut'",
        ),
        (
            "links: https://migri.fi/",
            "22:8: links should be a list; start each link with '- text: ...' and give its url below",
        ),
    ],
)
def test_a_mistake_in_a_list_a_group_or_a_date_is_told_what_to_write(
    tmp_path: Path, written: str, told: str
) -> None:
    """`written` takes the place of its field's line in a valid file, or is added to it."""
    field = written.split(":")[0]
    text = practice()
    if f"\n{field}:" in text:
        line = next(line for line in text.splitlines() if line.startswith(f"{field}:"))
        text = text.replace(line, written)
    else:
        text = practice(extra=written)
    assert problems(tmp_path, one_file(text)) == [f"content/fi/esimerkki.md:{told}"]


def test_a_summary_may_run_over_several_lines(tmp_path: Path) -> None:
    """As the web editor's box of several lines writes it (every other text is one line)."""
    summary = "|\n  Ensimmäinen virke.\n  Toinen virke."
    site = check_site(make_project(tmp_path, one_file(practice(summary=summary)))).site
    assert [p.summary for p in site.practices if p.lang == "fi"] == ["Ensimmäinen virke.\nToinen virke."]


@pytest.mark.parametrize("written", ["criteria: Kaikki kuusi täyttyvät.", "criteria:"])
def test_criteria_written_as_one_text_are_shown_the_lines_to_write(tmp_path: Path, written: str) -> None:
    assert problems(tmp_path, one_file(practice(criteria=written))) == [
        f"content/fi/esimerkki.md:15:{11 if written.endswith('.') else 10}: criteria should hold the "
        "evidence for each criterion on a line of its own below it, two spaces in: '  goal-oriented: …', "
        "then customer-responsive, context-sensitive, high-impact, modellable and generalisable alike"
    ]


@pytest.mark.parametrize(
    ("title", "summary", "found"),
    [
        (
            '"**Uusi** malli"',
            "Katso <b>tämä</b>.",
            [("**", "it without Markdown or HTML"), ("<b>", "it without Markdown or HTML")],
        ),
        # Text copied from a web page's source keeps its entities.
        (
            "Kieli &amp; työ",
            "Kursseja&nbsp;aikuisille, &#8220;Kotona&#8221;.",
            [("&amp;", "& itself"), ("&nbsp;", "a space")],
        ),
    ],
)
def test_markup_in_the_title_or_the_summary_is_a_warning(
    tmp_path: Path, title: str, summary: str, found: list[tuple[str, str]]
) -> None:
    """They are plain text: on the page, in lists, in search results and in the open data."""
    files = pair()
    files["content/fi/esimerkki.md"] = practice(title=title).replace(
        "summary: Lyhyt kuvaus.", f"summary: {summary}"
    )
    (title_mark, title_fix), (summary_mark, summary_fix) = found
    shown = "would show on the page as written; write"
    assert [str(w) for w in check_site(make_project(tmp_path, files)).warnings] == [
        f"content/fi/esimerkki.md:3:8: warning: title is plain text, so '{title_mark}' {shown} " + title_fix,
        f"content/fi/esimerkki.md:5:10: warning: summary is plain text, so '{summary_mark}' {shown} "
        + summary_fix,
    ]


def test_a_title_another_practice_has_is_a_warning(tmp_path: Path) -> None:
    """A practice begun as a copy of another, given an id and a slug of its own as it is told,
    keeps the other's title until someone notices; two practices may share a name, though
    (two towns' language cafés), so it is a warning, at the later of the two."""
    files = {**pair(), **pair("other", "toinen", "annan")}
    files["content/fi/toinen.md"] = files["content/fi/toinen.md"].replace(
        "title: Esimerkkikäytäntö other", "title: esimerkkikäytäntö "
    )
    assert [str(w) for w in check_site(make_project(tmp_path, files)).warnings] == [
        "content/fi/toinen.md:3:8: warning: the title is also the title of content/fi/esimerkki.md; "
        "readers tell practices apart by their titles in lists and search results, so say what sets "
        "this one apart (its place or organisation, for example)"
    ]


def test_markup_in_any_plain_text_field_is_a_warning(tmp_path: Path) -> None:
    """Organisations, municipality, funding, the contact and link texts are shown as written
    too (text copied from a web page's source keeps its entities); a criterion's evidence is
    Markdown, and may have it."""
    files = pair()
    files["content/fi/esimerkki.md"] = (
        practice(
            extra="municipality: Turku &amp; Kaarina\n"
            "contact:\n  name: <b>Maija</b> Meikäläinen\n"
            "links:\n  - text: '[Raportti](https://example.fi)'\n    url: https://example.fi/raportti\n",
            criteria=CRITERIA.replace("eriarvoisuutta", "**eriarvoisuutta**", 1),
        )
        .replace("organisations: [Esimerkkikunta]", "organisations: [Esimerkkikunta, Kieli&nbsp;ry]")
        .replace("funding: ESR.", "funding: ESR &#38; kunta.")
    )
    shown = "would show on the page as written; write"
    warnings = [str(w) for w in check_site(make_project(tmp_path, files)).warnings]
    assert [w for w in warnings if "plain text" in w] == [
        f"content/fi/esimerkki.md:10:33: warning: item 2 of organisations is plain text, so '&nbsp;' {shown} "
        "a space",
        f"content/fi/esimerkki.md:13:10: warning: funding is plain text, so '&#38;' {shown} & itself",
        f"content/fi/esimerkki.md:22:15: warning: municipality is plain text, so '&amp;' {shown} & itself",
        f"content/fi/esimerkki.md:24:9: warning: contact name is plain text, so '<b>' {shown} it without "
        "Markdown or HTML",
        f"content/fi/esimerkki.md:26:11: warning: link text is plain text, so '](' {shown} it without "
        "Markdown or HTML",
    ]


def test_a_value_in_typographic_quotes_is_a_warning(tmp_path: Path) -> None:
    """A word processor, or a Mac's smart quotes, turn a value's quotes into ”…” or “…”, which
    YAML does not read as quotes: the page would show them. Quotes that are part of the text
    (two quoted names) are left alone."""
    files = pair()
    files["content/fi/esimerkki.md"] = (
        practice(title="”Kotona Suomessa”")
        .replace("funding: ESR.", "funding: “Euroopan sosiaalirahasto”")
        .replace("organisations: [Esimerkkikunta]", "organisations: [Esimerkkikunta, «Yhdistys ry»]")
    )
    files["content/sv/esimerkki.md"] = practice("sample", "exempel", title="”Hemma” och ”Arbete”")
    typographic = (
        "which YAML keeps as part of the text, so the page shows them; remove them unless they belong "
        'to the text (the quotes YAML reads are straight: "…")'
    )
    warnings = check_site(make_project(tmp_path, files)).warnings
    assert [str(w) for w in warnings if "typographic" in str(w)] == [
        f"content/fi/esimerkki.md:3:8: warning: title is in typographic quotes (”…”), {typographic}",
        f"content/fi/esimerkki.md:10:33: warning: item 2 of organisations is in typographic quotes («…»), "
        f"{typographic}",
        f"content/fi/esimerkki.md:13:10: warning: funding is in typographic quotes (“…”), {typographic}",
    ]


def test_texts_left_word_for_word_as_in_the_other_language_are_a_warning(tmp_path: Path) -> None:
    """A translation started from a copy of the other file (the web editor's 'copy from'
    button) and not finished would publish one language's text on the other's site. A line
    of fewer than eight words may well be the same in both (a name, an address), and so may a
    source, cited in the language it was published in; the warning goes to the translation,
    the file with translated_from, or else the Swedish one."""
    long_fi = "Ryhmät kokoontuivat kahdesti viikossa kirjaston tiloissa koko vuoden ajan."
    source = (
        "- Kotoutumisen osaamiskeskus (2023). Kotoutumisen hyvät käytännöt: arviointikehikko ja kriteerit."
    )
    body_fi = f"## Tausta\n\n{long_fi}\n\nHanke päättyi vuonna 2019 Turussa.\n\n{long_fi} Lisäksi.\n"
    body_sv = f"## Bakgrund\n\n{long_fi}\n\nHanke päättyi vuonna 2019 Turussa.\n\n{long_fi} Lisäksi.\n"
    body_fi += f"\n## Lähteet\n\n{source}\n"
    body_sv += f"\n## Källor\n\n{source}\n"
    criteria = CRITERIA_SV.replace("Minskar ojämlikheten.", "Vähentää eriarvoisuutta.").replace(
        "Stegen är beskrivna.", "Vaiheet on kuvattu."
    )
    files = {
        **pair(body=body_fi),
        "content/sv/esimerkki.md": practice(
            "sample", "exempel", title="Exempel", criteria=criteria, body=body_sv
        ),
        **pair("other", "toinen", "annan"),
    }
    files["content/fi/toinen.md"] = practice(
        "other", "toinen", "Toinen", summary="Kort beskrivning.", extra="translated_from: 0123456789ab"
    )
    same = "so one of the two is not translated"
    warnings = check_site(make_project(tmp_path, files)).warnings
    assert [str(w) for w in warnings if "out of date" not in w.message] == [
        "content/fi/toinen.md:5:10: warning: the summary is word for word as in "
        f"content/sv/toinen.md, {same}",
        "content/sv/esimerkki.md:5:10: warning: the summary is word for word as in "
        f"content/fi/esimerkki.md, {same}",
        "content/sv/esimerkki.md:15:1: warning: the evidence for goal-oriented, modellable is word for "
        f"word as in content/fi/esimerkki.md, {same}",
        "content/sv/esimerkki.md:25:1: warning: this line is word for word line 25 of "
        "content/fi/esimerkki.md, "
        f"and so is 1 more line below it, {same} (a line meant to be the same in both languages can stay; "
        "sources listed under ## Lähteet or ## Källor are not compared)",
    ]


def test_a_text_in_the_other_language_than_its_folder_is_a_warning(tmp_path: Path) -> None:
    """A Swedish version saved in content/fi, or a Finnish text pasted over a Swedish one,
    would be published on the other language's pages. A text with a few words of the other
    language (a name, a quotation) is in its own."""
    swedish = (
        "## Bakgrund\n\nMånga som har flyttat till Finland kan inte delta i utbildningen, och det finns "
        "inte alltid en plats för dem. Föreningen ville därför ge dem en väg framåt, med stöd som "
        "passar deras liv och som är lätt att hitta.\n"
    )
    finnish = (
        "## Tausta\n\nKaikki maahan muuttaneet eivät pääse koulutukseen, ja osa on ollut kotona lasten "
        "kanssa. Yhdistys halusi tarjota heille polun eteenpäin, ja se teki sen yhdessä kunnan kanssa, "
        "kun ’Närpes stad och föreningen’ oli mukana. Myös järjestöt olivat mukana.\n"
    )
    files = {
        **pair(body=swedish),
        "content/sv/esimerkki.md": practice(
            "sample", "exempel", summary="Kort.", criteria=CRITERIA_SV, body=finnish
        ),
        **pair("other", "toinen", "annan", body=finnish),
    }
    files["content/sv/toinen.md"] = practice(
        "other", "annan", "Annan", summary="Kort.", criteria=CRITERIA_SV, body=swedish
    )
    assert [str(w) for w in check_site(make_project(tmp_path, files)).warnings] == [
        "content/fi/esimerkki.md:23:1: warning: the text is in Swedish, but the file is in content/fi/, so "
        "it would be published on the Finnish pages; move a Swedish version to content/sv/, or write the "
        "text in Finnish",
        "content/sv/esimerkki.md:23:1: warning: the text is in Finnish, but the file is in content/sv/, so "
        "it would be published on the Swedish pages; move a Finnish version to content/fi/, or write the "
        "text in Swedish",
    ]
    for file, line in (
        ("content/sv/esimerkki.md", "draft: true"),
        ("content/fi/esimerkki.md", "translation_pending: true"),
    ):
        files[file] = files[file].replace("published:", f"{line}\npublished:")
    warnings = check_site(make_project(tmp_path / "draft", files)).warnings
    assert [w.path.as_posix() for w in warnings if "the text is in" in w.message] == [
        "content/fi/esimerkki.md"  # a draft is work in progress: its translation may be under way
    ]


def test_a_heavy_image_is_a_warning(tmp_path: Path) -> None:
    """A photo straight from a camera, published as it is, would make a phone wait."""
    files: dict[str, str | bytes] = {
        **pair(),
        "static/images/Kuva.JPG": b"x" * 3_400_000,
        "static/images/pieni.png": b"x" * 300_000,
        "static/raportti.pdf": b"x" * 5_000_000,  # a document is opened on purpose
    }
    assert [str(w) for w in check_site(make_project(tmp_path, files)).warnings] == [
        "static/images/Kuva.JPG:1:1: warning: the image is 3.4 MB, which a reader on a phone downloads in "
        "full; save it smaller: about 1,600 pixels wide, as JPEG or WebP, under 500 kB"
    ]


def test_an_address_part_too_long_for_a_folder_name_is_refused(tmp_path: Path) -> None:
    """A slug, an id, an alias, a part of a redirect's address or a vocabulary label's address
    becomes a folder of the output, whose name a file system keeps within 255 bytes: a longer
    one ended the build in 'OSError: File name too long'."""
    long = "-".join(["kotoutuminen"] * 25)  # 324 characters
    files = pair()
    files["content/fi/esimerkki.md"] = practice(extra=f"aliases: [{long}]")
    files["content/redirects.yaml"] = f"fi/{long}/: fi/kaytannot/\n"
    vocabulary = (ROOT / "content/vocabulary.yaml").read_text(encoding="utf-8")
    label = "    fi: Kotoutumiskoulutus ja kielikoulutus\n"
    files["content/vocabulary.yaml"] = vocabulary.replace(label, f"    fi: {' '.join(['Kieli'] * 30)}\n")
    assert problems(tmp_path, files) == [
        "content/vocabulary.yaml:23:9: the 'fi' label of 'integration-training' makes an address of 179 "
        "characters ('kieli-kieli-kieli-kieli-kieli-kieli-kieli-kieli-kieli-kieli…'); keep the label "
        "shorter, within 120",
        "content/fi/esimerkki.md:22:11: aliases is 324 characters long; keep it within 120 (an earlier page "
        "address), for example 'kotoutuminen-kotoutuminen-kotoutuminen-kotoutuminen'",
        "content/redirects.yaml:1:1: the part 'kotoutuminen-kotoutuminen-kotoutuminen-kotoutuminen…' of "
        "this address is 324 characters long; keep each part within 120",
    ]


def test_an_optional_field_left_empty_is_one_not_given(tmp_path: Path) -> None:
    """`end_year:` with nothing after it, as in a file copied from another practice and emptied,
    means no end year (the web editor leaves such a line out)."""
    files = pair()
    for name in ("end_year", "municipality", "updated", "aliases", "draft", "contact"):
        files["content/fi/esimerkki.md"] = files["content/fi/esimerkki.md"].replace(
            "published: 2017-01-02", f"published: 2017-01-02\n{name}:"
        )
    (fi,) = [p for p in check_site(make_project(tmp_path, files)).site.practices if p.lang == "fi"]
    assert (fi.end_year, fi.municipality, fi.updated, fi.aliases, fi.draft, fi.contact) == (
        None,
        None,
        None,
        (),
        False,
        None,
    )


def test_a_quoted_year_is_a_year(tmp_path: Path) -> None:
    root = make_project(tmp_path, one_file(practice().replace("start_year: 2016", 'start_year: "2016"')))
    assert check_site(root).site.practices[0].start_year == 2016


def test_key_given_twice(tmp_path: Path) -> None:
    """Reported with the file's other problems, which are checked in the value YAML reads (the
    later one), at its line."""
    text = practice(extra="title: Toinen\nstart_year: 16").replace(
        "funding: ESR.", "funding: ESR.\nregions: [uusima]"
    )
    assert problems(tmp_path, one_file(text)) == [
        "content/fi/esimerkki.md:14:1: 'regions' is given twice (first on line 9); keep only one",
        "content/fi/esimerkki.md:14:11: unknown regions code 'uusima'; did you mean 'uusimaa' (Uusimaa)?",
        "content/fi/esimerkki.md:23:1: 'title' is given twice (first on line 3); keep only one",
        "content/fi/esimerkki.md:24:1: 'start_year' is given twice (first on line 12); keep only one",
        "content/fi/esimerkki.md:24:13: start_year should be a year such as 2016, not 16",
    ]


def test_two_practices_with_the_same_id(tmp_path: Path) -> None:
    files = {**pair(), "content/fi/toinen.md": practice("sample", "toinen")}
    assert problems(tmp_path, files) == [
        "content/fi/toinen.md:2:5: id 'sample' is already used by content/fi/esimerkki.md; if this file is "
        "another practice, give it an id of its own, such as 'toinen'; if it is the same "
        "practice, keep only one of the two files"
    ]


def test_a_file_given_another_practices_id_is_told_the_id_of_its_twin_by_name(tmp_path: Path) -> None:
    """A Finnish file given the id of another practice, beside a Swedish file of the same name
    whose id has no Finnish version: one message, at the id, with the id to give. The Swedish
    file is not told to add content/fi/other.md (content/fi/toinen.md is its Finnish version),
    nor the Finnish file that its slug is 'a different practice's'."""
    twin = pair("other", "toinen", "toinen")
    twin["content/fi/toinen.md"] = twin["content/fi/toinen.md"].replace("id: other", "id: sample")
    root = make_project(tmp_path, {**pair(), **twin})
    with pytest.raises(ContentError) as raised:
        check_site(root)
    assert [str(problem) for problem in raised.value.problems] == [
        "content/fi/toinen.md:2:5: id 'sample' is already used by content/fi/esimerkki.md; if this file "
        "is the Finnish version of content/sv/toinen.md, give it that file's id: other; if it is the "
        "same practice as content/fi/esimerkki.md, keep only one of the two files"
    ]


def test_two_practices_with_the_same_url(tmp_path: Path) -> None:
    files = {
        **pair(),
        "content/fi/toinen.md": practice("other", "esimerkki", "Toinen", extra="translation_pending: true"),
    }
    assert problems(tmp_path, files) == [
        "content/fi/toinen.md:4:7: slug 'esimerkki' is already the slug of content/fi/esimerkki.md; "
        "two practices cannot share an address, so choose another, such as 'toinen'"
    ]


def test_of_two_practices_at_one_address_the_later_published_is_told_to_move(tmp_path: Path) -> None:
    """A new practice that takes a published one's address is the one reported, wherever its
    file sorts: moving the published practice would break its links."""
    new = practice("uusi", "esimerkki", "Uusi käytäntö", extra="translation_pending: true").replace(
        "published: 2017-01-02", "published: 2024-05-01"
    )
    assert problems(tmp_path, {**pair(), "content/fi/aaa-uusi.md": new}) == [
        "content/fi/aaa-uusi.md:4:7: slug 'esimerkki' is already the slug of content/fi/esimerkki.md; "
        "two practices cannot share an address, so choose another, such as 'uusi-kaytanto'"
    ]


def test_of_two_practices_published_the_same_day_the_copy_is_told_to_move(tmp_path: Path) -> None:
    """A practice begun as a copy of another keeps its id, slug and date, but not its file
    name (which for a practice is its id): the copy is reported, wherever its file sorts."""
    files = {
        **pair("esimerkki", "esimerkki"),
        "content/fi/Kopio.md": practice("esimerkki", "esimerkki", title="Uusi"),
    }
    assert problems(tmp_path, files) == [
        "content/fi/Kopio.md:2:5: id 'esimerkki' is already used by content/fi/esimerkki.md; if this file is "
        "another practice, give it an id of its own, such as 'uusi'; if it is the same practice, keep only "
        "one of the two files",
        "content/fi/Kopio.md:4:7: slug 'esimerkki' is already the slug of content/fi/esimerkki.md; "
        "two practices cannot share an address, so choose another, such as 'uusi'",
    ]


def test_file_without_front_matter(tmp_path: Path) -> None:
    assert problems(tmp_path, one_file("Pelkkää tekstiä.\n")) == [
        "content/fi/esimerkki.md:1:1: the file has no front matter; it must start with a line "
        "'---', then the fields (id, title, ...), then another '---' line before the text"
    ]


@pytest.mark.parametrize(
    ("body", "line"),
    [("## Tausta\n\nTeksti.\n", 22), ("Teksti ilman otsikkoa.\n", 22), ("Huom: teksti.\n", 1)],
)
def test_a_front_matter_not_closed_is_reported_where_the_text_starts(
    tmp_path: Path, body: str, line: int
) -> None:
    """Where the closing '---' was deleted, the first line of the text is where it goes back (a
    line that could be a field, 'Huom: …', leaves the file's first line to report it at)."""
    text = practice(body=body).replace("\n---\n", "\n", 1)
    here = "above this line, after the last field" if line > 1 else "after the last field"
    assert problems(tmp_path, one_file(text)) == [
        f"content/fi/esimerkki.md:{line}:1: the front matter is not closed; add a line '---' {here}"
    ]


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    latin1 = (
        practice().encode("utf-8").replace("Esimerkkikäyt".encode(), "Esimerkkik\xe4yt".encode("latin-1"))
    )
    assert problems(tmp_path, one_file(latin1)) == [
        "content/fi/esimerkki.md:3:18: the file is not UTF-8 text (byte 0xe4 cannot be read); "
        "save it with UTF-8 encoding"
    ]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_a_file_saved_as_utf16_is_named_so_and_its_twin_is_not_reported_missing(
    tmp_path: Path, encoding: str
) -> None:
    """Windows Notepad saves UTF-16 when 'Unicode' is chosen: the message says so, and the
    Swedish twin is not reported as lacking a Finnish version, which is there."""
    text = practice().encode(encoding)
    text = text if text.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else codecs.BOM_UTF16_BE + text
    assert problems(tmp_path, {**pair(), "content/fi/esimerkki.md": text}) == [
        "content/fi/esimerkki.md:1:1: the file is saved as UTF-16 text (which Windows Notepad calls "
        "'Unicode'); save it with UTF-8 encoding"
    ]


@pytest.mark.parametrize(
    ("swedish", "message"),
    [
        (
            "",
            "1:1: the file has no front matter; it must start with a line '---', then the fields (id, "
            "title, ...), then another '---' line before the text",
        ),
        (
            pair("esimerkki")["content/sv/esimerkki.md"].replace("id: esimerkki\n", ""),
            "2:1: the required field 'id' is missing; add a line such as: id: esimerkki",
        ),
    ],
)
def test_a_file_whose_id_cannot_be_read_is_its_twins_version_by_name(
    tmp_path: Path, swedish: str, message: str
) -> None:
    """A Swedish file left empty, or without its id (a translation begun from a blank file):
    the Finnish file of the same name, which the web editor pairs it with, is not told to add
    a Swedish version, which is there; a missing id is given the file's name, as the files of
    a practice are named after its id."""
    files = {**pair("esimerkki"), "content/sv/esimerkki.md": swedish}
    assert problems(tmp_path, files) == [f"content/sv/esimerkki.md:{message}"]


@pytest.mark.parametrize(
    ("front", "message"),
    [
        (
            "id: a\n\ttitle: x",
            "3:1: invalid YAML: the line starts with a tab, which YAML does not take; start the line "
            "with the field's name, as a field of its own does: title: x",
        ),
        (
            "id: a\ncontact:\n\tname: Liisa",
            "4:1: invalid YAML: the line starts with a tab, which YAML does not take; write 2 spaces in "
            "its place, as a line under contact: needs: '  name: Liisa'",
        ),
        (
            "id: a\ncontact:\n  name: Liisa\n\temail: liisa@example.fi",
            "5:1: invalid YAML: the line starts with a tab, which YAML does not take; write 2 spaces in "
            "its place, as the line above has: '  email: liisa@example.fi'",
        ),
        (
            "id: a\nlinks:\n  - text: Migri\n\turl: https://migri.fi/",
            "5:1: invalid YAML: the line starts with a tab, which YAML does not take; write 4 spaces in "
            "its place, as a field of the list item above needs: '    url: https://migri.fi/'",
        ),
        (
            "id: a\norganisations:\n  - Kela\n\t- Migri",
            "5:1: invalid YAML: the line starts with a tab, which YAML does not take; write 2 spaces in "
            "its place, as the line above has: '  - Migri'",
        ),
    ],
)
def test_a_tab_gets_the_spaces_its_place_needs(tmp_path: Path, front: str, message: str) -> None:
    """The front matter is read on with the line so mended: the tab is its only YAML mistake."""
    found = problems(tmp_path, one_file(f"---\n{front}\n---\n"))
    assert [p for p in found if "invalid YAML" in p] == [f"content/fi/esimerkki.md:{message}"]


def test_a_tab_after_a_colon_gets_a_space_where_yaml_refuses_it() -> None:
    """libyaml takes a tab after a colon (pasted from a spreadsheet); PyYAML's own reader, which
    the build uses where libyaml is not installed, does not."""
    import yaml

    from catalogue.content.yaml_errors import yaml_problem

    with pytest.raises(yaml.YAMLError) as raised:
        yaml.load("id: a\ntitle:\tKielikahvila\n", Loader=yaml.SafeLoader)
    assert str(
        yaml_problem(raised.value, PurePath("content/fi/a.md"), 2, "id: a\ntitle:\tKielikahvila").problem
    ) == (
        "content/fi/a.md:3:7: invalid YAML: there is a tab in the line; YAML needs an ordinary space "
        "there: title: Kielikahvila"
    )


def test_unknown_field_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    assert problems(tmp_path, one_file(practice(extra="theme: [x]"))) == [
        "content/fi/esimerkki.md:22:1: unknown field 'theme'; did you mean 'themes'?"
    ]


def test_a_field_named_in_finnish_or_swedish_is_told_its_name_once(tmp_path: Path) -> None:
    """A field named in the editor's own language (a word of their own, or the web editor's
    label, in a contact and a link too) is one message that names the field meant, not that
    and a required field missing; its value is checked as the field meant, at its line. With
    two such names and two fields missing, which is which is not guessed. A contact's or link's
    part misspelt is one message too."""
    contact = "contact:\n  Nimi: Maija\n  sähköposti: maija(at)example.fi\nlinks:\n- teksti: Migri\n  url: https://migri.fi/"
    links = "links:\n- text: Migri\n  linkki: https://migri.fi/"
    files = {
        "content/fi/a.md": practice("a", "a", extra=contact).replace("title:", "otsikko:"),
        "content/fi/b.md": practice("b", "b").replace("summary:", "Tiivistelmä:"),
        "content/fi/c.md": practice("c", "c").replace("title:", "otsikko:").replace("summary:", "kuvaus:"),
        "content/fi/d.md": practice("d", "d").replace("title:", "Rubrik:"),
        "content/fi/e.md": practice("e", "e", extra="Nimi: Toinen nimi"),
        "content/fi/f.md": practice("f", "f", extra=f"contact:\n  nmae: Maija\n{links}"),
        "content/fi/g.md": practice("g", "g", extra="contact:\n  henkilö: Maija\n  email: m@example.fi"),
    }
    english = "field names are the same English words in both languages"
    fields = "; the fields are: " + ", ".join(FIELDS_BY_NAME)
    assert problems(tmp_path, waited_for(files)) == [
        f"content/fi/a.md:3:10: unknown field 'otsikko': {english}; did you mean 'title'?",
        f"content/fi/a.md:23:9: unknown field 'Nimi' in contact: {english}; did you mean 'name'?",
        "content/fi/a.md:24:15: 'maija(at)example.fi' is not an e-mail address such as name@example.fi",
        f"content/fi/a.md:24:15: unknown field 'sähköposti' in contact: {english}; did you mean 'email'?",
        f"content/fi/a.md:26:11: unknown field 'teksti' in item 1 of links: {english}; did you mean 'text'?",
        f"content/fi/b.md:5:14: unknown field 'Tiivistelmä': {english}; did you mean 'summary'?",
        "content/fi/c.md:2:1: the required field 'summary' is missing; add a line such as: summary: "
        "Yksi tai kaksi virkettä käytännöstä.",
        "content/fi/c.md:2:1: the required field 'title' is missing; add a line such as: title: "
        "Närpiön malli",
        f"content/fi/c.md:3:10: unknown field 'otsikko'{fields}",
        f"content/fi/c.md:5:9: unknown field 'kuvaus'{fields}",
        f"content/fi/d.md:3:9: unknown field 'Rubrik': {english}; did you mean 'title'?",
        f"content/fi/e.md:22:7: unknown field 'Nimi': {english}; did you mean 'title'?",
        "content/fi/f.md:23:9: unknown field 'nmae' in contact; did you mean 'name'?",
        f"content/fi/f.md:26:11: unknown field 'linkki' in item 1 of links: {english}; did you mean 'url'?",
        f"content/fi/g.md:23:12: unknown field 'henkilö' in contact: {english}; did you mean 'name'?",
    ]


def test_a_field_name_yaml_reads_as_another_type_is_told_as_written(tmp_path: Path) -> None:
    """YAML reads 'yes' and '~' as true and nothing: the message names them as written, at their line."""
    fields = "; the fields are: " + ", ".join(FIELDS_BY_NAME)
    assert problems(tmp_path, one_file(practice(extra="yes: x\n~: y"))) == [
        f"content/fi/esimerkki.md:22:6: unknown field 'yes'{fields}",
        f"content/fi/esimerkki.md:23:4: unknown field '~'{fields}",
    ]


def test_draft_must_be_true_or_false(tmp_path: Path) -> None:
    assert problems(tmp_path, one_file(practice(extra="draft: maybe"))) == [
        "content/fi/esimerkki.md:22:8: draft should be true or false, not 'maybe'"
    ]


def test_a_link_that_would_lead_nowhere_is_reported_at_its_address(tmp_path: Path) -> None:
    body = (
        "## Linkit\n\n[Palvelu](www.kotoutuminen.fi) ja [ohje](../ohje) ja [tyhjä]() ja "
        '<a href="sivu.html">sivu</a> ja [ftp](ftp://x.fi), mutta `[koodi](x)`, [osio](#linkit), '
        "[a](https://x.fi), [b](mailto:a@x.fi) ja [c](practice:sample) käyvät.\n\n[viite]: x.fi/a/\n"
    )
    assert problems(tmp_path, one_file(practice(body=body))) == [
        "content/fi/esimerkki.md:25:11: the link 'www.kotoutuminen.fi' has no https:// in front, so it "
        "would lead to a missing page of this site; write it in full: https://www.kotoutuminen.fi",
        "content/fi/esimerkki.md:25:42: the link '../ohje' would lead to a missing page of this site; write "
        "a web address in full (https://…), or link to another practice (practice:its-id), a file "
        "(/static/…) or a heading (#…)",
        "content/fi/esimerkki.md:25:62: the link has no address; write it between the brackets",
        "content/fi/esimerkki.md:25:76: the link 'sivu.html' would lead to a missing page of this site; "
        "write a web address in full (https://…), or link to another practice (practice:its-id), a file "
        "(/static/…) or a heading (#…)",
        "content/fi/esimerkki.md:27:10: the link 'x.fi/a/' has no https:// in front, so it would lead to a "
        "missing page of this site; write it in full: https://x.fi/a/",
    ]


def test_an_address_of_this_site_without_its_first_slash_gets_the_slash(tmp_path: Path) -> None:
    """static/kuva.jpg on the page at /fi/kaytannot/x/ would be /fi/kaytannot/x/static/kuva.jpg."""
    body = "## Kuvat\n\n![Ryhmä](static/kuva.jpg) ja [teemat](./fi/teemat/)\n"
    assert problems(tmp_path, one_file(practice(body=body))) == [
        "content/fi/esimerkki.md:25:10: the address 'static/kuva.jpg' needs a slash in front, or it leads "
        "nowhere: /static/kuva.jpg",
        "content/fi/esimerkki.md:25:39: the address './fi/teemat/' needs a slash in front, or it leads "
        "nowhere: /fi/teemat/",
    ]


def test_a_picture_linked_as_github_shows_it_gets_the_address_the_site_needs(tmp_path: Path) -> None:
    """GitHub's preview of content/fi/x.md reads ../../static/images/kuva.png from the file's
    folder and shows the picture; the site reads it from the page's address, and shows none.
    A picture named alone was meant to be beside the text, where the site has none."""
    body = "## Kuvat\n\n![Ryhmä](../../static/images/kuva.png)\n\n![Kartta](kartta.JPG)\n"
    assert problems(tmp_path, one_file(practice(body=body))) == [
        "content/fi/esimerkki.md:25:10: the address '../../static/images/kuva.png' is read from the "
        "file's folder in GitHub's preview, but from the page's address on the site, where it leads "
        "nowhere; write it from the site's root: /static/images/kuva.png",
        "content/fi/esimerkki.md:27:11: the picture 'kartta.JPG' is looked for beside the page, where "
        "there is none; save it under static/images/ and write its address from there: "
        "/static/images/kartta.JPG",
    ]


def test_a_link_to_a_practices_file_gets_the_link_to_the_practice(tmp_path: Path) -> None:
    """GitHub's preview follows a link to another practice's file (named by its id); the site
    has no such file, but the practice's page."""
    body = "## Linkit\n\n[AlkuKiri](alkukiri.md), [ruotsiksi](../sv/arjen-apu.md#tausta)\n"
    assert problems(tmp_path, one_file(practice(body=body))) == [
        "content/fi/esimerkki.md:25:12: the link 'alkukiri.md' leads to a practice's file, which GitHub's "
        "preview follows but the site does not have; link to the practice by its id: practice:alkukiri",
        "content/fi/esimerkki.md:25:38: the link '../sv/arjen-apu.md#tausta' leads to a practice's file, "
        "which GitHub's preview follows but the site does not have; link to the practice by its id: "
        "practice:arjen-apu#tausta",
    ]


def test_a_link_whose_text_does_not_say_where_it_leads_is_a_warning(tmp_path: Path) -> None:
    """A screen reader lists a page's links by their text: 'tästä' and 'här' say nothing there
    (WCAG 2.4.4); so do the links: of the front matter. A text that names where it leads is left
    alone, however short."""
    body = (
        "## Linkit\n\nRaportti on [tästä](https://example.fi/r.pdf), [Lue lisää…](https://migri.fi/) "
        "ja [Migri](https://migri.fi/).\n"
    )
    sv_body = '## Länkar\n\nRapporten finns <a href="https://example.fi/r.pdf">här</a>.\n'
    links = "links:\n  - text: Lue lisää\n    url: https://migri.fi/"
    files = pair(body=body, extra=links)
    files["content/sv/esimerkki.md"] = practice("sample", "exempel", body=sv_body, criteria=CRITERIA_SV)
    found = [str(w) for w in check_site(make_project(tmp_path, files)).warnings if "link text" in str(w)]
    says = (
        "does not say where the link leads, and screen readers list a page's links by their text "
        "alone; name what it leads to instead (the report, the service)"
    )
    assert found == [
        f"content/fi/esimerkki.md:23:11: warning: the link text 'Lue lisää' {says}",
        f"content/fi/esimerkki.md:28:13: warning: the link text 'tästä' {says}",
        f"content/fi/esimerkki.md:28:48: warning: the link text 'Lue lisää…' {says}",
        f"content/sv/esimerkki.md:25:17: warning: the link text 'här' {says}",
    ]


def test_a_link_to_a_page_this_site_does_not_have_is_reported(tmp_path: Path) -> None:
    body = (
        "## Linkit\n\n[Teemat](/fi/teemat/), [tämä](/fi/kaytannot/esimerkki#linkit), [etusivu](/) ja "
        '[vanha](/fi/kaytannot/poistettu/) ja <a href="/sv/ingen/">ingen</a>\n\n'
        "[koko osoite](https://hyvatkaytannot.kotoutuminen.fi/fi/teemat/ei-ole/)\n"
    )
    assert problems(tmp_path, one_file(practice(body=body))) == [
        "content/fi/esimerkki.md:25:88: the link '/fi/kaytannot/poistettu/' leads to no page of this site; "
        "check the address, or link to another practice with practice:its-id, which keeps working when "
        "its address changes",
        "content/fi/esimerkki.md:25:126: the link '/sv/ingen/' leads to no page of this site; check the "
        "address, or link to another practice with practice:its-id, which keeps working when its address "
        "changes",
        "content/fi/esimerkki.md:27:15: the link 'https://hyvatkaytannot.kotoutuminen.fi/fi/teemat/ei-ole/' "
        "leads to no page of this site; check the address, or link to another practice with "
        "practice:its-id, which keeps working when its address changes",
    ]


def test_a_link_to_the_other_languages_page_of_a_practice_is_told_to_link_by_id(tmp_path: Path) -> None:
    """A translator who keeps the Finnish text's link (/fi/kaytannot/…) sends Swedish readers to
    the Finnish page: a warning gives the link by id, which leads to the text's own language. A
    link to the practice's page in the text's language is fine."""
    files = {
        **pair("other", "toinen", "annan"),
        "content/fi/esimerkki.md": practice(body="## Tausta\n\nKatso [toinen](/sv/k/other/).\n"),
        "content/sv/esimerkki.md": practice(
            slug="exempel",
            title="Exempelpraxis",
            summary="Kort beskrivning.",
            criteria=CRITERIA_SV,
            body="## Bakgrund\n\nSe [annan](/fi/kaytannot/toinen/) och [den](/sv/praxis/annan/).\n",
        ),
    }
    told = (
        "link it by its id, practice:other, which leads to the version in the text's language (or says "
        "it is not translated yet)"
    )
    assert [str(w) for w in check_site(make_project(tmp_path, files)).warnings] == [
        "content/fi/esimerkki.md:25:16: warning: the link leads to the Swedish version of a practice, but "
        f"this text is in Finnish; {told}",
        "content/sv/esimerkki.md:25:12: warning: the link leads to the Finnish version of a practice, but "
        f"this text is in Swedish; {told}",
    ]


def test_a_link_with_a_slip_in_its_address_gets_the_address_meant(tmp_path: Path) -> None:
    """What would be right: the address of that folder of the site the link's last part is
    closest to; for a practice, its link by id, which keeps working when its address changes."""
    body = (
        "## Linkit\n\n[Esimerkki](/fi/kaytannot/esimerki/), "
        "[teema](/fi/teemat/kotoutumiskoulutus-ja-kieli/) ja [muu](/fi/teemat/ei-ole/)\n"
    )
    assert problems(tmp_path, one_file(practice(body=body))) == [
        "content/fi/esimerkki.md:25:13: the link '/fi/kaytannot/esimerki/' leads to no page of this site; "
        "did you mean practice:sample (the practice at /fi/kaytannot/esimerkki/)? A link by id keeps "
        "working when the practice's address changes",
        "content/fi/esimerkki.md:25:47: the link '/fi/teemat/kotoutumiskoulutus-ja-kieli/' leads to no "
        "page of this site; did you mean /fi/teemat/kotoutumiskoulutus-ja-kielikoulutus/?",
        "content/fi/esimerkki.md:25:97: the link '/fi/teemat/ei-ole/' leads to no page of this site; check "
        "the address, or link to another practice with practice:its-id, which keeps working when its "
        "address changes",
    ]


def test_a_link_to_no_page_is_reported_while_files_have_other_mistakes(tmp_path: Path) -> None:
    """Every problem at once: a mistake in a file's front matter (or in another file) does not
    hide a link that leads nowhere. A link to an address a file with mistakes declares (its
    slug, an alias, its short link) is not reported meanwhile; nor, while a file's front matter
    cannot be read at all, one into the practices of its language, which it might be."""
    links = (
        "[vanha](/fi/kaytannot/poistettu/), [tämä](/fi/kaytannot/esimerkki/), [ennen](/fi/kaytannot/"
        "aiempi/), [toinen](/fi/kaytannot/toinen/), [lyhyt](/sv/k/sample/) ja [ei](/fi/ei-ole/)"
    )
    files = {
        **one_file(practice(extra="end_year: pian\naliases: [aiempi]", body=f"## Linkit\n\n{links}\n")),
        **pair("other", "toinen", "annan"),
        "content/sv/trasig.md": '---\nid: trasig\ntitle: "Hem: start\n---\n[a](/sv/praxis/x/) [b](/fi/ei/)\n',
    }
    nowhere = (
        "leads to no page of this site; check the address, or link to another practice with practice:its-id, "
        "which keeps working when its address changes"
    )
    found = problems(tmp_path, files)
    assert [p for p in found if "leads to no page" in p] == [
        f"content/fi/esimerkki.md:27:9: the link '/fi/kaytannot/poistettu/' {nowhere}",
        f"content/fi/esimerkki.md:27:166: the link '/fi/ei-ole/' {nowhere}",
        f"content/sv/trasig.md:5:24: the link '/fi/ei/' {nowhere}",
    ]
    assert any("content/fi/esimerkki.md:22:11: end_year should be" in p for p in found)


def test_a_link_to_no_page_in_a_copy_of_a_practice_is_reported_in_the_copy(tmp_path: Path) -> None:
    """A practice copied to start another keeps its id: both files are read, and each link is
    reported in the file that has it."""
    files = {
        **pair(body="## Tausta\n\n[a](/fi/ei-ole/)\n"),
        "content/fi/kopio.md": practice(slug="kopio", body="## Tausta\n\nTeksti ja [b](/fi/ei-kumpikaan/)\n"),
    }
    found = [p.split(": the link")[0] for p in problems(tmp_path, files) if "leads to no page" in p]
    assert found == [
        "content/fi/esimerkki.md:25:5",
        "content/fi/kopio.md:25:15",
        "content/sv/esimerkki.md:25:5",
    ]


def test_a_link_to_this_site_by_its_full_address_gets_the_address_to_write(tmp_path: Path) -> None:
    """An address copied from the browser: it works, but leads from the preview to the published
    site, and breaks if the site moves. Addresses of other sites, and of files, are no concern
    of this check."""
    site = "https://hyvatkaytannot.kotoutuminen.fi"
    body = (
        f"## Linkit\n\n[Esimerkki]({site}/fi/kaytannot/esimerkki/#linkit), [teemat](http://HYVATKAYTANNOT."
        f"kotoutuminen.fi/fi/teemat/), [lyhyt]({site}/sv/k/sample/) ja [muu](https://kotoutuminen.fi/fi/) "
        f"[opas]({site}/static/opas.pdf) [haku]({site}/fi/haku/?region=uusimaa#tulokset).\n"
    )
    root = make_project(tmp_path, pair(body=body))
    found = [str(p) for p in check_site(root).warnings if "full address" in str(p)]
    fix = (
        "the link gives this site's full address, which leads away from the preview and breaks if the "
        "site moves"
    )
    written = [
        (13, "practice:sample#linkit"),
        (94, "/fi/teemat/"),
        (153, "practice:sample"),
        (314, "/fi/haku/?region=uusimaa#tulokset"),
    ]
    assert found == [
        f"content/{file}:25:{column}: warning: {fix}; write the address as {address}"
        for file in ("fi/esimerkki.md", "sv/esimerkki.md")
        for column, address in written
    ]


def test_a_link_to_a_section_its_page_does_not_have_is_told_the_headings_there_are(tmp_path: Path) -> None:
    """A heading's id comes from its text (## Tulokset → #tulokset): a link to a section that
    is not there (a heading renamed, a typo) opens the page at its top. Each link to a
    practice's section is checked against that practice's page in the link's language: its
    text's headings, its criteria and the page's own parts; a link on an about page against
    that page. #top, and links to pages that are not a practice's, are left alone. A link
    copied from the other language's text is told the heading in the same place."""
    body = (
        "## Tausta\n\nKatso [tulokset](#tulos), [toinen](practice:toinen#tausta), [sen tulokset]"
        "(practice:toinen#tulokset), [osoitteella](/fi/kaytannot/toinen/#tulos) ja [ylös](#top).\n\n"
        "## Huomioitavaa käyttöönotossa\n\n[Kriteeri](#criterion-high-impact), [kuvaus](#description), "
        "[tämä](#huomioitavaa-kayttoonotossa), [teemat](/fi/teemat/#main), "
        "[tavoitteet](practice:toinen#tausta-ja-t).\n"
    )
    criteria = CRITERIA.replace("Vähentää eriarvoisuutta.", "Katso [tausta](#tausta) ja [x](#ei-ole).")
    about = (ROOT / "content/pages/fi/about.md").read_text(encoding="utf-8")
    sv_body = (
        "## Bakgrund\n\n[Resultat](practice:toinen#resultat), [resultaten](practice:toinen#tulokset).\n\n"
        "## Att tänka på\n\n[Se ovan](#huomioitavaa-kayttoonotossa).\n"
    )
    files = {
        "content/fi/esimerkki.md": practice(body=body, criteria=criteria),
        "content/sv/esimerkki.md": practice("sample", "exempel", body=sv_body, criteria=CRITERIA_SV),
        "content/fi/toinen.md": practice("toinen", "toinen", body="## Tausta\n\nTeksti.\n\n## Tulokset\n"),
        "content/sv/toinen.md": practice(
            "toinen", "annan", body="## Bakgrund\n\n## Resultat och effekter\n", criteria=CRITERIA_SV
        ),
        "content/pages/fi/about.md": about + "\n[Avoin data](#open-data) ja [alku](#alku).\n",
    }
    found = [str(p) for p in check_site(make_project(tmp_path, files)).warnings if "section" in str(p)]
    own = "; the headings of its text: '#tausta', '#huomioitavaa-kayttoonotossa'"
    about_headings = "'#mika-luettelo-on', '#kenelle', '#miten-kaytannot-valitaan', '#esimerkkiaineisto'"
    assert found == [
        "content/fi/esimerkki.md:16:18: warning: this page has no section '#ei-ole', so the link opens it "
        "at its top" + own,
        "content/fi/esimerkki.md:25:18: warning: this page has no section '#tulos', so the link opens it "
        "at its top" + own,
        "content/fi/esimerkki.md:25:117: warning: the page of the practice 'toinen' has no section "
        "'#tulos', so the link opens it at its top; did you mean '#tulokset'? The headings of its text: "
        "'#tausta', '#tulokset'",
        "content/fi/esimerkki.md:29:140: warning: the page of the practice 'toinen' has no section "
        "'#tausta-ja-t', so the link opens it at its top; did you mean '#tausta'? The headings of its "
        "text: '#tausta', '#tulokset'",
        "content/pages/fi/about.md:23:36: warning: this page has no section '#alku', so the link opens it "
        f"at its top; the headings of its text: {about_headings}",
        "content/sv/esimerkki.md:25:12: warning: the page of the practice 'toinen' has no section "
        "'#resultat', so the link opens it at its top; did you mean '#resultat-och-effekter'? The "
        "headings of its text: '#bakgrund', '#resultat-och-effekter'",
        "content/sv/esimerkki.md:25:52: warning: the page of the practice 'toinen' has no section "
        "'#tulokset', so the link opens it at its top; did you mean '#resultat-och-effekter', in the "
        "place of '#tulokset' in the Finnish version? The headings of its text: '#bakgrund', "
        "'#resultat-och-effekter'",
        "content/sv/esimerkki.md:29:11: warning: this page has no section '#huomioitavaa-kayttoonotossa', "
        "so the link opens it at its top; did you mean '#att-tanka-pa', in the place of "
        "'#huomioitavaa-kayttoonotossa' in the Finnish version? The headings of its text: '#bakgrund', "
        "'#att-tanka-pa'",
    ]


def test_a_link_to_a_missing_section_is_warned_of_while_files_have_mistakes(tmp_path: Path) -> None:
    """Every problem at once: another file's mistake does not hide the warning; a link to a
    section of the file with the mistake waits for it to be mended, as its headings are not known."""
    body = "## Tausta\n\n[Tulokset](#tulos), [toisen osa](practice:toinen#ei-ole)\n"
    files = {
        **pair(body=body),
        **pair("toinen", "toinen", "annan", extra="end_year: pian"),
    }
    with pytest.raises(ContentError) as raised:
        check_site(make_project(tmp_path, files))
    assert [str(p) for p in raised.value.problems if "section" in str(p) or "end_year" in str(p)] == [
        "content/fi/esimerkki.md:25:12: warning: this page has no section '#tulos', so the link opens it "
        "at its top; the headings of its text: '#tausta'",
        "content/fi/toinen.md:22:11: end_year should be a year such as 2016, not 'pian'",
        "content/sv/esimerkki.md:25:12: warning: this page has no section '#tulos', so the link opens it "
        "at its top; the headings of its text: '#tausta'",
        "content/sv/toinen.md:22:11: end_year should be a year such as 2016, not 'pian'",
    ]


def test_a_link_shown_as_code_is_no_link_and_one_in_a_criterion_or_a_page_is_checked(tmp_path: Path) -> None:
    """Markdown shows code (`…`, ``` … ```, an indented block) as written: an example link
    there leads nowhere and is not checked. The criteria's evidence and the about pages are
    Markdown too: their links are checked as the text's are."""
    body = (
        "## Esimerkit\n\nKirjoita `[teksti](practice:tunniste)` tai:\n\n```\n[teksti](/fi/ei-ole/)\n```\n\n"
        "    [teksti](practice:sisennetty)\n\nTämä ei ole koodia: [linkki](practice:nope).\n"
    )
    criteria = CRITERIA.replace(
        "Vähentää eriarvoisuutta.", "Katso [arvio](practice:arvio) ja [ohje](ohje.pdf)."
    )
    about = (ROOT / "content/pages/fi/about.md").read_text(encoding="utf-8")
    files = {
        **one_file(practice(body=body, criteria=criteria)),
        "content/pages/fi/about.md": about + "\n[Kuva](/static/ei-ole.png) ja [käytäntö](practice:nope)\n",
    }
    last = about.count("\n") + 2
    page_problems = [
        f"content/pages/fi/about.md:{last}:8: the file static/ei-ole.png does not exist; check the name, or "
        "add the file under static/",
        f"content/pages/fi/about.md:{last}:42: no practice has the id 'nope'; link to another practice with "
        "[text](practice:its-id)",
    ]
    unknown_ids = [
        "content/fi/esimerkki.md:16:18: no practice has the id 'arvio'; link to another practice with "
        "[text](practice:its-id)",
        "content/fi/esimerkki.md:33:30: no practice has the id 'nope'; link to another practice with "
        "[text](practice:its-id)",
    ]
    assert problems(tmp_path, files) == [  # all at once, though the file has a mistake of its own
        unknown_ids[0],
        "content/fi/esimerkki.md:16:18: the link 'ohje.pdf' would lead to a missing page of this site; write "
        "a web address in full (https://…), or link to another practice (practice:its-id), a file "
        "(/static/…) or a heading (#…)",
        unknown_ids[1],
        *page_problems,
    ]
    criteria = criteria.replace(" ja [ohje](ohje.pdf)", "")
    files["content/fi/esimerkki.md"] = practice(body=body, criteria=criteria)
    assert problems(tmp_path / "again", files) == [*unknown_ids, *page_problems]
    fixed = practice(body=body.replace("nope", "sample"), criteria=criteria.replace("arvio", "sample"))
    files |= {"content/fi/esimerkki.md": fixed, "content/pages/fi/about.md": about}
    check_site(make_project(tmp_path / "fixed", files))  # no problem: the examples in code are no links


def test_the_links_of_a_file_with_mistakes_are_checked_all_the_same(tmp_path: Path) -> None:
    """Every problem at once: a mistyped date, or YAML that cannot be read, does not hide the
    file's links that lead nowhere until it is mended. A link to a practice whose files both
    have mistakes is not reported: its files' mistakes are."""
    links = "## Tausta\n\nKatso [malli](practice:mali), [toinen](practice:toinen) ja [kuva](/static/ei.png)."
    files = {
        **pair(body=links, extra="updated: 16.9.2019"),
        "content/fi/toinen.md": practice("toinen", "toinen", extra="published: 2019-02-30").replace(
            "published: 2017-01-02\n", ""
        ),
        "content/sv/andra.md": practice("toinen", "andra", title="Andra: [praxis"),
    }
    swedish = files["content/sv/esimerkki.md"]
    files["content/sv/esimerkki.md"] = swedish.replace("slug: exempel", "slug: [exempel")
    unknown = "no practice has the id 'mali'; link to another practice with [text](practice:its-id)"
    missing = "the file static/ei.png does not exist; check the name, or add the file under static/"
    assert problems(tmp_path, files) == [
        "content/fi/esimerkki.md:22:10: updated should be a date written YYYY-MM-DD: 2019-09-16",
        f"content/fi/esimerkki.md:26:15: {unknown}",
        f"content/fi/esimerkki.md:26:67: {missing}",
        "content/fi/toinen.md:21:12: published '2019-02-30' is not a date in the calendar; check the day and "
        "the month",
        "content/sv/andra.md:3:13: invalid YAML: a value contains ': ' (a colon and a space), which YAML "
        'reads as a new field; put the whole value in quotes: title: "Andra: [praxis"',
        "content/sv/esimerkki.md:4:7: invalid YAML: the list that opens here with [ is not closed; "
        "end it with ] on the same line",
        f"content/sv/esimerkki.md:26:15: {unknown}",
        f"content/sv/esimerkki.md:26:67: {missing}",
    ]


def test_a_link_to_a_practice_that_is_a_draft_in_both_languages_is_reported(tmp_path: Path) -> None:
    """A draft has no page, not even a short link: a link to it would lead nowhere. Where one
    language version is published, the other's short link says so, and the link is fine."""
    about = (ROOT / "content/pages/fi/about.md").read_text(encoding="utf-8")
    files = {
        **pair(body="Katso [luonnos](practice:draft) ja [puoliksi](practice:half).\n"),
        **pair("draft", "luonnos", "utkast", extra="draft: true"),
        "content/fi/puoliksi.md": practice("half", "puoliksi", extra="translation_pending: true"),
        "content/sv/halv.md": practice("half", "halv", extra="draft: true"),
        "content/pages/fi/about.md": about + "\n[Luonnos](practice:draft)\n",
    }
    message = (
        "the practice 'draft' is a draft (draft: true), so it has no page yet and the link would lead "
        "nowhere; publish that practice first, or link to it once it is published"
    )
    assert problems(tmp_path, files) == [
        f"content/fi/esimerkki.md:23:17: {message}",
        f"content/pages/fi/about.md:{about.count(chr(10)) + 2}:11: {message}",
        f"content/sv/esimerkki.md:23:17: {message}",
    ]


def test_a_file_name_with_a_space_or_a_letter_outside_ascii_is_linked_as_a_browser_asks_for_it(
    tmp_path: Path,
) -> None:
    """A file's name as it is saved (with spaces, with parentheses) is reported as the address
    to write, wherever Markdown or HTML takes it as written; never as a file that is missing."""
    body = (
        "![Kuva](/static/my%20photo.svg) ![Kuva](/static/kuva-%C3%A4.svg) ![Kuva](/static/kuva-ä.svg)\n\n"
        "![Kuva](</static/my photo.svg>)\n\n"
        '![Kuva](/static/my photo.svg "Otsikko") [raportti](/static/raportti (2).pdf)\n\n'
        '<a href="/static/my photo.svg">kuva</a>\n\n'
        "[Raportti][r] ja [kuva][k].\n\n"
        "[r]: /static/raportti (2).pdf\n"
        '[k]: /static/my photo.svg "Otsikko"\n'
    )
    files = {
        **one_file(practice(body=body)),
        "static/my photo.svg": "<svg/>",
        "static/kuva-ä.svg": "<svg/>",
        "static/raportti (2).pdf": "%PDF",
    }
    assert problems(tmp_path, files) == [
        "content/fi/esimerkki.md:25:10: the address '/static/my photo.svg' has a space, which a web address "
        "cannot hold; write each space as %20: /static/my%20photo.svg",
        "content/fi/esimerkki.md:27:9: the address '/static/my photo.svg' has a space, which a web address "
        "cannot hold; write each space as %20: /static/my%20photo.svg",
        "content/fi/esimerkki.md:27:52: the address '/static/raportti (2).pdf' has a space, which a web "
        "address cannot hold; write each space as %20: /static/raportti%20(2).pdf",
        "content/fi/esimerkki.md:29:10: the address '/static/my photo.svg' has a space, which a web address "
        "cannot hold; write each space as %20: /static/my%20photo.svg",
        "content/fi/esimerkki.md:33:6: the address '/static/raportti (2).pdf' has a space, which a web "
        "address cannot hold; write each space as %20: /static/raportti%20(2).pdf",
        "content/fi/esimerkki.md:34:6: the address '/static/my photo.svg' has a space, which a web address "
        "cannot hold; write each space as %20: /static/my%20photo.svg",
    ]
    mended = body.replace("my photo", "my%20photo").replace("raportti (2)", "raportti%20(2)")
    check_site(make_project(tmp_path / "mended", {**files, **one_file(practice(body=mended))}))


def test_an_address_in_angle_brackets_without_https_is_reported(tmp_path: Path) -> None:
    """Markdown takes <www.kotoutuminen.fi> for a tag, which the sanitiser removes: the address
    would vanish from the page. With its scheme, or as an e-mail address, it is a link."""
    body = "Katso <www.kotoutuminen.fi>, <https://kotoutuminen.fi> tai <info@kotoutuminen.fi>.\n"
    assert problems(tmp_path, one_file(practice(body=body))) == [
        "content/fi/esimerkki.md:23:7: '<www.kotoutuminen.fi>' is removed from the page: Markdown makes a "
        "link of an address in <…> only with its https:// in front; write <https://www.kotoutuminen.fi>"
    ]


def test_a_links_entry_that_is_no_web_address_is_reported_with_the_address_it_should_be(
    tmp_path: Path,
) -> None:
    extra = (
        "links:\n  - text: A\n    url: www.kotoutuminen.fi\n  - text: B\n    url: https://x.fi/a b\n"
        "  - text: C\n    url: practice:sample\n  - text: D\n    url: 'http://[x/'\n"
        "  - text: E\n    url: /sv/praxis/x/"
    )
    elsewhere = (
        "is a page of this catalogue, and links: lists pages of other sites; link it in the text instead, "
        "such as [its name]"
    )
    assert problems(tmp_path, one_file(practice(extra=extra))) == [
        "content/fi/esimerkki.md:24:10: 'www.kotoutuminen.fi' is not a web address; write it in full, such "
        "as https://www.kotoutuminen.fi",
        "content/fi/esimerkki.md:26:10: 'https://x.fi/a b' is not a web address; write it in full, such as "
        "https://x.fi/a%20b",
        f"content/fi/esimerkki.md:28:10: 'practice:sample' {elsewhere}(practice:sample)",
        "content/fi/esimerkki.md:30:10: 'http://[x/' is not a web address; write it in full, such as "
        "https://example.fi/",
        f"content/fi/esimerkki.md:32:10: '/sv/praxis/x/' {elsewhere}(/sv/praxis/x/)",
    ]


def test_a_link_in_the_text_that_no_browser_can_open_is_reported(tmp_path: Path) -> None:
    """An unclosed [ of an IPv6 host once ended the check in a traceback; the others were
    published as links that lead nowhere."""
    body = "## Linkit\n\n[a](http://[x/), [b](https:www.kotoutuminen.fi) ja [c](https://x.fi:portti/).\n"
    fix = "is not a web address a browser can open; write it in full, such as https://www.kotoutuminen.fi/"
    assert problems(tmp_path, one_file(practice(body=body))) == [
        f"content/fi/esimerkki.md:25:5: the link 'http://[x/' {fix}",
        f"content/fi/esimerkki.md:25:22: the link 'https:www.kotoutuminen.fi' {fix}",
        f"content/fi/esimerkki.md:25:56: the link 'https://x.fi:portti/' {fix}",
    ]


def test_a_list_that_markdown_would_run_on_is_reported_with_the_spaces_or_line_it_needs(
    tmp_path: Path,
) -> None:
    """Written as GitHub's preview takes it, each of these is a list there but not on the page:
    right under a line of text, or inside an item with fewer than four spaces."""
    body = "## Tausta\n\nTavoitteet:\n- yksi\n- kaksi\n\n1. yksi\n   - alakohta\n\n- a\n  - b\n"
    root = make_project(tmp_path, one_file(practice(body=body)))
    with pytest.raises(ContentError) as raised:
        check_site(root)
    inside = "this line starts a list inside the item above, which needs four spaces in front of it"
    assert [str(p) for p in raised.value.problems if "list" in p.message] == [
        "content/fi/esimerkki.md:26:1: this line starts a list, but with no empty line above it Markdown "
        "makes no list of it: the page runs it on from the line above; add an empty line above it",
        f"content/fi/esimerkki.md:30:1: {inside}: '    - alakohta'; with 3, the page runs it on from the "
        "line above",
        f"content/fi/esimerkki.md:33:1: warning: {inside}: '    - b'; with 2, the page makes it an item of "
        "this list",
    ]


def test_a_list_or_code_right_under_a_block_of_html_is_read_as_the_page_shows_it(tmp_path: Path) -> None:
    """Markdown takes a block of HTML (a table pasted from a document) out of the text before it
    reads the rest, so a list right under its closing tag is a list on the page, and an indented
    line there is code: neither is told to need an empty line above it."""
    body = (
        "## Tausta\n\n<table><tr><td>Vaihe</td></tr></table>\n- yksi\n- kaksi\n\n"
        "<div>\nLuettelo:\n</div>\n    `koodia` [ei linkki](ftp://x)\n1. yksi\n2. kaksi\n"
    )
    root = make_project(tmp_path, one_file(practice(body=body)))
    assert [str(p) for p in check_site(root).warnings if "list" in p.message or "link" in p.message] == []
    build(root, tmp_path / "out", search=False)
    page = (tmp_path / "out/fi/kaytannot/esimerkki/index.html").read_text(encoding="utf-8")
    assert "<ul>\n<li>yksi</li>" in page and "<ol>\n<li>yksi</li>" in page
    assert "<pre><code>`koodia` [ei linkki](ftp://x)\n</code></pre>" in page


def test_bullets_pasted_from_a_word_processor_are_reported_once_a_list(tmp_path: Path) -> None:
    """Markdown takes '•' or '–' for text, and the page ran such lines together ('Tavoitteet:
    • kielitaito • työelämätieto'); GitHub's preview does so too, but it is easy to miss. A
    line alone, after a line break (two spaces, <br>) or in code is left alone."""
    body = (
        "## Tausta\n\nTavoitteet:\n• kielitaito\n•  työelämätieto\n\n– yksi\n– kaksi\n\n"
        "– Yksin rivillään.\n\nRivi  \n• rivinvaihdon jälkeen\n\nRivi<br>\n• <br>\n• ja <br />\n"
        "• kolmas\n\n    • koodia\n    • lisää\n"
    )
    fix = "which Markdown does not take for a list item: the page runs it together with the lines next to it"
    assert problems(tmp_path, one_file(practice(body=body))) == [
        f"content/fi/esimerkki.md:26:1: this line starts with '•', {fix}; write each item as '- kielitaito', "
        "with an empty line above the list",
        f"content/fi/esimerkki.md:29:1: this line starts with '–', {fix}; write each item as '- yksi', with "
        "an empty line above the list",
    ]


def test_an_address_written_as_it_is_is_reported_with_the_link_to_write(tmp_path: Path) -> None:
    """GitHub's preview makes links of these; the page would show them as text a reader on a
    phone cannot follow. A criterion's evidence is checked too. A warning: the page is right
    but for the link, and the web editor writes an address typed in its text so."""
    body = "## Tausta\n\nLisätietoa (www.kotoutuminen.fi) ja info@kotoutuminen.fi.\n"
    criteria = CRITERIA.replace("Vaiheet on kuvattu.", "Vaiheet ks. https://example.fi/malli.")
    fix = "is shown as text, not as a link: Markdown makes a link of an address only in <…> or [text](…)"
    button = "(in the web editor, select it and use the link button)"
    at = "content/fi/esimerkki.md"
    root = make_project(tmp_path, one_file(practice(body=body, criteria=criteria)))
    assert [str(w) for w in check_site(root).warnings if "is shown as text" in w.message] == [
        f"{at}:20:15: warning: 'https://example.fi/malli' {fix}; write <https://example.fi/malli> {button}",
        f"{at}:25:13: warning: 'www.kotoutuminen.fi' {fix}; write <https://www.kotoutuminen.fi> {button}",
        f"{at}:25:37: warning: 'info@kotoutuminen.fi' {fix}; write <info@kotoutuminen.fi> {button}",
    ]


def test_a_paragraph_indented_as_code_is_reported_at_its_first_line(tmp_path: Path) -> None:
    """Text pasted from a document keeps its tab or spaces, and Markdown shows it as code. A list
    item's next paragraph, indented to belong to it, and a paragraph's next line are text."""
    body = (
        "## Tausta\n\n\tSisennetty kappale.\n    Sen toinen rivi.\n\n- kohta\n\n    kohdan toinen kappale\n\n"
        "Teksti ja\n    jatkorivi.\n"
    )
    root = make_project(tmp_path, one_file(practice(body=body)))
    assert [str(w) for w in check_site(root).warnings if "indented" in w.message] == [
        "content/fi/esimerkki.md:25:1: warning: this line is indented by four spaces or a tab, so the page "
        "shows it as code: in a typewriter font, without links or formatting; if it is text, remove the "
        "spaces or the tab at the start of its lines"
    ]


def test_a_footnote_is_reported_and_its_note_is_not_taken_for_a_link(tmp_path: Path) -> None:
    """Markdown here has no footnotes: [^1] would be a link to the address 'Virtanen', which
    the check reported as a link to a missing page, and the editor was left to wonder."""
    body = "## Tausta\n\nTutkimus osoitti tämän[^1].\n\n[^1]: Virtanen 2020.\n"
    fix = (
        "which the page cannot show as one (it would be a link that leads nowhere); write the note in "
        "the text, in brackets, or list the sources at the end under a heading of their own (## Lähteet, "
        "## Källor)"
    )
    assert problems(tmp_path, one_file(practice(body=body))) == [
        f"content/fi/esimerkki.md:25:23: '[^1]' is a footnote, {fix}",
        f"content/fi/esimerkki.md:27:1: '[^1]: …' is a footnote's note, {fix}",
    ]


def test_text_struck_through_as_on_github_is_reported(tmp_path: Path) -> None:
    """GitHub's preview strikes ~~this~~ through; the page would show it, tildes and all, as
    if it still held. A tilde for "about" (~50) and ~~ in code are no strikethrough."""
    body = "## Tausta\n\nMukana ~50 ~~40~~ perhettä, `a ~~b~~`.\n\n- ~~Kevät 2019~~ Syksy 2019\n"
    fix = (
        "is struck through in GitHub's preview, but the page shows it with its tildes, as text that "
        "holds (the site's Markdown has no strikethrough); leave out what no longer holds, or say in "
        "words what changed"
    )
    assert problems(tmp_path, one_file(practice(body=body))) == [
        f"content/fi/esimerkki.md:25:12: '~~40~~' {fix}",
        f"content/fi/esimerkki.md:27:3: '~~Kevät 2019~~' {fix}",
    ]


def test_a_publication_date_after_today_is_a_warning(tmp_path: Path) -> None:
    """2031 for 2021 is an easy slip, and the page would show the date."""
    from datetime import date

    files = pair()
    files["content/fi/esimerkki.md"] = files["content/fi/esimerkki.md"].replace(
        "published: 2017-01-02", "published: 2017-01-02\nupdated: 2999-01-02"
    )
    today = date.today().isoformat()
    assert [str(w) for w in check_site(make_project(tmp_path, files)).warnings] == [
        f"content/fi/esimerkki.md:15:10: warning: updated 2999-01-02 is after today ({today}), and the page "
        "would show it; check the year"
    ]


def test_image_without_alt_text(tmp_path: Path) -> None:
    text = practice(body="## Kuva\n\n![](/static/favicon.svg)\n")
    assert problems(tmp_path, one_file(text)) == [
        "content/fi/esimerkki.md:25:1: the image has no alt text; describe it between the brackets: "
        "![What the picture shows](/static/favicon.svg)"
    ]


def test_headings_go_down_one_level_at_a_time_below_the_title(tmp_path: Path) -> None:
    """A screen reader lists a page's headings: the title is its only level-1 heading (a line
    that starts with #, with or without a space, or is underlined with =), no heading is empty,
    and none skips a level. A practice's text follows its "Description" heading (level 2,
    for screen readers only), so it may start at level 3; an about page's follows its title."""
    body = (
        "### Alussa\n\nTeksti.\n\n#### Syvemmällä\n\n## Tausta\n\n#### Liian syvällä\n\n"
        "# Otsikko\n\n#kotoutuminen\n\nToinen\n======\n\n##\n\n"
        "Koodia: `# ei otsikko`\n\n    # ei otsikko\n    #### eikä tämä\n\nKolmas\n------\n"
    )
    about = (ROOT / "content/pages/fi/about.md").read_text(encoding="utf-8")
    about_text = about.split("---\n", 2)[2]
    files = {
        **one_file(practice(body=body)),
        "content/pages/fi/about.md": about.replace(about_text, "### Aluksi\n\n" + about_text),
    }
    level_1 = "the title is the page's only level-1 heading"
    starts_with_hash = (
        f"is a level-1 heading (a line that starts with #); {level_1}, so start sections with '## ' (to "
        "show a # as it is, write \\#)"
    )
    assert problems(tmp_path, files) == [
        "content/fi/esimerkki.md:31:1: the heading '#### Liian syvällä' skips a level: after a level-2 "
        "heading comes level 3 or less, so that readers who move by headings miss nothing; write "
        "'### Liian syvällä'",
        f"content/fi/esimerkki.md:33:1: '# Otsikko' {starts_with_hash}",
        f"content/fi/esimerkki.md:35:1: '#kotoutuminen' {starts_with_hash}",
        f"content/fi/esimerkki.md:37:1: the line of = under 'Toinen' makes it a level-1 heading; {level_1}, "
        "so write it as '## Toinen'",
        "content/fi/esimerkki.md:40:1: the heading '##' has no text; write it after the #s",
        "content/pages/fi/about.md:5:1: the heading '### Aluksi' skips a level for readers who move by "
        "headings: the text follows the page's title (level 1), so its first heading is level 2; write "
        "'## Aluksi'",
    ]


def test_a_criterions_first_heading_follows_the_criterions_name(tmp_path: Path) -> None:
    """A criterion's evidence is shown under the criterion's name, a level-3 heading."""
    criteria = CRITERIA.replace(
        "  high-impact: Tulokset ovat parempia.",
        "  high-impact: |\n    ##### Mittarit\n\n    Tulokset ovat parempia.",
    )
    assert problems(tmp_path, one_file(practice(criteria=criteria))) == [
        "content/fi/esimerkki.md:19:16: the heading '##### Mittarit' skips a level for readers who move by "
        "headings: the text follows the criterion's name, a level-3 heading, so its first heading is level "
        "4; write '#### Mittarit'"
    ]


def test_a_heading_in_a_criterion_ranks_below_the_criterions_name(tmp_path: Path) -> None:
    """A level-2 or level-3 heading in a criterion's evidence would rank with the criteria's
    names, or above them: a screen reader would list it as another criterion, or as the end of
    the assessment. Each is told, at the criterion's line."""
    criteria = CRITERIA.replace(
        "  high-impact: Tulokset ovat parempia.",
        "  high-impact: |\n    ## Mittarit\n\n    Tulokset ovat parempia.\n\n    ### Lisää\n\n    Teksti.",
    )
    assert problems(tmp_path, one_file(practice(criteria=criteria))) == [
        f"content/fi/esimerkki.md:19:16: the heading '{heading}' would rank with the criteria's names "
        "(level 3) or above them for readers who move by headings; a heading in a criterion's evidence "
        f"is level 4 or deeper, so write '#### {text}'"
        for heading, text in [("## Mittarit", "Mittarit"), ("### Lisää", "Lisää")]
    ]


def test_what_is_commented_out_is_not_checked(tmp_path: Path) -> None:
    """An editor hides old text in an HTML comment, as Markdown allows: the page leaves it out
    (the sanitiser removes comments), so its HTML, headings and links are not checked, and no
    rule for them stops the build. Only the text outside comments is; a comment never closed is
    an error, since the page would show what it was to hide."""
    body = (
        "## Tausta\n\nTeksti.\n\n<!--\n<div>\nVanha <li>kohta</li> ja [vanha](practice:poistettu).\n"
        '#### Vanha otsikko\n<iframe src="https://example.fi/video"></iframe>\n-->\n\n'
        "Uusi <!-- <h5>piilossa</h5> --> teksti.\n\n<li>esillä</li>\n\nSisäinen <!-- muistiinpano\n\n"
        "`<!-- koodia`\n"
    )
    assert problems(tmp_path, one_file(practice(body=body))) == [
        "content/fi/esimerkki.md:36:1: the HTML tag <li> is not inside <ul> or <ol>, which HTML puts around "
        "it (the page would be invalid HTML); put <ul> … </ul> around it, or write the list in Markdown "
        "(- item)",
        "content/fi/esimerkki.md:38:10: the HTML comment is not closed (no --> after it), so the page shows "
        "it, and the text it was to hide; end it with -->",
    ]


def test_headings_written_in_html_are_held_to_the_same_order(tmp_path: Path) -> None:
    """HTML pasted from a web page or a document brings its headings (<h2>…<h6>), which the
    page keeps: a screen reader lists them with the Markdown ones, so they are checked alike,
    each at its tag, and the way to mend one is told in HTML. A heading in an HTML comment or
    in code is none (the sanitiser removes the one, the page shows the other as written)."""
    body = (
        '## Tausta\n\nTeksti <H4 class="x">Liian <em>syvällä</em></H4> ja lisää.\n\n'
        "<h3>Tavoitteet</h3>\n\n<h3>\n</h3>\n\n<!-- <h6>Piilossa</h6> -->\n\n"
        "Koodia: `<h6>ei otsikko</h6>`\n\n<h5>Mittarit</h5>\n"
    )
    criteria = CRITERIA.replace(
        "  high-impact: Tulokset ovat parempia.",
        "  high-impact: |\n    <h3>Mittarit</h3>\n\n    Tulokset ovat parempia.",
    )
    assert problems(tmp_path, one_file(practice(body=body, criteria=criteria))) == [
        "content/fi/esimerkki.md:19:16: the heading '<h3>Mittarit</h3>' would rank with the criteria's "
        "names (level 3) or above them for readers who move by headings; a heading in a criterion's "
        "evidence is level 4 or deeper, so write '<h4>Mittarit</h4>'",
        "content/fi/esimerkki.md:28:8: the heading '<H4 class=\"x\">Liian <em>syvällä</em></H4>' skips a "
        "level: after a level-2 heading comes level 3 or less, so that readers who move by headings miss "
        "nothing; write '<h3>Liian syvällä</h3>'",
        "content/fi/esimerkki.md:32:1: the heading '<h3>' has no text; write it between <h3> and </h3>",
        "content/fi/esimerkki.md:39:1: the heading '<h5>Mittarit</h5>' skips a level: after a level-3 "
        "heading comes level 4 or less, so that readers who move by headings miss nothing; write "
        "'<h4>Mittarit</h4>'",
    ]


def test_an_image_from_another_site_is_refused(tmp_path: Path) -> None:
    """The pages' Content-Security-Policy (img-src 'self') keeps the browser from loading it."""
    body = (
        '![Logo](https://migri.fi/logo.png) <img src="//cdn.migri.fi/x.png" alt="x"> ![Oma](/static/a.svg)\n'
    )
    files = {**one_file(practice(body=body)), "static/a.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"}
    elsewhere = (
        "is on another site, and the site's pages show only their own images; save it under "
        "static/images/ and show it from there: ![What the picture shows](/static/images/…)"
    )
    assert problems(tmp_path, files) == [
        f"content/fi/esimerkki.md:23:9: the image 'https://migri.fi/logo.png' {elsewhere}",
        f"content/fi/esimerkki.md:23:36: the image '//cdn.migri.fi/x.png' {elsewhere}",
    ]


def test_a_criterion_s_evidence_follows_the_text_s_rules(tmp_path: Path) -> None:
    """Evidence is Markdown under its criterion's heading (level 3): its problems are reported at
    the criterion, whose YAML string's lines are not the file's."""
    criteria = CRITERIA.replace(
        "Vähentää eriarvoisuutta.", "Vähentää eriarvoisuutta. ![](/static/a.svg) [](https://migri.fi/)"
    ).replace(
        "generalisable: Toimii muuallakin.", "generalisable: |\n    Toimii muuallakin.\n\n    # Otsikko"
    )
    files = {
        **one_file(practice(criteria=criteria)),
        "static/a.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
    }
    assert problems(tmp_path, files) == [
        "content/fi/esimerkki.md:16:18: the image has no alt text; describe it between the brackets: "
        "![What the picture shows](/static/a.svg)",
        "content/fi/esimerkki.md:16:18: the link has no text, so a screen reader cannot tell where it leads; "
        "write that between the brackets: [Where it leads](https://migri.fi/)",
        "content/fi/esimerkki.md:21:18: '# Otsikko' is a level-1 heading (a line that starts with #); the "
        "title is the page's only level-1 heading, so start sections with '## ' (to show a # as it is, "
        "write \\#)",
    ]


def test_a_link_needs_text(tmp_path: Path) -> None:
    """A link with no text is read out as nothing, or as its address; a linked image's alt
    text is its text."""
    body = (
        "Katso [](https://kotoutuminen.fi/) ja [ ](practice:sample).\n\n"
        '<a href="https://migri.fi/"></a> [![Logo](/static/favicon.svg)](https://migri.fi/)\n'
    )
    message = "the link has no text, so a screen reader cannot tell where it leads; write that between "
    assert problems(tmp_path, one_file(practice(body=body))) == [
        f"content/fi/esimerkki.md:23:7: {message}the brackets: [Where it leads](https://kotoutuminen.fi/)",
        f"content/fi/esimerkki.md:23:39: {message}the brackets: [Where it leads](practice:sample)",
        f"content/fi/esimerkki.md:25:1: {message}<a …> and </a>",
    ]


def test_language_versions_must_agree_on_neutral_facts(tmp_path: Path) -> None:
    files = pair()
    files["content/sv/esimerkki.md"] = practice("sample", "exempel", themes="[employment-entrepreneurship]")
    assert problems(tmp_path, files) == [
        "content/sv/esimerkki.md:6:1: themes differs from content/fi/esimerkki.md "
        "([employment-entrepreneurship] here, [integration-training] there); "
        "the two language versions must agree"
    ]


def test_a_neutral_fact_given_in_one_language_only(tmp_path: Path) -> None:
    files = {**pair(), **pair("other", "toinen", "annan")}
    files["content/fi/esimerkki.md"] = practice(extra="end_year: 2019")
    files["content/sv/toinen.md"] = practice("other", "annan", extra="end_year: 2019")
    assert problems(tmp_path, files) == [
        "content/sv/esimerkki.md:1:1: end_year is not given here, but content/fi/esimerkki.md has "
        "end_year: 2019; the two language versions must agree",
        "content/sv/toinen.md:22:11: end_year differs from content/fi/toinen.md (2019 here, none there); the "
        "two language versions must agree",
    ]


@pytest.mark.parametrize("body", ["", "\n  \n\n"])
def test_a_published_practice_needs_a_description(tmp_path: Path, body: str) -> None:
    """Its page would show an empty Description section, listed under "On this page"."""
    assert problems(tmp_path, one_file(practice(body=body))) == [
        "content/fi/esimerkki.md:1:1: the practice has no description; below the front matter (after its "
        "closing '---' line), write what the practice is, for whom, and how it works, in sections that "
        "start with ## (or keep draft: true until it is ready)"
    ]
    draft = practice(body=body, extra="draft: true")
    root = make_project(tmp_path / "draft", one_file(draft))
    assert not [str(p) for p in check_site(root).warnings if "description" in str(p)]


def test_an_about_page_needs_text(tmp_path: Path) -> None:
    """The accessibility statement, say, would be a title alone."""
    page = (ROOT / "content/pages/fi/accessibility.md").read_text(encoding="utf-8")
    files = {**pair(), "content/pages/fi/accessibility.md": page[: page.index("---", 4) + 4]}
    assert problems(tmp_path, files) == [
        "content/pages/fi/accessibility.md:1:1: the page has no text; write it below the front matter "
        "(after its closing '---' line)"
    ]


def test_criteria_written_as_a_list_are_told_to_drop_the_dashes(tmp_path: Path) -> None:
    criteria = CRITERIA.replace("\n  ", "\n  - ")
    assert problems(tmp_path, one_file(practice(criteria=criteria))) == [
        "content/fi/esimerkki.md:16:5: the criteria are fields, not a list: remove the '- ' before each, as "
        "in '  goal-oriented: …'"
    ]


def test_missing_criterion_in_a_published_practice(tmp_path: Path) -> None:
    """The message gives the lines to add, as an editor writes them."""
    text = practice().replace("  generalisable: Toimii muuallakin.\n", "")
    assert problems(tmp_path, one_file(text)) == [
        "content/fi/esimerkki.md:15:1: criteria: the evidence for generalisable is missing; a published "
        "practice needs all six criteria, so add the line '  generalisable: …' under criteria:, two spaces in"
    ]
    text = text.replace("  high-impact: Tulokset ovat parempia.\n", "")
    assert problems(tmp_path / "two", one_file(text)) == [
        "content/fi/esimerkki.md:15:1: criteria: the evidence for high-impact, generalisable is missing; a "
        "published practice needs all six criteria, so add the lines '  high-impact: …', '  generalisable: "
        "…' under criteria:, two spaces in"
    ]


def test_a_misspelt_criterion_is_one_problem_not_two(tmp_path: Path) -> None:
    """The misspelt name is reported with its right spelling; the criterion it means is not
    reported as missing as well. A criterion still missing is."""
    text = practice().replace("  goal-oriented:", "  goal-orientated:")
    text = text.replace("  generalisable: Toimii muuallakin.\n", "")
    assert problems(tmp_path, one_file(text)) == [
        "content/fi/esimerkki.md:15:1: criteria: the evidence for generalisable is missing; a published "
        "practice needs all six criteria, so add the line '  generalisable: …' under criteria:, two spaces "
        "in",
        "content/fi/esimerkki.md:16:20: unknown criterion 'goal-orientated'; did you mean 'goal-oriented' "
        "(Tavoitteellinen)?",
    ]


@pytest.mark.parametrize("years", ["2016-2019", "2016–2019", "2016 - 2019"])
def test_years_written_as_a_span_are_shown_as_two_fields(tmp_path: Path, years: str) -> None:
    text = practice().replace("start_year: 2016", f"start_year: {years}")
    assert problems(tmp_path, one_file(text)) == [
        "content/fi/esimerkki.md:12:13: start_year is one year; for the years 2016–2019, write two fields: "
        "start_year: 2016 and, on the next line, end_year: 2019"
    ]
    with_end = practice(extra="end_year: 2019").replace("start_year: 2016", f"start_year: {years}")
    spans = with_end.replace("end_year: 2019", f"end_year: {years}")
    assert problems(tmp_path / "with-end", one_file(spans)) == [
        "content/fi/esimerkki.md:12:13: start_year is one year; for the years 2016–2019, write "
        "start_year: 2016",
        "content/fi/esimerkki.md:22:11: end_year is one year; for the years 2016–2019, write end_year: 2019",
    ]


def test_names_written_without_a_list_are_shown_as_one(tmp_path: Path) -> None:
    """Commas most often part names; now and then they are part of one name."""
    files = {
        "content/fi/a.md": practice("a", "a").replace(
            "organisations: [Esimerkkikunta]", "organisations: Esimerkkikunta, Yhdistys [Alku] ry"
        ),
        "content/fi/b.md": practice("b", "b").replace(
            "organisations: [Esimerkkikunta]", "organisations: Esimerkkikunta"
        ),
    }
    assert problems(tmp_path, waited_for(files)) == [
        "content/fi/a.md:10:16: organisations should be a list: organisations: [Esimerkkikunta, "
        '"Yhdistys [Alku] ry"] for 2 names, or organisations: ["Esimerkkikunta, Yhdistys [Alku] ry"] '
        "for one name that has commas in it",
        "content/fi/b.md:10:16: organisations should be a list: organisations: [Esimerkkikunta]",
    ]


def test_unknown_practice_link(tmp_path: Path) -> None:
    text = practice(body="Katso [tämä](practice:nope) ja [tuo](practice: sample).\n")
    assert problems(tmp_path, one_file(text)) == [
        "content/fi/esimerkki.md:23:14: no practice has the id 'nope'; link to another practice "
        "with [text](practice:its-id)",
        "content/fi/esimerkki.md:23:38: the link has no practice id; write it right after practice: with "
        "no space, as in [text](practice:its-id)",
    ]


def test_unknown_language_folder_and_stray_files(tmp_path: Path) -> None:
    files = {**pair(), "content/en/a.md": practice(), "content/fi/notes.txt": "muistiinpanoja"}
    assert problems(tmp_path, files) == [
        "content/en:1:1: 'en' is not a language folder; practices go in content/fi or content/sv",
        "content/fi/notes.txt:1:1: only Markdown files (.md) belong in content/fi/; rename the file "
        "to end in .md, or move it to static/ if it is an image or a document",
    ]


def test_a_file_in_content_pages_that_no_page_is_made_of_is_reported(tmp_path: Path) -> None:
    about = (ROOT / "content/pages/fi/about.md").read_text(encoding="utf-8")
    files = {
        **pair(),
        "content/pages/fi/ohjeet.md": about,
        "content/pages/en/about.md": about,
        "content/pages/tietoa.md": about,
        "content/pages/fi/about.md~": about,
    }
    unread = (
        "only about.md and accessibility.md are read in content/pages/fi and content/pages/sv; a "
        "practice goes in content/fi or content/sv"
    )
    assert problems(tmp_path, files) == [
        f"content/pages/en:1:1: {unread}",
        f"content/pages/fi/ohjeet.md:1:1: {unread}",
        f"content/pages/tietoa.md:1:1: {unread}",
    ]


def test_every_problem_in_every_file_is_reported_in_one_run(tmp_path: Path) -> None:
    files = {
        **pair(),
        "content/fi/a.md": practice("a", "a", themes="[nope]", extra="draft: maybe"),
        "content/fi/b.md": "ei etusivua",
    }
    found = problems(tmp_path, files)
    assert [p.split(":")[0] + ":" + p.split(":")[1] for p in found] == [
        "content/fi/a.md:6",
        "content/fi/a.md:22",
        "content/fi/b.md:1",
    ]


def test_editor_backup_files_are_ignored(tmp_path: Path) -> None:
    files = {
        **pair(),
        "content/fi/esimerkki.md~": "x",
        "content/fi/.#esimerkki.md": "x",
        "content/fi/.esimerkki.md.swp": "x",
    }
    root = make_project(tmp_path, files)
    assert check_site(root).warnings == []


def test_byte_order_mark_and_crlf_are_accepted(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = dict(pair())
    files["content/fi/esimerkki.md"] = b"\xef\xbb\xbf" + practice().replace("\n", "\r\n").encode()
    root = make_project(tmp_path, files)
    site = check_site(root).site
    assert {p.title for p in site.practices} == {"Esimerkkikäytäntö", "Exempelpraxis"}


@pytest.mark.parametrize("criteria", ["", "criteria:"])
def test_a_draft_may_lack_criteria_and_is_left_out(tmp_path: Path, criteria: str) -> None:
    """Left out or left empty, to be written later."""
    files = {
        **pair(),
        "content/fi/luonnos.md": practice(
            "draft-one", "luonnos", "Luonnos", criteria=criteria, extra="draft: true"
        ),
    }
    root = make_project(tmp_path, files)
    checked = check_site(root)
    assert "draft-one" not in {p.id for p in checked.site.practices}
    assert checked.warnings == []


@pytest.mark.parametrize("written", ["true", "yes", "on"])
def test_a_translation_that_is_a_draft_is_not_published(tmp_path: Path, written: str) -> None:
    """However the file says it is a draft (YAML reads yes and on as true), the editor is told
    the line to remove, not a line the file does not have."""
    files = pair()
    files["content/sv/esimerkki.md"] = practice("sample", "exempel", extra=f"draft: {written}")
    assert problems(tmp_path, files) == [
        "content/fi/esimerkki.md:1:1: there is no published Swedish version of 'sample' "
        "(content/sv/esimerkki.md is a draft); publish it too "
        "(remove draft from line 22 of content/sv/esimerkki.md), "
        "or add translation_pending: true to this file while it is being translated"
    ]


def test_a_missing_translation_is_an_error_unless_marked_pending(tmp_path: Path) -> None:
    assert problems(tmp_path / "a", {"content/fi/esimerkki.md": practice()}) == [
        "content/fi/esimerkki.md:1:1: there is no published Swedish version of 'sample'; add "
        "content/sv/sample.md with id: sample, or add translation_pending: true to this file while it "
        "is being translated"
    ]
    root = make_project(
        tmp_path / "b", {"content/fi/esimerkki.md": practice(extra="translation_pending: true")}
    )
    warning = (
        "content/fi/esimerkki.md:22:22: warning: the Swedish version of 'sample' is pending; the site "
        "tells Swedish readers so"
    )
    assert [str(w) for w in check_site(root).warnings] == [warning]
    with pytest.raises(ContentError) as raised:
        check_site(root, strict=True)
    assert [str(p) for p in raised.value.problems] == [warning]


@pytest.mark.parametrize(
    ("extra", "missing"),
    [("", True), ("draft: true", False), ("translation_pending: true", False), ("draft: kyllä", False)],
)
def test_a_practice_with_mistakes_is_told_of_its_missing_translation_at_once(
    tmp_path: Path, extra: str, missing: bool
) -> None:
    """An editor adding a practice in one language learns that it needs the other (or a
    draft or translation_pending) with its other mistakes, not after mending them."""
    text = practice(extra=extra).replace("## Tausta", "# Tausta")
    found = problems(tmp_path, {"content/fi/esimerkki.md": text})
    heading = "'# Tausta' is a level-1 heading"
    assert [p for p in found if heading not in p] == [
        *(
            [
                "content/fi/esimerkki.md:1:1: there is no published Swedish version of 'sample'; add "
                "content/sv/sample.md with id: sample, or add translation_pending: true to this file "
                "while it is being translated"
            ]
            if missing
            else []
        ),
        *(
            ["content/fi/esimerkki.md:22:8: draft should be true or false, not 'kyllä'"]
            if extra == "draft: kyllä"
            else []
        ),
    ]
    assert any(heading in p for p in found)


def test_a_practice_with_mistakes_is_told_at_once_that_its_translation_is_a_draft(tmp_path: Path) -> None:
    """As `build.py new` leaves it: both files drafts; the Finnish one's draft: true removed
    while it still has mistakes. It is told with them that the Swedish one is a draft."""
    files = {
        "content/fi/esimerkki.md": practice().replace("## Tausta", "# Tausta"),
        "content/sv/esimerkki.md": practice("sample", "exempel", extra="draft: true"),
    }
    assert [p for p in problems(tmp_path, files) if "level-1 heading" not in p] == [
        "content/fi/esimerkki.md:1:1: there is no published Swedish version of 'sample' "
        "(content/sv/esimerkki.md is a draft); publish it too (remove draft from line 22 of "
        "content/sv/esimerkki.md), or add translation_pending: true to this file while it is being "
        "translated"
    ]


def test_a_copy_with_mistakes_is_told_at_once_that_its_id_and_slug_are_the_originals(tmp_path: Path) -> None:
    """A new practice begun as a copy of another file (cp esimerkki.md uusi.md) learns that it
    still has the other's id and slug with its other mistakes, not after mending them."""
    copy = practice(title="Uusi kokeilu", body="# Tausta\n\nTeksti.\n")
    found = problems(tmp_path, {**pair(), "content/fi/uusi.md": copy})
    assert [p for p in found if "level-1 heading" not in p] == [
        "content/fi/uusi.md:2:5: id 'sample' is already used by content/fi/esimerkki.md; if this file is "
        "another practice, give it an id of its own, such as 'uusi'; if it is the same practice, keep "
        "only one of the two files",
        "content/fi/uusi.md:4:7: slug 'esimerkki' is already the slug of content/fi/esimerkki.md; two "
        "practices cannot share an address, so choose another, such as 'uusi'",
    ]
    mended = copy.replace("# Tausta", "## Tausta")  # as a copy without mistakes is told
    assert problems(tmp_path / "mended", {**pair(), "content/fi/uusi.md": mended}) == [
        found[0],
        found[1].replace("such as 'uusi'", "such as 'uusi-kokeilu'"),
    ]


def test_a_quoted_date_is_accepted_but_an_impossible_one_is_not(tmp_path: Path) -> None:
    files = dict(pair())
    files["content/fi/esimerkki.md"] = practice().replace("published: 2017-01-02", "published: '2017-01-02'")
    root = make_project(tmp_path / "ok", files)
    assert check_site(root).warnings == []
    bad = practice().replace("published: 2017-01-02", "published: '2017-02-30'")
    assert problems(tmp_path / "bad", one_file(bad)) == [
        "content/fi/esimerkki.md:14:12: published '2017-02-30' is not a date in the calendar; check the day "
        "and the month"
    ]


@pytest.mark.parametrize("day", ["2024-02-30", "2026-13-45", "30.2.2024"])
def test_an_impossible_date_is_reported_at_its_line_quoted_or_not(tmp_path: Path, day: str) -> None:
    text = practice().replace("published: 2017-01-02", f"published: {day}")
    assert problems(tmp_path, one_file(text)) == [
        f"content/fi/esimerkki.md:14:12: published '{day}' is not a date in the calendar; check the day and "
        "the month"
    ]


@pytest.mark.parametrize("day", ["16.9.2019", "16. 9. 2019", "2019-9-16"])
def test_a_date_written_another_way_is_shown_as_it_should_be(tmp_path: Path, day: str) -> None:
    """16.9.2019 is how a Finn or a Swede writes the date; the message gives it back in the form
    the file needs."""
    text = practice().replace("published: 2017-01-02", f"published: {day}")
    assert problems(tmp_path, one_file(text)) == [
        "content/fi/esimerkki.md:14:12: published should be a date written YYYY-MM-DD: 2019-09-16"
    ]


@pytest.mark.parametrize(
    "moment", ["2019-09-16 10:00", "2019-09-16 10:00:00", "2019-09-16T10:00:00+02:00", "16.9.2019 klo 10.00"]
)
def test_a_date_with_a_time_gets_the_date_alone(tmp_path: Path, moment: str) -> None:
    """Copied from a system that gives a moment: YAML reads some as a timestamp, some as text."""
    text = practice().replace("published: 2017-01-02", f"published: {moment}")
    assert problems(tmp_path, one_file(text)) == [
        "content/fi/esimerkki.md:14:12: published should be a date written YYYY-MM-DD without the time: "
        "2019-09-16"
    ]


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("!!python/object/apply:os.system [echo hei]", "!!python/object/apply:os.system"),
        ("!!binary aGVp", "!!binary"),
        ("!oma arvo", "!oma"),
        ("!!set {a, b}", "!!set"),
    ],
)
def test_a_yaml_tag_of_any_kind_is_refused_at_its_line(tmp_path: Path, value: str, tag: str) -> None:
    text = practice().replace("funding: ESR.", f"funding: {value}")
    assert problems(tmp_path, one_file(text)) == [
        f"content/fi/esimerkki.md:13:10: a YAML tag ({tag}) is used; front matter holds only plain "
        "text, numbers, dates, lists and fields, so remove the tag"
    ]


def test_an_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    """Nine levels of aliases, each repeating the last nine times: 9^9 values if expanded."""
    import time

    lines = ['a0: &a0 ["x"]'] + [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    text = "---\n" + "\n".join(lines) + "\n---\nTeksti\n"
    started = time.perf_counter()
    found = problems(tmp_path, one_file(text))
    assert time.perf_counter() - started < 5
    assert found[0] == (
        "content/fi/esimerkki.md:2:5: this value is repeated elsewhere by a YAML alias (*name); write "
        "the value out where it is needed instead of using &name and *name"
    )
    assert len(found) == len(set(found)) == 9


def test_each_line_of_the_redirects_is_checked_at_its_line(tmp_path: Path) -> None:
    """An address becomes a path in the output and a line of _redirects: only its plain form
    gets through, and every mistake is reported at once."""
    redirects = (
        "fi/kaytannot/vanha/: fi/kaytannot/\n"
        "../../etc/: fi/kaytannot/\n"
        'fi/x/: "fi/\\"><script>"\n'
        "fi/y/: !!python/object/apply:os.system [echo]\n"
        "fi/z/: [fi/, sv/]\n"
        "/fi/kaytannot/vanha: fi/\n"
        "fi/w/:\n"
        "admin/: fi/\n"
        "fi/v/: https://hyvatkaytannot.kotoutuminen.fi/fi/kaytannot/\n"
        "fi/u/: https://example.com/fi/\n"
        'fi/t/: "fi/\\u202eevil/"\n'  # an escape: the message shows what YAML reads
    )
    files = {**pair(), "content/redirects.yaml": redirects}
    address = (
        "is not an address of this site; an address is lowercase letters, digits and hyphens "
        "between slashes, such as 'fi/kaytannot/vanha-nimi/'"
    )
    form = (
        "each line should be 'old/address/: new/address/', for example "
        "'fi/kaytannot/vanha-nimi/: fi/kaytannot/'"
    )
    assert problems(tmp_path, files) == [
        f"content/redirects.yaml:2:1: '../../etc/' {address}",
        f"content/redirects.yaml:3:8: 'fi/\"><script>' {address}",
        "content/redirects.yaml:4:8: a YAML tag (!!python/object/apply:os.system) is used; write the "
        "address alone",
        f"content/redirects.yaml:5:8: this should be one address, not a list or fields; {form}",
        "content/redirects.yaml:6:1: '/fi/kaytannot/vanha/' is given twice (first on line 1); keep only one",
        f"content/redirects.yaml:7:7: an address is missing here; {form}",
        f"content/redirects.yaml:8:1: '/admin/' is not below fi/ or sv/, where the pages are; {form}",
        "content/redirects.yaml:9:8: write the address without 'https://hyvatkaytannot.kotoutuminen.fi/' "
        "in front: 'fi/kaytannot/'",
        f"content/redirects.yaml:10:8: 'https://example.com/fi/' {address}",
        f"content/redirects.yaml:11:8: 'fi/⟨U+202E⟩evil/' {address}",
    ]


def test_each_line_of_the_redirects_that_is_not_yaml_is_reported_at_its_own_line(tmp_path: Path) -> None:
    """Read as one YAML document, the file stopped at its first mistake, and a line without its
    colon was reported at the line after it ("could not find expected ':'"). Each line is one
    redirect, read on its own: every mistake at its line, comments, blank lines and a tab in
    front allowed."""
    redirects = (
        "fi/vanha/: fi/kaytannot/\n"
        "fi/toinen/: fi/: x\n"
        "fi/kolmas/ fi/kaytannot/\n"
        "\n"
        "# Poistettu 2026\n"
        "fi/neljas/: fi/kaytannot/  # yhdistetty\n"
        "sv/x/: [sv/, fi/\n"
        "\tfi/viides/: fi/kaytannot/\n"
    )
    files = {**pair(), "content/redirects.yaml": redirects}
    form = (
        "each line should be 'old/address/: new/address/', for example "
        "'fi/kaytannot/vanha-nimi/: fi/kaytannot/'"
    )
    assert problems(tmp_path, files) == [
        f"content/redirects.yaml:2:16: this line cannot be read (mapping values are not allowed in this "
        f"context); {form}",
        f"content/redirects.yaml:3:1: the ':' after the old address is missing; {form}",
        f"content/redirects.yaml:7:17: this line cannot be read (did not find expected ',' or ']'); {form}",
    ]


def test_a_redirect_may_neither_hide_a_page_nor_lead_nowhere(tmp_path: Path) -> None:
    redirects = (
        "fi/kaytannot/esimerkki/: fi/kaytannot/\n"
        "fi/vanha/: fi/ei-ole/\n"
        "fi/toinen/: fi/vanha/\n"
        "sv/gammal/: sv/praxis/exempel/\n"
    )
    files = {**pair(), "content/redirects.yaml": redirects}
    nowhere = (
        "is not a page of the site, so this line would lead readers to a missing page; point it at a "
        "practice or a section, such as 'fi/kaytannot/'"
    )
    assert problems(tmp_path, files) == [
        "content/redirects.yaml:1:1: '/fi/kaytannot/esimerkki/' is a page of the site, so it cannot also "
        "lead elsewhere; remove this line (a redirect is only for an address whose page is gone)",
        f"content/redirects.yaml:2:1: '/fi/ei-ole/' {nowhere}",
        f"content/redirects.yaml:3:1: '/fi/vanha/' {nowhere}",
    ]


def test_a_mistake_in_the_vocabulary_does_not_hide_the_practices_mistakes(tmp_path: Path) -> None:
    """An editor adds a theme, forgets its Swedish label, and uses it in a practice that has a
    mistake of its own: both are reported at once, and the new code is known to the check. A
    vocabulary that cannot be read as lists at all is reported alone."""
    root = make_project(tmp_path, pair(themes="[housing, integration-training]", extra="end_year: 20x1"))
    vocabulary = root / "content/vocabulary.yaml"
    text = vocabulary.read_text(encoding="utf-8")
    vocabulary.write_text(text.replace("themes:\n", "themes:\n  - code: housing\n    fi: Asuminen\n", 1))
    with pytest.raises(ContentError) as raised:
        check_site(root)
    assert [str(p) for p in raised.value.problems] == [
        "content/vocabulary.yaml:10:5: the 'sv' label of 'housing' is missing; write it after the colon",
        "content/fi/esimerkki.md:22:11: end_year should be a year such as 2016, not '20x1'",
        "content/sv/esimerkki.md:22:11: end_year should be a year such as 2016, not '20x1'",
    ]
    vocabulary.write_text(text.replace("themes:\n", "themes:\n  - code: housing\n   fi: Asuminen\n", 1))
    with pytest.raises(ContentError) as raised:
        check_site(root)
    assert [p.path.as_posix() for p in raised.value.problems] == ["content/vocabulary.yaml"]


def test_a_code_written_as_words_in_the_vocabulary_is_told_alone_with_the_code_to_write(
    tmp_path: Path,
) -> None:
    """'Employment entrepreneurship' for employment-entrepreneurship: the vocabulary's line is
    told, with the code to write; the practices that use the code are not told it is unknown
    (every practice with the theme was, the vocabulary's own line last)."""
    root = make_project(tmp_path, pair(themes="[employment-entrepreneurship]"))
    vocabulary = root / "content/vocabulary.yaml"
    text = vocabulary.read_text(encoding="utf-8")
    old = "  - code: employment-entrepreneurship\n"
    line = text[: text.index(old)].count("\n") + 1
    vocabulary.write_text(text.replace(old, "  - code: Employment entrepreneurship\n"), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        check_site(root)
    assert [str(p) for p in raised.value.problems] == [
        f"content/vocabulary.yaml:{line}:11: the code 'Employment entrepreneurship' is not lowercase "
        "letters, digits and hyphens; write 'employment-entrepreneurship'"
    ]


def test_a_label_missing_from_the_vocabulary_is_not_also_a_lost_address(tmp_path: Path) -> None:
    """A term's page is addressed by its label: with the Swedish label gone, its page's
    address is unknown, not changed, so the check does not ask for a redirect from it."""
    ledger = "/sv/teman/integrationsutbildning-och-sprakutbildning/\n"
    root = make_project(tmp_path, {**pair(), "content/published-urls.txt": ledger})
    check_site(root)
    vocabulary = root / "content/vocabulary.yaml"
    label = "    sv: Integrationsutbildning och språkutbildning\n"
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8").replace(label, "", 1), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        check_site(root)
    assert [str(p) for p in raised.value.problems] == [
        "content/vocabulary.yaml:22:5: the 'sv' label of 'integration-training' is missing; write it after "
        "the colon"
    ]


def test_an_invisible_character_no_page_may_hold_is_shown_where_it_hides(tmp_path: Path) -> None:
    """Text pasted from a word processor or a PDF brings characters the editor cannot see: a
    control character in the front matter was 'the front matter cannot be read ()' at line 2,
    and one in the text, or a direction override that shows a title in another order than it
    is written, was published as it was (the HTML checker refuses a page with a control
    character). Each line that has one is reported, with the text around it, and the file is
    read on, so that its other mistakes (the end year) come at once too."""
    files = one_file(
        practice(
            title="Esimerkki\u202ekäytäntö",
            summary="Lyhyt\x07 kuvaus.",
            body="## Tausta\n\nEnsimmäinen rivi\x0btoinen rivi\x0bkolmas.\n\nSivu\x0c\n",
            extra="end_year: 20x1",
        )
    )
    errors = problems(tmp_path, files)
    assert errors == [
        "content/fi/esimerkki.md:3:17: an invisible character ⟨U+202E⟩ in 'Esimerkki⟨U+202E⟩käytäntö': a "
        "direction mark, which shows the text after it in another order than it is written; delete it "
        "(retyping the text around it does)",
        "content/fi/esimerkki.md:5:15: an invisible character ⟨U+0007⟩ in 'Lyhyt⟨U+0007⟩ kuvaus.': "
        "a control character, which a web page may not contain; delete it (retyping the text around it "
        "does)",
        "content/fi/esimerkki.md:22:11: end_year should be a year such as 2016, not '20x1'",
        "content/fi/esimerkki.md:26:17: an invisible character ⟨U+000B⟩ in 'rivi⟨U+000B⟩toinen' (and 1 more "
        "on this line): a line break pasted from a word processor; press Enter "
        "instead, or delete it (retyping the text around it does)",
        "content/fi/esimerkki.md:28:5: an invisible character ⟨U+000C⟩ in 'Sivu⟨U+000C⟩': a page break "
        "pasted from a word processor; delete it (retyping the text around it does)",
    ]


def test_an_invisible_character_written_as_an_escape_is_told_at_its_field(tmp_path: Path) -> None:
    """In double quotes YAML reads \\a, \\x0b or \\u202e as the character itself, which the
    file's text does not hold: a bell in a summary reached the page (and the HTML checker
    refused it). Every value is checked as the page gets it, a list's items and the criteria's
    evidence too."""
    text = practice(
        title='"Esimerkki\\u202ekäytäntö"',
        summary='"Lyhyt\\a kuvaus."',
        extra='contact: {name: "Maija\\x0bMeikäläinen"}',
    ).replace("organisations: [Esimerkkikunta]", 'organisations: [Esimerkkikunta, "Toinen\\x1b"]')
    text = text.replace(
        "high-impact: Tulokset ovat parempia.", 'high-impact: "Tulokset\\u2028ovat parempia."'
    )
    assert problems(tmp_path, one_file(text)) == [
        "content/fi/esimerkki.md:3:8: title has an invisible character ⟨U+202E⟩ in "
        "'Esimerkki⟨U+202E⟩käytäntö', written as an escape in quotes (such as \\u202e): a direction "
        "mark, which shows the text after it in another order than it is written; delete it",
        "content/fi/esimerkki.md:5:10: summary has an invisible character ⟨U+0007⟩ in "
        "'Lyhyt⟨U+0007⟩ kuvaus.', written as an escape in quotes (such as \\u0007): a control "
        "character, which a web page may not contain; delete it",
        "content/fi/esimerkki.md:10:33: organisations item 2 has an invisible character ⟨U+001B⟩ in "
        "'Toinen⟨U+001B⟩', written as an escape in quotes (such as \\u001b): a control character, "
        "which a web page may not contain; delete it",
        "content/fi/esimerkki.md:19:16: criteria high-impact has an invisible character ⟨U+2028⟩ in "
        "'Tulokset⟨U+2028⟩ovat', written as an escape in quotes (such as \\u2028): a line separator, "
        "which browsers do not show as a break; press Enter instead, or delete it",
        "content/fi/esimerkki.md:22:17: contact name has an invisible character ⟨U+000B⟩ in "
        "'Maija⟨U+000B⟩Meikäläinen', written as an escape in quotes (such as \\u000b): a line break "
        "pasted from a word processor; press Enter instead, or delete it",
    ]


LONG_REFERENCE = "&#" + "9" * 5000 + ";"


def test_a_character_reference_to_an_invisible_character_is_told_at_its_place(tmp_path: Path) -> None:
    """Markdown and HTML read &#7; as the character itself, which then reached the page; in
    code it is shown as written, and &#128; is the euro sign, as browsers read it. A number
    past the last character gives the replacement character (and Python no traceback)."""
    text = practice(
        body="## Tausta\n\nKello&#7;soi ja &#X202E;käänteinen, `&#7;` ja 5 &#128;." + LONG_REFERENCE + "\n",
        criteria=CRITERIA.replace("Vaiheet on kuvattu.", "Vaiheet&#x0b;on kuvattu."),
    )
    assert problems(tmp_path, one_file(text)) == [
        "content/fi/esimerkki.md:20:15: '&#x0b;' gives an invisible character ⟨U+000B⟩: a line break "
        "pasted from a word processor; press Enter instead, or delete it",
        "content/fi/esimerkki.md:25:6: '&#7;' gives an invisible character ⟨U+0007⟩: a control "
        "character, which a web page may not contain; delete it",
        "content/fi/esimerkki.md:25:17: '&#X202E;' gives an invisible character ⟨U+202E⟩: a direction "
        "mark, which shows the text after it in another order than it is written; delete it",
    ]


def test_an_escaped_invisible_character_in_the_vocabulary_or_the_settings_is_told_too(
    tmp_path: Path,
) -> None:
    """A term's label and the site's name are on every page: they are checked as the page
    gets them, as front matter is."""
    root = make_project(tmp_path, pair())
    vocabulary = root / "content/vocabulary.yaml"
    text = vocabulary.read_text(encoding="utf-8")
    label = "fi: Perustieto, ohjaus ja neuvonta\n"
    line = text[: text.index(label)].count("\n") + 1
    vocabulary.write_text(text.replace(label, 'fi: "Perustieto\\u202e"\n', 1), encoding="utf-8")
    settings = root / "site.toml"
    text = settings.read_text(encoding="utf-8")
    name = 'fi = "Kotoutumisen hyvät käytännöt"'
    settings.write_text(text.replace(name, 'fi = "Kotoutumisen\\u0007 hyvät käytännöt"', 1), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        check_site(root)
    assert [str(p) for p in raised.value.problems] == [
        f"content/vocabulary.yaml:{line}:9: the 'fi' label of 'basic-info-guidance' has an invisible "
        "character ⟨U+202E⟩ in 'Perustieto⟨U+202E⟩', written as an escape in quotes (such as "
        "\\u202e): a direction mark, which shows the text after it in another order than it is "
        "written; delete it",
        f"site.toml:{text[: text.index(name)].count(chr(10)) + 1}:1: name.fi has an invisible character "
        "⟨U+0007⟩ in 'Kotoutumisen⟨U+0007⟩ hyvät', written as an escape in quotes (such as \\u0007): a "
        "control character, which a web page may not contain; delete it",
    ]


def test_a_replaced_code_points_to_its_replacement(tmp_path: Path) -> None:
    """A term merged into another keeps its old code as 'code: old, replaced_by: new': a
    practice still using the old code is told the new one. A replaced code still in use, or
    replaced by a code the list lacks, is a mistake of its own."""
    root = make_project(tmp_path, one_file(practice(themes="[language-training]")))
    vocabulary = root / "content/vocabulary.yaml"
    text = vocabulary.read_text(encoding="utf-8")
    replacements = (
        "  - {code: language-training, replaced_by: integration-training}\n"
        "  - {code: refugee-reception, replaced_by: integration-training}\n"
        "  - {code: old-guidance, replaced_by: guidance}\n"
        "  - {code: old-training, replaced_by: integration-training, fi: Vanha}\n"
        "  - {code: Old Training, replaced_by: integration-training}\n"
    )
    vocabulary.write_text(text.replace("\nphases:\n", f"{replacements}\nphases:\n", 1), encoding="utf-8")
    line = text[: text.index("\nphases:\n")].count("\n") + 1
    with pytest.raises(ContentError) as raised:
        check_site(root)
    assert [str(p) for p in raised.value.problems if "warning" not in str(p)] == [
        f"content/vocabulary.yaml:{line + 1}:5: 'refugee-reception' is a code of 'themes' in use; only a "
        "code no longer used is replaced",
        f"content/vocabulary.yaml:{line + 2}:39: replaced_by 'guidance' is not a code of 'themes'; give one "
        "of: basic-info-guidance, children-youth-families, employment-entrepreneurship, "
        "initial-assessment-plan, integration-training, multisectoral-cooperation, "
        "participation-civil-society, refugee-reception",
        f"content/vocabulary.yaml:{line + 3}:61: unknown field 'fi'; the fields here are code, replaced_by",
        f"content/vocabulary.yaml:{line + 4}:12: the code 'Old Training' is not lowercase letters, digits "
        "and hyphens; write 'old-training'",
        "content/fi/esimerkki.md:6:10: unknown themes code 'language-training'; it was replaced by "
        "'integration-training' (Kotoutumiskoulutus ja kielikoulutus)",
    ]


_NAMED_APART = (
    "warning: this file and its {lang} version {other} are named apart, and the web editor pairs a "
    "practice's two files by their name: it would show two practices, each without the other "
    "language; rename this file to {wanted}, after its id"
)


@pytest.mark.parametrize(
    ("fi_file", "sv_file", "expected"),
    [
        (
            "sample.md",
            "exempel.md",
            [
                "content/sv/exempel.md:2:5: "
                + _NAMED_APART.format(
                    lang="Finnish", other="content/fi/sample.md", wanted="content/sv/sample.md"
                )
            ],
        ),
        (
            "esimerkki.md",
            "exempel.md",
            [
                "content/fi/esimerkki.md:2:5: "
                + _NAMED_APART.format(
                    lang="Swedish", other="content/sv/exempel.md", wanted="content/fi/sample.md"
                ),
                "content/sv/exempel.md:2:5: "
                + _NAMED_APART.format(
                    lang="Finnish", other="content/fi/esimerkki.md", wanted="content/sv/sample.md"
                ),
            ],
        ),
        ("esimerkki.md", "esimerkki.md", []),
        ("sample.md", "sample.md", []),
    ],
)
def test_a_practice_whose_two_files_are_named_apart_is_told_the_name_the_web_editor_pairs(
    tmp_path: Path, fi_file: str, sv_file: str, expected: list[str]
) -> None:
    """The web editor pairs the two language versions by file name, not by id: named apart,
    they are two practices there, and each file not named after its id is told to be. Named
    alike, by slug or by id, they are left alone."""
    files = pair()
    named = {
        f"content/fi/{fi_file}": files["content/fi/esimerkki.md"],
        f"content/sv/{sv_file}": files["content/sv/esimerkki.md"],
    }
    assert [str(w) for w in check_site(make_project(tmp_path, named)).warnings] == expected


def test_a_slug_or_id_that_is_no_address_is_told_the_address_it_would_make(tmp_path: Path) -> None:
    """The example is made from what the editor wrote; where that gives none, from the house's."""
    files = {
        "content/fi/esimerkki.md": practice(slug="Uusi Osoite"),
        "content/sv/esimerkki.md": practice(slug="–", extra="translation_pending: true"),
    }
    assert problems(tmp_path, files) == [
        "content/fi/esimerkki.md:4:7: slug 'Uusi Osoite' may contain only lower-case letters a-z, digits "
        "and single hyphens; for example 'uusi-osoite' (it becomes the page address)",
        "content/sv/esimerkki.md:4:7: slug '–' may contain only lower-case letters a-z, digits and single "
        "hyphens; for example 'kielikahvila-oulu' (it becomes the page address)",
    ]
