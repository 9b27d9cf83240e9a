"""Load stage: the content folder → a checked Site, or every problem found in it."""

from __future__ import annotations

import re
from pathlib import Path, PurePath

from .config import LANGS, Lang, SiteConfig
from .model import LANGUAGE_NEUTRAL_FIELDS, Practice, Site, StaticPage
from .problems import Problem, Severity
from .source import SourceDocument, read_source
from .validate import validate_page, validate_practice
from .vocabulary import Vocabulary

PAGE_KEYS = ("about", "accessibility")
"""The Markdown pages each language must have under content/pages/<lang>/<key>.md."""

LANGUAGE_NAMES = {"fi": "Finnish", "sv": "Swedish"}
PRACTICE_LINK = re.compile(r"\]\(practice:(?P<id>[^)\s#]*)(?P<anchor>#[^)\s]*)?\)")
STATIC_LINK = re.compile(r"\]\(/static/(?P<path>[^)\s#?]+)")


def is_editor_backup(name: str) -> bool:
    """Files editors' tools leave behind; they are never content."""
    return name.endswith(("~", ".swp", ".swo", ".tmp")) or name.startswith((".#", "#", "."))


def load_site(root: Path, config: SiteConfig, vocabulary: Vocabulary) -> tuple[Site | None, list[Problem]]:
    """Read every content file under root/content; return the site (None on errors) and all problems."""
    content = root / "content"
    problems: list[Problem] = []
    documents: list[tuple[Lang, SourceDocument]] = []
    pages: list[StaticPage] = []

    def shown(path: Path) -> PurePath:
        return PurePath(path.relative_to(root).as_posix())

    for entry in sorted(content.iterdir()):
        if entry.name == "vocabulary.yaml" or is_editor_backup(entry.name):
            continue
        if entry.name == "pages" and entry.is_dir():
            pages.extend(_load_pages(entry, shown, problems))
        elif entry.is_dir() and entry.name in LANGS:
            lang: Lang = entry.name  # type: ignore[assignment]
            for file in _content_files(entry, content, shown, problems):
                result = read_source(file, shown(file))
                if isinstance(result, list):
                    problems.extend(result)
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
    present = {(str(doc.front.get("id")), lang) for lang, doc in documents}
    problems.extend(_check_collection(practices, present, root))
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    published = sorted((p for p in practices if not p.draft), key=lambda p: (p.id, p.lang))
    by_id: dict[str, dict[Lang, Practice]] = {}
    for practice in published:
        by_id.setdefault(practice.id, {})[practice.lang] = practice
    site = Site(config, vocabulary, tuple(published), tuple(pages), by_id)
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


def _check_collection(practices: list[Practice], present: set[tuple[str, Lang]], root: Path) -> list[Problem]:
    """Rules across files: unique ids and addresses, agreeing pairs, links that resolve.

    `present` holds (id, language) of every file read, valid or not, so that a broken
    file is not reported a second time as a missing translation of its twin.
    """
    problems: list[Problem] = []
    by_key: dict[tuple[str, Lang], Practice] = {}
    by_slug: dict[tuple[str, Lang], Practice] = {}
    for practice in practices:
        first = by_key.setdefault((practice.id, practice.lang), practice)
        if first is not practice:
            problems.append(
                _at(
                    practice,
                    "id",
                    f"id '{practice.id}' is already used by {first.source.as_posix()}; "
                    "each practice needs its own id in each language",
                )
            )
        first = by_slug.setdefault((practice.slug, practice.lang), practice)
        if first is not practice:
            problems.append(
                _at(
                    practice,
                    "slug",
                    f"slug '{practice.slug}' is already used by {first.source.as_posix()}; two practices "
                    "cannot have the same address, so choose another slug",
                )
            )
    ids = {p.id for p in practices}
    for practice in practices:
        if practice.draft:
            continue
        other_lang: Lang = "sv" if practice.lang == "fi" else "fi"
        other = by_key.get((practice.id, other_lang))
        broken_twin = other is None and (practice.id, other_lang) in present
        if (other is None or other.draft) and not broken_twin:
            problems.append(
                Problem(
                    practice.source,
                    1,
                    1,
                    f"there is no published {LANGUAGE_NAMES[other_lang]} version of '{practice.id}' yet; "
                    f"the site tells {LANGUAGE_NAMES[other_lang]} readers so",
                    Severity.WARNING,
                )
            )
        elif other and practice.lang == "sv":
            problems.extend(_compare_pair(other, practice))
        problems.extend(_check_links(practice, ids, root))
    return problems


def _compare_pair(fi: Practice, sv: Practice) -> list[Problem]:
    problems = []
    for name in LANGUAGE_NEUTRAL_FIELDS:
        a, b = getattr(fi, name), getattr(sv, name)
        if isinstance(a, tuple):
            a, b = sorted(a), sorted(b)
        if a != b:
            problems.append(
                _at(
                    sv,
                    name,
                    f"{name} differs from {fi.source.as_posix()} ({_show(getattr(sv, name))} here, "
                    f"{_show(getattr(fi, name))} there); the two language versions must agree",
                )
            )
    return problems


def _at(practice: Practice, field: str, message: str) -> Problem:
    """An error at the line of a practice's field."""
    line, column = practice.at(field)
    return Problem(practice.source, line, column, message)


def _show(value: object) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(value) + "]"
    return str(value)


def _check_links(practice: Practice, ids: set[str], root: Path) -> list[Problem]:
    problems = []
    for offset, line in enumerate(practice.body.split("\n")):
        number = practice.body_line + offset
        for match in PRACTICE_LINK.finditer(line):
            if match.group("id") not in ids:
                problems.append(
                    Problem(
                        practice.source,
                        number,
                        match.start() + 3,
                        f"no practice has the id '{match.group('id')}'; link to another practice "
                        "with [text](practice:its-id)",
                    )
                )
        for match in STATIC_LINK.finditer(line):
            target = root / "static" / match.group("path")
            if not target.is_file() or not target.resolve().is_relative_to((root / "static").resolve()):
                problems.append(
                    Problem(
                        practice.source,
                        number,
                        match.start() + 3,
                        f"the file static/{match.group('path')} does not exist; check the name, "
                        "or add the file under static/",
                    )
                )
    return problems
