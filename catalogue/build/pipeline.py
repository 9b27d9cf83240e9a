"""The build, stage by stage: check the content → decide the pages → make those whose recipe
changed, in a staging folder → index for search → publish into the output folder.

Every build runs every stage; what makes a rebuild fast is that unchanged files are neither
read again (their checked result is in the build cache) nor made again (their recipe is the
one recorded when they were written). Its output is the output of a build from nothing.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..config import LANGS, ConfigError, Lang, SiteConfig, load_config
from ..content.ledger import read_ledger
from ..content.load import Progress, load_site
from ..content.model import Site
from ..content.redirects import REDIRECTS
from ..content.rules import heavy_images
from ..content.vocabulary import read_vocabulary
from ..problems import ContentError, Problem, Severity
from ..site.i18n import translations
from ..site.pages import Page, site_pages
from ..site.templates import Setting, assets_named, make_env, template_digests, template_sources
from ..site.urls import SEARCH_FOLDER
from ..workers import chunks, map_jobs
from . import write
from .addresses import broken_links, broken_redirects, lost_addresses
from .cache import BuildCache, Output, code_salt, file_hashes, image_sizes
from .catalogues import compiled_catalogues
from .make import MakeJob, make_pages, template_problems
from .progress import Reporter
from .recipes import digest, recipes
from .sections import broken_sections

if TYPE_CHECKING:  # the search modules are imported where a bundle is made: most builds make none
    from ..search_index import IndexedPage

CACHE_FILE = Path(".cache/build.sqlite")
PARALLEL_FROM = 200
"""From this many pages to make on, they are made on all cores (each job carries its pages'
data to its worker, which for a few long lists costs more than it saves)."""


class Checked(NamedTuple):
    site: Site
    warnings: list[Problem]
    catalogues: dict[Lang, bytes]
    """Each language's interface catalogue, compiled (see catalogues.compiled_catalogues)."""


class Plan(NamedTuple):
    setting: Setting
    pages: list[Page]
    recipes: list[str]
    statics: dict[str, tuple[Path, str]]
    """Output path → (file in static/, hash of its bytes)."""


class Built(NamedTuple):
    pages: int
    made: int
    """How many files were made anew (the rest were as they were)."""
    warnings: list[Problem]
    plan: Plan


class SearchInput(NamedTuple):
    """What a search bundle is made from: the pages it indexes, and a key of them (their
    recipes, Pagefind's version and options)."""

    indexed: list[IndexedPage]
    key: str


def search_input(plan: Plan) -> SearchInput:
    from ..search_index import indexed_pages, search_key

    indexed = indexed_pages(plan.pages, plan.setting.vocabulary)
    recipe_of = dict(zip((page.path for page in plan.pages), plan.recipes, strict=True))
    return SearchInput(indexed, search_key([recipe_of[page.path] for page in indexed]) if indexed else "")


def check_site(
    root: Path,
    config: SiteConfig | None = None,
    strict: bool = False,
    cache: BuildCache | None = None,
    progress: Progress | None = None,
) -> Checked:
    """Load and check everything; raise ContentError with every problem, or return the site.
    `progress` is told how many of the files to check are checked, as the work goes on."""
    config = config or site_settings(root, strict)
    vocabulary, problems = read_vocabulary(root / "content" / "vocabulary.yaml")
    if vocabulary is None:
        raise ContentError(problems)
    addressed = not problems  # a vocabulary with mistakes does not tell its pages' addresses
    cache = cache or BuildCache(None, "")
    loaded = load_site(root, config, vocabulary, cache, progress)
    site = loaded.site
    problems.extend(loaded.problems)
    ledger, found = read_ledger(root)
    problems.extend(found)
    problems.extend(heavy_images(root))
    catalogues: dict[Lang, bytes] = {}
    try:  # told with the content's mistakes, and by `check` (a pull request's annotations)
        catalogues = compiled_catalogues(root, cache)
    except ContentError as error:
        problems.extend(error.problems)
    if addressed:  # a file with mistakes hides no link that leads nowhere: every problem at once
        problems.extend(broken_links(site, loaded.unchecked) + broken_sections(site, cache))
    if addressed and loaded.complete:
        problems.extend(broken_redirects(site))
    # A file with mistakes hides no lost address either: its own addresses are not taken for
    # lost. Only while redirects.yaml has mistakes are the addresses it keeps unknown: they
    # would look lost, so its mistakes are mended first.
    redirects_read = not any(p.path == REDIRECTS and p.severity is Severity.ERROR for p in loaded.problems)
    if addressed and ledger and redirects_read:
        problems.extend(lost_addresses(ledger, site, (root / REDIRECTS).exists(), loaded.unchecked))
    failing = [p for p in problems if p.severity is Severity.ERROR or strict]
    if failing:
        raise ContentError(problems)
    warnings = sorted(problems, key=lambda p: p.sort_key)  # in file order, as errors
    return Checked(site, warnings, catalogues)


