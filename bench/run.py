"""Benchmark the build on synthetic catalogues and print a table (median of --runs runs).

    python bench/run.py                     # N = 200, 1000 and 5000 practices per language
    python bench/run.py --sizes 200 1000 --runs 3

For each N it measures, each in a fresh process, the time and peak memory (RSS of the
build's own process; its worker processes start from a server process of their own and are
not counted) of: a cold full build without Pagefind (no cache); a warm full build
with nothing changed; a rebuild after one practice's text is edited (edit-practice); a
rebuild after one practice's title is edited, which every list showing it must follow
(edit-title); the same when the new title moves it to the other end of the A–Ö order
(edit-order); a rebuild after one template is edited; `check` alone; `serve`: the median
time from saving an edit to the server returning the edited page; the Pagefind stage alone;
and the library floor: for the same files, only parsing front matter, converting Markdown
with the build's extensions, one Jinja2 render and one file write per page, on the same
number of processes. Each cold build is followed by a floor run, and the cold build's ratio
to the floor is the median of these pairs' ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MEASURES = (
    "cold",
    "warm",
    "edit-practice",
    "edit-title",
    "edit-order",
    "edit-template",
    "check",
    "serve",
    "pagefind",
    "floor",
)


BUILDS = ("cold", "warm", "edit-practice", "edit-title", "edit-order", "edit-template", "check")
"""Measurements shown with their time end to end too: the process started, the build, its exit."""


# Measurements (each runs in its own process) ----------------------------------------------


# The measured process imports nothing but what a build imports and these few modules: the
# orchestration's own (statistics, subprocess, process pools…) are imported where they are used.


def _floor_chunk(job: tuple[list[str], str]) -> int:
    import frontmatter
    import jinja2
    import markdown

    from catalogue.site.markdown import extensions

    files, out = job
    template = jinja2.Environment(autoescape=True).from_string(
        "<!doctype html><html><head><title>{{ title }}</title></head><body>{{ body|safe }}</body></html>"
    )
    converter = markdown.Markdown(extensions=extensions())
    for file in files:
        post = frontmatter.load(file)
        html = converter.reset().convert(post.content)
        page = Path(out) / (Path(file).parent.name + "-" + Path(file).stem + ".html")
        page.write_text(template.render(title=post.get("title"), body=html), encoding="utf-8")
    return len(files)


def _serve_latency(project: Path, out: Path, edits: int = 5) -> float:
    """`build.py serve` as an editor uses it: the median time from saving an edit to one
    practice (its text) to the page with the edit in it arriving, read the way the editor's
    browser reads it: it waits on the live-reload event stream, then fetches the page. (Asking
    for the page every few milliseconds instead would measure this process's own requests
    competing with the build for the interpreter.)"""
    import statistics
    from urllib.request import urlopen

    from catalogue.config import load_config
    from catalogue.serve import start_live

    config = load_config(project / "site.toml").with_base_url("http://localhost/")
    live, errors = start_live(project, out, config, 0, strict=False, search=False)
    assert not errors, errors
    file = project / "content/fi/00001.md"
    slug = next(line for line in file.read_text(encoding="utf-8").splitlines() if line.startswith("slug:"))
    base = f"http://127.0.0.1:{live.port}/"
    url = f"{base}fi/kaytannot/{slug.split(':', 1)[1].strip()}/"
    samples = []
    try:
        with urlopen(f"{base}__events") as events:
            for edit in range(edits):
                time.sleep(0.5)
                marker = f"Tallennettu{edit}x{time.time_ns()}"
                text = file.read_text(encoding="utf-8")
                saved = time.perf_counter()
                file.write_text(f"{text}\n{marker}\n", encoding="utf-8")
                while True:
                    line = events.readline().decode("utf-8")
                    assert not line.startswith("event: failed"), line
                    if line.startswith("event: reload") and marker in urlopen(url).read().decode("utf-8"):
                        break
                samples.append(time.perf_counter() - saved)
    finally:
        live.stop()
    return statistics.median(samples)


def measure(what: str, project: Path) -> None:
    import tempfile

    from catalogue.build.pipeline import build, check_site, open_cache

    out = project / "_site"
    started = time.perf_counter()
    if what in ("cold", "warm", "edit-practice", "edit-title", "edit-order", "edit-template"):
        build(project, out, search=False, use_cache=True)
    elif what == "serve":
        seconds = _serve_latency(project, out)
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024}))
        return
    elif what == "check":
        cache = open_cache(project)  # as `build.py check` does
        check_site(project, cache=cache)
        cache.close()
    elif what == "pagefind":  # the search stage alone, on the built pages
        from catalogue.build.pipeline import search_input
        from catalogue.search_index import write_bundle

        built = build(project, out, search=False, keep_search=True)
        started = time.perf_counter()
        write_bundle(search_input(built.plan).indexed, lambda path: out / path, Path(tempfile.mkdtemp()))
    elif what == "floor":
        from concurrent.futures import ProcessPoolExecutor

        files = sorted(str(p) for p in (project / "content").glob("[fs][iv]/*.md"))
        target = Path(tempfile.mkdtemp())
        workers = os.cpu_count() or 1
        size = -(-len(files) // (workers * 4))
        chunks = [(files[i : i + size], str(target)) for i in range(0, len(files), size)]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            list(pool.map(_floor_chunk, chunks))
        shutil.rmtree(target)
    seconds = time.perf_counter() - started
    peak_kb = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    print(json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024}))


# Orchestration ------------------------------------------------------------------------------


def prepare(what: str, project: Path, run: int) -> None:
    """Put the project in the state the measurement starts from."""
    if what == "cold":
        shutil.rmtree(project / ".cache", ignore_errors=True)
        shutil.rmtree(project / "_site", ignore_errors=True)
    elif what == "edit-practice":
        file = project / "content/fi/00001.md"
        file.write_text(file.read_text(encoding="utf-8") + f"\nMuokattu {run}.\n", encoding="utf-8")
    elif what == "edit-title":
        file = project / "content/fi/00002.md"
        text = file.read_text(encoding="utf-8")
        file.write_text(
            re.sub(r"^title: (.*)$", rf"title: \1 {run}", text, count=1, flags=re.M), encoding="utf-8"
        )
    elif what == "edit-order":
        file = project / "content/fi/00003.md"
        text = file.read_text(encoding="utf-8")
        title = re.search(r"^title: (.*)$", text, flags=re.M)
        assert title is not None
        moved = title[1].removeprefix("Aaa ") if title[1].startswith("Aaa ") else f"Aaa {title[1]}"
        file.write_text(text[: title.start(1)] + moved + text[title.end(1) :], encoding="utf-8")
    elif what == "edit-template":
        file = project / "templates/practice.html"
        file.write_text(file.read_text(encoding="utf-8") + f"\n{{# edited {run} #}}\n", encoding="utf-8")


def _run(what: str, project: Path, run: int) -> dict[str, float]:
    import subprocess

    prepare(what, project, run)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, __file__, "--measure", what, "--project", str(project)],
        capture_output=True,
        text=True,
        check=True,
    )
    data: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    data["end_to_end"] = time.perf_counter() - started
    return data


def bench(size: int, runs: int, shape: str) -> dict[str, dict[str, float]]:
    import statistics
    import tempfile

    from bench.generate import generate

    project = Path(tempfile.mkdtemp()) / f"catalogue-{size}"
    generate(project, size, shape_name=shape)
    # Each cold build is followed at once by the floor, and compared with it: the machine's
    # speed drifts over minutes, and a ratio of runs minutes apart would show the drift.
    paired = [(_run("cold", project, run), _run("floor", project, run)) for run in range(runs)]
    results: dict[str, dict[str, float]] = {}
    for what in MEASURES:
        if what in ("cold", "floor"):
            samples = [pair[what == "floor"] for pair in paired]
        else:
            samples = [_run(what, project, run) for run in range(runs)]
        results[what] = {key: statistics.median(s[key] for s in samples) for key in samples[0]}
        if what == "cold":
            results[what]["floor_ratio"] = statistics.median(c["seconds"] / f["seconds"] for c, f in paired)
        print(
            f"  N={size} {what}: {results[what]['seconds']:.2f} s ({results[what]['end_to_end']:.2f} s "
            f"end to end), {results[what]['peak_mb']:.0f} MB",
            file=sys.stderr,
            flush=True,
        )
    shutil.rmtree(project.parent, ignore_errors=True)
    return results


def table(all_results: dict[int, dict[str, dict[str, float]]]) -> str:
    sizes = sorted(all_results)
    header = "| measurement | " + " | ".join(f"N = {n:,} ({2 * n:,} pages)" for n in sizes) + " |"
    lines = [header, "|" + " --- |" * (len(sizes) + 1)]
    for what in MEASURES:
        cells = []
        for n in sizes:
            r = all_results[n][what]
            times_floor = r.get("floor_ratio", r["seconds"] / all_results[n]["floor"]["seconds"])
            ratio = f", {times_floor:.2f}× floor" if what in ("cold", "warm") else ""
            whole = f" ({r['end_to_end']:.2f} s)" if what in BUILDS else ""
            cells.append(f"{r['seconds']:.2f} s{whole}, {r['peak_mb']:.0f} MB{ratio}")
        lines.append(f"| {what} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--shape", choices=("default", "other"), default="default", help="see bench/generate.py"
    )
    parser.add_argument("--measure", choices=MEASURES, help=argparse.SUPPRESS)
    parser.add_argument("--project", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(args.measure, args.project)
        from catalogue.cli import leave

        leave(0)  # as build.py ends: the end-to-end times are a user's
    print(
        f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, median of {args.runs} runs",
        file=sys.stderr,
    )
    # Measured processes start as an installed or used checkout does: from compiled bytecode
    # (written here even where PYTHONDONTWRITEBYTECODE is set; it costs about 0.1 s a start).
    import compileall

    for folder in ("catalogue", "bench"):
        compileall.compile_dir(ROOT / folder, quiet=1)
    results = {size: bench(size, args.runs, args.shape) for size in args.sizes}
    print(table(results))


if __name__ == "__main__":
    main()
