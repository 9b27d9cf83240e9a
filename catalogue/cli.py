"""Command line: build, check and serve. Content problems are printed, never a traceback."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .config import ConfigError, load_config
from .pipeline import Reporter, build, check_site
from .problems import ContentError, Problem

ROOT = Path(__file__).resolve().parent.parent


def _print_problems(problems: list[Problem]) -> None:
    color = sys.stderr.isatty()
    for problem in problems:
        line = str(problem)
        if color:
            mark = "\x1b[33m" if "warning:" in line else "\x1b[31m"
            line = f"{mark}{line}\x1b[0m"
        print(line, file=sys.stderr)


def _summary(problems: list[Problem]) -> str:
    errors = sum(1 for p in problems if p.severity.value == "error")
    warnings = len(problems) - errors
    files = len({p.path for p in problems})
    return f"{errors} error(s) and {warnings} warning(s) in {files} file(s)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build.py", description=__doc__)
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this one)")
    commands = parser.add_subparsers(dest="command")
    build_cmd = commands.add_parser("build", help="build the site into _site/ (the default)")
    check_cmd = commands.add_parser("check", help="check all content without writing the site")
    serve_cmd = commands.add_parser("serve", help="build, then serve the site on localhost")
    for command in (build_cmd, check_cmd, serve_cmd):
        command.add_argument("--strict", action="store_true", help="treat warnings as errors")
    for command in (build_cmd, serve_cmd):
        command.add_argument("--out", type=Path, default=None, help="output folder (default: _site)")
        command.add_argument("--base-url", default=None, help="absolute URL the site is served from")
        command.add_argument("--no-search", action="store_true", help="skip the search index")
    serve_cmd.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    command = args.command or "build"
    root: Path = args.root.resolve()
    try:
        config = load_config(root / "site.toml")
        if command == "check":
            checked = check_site(root, config, strict=args.strict)
            _print_problems(checked.warnings)
            print(
                f"Checked {len(checked.site.practices)} published practice versions: "
                f"{_summary(checked.warnings)}."
            )
            return 0
        out = (args.out or root / "_site").resolve()
        if command == "serve" and not args.base_url:
            args.base_url = f"http://localhost:{args.port}/"
        if args.base_url:
            config = config.with_base_url(args.base_url)
        started = time.perf_counter()
        count, warnings = build(
            root, out, config, strict=args.strict, reporter=Reporter(), search=not args.no_search
        )
        _print_problems(warnings)
        print(f"Built {count} pages into {out.name}/ in {time.perf_counter() - started:.1f} s.")
    except ContentError as error:
        _print_problems(error.problems)
        print(
            f"The site was not built: {_summary(error.problems)}. Nothing in the output folder was changed.",
            file=sys.stderr,
        )
        return 1
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if command == "serve":
        from .serve import serve

        serve(out, config.base_path, args.port)
    return 0
