"""The web editor at /admin/: its settings follow the declarations, it writes the files an
editor following CONTRIBUTING.md writes, and it works end to end in Chromium with the local
back end that `serve` provides."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path, PurePath
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogue.build.pipeline import build
from catalogue.cli import main
from catalogue.content.house_style import format_practice, scalar
from catalogue.content.source import SourceDocument, read_source
from catalogue.content.text_lists import BULLETS
from catalogue.content.vocabulary import load_vocabulary
from catalogue.web_editor import EDITOR_CONFIG_PATH, editor_config_text, load_editor_settings

from .browser import serving
from .helpers import CRITERIA_SV, ROOT, as_read, make_project, practice
from .web_editor_robot import FI, SV, EditorForm


def test_committed_editor_settings_are_the_generated_ones() -> None:
    vocabulary = load_vocabulary(ROOT / "content/vocabulary.yaml")
    generated = editor_config_text(vocabulary, load_editor_settings(ROOT / "site.toml"))
    assert (ROOT / EDITOR_CONFIG_PATH).read_text(encoding="utf-8") == generated, (
        "run `python build.py schema`"
    )


@pytest.mark.parametrize("name", ["id", "slug"])
def test_the_form_takes_an_id_or_slug_exactly_when_the_check_does(name: str) -> None:
    """The form says what to write while the editor types, instead of saving a file the check
    refuses: an address of 121 letters or more among them (as an id, a file name too long to
    write)."""
    import re

    import yaml

    from catalogue.content.slugs import LONGEST_SEGMENT, is_slug

    config = yaml.safe_load((ROOT / EDITOR_CONFIG_PATH).read_text(encoding="utf-8"))
    field = next(f for f in config["collections"][0]["fields"] if f["name"] == name)
    pattern, told = field["pattern"]
    assert told == "a–z, 0–9, -; enintään 120 merkkiä / högst 120 tecken"
    for value in ["a" * 120, "a" * 121, "kieli-" * 30 + "x", "a-b", "a--b", "-a", "Äänekoski", "", "a b"]:
        expected = is_slug(value) and len(value) <= LONGEST_SEGMENT
        assert bool(re.search(pattern, value)) == expected, value


@pytest.fixture
def editor_project(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A project with one practice under `serve` (rebuilding on every save), which gives the
    web editor its local back end: what an editor runs to try the editor."""
    from catalogue.config import load_config
    from catalogue.serve import LiveServer

    files = {
        "content/fi/sample.md": practice("sample", "esimerkki"),
        "content/sv/sample.md": practice(
            "sample", "exempel", title="Exempelpraxis", summary="Kort beskrivning.", criteria=CRITERIA_SV
        ),
    }
    root = make_project(tmp_path, files)
    for name in files:  # as written by hand following CONTRIBUTING.md
        doc = read_source(root / name, PurePath(name))
        assert isinstance(doc, SourceDocument)
        (root / name).write_text(format_practice(doc.front, doc.body, _criteria_codes()), encoding="utf-8")
    shutil.copytree(ROOT / "admin", root / "admin")
    config = load_config(root / "site.toml")
    server = LiveServer(
        root, root / "_site", config, 0, lambda: build(root, root / "_site", config, search=False)
    )
    assert server.build_once() == []
    server.start()
    yield root, f"http://localhost:{server.port}/"
    server.stop()


def _wait_for_page(page: Any, root: Path, url: str, path: str, text: str, where: str = "h1") -> None:
    """Wait until serve has rebuilt the page with `text` (it notices the saved file), open it,
    and find the text in the element `where`."""
    from playwright.sync_api import expect

    built = root / "_site" / path / "index.html"
    for _ in range(100):
        if built.is_file() and text in as_read(built.read_text(encoding="utf-8")):
            break
        page.wait_for_timeout(100)
    page.goto(f"{url}{path}/")
    expect(page.locator(where)).to_contain_text(text)


