"""An incremental build is a cold build, faster: through any sequence of the edits editors and
developers make, a rebuild of an existing site (search index included) gives exactly what a
build from nothing gives. Hypothesis chooses the sequences and shrinks any that fails."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    initialize,
    invariant,
    precondition,
    rule,
)

from catalogue.build.pipeline import build
from catalogue.problems import ContentError

from .helpers import CRITERIA, make_project, png, practice, site_files

pytestmark = pytest.mark.slow

THEMES = ["integration-training", "employment-entrepreneurship", "children-youth-families"]
TEMPLATE_EDITS = {
    "base.html": "</body>",
    "home.html": "<h1",
    "macros.html": '<li class="card">',
    "practice.html": "<h1",
    "term.html": "<h1",
}
"""Where an edit of each template goes: into what its pages show (text after a child
template's blocks, or outside a macro, is shown on no page, and would prove nothing)."""


@dataclass(frozen=True)
class Version:
    slug: str
    title: str
    body: str = "## Tausta\n\nTeksti.\n"
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entry:
    """One practice as the test knows it."""

    id: str
    fi: Version
    sv: Version
    theme: str
    criterion: str = "Vähentää eriarvoisuutta."
    draft: bool = False
    swedish_pending: bool = False
    """The Swedish file is not written yet; the Finnish one says so."""
    links_to: str | None = None
    image: bool = False
    """The Finnish text shows static/images/kuva.png (its page gives the image's size): the
    first practice's does."""


@dataclass
class Project:
    root: Path
    entries: dict[str, Entry] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)
    counter: int = 0
    mistake: str | None = None
    """The id of a practice whose Finnish file has an impossible date, until the next edit."""

    def fresh(self, stem: str) -> str:
        self.counter += 1
        return f"{stem}-{self.counter}"

    def write(self) -> None:
        """Write every practice file (and redirects.yaml) from the entries."""
        for lang in ("fi", "sv"):
            for file in (self.root / "content" / lang).glob("*.md"):
                file.unlink()
        for entry in self.entries.values():
            extra = ["draft: true"] if entry.draft else []
            fi_extra = [*extra, "translation_pending: true"] if entry.swedish_pending else extra
            self._write("fi", entry, entry.fi, fi_extra)
            if not entry.swedish_pending:
                self._write("sv", entry, entry.sv, extra)
        redirects = self.root / "content/redirects.yaml"
        redirects.unlink(missing_ok=True)
        if self.redirects:
            redirects.write_text(
                "".join(f"{old}: {new}\n" for old, new in self.redirects.items()), encoding="utf-8"
            )

    def _write(self, lang: str, entry: Entry, version: Version, extra: list[str]) -> None:
        if version.aliases:
            extra = [*extra, f"aliases: [{', '.join(version.aliases)}]"]
        body = version.body
        target = self.entries.get(entry.links_to or "")
        if target and not target.draft:  # a link to a draft is a mistake: see save_a_mistake
            body += f"\nKatso [toinen](practice:{target.id}).\n"
        if entry.image and lang == "fi":
            body += "\n![Ryhmä kirjastossa](/static/images/kuva.png)\n"
        criteria = CRITERIA.replace("Vähentää eriarvoisuutta.", entry.criterion)
        text = practice(
            entry.id, version.slug, title=version.title, body=body, themes=f"[{entry.theme}]",
            criteria=criteria, extra="\n".join(extra),
        )  # fmt: skip
        if lang == "fi" and entry.id == self.mistake:
            text = text.replace("published: 2017-01-02", "published: 2017-02-30")
        (self.root / "content" / lang / f"{version.slug}.md").write_text(text, encoding="utf-8")


def _edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, (file, old)
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


