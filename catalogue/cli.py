"""Command line: build, check, serve and the editors' helpers. Content problems are printed,
never a traceback; the exit status is 1 when there are errors."""

from __future__ import annotations

import argparse
import errno
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import groupby
from pathlib import Path
from typing import NoReturn

from .build.pipeline import build, check_site, open_cache, site_settings
from .build.progress import Reporter
from .config import ConfigError, SiteConfig
from .content.ledger import LEDGER, write_ledger
from .content.vocabulary import load_vocabulary
from .problems import ContentError, Problem, Severity, ToolFailed
from .site.urls import ledger_urls

ROOT = Path(__file__).resolve().parent.parent


def _print_problems(problems: list[Problem], output: str) -> None:
    """Text: grouped by file, coloured on a terminal. github: workflow annotations."""
    if output == "github":
        for p in problems:
            level = "error" if p.severity is Severity.ERROR else "warning"
            message = p.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            print(f"::{level} file={p.path.as_posix()},line={p.line},col={p.column}::{message}")
        return
    color = sys.stderr.isatty()
    for path, group in groupby(problems, key=lambda p: p.path):
        items = list(group)
        if color and len(problems) > 1:
            print(f"\x1b[1m{path.as_posix()}\x1b[0m", file=sys.stderr)
        for problem in items:
            line = str(problem)
            if color:
                mark = "\x1b[31m" if problem.severity is Severity.ERROR else "\x1b[33m"
                line = f"{mark}{line}\x1b[0m"
            print(line, file=sys.stderr)


