"""The build cache changes nothing but speed: output is byte-identical with and without it,
after edits, and with a corrupt or foreign cache file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePath
from typing import Any

import jinja2
import pytest

from catalogue import produce, stored
from catalogue.cache import BuildCache
from catalogue.compiled_templates import CompiledTemplates
from catalogue.markup import Markup
from catalogue.model import Practice
from catalogue.pipeline import CACHE_FILE, build, check_site, open_cache, plan
from catalogue.problems import Problem

from .helpers import ROOT, make_project, pair, practice
from .test_build import tree_digest


def built(root: Path, out: Path, use_cache: bool) -> dict[str, str]:
    build(root, out, search=False, use_cache=use_cache)
    return tree_digest(out)


def test_output_is_identical_with_and_without_the_cache_through_a_sequence_of_edits(tmp_path: Path) -> None:
    root = make_project(tmp_path, {**pair(), **pair("other", "toinen", "annan")})
    fi = root / "content/fi/esimerkki.md"
    edits = [
        lambda: None,
        lambda: fi.write_text(
            practice(body="## Uusi\n\nMuutettu [linkki](practice:other).\n"), encoding="utf-8"
        ),
        lambda: (root / "templates/404.html").write_text(
            (root / "templates/404.html").read_text(encoding="utf-8").replace("narrow", "narrow lost"),
            encoding="utf-8",
        ),
        lambda: (root / "content/fi/toinen.md").write_text(
            practice("other", "toinen-uusi", extra="aliases: [toinen]"), encoding="utf-8"
        ),
    ]
    for step, edit in enumerate(edits):
        edit()
        cached = built(root, tmp_path / f"cached-{step}", use_cache=True)
        fresh = built(root, tmp_path / f"fresh-{step}", use_cache=False)
        assert cached == fresh, step
    assert (root / CACHE_FILE).is_file()


def test_a_corrupt_cache_is_ignored(tmp_path: Path) -> None:
    root = make_project(tmp_path, pair())
    expected = built(root, tmp_path / "fresh", use_cache=False)
    (root / CACHE_FILE).parent.mkdir(parents=True, exist_ok=True)
    (root / CACHE_FILE).write_bytes(b"this is not a database" * 100)
    assert built(root, tmp_path / "after-garbage", use_cache=True) == expected


def test_a_tampered_entry_or_other_code_is_not_trusted(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    cache = BuildCache(path, "salt-a")
    key = cache.key("markdown", "/", "# x")
    cache.put_many({key: "<h1>x</h1>"})
    assert cache.get_many([key]) == {key: "<h1>x</h1>"}
    assert cache.db is not None
    cache.db.execute("UPDATE html SET value = '<script>evil()</script>'")
    cache.db.commit()
    assert cache.get_many([key]) == {}
    cache.close()
    other_code = BuildCache(path, "salt-b")
    assert other_code.get_many([other_code.key("markdown", "/", "# x")]) == {}
    other_code.close()


def test_parallel_parsing_and_making_give_the_same_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Large catalogues parse files and make pages on all cores; the result must not change."""
    from catalogue import cores, load, produce
    from catalogue.pipeline import check_site

    sequential = check_site(ROOT).site
    expected = built(ROOT, tmp_path / "serial", use_cache=False)
    monkeypatch.setattr(load, "PARALLEL_FROM", 1)
    monkeypatch.setattr(load, "_REMEMBERED", {})  # read the files again, not from memory
    monkeypatch.setattr(cores, "worker_count", lambda: 2)
    monkeypatch.setattr(produce, "PARALLEL_FROM", 1)
    parallel = check_site(ROOT).site
    assert parallel.practices == sequential.practices
    assert built(ROOT, tmp_path / "parallel", use_cache=False) == expected