def _open_editor(page: Any, url: str, address: str = "") -> EditorForm:
    page.goto(f"{url}admin/")
    page.get_by_role("button", name="Kirjaudu").click()
    if address:
        page.goto(f"{url}admin/#{address}")
    page.get_by_text("Kieli: FI").wait_for()
    return EditorForm(page)


EXPECTED_FI = """---
# yaml-language-server: $schema=../practice.schema.json
id: kielikahvila
title: Kielikahvila Äänekoskella
slug: kielikahvila-aanekoskella
summary: "Vapaaehtoiset ohjaavat viikoittaista kielikahvilaa: suomea puhutaan arjen aiheista."
themes: [integration-training]
phases: [integration-training]
target_groups: [all-immigrants]
regions: [keski-suomi]
municipality: Äänekoski
organisations: [Äänekosken kaupunki]
practice_type: new-operating-model
start_year: 2024
funding: Kaupungin oma rahoitus.
published: 2026-11-30
criteria:
  goal-oriented: Kielitaito ja osallisuus vahvistuvat.
  customer-responsive: Aiheet tulevat osallistujilta.
  context-sensitive: Toimii pienessä kunnassa.
  high-impact: Osallistujat puhuvat rohkeammin.
  modellable: Kahvilan kulku on kuvattu.
  generalisable: Sopii mihin tahansa kuntaan.
---
## Tausta

Kielikahvila kokoontuu kirjastossa joka tiistai.
"""

EXPECTED_SV = """---
# yaml-language-server: $schema=../practice.schema.json
id: kielikahvila
title: Språkkafé i Äänekoski
slug: sprakkafe-i-aanekoski
summary: Frivilliga leder ett språkkafé varje vecka där man talar finska om vardagen.
themes: [integration-training]
phases: [integration-training]
target_groups: [all-immigrants]
regions: [keski-suomi]
municipality: Äänekoski
organisations: [Äänekoski stad]
practice_type: new-operating-model
start_year: 2024
funding: Stadens egen finansiering.
published: 2026-11-30
criteria:
  goal-oriented: Språkkunskaperna och delaktigheten stärks.
  customer-responsive: Ämnena kommer från deltagarna.
  context-sensitive: Fungerar i en liten kommun.
  high-impact: Deltagarna talar modigare.
  modellable: Kaféets gång är beskriven.
  generalisable: Passar vilken kommun som helst.
---
## Bakgrund

Språkkaféet träffas i biblioteket varje tisdag.
"""


def _fill_criteria(form: EditorForm, column: int, texts: list[str]) -> None:
    criteria = form.field("criteria", column)
    for code, text in zip(_criteria_codes(), texts, strict=True):
        form.type_text(code, text, within=criteria)


@pytest.mark.browser
def test_an_editor_creates_a_practice_in_both_languages(editor_project: tuple[Path, str], page: Any) -> None:
    root, url = editor_project
    form = _open_editor(page, url, "/collections/practices/new")
    form.type_text("id", "kielikahvila")
    form.choose("themes", "Kotoutumiskoulutus ja kielikoulutus")
    form.choose("phases", "Kotoutumiskoulutus /")
    form.choose("target_groups", "Kaikki maahanmuuttajat")
    form.choose("regions", "Keski-Suomi")
    form.choose("practice_type", "Uusi toimintamalli")
    form.type_text("start_year", "2024")
    form.set_date("published", "2026-11-30")
    for column, texts in (
        (FI, EXPECTED_FI.split("---\n")[1]),
        (SV, EXPECTED_SV.split("---\n")[1]),
    ):
        values = dict(line.split(": ", 1) for line in texts.splitlines() if ": " in line and line[0] != "#")
        form.type_text("title", values["title"], column)
        form.type_text("slug", values["slug"], column)
        form.type_text("summary", values["summary"].strip('"'), column)
        form.type_text("municipality", values["municipality"], column)
        form.add_to_list("organisations", values["organisations"].strip("[]"), column)
        form.type_text("funding", values["funding"], column)
        _fill_criteria(form, column, [values[f"  {code}"] for code in _criteria_codes()])
    offered = form.write_body("Tausta", "Kielikahvila kokoontuu kirjastossa joka tiistai.", FI)
    assert offered == ["Otsikko 2", "Otsikko 3", "Otsikko 4"]  # the title is the only level 1
    form.write_body("Bakgrund", "Språkkaféet träffas i biblioteket varje tisdag.", SV)
    form.publish()

    assert (root / "content/fi/kielikahvila.md").read_text(encoding="utf-8") == EXPECTED_FI
    assert (root / "content/sv/kielikahvila.md").read_text(encoding="utf-8") == EXPECTED_SV
    assert main(["--root", str(root), "check", "--strict"]) == 0
    _wait_for_page(page, root, url, "fi/kaytannot/kielikahvila-aanekoskella", "Kielikahvila Äänekoskella")
    _wait_for_page(page, root, url, "sv/praxis/sprakkafe-i-aanekoski", "Språkkafé i Äänekoski")


