"""Helpers that change content files for editors: start a practice, mark a translation done."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path, PurePath

from .config import Lang, SiteConfig
from .content.fields import FIELDS
from .content.load import is_editor_backup
from .content.slugs import is_slug, slugify
from .content.source import SourceDocument, read_source
from .content.validate import validate_practice
from .content.vocabulary import load_vocabulary

HINTS = {field.name: field.help for field in FIELDS}


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


def _template(practice_id: str, title: str, slug: str, lang: Lang, criteria_codes: list[str]) -> str:
    today = date.today().isoformat()
    criteria = "\n".join(f"  {code}: Kirjoita näyttö tähän. / Skriv belägget här." for code in criteria_codes)
    heading = "## Tausta" if lang == "fi" else "## Bakgrund"
    return f"""---
# {HINTS["draft"]} Set draft: false when the practice is ready to publish.
draft: true
id: {practice_id}  # {HINTS["id"]}
title: "{title}"  # {HINTS["title"]}
slug: {slug}  # {HINTS["slug"]}
summary: "..."  # {HINTS["summary"]}
themes: [basic-info-guidance]  # {HINTS["themes"]}
phases: [guidance-advice]  # {HINTS["phases"]}
target_groups: [all-immigrants]  # {HINTS["target_groups"]}
regions: [national]  # {HINTS["regions"]}
municipality: "..."  # {HINTS["municipality"]}
organisations: ["..."]  # {HINTS["organisations"]}
practice_type: new-operating-model  # {HINTS["practice_type"]}
start_year: {date.today().year}  # {HINTS["start_year"]}
# end_year: {date.today().year}  # {HINTS["end_year"]}
funding: "..."  # {HINTS["funding"]}
contact:  # {HINTS["contact"]}
  name: "..."
links: []  # {HINTS["links"]}
published: {today}  # {HINTS["published"]}
# updated: {today}  # {HINTS["updated"]}
translation_pending: false  # {HINTS["translation_pending"]}
criteria:  # {HINTS["criteria"]}
{criteria}
---
{heading}

...
"""


def new_practice(root: Path, fi_title: str, sv_title: str, practice_id: str | None) -> list[PurePath]:
    """Write content/fi/<slug>.md and content/sv/<slug>.md as drafts with every field."""
    practice_id = practice_id or slugify(fi_title)
    if not is_slug(practice_id):
        raise EditError(
            f"the id '{practice_id}' may contain only a-z, 0-9 and hyphens, such as 'my-practice'"
        )
    if any(doc.front.get("id") == practice_id for _, _, doc in _documents(root)):
        raise EditError(f"the id '{practice_id}' is already used; choose another with --id")
    criteria_codes = load_vocabulary(root / "content/vocabulary.yaml").codes("criteria")
    created = []
    for lang, title in (("fi", fi_title), ("sv", sv_title)):
        slug = slugify(title)
        if not slug or '"' in title:
            raise EditError(f"the title {title!r} cannot make an address; use letters and without quotes")
        path = root / "content" / lang / f"{slug}.md"
        if path.exists():
            raise EditError(f"{path.relative_to(root).as_posix()} exists already")
        created.append((path, _template(practice_id, title, slug, lang, criteria_codes)))  # type: ignore[arg-type]
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
    if mine is None:
        raise EditError(f"{file} is not a practice file that can be read; run `python build.py check`")
    lang, path, doc = mine
    other_lang: Lang = "sv" if lang == "fi" else "fi"
    source = next(
        ((p, d) for lg, p, d in documents if lg == other_lang and d.front.get("id") == doc.front.get("id")),
        None,
    )
    if source is None:
        raise EditError(f"no {other_lang} file has the id '{doc.front.get('id')}'")
    vocabulary = load_vocabulary(root / "content/vocabulary.yaml")
    checked, _ = validate_practice(source[1], vocabulary, other_lang)
    if checked is None:
        raise EditError(f"{source[1].path.as_posix()} has problems; run `python build.py check`")
    digest = checked[1].substance
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
