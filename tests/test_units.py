"""Small pure functions: alphabetical order, Markdown sanitising, dates and plurals, slugs."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date
from pathlib import Path, PurePath

import pytest
import yaml
from hypothesis import assume, example, given
from hypothesis import strategies as st
from markupsafe import Markup

from catalogue import workers
from catalogue.conflicts import merge_conflicts
from catalogue.content.collation import sort_key
from catalogue.content.freshness import copied_lines, line_keys
from catalogue.content.house_style import in_typographic_quotes
from catalogue.content.hyphenation import HEADING, finnish_syllables, hyphenator
from catalogue.content.slugs import slugify
from catalogue.content.source import SourceDocument, parse_source
from catalogue.problems import Severity
from catalogue.site.i18n import MissingTranslation, load_translations, long_date
from catalogue.site.line_breaks import breakable_address, hyphens_kept_with_words, in_headings
from catalogue.site.markdown import (
    PLAIN_LINE,
    SMARTY_CHANGES,
    Converter,
    extensions,
    scrollable_tables,
    to_html,
)
from catalogue.site.opendata import csv_field

from .helpers import ROOT


def test_finnish_and_swedish_alphabetical_order() -> None:
    names = ["Örebro", "Wasa", "Åland", "Östersundom", "Vaasa", "Äänekoski", "Ahvenanmaa", "zeta"]
    assert sorted(names, key=sort_key) == [
        "Ahvenanmaa",
        "Vaasa",
        "Wasa",
        "zeta",
        "Åland",
        "Äänekoski",
        "Örebro",
        "Östersundom",
    ]


def test_order_ignores_case_and_files_foreign_accents_with_their_letter() -> None:
    assert sorted(["ähtäri", "Åbo", "élan", "Eura", "aura", "Über"], key=sort_key) == [
        "aura",
        "élan",
        "Eura",
        "Über",
        "Åbo",
        "ähtäri",
    ]


def test_an_invisible_soft_hyphen_does_not_move_a_title() -> None:
    titles = ["Alkuopas", "Alku\u00adkiri", "Alkuz", "Alkukoti"]
    assert sorted(titles, key=sort_key) == ["Alku\u00adkiri", "Alkukoti", "Alkuopas", "Alkuz"]


def test_python_default_order_would_be_wrong() -> None:
    names = ["Örebro", "Åland", "Äänekoski"]
    assert sorted(names) != sorted(names, key=sort_key)


def html(markdown: str, base: str = "/", image_sizes: dict[str, tuple[int, int]] | None = None) -> str:
    return to_html(
        markdown, base, lambda pid: f"fi/kaytannot/{pid}/" if pid == "known" else "", image_sizes or {}
    )


def test_markdown_raw_html_is_sanitised() -> None:
    dirty = (
        '<script>alert(1)</script><p onclick="x()">Hei</p><iframe src="https://e.vil"></iframe>'
        '<a href="javascript:alert(1)">a</a> <a href="data:text/html,x">b</a>'
        '<object data="x"></object><style>p{}</style><img src="/static/x.png" alt="x" onerror="y()">'
    )
    out = html(dirty)
    for bad in ("<script", "onclick", "<iframe", "javascript:", "data:", "<object", "<style", "onerror"):
        assert bad not in out
    assert "<p>Hei</p>" in out
    assert '<img src="/static/x.png" alt="x">' in out


@pytest.mark.parametrize(
    ("written", "made", "warned"),
    [
        ('<span lang="fi_FI">a</span>', "<span>a</span>", ["lang"]),
        ('<span lang="en-GB">a</span>', '<span lang="en-GB">a</span>', []),
        ('<span LANG = "fi_FI">a</span>', "<span>a</span>", ["lang"]),
        ('<a href="https://x.fi/" hreflang="suomi">a</a>', '<a href="https://x.fi/">a</a>', ["hreflang"]),
        (
            '<table><tr><th scope="kaikki" colspan="2">a</th><td rowspan="x">b</td></tr></table>',
            '<table><tbody><tr><th colspan="2">a</th><td>b</td></tr></tbody></table>',
            ["scope", "rowspan"],
        ),
        ('<ol start="kolme"><li>a</li></ol>', "<ol><li>a</li></ol>", ["start"]),
        ('<ol start="-3"><li>a</li></ol>', '<ol start="-3"><li>a</li></ol>', []),
        (
            '<img src="/x.png" alt="x" width="leveä" height="30">',
            '<img src="/x.png" alt="x" height="30">',
            ["width"],
        ),
        ("3. kolme\n4. neljä", '<ol start="3">\n<li>kolme</li>\n<li>neljä</li>\n</ol>', []),
    ],
)
def test_an_attribute_with_a_value_html_does_not_allow_is_removed_and_warned_of(
    written: str, made: str, warned: list[str]
) -> None:
    """lang="fi_FI", colspan="two" and the like made the page invalid HTML: the sanitiser
    removes them, and the check warns of each."""
    from catalogue.content.html_policy import removed_html

    assert Converter().convert(written).removeprefix("<p>").removesuffix("</p>") == made
    assert [what.split("=")[0].removeprefix("the attribute ") for _, what in removed_html(written)] == warned


def test_other_language_passages_keep_their_lang() -> None:
    assert '<span lang="sv">god praxis</span>' in html('Ruotsiksi <span lang="sv">god praxis</span>.')


def test_practice_links_resolve_and_root_links_follow_the_base_path() -> None:
    out = html("[A](practice:known) ja [B](/static/a.pdf)", base="/hk/")
    assert '<a href="/hk/fi/kaytannot/known/">A</a>' in out
    assert '<a href="/hk/static/a.pdf">B</a>' in out


def test_markdown_tables_and_heading_ids() -> None:
    out = html("## Tausta ja tulokset\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert '<h2 id="tausta-ja-tulokset">' in out
    assert "<table>" in out


def test_no_state_leaks_between_documents() -> None:
    """One converter serves many documents; each starts afresh (heading ids are not deduplicated
    against an earlier document's)."""
    converter = Converter()
    assert '<h2 id="tausta">' in converter.convert("## Tausta\n")
    assert '<h2 id="tausta">' in converter.convert("## Tausta\n")


MARKDOWN_PIECES = st.sampled_from(
    [
        *"ab ä\\*_[]()<>&#-.`|!:=/”’—0'\"",
        *("\n", "\n\n", "    ", "- ", "1. ", "## ", "<b>", "&amp;", "&nbsp;", "&mdash;", "[TOC]"),
        *("<http://x.fi>", "[a](http://x.fi)", "![k](/static/k.png)", "<!-- c -->", "<div>\nx\n</div>\n"),
        "| a | b |\n|---|---|\n| c | d |\n",
    ]
)


@given(st.lists(MARKDOWN_PIECES, max_size=40).map("".join))
def test_smarty_is_left_out_only_where_it_would_change_nothing(text: str) -> None:
    """Converter skips Smarty's pass for a text without quotes, dashes or dots in a row: the
    HTML must be what Smarty's converter makes of it."""
    import markdown

    if SMARTY_CHANGES.search(text):
        return
    with_smarty = markdown.Markdown(extensions=extensions()).convert(text)
    assert Converter()._markdown(typographic=False).reset().convert(text) == with_smarty


PLAIN_PIECES = st.one_of(
    st.characters(categories=("L", "M", "N", "P", "S", "Zs")),
    st.sampled_from([*"aäöå AÖ1 ,.;:?!()%/+–—-", "  ", "\n", "1. ", "--", "..."]),
)


@given(st.lists(PLAIN_PIECES, min_size=1, max_size=30).map("".join))
def test_a_plain_line_is_the_paragraph_python_markdown_makes_of_it(text: str) -> None:
    """Converter makes a plain line (`PLAIN_LINE`) a paragraph by itself: the HTML must be what
    Python-Markdown (with the site's extensions) and the sanitiser make of it."""
    import markdown

    if not PLAIN_LINE.fullmatch(text):
        return
    through_markdown = Converter._clean(markdown.Markdown(extensions=extensions()).convert(text))
    assert Converter().convert(text) == through_markdown


def test_a_criterion_is_a_plain_line() -> None:
    """The fast way is taken for the evidence of real criteria (or it would buy nothing)."""
    evidence = "Ryhmät muodostettiin osallistujien lähtötason mukaan, ja jokaisella oli oma tavoite (2–3)."
    assert PLAIN_LINE.fullmatch(evidence)
    assert not any(PLAIN_LINE.fullmatch(t) for t in ("1. Kieli", "Katso www.x.fi/a_b", "A *b*", "A  "))


INLINE = (
    st.lists(
        st.sampled_from(
            ["[a](practice:x)", "[b](practice:y#z)", "`[c](practice:c)`", "`", "``", "a", " ", "<b>"]
        ),
        min_size=1,
        max_size=6,
    )
    .map("".join)
    .filter(str.strip)
)
LINES = st.lists(INLINE, min_size=1, max_size=3)


def _list(kind_and_lines: tuple[str, list[str]]) -> str:
    kind, lines = kind_and_lines
    return "\n".join(kind + line for line in lines)


GAPS = st.sampled_from(["\n\n", "\n"])
BLOCKS = st.one_of(
    st.tuples(LINES.map("\n".join), GAPS),
    st.tuples(st.tuples(st.sampled_from(["## ", "#"]), INLINE).map("".join), GAPS),
    st.tuples(LINES.map(lambda lines: "```\n" + "\n".join(lines) + "\n```"), GAPS),
    st.tuples(st.tuples(st.sampled_from(["- ", "1. "]), LINES).map(_list), st.just("\n\n")),
    st.tuples(LINES.map(lambda lines: "\n".join("    " + line for line in lines)), st.just("\n\n")),
)
"""What an editor writes: paragraphs, headings, ``` … ```, lists, indented blocks (which
continue a list or are code), each followed by a blank line or, where that would not put one
block in another, by a line break."""


LINKED_BLOCKS = st.one_of(
    BLOCKS,
    st.tuples(
        st.tuples(st.sampled_from(["<div>\n", "<p>", "<table><tr><td>"]), INLINE)
        .map("".join)
        .map(lambda block: block + {"<d": "\n</div>", "<p": "</p>", "<t": "</td></tr></table>"}[block[:2]]),
        GAPS,
    ),
)
"""The blocks above, and blocks of HTML with Markdown links in them (which the page shows as
written)."""


@given(st.lists(LINKED_BLOCKS, max_size=6))
def test_the_links_found_in_a_text_are_the_links_markdown_makes(blocks: list[tuple[str, str]]) -> None:
    """Code spans and code blocks hold no links: an example link there is neither checked nor
    pointed at its practice. Whatever the blocks, the links to practices that text_links finds
    are the links Python-Markdown makes (each made a link to its practice, none left as text)."""
    import markdown

    from catalogue.content.text_links import links_in, practice_id
    from catalogue.site.markdown import PLACEHOLDER, _linked

    text = "".join(block + gap for block, gap in blocks)
    found = [link for link in links_in(text, 1) if practice_id(link) is not None]
    made = markdown.Markdown(extensions=extensions()).convert(_linked(text))
    assert made.count(f'href="{PLACEHOLDER}') == made.count(PLACEHOLDER) == len(found)


HTML_HEADINGS = st.sampled_from(
    [
        ("<h2>", "</h2>"),
        ("<h4 id='a'>", "</h4>"),
        ("a <H6>", "</H6> b"),
        ("<!-- <h3>", "</h3> -->"),
        ("- <h5>", "</h5>"),
    ]
)
"""Headings written in HTML: alone on a line, in a paragraph, in a comment, in a list item."""
HEADED_BLOCKS = st.one_of(
    BLOCKS,
    st.tuples(st.tuples(st.sampled_from(["#", "# ", "### ", "#### ", "###### "]), INLINE).map("".join), GAPS),
    st.tuples(st.tuples(INLINE, st.sampled_from(["\n===", "\n---", "\n- - -"])).map("".join), GAPS),
    st.tuples(st.just("---"), st.just("\n\n")),
    st.tuples(st.tuples(st.sampled_from(["- ## ", "1. ### "]), INLINE).map("".join), st.just("\n\n")),
    st.tuples(st.just("    a\n==="), GAPS),
    st.tuples(
        st.tuples(HTML_HEADINGS, INLINE).map(lambda tag_and_text: tag_and_text[1].join(tag_and_text[0])),
        GAPS,
    ),
    st.tuples(st.sampled_from(["<div>\n## a\n</div>", "<!--\n### a\n-->", "<!-- a -->b\n---"]), GAPS),
)
"""The blocks above, with headings of every level, underlined ones, rules, headings in lists and
headings in HTML, and Markdown's heading marks in HTML (where they are text)."""


@given(st.lists(HEADED_BLOCKS, max_size=6))
def test_the_headings_the_check_finds_are_the_headings_markdown_makes(blocks: list[tuple[str, str]]) -> None:
    """The check reports a heading that skips a level or repeats the title's level 1: it must
    see the headings Python-Markdown makes, each at its level, in their order."""
    import re

    import markdown

    from catalogue.content.text_headings import headings
    from catalogue.content.text_links import prose

    text = "".join(block + gap for block, gap in blocks)
    found = [heading.level for heading in headings(text.split("\n"), prose(text).split("\n"))]
    made = re.sub("<!--.*?-->", "", markdown.Markdown(extensions=extensions()).convert(text), flags=re.S)
    assert found == [int(level) for level in re.findall(r"<h([1-6])\b", made, re.IGNORECASE)]


HTML_LINES = st.lists(
    st.sampled_from(
        [
            "<p>auki",
            "</p>",
            "<div>",
            "</div>",
            "<div>a</div>",
            '<P class="x">',
            "  <section>",
            "</section>",
            "<table><tr><td>a</td></tr>",
            "</table>",
            "<ul>",
            "<li>a",
            "</ul>",
            "<br>",
            "<hr>",
            "<p/>",
            "<span>a",
            "`<div>`",
            "a <p>",
            "- <div>",
            "> <div>",
            "    <div>",
            "<details>",
            "</DETAILS>",
            "<!--",
            "-->",
            "<!-- <div> -->",
        ]
    ),
    min_size=1,
    max_size=3,
)
HTML_BLOCKS = st.one_of(BLOCKS, st.tuples(HTML_LINES.map("\n".join), GAPS))
"""The blocks above, and lines of raw HTML: block tags opened and closed, or not, tags that
start no block (inline, in code, in a list or a quote, indented as code), and comments."""


@given(st.lists(HTML_BLOCKS, max_size=6))
def test_an_unclosed_html_block_is_found_where_markdown_stops_reading_the_text(
    blocks: list[tuple[str, str]],
) -> None:
    """A block tag at the start of a line that is never closed makes Python-Markdown take all
    the text after it for HTML: the check reports it exactly when a paragraph added after the
    text is no longer made a paragraph."""
    import markdown

    from catalogue.content.html_policy import html_blocks

    text = "".join(block + gap for block, gap in blocks)
    made = markdown.Markdown(extensions=extensions()).convert(text + "\n\nLoppu **x**\n")
    assert any(end is None for _, end, _ in html_blocks(text)) == ("<strong>x</strong>" not in made)


@given(
    st.lists(
        st.sampled_from(["**b**", "[a](https://e.fi/)", "- c", "1. d", "## e", "a", " ", "\n"]), max_size=8
    )
)
def test_markdown_the_check_finds_in_an_html_block_is_shown_as_written(inside: list[str]) -> None:
    """What the check warns of as Markdown inside an HTML block, the page shows as written."""
    import markdown

    from catalogue.content.html_policy import MARKDOWN_MARKS, html_blocks

    text = "<div>\n" + "".join(inside) + "\n</div>\n\nLoppu.\n"
    made = markdown.Markdown(extensions=extensions()).convert(text)
    for start, end, _ in html_blocks(text):
        for mark in MARKDOWN_MARKS.finditer(text[start:end]):
            assert mark[0] in made


def test_the_block_tags_are_python_markdowns() -> None:
    import markdown

    from catalogue.content.html_policy import BLOCK_TAGS

    assert set(markdown.Markdown().block_level_elements) - {"hr"} == BLOCK_TAGS


def test_an_indented_code_span_inside_a_paragraph_does_not_end_it() -> None:
    """Found by the test above with a new seed: an indented line inside a paragraph is more of
    it, even when it is all a code span, so the line underlined below is no heading."""
    import markdown

    from catalogue.content.text_headings import headings
    from catalogue.content.text_links import prose

    text = "Teksti\n    `koodi`\nToinen\n===\n"
    assert "<h1" not in markdown.Markdown(extensions=extensions()).convert(text)
    assert list(headings(text.split("\n"), prose(text).split("\n"))) == []


WORDS = st.from_regex(r"[a-zä0-9/._%-]{1,8}", fullmatch=True)
TARGETS = st.lists(
    st.one_of(WORDS, st.tuples(WORDS, st.from_regex(r"\([a-z0-9 ]{0,6}\)", fullmatch=True)).map("".join)),
    min_size=1,
    max_size=4,
).flatmap(
    lambda words: st.tuples(*(st.sampled_from([" ", "  "]) for _ in words)).map(
        lambda gaps: "".join(gap + word for gap, word in zip(gaps, words, strict=True)).strip()
    )
)
"""Addresses as editors write a file's name: words, spaces, parentheses in pairs ('raportti (2).pdf')."""


@given(TARGETS, st.sampled_from(["", ' "Otsikko"', " 'Otsikko'", " "]), st.sampled_from(["", "!"]))
def test_a_link_target_is_the_address_markdown_makes(target: str, title: str, image: str) -> None:
    """The check looks at the address the page will have: spaces, parentheses and all, without
    the title (a file named 'esite 2024.pdf' is not reported as a missing 'esite')."""
    import html
    import re

    import markdown

    from catalogue.content.text_links import links_in

    text = f"{image}[teksti]({target}{title})"
    made = re.search(r'(?:href|src)="([^"]*)"', markdown.Markdown(extensions=extensions()).convert(text))
    assert made is not None
    assert [link.target for link in links_in(text, 1)] == [html.unescape(made[1])]


def test_a_link_to_a_practice_is_a_markdown_link_to_practice_in_lower_case() -> None:
    """The converter makes only these links; another is removed from the page (and warned of)."""
    from catalogue.content.text_links import links_in, practice_id

    links = links_in('[a](practice:x#h) [b](PRACTICE:y)\n\n<a href="practice:z">c</a>', 3)
    assert [(practice_id(link), link.line, link.column) for link in links] == [
        ("x", 3, 5),
        (None, 3, 23),
        (None, 5, 10),
    ]


LIST_LINES = st.sampled_from(
    [
        *("Tavoitteet:", "teksti", "- a", "* b", "+ c", "1. d", "2. e", "## H", "", "    koodi"),
        *("> lainaus", "`- x`", "***", "  jatkuu", "1. ja 2. luokka", "| a | b |\n|---|---|\n| c | d |"),
        *("  - f", "   1. g", " - i", "<div>x</div>", "<table><tr><td>t</td></tr></table>", "<!-- c -->"),
    ]
)


@given(st.lists(LIST_LINES, min_size=1, max_size=8).map("\n".join))
def test_a_list_run_into_a_paragraph_is_found_where_markdown_makes_one(text: str) -> None:
    """The check reports a list written right under a line of a paragraph, a table or a list of
    the other kind, which the page would run together with it: whatever the lines, it reports
    one exactly where Python-Markdown leaves a list item's line as text (a numbered line alone
    under a paragraph may be meant as text: see text_lists._run_on_lists)."""
    import re

    import markdown

    from catalogue.content.text_rules import text_problems

    made = re.sub(r"<pre>.*?</pre>", "", markdown.Markdown(extensions=extensions()).convert(text), flags=re.S)
    runs = re.findall(r"(?:\n|<td>) *(?:(?P<bullet>[*+-])|\d+\.) ", made)  # items left as text
    _, problems = text_problems(PurePath("x.md"), text, 1, 2)
    found = [p for p in problems if "starts a list" in p.message and p.severity is Severity.ERROR]
    numbered_alone = not any(runs)  # only numbered lines run on: text, maybe
    assert bool(found) == bool(runs) or (runs and not found and numbered_alone)


@given(
    st.lists(
        st.one_of(LIST_LINES, st.sampled_from(["• p", "– q", " • r", "Rivi  ", "Rivi<br>", "• s<br />"])),
        max_size=8,
    ).map("\n".join)
)
def test_pasted_bullets_are_found_where_markdown_runs_them_on(text: str) -> None:
    """The check reports lines that start with a pasted bullet ('• p') exactly when Python-Markdown
    runs one together with another line of text (a line break, two spaces, keeps them apart),
    but where the line it runs into is a list item, which the list rule reports."""
    import re

    import markdown

    from catalogue.content.text_rules import text_problems

    made = re.sub(r"<pre>.*?</pre>", "", markdown.Markdown(extensions=extensions()).convert(text), flags=re.S)
    runs = re.search(r"[^>\s] *\n *[•–] |[•–] [^<\n]*\n *[^<\s]", made)
    _, problems = text_problems(PurePath("x.md"), text, 1, 2)
    found = any("does not take for a list item" in p.message for p in problems)
    told_of_a_list = any("starts a list" in p.message for p in problems)  # a list item runs on too
    assert found == bool(runs) or (runs and told_of_a_list)


ADDRESS_PIECES = st.sampled_from(
    [
        *("https://a.fi/x", "www.b.fi", "c.d@e.fi", "(https://k.fi/y)", "https://l.fi.", "teksti"),
        *("[t](https://f.fi)", "<https://g.fi>", "[https://h.fi](https://h.fi)", "`https://i.fi`"),
        *("<j@k.fi>", "[Sivu www.m.fi](https://m.fi)", '<a href="https://n.fi">https://n.fi</a>'),
        *("![kuva](/static/k.png)", "\n\n[r]: https://r.fi\n\n", "\n\n    https://code.fi\n\n"),
    ]
)


@given(st.lists(ADDRESS_PIECES, min_size=1, max_size=8).map(" ".join))
def test_an_address_left_as_text_is_found_where_markdown_leaves_one(text: str) -> None:
    """The check reports an address written as it is (GitHub's preview links it, the page
    does not): whatever the pieces, it reports exactly the addresses Python-Markdown leaves
    as text, outside links and code."""
    import html
    import re

    import markdown

    from catalogue.content.text_rules import text_problems

    made = markdown.Markdown(extensions=extensions()).convert(text)
    shown = re.sub(r"<a\b.*?</a>|<code>.*?</code>|<[^>]*>", " ", made, flags=re.S)
    left = re.findall(r"(?:https?://|www\.)[^\s()]*[^\s().]|[\w.]+@[\w.]*\w", html.unescape(shown))
    _, problems = text_problems(PurePath("x.md"), text, 1, 2)
    found = [p.message.split("'")[1] for p in problems if "is shown as text" in p.message]
    assert sorted(found) == sorted(left)


def test_smarty_sets_quotes_and_dashes_where_a_text_has_them() -> None:
    out = html("Hän sanoi \"tervetuloa\" -- ja 'moi'...")
    assert "Hän sanoi ”tervetuloa” – ja ’moi’…" in out


STRINGS = {lang: load_translations(ROOT / "locales", lang) for lang in ("fi", "sv")}


def test_dates_in_each_language() -> None:
    assert long_date(date(2024, 1, 5), STRINGS["fi"]) == "5. tammikuuta 2024"
    assert long_date(date(2024, 1, 5), STRINGS["sv"]) == "5 januari 2024"


@given(st.dates(min_value=date(1900, 1, 1)), st.sampled_from(["fi", "sv"]))
def test_dates_are_as_babel_formats_them(day: date, lang: str) -> None:
    from babel.dates import format_date

    assert long_date(day, STRINGS[lang]) == format_date(day, "long", locale=lang)


def test_plurals_follow_each_language() -> None:
    fi = load_translations(ROOT / "locales", "fi")
    sv = load_translations(ROOT / "locales", "sv")
    assert fi.ngettext("%(num)d practice", "%(num)d practices", 1) % {"num": 1} == "1 käytäntö"
    assert fi.ngettext("%(num)d practice", "%(num)d practices", 3) % {"num": 3} == "3 käytäntöä"
    assert sv.ngettext("%(num)d practice", "%(num)d practices", 3) % {"num": 3} == "3 exempel"


def test_a_string_the_catalogue_lacks_is_refused_in_every_form() -> None:
    fi = load_translations(ROOT / "locales", "fi")
    asks: list[Callable[[], str]] = [
        lambda: fi.gettext("No such string"),
        lambda: fi.ngettext("No such string", "No such strings", 2),
        lambda: fi.pgettext("menu", "No such string"),
        lambda: fi.npgettext("menu", "No such string", "No such strings", 2),
    ]
    for ask in asks:
        with pytest.raises(MissingTranslation, match="'No such string' has no translation"):
            ask()


def test_slugs_are_ascii() -> None:
    assert slugify("Päijät-Häme: Åland ja öljy") == "paijat-hame-aland-ja-oljy"


def test_positions_are_lines_of_the_file() -> None:
    doc = parse_source("---\nid: a\nthemes:\n  - x\n  - y\n---\n\nText\n", PurePath("f.md"))
    assert not isinstance(doc, list)
    assert doc.where("themes") == (3, 1)
    assert doc.where("themes", 1) == (5, 5)
    assert doc.body_line == 8


LINE_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=15)