def _criteria_codes() -> list[str]:
    return load_vocabulary(ROOT / "content/vocabulary.yaml").codes("criteria")


@pytest.mark.browser
def test_an_edit_changes_only_the_edited_lines(editor_project: tuple[Path, str], page: Any) -> None:
    root, url = editor_project
    before = {lang: (root / f"content/{lang}/sample.md").read_text(encoding="utf-8") for lang in ("fi", "sv")}
    editor = page.goto(f"{url}admin/")
    assert editor is not None and b"__reload.js" not in editor.body()  # a save must not reload it
    form = _open_editor(page, url, "/collections/practices/entries/sample")
    form.type_text("summary", "Uusi tiivistelmä: kieli ja työ.")
    form.type_text("title", "Otsikko muokkaimesta")
    form.publish()
    _wait_for_page(page, root, url, "fi/kaytannot/esimerkki", "Otsikko muokkaimesta")
    after = {lang: (root / f"content/{lang}/sample.md").read_text(encoding="utf-8") for lang in ("fi", "sv")}
    assert after["sv"] == before["sv"]
    changed = [
        (old, new)
        for old, new in zip(before["fi"].splitlines(), after["fi"].splitlines(), strict=True)
        if old != new
    ]
    assert changed == [
        ("title: Esimerkkikäytäntö", "title: Otsikko muokkaimesta"),
        ("summary: Lyhyt kuvaus.", 'summary: "Uusi tiivistelmä: kieli ja työ."'),
    ]


@pytest.mark.browser
def test_lines_typed_with_a_dash_become_a_list_as_in_a_word_processor(
    editor_project: tuple[Path, str], page: Any
) -> None:
    """The rich-text editor keeps a typed '- ' as text (it saved '\\- yksi'), so the page showed
    paragraphs beginning with a dash, which a screen reader does not announce as a list. A
    numbered line ('1. ') was already saved as a list."""
    root, url = editor_project
    form = _open_editor(page, url, "/collections/practices/entries/sample")
    form.new_paragraph_after("Teksti.")
    page.keyboard.type("- Kielikurssi")
    for line in ("- Työkokeilu", "Lopuksi palaute."):
        page.keyboard.press("Enter")
        page.keyboard.type(line)
    form.publish()
    _wait_for_page(page, root, url, "fi/kaytannot/esimerkki", "Lopuksi palaute.", "#description")
    body = _saved_text(root)
    assert body == "## Tausta\n\nTeksti.\n\n- Kielikurssi\n- Työkokeilu\n\nLopuksi palaute.\n"
    assert page.locator("#description ul > li").all_inner_texts() == ["Kielikurssi", "Työkokeilu"]


