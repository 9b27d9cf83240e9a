"""URL segments made from text: lower case ASCII letters, digits and hyphens."""

from __future__ import annotations

import re
import unicodedata

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slugify(text: str) -> str:
    """'Kotoutumiskoulutus ja kielikoulutus' → 'kotoutumiskoulutus-ja-kielikoulutus'; ä → a, å → a."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def is_slug(text: str) -> bool:
    return bool(SLUG_PATTERN.match(text))