@given(LINE_TEXT, LINE_TEXT)
@example("”ESR", "2 hanke”")  # a value in typographic quotes, which Hypothesis found as '« #«'
def test_the_fix_for_a_comment_after_a_value_keeps_all_of_the_value(value: str, comment: str) -> None:
    """Whatever a text value and the words after its ' #', the check reports the comment, and
    the line it says to write holds the whole text (inside typographic quotes around all of it,
    which the editor meant as YAML's: ”ESR #2 hanke”)."""
    try:  # a value YAML reads, on its own, as the same plain text
        document = yaml.compose(f"funding: {value}", Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        assume(False)
    assert isinstance(document, yaml.MappingNode)  # "funding: …" on one line, when it parses
    node = document.value[0][1]
    assume(isinstance(node, yaml.ScalarNode) and node.style is None and node.value == value)
    assume(node.tag == "tag:yaml.org,2002:str")
    found = parse_source(f"---\nfunding: {value} #{comment}\n---\n", PurePath("f.md"))
    assert isinstance(found, SourceDocument) and len(found.problems) == 1
    message = found.problems[0].message
    fix = message.split("put the whole value in quotes: ", 1)[1].rsplit("; if it is a note", 1)[0]
    fix = fix.split(" (straight quotes: YAML does not read ", 1)[0]
    whole = f"{value} #{comment}".rstrip()
    assert yaml.safe_load(fix) == {"funding": in_typographic_quotes(whole) or whole}


def test_the_substance_hash_treats_whitespace_as_the_regex_did() -> None:
    """Recorded translated_from hashes stay valid: str.split() folds the same whitespace as
    the regular expression it replaced."""
    import hashlib
    import re

    from catalogue.content.freshness import HASH_LENGTH, substance_hash

    texts = ["a  b", "\ta\nb ", "a\u00a0b\u2003c\u3000d", "a\x1cb\x1fc\x85d", "  ", "", "ä\r\nö\u2028å"]
    for body in texts:
        joined = "\u241e".join(["T", "S", body, "c"])
        before = hashlib.sha256(re.sub(r"\s+", " ", joined).strip().encode()).hexdigest()[:HASH_LENGTH]
        assert substance_hash("T", "S", body, ["c"], []) == before, repr(body)


@pytest.mark.parametrize(
    ("base_url", "email", "found"),
    [
        ("https://hyvatkaytannot.kotoutuminen.fi/", "kotoutuminen@gov.fi", []),
        ("http://localhost:8000/", "kotoutuminen@gov.fi", ["base_url http://localhost:8000/"]),
        (
            "https://www.example.org/sub/",
            "a@example.fi",
            ["base_url https://www.example.org/sub/", "feedback_email a@example.fi"],
        ),
        ("https://kotoutuminen.fi/", "palaute@site.test", ["feedback_email palaute@site.test"]),
        ("https://examples.fi/", "a@counterexample.fi", []),
    ],
)
def test_local_and_example_addresses_are_found_in_the_settings(
    base_url: str, email: str, found: list[str]
) -> None:
    from catalogue.config import load_config

    config = load_config(ROOT / "site.toml").with_base_url(base_url)
    assert config._replace(feedback_email=email).placeholders() == found


@given(st.lists(st.lists(st.one_of(st.text(), st.integers(), st.none()), min_size=2), min_size=1))
def test_open_data_csv_reads_back_as_written(rows: list[list[str | int | None]]) -> None:
    """Python's csv reader (and so a spreadsheet) reads each field back as it was given."""
    text = "".join(",".join(map(csv_field, row)) + "\n" for row in rows)
    expected = [["" if value is None else str(value) for value in row] for row in rows]
    assert list(csv.reader(io.StringIO(text, newline=""))) == expected


@given(st.integers(min_value=1, max_value=5000), st.integers(min_value=2, max_value=8))
def test_work_is_cut_into_even_parts_a_multiple_of_the_cores(count: int, cores: int) -> None:
    items = list(range(count))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(workers, "core_count", lambda: cores)
        parts = workers.chunks(items, parallel=True)
    assert [item for part in parts for item in part] == items
    sizes = {len(part) for part in parts}
    assert max(sizes) - min(sizes) <= 1 and max(sizes) <= 401
    assert len(parts) % cores == 0 or len(parts) == count


@pytest.mark.parametrize("path", ["../x.html", "/etc/x", "", "fi/teemat//index.html", "./fi/index.html"])
def test_a_page_is_written_only_to_a_plain_path_inside_the_output(tmp_path: Path, path: str) -> None:
    """'fi/teemat//index.html' and 'fi/teemat/index.html' would be one file written twice."""
    from catalogue.build.write import WriteError, write_file

    with pytest.raises(WriteError):
        write_file(tmp_path / "out", path, "x")
    assert not any(tmp_path.rglob("*"))


def test_every_mistake_in_the_vocabulary_is_reported_at_its_line(tmp_path: Path) -> None:
    """A label or code that cannot make an address, or is no text at all ('sv:' was shown as
    'None', 'fi: [a]' as "['a']"), or cut short by a comment, a code given twice, a field the
    file does not have; and YAML's mistakes with a sure mend, which hide none of these."""
    from catalogue.content.vocabulary import load_vocabulary
    from catalogue.problems import ContentError

    text = (ROOT / "content/vocabulary.yaml").read_text(encoding="utf-8")
    for old, new in [
        ("    fi: Perustieto, ohjaus ja neuvonta\n", '    fi: "–"\n'),
        ("    sv: Basinformation, vägledning och rådgivning\n", "    sv:\n    en: Basic\n"),
        ("  - code: initial-assessment-plan\n", "  - code: [a, b]\n"),
        ("  - code: employment-entrepreneurship\n", "  - code: integration-training\n"),
        ("    fi: Lapset, nuoret ja perheet\n", "    fi: [Lapset]\n"),
        ("    sv: Barn, unga och familjer\n", "    sv: Barn, unga #och familjer\n"),
        ("    fi: Ohjaus ja neuvonta\n", "    fi: Perustieto!\n"),
        ("    sv: Sysselsättning och företagande\n", "    sv: Arbete: sysselsättning och företagande\n"),
        ("    fi: Pakolaisten vastaanotto\n", "\tfi: Pakolaisten vastaanotto\n"),
    ]:
        assert old in text
        text = text.replace(old, new, 1)
    (tmp_path / "vocabulary.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_vocabulary(tmp_path / "vocabulary.yaml")
    assert [str(p) for p in raised.value.problems] == [
        "content/vocabulary.yaml:11:9: the 'fi' label of 'basic-info-guidance' makes an empty address; "
        "give it a letter or digit",
        "content/vocabulary.yaml:12:8: the 'sv' label of 'basic-info-guidance' is missing; write it "
        "after the colon",
        "content/vocabulary.yaml:13:5: unknown field 'en'; the fields here are code, fi, sv, description, "
        "step, search_words",
        "content/vocabulary.yaml:17:11: the code of an entry of 'themes' should be text, not a list or "
        "fields",
        "content/vocabulary.yaml:29:5: the code 'integration-training' is already used in 'themes' on "
        "line 23",
        "content/vocabulary.yaml:31:15: invalid YAML: a value contains ': ' (a colon and a space), which "
        'YAML reads as a new field; put the whole value in quotes: sv: "Arbete: sysselsättning och '
        'företagande"',
        "content/vocabulary.yaml:36:9: the 'fi' label of 'children-youth-families' should be text, not a "
        "list or fields",
        "content/vocabulary.yaml:37:20: '#och familjer' is a YAML comment, left out of the value, which is "
        "only 'Barn, unga'; if it belongs to the value, put the whole value in quotes: "
        'sv: "Barn, unga #och familjer"; if it is a note for editors, put it on a line of its own',
        "content/vocabulary.yaml:42:1: invalid YAML: the line starts with a tab, which YAML does not take; "
        "write 4 spaces in its place, as a field of the list item above needs: '    fi: Pakolaisten "
        "vastaanotto'",
        "content/vocabulary.yaml:67:5: the 'fi' label of 'guidance-advice' makes the address 'perustieto', "
        "as line 61 does; two terms of a list cannot share a page, so give one of them another label",
    ]


def test_a_terms_search_words_are_told_their_mistakes_at_their_line(tmp_path: Path) -> None:
    """search_words are text in either language or both, as a description is in both."""
    from catalogue.content.vocabulary import load_vocabulary
    from catalogue.problems import ContentError

    text = (ROOT / "content/vocabulary.yaml").read_text(encoding="utf-8")
    terms = [
        ("asylum-seekers", "Turvapaikanhakijat", "Asylsökande", "    search_words: asylsökare\n"),
        ("returnees", "Paluumuuttajat", "Återinvandrare", "    search_words:\n      en: returnees\n"),
        ("jobseekers", "Työnhakijat", "Arbetssökande", "    search_words:\n      sv:\n"),
    ]
    for code, fi, sv, search_words in terms:
        old = f"  - {{code: {code}, fi: {fi}, sv: {sv}}}\n"
        assert old in text
        text = text.replace(old, f"  - code: {code}\n    fi: {fi}\n    sv: {sv}\n{search_words}")
    (tmp_path / "vocabulary.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_vocabulary(tmp_path / "vocabulary.yaml")
    lines = text.splitlines()
    at = [lines.index(f"  - code: {code}") + 4 for code, *_ in terms]
    assert [str(p) for p in raised.value.problems] == [
        f"content/vocabulary.yaml:{at[0]}:19: search_words should give each language's text on a line of its "
        "own below it, two spaces further in: 'fi: …', 'sv: …' or both",
        f"content/vocabulary.yaml:{at[1] + 1}:7: unknown field 'en'; the fields here are fi, sv",
        f"content/vocabulary.yaml:{at[2] + 1}:10: the 'sv' search_words of 'jobseekers' is missing; write it "
        "after the colon",
    ]


def test_a_code_with_braces_in_the_vocabulary_is_told_not_a_traceback(tmp_path: Path) -> None:
    """A term of one line pasted over a code line, its closing brace and all: the term's
    description was named by a format string, which the brace broke (ValueError: Single '}'
    encountered in format string; found by changing real content files at random)."""
    from catalogue.content.vocabulary import load_vocabulary
    from catalogue.problems import ContentError

    text = (ROOT / "content/vocabulary.yaml").read_text(encoding="utf-8")
    pasted = "  - code: keski-suomi, fi: Keski-Suomi, sv: Mellersta Finland}\n"
    (tmp_path / "vocabulary.yaml").write_text(text.replace("  - code: basic-info-guidance\n", pasted, 1))
    with pytest.raises(ContentError) as raised:
        load_vocabulary(tmp_path / "vocabulary.yaml")
    assert [str(p) for p in raised.value.problems] == [
        "content/vocabulary.yaml:10:11: the code 'keski-suomi, fi: Keski-Suomi, sv: Mellersta Finland}' "
        "is not lowercase letters, digits and hyphens; write "
        "'keski-suomi-fi-keski-suomi-sv-mellersta-finland'",
        "content/vocabulary.yaml:10:26: invalid YAML: a value contains ': ' (a colon and a space), which "
        'YAML reads as a new field; put the whole value in quotes: - code: "keski-suomi, fi: Keski-Suomi, '
        'sv: Mellersta Finland}"',
    ]


def test_a_term_added_as_one_line_to_the_vocabulary_is_shown_the_lines_to_write(tmp_path: Path) -> None:
    """A new term written as its name alone, a description in one language only."""
    from catalogue.content.vocabulary import load_vocabulary
    from catalogue.problems import ContentError

    text = (ROOT / "content/vocabulary.yaml").read_text(encoding="utf-8")
    added = (
        "  - Digitaaliset palvelut\n  - digital-services\n"
        "  - code: language-cafes\n    fi: Kielikahvilat\n    sv: Språkkaféer\n"
        "    description: Kielikahvilat ja keskusteluryhmät.\n\nphases:"
    )
    (tmp_path / "vocabulary.yaml").write_text(text.replace("\nphases:", added, 1), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_vocabulary(tmp_path / "vocabulary.yaml")
    assert [str(p) for p in raised.value.problems] == [
        "content/vocabulary.yaml:58:5: 'Digitaaliset palvelut' is an entry of 'themes' without its "
        "fields; write '- code: …' (small letters a-z, digits and hyphens, as the other codes) and, "
        "below code, 'fi: Digitaaliset palvelut' and 'sv: …'",
        "content/vocabulary.yaml:59:5: 'digital-services' is an entry of 'themes' without its fields; "
        "write '- code: digital-services' and, below code, 'fi: …' and 'sv: …'",
        "content/vocabulary.yaml:63:18: description should give each language's text on a line of its "
        "own below it, two spaces further in: 'fi: …' and 'sv: …'",
    ]


def test_a_comment_repeated_by_aliases_in_the_vocabulary_is_reported_once_and_at_once(
    tmp_path: Path,
) -> None:
    """Nine levels of aliases over a value that a comment cuts short: 9^8 repetitions if each
    were looked at, one value and one message."""
    import time

    from catalogue.content.vocabulary import load_vocabulary
    from catalogue.problems import ContentError

    levels = ["x0: &x0\n  - Kotona # huom"]
    levels += [f"x{n}: &x{n} [{', '.join([f'*x{n - 1}'] * 9)}]" for n in range(1, 9)]
    text = (ROOT / "content/vocabulary.yaml").read_text(encoding="utf-8") + "\n".join(levels) + "\n"
    (tmp_path / "vocabulary.yaml").write_text(text, encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(ContentError) as raised:
        load_vocabulary(tmp_path / "vocabulary.yaml")
    assert time.perf_counter() - started < 5
    assert [p.message for p in raised.value.problems if "YAML comment" in p.message] == [
        "'# huom' is a YAML comment, left out of the value, which is only 'Kotona'; if it belongs to "
        'the value, put the whole value in quotes: - "Kotona # huom"; if it is a note for editors, put '
        "it on a line of its own"
    ]


def test_a_template_counts_every_template_it_uses_however_it_uses_it(tmp_path: Path) -> None:
    """The recipes follow extends, include, import and from…import, through any number of
    templates, and nothing else: editing a template changes the digest of exactly the templates
    that use it (the state machine finds a lost kind of use only if its draws edit one)."""
    from catalogue.site.templates import template_digests, template_sources

    templates = {
        "base.html": "<main>{% block main %}{% endblock %}</main>",
        "page.html": '{% extends "base.html" %}{% block main %}{% include "part.html" %}{% endblock %}',
        "part.html": "<p>osa</p>",
        "cards.html": '{% from "macros.html" import card %}{{ card() }}',
        "list.html": "{% import 'macros.html' as m %}{{ m.card() }}",
        "macros.html": '{% from "links.html" import link %}{% macro card() %}{{ link() }}{% endmacro %}',
        "links.html": "{% macro link() %}<a>x</a>{% endmacro %}",
        "alone.html": "<p>{{ 1 }}</p>",
    }
    for name, text in templates.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    users = {
        "base.html": {"base.html", "page.html"},
        "part.html": {"part.html", "page.html"},
        "links.html": {"links.html", "macros.html", "cards.html", "list.html"},
        "macros.html": {"macros.html", "cards.html", "list.html"},
        "alone.html": {"alone.html"},
    }
    for edited, expected in users.items():
        before = template_digests(template_sources(tmp_path))
        (tmp_path / edited).write_text(templates[edited] + "<!-- muokattu -->", encoding="utf-8")
        after = template_digests(template_sources(tmp_path))
        assert {name for name in templates if before[name] != after[name]} == expected, edited


def test_only_a_merge_conflicts_marks_are_taken_for_one() -> None:
    """A '=======' under a line outside a conflict is Markdown's (a heading), and a mark is a
    whole line of exactly seven signs; the marks of each conflict make one problem."""
    shown = PurePath("content/fi/a.md")
    assert merge_conflicts("Otsikko\n=======\n\n<<<<<<<< a\nx <<<<<<< y\n>>>>>>>>\n", shown) == []
    text = "<<<<<<< HEAD\na\n=======\nb\n>>>>>>> x\nOtsikko\n=======\n<<<<<<<\nc\n>>>>>>>\n"
    found = merge_conflicts(text, shown)
    assert [(p.line, p.message.split(":")[0]) for p in found] == [
        (1, "lines 1–5 are a merge conflict"),
        (8, "lines 8–10 are a merge conflict"),
    ]


def test_a_copied_line_is_found_however_its_spaces_run() -> None:
    """Lines are compared by their words, at their numbers in each file; a short line is not
    compared at all."""
    text = "Yksi kaksi kolme neljä viisi kuusi seitsemän kahdeksan.\n\nLyhyt rivi, samakin.\n"
    other = "Alku.\n\n  Yksi kaksi  kolme neljä viisi kuusi seitsemän\tkahdeksan.\nLyhyt rivi, samakin.\n"
    assert copied_lines(line_keys(text, 20), line_keys(other, 5)) == [(20, 7)]
    assert (
        copied_lines(
            line_keys(text, 20), line_keys("Toinen teksti kokonaan, jossa on yli kahdeksan sanaa.", 1)
        )
        == []
    )


@pytest.mark.parametrize("heading", ["## Lähteet", "##Lähteet", "## Lähteet ##", "### Källor:", "## KÄLLA"])
def test_the_lines_under_a_heading_of_sources_are_not_compared(heading: str) -> None:
    """A source is cited in the language it was published in, however its heading is written."""
    source = "Kotoutumisen osaamiskeskus (2023). Kotoutumisen hyvät käytännöt: arviointikehikko ja kriteerit."
    assert line_keys(f"{heading}\n\n- {source}\n", 1) == b""
    assert line_keys(f"## Tulokset\n\n- {source}\n", 1) != b""


def test_an_image_of_static_is_given_its_size_unless_the_text_gives_one() -> None:
    sizes = {"images/ryhmä.png": (640, 480), "images/c.png": (10, 20)}
    assert html("![Kuva](/static/images/ryhm%C3%A4.png)", "/hyvat/", sizes) == (
        '<p><img alt="Kuva" src="/hyvat/static/images/ryhm%C3%A4.png" width="640" height="480"></p>'
    )
    written = '<img alt="C" src="/static/images/c.png" width="5">'
    assert html(written, "/", sizes) == f"<p>{written}</p>"
    assert html("![D](/static/images/d.png)", "/", sizes) == '<p><img alt="D" src="/static/images/d.png"></p>'


def test_a_long_word_is_given_soft_hyphens_where_its_language_hyphenates_it() -> None:
    """Finnish by its rules (below), Swedish by pyphen's dictionary; a word of fewer than 12
    letters as it is."""
    finnish, swedish = hyphenator("fi"), hyphenator("sv")
    shown = finnish("Alkukartoitus ja kotoutumissuunnitelma").replace("\u00ad", "-")
    assert shown == "Al-ku-kar-toi-tus ja ko-tou-tu-mis-suun-ni-tel-ma"
    assert swedish("Integrationsutbildning och språk").replace("\u00ad", "-") == (
        "In-teg-ra-tions-ut-bild-ning och språk"
    )
    assert finnish("Nivelvaihe") == "Nivelvaihe"
    assert swedish("Basinformation") == "Bas\u00adin\u00adfor\u00adma\u00adtion"


@pytest.mark.parametrize(
    "syllables",
    [
        "ko-tou-tu-mis-suun-ni-tel-ma",  # a syllable begins at the last consonant before a vowel
        "Tur-va-pai-kan-ha-ki-joi-den",
        "ruot-sin-kie-li-ses-sä",  # ie, uo: diphthongs
        "työ-e-lä-mä-kou-lu-tus-ta",  # between two vowels that are no diphthong (työe-lä-mä was wrong)
        "Psy-ko-e-du-kaa-ti-o-ma-te-ri-aa-lin",
        "Kiin-ti-ö-pa-ko-lai-set",
        "maa-han-muut-to-a-si-at",
        "Va-paa-eh-tois-toi-min-ta",  # after a long vowel
        "Asi-a-kas-läh-töi-nen",  # not after one letter at the start (a-si-a-kas)
        "Yleis-tet-tä-vä",
        "hy-vin-voin-tia",  # nor before one at the end
    ],
)
def test_a_finnish_word_breaks_between_its_syllables_by_the_rules_of_finnish(syllables: str) -> None:
    """The consonant and the vowel rule of Finnish hyphenation (Kielitoimisto's), and no letter
    left alone at a line's end or start."""
    assert finnish_syllables(syllables.replace("-", "")) == syllables.replace("-", "\u00ad")


@given(st.text(st.characters(exclude_characters="\u00ad"), max_size=40))
def test_soft_hyphens_only_add_to_a_finnish_word_and_leave_two_letters_at_either_end(word: str) -> None:
    parts = finnish_syllables(word).split("\u00ad")
    assert "".join(parts) == word
    assert all(len(part) >= 2 for part in (parts[0], parts[-1])) or parts == [word]


def test_a_swedish_word_breaks_only_between_parts_that_each_have_a_vowel() -> None:
    """pyphen's Swedish patterns cut off a lone consonant: Språ-k-un-der-vis-ning-en,
    Sek-tor-s-över-gri-pan-de ('Sektor-' at a line's end, 'sövergripande' below it)."""
    swedish = hyphenator("sv")
    words = "Språkundervisningen Sektorsövergripande ungdomsarbete Integrationsutbildning"
    assert swedish(words).replace("\u00ad", "-") == (
        "Språkun-der-vis-ning-en Sek-torsöver-gri-pan-de ung-domsar-be-te In-teg-ra-tions-ut-bild-ning"
    )


def test_a_hyphen_that_begins_a_word_in_a_page_does_not_break_from_it() -> None:
    """Chromium broke 'Kohti työelämää -|valmennus' and 'WCAG 2.1 -|ohjeiston' at 320 px: the
    hyphen that joins a word to the words before it becomes a non-breaking one, in any text of
    the page. A hyphen within or at the end of a word (Koto-SIB, 'kieli- ja') and a dash between
    words may still break; one before a digit is a minus sign, which a screen reader reads as
    one only as it is written; tags, code and the title keep the editor's hyphens."""
    page = (
        '<title>Kohti työelämää -valmennus</title><meta name="description" content="A -b">\n'
        "<h1>Kohti työelämää -valmennus</h1><p>Koto-SIB -hanke\n-malli, <b>-osa</b></p>\n"
        "<p>kieli- ja työelämä - koulutus – 2020 -2022; <code>ls -la</code></p>"
        '<pre><code class="x">build.py -h</code></pre><script type="application/ld+json">{" -b"}</script>'
    )
    assert hyphens_kept_with_words(page) == (
        '<title>Kohti työelämää -valmennus</title><meta name="description" content="A -b">\n'
        "<h1>Kohti työelämää \u2011valmennus</h1><p>Koto-SIB \u2011hanke\n\u2011malli, <b>\u2011osa</b></p>\n"
        "<p>kieli- ja työelämä - koulutus – 2020 -2022; <code>ls -la</code></p>"
        '<pre><code class="x">build.py -h</code></pre><script type="application/ld+json">{" -b"}</script>'
    )


def test_the_headings_of_a_text_are_hyphenated_and_nothing_else_of_it() -> None:
    html = (
        '<h2 id="valvontaviranomainen">Valvontaviranomainen</h2>\n'
        "<p>Valvontaviranomainen</p>\n"
        '<h3><a href="/kotoutumissuunnitelma/">Kotoutumissuunnitelma</a></h3>'
    )
    shown = in_headings(html, hyphenator("fi", HEADING)).replace("\u00ad", "-")
    assert shown == (
        '<h2 id="valvontaviranomainen">Val-von-ta-vi-ra-no-mai-nen</h2>\n'
        "<p>Valvontaviranomainen</p>\n"
        '<h3><a href="/kotoutumissuunnitelma/">Ko-tou-tu-mis-suun-ni-tel-ma</a></h3>'
    )


def test_each_table_of_a_text_is_in_a_box_the_keyboard_can_scroll() -> None:
    """A table inside another's cell stays in its outer table's box; the box's name is escaped;
    a text's HTML (Markup) is not escaped again."""
    html = Markup(
        "<p>a</p><table><tr><td><table><tr><td>b</td></tr></table></td></tr></table>"
        '<table class="x"><tr><td>c</td></tr></table>'
    )
    box = '<div class="table-scroll" role="region" aria-label="T&amp;a" tabindex="0">'
    assert scrollable_tables(html, "T&a") == (
        f"<p>a</p>{box}<table><tr><td><table><tr><td>b</td></tr></table></td></tr></table></div>"
        f'{box}<table class="x"><tr><td>c</td></tr></table></div>'
    )
    assert scrollable_tables("<p>No table</p>", "T") == "<p>No table</p>"


def test_an_address_may_break_after_its_scheme_and_before_a_dot_or_a_slash() -> None:
    """Not before its last character, not between two separators ('https://', '/?'); what it
    shows is escaped."""
    assert breakable_address("https://www.lahti.fi/maahanmuutto/") == (
        "https://<wbr>www<wbr>.lahti<wbr>.fi<wbr>/maahanmuutto/"
    )
    assert breakable_address("neuvonta@ouka.fi") == "neuvonta<wbr>@ouka<wbr>.fi"
    assert (
        breakable_address("https://a.fi/?q=<b>&x")
        == "https://<wbr>a<wbr>.fi<wbr>/?q<wbr>=&lt;b&gt;<wbr>&amp;x"
    )


def test_a_link_that_shows_its_address_breaks_as_an_address() -> None:
    """<https://…> and <name@…> in a text; a link with words of its own is left as it is."""
    from catalogue.site.markdown import Converter

    assert Converter().convert(
        "Lue <https://a.fi/b_c?x=1&y=2>, [sivu](https://a.fi/) tai <neuvonta@ouka.fi>."
    ) == (
        '<p>Lue <a href="https://a.fi/b_c?x=1&amp;y=2">https://<wbr>a<wbr>.fi<wbr>/b<wbr>_c<wbr>?x<wbr>=1'
        '<wbr>&amp;y<wbr>=2</a>, <a href="https://a.fi/">sivu</a> tai <a href="mailto:neuvonta@ouka.fi">'
        "neuvonta<wbr>@ouka<wbr>.fi</a>.</p>"
    )


def test_a_heading_hyphenates_only_a_word_too_long_for_a_line_of_its_own() -> None:
    finnish, swedish = hyphenator("fi", HEADING), hyphenator("sv", HEADING)
    shown = finnish("Psykoedukaatiomateriaalin yhteiskehittäminen pakolaisille").replace("\u00ad", "-")
    assert shown == "Psy-ko-e-du-kaa-ti-o-ma-te-ri-aa-lin yh-teis-ke-hit-tä-mi-nen pakolaisille"
    assert swedish("Regional servicepunkt för integration") == "Regional servicepunkt för integration"
