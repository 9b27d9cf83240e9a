"""The build as a whole: exit status, messages, atomic output, determinism, base path."""

from __future__ import annotations

import hashlib
import io
import re
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from catalogue.build.pipeline import build, search_input
from catalogue.build.progress import Reporter
from catalogue.cli import main
from catalogue.config import load_config
from catalogue.problems import ContentError
from catalogue.serve import start_live

from .helpers import CRITERIA, ROOT, make_project, pair, practice

NOT_BUILT = "The site was not built"
UNCHANGED = "Nothing in the output folder was changed."


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_bad_input_exits_1_with_one_line_per_problem_and_leaves_the_old_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, pair())
    out = tmp_path / "out"
    assert main(["--root", str(root), "build", "--out", str(out), "--no-search"]) == 0
    before = tree_digest(out)
    capsys.readouterr()

    (root / "content/fi/esimerkki.md").write_text(practice(themes="[nope]"), encoding="utf-8")
    (root / "content/sv/rikki.md").write_text("ingen front matter", encoding="utf-8")
    assert main(["--root", str(root), "build", "--out", str(out), "--no-search"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "content/fi/esimerkki.md:6:10: unknown themes code 'nope'; the codes are: basic-info-guidance, "
        "initial-assessment-plan, integration-training, employment-entrepreneurship, "
        "children-youth-families, refugee-reception, multisectoral-cooperation, "
        "participation-civil-society",
        "content/sv/rikki.md:1:1: the file has no front matter; it must start with a line '---', then "
        "the fields (id, title, ...), then another '---' line before the text",
        "The site was not built: 2 errors and 0 warnings in 2 files. "
        "Nothing in the output folder was changed.",
    ]
    assert "Traceback" not in captured.err
    assert tree_digest(out) == before
    assert not (tmp_path / ".out.tmp").exists()


def test_an_output_folder_that_cannot_be_made_is_one_line_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--out` under a file (or on a full disk, or in a folder not writable): the machine's
    problem, not the content's, told in one line with the system's reason and path."""
    root = make_project(tmp_path, pair())
    (tmp_path / "notes.txt").write_text("", encoding="utf-8")
    out = tmp_path / "notes.txt" / "site"
    assert main(["--root", str(root), "build", "--out", str(out), "--no-search"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"build stopped: [Errno 17] File exists: '{tmp_path / 'notes.txt'}'"
    ]


def test_a_pagefind_run_that_fails_is_told_in_one_line_and_leaves_the_old_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from catalogue import search_index

    root = make_project(tmp_path, pair())
    out = tmp_path / "out"
    assert main(["--root", str(root), "build", "--out", str(out)]) == 0
    before = tree_digest(out)
    (root / "content/fi/esimerkki.md").write_text(practice(title="Uusi nimi"), encoding="utf-8")
    monkeypatch.setattr(search_index, "INDEX_FLAGS", ("--no-such-setting",))
    capsys.readouterr()
    assert main(["--root", str(root), "build", "--out", str(out)]) == 1
    told = capsys.readouterr().err
    assert told.startswith("build stopped: Pagefind failed (2): ") and "--no-such-setting" in told
    assert "Traceback" not in told
    assert tree_digest(out) == before


def _pressed(*args: object, **kwargs: object) -> str:
    """Ctrl+C, as it reaches the build where it is at work."""
    raise KeyboardInterrupt


def test_ctrl_c_ends_a_build_in_one_line_and_leaves_the_old_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from catalogue.build import make

    root = make_project(tmp_path, pair())
    out = tmp_path / "out"
    assert main(["--root", str(root), "build", "--out", str(out), "--no-search"]) == 0
    before = tree_digest(out)
    (root / "content/fi/esimerkki.md").write_text(practice(title="Uusi nimi"), encoding="utf-8")

    monkeypatch.setattr(make, "render", _pressed)
    capsys.readouterr()
    assert main(["--root", str(root), "build", "--out", str(out), "--no-search"]) == 130
    assert capsys.readouterr().err.splitlines()[-1] == (
        "build interrupted (Ctrl+C); a build publishes the whole site or none of it"
    )
    assert tree_digest(out) == before


@pytest.fixture
def ctrl_c_raises() -> Iterator[None]:
    """Ctrl+C raises KeyboardInterrupt, as Python sets it up, even where the tests were started
    with it ignored (a script's job in the background inherits SIGINT ignored, and Python then
    leaves it so)."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


@pytest.mark.usefixtures("ctrl_c_raises")
def test_ctrl_c_while_publishing_on_a_terminal_waits_for_the_whole_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Publishing holds Ctrl+C back until every file is in place. On a terminal the progress
    line has a thread of its own, and Python runs a signal's handler in the main thread, whichever
    thread the system handed the signal to: blocking the signal in the main thread alone did not
    hold it back, and Ctrl+C left the site half published."""
    import os

    from catalogue.build import write

    root = make_project(tmp_path, {**pair(), **pair("other", "toinen", "annan")})
    out = (tmp_path / "out").resolve()
    build(root, out, search=False)
    for name in ("fi/esimerkki.md", "fi/toinen.md"):
        file = root / "content" / name
        file.write_text(file.read_text(encoding="utf-8").replace("title: ", "title: Uusi "), encoding="utf-8")
    cold = tmp_path / "cold"
    build(root, cold, search=False, use_cache=False)

    pressed: list[str] = []

    def destination(target: Path, path: str) -> Path:
        if target == out and not pressed:  # the first file published
            pressed.append(path)
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.05)
        return real(target, path)

    real = write._destination
    monkeypatch.setattr(write, "_destination", destination)
    with pytest.raises(KeyboardInterrupt):
        build(root, out, reporter=Reporter(Terminal(), tick=3600), search=False)
    assert pressed
    assert tree_digest(out) == tree_digest(cold)


HELD = 0
"""Presses of a key held down: again and again, until the process has ended."""
STOPS = {
    "ctrl-c": (signal.SIGINT, 1),
    "ctrl-c-twice": (signal.SIGINT, 2),
    "ctrl-c-held": (signal.SIGINT, HELD),
    "sigterm": (signal.SIGTERM, 1),
}
SENT_TO = {"terminal": True, "process": False}
"""Ctrl+C from a terminal reaches the whole process group; `kill` the one process."""


@pytest.mark.slow
@pytest.mark.parametrize(
    ("stop", "to_group"),
    [
        pytest.param(stop, to_group, id=f"{where}-{stop}")
        for stop in STOPS
        for where, to_group in SENT_TO.items()
        if to_group or STOPS[stop][1] != HELD
    ],
)
@pytest.mark.parametrize("under_way", ["indexing", "rebuild"])
def test_ctrl_c_in_serve_while_it_works_leaves_no_folder_and_no_process_behind(
    tmp_path: Path, to_group: bool, under_way: str, stop: str
) -> None:
    """`serve` indexes for search in the background, and rebuilds after a template edit, on
    worker processes for a catalogue this size (110 practices in each language). Ctrl+C while
    either runs, as a terminal sends it (to the whole process group) or to serve's process alone
    (`kill -INT`), once or, impatiently, twice or held down, or SIGTERM, to the group (as a
    service manager sends it) or to serve alone (`kill`): serve ends, and takes the run's
    temporary folder and processes with it (they were left behind, the workers for good), and
    the site served stays as it was (a second Ctrl+C ended serve while the rebuild was still
    publishing; one as Python ended killed it)."""
    import os
    import sys

    from bench.generate import generate

    root = generate(tmp_path / "project", 110)
    command = [sys.executable, str(ROOT / "build.py"), "--root", str(root), "serve", "--port", "0"]
    serve = subprocess.Popen(
        command + (["--no-search"] if under_way == "rebuild" else []),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        env=_temporary_folder(tmp_path / "tmp"),
    )
    output = b""
    while b"Serving" not in output and serve.poll() is None:
        output += os.read(serve.stdout.fileno(), 4096) if serve.stdout else b""
    before = tree_digest(root / "_site")
    if under_way == "rebuild":
        template = root / "templates/practice.html"
        template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    folder = root / ("._site.search" if under_way == "indexing" else "._site.staging")
    output = _stop_during(serve, folder, *STOPS[stop], to_group)
    assert serve.returncode == 0, output
    assert b"not updated" not in output and b"could not be built" not in output, output
    assert not (root / "._site.search").exists()
    assert not (root / "._site.staging").exists()
    assert tree_digest(root / "_site") == before
    assert _processes_left(serve.pid) == []
    assert list((tmp_path / "tmp").iterdir()) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("stop", "to_group"),
    [("ctrl-c", True), ("ctrl-c-twice", True), ("ctrl-c-held", True), ("sigterm", True), ("sigterm", False)],
)
def test_ctrl_c_in_a_build_on_worker_processes_ends_it_in_one_line(
    tmp_path: Path, stop: str, to_group: bool
) -> None:
    """Ctrl+C, once, twice or held down, from a terminal (to the whole process group), or
    SIGTERM, to the group (a service manager) or to the build alone (`kill`, `timeout`, a
    cancelled CI job), while the workers rebuild every page after a template edit: the build
    ends at once, says so in one line (each worker printed a traceback; a second press hung the
    build as it ended) with its status (one pressed as Python ended killed it: in the
    milliseconds after its exit functions ran, Python gives Ctrl+C its default action back),
    and leaves the site as it was, with no folder, temporary file or process behind (the
    workers' server left its folder in /tmp after every build on workers, this first whole one
    too; SIGTERM ended the build at once, and its workers never ended)."""
    import sys

    from bench.generate import generate

    root = generate(tmp_path / "project", 110)
    command = [sys.executable, str(ROOT / "build.py"), "--root", str(root), "build", "--no-search"]
    temporary = _temporary_folder(tmp_path / "tmp")
    subprocess.run(command, check=True, capture_output=True, env=temporary)
    assert list((tmp_path / "tmp").iterdir()) == []
    before = tree_digest(root / "_site")
    template = root / "templates/practice.html"
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    build = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True, env=temporary
    )
    number, presses = STOPS[stop]
    output = _stop_during(build, root / "._site.staging", number, presses, to_group).decode("utf-8")
    cause = "Ctrl+C" if number == signal.SIGINT else "SIGTERM"
    assert (build.returncode, output) == (
        128 + number,
        f"\nbuild interrupted ({cause}); a build publishes the whole site or none of it\n",
    )
    assert not (root / "._site.staging").exists()
    assert tree_digest(root / "_site") == before
    assert _processes_left(build.pid) == []
    assert list((tmp_path / "tmp").iterdir()) == []


def _temporary_folder(folder: Path) -> dict[str, str]:
    """The environment with `folder`, made now, as the one for temporary files."""
    import os

    folder.mkdir()
    return {**os.environ, "TMPDIR": str(folder)}


def _stop_during(
    process: subprocess.Popen[bytes], folder: Path, number: int, presses: int, to_group: bool
) -> bytes:
    """Signal `number` sent `presses` times, 50 ms apart (HELD: every 10 ms until the process
    has ended), once `folder` shows a run well under way (the workers or Pagefind at work), to
    the whole process group (as a terminal sends Ctrl+C) or to the process alone (`kill`); the
    rest of the process's output once it has ended. A process still running a minute later is
    killed with its group."""
    import os

    try:
        waited = time.monotonic()
        while not folder.exists() and process.poll() is None and time.monotonic() - waited < 120:
            time.sleep(0.02)
        assert folder.exists(), f"no run began: {folder.name} was never made"
        time.sleep(0.3)
        sent, held_until = 0, time.monotonic() + 60 if presses == HELD else 0.0
        while process.poll() is None and (sent < presses or time.monotonic() < held_until):
            os.killpg(process.pid, number) if to_group else process.send_signal(number)
            sent += 1
            time.sleep(0.01 if presses == HELD else 0.05)
        return process.communicate(timeout=60)[0]
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)


def _processes_left(session: int) -> list[int]:
    """The processes of a session still running five seconds on (a pool's helpers end as their
    parent's pipes close; zombies, which init reaps, left out), as /proc tells them: `ps` is not
    on every machine."""
    ending = time.monotonic() + 5
    while True:
        found = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                state, _, _, sid = stat.read_text().rsplit(")", 1)[1].split()[:4]
            except (OSError, IndexError, ValueError):  # a process that ended meanwhile
                continue
            if int(sid) == session and state != "Z":
                found.append(int(stat.parent.name))
        if not found or time.monotonic() > ending:
            return found
        time.sleep(0.05)


def test_ctrl_c_during_serves_first_build_stops_serve_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first build runs before the watch does, in the main thread: Ctrl+C there stops
    serve, as it stops `build`, and is not taken for a failed build to show while serving on."""
    from catalogue.build import make

    monkeypatch.setattr(make, "render", _pressed)
    root = make_project(tmp_path, pair())
    assert main(["--root", str(root), "serve", "--port", "0", "--no-search"]) == 130
    assert capsys.readouterr().err.splitlines()[-1].startswith("serve interrupted (Ctrl+C)")
    assert not (root / "_site").exists()
    assert not (root / "._site.staging").exists()


def test_serve_on_a_port_in_use_says_which_and_how_to_choose_another(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import socket

    root = make_project(tmp_path, pair())
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["--root", str(root), "serve", "--port", str(port), "--no-search"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"serve stopped: port {port} is in use (by another serve, or another program); stop it, or "
        f"serve on another port: python build.py serve --port {port + 1}"
    ]
    assert not (root / "_site").exists()


def test_build_py_ends_at_once_with_its_whole_output_and_status(tmp_path: Path) -> None:
    """build.py leaves without Python's slow clean-up (`cli.leave`): what it printed into a
    pipe (block-buffered) still arrives whole, and the exit status is main's."""
    import os
    import sys

    root = make_project(tmp_path, pair())
    buffered = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}

    def run(*command: str) -> subprocess.CompletedProcess[str]:
        args = [sys.executable, str(ROOT / "build.py"), "--root", str(root), *command]
        return subprocess.run(args, capture_output=True, text=True, check=False, env=buffered)

    good = run("check")
    assert (good.returncode, good.stdout, good.stderr) == (
        0,
        "Checked 2 published practice versions: no errors or warnings.\n",
        "",
    )
    (root / "content/sv/rikki.md").write_text("ingen front matter", encoding="utf-8")
    bad = run("build", "--out", str(tmp_path / "out"), "--no-search")
    assert bad.returncode == 1 and bad.stdout == ""
    assert bad.stderr.endswith(
        "The site was not built: 1 error and 0 warnings in 1 file. "
        "Nothing in the output folder was changed.\n"
    )


def test_check_writes_nothing_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path, pair())
    assert main(["--root", str(root), "check"]) == 0
    assert capsys.readouterr().out == "Checked 2 published practice versions: no errors or warnings.\n"
    assert not (root / "_site").exists()


def test_a_page_with_only_warnings_is_built_with_them(tmp_path: Path) -> None:
    """A warning on the about page (HTML it may not use, a link 'here') does not stop it: the
    site is built, the page with it, the warning told at its line. (It ended in a traceback,
    KeyError: 'about (sv)', found by changing real content files at random.)"""
    root = make_project(tmp_path, pair())
    about = root / "content/pages/sv/about.md"
    text = about.read_text(encoding="utf-8")
    about.write_text(text + "Ny rad<script>alert(1)</script>.\n", encoding="utf-8")
    built = build(root, root / "_site", search=False)
    last_line = text.count("\n") + 1
    assert [f"{w.path}:{w.line}" for w in built.warnings] == [f"content/pages/sv/about.md:{last_line}"]
    page = (root / "_site/sv/om/index.html").read_text(encoding="utf-8")
    assert "Ny rad" in page and "alert(1)" not in page


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    config = load_config(ROOT / "site.toml")
    build(ROOT, tmp_path / "a", config, search=False)
    build(ROOT, tmp_path / "b", config, search=False)
    assert tree_digest(tmp_path / "a") == tree_digest(tmp_path / "b")


def test_every_link_respects_a_sub_path_base_url(tmp_path: Path) -> None:
    config = load_config(ROOT / "site.toml").with_base_url("https://example.org/hyvat-kaytannot/")
    out = tmp_path / "site"
    build(ROOT, out, config, search=False)
    import re

    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for url in re.findall(r'(?:href|src|content)="(/[^"]*)"', html):
            assert url.startswith("/hyvat-kaytannot/"), f"{page.relative_to(out)}: {url}"
        for url in re.findall(r'href="(https?://example[^"]*)"', html):
            assert url.startswith("https://example.org/hyvat-kaytannot/"), url


def test_a_missing_interface_translation_fails_the_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, pair())
    po = root / "locales/sv/LC_MESSAGES/messages.po"
    po.write_text(
        po.read_text(encoding="utf-8").replace('msgstr "Hoppa till innehållet"', 'msgstr ""'),
        encoding="utf-8",
    )
    assert main(["--root", str(root), "build", "--out", str(tmp_path / "o"), "--no-search"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        "locales/sv/LC_MESSAGES/messages.po:1:1: the interface string 'Skip to content' has no "
        "translation; run `pybabel extract -F babel.cfg -o locales/messages.pot .` and "
        "`pybabel update -i locales/messages.pot -d locales`, then translate it"
    )


def test_the_message_template_holds_every_interface_string_and_nothing_else(tmp_path: Path) -> None:
    """CONTRIBUTING.md's extraction command, run on the sources, gives the template in the
    repository: no string is missing from it, and none there is not an interface string."""
    from babel.messages.frontend import CommandLineInterface
    from babel.messages.pofile import read_po

    extracted = tmp_path / "messages.pot"
    CommandLineInterface().run(  # type: ignore[no-untyped-call]
        ["pybabel", "-q", "extract", "-F", str(ROOT / "babel.cfg"), "-o", str(extracted), str(ROOT)]
    )

    def ids(pot: Path) -> set[object]:
        with pot.open("rb") as file:
            return {message.id for message in read_po(file) if message.id}

    assert ids(extracted) == ids(ROOT / "locales/messages.pot")


def test_a_fuzzy_plural_translation_fails_the_build_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, pair())
    po = root / "locales/fi/LC_MESSAGES/messages.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(
        text.replace('msgid "%(num)d practice"', '#, fuzzy\nmsgid "%(num)d practice"'), encoding="utf-8"
    )
    assert main(["--root", str(root), "build", "--out", str(tmp_path / "o"), "--no-search"]) == 1
    first = capsys.readouterr().err.splitlines()[0]
    assert first.startswith(
        "locales/fi/LC_MESSAGES/messages.po:1:1: the interface string '%(num)d practice' "
    )


def test_a_template_syntax_error_names_the_template_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, pair())
    (root / "templates/404.html").write_text(
        "{% extends 'base.html' %}\n{% block main %}\n{{ oops(\n{% endblock %}\n"
    )
    assert main(["--root", str(root), "build", "--out", str(tmp_path / "o"), "--no-search"]) == 1
    first = capsys.readouterr().err.splitlines()[0]
    assert first == "templates/404.html:4:1: template error: unexpected '%'"


CONFLICT = "<<<<<<< HEAD\n{line}\n=======\n{line}\n>>>>>>> main\n"


@pytest.mark.parametrize(
    "name",
    [
        "templates/base.html",  # would show the marks on every page
        "static/site.css",  # would leave the pages without their style
        "site.toml",
        "locales/sv/LC_MESSAGES/messages.po",
    ],
)
def test_a_merge_conflict_left_in_a_project_file_stops_the_build_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """Not only content: a template, a style sheet, the settings or a catalogue that git left
    in conflict is reported at the conflict, and the site as it was is left alone; the next
    build reports it again, until it is mended."""
    root = make_project(tmp_path, pair())
    out = tmp_path / "o"
    assert main(["--root", str(root), "build", "--out", str(out), "--no-search"]) == 0
    before = {file: file.read_bytes() for file in out.rglob("*") if file.is_file()}
    first, rest = (root / name).read_text(encoding="utf-8").split("\n", 1)
    (root / name).write_text(CONFLICT.format(line=first) + rest, encoding="utf-8")
    capsys.readouterr()
    for _ in range(2):
        assert main(["--root", str(root), "build", "--out", str(out), "--no-search"]) == 1
        reported = capsys.readouterr().err.splitlines()[0].removeprefix("error: ")
        assert reported.startswith(f"{name}:1:1: lines 1–5 are a merge conflict: git could not join")
    assert {file: file.read_bytes() for file in out.rglob("*") if file.is_file()} == before


@pytest.mark.parametrize(
    "name",
    ["templates/base.html", "site.toml", "locales/sv/LC_MESSAGES/messages.po", "content/vocabulary.yaml"],
)
def test_a_project_file_saved_in_another_encoding_than_utf8_is_reported_at_its_first_such_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """An editor's text editor may save 'ä' in Latin-1 (Windows' "ANSI"): never a traceback."""
    root = make_project(tmp_path, pair())
    lines = (root / name).read_bytes().split(b"\n")
    (root / name).write_bytes(b"\n".join([*lines[:2], lines[2] + "ä".encode("latin-1"), *lines[3:]]))
    out = tmp_path / "o"
    assert main(["--root", str(root), "build", "--out", str(out), "--no-search"]) == 1
    column = len(lines[2]) + 1
    assert capsys.readouterr().err.splitlines() == [
        f"{name}:3:{column}: the file is not UTF-8 text (byte 0xe4 cannot be read); save it with UTF-8 "
        "encoding",
        f"{NOT_BUILT}: 1 error and 0 warnings in 1 file. {UNCHANGED}",
    ]
    assert not out.exists()


@pytest.mark.parametrize(
    "name", ["locales/sv/LC_MESSAGES/messages.po", "content/vocabulary.yaml", "site.toml"]
)
def test_a_project_file_that_is_missing_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    root = make_project(tmp_path, pair())
    (root / name).unlink()
    assert main(["--root", str(root), "build", "--out", str(tmp_path / "o"), "--no-search"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{name}:1:1: the file cannot be read (No such file or directory)",
        f"{NOT_BUILT}: 1 error and 0 warnings in 1 file. {UNCHANGED}",
    ]


def test_progress_is_quiet_when_not_a_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path, pair())
    assert main(["--root", str(root), "build", "--out", str(tmp_path / "o"), "--no-search"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out.startswith("Built ") and captured.out.count("\n") == 1


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_counts_the_files_checked_and_the_pages_made(tmp_path: Path) -> None:
    """Each stage on one line, rewritten in place; the long ones count as they go, and the
    line is cleared at the end, for the summary to take its place."""
    terminal = Terminal()
    build(ROOT, tmp_path / "o", reporter=Reporter(terminal, tick=3600), search=False, use_cache=False)
    lines = terminal.getvalue().split("\r\x1b[2K")
    stages = [re.sub(r"^\[ *\d+\.\d s\] ", "", line) for line in lines[1:-1]]
    files = len(list((ROOT / "content").glob("[fs][iv]/*.md")))
    checked = f"checking content… {files} of {files} files"
    assert stages[:3] == ["checking content…", checked, "planning pages…"]
    making = re.fullmatch(r"making (\d+) of \d+ pages…", stages[3])
    assert making, stages
    counts = re.findall(rf"^{re.escape(making[0])} (\d+) made$", "\n".join(stages[4:]), re.MULTILINE)
    assert len(counts) == len(stages) - 4 >= 4, stages  # the pages are made on both cores, in parts
    assert list(map(int, counts)) == sorted(map(int, counts)) and counts[-1] == making[1]
    assert lines[-1] == ""


def shown_stages(terminal: Terminal) -> list[str]:
    """What a terminal showed, each line without its elapsed time ('[  1.2 s] ')."""
    return [re.sub(r"^\[ *\d+\.\d s\] ", "", line) for line in terminal.getvalue().split("\r\x1b[2K")]


def test_progress_of_the_search_stage_counts_the_pages_read_then_names_pagefinds_part(
    tmp_path: Path,
) -> None:
    terminal = Terminal()
    built = build(ROOT, tmp_path / "o", reporter=Reporter(terminal, tick=3600), use_cache=False)
    stages = shown_stages(terminal)
    searching = stages[stages.index("indexing for search…") :]
    indexed = search_input(built.plan).indexed
    pages, finnish = len(indexed), len([page for page in indexed if page.lang == "fi"])
    assert searching == [
        "indexing for search…",
        f"indexing for search… {finnish} of {pages} pages read",
        f"indexing for search… {pages} of {pages} pages read",
        f"indexing for search… Pagefind is indexing {pages} pages",
        "indexing for search… writing the words' forms",
        "",
    ]


def test_a_long_stage_shows_the_time_going_on_and_nothing_is_written_after_the_end() -> None:
    """Pagefind's part of the search stage takes a minute at 5,000 practices: the line is
    drawn again every `tick`, its time counting on, so that the build is not taken for stuck."""
    terminal = Terminal()
    reporter = Reporter(terminal, tick=0.02)
    reporter.stage("indexing for search… Pagefind is indexing 10000 pages")
    time.sleep(0.3)
    reporter.done()
    ended = terminal.getvalue()
    time.sleep(0.1)
    assert terminal.getvalue() == ended
    lines = ended.split("\r\x1b[2K")
    assert lines[0] == "" and lines[-1] == ""
    drawn = [
        re.fullmatch(r"\[ *(\d+\.\d) s\] indexing for search… Pagefind is indexing 10000 pages", x)
        for x in lines
    ]
    times = [float(match[1]) for match in drawn[1:-1] if match]
    assert len(times) == len(lines) - 2, lines
    assert len(times) >= 5 and times == sorted(times) and times[-1] >= 0.2, times


def test_a_failed_build_stops_the_clock_and_clears_its_line(tmp_path: Path) -> None:
    root = make_project(tmp_path, pair())
    (root / "content/fi/esimerkki.md").write_text(practice(themes="[nope]"), encoding="utf-8")
    terminal = Terminal()
    with pytest.raises(ContentError):
        build(root, tmp_path / "o", reporter=Reporter(terminal, tick=0.01), search=False)
    ended = terminal.getvalue()
    time.sleep(0.1)
    assert terminal.getvalue() == ended and ended.endswith("\r\x1b[2K")


def test_a_build_that_would_publish_a_local_address_says_so_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, pair())
    out = tmp_path / "out"
    assert main(["--root", str(root), "build", "--out", str(out), "--no-search"]) == 0
    assert "warning" not in capsys.readouterr().err  # site.toml holds the published addresses
    local = ["--base-url", "http://localhost:8000/"]
    assert main(["--root", str(root), "build", "--out", str(out), "--no-search", *local]) == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if "warning" in line]
    assert warnings == [
        "warning: site.toml: base_url http://localhost:8000/ is not a real address; the built site shows "
        "it to readers (set it in site.toml, or pass --base-url, before deploying)."
    ]


def test_a_preview_tells_a_link_by_the_published_full_address_as_the_check_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`serve` (and any build for another address) warns of the links that `check` warns of
    in the pull request, and of a link copied from the preview's own address bar too."""
    published = "https://hyvatkaytannot.kotoutuminen.fi/fi/kaytannot/esimerkki/"
    body = f"Katso [tämä]({published}) ja [esikatselu](http://localhost:8000/fi/kaytannot/esimerkki/).\n"
    root = make_project(tmp_path, pair(body=body))
    local = ["--base-url", "http://localhost:8000/"]
    assert main(["--root", str(root), "build", "--out", str(tmp_path / "o"), "--no-search", *local]) == 0
    told = [
        line.split(": warning")[0] for line in capsys.readouterr().err.splitlines() if "full address" in line
    ]
    assert told == [
        f"content/{lang}/esimerkki.md:23:{column}" for lang in ("fi", "sv") for column in (14, 94)
    ]
    config = load_config(root / "site.toml").with_base_url("http://localhost:8000/")
    live, errors = start_live(root, tmp_path / "live", config, 0, strict=True, search=False)
    live.stop()
    assert [line for line in errors if "full address" in line][:1] == [
        "content/fi/esimerkki.md:23:14: warning: the link gives this site's full address, which leads away "
        "from the preview and breaks if the site moves; write the address as practice:sample"
    ]


def test_every_mistake_in_site_toml_is_named_and_nothing_is_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, pair())
    settings = root / "site.toml"
    text = settings.read_text(encoding="utf-8")
    text = text.replace("feedback_email =", "feedbak_email =").replace("[name]", "name = 1\n[nimi]")
    settings.write_text(text.replace('branch = "main"', "branch = 5"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["--root", str(root), "build", "--out", str(out), "--no-search"]) == 1
    assert capsys.readouterr().err.splitlines() == [  # each at its line, in the file's order
        "site.toml:8:1: unknown setting feedbak_email; did you mean the setting feedback_email?",
        "site.toml:10:1: name should be a table: a line [name], then fi and sv on their own lines",
        "site.toml:11:1: unknown table [nimi]; the settings are base_url, feedback_email, name, "
        "publisher, editor",
        'site.toml:24:1: editor.branch should be text in quotes, such as branch = "…"',
        f"{NOT_BUILT}: 4 errors and 0 warnings in 1 file. {UNCHANGED}",
    ]
    assert not out.exists()


EMAIL = 'feedback_email = "kotoutuminen@gov.fi"'
PUBLISHER = '[publisher]\nfi = "Kotoutumisen osaamiskeskus"\nsv = "Kompetenscentret för integration"'


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            EMAIL,
            "",
            '1:1: the setting feedback_email is missing; add the line feedback_email = "…" above the '
            "first line in [brackets]",
        ),
        (
            'sv = "God praxis för integration"',
            "",
            '10:1: the setting name.sv is missing; add the line sv = "…" under [name]',
        ),
        (
            PUBLISHER,
            "",
            "1:1: the table [publisher] is missing; add at the end a line [publisher], then "
            'fi = "…" and sv = "…", each on a line',
        ),
        (
            "feedback_email =",
            "feedbak_email =",
            "8:1: unknown setting feedbak_email; did you mean the setting feedback_email?",
        ),
        ("[publisher]", "[publsher]", "14:1: unknown table [publsher]; did you mean the table [publisher]?"),
        (
            "branch =",
            "brach =",
            "23:1: unknown setting editor.brach; did you mean the setting editor.branch?",
        ),
    ],
)
def test_a_setting_missing_or_misspelled_is_told_the_line_to_write_and_where(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, message: str
) -> None:
    """As a practice's field: a misspelled setting is not reported missing a second time."""
    root = make_project(tmp_path, pair())
    settings = root / "site.toml"
    text = settings.read_text(encoding="utf-8")
    assert old in text
    settings.write_text(text.replace(old, new), encoding="utf-8")
    assert main(["--root", str(root), "check"]) == 1
    assert capsys.readouterr().err.splitlines()[:-1] == [f"site.toml:{message}"]


def test_a_setting_written_below_a_table_is_told_to_move_above_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """TOML gives a line to the table above it: feedback_email added at the end of the file is
    a setting of [editor], and not missing too."""
    root = make_project(tmp_path, pair())
    settings = root / "site.toml"
    text = settings.read_text(encoding="utf-8").replace(EMAIL, "")
    settings.write_text(text + EMAIL + "\n", encoding="utf-8")
    assert main(["--root", str(root), "check"]) == 1
    line = len(text.splitlines()) + 1
    assert capsys.readouterr().err.splitlines()[:-1] == [
        f"site.toml:{line}:1: unknown setting editor.feedback_email; feedback_email goes above the first "
        "line in [brackets], else it is one of [editor]"
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "feedback_email = kotoutuminen@gov.fi",
            '8:18: text goes in quotes: feedback_email = "kotoutuminen@gov.fi"',
        ),
        (
            "feedback_email =",
            '8:17: feedback_email has no value; write it in quotes after the =: feedback_email = "…"',
        ),
        (
            'feedback_email = "a@b.fi"\nfeedback_email = "a@b.fi"',
            "9:1: feedback_email is given twice; keep only one",
        ),
        (
            'feedback_email = "palaute"',
            "8:1: feedback_email should be an e-mail address, such as kotoutuminen@gov.fi",
        ),
    ],
)
def test_a_mistake_in_site_toml_is_reported_at_its_line_with_the_line_to_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, message: str
) -> None:
    root = make_project(tmp_path, pair())
    settings = root / "site.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace('feedback_email = "kotoutuminen@gov.fi"', line), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["--root", str(root), "build", "--out", str(out), "--no-search"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"site.toml:{message}",
        f"{NOT_BUILT}: 1 error and 0 warnings in 1 file. {UNCHANGED}",
    ]
    assert not out.exists()


def test_a_mistake_in_site_toml_does_not_hide_the_contents_mistakes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An editor sees every problem at once, in `build`, `check` and `serve`."""
    files = pair()
    files["content/fi/esimerkki.md"] = practice().replace("start_year: 2016", "start_year: 20x2017")
    root = make_project(tmp_path, files)
    settings = root / "site.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace('"kotoutuminen@gov.fi"', "kotoutuminen@gov.fi"), encoding="utf-8")
    expected = [
        "content/fi/esimerkki.md:12:13: start_year should be a year such as 2016, not '20x2017'",
        'site.toml:8:18: text goes in quotes: feedback_email = "kotoutuminen@gov.fi"',
    ]
    out = tmp_path / "out"
    assert main(["--root", str(root), "build", "--out", str(out), "--no-search"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        *expected,
        f"{NOT_BUILT}: 2 errors and 0 warnings in 2 files. {UNCHANGED}",
    ]
    assert not out.exists()
    assert main(["--root", str(root), "check"]) == 1
    assert capsys.readouterr().err.splitlines()[:-1] == expected
    live, errors = start_live(root, out, load_config(ROOT / "site.toml"), 0, strict=False, search=False)
    live.stop()
    assert errors == expected


def test_the_content_is_checked_by_site_tomls_address_while_another_setting_is_wrong(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A link that gives the site's full address is still told, as it is told by the address
    site.toml gives (the site may move)."""
    link = "[itse](https://hyvatkaytannot.kotoutuminen.fi/fi/kaytannot/esimerkki/)"
    root = make_project(tmp_path, pair(body=f"Katso {link}.\n"))
    settings = root / "site.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace('"kotoutuminen@gov.fi"', '"palaute"'), encoding="utf-8")
    assert main(["--root", str(root), "check"]) == 1
    fix = (
        "warning: the link gives this site's full address, which leads away from the preview and "
        "breaks if the site moves; write the address as practice:sample"
    )
    assert capsys.readouterr().err.splitlines()[:-1] == [
        f"content/fi/esimerkki.md:23:14: {fix}",
        f"content/sv/esimerkki.md:23:14: {fix}",
        "site.toml:8:1: feedback_email should be an e-mail address, such as kotoutuminen@gov.fi",
    ]


def test_a_link_to_a_practice_in_a_criterion_leads_to_its_page(tmp_path: Path) -> None:
    """The criteria's evidence is Markdown: a link to a practice there is made as in the text."""
    criteria = CRITERIA.replace("Vähentää eriarvoisuutta.", "Kuten [toinen](practice:other#tulokset).")
    root = make_project(tmp_path, {**pair(criteria=criteria), **pair("other", "toinen", "annan")})
    build(root, tmp_path / "out", search=False)
    for page, address in (
        ("fi/kaytannot/esimerkki", "/fi/kaytannot/toinen/"),
        ("sv/praxis/exempel", "/sv/praxis/annan/"),
    ):
        html = (tmp_path / "out" / page / "index.html").read_text(encoding="utf-8")
        assert f'<a href="{address}#tulokset">toinen</a>' in html
