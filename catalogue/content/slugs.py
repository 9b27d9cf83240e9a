"""URL segments made from text: lower case ASCII letters, digits and hyphens."""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePath

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LONGEST_SEGMENT = 120
"""The most characters of a slug, an id or any part of an address: each part is a folder's name
in the output, which file systems keep within 255 bytes (and an address this long is already
past reading)."""
EXAMPLE_SLUG = "kielikahvila-oulu"
"""A slug to show as an example where the text at hand gives none."""


def shortened(slug: str) -> str:
    """A slug cut at a hyphen to at most 60 characters: an example of a shorter one."""
    return slug[:61].rsplit("-", 1)[0] if len(slug) > 60 and "-" in slug[:61] else slug[:60]


def slugify(text: str) -> str:
    """'Kotoutumiskoulutus ja kielikoulutus' → 'kotoutumiskoulutus-ja-kielikoulutus'; ä → a, å → a."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def title_slug(title: str) -> str:
    """A slug to suggest for a practice: its title's, at most 60 characters."""
    return shortened(slugify(title))


def is_slug(text: str) -> bool:
    return bool(SLUG_PATTERN.match(text))


def name_id(file: str | PurePath) -> str:
    """The id a practice file's name gives (content/fi/narpes-model.md: narpes-model), as a
    practice's two files are named after its id; '' if the name is no id."""
    stem = PurePath(file).stem
    return stem if is_slug(stem) and len(stem) <= LONGEST_SEGMENT else ""
