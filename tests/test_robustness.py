"""However malformed a content file is, check and build report problems; they never crash."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from catalogue.build.pipeline import build, check_site
from catalogue.problems import ContentError

from .helpers import CRITERIA, ROOT, make_project, pair, practice

FRONT_MATTER_PIECES = st.sampled_from(
    [
        "---\n",
        "id: x\n",
        "id: [1, 2]\n",
        "title: 'a\n",
        'title: "x: y"\n',
        "themes: [nope]\n",
        "themes: integration-training\n",
        "themes:\n  - integration-training\n",
        "\tslug: t\n",
        "published: 2017-02-30\n",
        "published: 2017-01-02\n",
        "draft: maybe\n",
        "criteria:\n  x: y\n",
        "criteria: {goal-oriented: 1}\n",
        "contact: {name: [1]}\n",
        "links: [{url: javascript:x}]\n",
        "aliases: [Esimerkki]\n",
        "translated_from: 123\n",
        "&a x: *a\n",
        "? [a]\n: b\n",
        "!!python/object:os.system x\n",
        "funding: !!binary aGVp\n",
        "start_year: !!int abc\n",
        "published: 2024-02-30\n",
        "updated: 2026-13-45\n",
        "a: &x [1]\nb: [*x, *x]\n",
        "title: !tag x\n",
        "- list\n",
        "key: value\nkey: value\n",
        "\ufeff",
        "\r\n",
        "# comment\n",
        "...\n",
        "{\n",
        "]\n",
        *("end_year:\n", "contact:\n  name:\n", "links:\n  - text:\n", "organisations: [~, 1]\n"),
        *("criteria:\n  goal-oriented:\n", "municipality: 12\n", "title: 2017-01-02\n", "aliases: x\n"),
        *("summary: [a, b]\n", "regions: [null]\n", "translation_pending: 1\n", "start_year: 2017.5\n"),
        *("summary:   \n", "  - a\n", " b: c\n", "title:Kotona\n", 'title: "x" y\n', "themes: [a\n"),
        *("title:\xa0x\n", "  goal-oriented:\u202fx\n", "start_year: 2017–2019\n", "organisations: a, b\n"),
        *("criteria:\n  goal-orientated: x\n", "end_year: 2019 - 2020\n", "organisations: a, [b]\n"),
        *("<<<<<<< HEAD\n", "=======\n", "||||||| base\n", ">>>>>>> main\n"),
        *("published: 2019-09-16 10:00:00\n", "updated: 16.9.2019 klo 10.00\n", "criteria:\n  - a: b\n"),
        *("links: [{text: a, url: 'http://[x'}]\n", "contact: {name: a, url: 'https://x.fi:port/'}\n"),
        *("goal-oriented: x\n", "name: a\n", "contact:\nname: a\n  email: b\n", "end_year:\n  funding: x\n"),
        *("criteria:\ngoal-oriented: x\n  high-impact: y\n", "contact: x\nurl: https://x.fi/\n"),
        *("funding: ESR #2014\n", "summary: a\n  b # c\n", "organisations:\n  - a\t# b\n", "title: x #\n"),
        *("title: a: b\n", "\tthemes:[a]\n", 'slug: "a: b\n', "summary: 'a' b: c\n", "\t- x: y\n"),
    ]
)


PYTHON_REPR = re.compile(r"\b(?:None|True|False)\b|PosixPath|datetime\.|\\x[0-9a-f]{2}|<[a-z_.]+ object")
"""Python's way of showing a value, which an editor would not recognise in a message."""


def shown_as_python(message: str) -> bool:
    """Whether a message shows a value as Python does; the editor's own words, quoted in it
    ('⟨U+0008⟩None'), are theirs (a quote with a backslash in it is Python's: '\\x08')."""
    return bool(PYTHON_REPR.search(re.sub(r"'[^'\\]*'", "''", message)))


def try_everything(root: Path) -> None:
    try:
        check_site(root)
    except ContentError as error:
        shown = [str(p) for p in error.problems if shown_as_python(p.message)]
        assert not shown, shown
    out = Path(tempfile.mkdtemp()) / "out"
    try:
        build(root, out, search=False)
    except ContentError:
        assert not out.exists()
    finally:
        shutil.rmtree(out.parent, ignore_errors=True)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(FRONT_MATTER_PIECES, max_size=12), body=st.text(max_size=200))
