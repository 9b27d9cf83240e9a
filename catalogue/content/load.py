"""Load stage: the content folder → a checked Site, and every problem found in it.

Each practice file is checked on its own (on all cores when there are many), then the rules
across files are applied. A file's checked result is kept in the build cache by the hash of
its bytes in their context (language, vocabulary, place); a file whose size and time are
unchanged since it was last read is not read again.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path, PurePath
from typing import NamedTuple

from ..build.cache import BuildCache, Seen, seen_now, unchanged_digest
from ..config import LANGS, Lang, SiteConfig
from ..problems import Problem, Severity
from ..workers import chunks, map_jobs
from . import stored
from .characters import UNPUBLISHABLE, unpublishable_characters
from .front_matter import split_front_matter
from .model import FileResult, Practice, Site, StaticPage, Text, Unchecked
from .redirects import read_redirects
from .rules import check_collection
from .source import (
    UTF16_MARKS,
    bytes_digest,
    decode_source,
    decoded,
    decoded_text,
    link_out,
    read_bytes,
)
from .text_headings import DESCRIPTION, TITLE
from .text_links import links_of
from .text_rules import text_problems
from .unique import twins_of_the_nameless
from .validate import validate_page, validate_practice
from .vocabulary import Vocabulary

PAGE_KEYS = ("about", "accessibility")
"""The Markdown pages each language must have under content/pages/<lang>/<key>.md."""
PROJECT_FILES = frozenset({"vocabulary.yaml", "published-urls.txt", "redirects.yaml", "practice.schema.json"})
"""Files directly under content/ that are not practices."""
Progress = Callable[[int, int], None]
"""Told how much of a stage's work is done, and how much there is: (done, total)."""
PARALLEL_FROM = 200
"""From this many files to check on, they are checked on all cores. Below it, starting the
workers costs more than they save: with 50 practices a language (100 files), `check` from
nothing took 0.41 s on one core and 0.54 s on two."""


class FileJob(NamedTuple):
    file: str
    shown: str
    lang: Lang


def is_editor_backup(name: str) -> bool:
    """Files editors' tools leave behind; they are never content."""
    return name.endswith(("~", ".swp", ".swo", ".tmp")) or name.startswith((".#", "#", "."))


class Loaded(NamedTuple):
    site: Site
    """Made of the files without mistakes: the whole site when `complete`."""
    problems: list[Problem]
    complete: bool
    """No error was found."""
    unchecked: list[Unchecked]


def load_site(
    root: Path,
    config: SiteConfig,
    vocabulary: Vocabulary,
    cache: BuildCache,
    progress: Progress | None = None,
) -> Loaded:
    """Read every content file under root/content; return the site and all problems. Where
    files have mistakes, the site is made of the others, so that the checks after this one
    can still look at links: every problem at once."""
    content = root / "content"
    problems: list[Problem] = []
    checked: list[tuple[Practice, Text]] = []
    unchecked: list[Unchecked] = []
    present: set[tuple[str, Lang]] = set()  # (id, language) of every practice file read, valid or not
    pages: list[StaticPage] = []
    jobs: list[FileJob] = []
    for entry in sorted(content.iterdir()):
        shown = PurePath(entry.relative_to(root).as_posix())
        if entry.name in PROJECT_FILES or is_editor_backup(entry.name):
            continue
        if entry.name == "pages" and entry.is_dir():
            pages.extend(_load_pages(entry, root, problems))
        elif entry.is_dir() and entry.name in LANGS:
            lang: Lang = "fi" if entry.name == "fi" else "sv"
            jobs += [FileJob(file, shown, lang) for file, shown in _content_files(entry, root, problems)]
        elif entry.is_dir():
            message = f"'{entry.name}' is not a language folder; practices go in content/fi or content/sv"
            problems.append(Problem(shown, 1, 1, message))
        else:
            message = "files directly under content/ are not read; put a practice in content/fi or content/sv"
            problems.append(Problem(shown, 1, 1, message))
    results = check_files(jobs, vocabulary, cache, cache.seen("content"), progress)
    for job, result in zip(jobs, results, strict=True):
        problems.extend(result.problems)
        present.update((found, job.lang) for found in result.ids)
        if result.practice and result.text:
            checked.append((result.practice, result.text))
        else:
            unchecked.append(Unchecked.of(job.shown, job.lang, result))
    present |= twins_of_the_nameless(unchecked, [practice for practice, _ in checked], present)
    findings = check_collection(checked, present, pages, unchecked, root, date.today())
    problems.extend(findings.problems)
    redirects, found = read_redirects(root, config.own_urls)
    problems.extend(found)
    published = sorted(((p, t) for p, t in checked if not p.draft), key=lambda pt: (pt[0].id, pt[0].lang))
    texts: dict[tuple[str, Lang], Text] = {}
    practices: list[Practice] = []
    for p, text in published:
        if p.source in findings.copies:  # an id given twice (reported above): the copy is left out
            lang = text.language or p.lang  # in the other's folder, it keeps its language's addresses
            slugs = (p.slug, *p.aliases)
            unchecked.append(Unchecked(p.source, lang, text.links, (p.id,), slugs, False, None))
            continue
        texts[(p.id, p.lang)] = text
        practices.append(p)
    drafts = tuple(p for p, _ in checked if p.draft)
    site = Site(config, vocabulary, tuple(practices), texts, tuple(pages), findings.stale, redirects, drafts)
    return Loaded(site, problems, not any(p.severity is Severity.ERROR for p in problems), unchecked)