def site_settings(root: Path, strict: bool = False) -> SiteConfig:
    """site.toml's settings. While it has mistakes, the content is checked all the same, by its
    base_url if that is right (else by a stand-in that finds no full address of this site), and
    ContentError carries the problems of both: every problem at once."""
    try:
        return load_config(root / "site.toml")
    except ConfigError as error:
        names = {lang: "" for lang in LANGS}
        stand_in = SiteConfig(error.base_url or "https://stand-in.invalid/", "", names, names)
        try:
            found = check_site(root, stand_in, strict).warnings
        except ContentError as content:
            found = content.problems
        raise ContentError(error.problems + found) from None


def plan_site(root: Path, checked: Checked, cache: BuildCache) -> Plan:
    """Every output file: its page (or static file) and its recipe."""
    site, catalogues = checked.site, checked.catalogues
    with template_problems(root / "templates"):
        strings = {lang: translations(catalogues[lang], lang) for lang in LANGS}
        statics = file_hashes(root, "static", cache)
        versions = {path: full[:10] for path, full in statics.items()}
        sizes = image_sizes(root / "static", statics, cache)
        setting = Setting(
            site.config,
            site.vocabulary,
            root / "templates",
            catalogues,
            versions,
            sizes,
            compiled_templates(cache),
        )
        pages = site_pages(site, strings)
        strings_hash = {lang: hashlib.blake2b(mo).hexdigest() for lang, mo in catalogues.items()}
        sources = template_sources(root / "templates")
        named = assets_named(sources)  # a file added under static/ for a text to link to changes no page
        shown = {path: v for path, v in versions.items() if named is None or path in named}
        settings = digest(cache.salt, site.config, site.vocabulary, strings_hash, shown)
        keys = recipes(pages, settings, template_digests(sources), sizes)
    files = {f"static/{path}": (root / "static" / path, full) for path, full in statics.items()}
    editor = file_hashes(root, "admin", cache)  # the web editor: its own files, not linked from pages
    files |= {f"admin/{path}": (root / "admin" / path, full) for path, full in editor.items()}
    return Plan(setting, pages, keys, files)


def compiled_templates(cache: BuildCache) -> Path | None:
    """Where Jinja keeps compiled templates beside the cache, by the code that compiled them."""
    if cache.path is None:
        return None
    folder = cache.path.with_name("templates") / cache.salt[:16]
    if not folder.is_dir():  # other code's compiled templates are of no use any more
        for other in folder.parent.iterdir() if folder.parent.is_dir() else []:
            if other.name != folder.name:
                shutil.rmtree(other, ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)  # another build of the same code may make it too
    return folder


def open_cache(root: Path) -> BuildCache:
    return BuildCache(root / CACHE_FILE, code_salt())


@contextmanager
def build_cache(root: Path, use_cache: bool) -> Iterator[BuildCache]:
    """The project's build cache, or (use_cache False) one that lasts for this build only."""
    with ExitStack() as stack:
        if use_cache:
            cache = open_cache(root)
        else:
            scratch = stack.enter_context(tempfile.TemporaryDirectory(prefix="catalogue-cache-"))
            cache = BuildCache(Path(scratch) / "build.sqlite", code_salt())
        stack.callback(cache.close)
        yield cache


