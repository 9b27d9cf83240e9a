"""The build cache and the output folder: a rebuild makes only what changed and equals a
build from nothing; a failed or interrupted build, in any stage, leaves the site as it was."""

from __future__ import annotations

import io
import os
import re
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path, PurePath
from typing import Any

import pytest

from catalogue import search_index, workers
from catalogue.build import make, pipeline, write
from catalogue.build.cache import BuildCache
from catalogue.build.pipeline import CACHE_FILE, build, check_site
from catalogue.build.progress import Reporter
from catalogue.content import load, stored
from catalogue.content.model import FileResult
from catalogue.problems import ContentError, Problem
from catalogue.site.markdown import Converter

from .helpers import ROOT, make_project, pair, png, practice, site_files


def built(root: Path, out: Path, use_cache: bool = True, search: bool = False) -> dict[str, str]:
    build(root, out, search=search, use_cache=use_cache)
    return site_files(out)


def test_output_is_identical_with_and_without_the_cache_through_a_sequence_of_edits(tmp_path: Path) -> None:
    root = make_project(tmp_path, {**pair(), **pair("other", "toinen", "annan")})
    fi = root / "content/fi/esimerkki.md"
    edits: list[Callable[[], object]] = [
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
        cached = built(root, tmp_path / f"cached-{step}")
        fresh = built(root, tmp_path / f"fresh-{step}", use_cache=False)
        assert cached == fresh, step
    assert (root / CACHE_FILE).is_file()


def test_an_image_is_given_the_size_of_its_file_and_a_new_file_its_new_size(tmp_path: Path) -> None:
    """The page keeps an image's place while it loads (no text jumps down under a reader's
    eyes on a slow connection); the size is the file's, so a replaced picture is remade with
    its own, exactly as a build from nothing makes it."""
    body = "## Tausta\n\n![Ryhmä kirjastossa](/static/images/ryhma.png)\n\nTeksti.\n"
    root = make_project(tmp_path, {**pair(body=body), "static/images/ryhma.png": png(48, 30)})
    page = "fi/kaytannot/esimerkki/index.html"

    def image_tag(out: Path) -> str:
        found = re.search(r"<img [^>]*>", (out / page).read_text(encoding="utf-8"))
        assert found is not None
        return found[0]

    out = tmp_path / "out"
    built(root, out)
    assert (
        image_tag(out)
        == '<img alt="Ryhmä kirjastossa" src="/static/images/ryhma.png" width="48" height="30">'
    )
    (root / "static/images/ryhma.png").write_bytes(png(20, 40))
    assert build(root, out, search=False).made == 3  # the image, and the two pages that show it
    assert site_files(out) == built(root, tmp_path / "fresh", use_cache=False)
    assert image_tag(out).endswith('width="20" height="40">')


def test_a_file_added_for_a_text_to_link_to_makes_no_page_again_and_a_style_sheet_every_page(
    tmp_path: Path,
) -> None:
    """An editor who adds a guide or a picture under static/ waits for that file only: pages
    give the versions of the files their templates name (site.css?v=…), and the sizes of the
    images their texts show, and nothing of other files."""
    body = "## Tausta\n\nLue [opas](/static/opas.pdf).\n"
    root = make_project(tmp_path, {**pair(body=body), "static/opas.pdf": b"%PDF-1.4 opas"})
    out = tmp_path / "out"
    first = build(root, out, search=False)
    (root / "static/opas.pdf").write_bytes(b"%PDF-1.4 opas, uusi painos")
    (root / "static/liite.pdf").write_bytes(b"%PDF-1.4 liite")
    (root / "static/images").mkdir()
    (root / "static/images/kuva.png").write_bytes(png(30, 20))
    assert build(root, out, search=False).made == 3
    assert site_files(out) == built(root, tmp_path / "fresh", use_cache=False)
    css = root / "static/site.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* muokattu */\n", encoding="utf-8")
    pages = sum(1 for page in first.plan.pages if page.path.endswith(".html"))
    assert build(root, out, search=False).made > pages  # every page that links it, and the file
    assert site_files(out) == built(root, tmp_path / "fresh-2", use_cache=False)