class Editing(RuleBasedStateMachine):
    """The project's live output folder, rebuilt after every edit, against a cold build."""

    practices = Bundle("practices")

    def __init__(self) -> None:
        super().__init__()
        self.scratch = Path(tempfile.mkdtemp(prefix="incremental-"))
        self.project = Project(make_project(self.scratch, {}))
        (self.project.root / "content/fi").mkdir()
        (self.project.root / "content/sv").mkdir()
        (self.project.root / "static/images").mkdir()
        (self.project.root / "static/images/kuva.png").write_bytes(png(48, 30))
        self.live = self.scratch / "live"
        self.builds = 0

    def teardown(self) -> None:
        shutil.rmtree(self.scratch, ignore_errors=True)

    def _new_entry(self, title: str, theme: str) -> Entry:
        p = self.project
        return Entry(
            p.fresh("k"), Version(p.fresh("fi"), f"{title} fi"), Version(p.fresh("sv"), f"{title} sv"), theme
        )

    @initialize(target=practices)
    def first_practice(self) -> str:
        """Every run starts with a practice, so that from its first step an edit of a card, a
        list or a page template shows on some page, and a picture replaced too."""
        practice_id = self._add("Kotona", THEMES[0])
        self._change(practice_id, image=True)
        return practice_id

    @rule(
        target=practices,
        title=st.sampled_from(["Alku", "Kieli", "Työ", "Äiti", "Öljy"]),
        theme=st.sampled_from(THEMES),
    )
    def add_practice(self, title: str, theme: str) -> str:
        return self._add(title, theme)

    def _add(self, title: str, theme: str) -> str:
        entry = self._new_entry(title, theme)
        self.project.entries[entry.id] = entry
        return entry.id

    def _change(self, practice_id: str, **changes: object) -> None:
        entries = self.project.entries
        if practice_id in entries:
            entries[practice_id] = replace(entries[practice_id], **changes)  # type: ignore[arg-type]

    @rule(
        practice_id=practices, words=st.sampled_from(["Uusi kappale.", "Kurssi jatkuu.", "Perhe saa tukea."])
    )
    def edit_text(self, practice_id: str, words: str) -> None:
        if entry := self.project.entries.get(practice_id):
            self._change(practice_id, fi=replace(entry.fi, body=entry.fi.body + f"\n{words}\n"))

    @rule(practice_id=practices, prefix=st.sampled_from(["Aaa ", "Ööö ", "Uusi "]))
    def edit_title(self, practice_id: str, prefix: str) -> None:
        """A new title; "Aaa" and "Ööö" move it to either end of the A–Ö order."""
        if entry := self.project.entries.get(practice_id):
            self._change(practice_id, sv=replace(entry.sv, title=prefix + entry.sv.title))

    @rule(practice_id=practices)
    def edit_criterion(self, practice_id: str) -> None:
        if entry := self.project.entries.get(practice_id):
            self._change(practice_id, criterion=entry.criterion + " Lisää näyttöä.")

    @rule(practice_id=practices, target_id=practices)
    def link_to_another(self, practice_id: str, target_id: str) -> None:
        self._change(practice_id, links_to=target_id)

    @rule(practice_id=practices, theme=st.sampled_from(THEMES))
    def change_theme(self, practice_id: str, theme: str) -> None:
        self._change(practice_id, theme=theme)

    @rule(practice_id=practices)
    def rename_slug_with_alias(self, practice_id: str) -> None:
        if entry := self.project.entries.get(practice_id):
            renamed = Version(
                self.project.fresh("fi"), entry.fi.title, entry.fi.body, (*entry.fi.aliases, entry.fi.slug)
            )
            self._change(practice_id, fi=renamed)

    @precondition(lambda self: len(self.project.entries) > 1)
    @rule(practice_id=consumes(practices))
    def delete_with_redirect(self, practice_id: str) -> None:
        entry = self.project.entries.pop(practice_id, None)
        if entry is None or entry.draft:
            return
        redirects = self.project.redirects
        for old in (entry.fi.slug, *entry.fi.aliases):
            redirects[f"fi/kaytannot/{old}/"] = "fi/kaytannot/"
        if not entry.swedish_pending:
            redirects[f"sv/praxis/{entry.sv.slug}/"] = "sv/praxis/"

    @rule(practice_id=practices)
    def toggle_draft(self, practice_id: str) -> None:
        if entry := self.project.entries.get(practice_id):
            self._change(practice_id, draft=not entry.draft)

    @rule(practice_id=practices)
    def toggle_translation_pending(self, practice_id: str) -> None:
        if entry := self.project.entries.get(practice_id):
            self._change(practice_id, swedish_pending=not entry.swedish_pending)

    @rule(practice_id=consumes(practices), target=practices)
    def change_id_in_both_files(self, practice_id: str) -> str:
        entry = self.project.entries.pop(practice_id, None)
        if entry is None:
            return practice_id
        new = replace(entry, id=self.project.fresh("k"))
        self.project.entries[new.id] = new
        return new.id

    @rule(label=st.sampled_from(["Kotoutumiskoulutus", "Koulutus ja kieli"]))
    def change_vocabulary_label(self, label: str) -> None:
        vocabulary = self.project.root / "content/vocabulary.yaml"
        text = vocabulary.read_text(encoding="utf-8")
        current = next(
            line for line in text.splitlines() if line.strip().startswith("fi: ") and "kielikoulutus" in line
        )
        # The label is written anew, not added to: labels grown without end would be too long
        # for an address, a mistake this rule does not mean to make.
        relabelled = current[: current.index("fi: ") + 4] + f"{label} ja kielikoulutus"
        vocabulary.write_text(text.replace(current, relabelled), encoding="utf-8")

    @rule(template=st.sampled_from(sorted(TEMPLATE_EDITS)))
    def edit_template(self, template: str) -> None:
        anchor = TEMPLATE_EDITS[template]
        _edit(self.project.root / "templates" / template, anchor, f"<!-- muokattu -->{anchor}")

    @rule(lang=st.sampled_from(["fi", "sv"]))
    def edit_message_catalogue(self, lang: str) -> None:
        word = {"fi": "Etusivu", "sv": "Startsida"}[lang]
        _edit(
            self.project.root / f"locales/{lang}/LC_MESSAGES/messages.po",
            f'msgstr "{word}',
            f'msgstr "{word}!',
        )

    @rule()
    def edit_static_file(self) -> None:
        css = self.project.root / "static/site.css"
        css.write_text(css.read_text(encoding="utf-8") + "\n/* muokattu */\n", encoding="utf-8")

    @rule(width=st.sampled_from([20, 64]))
    def replace_image(self, width: int) -> None:
        """A picture replaced by one of another size, under the same name."""
        (self.project.root / "static/images/kuva.png").write_bytes(png(width, 30))

    @rule()
    def add_attachment(self) -> None:
        """A file added for a text to link to (a guide, a form)."""
        (self.project.root / f"static/{self.project.fresh('liite')}.pdf").write_bytes(b"%PDF-1.4")

    @rule(address=st.sampled_from(["palaute@example.fi", "saavutettavuus@example.fi"]))
    def edit_site_settings(self, address: str) -> None:
        settings = self.project.root / "site.toml"
        text = settings.read_text(encoding="utf-8")
        current = next(line for line in text.splitlines() if line.startswith("feedback_email"))
        settings.write_text(text.replace(current, f'feedback_email = "{address}"'), encoding="utf-8")

    @rule(pick=st.integers(min_value=0), delete=st.booleans())
    def damage_the_output(self, pick: int, delete: bool) -> None:
        """A file of the output folder (a page, a static file, a part of the search bundle)
        deleted or changed since the build wrote it: by hand, by a deployment script."""
        files = sorted(p for p in self.live.rglob("*") if p.is_file()) if self.live.exists() else []
        if files:
            file = files[pick % len(files)]
            if delete:
                file.unlink()
            else:
                file.write_bytes(file.read_bytes() + b" ")

    @rule(practice_id=practices)
    def save_a_mistake(self, practice_id: str) -> None:
        """An impossible date saved in a file: the build fails and leaves the site as it was.
        The next edit puts the date right."""
        if practice_id in self.project.entries:
            self.project.mistake = practice_id

    @invariant()
    def rebuilding_equals_building_from_nothing(self) -> None:
        self.project.write()
        self.builds += 1
        cold = self.scratch / f"cold-{self.builds}"
        mistake, self.project.mistake = self.project.mistake, None
        try:
            build(self.project.root, cold, use_cache=False)
        except ContentError as error:
            assert mistake, f"only a mistake saved on purpose fails a build: {error.problems}"
            before = site_files(self.live) if self.live.exists() else None
            with pytest.raises(ContentError) as raised:
                build(self.project.root, self.live)
            assert raised.value.problems == error.problems
            assert (site_files(self.live) if self.live.exists() else None) == before
            return
        assert not mistake, "the build took an impossible date"
        build(self.project.root, self.live)
        assert site_files(self.live) == site_files(cold)
        shutil.rmtree(cold)