def check_files(
    files: list[FileJob],
    vocabulary: Vocabulary,
    cache: BuildCache,
    known: dict[str, Seen],
    progress: Progress | None = None,
) -> list[FileResult]:
    """Every file's result, in order: from the cache where its bytes were checked before,
    else checked now (on all cores for many) and kept. `known`: each file as last read;
    `progress`: told how many of the files to check are checked, after each part."""
    digests: dict[str, str] = {}
    """Shown path → the hash of the file's bytes."""
    seen: dict[str, Seen] = {}
    for file, shown, _ in files:
        digest = unchanged_digest(file, known.get(shown))
        if digest is None:
            read_at = time.time_ns()  # taken before reading: on the safe side
            raw = read_bytes(Path(file), PurePath(shown))
            if isinstance(raw, list):
                continue
            digest = bytes_digest(raw)
            seen[shown] = seen_now(file, read_at, digest)
        digests[shown] = digest
    contexts = {job.shown: checked_context(job, vocabulary) for job in files}
    keys = {shown: checked_key(digest, contexts[shown]) for shown, digest in digests.items()}
    found = cache.checked({key: contexts[shown] for shown, key in keys.items()})
    loaded = {shown: stored.load(found[key]) for shown, key in keys.items() if key in found}
    kept = {shown: result for shown, result in loaded.items() if result}  # damaged: checked again
    # The files to check are read again where they are checked: the bytes of thousands of
    # files are not kept here meanwhile.
    jobs = [job for job in files if job.shown not in kept]
    parallel = len(jobs) >= PARALLEL_FROM
    parts = chunks(jobs, parallel)
    fresh: dict[str, FileResult] = {}
    checked = map_jobs(_check_part, ((vocabulary, part) for part in parts), parallel)
    for part, results in zip(parts, checked, strict=True):
        new = {}
        for job, (key, result, source) in zip(part, results, strict=True):
            fresh[job.shown] = result
            if key:
                new[key] = (contexts[job.shown], stored.dump(result), source)
        cache.put_checked(new, {job.shown: seen[job.shown] for job in part if job.shown in seen})
        if progress and jobs:
            progress(len(fresh), len(jobs))
    cache.put_checked({}, {shown: entry for shown, entry in seen.items() if shown not in fresh})
    return [fresh[job.shown] if job.shown in fresh else kept[job.shown] for job in files]


def checked_context(job: FileJob, vocabulary: Vocabulary) -> str:
    """What a file's checked result depends on besides its bytes: its language, the
    vocabulary and its place."""
    return f"{job.lang} {vocabulary.digest} {job.shown}"


def checked_key(digest: str, context: str) -> str:
    """A file's entry in the build cache: the hash of its bytes in their context. Two files
    with the same bytes (a practice copied to start another) have an entry each."""
    return bytes_digest(f"{digest} {context}".encode())


def _check_part(part: tuple[Vocabulary, Sequence[FileJob]]) -> list[tuple[str, FileResult, str]]:
    vocabulary, jobs = part
    return [check_file(job, vocabulary) for job in jobs]


def check_file(job: FileJob, vocabulary: Vocabulary) -> tuple[str, FileResult, str]:
    """(key in the build cache, result, the Markdown to convert as JSON) of one file; the key
    is empty if the file cannot be read. The file's Text carries the key, by which the
    Markdown is found when its page is made."""
    shown = PurePath(job.shown)
    raw = read_bytes(Path(job.file), shown)
    if isinstance(raw, list):  # too large or unreadable: its id, if a line gives it
        return "", FileResult(None, None, raw, tuple(_id_lines(_head(Path(job.file)))), None), ""
    key = checked_key(bytes_digest(raw), checked_context(job, vocabulary))
    doc = decode_source(raw, shown)
    unseen: list[Problem] = []
    if isinstance(doc, list) and (blanked := _blanked(raw, shown)):
        raw, unseen = blanked
        doc = decode_source(raw, shown)
    if isinstance(doc, list):
        text, problems = _text_alone(raw, shown, key, DESCRIPTION)
        return key, FileResult(None, text, unseen + doc + problems, tuple(_id_lines(raw)), None), ""
    practice, text, problems = validate_practice(doc._replace(digest=key), vocabulary, job.lang)
    criteria = practice.criteria if practice else {}
    source = json.dumps({"body": doc.body, "criteria": criteria}, ensure_ascii=False)
    slugs = () if practice else _declared_slugs(doc.front)
    given = doc.front.get("id")
    ids = () if given is None else (str(given),)
    alone = not practice and all(
        doc.front.get(flag) in (None, False) for flag in ("draft", "translation_pending")
    )
    at = None if practice else (doc.where("id"), doc.where("slug"))
    return key, FileResult(practice, text, unseen + problems, ids, slugs, alone, at), source