def test_malformed_front_matter_never_crashes(tmp_path_factory, pieces: list[str], body: str) -> None:  # type: ignore[no-untyped-def]
    text = "".join(pieces) + "---\n" + body
    files = dict(pair())
    files["content/fi/esimerkki.md"] = text
    try_everything(make_project(tmp_path_factory.mktemp("p"), files))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_never_crash(tmp_path_factory, data: bytes) -> None:  # type: ignore[no-untyped-def]
    files: dict[str, str | bytes] = dict(pair())
    files["content/sv/esimerkki.md"] = data
    try_everything(make_project(tmp_path_factory.mktemp("p"), files))


PIECES = st.sampled_from(
    [
        *("[a](practice:sample)", "[b](practice:sample#tausta)", "[c](practice:nope)", "[d](PRACTICE:x)"),
        *("![e](/static/favicon.svg)", "![f](/static/nope.png)", "[g](/fi/)", "[h](/fi/nope/)"),
        *("[i](</static/my file.png>)", "[j]: practice:sample", "<www.x.fi>", '<a href="practice:x">k</a>'),
        *("`", "``", "\n", "\n\n", "    ", "- ", "1. ", "## ", "#", "---", "> ", "*", "%20", "Teksti. "),
        *(
            "[l](http://[x)",
            "[m](https:x.fi)",
            "[n](https://x.fi:p/)",
            "[o](https://hyvatkaytannot.kotoutuminen.fi/",
        ),
        *("fi/)", "fi/kaytannot/esimerkki/#a)", "[p](https://hyvatkaytannot.kotoutuminen.fi/fi/nope/)"),
        *("\n<<<<<<< HEAD\n", "\n=======\n", "\n>>>>>>> main\n"),
    ]
)
MARKDOWN = st.lists(st.one_of(PIECES, PIECES, PIECES, st.text(max_size=8)), max_size=25).map("".join)
"""Markdown as editors write it, links to practices, files and pages of every kind among it."""


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=MARKDOWN, evidence=MARKDOWN)
@example(body="", evidence="\x08None")  # the editor's own 'None', quoted, is no Python
def test_any_markdown_in_the_text_or_a_criterion_builds_or_is_reported(
    tmp_path_factory: pytest.TempPathFactory, body: str, evidence: str
) -> None:
    """The criteria's evidence is Markdown too (a link to a practice there once ended the
    build in a traceback): in a block scalar, as the web editor writes it."""
    block = "".join(f"    {line}\n" for line in evidence.split("\n"))
    criteria = CRITERIA.replace("  goal-oriented: Vähentää eriarvoisuutta.", f"  goal-oriented: |2-\n{block}")
    files = dict(pair())
    files["content/fi/esimerkki.md"] = practice(body=body, criteria=criteria.rstrip("\n"))
    try_everything(make_project(tmp_path_factory.mktemp("p"), files))


ANY_TEXT = st.text(
    st.sampled_from("Kielikahvila ÅÄÖåäö-.,") | st.characters(exclude_categories=["Cs"]),
    min_size=1,
    max_size=12,
)
REFERENCE = st.integers(min_value=0, max_value=0x110000).map(lambda n: f"&#{n};" if n % 2 else f"&#x{n:x};")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(ANY_TEXT, min_size=4, max_size=4), references=st.lists(REFERENCE, max_size=4))
@example(values=["a\x07", "b", "c", "d"], references=[])  # a bell in quotes: "a\u0007"
@example(values=["a", "b", "c", "d"], references=["&#x202e;"])  # a direction override in the text
def test_no_page_that_is_built_has_a_character_a_page_may_not_hold(
    tmp_path_factory: pytest.TempPathFactory, values: list[str], references: list[str]
) -> None:
    """Whatever an editor writes in a text of the front matter (in double quotes any character
    can be written as an escape) or as a character reference in the
    text: the site is built without a character the HTML standard forbids, or not at all."""
    from catalogue.content.characters import UNPUBLISHABLE

    title, summary, organisation, evidence = map(_in_double_quotes, values)
    text = practice(
        title=title,
        summary=summary,
        body=f"## Tausta\n\nTeksti {' '.join(references)}.\n",
        criteria=CRITERIA.replace("Vaiheet on kuvattu.", evidence),
    ).replace("organisations: [Esimerkkikunta]", f"organisations: [{organisation}]")
    out = tmp_path_factory.mktemp("site") / "out"
    try:
        build(
            make_project(tmp_path_factory.mktemp("p"), {**pair(), "content/fi/esimerkki.md": text}),
            out,
            search=False,
        )
    except ContentError:
        return
    pages = [*out.rglob("*.html"), *out.rglob("*.xml")]
    assert [str(page) for page in pages if UNPUBLISHABLE.search(page.read_text(encoding="utf-8"))] == []