def _summary(problems: list[Problem]) -> str:
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    files = len({p.path for p in problems})
    if not problems:
        return "no errors or warnings"
    warnings = len(problems) - errors
    return f"{_count(errors, 'error')} and {_count(warnings, 'warning')} in {_count(files, 'file')}"


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}" if number == 1 else f"{number} {thing}s"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build.py", description="Build, check or serve the catalogue.")
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this one)")
    commands = parser.add_subparsers(dest="command")
    build_cmd = commands.add_parser("build", help="build the site into _site/ (the default)")
    check_cmd = commands.add_parser("check", help="check all content without writing the site")
    serve_cmd = commands.add_parser("serve", help="build, serve on localhost and rebuild on every change")
    for command in (build_cmd, check_cmd, serve_cmd):
        command.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check_cmd.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="github: annotations that GitHub Actions shows in the pull request",
    )
    for command in (build_cmd, serve_cmd):
        command.add_argument("--out", type=Path, default=None, help="output folder (default: _site)")
        command.add_argument("--base-url", default=None, help="absolute URL the site is served from")
        command.add_argument("--no-search", action="store_true", help="skip the search index")
    serve_cmd.add_argument("--port", type=int, default=8000)
    new_cmd = commands.add_parser("new", help="start a practice in both languages (as a draft)")
    new_cmd.add_argument("--fi-title", required=True, help="the Finnish title")
    new_cmd.add_argument("--sv-title", required=True, help="the Swedish title")
    new_cmd.add_argument(
        "--id", default=None, help="the id (default: made from the Finnish title, at most 60 characters)"
    )
    translated_cmd = commands.add_parser(
        "translated", help="mark a translation as up to date with its other language version"
    )
    translated_cmd.add_argument("file", type=Path, help="the translated file, e.g. content/sv/x.md")
    commands.add_parser("ledger", help=f"add the site's new addresses to {LEDGER}")
    commands.add_parser(
        "schema", help="write the front matter's JSON Schema and the web editor's settings (admin/)"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    with _stopped_once():
        return _run(args)


class Interrupted(KeyboardInterrupt):
    """Ctrl+C (SIGINT), or a request to end (SIGTERM: `kill`, `timeout`, a service manager, a
    cancelled CI job), which the command takes as it takes Ctrl+C."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


STOPPING = (signal.SIGINT, signal.SIGTERM)


@contextmanager
def _stopped_once() -> Iterator[None]:
    """Ctrl+C or SIGTERM stops the command, which tidies up as it ends: its staging folder, its
    worker processes, a rebuild `serve` has under way (SIGTERM ended the process at once and
    left them all, the workers for good). Either, arriving again meanwhile, waits for that:
    cutting it short left them behind, or hung the process as it ended."""
    if threading.current_thread() is not threading.main_thread():  # a test's
        yield
        return

    def stop(number: int, frame: object) -> None:
        for each in STOPPING:
            signal.signal(each, lambda number, frame: None)
        raise Interrupted(number)

    previous = {number: signal.signal(number, stop) for number in STOPPING}
    yield
    if signal.getsignal(signal.SIGINT) is stop:  # none arrived (if one did, the process ends: it waits)
        for number, handler in previous.items():
            signal.signal(number, handler)


def _run(args: argparse.Namespace) -> int:
    command = args.command or "build"
    root: Path = args.root.resolve()
    try:
        config = site_settings(root, getattr(args, "strict", False))
        if command == "check":
            return _check(root, config, args.strict, args.format)
        if command in ("build", "serve"):
            return _build(root, config, args, command)
        if command in ("new", "translated"):
            return _edit(root, config, args, command)
        if command == "ledger":
            added = write_ledger(root, ledger_urls(check_site(root, config).site))
            print(f"Added {added} address(es) to {LEDGER}.")
            return 0
        if command == "schema":
            return _schema(root)
    except ContentError as error:
        output = getattr(args, "format", "text")
        _print_problems(error.problems, output)
        if output == "text":
            if command in ("build", "serve"):
                outcome = "The site was not built"
                tail = " Nothing in the output folder was changed."
            else:
                outcome, tail = "The check failed" if command == "check" else "Nothing was changed", ""
            print(f"{outcome}: {_summary(error.problems)}.{tail}", file=sys.stderr)
        return 1
    except ConfigError as error:  # a command-line setting
        print("\n".join(error.lines()), file=sys.stderr)
        return 1
    except (OSError, ToolFailed) as error:  # not the content's: a full disk, a folder not writable
        print(f"{command} stopped: {_outside(error, getattr(args, 'port', None))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt as stop:  # 128 + the signal's number, as a shell reports it
        number = stop.number if isinstance(stop, Interrupted) else signal.SIGINT
        cause = "Ctrl+C" if number == signal.SIGINT else signal.Signals(number).name
        tail = "; a build publishes the whole site or none of it" if command in ("build", "serve") else ""
        print(f"\n{command} interrupted ({cause}){tail}", file=sys.stderr)
        return 128 + number
    raise AssertionError(command)


def leave(status: int) -> NoReturn:
    """End the process at once, as mypy does (its `--fast-exit`): Python would otherwise free
    every object of the build and every imported module one by one, about 45 ms of a 0.3 s
    rebuild of the real catalogue. Every file the build wrote is closed by now; only the
    standard streams are buffered. Not after a build on worker processes: their server's folder
    in /tmp is removed as Python ends (it was left behind, one for each such build), and that
    ending takes some 0.05 s of a build that long.

    The command is done, so Ctrl+C or SIGTERM from here on changes nothing. As Python ends, it
    gives a signal whose handler is Python's its default action back, and a Ctrl+C pressed again
    in those milliseconds killed the process mid-exit: a shell still said 130, but the process
    reported being killed, not its status. Signals ignored keep their setting to the end."""
    sys.stdout.flush()
    sys.stderr.flush()
    for number in STOPPING:
        signal.signal(number, signal.SIG_IGN)
    if "multiprocessing" in sys.modules:
        sys.exit(status)
    os._exit(status)


def _edit(root: Path, config: SiteConfig, args: argparse.Namespace, command: str) -> int:
    """The editors' helpers (imported here: a build does not need them)."""
    from . import editing

    try:
        if command == "new":
            for path in editing.new_practice(root, args.fi_title, args.sv_title, args.id):
                print(f"Created {path.as_posix()}")
        else:
            print(editing.mark_translated(root, config, args.file))
    except editing.EditError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


def _schema(root: Path) -> int:
    from .schema import SCHEMA_PATH, schema_text
    from .web_editor import EDITOR_CONFIG_PATH, editor_config_text, load_editor_settings

    vocabulary = load_vocabulary(root / "content/vocabulary.yaml")
    (root / SCHEMA_PATH).write_text(schema_text(vocabulary), encoding="utf-8")
    settings = load_editor_settings(root / "site.toml")
    (root / EDITOR_CONFIG_PATH).write_text(editor_config_text(vocabulary, settings), encoding="utf-8")
    print(f"Wrote {SCHEMA_PATH} and {EDITOR_CONFIG_PATH}.")
    return 0


def _check(root: Path, config: SiteConfig, strict: bool, output: str) -> int:
    cache = open_cache(root)
    try:
        checked = check_site(root, config, strict=strict, cache=cache)
    finally:
        cache.close()
    _print_problems(checked.warnings, output)
    if output == "text":
        count = len(checked.site.practices)
        print(f"Checked {count} published practice versions: {_summary(checked.warnings)}.")
    return 0


def _build(root: Path, config: SiteConfig, args: argparse.Namespace, command: str) -> int:
    out = (args.out or root / "_site").resolve()
    if command == "serve" and not args.base_url:
        args.base_url = f"http://localhost:{args.port}/"
    if args.base_url:
        config = config.with_base_url(args.base_url)
    if command == "serve":
        from .serve import serve_and_rebuild

        serve_and_rebuild(root, out, config, args.port, strict=args.strict, search=not args.no_search)
        return 0
    if placeholders := config.placeholders():
        one = len(placeholders) == 1
        print(
            f"warning: site.toml: {' and '.join(placeholders)} "
            f"{'is not a real address' if one else 'are not real addresses'}; the built site shows "
            f"{'it' if one else 'them'} to readers (set {'it' if one else 'them'} in site.toml, or pass "
            "--base-url, before deploying).",
            file=sys.stderr,
        )
    started = time.perf_counter()
    built = build(root, out, config, strict=args.strict, reporter=Reporter(), search=not args.no_search)
    _print_problems(built.warnings, "text")
    seconds = time.perf_counter() - started
    print(f"Built {built.pages} files into {out.name}/ ({built.made} made anew) in {seconds:.2f} s.")
    return 0


def _outside(error: OSError | ToolFailed, port: int | None) -> str:
    """What went wrong outside the content, and for a port in use (`serve`), what to do."""
    if isinstance(error, OSError) and error.errno == errno.EADDRINUSE and port:
        return (
            f"port {port} is in use (by another serve, or another program); stop it, or serve on another "
            f"port: python build.py serve --port {port + 1}"
        )
    return str(error)