def _declared_slugs(front: dict[str, object]) -> tuple[str, ...]:
    """The slug and aliases front matter gives, as written (a mistaken one included)."""
    aliases = front.get("aliases")
    given = [front.get("slug"), *(aliases if isinstance(aliases, list) else [aliases])]
    return tuple(str(value) for value in given if isinstance(value, str | int))


def _blanked(raw: bytes, shown: PurePath) -> tuple[bytes, list[Problem]] | None:
    """A file with characters no page may hold, each made a space, and a problem at each line
    that had one: read on so, the file's other problems come at once too. None if it has none
    (or is no UTF-8 text)."""
    try:
        text = decoded_text(raw)
    except UnicodeDecodeError:
        return None
    found = unpublishable_characters(text, shown)
    return (UNPUBLISHABLE.sub(" ", text).encode("utf-8"), found) if found else None


def _text_alone(raw: bytes, shown: PurePath, key: str, after: int) -> tuple[Text | None, list[Problem]]:
    """The text of a file whose front matter cannot be read, as far as its links go, and its
    problems: the editor sees every problem at once, not the text's after the front matter's
    are mended."""
    text = decoded(raw, shown)
    parts = split_front_matter(text) if isinstance(text, str) else None
    if parts is None:
        return None, []
    links, problems = text_problems(shown, parts.body, parts.body_line, after)
    return Text(key, parts.body_line, links_of(links), ""), problems


def _head(file: Path) -> bytes:
    try:
        with file.open("rb") as stream:
            return stream.read(20_000)
    except OSError:
        return b""


def _id_lines(raw: bytes) -> list[str]:
    """The id of a file whose front matter cannot be parsed, if a line 'id: …' can be found."""
    text = raw[:20_000].decode("utf-16" if raw.startswith(UTF16_MARKS) else "utf-8", errors="replace")
    return re.findall(r"^id:\s*['\"]?([a-z0-9-]+)", text, flags=re.M)[:1]


def _content_files(folder: Path, root: Path, problems: list[Problem]) -> list[tuple[str, str]]:
    """(path, path as shown) of every practice file in a language folder, in name order."""
    content = root / "content"
    files = []
    with os.scandir(folder) as entries:
        listed = sorted((entry.name, entry) for entry in entries if not is_editor_backup(entry.name))
    for name, entry in listed:
        shown = f"content/{folder.name}/{name}"
        if entry.is_symlink() and (linked := link_out(Path(entry.path), content)):
            message = linked
        elif entry.is_dir():
            message = (
                "folders inside a language folder are not read; move the files up into "
                f"content/{folder.name}/"
            )
        elif not name.endswith(".md"):
            message = (
                f"only Markdown files (.md) belong in content/{folder.name}/; rename the file to end "
                "in .md, or move it to static/ if it is an image or a document"
            )
        else:
            files.append((entry.path, shown))
            continue
        problems.append(Problem(PurePath(shown), 1, 1, message))
    return files


def _load_pages(folder: Path, root: Path, problems: list[Problem]) -> list[StaticPage]:
    pages = []
    for lang in LANGS:
        for key in PAGE_KEYS:
            file = folder / lang / f"{key}.md"
            shown = PurePath(file.relative_to(root).as_posix())
            if not file.exists():
                where = PurePath(folder.relative_to(root).as_posix())
                problems.append(Problem(where, 1, 1, f"the page {lang}/{key}.md is missing"))
                continue
            if linked := link_out(file, root / "content"):
                problems.append(Problem(shown, 1, 1, linked))
                continue
            raw = read_bytes(file, shown)
            result = raw if isinstance(raw, list) else decode_source(raw, shown)
            if isinstance(result, list):
                problems += result
                problems += [] if isinstance(raw, list) else _text_alone(raw, shown, "", TITLE)[1]
                continue
            page, found = validate_page(result, lang, key)
            problems.extend(found)
            if page:
                pages.append(page)
    problems += _unread_pages(folder)
    return pages


def _unread_pages(folder: Path) -> list[Problem]:
    """Files and folders in content/pages/ that no page is made of (an editor's new page
    would otherwise vanish without a word); a folder's files are not listed again."""
    read = {f"{lang}/{key}.md" for lang in LANGS for key in PAGE_KEYS} | set(LANGS)
    unread: list[PurePath] = []
    for entry in sorted(folder.rglob("*")):
        name = PurePath(entry.relative_to(folder).as_posix())
        skipped = any(map(is_editor_backup, name.parts)) or any(f in name.parents for f in unread)
        if name.as_posix() not in read and not skipped:
            unread.append(name)
    pages = " and ".join(f"{key}.md" for key in PAGE_KEYS)
    message = (
        f"only {pages} are read in content/pages/fi and content/pages/sv; a practice goes in "
        "content/fi or content/sv"
    )
    return [Problem(PurePath("content/pages") / name, 1, 1, message) for name in unread]
