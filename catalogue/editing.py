"""Helpers that change content files for editors: start a practice, mark a translation done."""

from __future__ import annotations

import re
from pathlib import Path, PurePath
from typing import Any

from .config import LANGS, Lang, SiteConfig
from .content.house_style import format_practice
from .content.load import is_editor_backup
from .content.slugs import EXAMPLE_SLUG, LONGEST_SEGMENT, is_slug, shortened, slugify, title_slug
from .content.source import SourceDocument, read_source
from .content.validate import validate_practice
from .content.vocabulary import load_vocabulary


class EditError(Exception):
    """The helper cannot do what was asked; the message says why."""


def _documents(root: Path) -> list[tuple[Lang, Path, SourceDocument]]:
    found: list[tuple[Lang, Path, SourceDocument]] = []
    for lang in ("fi", "sv"):
        for file in sorted((root / "content" / lang).glob("*.md")):
            if is_editor_backup(file.name):
                continue
            doc = read_source(file, PurePath(file.relative_to(root).as_posix()))
            if not isinstance(doc, list):
                found.append((lang, file, doc))
    return found


EVIDENCE_PLACEHOLDER: dict[Lang, str] = {"fi": "Kirjoita näyttö tähän.", "sv": "Skriv belägget här."}
"""What `new` writes as each criterion's evidence, in the file's language (the check refuses it
once the practice is published: validate.PLACEHOLDER)."""


def _draft_front(
    practice_id: str, title: str, slug: str, criteria_codes: list[str], lang: Lang
) -> dict[str, Any]:
    """Every field a practice needs, with placeholders the check refuses once draft is false."""
    return {
        "id": practice_id,
        "title": title,
        "slug": slug,
        "summary": "...",
        "themes": ["..."],
        "phases": ["..."],
        "target_groups": ["..."],
        "regions": ["..."],
        "municipality": "...",
        "organisations": ["..."],
        "practice_type": "...",
        "start_year": "...",
        "funding": "...",
        "contact": {"name": "..."},
        "published": "...",
        "draft": True,
        "criteria": {code: EVIDENCE_PLACEHOLDER[lang] for code in criteria_codes},
    }


def new_practice(root: Path, fi_title: str, sv_title: str, practice_id: str | None) -> list[PurePath]:
    """Write content/fi/<id>.md and content/sv/<id>.md as drafts with every field, in house style.
    A title is written on one line (one pasted from a document may have a line break, which
    the check refuses)."""
    fi_title, sv_title = " ".join(fi_title.split()), " ".join(sv_title.split())
    if practice_id is None and not slugify(fi_title):
        raise EditError(
            f"the Finnish title {fi_title!r} gives no id; give one with --id, such as "
            f"'{title_slug(sv_title) or EXAMPLE_SLUG}'"
        )
    practice_id = practice_id or title_slug(fi_title)
    if not is_slug(practice_id):
        raise EditError(
            f"the id '{practice_id}' may contain only a-z, 0-9 and hyphens, such as "
            f"'{title_slug(practice_id) or EXAMPLE_SLUG}'"
        )
    if len(practice_id) > LONGEST_SEGMENT:
        raise EditError(
            f"the id '{practice_id}' is {len(practice_id)} characters long; give one of at most "
            f"{LONGEST_SEGMENT}, such as '{shortened(practice_id)}'"
        )
    if any(doc.front.get("id") == practice_id for _, _, doc in _documents(root)):
        raise EditError(f"the id '{practice_id}' is already used; choose another with --id")
    criteria_codes = load_vocabulary(root / "content/vocabulary.yaml").codes("criteria")
    created = []
    titles: dict[Lang, str] = {"fi": fi_title, "sv": sv_title}
    for lang, title in titles.items():
        slug = title_slug(title)
        if not slug:
            raise EditError(f"the title {title!r} cannot make an address; use letters")
        path = root / "content" / lang / f"{practice_id}.md"
        if path.exists():
            raise EditError(f"{path.relative_to(root).as_posix()} exists already")
        heading = "## Tausta" if lang == "fi" else "## Bakgrund"
        front = _draft_front(practice_id, title, slug, criteria_codes, lang)
        created.append((path, format_practice(front, f"{heading}\n\n...\n", criteria_codes)))
    for path, text in created:
        path.write_text(text, encoding="utf-8")
    return [PurePath(path.relative_to(root).as_posix()) for path, _ in created]


def mark_translated(root: Path, config: SiteConfig, file: Path) -> str:
    """Record in `file` the substance hash of its other language version as it is now."""
    target = (file if file.is_absolute() else Path.cwd() / file).resolve()
    if not target.exists() and (root / file).exists():
        target = (root / file).resolve()
    documents = _documents(root)
    mine = next(((lang, path, doc) for lang, path, doc in documents if path.resolve() == target), None)
    if mine is None and target.is_dir():
        raise EditError(f"{file} is a folder; name one practice file in it: {file.as_posix()}/<name>.md")
    if mine is None and not target.is_file():
        exact = root / "content" / file
        near = [exact] if exact.is_file() else sorted(root.glob(f"content/[fs][iv]/{file.name}"))
        hint = (
            f"did you mean {' or '.join(path.relative_to(root).as_posix() for path in near)}?"
            if near
            else "the practices are content/fi/*.md and content/sv/*.md"
        )
        raise EditError(f"there is no file {file}; {hint}")
    if mine is None and target.parent not in {(root / "content" / lang).resolve() for lang in LANGS}:
        where = f"the project in {root}: content/fi/*.md and content/sv/*.md"
        raise EditError(f"{file} is not one of the practices of {where}")
    if mine is None:
        raise EditError(f"{file} is not a practice file that can be read; run `python build.py check`")
    lang, path, doc = mine
    other_lang: Lang = "sv" if lang == "fi" else "fi"
    source = next(
        ((p, d) for lg, p, d in documents if lg == other_lang and d.front.get("id") == doc.front.get("id")),
        None,
    )
    if source is None:
        raise EditError(
            f"no {other_lang} file with the id '{doc.front.get('id')}' can be read; "
            "if there is one, `python build.py check` tells what is wrong with it"
        )
    vocabulary = load_vocabulary(root / "content/vocabulary.yaml")
    practice, checked, _ = validate_practice(source[1], vocabulary, other_lang)
    if practice is None:
        raise EditError(f"{source[1].path.as_posix()} has problems; run `python build.py check`")
    digest = checked.substance
    text = path.read_text(encoding="utf-8")
    head, separator, rest = text.partition("\n---")
    if re.search(r"^translated_from:.*$", head, flags=re.M):
        head = re.sub(r"^translated_from:.*$", f"translated_from: {digest}", head, flags=re.M)
    else:
        head = head.rstrip("\n") + f"\ntranslated_from: {digest}"
    path.write_text(head + separator + rest, encoding="utf-8")
    return (
        f"{doc.path.as_posix()}: translated_from is now {digest} ({source[1].path.as_posix()} as it is now)."
    )