def build(
    root: Path,
    out_dir: Path,
    config: SiteConfig | None = None,
    strict: bool = False,
    reporter: Reporter | None = None,
    search: bool = True,
    use_cache: bool = True,
    keep_search: bool = False,
) -> Built:
    """Bring out_dir up to date with the content, never leaving it half-written.
    `keep_search`: keep the search bundle as it is (`serve` indexes in the background)."""
    reporter = reporter or Reporter()
    out_dir = out_dir.resolve()
    with reporter, build_cache(root, use_cache) as cache:
        reporter.stage("checking content…")
        checked = check_site(root, config, strict, cache, reporter.counting("checking content…", "files"))
        reporter.stage("planning pages…")
        plan = plan_site(root, checked, cache)
        waiting = f"waiting for another build into {out_dir.name}/ to finish…"
        with write.held(out_dir, lambda: reporter.note(waiting)):
            outputs, made = _write_site(plan, cache, out_dir, reporter, search, keep_search)
    return Built(len(outputs), len(made), checked.warnings, plan)


def _write_site(
    plan: Plan, cache: BuildCache, out_dir: Path, reporter: Reporter, search: bool, keep_search: bool
) -> tuple[dict[str, Output], list[str]]:
    """Make the files whose recipe changed in a staging folder, index them if asked, and
    publish them into out_dir; return every output file's entry, and the paths made anew."""
    recorded = cache.outputs(out_dir)
    previous = _still_written(out_dir, recorded)
    unknown = write.files_in(out_dir) if not recorded and out_dir.is_dir() else {}
    staging = write.begin(out_dir)
    try:
        outputs = make_outputs(plan, previous, staging, cache, reporter)
        bundle = _bundle(previous)
        wanted = search_input(plan) if search and not keep_search else None
        if wanted and not _made_from(wanted.key, bundle):
            from ..search_words import dictionaries_ready, prepare_dictionaries

            if not dictionaries_ready(LANGS):
                reporter.stage("preparing the Finnish and Swedish dictionaries (once per machine)…")
                prepare_dictionaries(LANGS)
            reporter.stage("indexing for search…")
            bundle = make_bundle(wanted, staging, out_dir, reporter.within("indexing for search…"))
        outputs |= bundle if search or keep_search else {}
        made = [path for path, output in outputs.items() if previous.get(path) != output]
    except BaseException:
        write.discard(staging)
        raise
    _publish(cache, staging, out_dir, outputs, made, recorded, unknown.keys())
    return outputs, made


def _still_written(out_dir: Path, recorded: dict[str, Output]) -> dict[str, Output]:
    """The recorded files that out_dir holds as they were written. One deleted or changed
    since (by hand, by a deployment script) is made again, and so is the whole search bundle
    if any of its files is."""
    intact = write.unchanged(
        out_dir, {path: (output.size, output.mtime_ns) for path, output in recorded.items()}
    )
    bundle = _bundle(recorded)
    lost = bundle if not bundle.keys() <= intact else {}
    return {path: output for path, output in recorded.items() if path in intact and path not in lost}


def _publish(
    cache: BuildCache,
    staging: Path,
    out_dir: Path,
    outputs: dict[str, Output],
    made: list[str],
    recorded: dict[str, Output],
    unknown: Iterable[str],
) -> None:
    """Move the files made into out_dir, remove those no longer made, and record what it
    holds now. If publishing fails halfway (a full disk), what the folder holds is no longer
    known: the next build makes it whole again."""
    try:
        write.publish(staging, out_dir, made, (recorded.keys() | set(unknown)) - outputs.keys())
    except BaseException:
        write.discard(staging)
        cache.set_outputs(out_dir, {}, recorded)
        raise
    cache.set_outputs(out_dir, outputs, recorded)