WORD_LIST = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><body>
<p class=MsoNormal><span style='font-size:11.0pt'>Osallistujat valitsivat:<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><span
style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;
</span></span>Kielikurssin</p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><span
style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;
</span></span>Työkokeilun</p>
</body></html>"""
"""A bulleted list as Word puts it on the clipboard: paragraphs, each with a bullet character."""


@pytest.mark.browser
def test_a_list_pasted_from_word_is_saved_as_a_list(editor_project: tuple[Path, str], page: Any) -> None:
    """The rich-text editor kept Word's bullets as text ('·\xa0\xa0\xa0 Kielikurssin')."""
    root, url = editor_project
    form = _open_editor(page, url, "/collections/practices/entries/sample")
    form.new_paragraph_after("Teksti.")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    html = "new Blob([html], {type: 'text/html'})"
    copy = f"html => navigator.clipboard.write([new ClipboardItem({{'text/html': {html}}})])"
    page.evaluate(copy, WORD_LIST)
    page.keyboard.press("Control+V")
    form.publish()
    _wait_for_page(page, root, url, "fi/kaytannot/esimerkki", "Työkokeilun", "#description")
    body = _saved_text(root)
    assert body == "## Tausta\n\nTeksti.\n\nOsallistujat valitsivat:\n\n- Kielikurssin\n- Työkokeilun\n"


@pytest.mark.browser
def test_a_line_break_typed_in_the_editor_is_a_line_break_on_the_page(
    editor_project: tuple[Path, str], page: Any
) -> None:
    """Shift+Enter was saved as a backslash at the line's end, which the page showed."""
    root, url = editor_project
    form = _open_editor(page, url, "/collections/practices/entries/sample")
    form.new_paragraph_after("Teksti.")
    page.keyboard.type("Auralan Setlementti")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("Turku")
    form.publish()
    _wait_for_page(page, root, url, "fi/kaytannot/esimerkki", "Turku", "#description")
    body = _saved_text(root)
    assert body == "## Tausta\n\nTeksti.\n\nAuralan Setlementti  \nTurku\n"
    assert page.locator("#description p").last.inner_html() == "Auralan Setlementti<br>\nTurku"


@pytest.mark.browser
def test_only_a_paragraph_begun_as_a_list_item_becomes_one(site_url: str, page: Any) -> None:
    typed = [
        "\\- yksi",
        "\\- kaksi",
        "Väli \\- ei.",
        "\\-1 ei",
        "\\* kolme",
        "•\u00a0Word",
        "1.\u00a0\u00a0 Eka",
        "2)\u00a0Toka",
        "2023. Vuosi",
        "– Repliikki",
    ]
    assert _saved_body(page, site_url, "\n\n".join(typed) + "\n") == (
        "- yksi\n- kaksi\n\nVäli \\- ei.\n\n\\-1 ei\n\n- kolme\n- Word\n\n1. Eka\n2. Toka\n\n"
        "2023. Vuosi\n\n– Repliikki\n"
    )
    assert page.evaluate("HouseStyle.PASTED_BULLETS") == BULLETS.rstrip("–—")


@pytest.mark.browser
def test_a_list_inside_a_list_made_in_the_editor_is_nested_on_the_page(
    editor_project: tuple[Path, str], page: Any
) -> None:
    """The editor indents a list in an item two spaces (by its item's '* '), and the page made
    it items of the outer list: Markdown here nests only four spaces in."""
    root, url = editor_project
    form = _open_editor(page, url, "/collections/practices/entries/sample")
    form.new_paragraph_after("Teksti.")
    form.field("body", FI).get_by_role("button", name="Luettelo").first.click()
    for key, line in (("", "Kielikurssi"), ("Tab", "Iltakurssi"), ("Shift+Tab", "Työkokeilu")):
        if key:
            page.keyboard.press("Enter")
            page.keyboard.press(key)
        page.keyboard.type(line)
    form.publish()
    _wait_for_page(page, root, url, "fi/kaytannot/esimerkki", "Työkokeilu", "#description")
    body = _saved_text(root)
    assert body == "## Tausta\n\nTeksti.\n\n* Kielikurssi\n\n    * Iltakurssi\n\n* Työkokeilu\n"
    assert page.locator("#description ul > li > ul > li").all_inner_texts() == ["Iltakurssi"]