def _in_double_quotes(value: str) -> str:
    """A YAML text in double quotes, each character that is not printable written as an escape."""
    escaped = {"\\": "\\\\", '"': '\\"'}
    return (
        '"' + "".join(escaped.get(c) or (c if c.isprintable() else f"\\U{ord(c):08x}") for c in value) + '"'
    )


REDIRECT_PIECES = st.sampled_from(
    [
        "fi/vanha/: fi/kaytannot/\n",
        "/sv/gammal: /sv/praxis/\n",
        "fi/kaytannot/esimerkki/: fi/kaytannot/\n",
        "fi/x/: fi/ei-ole/\n",
        "../../etc/: fi/\n",
        "fi/a b/: fi/\n",
        "fi/y/: [fi/]\n",
        "fi/z/:\n",
        "fi/s/: https://hyvatkaytannot.kotoutuminen.fi/fi/\n",
        "fi/r/: http://[x/\n",
        ": fi/\n",
        "fi/t/: !!python/object:os.system fi/\n",
        "&a fi/u/: *a\n",
        "fi/v/: fi/: x\n",
        "- fi/\n",
        "\tfi/w/: fi/\n",
        "'fi/q/: fi/\n",
        "\ufeff",
        "# comment\n",
    ]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(REDIRECT_PIECES, max_size=8), tail=st.just("") | st.text(max_size=40))
@example(pieces=["../../etc/: fi/\n"], tail="")
@example(pieces=["fi/kaytannot/esimerkki/: fi/kaytannot/\n"], tail="")
def test_any_redirects_file_builds_or_is_reported(tmp_path_factory, pieces: list[str], tail: str) -> None:  # type: ignore[no-untyped-def]
    """Whatever content/redirects.yaml holds, the build reports it or makes a site in which
    the practice's page is still the practice."""
    files: dict[str, str | bytes] = dict(pair())
    files["content/redirects.yaml"] = "".join(pieces) + tail
    root = make_project(tmp_path_factory.mktemp("p"), files)
    out = root / "_site"
    try:
        build(root, out, search=False)
    except ContentError:
        assert not out.exists()
    else:
        assert "Vähentää eriarvoisuutta." in (out / "fi/kaytannot/esimerkki/index.html").read_text("utf-8")


def test_thousands_of_broken_lines_are_not_each_read_again() -> None:
    """Each YAML mistake with a sure mend reads the front matter again, to find the next: a
    file of thousands of them took 38 s for 3,000 lines, and minutes for more. The reading
    again has a budget; a few mistakes, as an editor makes, are all reported."""
    import time

    from catalogue.content.source import parse_source

    front = "id: a\n" + "".join(f"\tf{i}: a: b\n" for i in range(3000))
    started = time.perf_counter()
    found = parse_source(f"---\n{front}---\nTeksti.\n", Path("content/fi/a.md"))
    assert time.perf_counter() - started < 5
    assert isinstance(found, list) and 2 < len(found) < 100


