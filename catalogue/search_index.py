"""Index stage: the practice pages → Pagefind's search bundle, one index per <html lang>,
written into a folder of its own. Pagefind indexes the languages of one run one after another,
so each language gets a run of its own, all at the same time, and their folders are merged
(the result is the same bytes as one run's).

Pagefind reads a copy of each practice page with a section of its words' lemmas added
(search_words.py); the stage also writes each language's query files of inflected forms.
Pagefind finds words; the search page facets and sorts by itself (so Pagefind is given no
filters or sort keys, which it would write in a varying order). Besides Pagefind's own files
this stage writes
facets.<lang>.json, mapping each indexed page (by the id Pagefind gives its results) to its
facet codes, title order and publication date, so the browser can OR within a group, AND
across groups and count every value exactly for any query. It is made from the pages' own
data, and from the bundle just written, never from files an earlier build left.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from .build.recipes import digest
from .config import LANGS
from .content.vocabulary import Vocabulary
from .problems import ToolFailed
from .search_words import (
    Lemmas,
    page_words,
    prepare_dictionaries,
    query_files,
    section_words,
    with_words,
    write_query_files,
)
from .site.pages import Page
from .site.urls import FILTER_PARAMS
from .workers import chunks, map_jobs

FRAGMENT_SIGNATURE = b"pagefind_dcd"
WORDS_FOLDER = "words"
"""In the bundle: per language, the query files of search_words."""


class IndexedPage(NamedTuple):
    """A practice page as search sees it."""

    path: str
    """The page's file in the output folder."""
    lang: str
    filters: dict[str, list[str]]
    """Filter key (theme, phase, …) → the page's codes."""
    title_key: tuple[str, str, str]
    """The title's A–Ö sort key (collation.sort_key)."""
    published: int
    """yyyymmdd"""
    search_words: str
    """The search words of its terms in its language (Term.search_words): searched as its own."""

    @property
    def url(self) -> str:
        return "/" + self.path.removesuffix("index.html")


def indexed_pages(pages: list[Page], vocabulary: Vocabulary) -> list[IndexedPage]:
    """The pages search indexes (the practices'), with the data the search page facets by."""
    search_words = {
        (facet, t.code): t.search_words for facet in FILTER_PARAMS for t in vocabulary.terms(facet)
    }
    found = []
    for page in pages:
        if page.template != "practice.html" or page.lang is None:
            continue
        p = page.context["practice"]
        codes = {
            facet: (p.practice_type,) if facet == "practice_types" else getattr(p, facet)
            for facet in FILTER_PARAMS
        }
        filters = {FILTER_PARAMS[facet]: sorted(values) for facet, values in codes.items()}
        published = int(p.published.isoformat().replace("-", ""))
        own = [search_words[facet, code] for facet, values in codes.items() for code in values]
        words = " ".join(by_lang.get(page.lang, "") for by_lang in own)
        found.append(IndexedPage(page.path, page.lang, filters, p.title_key, published, words))
    return sorted(found, key=lambda page: page.path)


def search_key(recipes: list[str]) -> str:
    """What the bundle is made from: the indexed pages' recipes, Pagefind's version and options."""
    from importlib import metadata  # 20 ms to import: only when searching

    return digest(recipes, metadata.version("pagefind-bin"), metadata.version("simplemma"), INDEX_FLAGS)


PARALLEL_FROM = 200
"""Pages from which their copies are written on all cores."""


class CopyJob(NamedTuple):
    """Pages of one language to copy, each with its lemma section, for Pagefind to read."""

    lang: str
    files: list[tuple[Path, Path, str]]
    """(the page's file, its copy, the search words of its terms)"""


class Copied(NamedTuple):
    words: set[str]
    """Every word of the pages (lower case)."""
    lemmas: set[str]
    """Their lemmas and compound parts."""


def copy_with_lemmas(job: CopyJob) -> Copied:
    lemmatiser = Lemmas(job.lang)
    words: set[str] = set()
    lemmas: set[str] = set()
    for source, copy, search_words in job.files:
        page_html = source.read_text(encoding="utf-8")
        own_words = page_words(page_html, search_words)
        own_lemmas = lemmatiser.lemmas_of(own_words.indexed | own_words.extra)
        words |= own_words.indexed | own_words.extra
        lemmas |= own_lemmas
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text(with_words(page_html, section_words(own_words, own_lemmas)), encoding="utf-8")
    return Copied(words, lemmas)