@pytest.mark.browser
def test_what_is_inside_a_list_item_is_saved_four_spaces_further_in(site_url: str, page: Any) -> None:
    decap = "* a\n\n  * b\n\n    1. c\n\n       kappale\n* d\n\n10. e\n\n    * f\n\nTeksti\n  sisennetty\n"
    assert _saved_body(page, site_url, decap) == (
        "* a\n\n    * b\n\n        1. c\n\n            kappale\n\n* d\n\n"
        "10. e\n\n    * f\n\nTeksti\n  sisennetty\n"
    )
    by_hand = "- a\n    - b\n        - c\n\n            koodia\n- d\n\n```\n  - e\n```\n"
    assert _saved_body(page, site_url, by_hand) == by_hand


@pytest.mark.browser
def test_only_a_backslash_that_ends_a_line_is_a_line_break(site_url: str, page: Any) -> None:
    """A backslash typed at a line's end is saved escaped, as two; they stay."""
    body = "Rivi\\\nja \\\\\\\nkeno \\\\\nja \\- \\\n\\\nloppu \\\n"
    assert _saved_body(page, site_url, body) == "Rivi  \nja \\\\  \nkeno \\\\\nja \\-   \n  \nloppu\n"


def _saved_text(root: Path) -> str:
    """The Finnish sample's text, below its front matter, as the editor saved it."""
    return (root / "content/fi/sample.md").read_text(encoding="utf-8").split("---\n")[-1]


def _saved_body(page: Any, site_url: str, body: str) -> str:
    """The text of a practice as the web editor saves it."""
    page.goto(f"{site_url}fi/")
    page.add_script_tag(url=f"{site_url}admin/house-style.js")
    saved = page.evaluate("(body) => HouseStyle.format({ id: 'x', body }, HouseStyle.layoutFrom([]))", body)
    return str(saved).split("---\n")[-1]


FONT_SAFE = {chr(c) for c in (*range(0x20, 0x7F), *range(0xA0, 0x100))} | set("\n–—‘’“”…")
"""Characters every computer's interface fonts have: Latin-1 and the common dashes, quotes
and dots."""


@pytest.mark.browser
def test_the_editors_interface_is_whole_in_finnish_and_swedish_in_characters_every_font_has(
    editor_project: tuple[Path, str], page: Any
) -> None:
    """Decap falls back to English for any text its language lacks, and a character the
    computer's fonts lack is an empty box: its own button for a new practice, "＋ Käytäntö /
    Praxis" (a fullwidth plus, U+FF0B), was a box and a name in Debian's Chromium."""
    _, url = editor_project
    page.goto(f"{url}admin/")
    page.get_by_role("button", name="Kirjaudu").click()
    texts = page.evaluate(
        """() => {
            const flat = (o, at) => Object.entries(o).flatMap(([key, value]) =>
                typeof value === "object" ? flat(value, `${at}${key}.`) : [[`${at}${key}`, String(value)]]);
            const langs = ["en", "fi", "sv"];
            return Object.fromEntries(langs.map((lang) => [lang, flat(CMS.getLocale(lang), "")]));
        }"""
    )
    english = dict(texts["en"])
    for lang in ("fi", "sv"):
        own = dict(texts[lang])
        assert sorted(english.keys() - own.keys()) == [], lang
        assert {key: text for key, text in own.items() if set(text) - FONT_SAFE} == {}, lang
    assert page.get_by_role("link", name="Uusi: Käytäntö / Praxis").inner_text() == "+ Käytäntö / Praxis"