@pytest.mark.parametrize("in_background", [False, True], ids=["in-process", "in-background"])
def test_rebuilding_in_place_after_edits_equals_a_fresh_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_background: bool
) -> None:
    """One output folder kept up to date through edits that touch listings, related practices,
    links between practices, addresses and templates, and a removal: after each, it is
    byte-identical to a build from scratch. In the background: as for a large site, where
    the published files are checked, and the open-data files made, on another core while
    the site is loaded and planned."""
    if in_background:
        monkeypatch.setattr(produce, "BACKGROUND_FROM", 0)
    root = make_project(
        tmp_path, {**pair(), **pair("other", "toinen", "annan"), **pair("third", "kolmas", "tredje")}
    )
    fi = root / "content/fi/esimerkki.md"
    live = tmp_path / "live"
    edits = [
        lambda: fi.write_text(practice(title="Aivan uusi nimi"), encoding="utf-8"),
        lambda: fi.write_text(
            practice(body="## Uusi\n\nKatso [toinen](practice:other).\n"), encoding="utf-8"
        ),
        lambda: (root / "content/fi/toinen.md").write_text(
            practice("other", "toinen-uusi", extra="aliases: [toinen]"), encoding="utf-8"
        ),
        lambda: [
            (root / path).write_text(text, encoding="utf-8")
            for path, text in pair(themes="[employment-entrepreneurship]").items()
        ],
        lambda: (root / "templates/term.html").write_text(
            (root / "templates/term.html").read_text(encoding="utf-8") + "\n{# edited #}\n", encoding="utf-8"
        ),
        lambda: [
            (root / f"content/{lang}/{name}.md").unlink()
            for lang, name in (("fi", "kolmas"), ("sv", "tredje"))
        ],
    ]
    built(root, live, use_cache=True)
    for step, edit in enumerate(edits):
        edit()
        assert built(root, live, use_cache=True) == built(
            root, tmp_path / f"fresh-{step}", use_cache=False
        ), step


def remade_by(edit: Callable[[Path], object], tmp_path: Path) -> tuple[Path, set[str], int]:
    """Build a two-practice project, apply `edit` to its root, build again into the same
    folder; return the folder, the files written anew (their inode changed) and how many
    files there were."""
    root = make_project(tmp_path, {**pair(), **pair("other", "toinen", "annan")})
    out = tmp_path / "site"
    build(root, out, search=False)
    before = {p: p.stat().st_ino for p in out.rglob("*") if p.is_file()}
    edit(root)
    build(root, out, search=False)
    remade = {p.relative_to(out).as_posix() for p, ino in before.items() if p.stat().st_ino != ino}
    return out, remade, len(before)


def test_an_edit_remakes_only_the_files_that_show_it(tmp_path: Path) -> None:
    _, remade, total = remade_by(
        lambda root: (root / "content/sv/exempel.md").write_text(
            practice(slug="exempel", title="Ett nytt namn"), encoding="utf-8"
        ),
        tmp_path,
    )
    assert "sv/praxis/exempel/index.html" in remade
    assert "sv/praxis/index.html" in remade  # the A–Ö list
    assert "sv/praxis/annan/index.html" in remade  # lists it as a related practice
    assert "fi/kaytannot/esimerkki/index.html" in remade  # links to it by its Swedish title
    assert "fi/kaytannot/toinen/index.html" not in remade
    assert "fi/index.html" not in remade and "fi/kaytannot/index.html" not in remade
    assert {"data/v1/practices.sv.json", "data/v1/practices.sv.csv"} <= remade  # open data
    assert "data/v1/practices.fi.json" not in remade  # shows the translation's address, not its title
    assert len(remade) < total / 3, remade


def test_an_edit_to_the_text_alone_remakes_only_that_page(tmp_path: Path) -> None:
    """Lists, related practices and open data show a practice's facts, not its text."""
    out, remade, _ = remade_by(
        lambda root: (root / "content/fi/esimerkki.md").write_text(
            practice(body="## Tausta\n\nUusi teksti.\n"), encoding="utf-8"
        ),
        tmp_path,
    )
    assert remade == {"fi/kaytannot/esimerkki/index.html"}
    assert "Uusi teksti." in (out / "fi/kaytannot/esimerkki/index.html").read_text(encoding="utf-8")


