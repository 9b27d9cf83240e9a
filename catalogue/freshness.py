"""Whether a translation is up to date, without git history: a translation records a hash
of the substance of the version it was translated from (translated_from), and the check
compares it with the hash of that version now."""

from __future__ import annotations

import hashlib
import re

from .model import Practice

HASH_LENGTH = 12


def substance_hash(p: Practice) -> str:
    """A short hash of what a translator translates: title, summary, text, criteria, links.
    Whitespace and line wrapping do not count."""
    parts = [p.title, p.summary, p.body, *p.criteria.values(), *(link.text for link in p.links)]
    text = re.sub(r"\s+", " ", "\u241e".join(parts)).strip()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]