@pytest.mark.browser
def test_the_editor_writes_files_as_python_does(site_url: str, page: Any) -> None:
    """admin/house-style.js and catalogue/content/house_style.py give the same bytes: for
    every practice file, and for strings that need quoting or escapes."""
    page.goto(f"{site_url}fi/")
    page.add_script_tag(url=f"{site_url}admin/vendor/js-yaml-4.1.0/js-yaml.min.js")
    page.add_script_tag(url=f"{site_url}admin/house-style.js")
    files = [p for lang in ("fi", "sv") for p in sorted((ROOT / "content" / lang).glob("*.md"))]
    texts = [p.read_text(encoding="utf-8") for p in files]
    rewritten = page.evaluate(
        """async (texts) => {
            const config = jsyaml.load(await (await fetch("/admin/config.yml")).text());
            const { fromFile, toFile } = HouseStyle.formatter(config.collections[0].fields);
            return texts.map((text) => toFile(fromFile(text)));
        }""",
        texts,
    )
    assert [name for name, old, new in zip(files, texts, rewritten, strict=True) if old != new] == []
    samples = [*TRICKY_STRINGS, *(strategies_examples())]
    in_javascript = page.evaluate(
        "(samples) => samples.map((s) => [HouseStyle.scalar(s), HouseStyle.scalar(s, true)])", samples
    )
    assert in_javascript == [[scalar(s), scalar(s, in_flow=True)] for s in samples]


TRICKY_STRINGS = [
    "Närpiön malli",
    "Oy Ab, Helsinki",
    "Huom: tärkeä",
    "yes",
    "No",
    "2019",
    "1.5e3",
    "2019-09-16",
    "12:30",
    "- lista",
    "#1",
    "a #b",
    "loppuu:",
    " alkaa välilyönnillä",
    'lainaus "x" ja \\',
    "rivi\nrivi",
    "sarkain\t",
    "nbsp\u00a0",
    "\u2028",
    "\ufeffBOM",
    "\x7f",
    "=",
    "<<",
    "?",
    "[x]",
    "{x}",
    "emoji 🙂",
]


