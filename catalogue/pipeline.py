"""The build, stage by stage: load → validate → render → write (→ index)."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath
from typing import TextIO

import jinja2

from . import write
from .assemble import render_site, stream_site
from .cache import BuildCache, code_salt
from .config import LANGS, SiteConfig, load_config
from .i18n import MissingTranslation, load_translations
from .ledger import missing_addresses, read_ledger
from .load import load_site
from .model import Site
from .problems import ContentError, Problem, Severity
from .render import asset_versions
from .urls import site_urls
from .vocabulary import load_vocabulary

CACHE_FILE = Path(".cache/build.sqlite")


class Reporter:
    """Progress on a terminal; silence elsewhere (CI logs, pipes, tests)."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty()
        self.started = time.perf_counter()

    def stage(self, message: str) -> None:
        if self.live:
            elapsed = time.perf_counter() - self.started
            self.stream.write(f"\r\x1b[2K[{elapsed:5.1f} s] {message}")
            self.stream.flush()

    def done(self) -> None:
        if self.live:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()


@dataclass(frozen=True, slots=True)
class Checked:
    site: Site
    warnings: list[Problem]


def check_site(root: Path, config: SiteConfig | None = None, strict: bool = False) -> Checked:
    """Load and validate everything; raise ContentError with every problem, or return the site."""
    config = config or load_config(root / "site.toml")
    vocabulary = load_vocabulary(root / "content" / "vocabulary.yaml")
    site, problems = load_site(root, config, vocabulary)
    if site is not None:
        problems.extend(missing_addresses(read_ledger(root), site_urls(site)))
    failing = [p for p in problems if p.severity is Severity.ERROR or strict]
    if failing or site is None:
        raise ContentError(problems)
    return Checked(site, problems)


@contextmanager
def _template_problems() -> Iterator[None]:
    """Template and catalogue mistakes become problems with a file and line, like content's."""
    try:
        yield
    except jinja2.TemplateSyntaxError as error:
        where = PurePosixPath("templates") / (error.name or "?")
        raise ContentError([Problem(where, error.lineno, 1, f"template error: {error.message}")]) from None
    except MissingTranslation as missing:
        where = PurePosixPath(f"locales/{missing.lang}/LC_MESSAGES/messages.po")
        raise ContentError([Problem(where, 1, 1, str(missing).split(": ", 1)[1])]) from None


def render(root: Path, site: Site, cache: BuildCache | None = None, workers: int = 1) -> dict[str, str]:
    """Every output file as text, in memory (for checks and tests)."""
    translations = {lang: load_translations(root / "locales", lang) for lang in LANGS}
    with _template_problems():
        return render_site(
            site, root / "templates", translations, asset_versions(root / "static"), cache, workers
        )


def render_into(
    root: Path, site: Site, sink: Callable[[str, str], None], cache: BuildCache, workers: int
) -> int:
    """Render every output file and hand each to `sink` as soon as it is ready."""
    translations = {lang: load_translations(root / "locales", lang) for lang in LANGS}
    with _template_problems():
        return stream_site(
            site, root / "templates", translations, asset_versions(root / "static"), sink, cache, workers
        )


def open_cache(root: Path) -> BuildCache:
    return BuildCache(root / CACHE_FILE, code_salt())


def build(
    root: Path,
    out_dir: Path,
    config: SiteConfig | None = None,
    strict: bool = False,
    reporter: Reporter | None = None,
    search: bool = True,
    use_cache: bool = True,
) -> tuple[int, list[Problem]]:
    """Build the whole site into out_dir atomically; return the number of pages and the warnings."""
    reporter = reporter or Reporter()
    reporter.stage("loading and checking content…")
    checked = check_site(root, config, strict)
    reporter.stage(f"rendering and writing {len(checked.site.practices)} practice versions…")
    cache = open_cache(root) if use_cache else BuildCache(None, "")
    staging = write.begin(out_dir)
    try:
        count = render_into(
            root, checked.site, partial(write.write_file, staging), cache, workers=os.cpu_count() or 1
        )
        write.copy_static(root / "static", staging)
        if search:
            from .search_index import index_site

            reporter.stage("indexing for search…")
            index_site(staging)
    except BaseException:
        write.discard(staging)
        raise
    finally:
        cache.close()
    write.commit(staging, out_dir)
    reporter.done()
    return count, checked.warnings