PROJECT_FILES = (
    "content/vocabulary.yaml",
    "content/pages/sv/about.md",
    "content/fi/alkukiri.md",
    "content/sv/alkukiri.md",
    "content/published-urls.txt",
    "locales/fi/LC_MESSAGES/messages.po",
    "site.toml",
)
"""The real catalogue's files of every kind an editor or a translator changes."""
SLIPS = st.sampled_from(
    [
        *(
            "",
            " ",
            "  ",
            "\t",
            "- ",
            ": ",
            "'",
            '"',
            "[",
            "]",
            "{",
            "}",
            "#",
            "&a ",
            "*a",
            "!!str ",
            "|",
            ">",
        ),
        *(
            "---",
            "ä",
            "\u00ad",
            "<script>",
            "](",
            "![i](",
            "2024-02-30",
            "~",
            "yes",
            "%",
            "\\",
            "\r",
            "\ufeff",
        ),
    ]
)


class Slip(NamedTuple):
    """One change to a line, as a slip of the hand or a paste makes it."""

    kind: str
    line: int
    """Which line (modulo the file's number of lines)."""
    at: int
    """Where in it (modulo its length + 1)."""
    text: str

    def applied(self, lines: list[str]) -> list[str]:
        if not lines:
            return [self.text]
        n = self.line % len(lines)
        line = lines[n]
        at = self.at % (len(line) + 1)
        changed = {
            "insert": [line[:at] + self.text + line[at:]],
            "cut": [line[:at]],
            "delete": [],
            "repeat": [line, line],
        }[self.kind]
        return lines[:n] + changed + lines[n + 1 :]


SLIP = st.builds(
    Slip,
    st.sampled_from(["insert", "cut", "delete", "repeat"]),
    st.integers(0, 10_000),
    st.integers(0, 200),
    SLIPS | st.text(max_size=3),
)


def slip_at(file: str, line_start: str, kind: str, text: str = "", after: str = "") -> Slip:
    """A slip at the line of `file` that starts with `line_start`, after `after` in it."""
    lines = (ROOT / file).read_text(encoding="utf-8").split("\n")
    n = next(i for i, line in enumerate(lines) if line.startswith(line_start))
    return Slip(kind, n, lines[n].index(after) + len(after) if after else len(lines[n]), text)


@pytest.fixture(scope="module")
def real_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the real catalogue, built once: each example changes a file and builds again."""
    root = tmp_path_factory.mktemp("real") / "project"
    for name in ("content", "templates", "static", "locales"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "site.toml", root / "site.toml")
    build(root, root / "_site", search=False)
    return root


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(file=st.sampled_from(PROJECT_FILES), slips=st.lists(SLIP, min_size=1, max_size=3))
@example(  # a page with warnings only was dropped: KeyError 'about (sv)'
    file="content/pages/sv/about.md",
    slips=[slip_at("content/pages/sv/about.md", "Katalogen", "insert", "<script>")],
)
@example(  # a brace in a code broke a format string
    file="content/vocabulary.yaml",
    slips=[slip_at("content/vocabulary.yaml", "  - code: basic", "insert", "}")],
)
@example(  # babel's int('>0')
    file="locales/fi/LC_MESSAGES/messages.po",
    slips=[slip_at("locales/fi/LC_MESSAGES/messages.po", "msgstr[0]", "insert", ">", after="msgstr[")],
)
@example(  # a third form of a message, which gettext could not load: ValueError in its _parse
    file="locales/fi/LC_MESSAGES/messages.po",
    slips=[slip_at("locales/fi/LC_MESSAGES/messages.po", "msgid_plural", "repeat")],
)
def test_any_slip_in_a_real_file_of_any_kind_builds_or_is_reported(
    real_project: Path, file: str, slips: list[Slip]
) -> None:
    """Lines of the real catalogue's files changed as hands and pastes change them, on top of
    a built site: the build reports the problems, or builds. (Changing them at random this way
    found four tracebacks the tests above had not: each is an example here.)"""
    path = real_project / file
    original = path.read_bytes()
    lines = original.decode("utf-8").split("\n")
    for slip in slips:
        lines = slip.applied(lines)
    path.write_text("\n".join(lines), encoding="utf-8")
    try:
        build(real_project, real_project / "_site", search=False)
    except ContentError as error:
        shown = [str(p) for p in error.problems if shown_as_python(p.message)]
        assert not shown, shown
    finally:
        path.write_bytes(original)