def strategies_examples() -> list[str]:
    """A few hundred strings as Hypothesis makes them (any characters, short)."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    found: list[str] = []

    @settings(max_examples=400, database=None, suppress_health_check=list(HealthCheck))
    @given(st.text(max_size=8))
    def collect(text: str) -> None:
        found.append(text)

    collect()
    return found


def _post(
    url: str,
    body: bytes,
    content_type: str = "application/json",
    origin: str = "",
    host: str = "",
    length: str = "",
) -> tuple[int, Any]:
    import json
    import urllib.error
    import urllib.request

    headers = {"Content-Type": content_type, **({"Origin": origin} if origin else {})}
    headers |= ({"Host": host} if host else {}) | ({"Content-Length": length} if length else {})
    request = urllib.request.Request(f"{url}api/v1", data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_the_local_back_end_touches_only_practice_files_and_images(tmp_path: Path) -> None:
    import json

    root = make_project(tmp_path, {"content/fi/sample.md": practice()})
    (root / "_site").mkdir()
    with serving(root / "_site", project=root) as url:

        def ask(action: str, **params: Any) -> tuple[int, Any]:
            return _post(url, json.dumps({"action": action, "params": params}).encode())

        assert ask("info") == (200, {"repo": "project", "publish_modes": ["simple"], "type": "local_fs"})
        status, entries = ask("entriesByFolder", folder="content", extension="md", depth=2)
        assert status == 200 and [e["file"]["path"] for e in entries] == ["content/fi/sample.md"]
        status, entries = ask("entriesByFolder", folder="content/fi", extension="*/../../*")  # no pattern
        assert status == 200 and entries == []
        assert ask("getEntry", path="site.toml")[1]["data"] is None
        assert ask("getEntry", path="content/fi/../../site.toml")[1]["data"] is None
        for path in ("site.toml", "content/fi/../../x.md", "templates/base.html", "content/fi/x.txt"):
            status, _ = ask("persistEntry", dataFiles=[{"path": path, "raw": "x"}], assets=[])
            assert status == 403, path
        assert (
            ask("persistEntry", dataFiles=[{"path": "content/sv/sample.md", "raw": "x"}], assets=[])[0] == 200
        )
        assert (root / "content/sv/sample.md").read_text(encoding="utf-8") == "x"
        status, answer = ask("persistEntry", dataFiles=[{"path": f"content/fi/{'a' * 300}.md", "raw": "x"}])
        assert (status, json.loads(answer)) == (  # a name the file system refuses: answered
            500,
            {"error": "persistEntry: the file could not be read or written (File name too long)"},
        )
        assert ask("deleteFile", path="content/fi/sample.md")[0] == 403  # practices are withdrawn
        assert (root / "content/fi/sample.md").exists()
        picture = {"path": "static/images/kuva.png", "content": "iVBORw0K", "encoding": "base64"}
        assert ask("persistMedia", asset=picture)[0] == 200
        assert (root / "static/images/kuva.png").read_bytes() == b"\x89PNG\r\n"
        # Another site's page cannot use it: not as a plain form post, not from another origin.
        info = json.dumps({"action": "info"}).encode()
        assert _post(url, info, content_type="text/plain")[0] == 403
        assert _post(url, info, origin="https://example.org")[0] == 403
        assert _post(url, info, length="-1")[0] == 400  # answered, not a traceback in the terminal
        rebound = url.replace("localhost", "attacker.example")  # a foreign name pointed here
        assert _post(url, info, host=rebound.split("/")[2], origin=rebound.rstrip("/"))[0] == 403
    with serving(root / "_site") as url:  # a plain local server of the built site has no back end
        assert _post(url, info)[0] == 404


BACK_END_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=12)
    | st.sampled_from(
        ["content/fi/sample.md", "static/images/a.png", "../x", "content", "site.toml", "aGVp"]
    ),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["path", "folder", "extension", "files", "entry", "dataFiles", "raw", "assets"])
            | st.sampled_from(["content", "asset", "paths", "label"]),
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    action=st.sampled_from(["info", "entriesByFolder", "entriesByFiles", "getEntry", "persistEntry"])
    | st.sampled_from(["getMedia", "getMediaFile", "persistMedia", "deleteFile", "deleteFiles", "x"])
    | st.none()
    | st.integers(),
    params=BACK_END_VALUES,
)
def test_any_request_to_the_local_back_end_is_answered_and_touches_nothing_else(
    tmp_path_factory: pytest.TempPathFactory, action: Any, params: Any
) -> None:
    """Not only what Decap sends: whatever JSON the page (or a script on this machine) posts is
    answered with a status, and leaves every file but practices and images as it was ('params'
    of 1 ended in AttributeError, and the request in a dropped connection)."""
    import json

    from catalogue.editor_backend import handle

    root = tmp_path_factory.mktemp("backend")
    (root / "content/fi").mkdir(parents=True)
    (root / "content/fi/sample.md").write_text("x", encoding="utf-8")
    (root / "site.toml").write_text("y", encoding="utf-8")
    status, answer = handle(root, {"action": action, "params": params})
    assert status in (200, 403, 422) and json.dumps(answer)
    touched = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    assert {p for p in touched if not p.startswith(("content/fi/", "content/sv/", "static/images/"))} == {
        "site.toml"
    }
    assert (root / "site.toml").read_text(encoding="utf-8") == "y"


def _policy(html: str) -> str:
    import html as markup
    import re

    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    return markup.unescape(found.group(1)) if found else ""


def test_the_editor_adds_nothing_to_public_pages(built_site: Path) -> None:
    from catalogue.site.templates import CONTENT_SECURITY_POLICY, EDITOR_CONTENT_SECURITY_POLICY

    assert "'unsafe-eval'" not in CONTENT_SECURITY_POLICY and "'unsafe-inline'" not in CONTENT_SECURITY_POLICY
    public = [p for p in built_site.rglob("*.html") if "admin" not in p.relative_to(built_site).parts]
    for page in public:
        html = page.read_text(encoding="utf-8")
        assert "admin/" not in html, page
        assert _policy(html) == CONTENT_SECURITY_POLICY, page
    assert (
        _policy((built_site / "admin/index.html").read_text(encoding="utf-8"))
        == EDITOR_CONTENT_SECURITY_POLICY
    )
    assert "Disallow: /admin/" in (built_site / "robots.txt").read_text(encoding="utf-8")
    assert (built_site / "admin/vendor/decap-cms-3.16.3/LICENSE").is_file()
