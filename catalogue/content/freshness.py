"""Whether a translation is up to date, without git history: a translation records a hash
of the substance of the version it was translated from (translated_from), and the check
compares it with the hash of that version now."""

from __future__ import annotations

import hashlib

HASH_LENGTH = 12


def substance_hash(title: str, summary: str, body: str, criteria: list[str], link_texts: list[str]) -> str:
    """A short hash of what a translator translates: title, summary, text, criteria, links.
    Whitespace and line wrapping do not count."""
    parts = [title, summary, body, *criteria, *link_texts]
    text = " ".join("\u241e".join(parts).split())  # runs of whitespace as one space, ends trimmed
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]
