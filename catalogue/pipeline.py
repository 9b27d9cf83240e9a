"""The build, stage by stage: load → validate → render → write (→ index)."""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TextIO

import jinja2

from . import write
from .assemble import dump_units, load_units, site_outputs
from .cache import BuildCache, code_salt
from .compiled_templates import COMPILED_TEMPLATES
from .config import LANGS, SiteConfig, load_config
from .i18n import MissingTranslation, load_translations
from .ledger import missing_addresses, read_ledger
from .load import load_site
from .markup import Documents
from .model import Site
from .outputs import Output, recipe
from .problems import ContentError, Problem, Severity
from .produce import Early, altered_files, head_start, produce
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


def check_site(
    root: Path, config: SiteConfig | None = None, strict: bool = False, cache: BuildCache | None = None
) -> Checked:
    """Load and validate everything; raise ContentError with every problem, or return the site.
    With a cache, files unchanged since it last saw them are not read again."""
    config = config or load_config(root / "site.toml")
    vocabulary = load_vocabulary(root / "content" / "vocabulary.yaml")
    with _without_cycle_collection():
        site, problems = load_site(root, config, vocabulary, cache)
    if site is not None:
        problems.extend(missing_addresses(read_ledger(root), site_urls(site)))
    failing = [p for p in problems if p.severity is Severity.ERROR or strict]
    if failing or site is None:
        raise ContentError(problems)
    return Checked(site, problems)


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Loading and planning allocate objects that live until the build ends: looking for
    garbage cycles among them is wasted (a sixth of a rebuild's time at 5,000 practices)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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


def plan(
    root: Path,
    site: Site,
    cache: BuildCache,
    started: Callable[[list[Output], Documents], None] = lambda outputs, documents: None,
) -> tuple[list[Output], Documents]:
    """Every output file of the site as a recipe, and where practices' HTML comes from.
    `started`: see site_outputs."""
    translations = {lang: load_translations(root / "locales", lang) for lang in LANGS}
    versions = asset_versions(root / "static")
    settings = recipe(
        cache.salt,
        repr(site.config),
        repr(site.vocabulary),
        [file.read_bytes().decode("utf-8") for file in sorted((root / "locales").rglob("*.po"))],
        versions,
    )
    cache_path = root / CACHE_FILE if cache.db is not None else None
    COMPILED_TEMPLATES.keep_in(cache_path and cache_path.with_name("templates"), cache.salt)
    documents = Documents(root, site.config.base_path, cache_path, cache.salt)
    with _template_problems(), _without_cycle_collection():
        planned = site_outputs(
            site,
            root / "templates",
            translations,
            versions,
            documents,
            settings,
            lambda frame: load_units(cache.plan(frame)),
            lambda outputs: started(outputs, documents),
        )
    if planned.replanned:
        every = len(planned.replanned) == len(site.by_id)
        cache.set_plan(planned.frame, dump_units(planned.units, planned.replanned), every)
    return planned.outputs, documents


def render(root: Path, site: Site) -> dict[str, str]:
    """Every output file as text, in memory (for checks and tests)."""
    outputs, _ = plan(root, site, BuildCache(None, ""))
    with _template_problems():
        return {output.path: output.make() for output in sorted(outputs, key=lambda o: o.path)}


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
    keep_search_index: bool = False,
) -> tuple[int, list[Problem]]:
    """Bring out_dir up to date with the content, making only the files whose inputs changed,
    and never leaving it half-written; return the number of files and the warnings.
    `keep_search_index` (with search off): carry the previous search bundle over, for `serve`,
    which re-indexes in the background."""
    reporter = reporter or Reporter()
    cache = open_cache(root) if use_cache else BuildCache(None, "")
    site_key = str(out_dir.resolve())
    try:
        manifest = cache.manifest(site_key)
        with ExitStack() as background:
            altered = background.enter_context(altered_files(manifest, out_dir))
            early: list[Early] = []

            def start(first: list[Output], documents: Documents) -> None:
                """The largest files, planned first, are made while the rest is planned."""
                early.append(
                    background.enter_context(head_start(first, manifest, altered(), out_dir, documents))
                )

            with _without_cycle_collection():
                reporter.stage("loading and checking content…")
                checked = check_site(root, config, strict, cache)
                reporter.stage("planning pages…")
                outputs, documents = plan(root, checked.site, cache, start)
                # The catalogue and the plan live until the end: the cycle collector need not
                # walk them while files are made, nor all at once when it is enabled again.
                gc.freeze()
            reporter.stage(f"making the changed files among {len(outputs)}…")

            def finish(directory: Path) -> None:
                write.copy_static(root / "static", directory)
                if keep_search_index and not search and directory != out_dir:
                    write.link_tree(out_dir / "pagefind", directory / "pagefind")
                if search:
                    from .search_index import index_site

                    reporter.stage("indexing for search…")
                    index_site(directory)

            with _template_problems():
                outcome = produce(outputs, manifest, out_dir, documents, finish, altered(), *early)
        documents.save()
        cache.set_manifest(site_key, outcome.manifest, manifest)
    finally:
        cache.close()
        gc.unfreeze()
    reporter.done()
    return len(outputs), checked.warnings
