"""The web editor at /admin/: its settings follow the declarations, it writes the files an
editor following CONTRIBUTING.md writes, and it works end to end in Chromium with the local
back end that `serve` provides."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path, PurePath
from typing import Any

import pytest

from catalogue.build.pipeline import build
from catalogue.cli import main
from catalogue.content.house_style import format_practice
from catalogue.content.source import SourceDocument, read_source
from catalogue.content.vocabulary import load_vocabulary
from catalogue.web_editor import EDITOR_CONFIG_PATH, editor_config_text, load_editor_settings

from .browser import serving
from .helpers import ROOT, make_project, practice
from .web_editor_robot import FI, SV, EditorForm


def test_committed_editor_settings_are_the_generated_ones() -> None:
    vocabulary = load_vocabulary(ROOT / "content/vocabulary.yaml")
    generated = editor_config_text(vocabulary, load_editor_settings(ROOT / "site.toml"))
    assert (ROOT / EDITOR_CONFIG_PATH).read_text(encoding="utf-8") == generated, (
        "run `python build.py schema`"
    )


@pytest.fixture
def editor_project(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A project with one practice, built and served with the web editor's local back end."""
    files = {
        "content/fi/sample.md": practice("sample", "esimerkki"),
        "content/sv/sample.md": practice("sample", "exempel", title="Exempelpraxis"),
    }
    root = make_project(tmp_path, files)
    for name in files:  # as written by hand following CONTRIBUTING.md
        doc = read_source(root / name, PurePath(name))
        assert isinstance(doc, SourceDocument)
        (root / name).write_text(format_practice(doc.front, doc.body, _criteria_codes()), encoding="utf-8")
    shutil.copytree(ROOT / "admin", root / "admin")
    build(root, root / "_site", search=False, use_cache=False)
    with serving(root / "_site", project=root) as url:
        yield root, url


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
    form.write_body("Tausta", "Kielikahvila kokoontuu kirjastossa joka tiistai.", FI)
    form.write_body("Bakgrund", "Språkkaféet träffas i biblioteket varje tisdag.", SV)
    form.publish()

    assert (root / "content/fi/kielikahvila.md").read_text(encoding="utf-8") == EXPECTED_FI
    assert (root / "content/sv/kielikahvila.md").read_text(encoding="utf-8") == EXPECTED_SV
    assert main(["--root", str(root), "check", "--strict"]) == 0
    build(root, root / "_site", search=False, use_cache=False)
    assert (root / "_site/fi/kaytannot/kielikahvila-aanekoskella/index.html").is_file()
    assert (root / "_site/sv/praxis/sprakkafe-i-aanekoski/index.html").is_file()


def _criteria_codes() -> list[str]:
    return load_vocabulary(ROOT / "content/vocabulary.yaml").codes("criteria")


@pytest.mark.browser
def test_an_edit_changes_only_the_edited_line(editor_project: tuple[Path, str], page: Any) -> None:
    root, url = editor_project
    before = {lang: (root / f"content/{lang}/sample.md").read_text(encoding="utf-8") for lang in ("fi", "sv")}
    form = _open_editor(page, url, "/collections/practices/entries/sample")
    form.type_text("summary", "Uusi tiivistelmä: kieli ja työ.")
    form.publish()
    after = {lang: (root / f"content/{lang}/sample.md").read_text(encoding="utf-8") for lang in ("fi", "sv")}
    assert after["sv"] == before["sv"]
    changed = [
        (old, new)
        for old, new in zip(before["fi"].splitlines(), after["fi"].splitlines(), strict=True)
        if old != new
    ]
    assert changed == [("summary: Lyhyt kuvaus.", 'summary: "Uusi tiivistelmä: kieli ja työ."')]