def make_outputs(
    plan: Plan, current: dict[str, Output], staging: Path, cache: BuildCache, reporter: Reporter
) -> dict[str, Output]:
    """Make the pages and copy the static files whose recipe changed into staging; return
    every output file's entry (those unchanged as they were)."""
    outputs, dirty, recipe_of = {}, [], {}
    for page, recipe in zip(plan.pages, plan.recipes, strict=True):
        known = current.get(page.path)
        if known and known.recipe == recipe:
            outputs[page.path] = known
        else:
            dirty.append(page)
            recipe_of[page.path] = recipe
    making = f"making {len(dirty):,} of {len(plan.pages):,} pages…"
    reporter.stage(making)
    parallel = len(dirty) >= PARALLEL_FROM
    if parallel:
        compile_templates(plan.setting)
    jobs = [
        MakeJob(plan.setting, (cache.path, cache.salt), staging, part) for part in chunks(dirty, parallel)
    ]
    count = 0
    for made in map_jobs(make_pages, jobs, parallel):
        outputs.update({m.path: Output(recipe_of[m.path], m.size, m.mtime_ns) for m in made})
        count += len(made)
        if made:
            reporter.stage(f"{making} {count:,} made")
    for path, (file, full) in plan.statics.items():
        known = current.get(path)
        if known and known.recipe == full:
            outputs[path] = known
        else:
            outputs[path] = Output(full, *write.write_file(staging, path, file.read_bytes()))
    return outputs


def compile_templates(setting: Setting) -> None:
    """Compile every template once, into Jinja's cache of compiled templates, before the
    workers start: each would otherwise compile them all again."""
    env = make_env(setting, translations(setting.catalogues["fi"], "fi"))
    assert env.loader is not None
    with template_problems(setting.templates):
        for name in env.loader.list_templates():
            env.get_template(name)


def _bundle(outputs: dict[str, Output]) -> dict[str, Output]:
    return {path: output for path, output in outputs.items() if path.startswith(f"{SEARCH_FOLDER}/")}


def _made_from(key: str, bundle: dict[str, Output]) -> bool:
    """Whether a search bundle was made from `key` (the pages it indexes, Pagefind's version)."""
    return bool(bundle) and all(output.recipe == key for output in bundle.values())


def make_bundle(
    wanted: SearchInput, staging: Path, out_dir: Path, tell: Callable[[str], None] = lambda step: None
) -> dict[str, Output]:
    """Index the pages (made in staging, or unchanged in out_dir) into staging's bundle;
    `tell`: told each step."""

    def file_of(path: str) -> Path:
        made = staging / path
        return made if made.exists() else out_dir / path

    folder = staging / SEARCH_FOLDER
    folder.mkdir()
    from ..search_index import write_bundle

    write_bundle(wanted.indexed, file_of, folder, tell)
    return {
        f"{SEARCH_FOLDER}/{path}": Output(wanted.key, *stat) for path, stat in write.files_in(folder).items()
    }


def index_published(
    root: Path,
    out_dir: Path,
    wanted: SearchInput,
    lock: threading.Lock,
    latest: Callable[[], SearchInput | None],
) -> None:
    """Bring out_dir's search bundle up to date with the pages a build published, `wanted` (for
    `serve`, which builds with keep_search and indexes in the background). The pages are indexed
    outside `lock`; the bundle is published under it, and only if `latest()` is still `wanted`."""
    out_dir = out_dir.resolve()
    with build_cache(root, True) as cache:
        if _made_from(wanted.key, _bundle(cache.outputs(out_dir))):
            return
        folder = out_dir.with_name(f".{out_dir.name}.search")
        write.discard(folder)
        folder.mkdir()
        try:
            fresh = make_bundle(wanted, folder, out_dir)
            with lock, write.held(out_dir, lambda: None):  # `make build` too may be at work
                if latest() is wanted:
                    recorded = cache.outputs(out_dir)
                    old = _bundle(recorded)
                    write.publish(folder, out_dir, fresh, old.keys() - fresh.keys())
                    kept = {path: output for path, output in recorded.items() if path not in old}
                    cache.set_outputs(out_dir, kept | fresh, recorded)
        finally:
            write.discard(folder)
