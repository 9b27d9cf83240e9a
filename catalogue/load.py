"""Load stage: the content folder → a checked Site, or every problem found in it."""

from __future__ import annotations

import os
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path, PurePath

import yaml

from .config import LANGS, Lang, SiteConfig
from .model import Practice, Site, StaticPage
from .problems import Problem, Severity
from .rules import check_collection
from .source import SourceDocument, read_source
from .validate import validate_page, validate_practice
from .vocabulary import Vocabulary

PAGE_KEYS = ("about", "accessibility")
"""The Markdown pages each language must have under content/pages/<lang>/<key>.md."""

PROJECT_FILES = frozenset({"vocabulary.yaml", "published-urls.txt", "redirects.yaml", "practice.schema.json"})
"""Files directly under content/ that are not practices."""


def is_editor_backup(name: str) -> bool:
    """Files editors' tools leave behind; they are never content."""
    return name.endswith(("~", ".swp", ".swo", ".tmp")) or name.startswith((".#", "#", "."))


def load_site(root: Path, config: SiteConfig, vocabulary: Vocabulary) -> tuple[Site | None, list[Problem]]:
    """Read every content file under root/content; return the site (None on errors) and all problems."""
    content = root / "content"
    problems: list[Problem] = []
    documents: list[tuple[Lang, SourceDocument]] = []
    unreadable: set[tuple[str, Lang]] = set()
    """(id, language) of files that could not be parsed, recovered from their id line."""
    pages: list[StaticPage] = []

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
            for file, result in zip(files, _read_all([(f, shown(f)) for f in files]), strict=True):
                if isinstance(result, list):
                    problems.extend(result)
                    unreadable.update((found, lang) for found in _id_lines(file))
                else:
                    documents.append((lang, result))
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

    practices: list[Practice] = []
    for lang, doc in documents:
        practice, found = validate_practice(doc, vocabulary, lang)
        problems.extend(found)
        if practice:
            practices.append(practice)
    present = {(str(doc.front.get("id")), lang) for lang, doc in documents} | unreadable
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


def _content_files(folder: Path, content: Path, shown, problems: list[Problem]) -> list[Path]:  # type: ignore[no-untyped-def]
    files = []
    for file in sorted(folder.iterdir()):
        if is_editor_backup(file.name):
            continue
        if file.is_symlink() and not file.resolve().is_relative_to(content.resolve()):
            problems.append(
                Problem(
                    shown(file),
                    1,
                    1,
                    "this is a link to a file outside content/; copy the file here instead of linking",
                )
            )
        elif file.is_dir():
            problems.append(
                Problem(
                    shown(file),
                    1,
                    1,
                    "folders inside a language folder are not read; move the files up into "
                    f"content/{folder.name}/",
                )
            )
        elif file.suffix != ".md":
            problems.append(
                Problem(
                    shown(file),
                    1,
                    1,
                    f"only Markdown files (.md) belong in content/{folder.name}/; rename the file to end "
                    "in .md, or move it to static/ if it is an image or a document",
                )
            )
        else:
            files.append(file)
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
        result = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        result = None
    if not isinstance(result, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in result.items()
    ):
        problems.append(Problem(shown(path), 1, 1, "each line should be 'old/address/: new/address/'"))
        return {}
    return {old.strip("/") + "/": new.strip("/") + "/" for old, new in result.items()}


def _id_lines(file: Path) -> list[str]:
    """The id of a file whose front matter cannot be parsed, if a line 'id: …' can be found."""
    try:
        text = file.read_bytes()[:20_000].decode("utf-8", errors="replace")
    except OSError:
        return []
    return re.findall(r"^id:\s*['\"]?([a-z0-9-]+)", text, flags=re.M)[:1]


PARALLEL_FROM = 1000
"""From this many files on, they are parsed on all cores (starting processes costs ~0.1 s)."""


def _read_one(job: tuple[Path, PurePath]) -> SourceDocument | list[Problem]:
    return read_source(*job)


def _read_all(jobs: list[tuple[Path, PurePath]]) -> list[SourceDocument | list[Problem]]:
    """Read and parse files, in order; on all cores for a large catalogue."""
    workers = os.cpu_count() or 1
    if len(jobs) < PARALLEL_FROM or workers < 2:
        return [read_source(*job) for job in jobs]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_read_one, jobs, chunksize=64))