def write_bundle(
    pages: list[IndexedPage],
    file_of: Callable[[str], Path],
    bundle: Path,
    tell: Callable[[str], None] = lambda step: None,
) -> None:
    """Index `pages` (each page's file is `file_of(path)`) into the empty folder `bundle`;
    `tell`: told each step, and the pages read as they are.
    Copies of the pages, each with its lemma section, are written into a folder of their own
    first (on all cores when there are many), so that Pagefind reads exactly these pages in
    one request (a request per page would take a tenth of a second each)."""
    parallel = len(pages) >= PARALLEL_FROM
    prepare_dictionaries(LANGS)  # made here once, not by every worker at the same time
    found: dict[str, Copied] = {lang: Copied(set(), set()) for lang in LANGS}
    with tempfile.TemporaryDirectory(dir=bundle.parent, prefix=".indexed-") as scratch:
        jobs = [
            CopyJob(lang, [(file_of(p.path), Path(scratch) / p.path, p.search_words) for p in part])
            for lang in LANGS
            for part in chunks([p for p in pages if p.lang == lang], parallel)
        ]
        read = 0
        for job, copied in zip(jobs, map_jobs(copy_with_lemmas, jobs, parallel), strict=True):
            found[job.lang].words.update(copied.words)
            found[job.lang].lemmas.update(copied.lemmas)
            read += len(job.files)
            tell(f"{read:,} of {len(pages):,} pages read")
        globs = [f"{lang}/**/*.html" for lang in sorted({p.lang for p in pages})]
        parts = {glob: Path(scratch) / f".bundle-{number}" for number, glob in enumerate(globs)}
        if parts:  # Pagefind makes no index of no pages; the search page then loads none
            tell(f"Pagefind is indexing {len(pages):,} pages")
            _index(Path(scratch), parts)
            _merge(list(parts.values()), bundle)
    tell("writing the words' forms")
    for lang in LANGS:
        lemmas, words = found[lang].lemmas, found[lang].words
        forms = Lemmas(lang).forms_of(lemmas) if lemmas else {}
        files = query_files(forms, words | lemmas)
        write_query_files(bundle / WORDS_FOLDER / lang, files)
        facets = _facet_map(pages, lang, bundle) | {"words": sorted(files)}
        text = json.dumps(facets, separators=(",", ":"), sort_keys=True)
        (bundle / f"facets.{lang}.json").write_text(text, encoding="utf-8")


def _merge(parts: list[Path], bundle: Path) -> None:
    """The languages' bundles as one: each language's files are its own and the shared files
    (Pagefind's scripts) the same bytes, so they are moved together; the entry file lists every
    language, in sorted order (Pagefind writes its lists in a varying order)."""
    entry: dict[str, Any] = {"languages": {}}
    for part in parts:
        found = json.loads((part / "pagefind-entry.json").read_text(encoding="utf-8"))
        entry = {**found, "languages": entry["languages"] | found["languages"]}
        for file in sorted(part.rglob("*")):
            target = bundle / file.relative_to(part)
            if file.is_dir():
                target.mkdir(exist_ok=True)
            elif file.name != "pagefind-entry.json":
                file.replace(target)
    text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    (bundle / "pagefind-entry.json").write_text(text, encoding="utf-8")


INDEX_FLAGS = ("--root-selector", "html", "--silent")
"""Pagefind's settings besides its defaults (no playground, no 'index.html' in result URLs)."""


def _index(pages: Path, parts: dict[str, Path]) -> None:
    """A Pagefind run per glob (one per language), at the same time, each writing its bundle
    into its folder (measured at N = 1,000 on 2 cores: 12.8 s in one run, 8.9 s in two).

    Pagefind's command, not its Python API: the API stops the Pagefind process as soon as it
    says the files are written, while Pagefind (1.5) still has writes under way in background
    threads, so on a busy machine a file was now and then left short (pagefind-highlight.js
    at 40,960 of its 44,352 bytes); the command writes everything before it exits."""
    from pagefind_bin import get_executable

    command = [str(get_executable()), "--site", str(pages), *INDEX_FLAGS]
    env = {name: value for name, value in os.environ.items() if not name.startswith("PAGEFIND_")}
    runs = [
        subprocess.Popen(
            [*command, "--glob", glob, "--output-path", str(part)],
            cwd=pages,  # where Pagefind would look for a configuration file: none
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        for glob, part in parts.items()
    ]
    try:
        outputs = [run.communicate()[0] for run in runs]
    finally:  # interrupted: no run goes on writing
        for run in runs:
            if run.poll() is None:
                run.kill()
                run.wait()
    for run, output in zip(runs, outputs, strict=True):
        if run.returncode:
            raise ToolFailed(f"Pagefind failed ({run.returncode}): {output.decode('utf-8', 'replace')}")


def _facet_map(pages: list[IndexedPage], lang: str, bundle: Path) -> dict[str, Any]:
    """{"groups": {group: [codes]},
    "pages": {page id: [[code index, …] for each group, title rank, yyyymmdd published]}}
    (write_bundle adds "words": the keys of the language's query files)"""
    by_url = {page.url: page for page in pages}
    groups = sorted(set(FILTER_PARAMS.values()))
    found: dict[str, IndexedPage] = {}
    for fragment in sorted((bundle / "fragment").glob(f"{lang}_*.pf_fragment")):
        data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(FRAGMENT_SIGNATURE))
        found[fragment.name.removesuffix(".pf_fragment")] = by_url[data["url"]]
    rank = {key: index for index, key in enumerate(sorted({p.title_key for p in found.values()}))}
    values = {g: sorted({v for p in found.values() for v in p.filters.get(g, [])}) for g in groups}
    position = {g: {v: i for i, v in enumerate(values[g])} for g in groups}
    encoded = {
        page_id: [
            *(sorted(position[g][v] for v in p.filters.get(g, [])) for g in groups),
            rank[p.title_key],
            p.published,
        ]
        for page_id, p in found.items()
    }
    return {"groups": values, "pages": encoded}
