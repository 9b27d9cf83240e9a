"""Load stage: the content folder → a checked Site, or every problem found in it."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path, PurePath

import yaml

from . import stored
from .cache import BuildCache, SourceEntry, checksum
from .config import LANGS, Lang, SiteConfig
from .cores import map_on_cores
from .model import Practice, Site, StaticPage
from .problems import Problem, Severity
from .rules import check_collection
from .source import YAML_LOADER, bytes_digest, decode_source, read_bytes, read_source
from .stored import FileResult
from .validate import validate_page, validate_practice
from .vocabulary import Vocabulary

PAGE_KEYS = ("about", "accessibility")
"""The Markdown pages each language must have under content/pages/<lang>/<key>.md."""

PROJECT_FILES = frozenset({"vocabulary.yaml", "published-urls.txt", "redirects.yaml", "practice.schema.json"})
"""Files directly under content/ that are not practices."""


def is_editor_backup(name: str) -> bool:
    """Files editors' tools leave behind; they are never content."""
    return name.endswith(("~", ".swp", ".swo", ".tmp")) or name.startswith((".#", "#", "."))


def load_site(
    root: Path, config: SiteConfig, vocabulary: Vocabulary, cache: BuildCache | None = None
) -> tuple[Site | None, list[Problem]]:
    """Read every content file under root/content; return the site (None on errors) and all
    problems. A practice file unchanged since `cache` last saw it is not read again."""
    content = root / "content"
    problems: list[Problem] = []
    practices: list[Practice] = []
    present: set[tuple[str, Lang]] = set()
    """(id, language) of every practice file read, valid or not."""
    pages: list[StaticPage] = []
    cache = cache or BuildCache(None, "")
    vocabulary_digest = bytes_digest((content / "vocabulary.yaml").read_bytes())
    known = _Known(cache)

    def shown(path: Path) -> PurePath:
        return PurePath(path.relative_to(root).as_posix())

    for entry in sorted(content.iterdir()):
        if entry.name in PROJECT_FILES or is_editor_backup(entry.name):
            continue
        if entry.name == "pages" and entry.is_dir():
            pages.extend(_load_pages(entry, shown, problems))
        elif entry.is_dir() and entry.name in LANGS:
            lang: Lang = entry.name  # type: ignore[assignment]
            files = _content_files(entry, content, shown, problems)
            context = cache.key("source", lang, vocabulary_digest)
            for result in _read_practices(files, lang, vocabulary, cache, known, context):
                problems.extend(result.problems)
                present.update((found, lang) for found in result.ids)
                if result.practice:
                    practices.append(result.practice)
        elif entry.is_dir():
            problems.append(
                Problem(
                    shown(entry),
                    1,
                    1,
                    f"'{entry.name}' is not a language folder; practices go in content/fi or content/sv",
                )
            )
        else:
            problems.append(
                Problem(
                    shown(entry),
                    1,
                    1,
                    "files directly under content/ are not read; put a practice in content/fi or content/sv",
                )
            )

    findings = check_collection(practices, present, root)
    problems.extend(findings.problems)
    redirects = _load_redirects(content, shown, problems)
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    published = sorted((p for p in practices if not p.draft), key=lambda p: (p.id, p.lang))
    by_id: dict[str, dict[Lang, Practice]] = {}
    for practice in published:
        by_id.setdefault(practice.id, {})[practice.lang] = practice
    site = Site(config, vocabulary, tuple(published), tuple(pages), by_id, findings.stale, redirects)
    return site, problems