def test_the_templates_name_the_files_whose_versions_pages_give() -> None:
    """A use of `asset` with anything but a plain string may name any file: then all count."""
    from catalogue.site.templates import assets_named

    named = {"a.html": "{{ asset('site.css') }} {{ asset( \"vendor/x.js\" ) }}", "b.html": "<p>asset</p>"}
    assert assets_named({"a.html": named["a.html"]}) == frozenset({"site.css", "vendor/x.js"})
    assert assets_named(named) is None  # a mention, not a call
    assert assets_named({"c.html": "{{ asset(name) }} {{ asset('site.css') }}"}) is None
    assert assets_named({"d.html": "{% set versioned = asset_versions %}"}) == frozenset()


def test_a_corrupt_cache_is_ignored(tmp_path: Path) -> None:
    root = make_project(tmp_path, pair())
    expected = built(root, tmp_path / "fresh", use_cache=False)
    (root / CACHE_FILE).parent.mkdir(parents=True, exist_ok=True)
    (root / CACHE_FILE).write_bytes(b"this is not a database" * 100)
    assert built(root, tmp_path / "after-garbage") == expected


def test_compiled_templates_of_other_code_go_and_two_builds_of_new_code_share_theirs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an upgrade, two builds at once (`serve` running and `make build`) both find no
    folder for the new code's compiled templates: the one that looks second must neither fail
    ('File exists') nor remove what the first has compiled in it meanwhile."""
    cache = BuildCache(tmp_path / ".cache/build.sqlite", "new" * 8)
    old = tmp_path / ".cache/templates" / ("old" * 8)[:16]
    old.mkdir(parents=True)
    (old / "x.cache").write_bytes(b"compiled by other code")
    mine = old.with_name(cache.salt[:16])
    looked = Path.is_dir

    def other_build_makes_it_now(self: Path) -> bool:
        if self == mine and not looked(self):  # just after this build looked: the other's turn
            mine.mkdir()
            (mine / "y.cache").write_bytes(b"compiled by the other build")
            return False
        return looked(self)

    monkeypatch.setattr(Path, "is_dir", other_build_makes_it_now)
    assert pipeline.compiled_templates(cache) == mine
    monkeypatch.undo()
    assert (mine / "y.cache").read_bytes() == b"compiled by the other build"
    assert sorted(p.name for p in mine.parent.iterdir()) == [mine.name]
    cache.close()


def test_a_checked_result_is_stored_and_loaded_as_it_was_and_damage_is_not_trusted(tmp_path: Path) -> None:
    site = check_site(ROOT).site
    assert any(p.contact and p.links and p.updated for p in site.practices)  # every kind of value
    for version in site.practices:
        result = FileResult(
            version, site.text(version), [Problem(PurePath(version.source), 3, 1, "w")], ("x",)
        )
        value = stored.dump(result)
        assert stored.load(value) == result
        assert stored.load(value[:-2]) is None
        with_mistakes = result._replace(practice=None)  # its text's links are checked all the same
        assert stored.load(stored.dump(with_mistakes)) == with_mistakes
        # Told of a missing translation, or that it is a copy, cached or not.
        alone = with_mistakes._replace(needs_twin=True, at=((2, 5), (4, 7)))
        assert stored.load(stored.dump(alone)) == alone
    cache = BuildCache(tmp_path / "cache.sqlite", "salt-a")
    cache.put_checked({"d1": ("context", b"value", "source")}, {})
    assert cache.checked({"d1": "context"}) == {"d1": b"value"}
    assert cache.checked({"d1": "other context"}) == {}
    cache.close()
    other_code = BuildCache(tmp_path / "cache.sqlite", "salt-b")
    assert other_code.checked({"d1": "context"}) == {}
    other_code.close()


def test_a_copied_practice_is_refused_on_every_check_not_only_the_first(tmp_path: Path) -> None:
    """An editor starts a practice by copying one: the two files have the same bytes, and the
    check must name both, however often it runs (each file's result is kept for its own place)."""
    root = make_project(tmp_path, pair())
    shutil.copy(root / "content/fi/esimerkki.md", root / "content/fi/kopio.md")
    for _ in range(3):
        with pytest.raises(ContentError) as raised, pipeline.build_cache(root, use_cache=True) as cache:
            check_site(root, cache=cache)
        found = {(str(p.path), p.message.split(";")[0]) for p in raised.value.problems}
        assert ("content/fi/kopio.md", "id 'sample' is already used by content/fi/esimerkki.md") in found


def test_parallel_checking_and_making_give_the_same_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Large catalogues check files and make pages on all cores; the result must not change."""
    sequential = check_site(ROOT).site
    expected = built(ROOT, tmp_path / "serial", use_cache=False)
    monkeypatch.setattr(load, "PARALLEL_FROM", 1)
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 1)
    monkeypatch.setattr(workers, "core_count", lambda: 2)
    assert check_site(ROOT).site == sequential
    assert built(ROOT, tmp_path / "parallel", use_cache=False) == expected


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
        lambda root: (root / "content/sv/esimerkki.md").write_text(
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


def test_a_text_is_converted_once_however_often_its_front_matter_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The HTML of a text is kept by the text's hash, not the file's."""
    root = make_project(tmp_path, pair())
    build(root, root / "_site", search=False)

    def refuse() -> None:
        raise AssertionError("a text whose HTML is in the cache was converted again")

    monkeypatch.setattr(make, "Converter", refuse)
    (root / "content/fi/esimerkki.md").write_text(practice(title="Uusi nimi"), encoding="utf-8")
    build(root, root / "_site", search=False)
    page = (root / "_site/fi/kaytannot/esimerkki/index.html").read_text(encoding="utf-8")
    assert "Uusi nimi" in page and "Teksti." in page


def test_an_edit_to_the_text_converts_that_text_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each Markdown text (the body, each criterion's evidence) is kept by its own hash: the
    criteria of a file whose body changed are not converted again."""
    root = make_project(tmp_path, pair())
    build(root, root / "_site", search=False)
    converted: list[str] = []
    convert = Converter.convert

    def counted(self: Converter, text: str) -> str:
        converted.append(text)
        return convert(self, text)

    monkeypatch.setattr(Converter, "convert", counted)
    (root / "content/fi/esimerkki.md").write_text(practice(body="Uusi teksti.\n"), encoding="utf-8")
    build(root, root / "_site", search=False)
    assert converted == ["Uusi teksti.\n"]


def test_a_static_file_is_read_again_only_when_its_size_or_time_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the content's files: a settled static file's hash is known from its size and time;
    an edit of the same size, made later, gives the file a new version in every page's links."""
    root = make_project(tmp_path, pair())
    css = root / "static/site.css"
    an_hour_ago = time.time_ns() - 3600 * 10**9
    os.utime(css, ns=(an_hour_ago, an_hour_ago))
    build(root, root / "_site", search=False)
    page = root / "_site/fi/kaytannot/esimerkki/index.html"
    link = re.compile(r'href="[^"]*site\.css\?v=(\w+)"')
    version = link.findall(page.read_text(encoding="utf-8"))

    read: list[Path] = []
    read_bytes = Path.read_bytes

    def recorded(path: Path) -> bytes:
        read.append(path)
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", recorded)
    build(root, root / "_site", search=False)
    assert [path for path in read if "static" in path.parts] == []

    text = css.read_text(encoding="utf-8")
    css.write_text(text.replace("{", " {", 1).replace("  ", " ", 1), encoding="utf-8")
    assert css.stat().st_size == len(text.encode()) and css.read_text(encoding="utf-8") != text
    build(root, root / "_site", search=False)
    assert link.findall(page.read_text(encoding="utf-8")) not in ([], version)
    assert (root / "_site/static/site.css").read_text(encoding="utf-8") == css.read_text(encoding="utf-8")


def test_editing_a_template_remakes_exactly_the_pages_that_use_it(tmp_path: Path) -> None:
    def edit_term_template(root: Path) -> None:
        term = root / "templates/term.html"
        edited = term.read_text(encoding="utf-8").replace("</h1>", "</h1>\n<p>uusi</p>", 1)
        term.write_text(edited, encoding="utf-8")

    out, remade, _ = remade_by(edit_term_template, tmp_path)
    uses_term = {
        p.relative_to(out).as_posix()
        for p in out.rglob("*.html")
        if "<p>uusi</p>" in p.read_text(encoding="utf-8")
    }
    assert remade and remade == uses_term


def test_an_output_folder_deleted_or_replaced_is_made_whole_again(tmp_path: Path) -> None:
    """The build trusts the record of what it wrote into a folder only for that folder: one
    deleted, or put back from a copy, is made again as a build from nothing would make it."""
    root = make_project(tmp_path, pair())
    out = tmp_path / "site"
    expected = built(root, out)
    shutil.rmtree(out)
    assert built(root, out) == expected
    shutil.copytree(out, tmp_path / "copy")
    (tmp_path / "copy/fi/index.html").write_text("altered", encoding="utf-8")
    shutil.rmtree(out)
    (tmp_path / "copy").rename(out)
    assert built(root, out) == expected


def test_a_file_deleted_or_changed_in_the_output_folder_is_made_again(tmp_path: Path) -> None:
    """A page, a static file or a part of the search bundle deleted or changed in the output
    folder since the build wrote it (`rm -rf _site/fi`, a deployment script, an editor saving
    into _site/ by mistake) is made again, as a build from nothing would make it. (The build
    trusted its record of the folder: the next build left the page missing and the search
    without its fragments.)"""
    root = make_project(tmp_path, {**pair(), **pair("other", "toinen", "annan")})
    out = tmp_path / "site"
    expected = built(root, out, search=True)
    shutil.rmtree(out / "sv")
    (out / "fi/index.html").write_text("altered", encoding="utf-8")
    (out / "static/site.css").unlink()
    fragment = next((out / "pagefind/fragment").iterdir())
    fragment.write_bytes(fragment.read_bytes()[:-1])
    assert built(root, out, search=True) == expected
    shutil.rmtree(out / "pagefind/fragment")
    assert built(root, out, search=True) == expected


def test_two_builds_into_one_folder_at_once_take_turns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`serve` rebuilding while `make build` runs in another terminal: the second build waits
    for the first, says so, and the folder ends as a build from nothing makes it. (They shared
    the staging folder: the second removed the pages the first was making, and the first
    failed.)"""
    root = make_project(tmp_path, {**pair(), **pair("other", "toinen", "annan")})
    out = tmp_path / "site"
    built(root, out)
    (root / "content/fi/esimerkki.md").write_text(practice(title="Aivan uusi nimi"), encoding="utf-8")
    made, go = threading.Event(), threading.Event()
    real_publish = pipeline._publish

    def first_waits(*args: Any) -> Any:
        if not made.is_set():
            made.set()
            go.wait(10)
        return real_publish(*args)

    monkeypatch.setattr(pipeline, "_publish", first_waits)
    failures: list[BaseException] = []
    told = io.StringIO()

    def run(reporter: Reporter | None = None) -> None:
        try:
            build(root, out, reporter=reporter, search=False)
        except BaseException as error:
            failures.append(error)

    first = threading.Thread(target=run)
    first.start()
    assert made.wait(10)
    second = threading.Thread(target=run, args=(Reporter(told),))
    second.start()
    deadline = time.monotonic() + 10
    while not told.getvalue() and second.is_alive() and time.monotonic() < deadline:
        time.sleep(0.01)
    waited = second.is_alive()  # without the lock, it ran to its end
    go.set()
    first.join(10)
    second.join(10)
    assert failures == [] and waited
    assert told.getvalue() == f"waiting for another build into {out.name}/ to finish…\n"
    assert site_files(out) == built(root, tmp_path / "fresh", use_cache=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh", "project", "site"]


def _raise(error: BaseException) -> Callable[..., Any]:
    def fail(*args: Any, **kwargs: Any) -> Any:
        raise error

    return fail


FAILURES = {
    "check": (load, "check_file"),
    "plan": (pipeline, "site_pages"),
    "make": (make, "render"),
    "index": (search_index, "_index"),
    "publish": (write, "_remove_empty_parents"),
}


@pytest.mark.parametrize(
    ("stage", "error"),
    [(stage, RuntimeError("failed")) for stage in FAILURES]
    # Publishing holds Ctrl+C back until it is done, so it is interrupted in no other stage.
    + [(stage, KeyboardInterrupt()) for stage in FAILURES if stage != "publish"],
    ids=lambda value: value if isinstance(value, str) else type(value).__name__,
)
def test_a_build_that_fails_in_any_stage_leaves_the_published_site_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str, error: BaseException
) -> None:
    """After an edit that changes a practice page, its lists and its address (so that every
    stage has work to do, publishing included), a failure anywhere leaves the site and the
    search index exactly as they were, with no staging folder behind; the next build works."""
    root = make_project(tmp_path, {**pair(), **pair("other", "toinen", "annan")})
    out = tmp_path / "site"
    before = built(root, out, search=True)
    (root / "content/fi/esimerkki.md").write_text(
        practice(slug="uusi-osoite", title="Aivan uusi nimi", extra="aliases: [esimerkki]"), encoding="utf-8"
    )
    module, name = FAILURES[stage]
    with monkeypatch.context() as patch:
        patch.setattr(module, name, _raise(error))
        with pytest.raises(type(error)):
            build(root, out, search=True)
    if stage == "publish":  # a failure halfway through renames: the next build puts it right
        build(root, out, search=True)
        assert built(root, out, search=True) == built(root, tmp_path / "fresh", use_cache=False, search=True)
        return
    assert site_files(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]
    assert built(root, out, search=True) == built(root, tmp_path / "fresh", use_cache=False, search=True)


@pytest.mark.parametrize(
    ("code", "message", "parallel"),
    [
        ("{% if %}", "Expected an expression, got 'end of statement block'", True),  # compiled first
        ("{{ 1 / 0 }}", "division by zero", False),  # the template's own code
        ("{% include 'practice.html' %}", "maximum recursion depth exceeded", False),  # where it ends
        (  # a static file the templates name
            "{{ asset('copy-lnk.js') }}",
            "static/copy-lnk.js does not exist; did you mean 'copy-link.js'?",
            True,
        ),
    ],
)
def test_a_template_mistake_is_reported_at_its_line_on_one_core_or_many(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parallel: bool, code: str, message: str
) -> None:
    """Many pages to make are made on all cores, and their templates compiled first; a
    mistake is a located problem either way, never a traceback, and the site stays as it was."""
    root = make_project(tmp_path, pair())
    out = tmp_path / "site"
    before = built(root, out)
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 1 if parallel else 10_000)
    template = root / "templates/practice.html"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace("{% block main %}", "{% block main %}" + code), encoding="utf-8")
    line = text[: text.index("{% block main %}")].count("\n") + 1
    with pytest.raises(ContentError) as raised:
        build(root, out, search=False)
    [problem] = raised.value.problems
    assert problem.message.startswith(f"template error: {message}")
    if "recursion" not in message:
        assert (problem.path.as_posix(), problem.line) == ("templates/practice.html", line)
    assert site_files(out) == before


def test_a_template_error_while_making_pages_is_reported_at_its_line(tmp_path: Path) -> None:
    root = make_project(tmp_path, pair())
    out = tmp_path / "site"
    before = built(root, out)
    template = root / "templates/practice.html"
    main_block = "{% block main %}"
    template.write_text(
        template.read_text(encoding="utf-8").replace(main_block, main_block + "{{ no_such_value }}"),
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as raised:
        build(root, out, search=False)
    [problem] = raised.value.problems
    lines = template.read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, start=1) if "no_such_value" in text)
    assert str(problem) == f"templates/practice.html:{line}:1: template error: 'no_such_value' is undefined"
    assert site_files(out) == before