def test_editing_a_template_remakes_exactly_the_pages_that_use_it(tmp_path: Path) -> None:

    def edit_term_template(root: Path) -> None:
        term = root / "templates/term.html"
        edited = term.read_text(encoding="utf-8").replace("</h1>", "</h1>\n<p>uusi</p>", 1)
        term.write_text(edited, encoding="utf-8")

    out, remade, _ = remade_by(edit_term_template, tmp_path)
    term_pages = {p for p in remade if "<p>uusi</p>" in (out / p).read_text(encoding="utf-8")}
    assert remade and remade == term_pages
    uses_term = {
        p.relative_to(out).as_posix()
        for p in out.rglob("*.html")
        if "<p>uusi</p>" in p.read_text(encoding="utf-8")
    }
    assert remade == uses_term


def _sample_project(tmp_path: Path) -> Path:
    """A copy of the sample catalogue (25 practices, most in both languages)."""
    files: dict[str, str | bytes] = {
        path.relative_to(ROOT).as_posix(): path.read_bytes()
        for path in (ROOT / "content").glob("*/*.md")
        if path.parent.name in ("fi", "sv")
    }
    files["content/published-urls.txt"] = (ROOT / "content/published-urls.txt").read_bytes()
    return make_project(tmp_path, files)


def _rewrite(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, (file, old)
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_pages_taken_from_the_last_plan_are_those_a_fresh_plan_makes(tmp_path: Path) -> None:
    """A rebuild takes a practice's pages from the last build's plan unless the practice, its
    translation or a practice it shows as related changed. Through every kind of edit, the plan
    it comes to must be exactly the plan made from nothing, and a page taken over must be
    made as a fresh plan would make it."""
    root = _sample_project(tmp_path)
    fi, sv = root / "content/fi", root / "content/sv"
    edits: list[tuple[str, Callable[[], None]]] = [
        ("nothing", lambda: None),
        ("a text", lambda: _rewrite(fi / "pointti.md", "\n## ", "\nUusi kappale.\n\n## ")),
        ("a translation's text", lambda: _rewrite(sv / "alkukiri.md", "\n## ", "\nNytt stycke.\n\n## ")),
        ("a title, order kept", lambda: _rewrite(sv / "pointti.md", "title: ", "title: Pointti – ")),
        ("a summary", lambda: _rewrite(fi / "koto-sib.md", "summary: ", "summary: Uutta. ")),
        (
            "a title, order changed",
            lambda: _rewrite(fi / "verso-neuvontapalvelut.md", "title: ", "title: Aaa "),
        ),
        (
            "themes",
            lambda: [
                _rewrite(f / "alkukiri.md", "themes: [", "themes: [refugee-reception, ") for f in (fi, sv)
            ],
        ),
        (
            "a link",
            lambda: _rewrite(fi / "arjen-apu.md", "\n## ", "\nKatso [Pointti](practice:pointti).\n\n## "),
        ),
        (
            "a new practice",
            lambda: (fi / "uusi.md").write_text(
                practice("uusi", "uusi", extra="translation_pending: true"), encoding="utf-8"
            ),
        ),
    ]
    cache = open_cache(root)
    try:
        for name, edit in edits:
            edit()
            site = check_site(root, cache=cache).site
            reused, _ = plan(root, site, cache)
            fresh, _ = plan(root, site, BuildCache(None, cache.salt))
            assert {o.path: o.recipe for o in reused} == {o.path: o.recipe for o in fresh}, name
        fresh_texts = {o.path: o for o in fresh}
        for output in reused:
            assert output.make() == fresh_texts[output.path].make(), output.path
    finally:
        cache.close()


def test_compiled_templates_are_kept_for_the_next_process_and_never_trusted_blindly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled: list[str] = []
    compile_template = jinja2.Environment.compile

    def counted(self: jinja2.Environment, *args: Any, **kwargs: Any) -> Any:
        compiled.append(args[1])
        return compile_template(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    folder = tmp_path / ".cache/templates"

    def render(salt: str) -> str:
        """Render as a new process would: nothing compiled in memory yet."""
        kept = CompiledTemplates()
        kept.keep_in(folder, salt)
        env = jinja2.Environment(loader=jinja2.DictLoader({"t.html": "Hei {{ name }}!"}), bytecode_cache=kept)
        return env.get_template("t.html").render(name="maailma")

    assert render("code-a") == "Hei maailma!" and compiled == ["t.html"]
    assert render("code-a") == "Hei maailma!" and compiled == ["t.html"]  # taken from the folder
    assert render("code-b") == "Hei maailma!" and len(compiled) == 2  # other code: compiled again
    [kept_file] = folder.iterdir()
    # Damage that still loads: a constant of the compiled code changed.
    kept_file.write_bytes(kept_file.read_bytes().replace(b"Hei ", b"Hej "))
    assert render("code-b") == "Hei maailma!" and len(compiled) == 3  # damaged: compiled again
    assert render("code-b") == "Hei maailma!" and len(compiled) == 3  # and the file mended


def test_a_practice_loaded_from_the_cache_is_the_practice_that_was_stored() -> None:
    practices = check_site(ROOT).site.practices
    assert any(p.contact and p.links and p.updated for p in practices)  # every kind of value is tried
    for version in practices:
        result = stored.FileResult(version, [Problem(PurePath(version.source), 3, 1, "a warning")], ("x",))
        blob = stored.dump(result)
        loaded = stored.load(blob)
        assert loaded is not None and loaded.practice is not None
        # The texts shown only on the practice's own page stay encoded until one is read …
        with pytest.raises(AttributeError):
            Practice.__dict__["criteria"].__get__(loaded.practice)
        assert loaded.practice.id == version.id and loaded.practice.published == version.published
        # … and then they are all there, equal to what was stored.
        assert loaded.practice.criteria == version.criteria
        assert loaded == result
        assert stored.load(blob[:-2]) is None  # a damaged entry is not trusted


def test_an_edit_to_a_title_converts_no_markdown_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_project(tmp_path, pair())
    out = tmp_path / "site"
    build(root, out, search=False)
    converted: list[str] = []
    convert = Markup.to_html
    monkeypatch.setattr(Markup, "to_html", lambda self, text: converted.append(text) or convert(self, text))
    monkeypatch.setattr(produce, "PARALLEL_IN_PLACE_FROM", 10**6)  # made here, where the spy is
    (root / "content/fi/esimerkki.md").write_text(practice(title="Uusi otsikko"), encoding="utf-8")
    build(root, out, search=False)
    assert "<h1>Uusi otsikko</h1>" in (out / "fi/kaytannot/esimerkki/index.html").read_text(encoding="utf-8")
    assert converted == []  # the text and criteria are as they were: their HTML is reused
    (root / "content/fi/esimerkki.md").write_text(practice(body="Uusi teksti.\n"), encoding="utf-8")
    build(root, out, search=False)
    assert converted and "Uusi teksti." in (out / "fi/kaytannot/esimerkki/index.html").read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize("in_background", [False, True], ids=["in-process", "in-background"])
def test_a_failed_update_in_place_leaves_the_published_site_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_background: bool
) -> None:
    """A title edit whose practice page then fails to render: the lists and open-data files
    made meanwhile (in the background for a large site) are never published nor left behind."""
    if in_background:
        monkeypatch.setattr(produce, "BACKGROUND_FROM", 0)
    root = make_project(tmp_path, {**pair(), **pair("other", "toinen", "annan")})
    out = tmp_path / "site"
    before = built(root, out, use_cache=True)
    (root / "content/fi/esimerkki.md").write_text(practice(title="Aivan uusi nimi"), encoding="utf-8")
    template = root / "templates/practice.html"
    main = "{% block main %}"
    broken = template.read_text(encoding="utf-8").replace(main, main + "{{ no_such_value }}")
    template.write_text(broken, encoding="utf-8")
    with pytest.raises(jinja2.UndefinedError):
        build(root, out, search=False)
    assert tree_digest(out) == before
    assert not [path for path in out.rglob("*") if path.name.endswith(".tmp")]