Editing.TestCase.settings = settings(
    max_examples=6,
    # CI's six derandomized sequences: at 8 steps they drew no title edit, rename or new practice
    # (the first is one rule again and again, the second no step at all), and passed with the
    # A–Ö list's recipe made blind to titles; at 20 the fourth edits a title, and the test fails.
    stateful_step_count=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_incremental_builds_equal_cold_builds = Editing.TestCase


def test_every_kind_of_edit_keeps_a_rebuild_equal_to_a_cold_build() -> None:
    """Each edit of the machine above at least once, in one fixed sequence. Hypothesis's few
    derandomized sequences in CI draw only some of the edits; this one draws them all."""
    machine = Editing()
    done: list[str] = []

    def step(name: str, *args: object) -> object:
        result = getattr(machine, name)(*args)
        done.append(name)
        machine.rebuilding_equals_building_from_nothing()
        return result

    try:
        first = step("first_practice")
        second = step("add_practice", "Öljy", THEMES[1])
        step("edit_text", first, "Kurssi jatkuu.")
        step("edit_title", second, "Aaa ")
        step("edit_criterion", first)
        step("link_to_another", first, second)
        step("change_theme", second, THEMES[2])
        step("rename_slug_with_alias", first)
        step("toggle_translation_pending", second)
        step("toggle_draft", second)
        step("save_a_mistake", first)
        first = step("change_id_in_both_files", first)
        step("change_vocabulary_label", "Koulutus ja kieli")
        step("edit_template", "macros.html")
        step("edit_message_catalogue", "sv")
        step("edit_static_file")
        step("replace_image", 20)
        step("add_attachment")
        step("edit_site_settings", "saavutettavuus@example.fi")
        step("damage_the_output", 7, True)
        step("damage_the_output", 11, False)
        step("delete_with_redirect", first)
    finally:
        machine.teardown()
    edits = {name for name, f in vars(Editing).items() if hasattr(f, "hypothesis_stateful_rule")}
    assert edits <= set(done), f"not in the sequence: {sorted(edits - set(done))}"


def replace_file(file: Path, old: str, new: str) -> None:
    """Save an edit as git and many editors do: a new file renamed over the old one."""
    saved = file.with_name(file.name + ".tmp")
    saved.write_text(file.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    saved.replace(file)


def test_serve_keeps_the_site_and_its_search_equal_to_a_cold_build(tmp_path: Path) -> None:
    """`serve` rebuilds on every save and indexes in the background; once it has caught up,
    the folder it serves is what a build from nothing gives, search included."""
    import time

    from catalogue.config import load_config
    from catalogue.serve import start_live

    from .helpers import pair

    root = make_project(tmp_path, {**pair(), **pair("other", "toinen", "annan")})
    out = root / "_site"
    settings = root / "site.toml"
    config = load_config(settings)
    live, errors = start_live(root, out, config, 0, strict=False, search=True)
    assert errors == []
    fi = root / "content/fi/esimerkki.md"
    vocabulary = root / "content/vocabulary.yaml"
    terms = vocabulary.read_text(encoding="utf-8")
    edits: list[tuple[Callable[[], object], bool]] = [  # each edit, and whether the build after it fails
        (lambda: fi.write_text(practice(title="Aivan uusi nimi"), encoding="utf-8"), False),
        (
            lambda: fi.write_text(
                practice(slug="uusi", title="Uusi", extra="aliases: [esimerkki]"), encoding="utf-8"
            ),
            False,
        ),
        (
            lambda: (root / "templates/term.html").write_text(
                (root / "templates/term.html").read_text(encoding="utf-8") + "<!-- muokattu -->\n",
                encoding="utf-8",
            ),
            False,
        ),
        # site.toml saved twice as git and many editors save: a new file renamed over the old
        (lambda: replace_file(settings, "@", "+uusi@"), False),
        (lambda: replace_file(settings, "+uusi@", "+toinen@"), False),
        (lambda: vocabulary.write_text("themes: [\n", encoding="utf-8"), True),  # and serve goes on
        (lambda: vocabulary.write_text(terms, encoding="utf-8"), False),
    ]
    time.sleep(1)  # the watcher is listening
    try:
        for edit, fails in edits:
            seen = live.state.generation
            edit()
            deadline = time.monotonic() + 30
            while live.state.generation == seen and time.monotonic() < deadline:
                time.sleep(0.05)
            assert live.state.generation > seen and bool(live.state.errors) == fails
        assert live.indexer is not None and live.indexer.idle.wait(60)
        build(root, tmp_path / "cold", use_cache=False)
        assert site_files(out) == site_files(tmp_path / "cold")
    finally:
        live.stop()


def test_two_processes_build_the_same_bytes(tmp_path: Path) -> None:
    """The same content gives the same site in any process, search bundle included: nothing
    depends on the order of a set, which changes with each process's string hashing."""
    import os
    import subprocess
    import sys

    from .helpers import ROOT

    for seed in ("1", "5"):  # two seeds under which the catalogue's sets iterate differently
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "build.py"),
                "--root",
                str(ROOT),
                "build",
                "--out",
                str(tmp_path / seed),
            ],
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
            capture_output=True,
        )
    assert site_files(tmp_path / "1") == site_files(tmp_path / "5")