def _content_files(folder: Path, content: Path, shown, problems: list[Problem]) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(path, path as shown) of every practice file in a language folder, in name order."""
    files = []
    with os.scandir(folder) as entries:
        listed = sorted(entries, key=lambda entry: entry.name)
    for entry in listed:
        if is_editor_backup(entry.name):
            continue
        if entry.is_symlink() and not Path(entry.path).resolve().is_relative_to(content.resolve()):
            problems.append(
                Problem(
                    shown(Path(entry.path)),
                    1,
                    1,
                    "this is a link to a file outside content/; copy the file here instead of linking",
                )
            )
        elif entry.is_dir():
            problems.append(
                Problem(
                    shown(Path(entry.path)),
                    1,
                    1,
                    "folders inside a language folder are not read; move the files up into "
                    f"content/{folder.name}/",
                )
            )
        elif not entry.name.endswith(".md"):
            problems.append(
                Problem(
                    shown(Path(entry.path)),
                    1,
                    1,
                    f"only Markdown files (.md) belong in content/{folder.name}/; rename the file to end "
                    "in .md, or move it to static/ if it is an image or a document",
                )
            )
        else:
            files.append((entry.path, f"content/{folder.name}/{entry.name}"))
    return files


def _load_pages(folder: Path, shown, problems: list[Problem]) -> list[StaticPage]:  # type: ignore[no-untyped-def]
    pages = []
    for lang in LANGS:
        for key in PAGE_KEYS:
            file = folder / lang / f"{key}.md"
            if not file.exists():
                problems.append(Problem(shown(folder), 1, 1, f"the page {lang}/{key}.md is missing"))
                continue
            result = read_source(file, shown(file))
            if isinstance(result, list):
                problems.extend(result)
                continue
            page, found = validate_page(result, lang, key)
            problems.extend(found)
            if page:
                pages.append(page)
    return pages


def _load_redirects(content: Path, shown, problems: list[Problem]) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """content/redirects.yaml: `old/address/: new/address/` for pages removed on purpose."""
    path = content / "redirects.yaml"
    if not path.exists():
        return {}
    try:
        result = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        result = None
    if not isinstance(result, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in result.items()
    ):
        problems.append(Problem(shown(path), 1, 1, "each line should be 'old/address/: new/address/'"))
        return {}
    return {old.strip("/") + "/": new.strip("/") + "/" for old, new in result.items()}


def _head(file: Path) -> bytes:
    try:
        with file.open("rb") as stream:
            return stream.read(20_000)
    except OSError:
        return b""


def _id_lines(raw: bytes) -> list[str]:
    """The id of a file whose front matter cannot be parsed, if a line 'id: …' can be found."""
    text = raw[:20_000].decode("utf-8", errors="replace")
    return re.findall(r"^id:\s*['\"]?([a-z0-9-]+)", text, flags=re.M)[:1]


def _read_practice(
    raw: bytes | list[Problem], file: Path, shown: PurePath, lang: Lang, vocabulary: Vocabulary
) -> FileResult:
    doc = raw if isinstance(raw, list) else decode_source(raw, shown)
    if isinstance(doc, list):
        return FileResult(None, doc, tuple(_id_lines(raw if isinstance(raw, bytes) else _head(file))))
    practice, problems = validate_practice(doc, vocabulary, lang)
    return FileResult(practice, problems, (str(doc.front.get("id")),))


def _stored_result(job: tuple[bytes | list[Problem] | None, str, str, Lang]) -> tuple[str, bytes]:
    """(hash of the file's bytes, result as stored in the cache) of one file; its bytes are
    read here if the job does not carry them (a first build: the workers read the files)."""
    assert _VOCABULARY is not None
    raw, file, shown, lang = job
    if raw is None:
        raw = read_bytes(Path(file), PurePath(shown))
    result = _read_practice(raw, Path(file), PurePath(shown), lang, _VOCABULARY)
    if not isinstance(raw, bytes):
        digest = ""
    else:  # a valid practice has hashed its bytes already
        digest = result.practice.digest if result.practice else bytes_digest(raw)
    return digest, stored.dump(result)


_VOCABULARY: Vocabulary | None = None
"""The vocabulary files are checked against; worker processes inherit it (sending it with
every file would cost more than checking the file)."""


def _from_entry(entry: SourceEntry, context: str) -> FileResult | None:
    if entry.context != context or checksum(entry.value) != entry.checksum:
        return None
    return stored.load(entry.value)


TRUST_STAT_AFTER_NS = 2_000_000_000
"""A file whose size and modification time are unchanged is trusted to be unchanged only if
it was last modified this long before it was read: a write within the same clock tick as
the read would not change the time (the "racy git" problem). Otherwise its bytes are hashed."""

PARALLEL_FROM = 1000
"""From this many files to parse on, they are parsed on all cores (starting processes costs ~0.1 s)."""


def _read_practices(
    files: list[tuple[str, str]],
    lang: Lang,
    vocabulary: Vocabulary,
    cache: BuildCache,
    known: _Known,
    context: str,
) -> list[FileResult]:
    """Every file's result, in order: remembered by this process, or from the cache, where
    the file is unchanged; else parsed (on all cores for many files) and remembered."""
    results: list[FileResult | None] = []
    jobs: list[tuple[int, bytes | list[Problem] | None]] = []
    """Index → the file's bytes (or why they cannot be read), or None for the worker to read them."""
    stats: dict[int, tuple[int, int, int]] = {}
    """Index → (size, mtime, when read) of the files not remembered by this process."""
    updated: dict[str, SourceEntry] = {}
    seen = time.time_ns()  # when the files are read (taken before: on the safe side)
    for index, (file, shown) in enumerate(files):
        try:
            stat = os.stat(file)  # noqa: PTH116 - no Path per file: 10,000 of them add up
        except OSError:
            results.append(None)
            jobs.append((index, read_bytes(Path(file), PurePath(shown))))
            continue
        size, mtime_ns = stat.st_size, stat.st_mtime_ns
        settled_before = mtime_ns + TRUST_STAT_AFTER_NS  # read after this, the stat can be trusted
        here = _REMEMBERED.get(file)
        if here and here[0] == (size, mtime_ns, context) and here[1] > settled_before:
            results.append(here[2])
            continue
        stats[index] = (size, mtime_ns, seen)
        entry = known.get(shown)
        result = None
        if entry is None:  # never read: the file is read where it is parsed
            jobs.append((index, None))
            results.append(None)
            continue
        if entry.size == size and entry.mtime_ns == mtime_ns and entry.seen_ns > settled_before:
            result = _from_entry(entry, context)
        if result is None:
            raw = read_bytes(Path(file), PurePath(shown))
            if isinstance(raw, bytes) and entry.digest == bytes_digest(raw):
                result = _from_entry(entry, context)
                if result is not None:  # the same bytes with a new time: remember the new stat
                    updated[shown] = entry._replace(size=size, mtime_ns=mtime_ns, seen_ns=seen)
            if result is None:
                jobs.append((index, raw))
        results.append(result)
    global _VOCABULARY
    _VOCABULARY = vocabulary
    work = [(raw, files[i][0], files[i][1], lang) for i, raw in jobs]
    if len(work) >= PARALLEL_FROM:
        parsed = map_on_cores(_stored_result, work, chunksize=64)
    else:
        parsed = [_stored_result(job) for job in work]
    for (index, _), (digest, blob) in zip(jobs, parsed, strict=True):
        results[index] = stored.load(blob)
        if index in stats and digest:
            size, mtime_ns, seen = stats[index]
            updated[files[index][1]] = SourceEntry(
                size, mtime_ns, seen, digest, context, blob, checksum(blob)
            )
    cache.put_sources(updated)
    for index, (size, mtime_ns, seen) in stats.items():
        result = results[index]
        if result is not None:
            _REMEMBERED[files[index][0]] = ((size, mtime_ns, context), seen, result)
    return [result for result in results if result is not None]


_REMEMBERED: dict[str, tuple[tuple[int, int, str], int, FileResult]] = {}
"""Absolute path → ((size, mtime, context), when read, result): what this process has read already,
so that `serve` does not even decode unchanged files from the cache on a rebuild."""


class _Known:
    """The cache's entries, fetched only if a file is not remembered by this process."""

    def __init__(self, cache: BuildCache) -> None:
        self.cache = cache
        self.entries: dict[str, SourceEntry] | None = None

    def get(self, shown: str) -> SourceEntry | None:
        if self.entries is None:
            self.entries = self.cache.sources()
        return self.entries.get(shown)
