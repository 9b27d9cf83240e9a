"""The content model: plain, typed, immutable objects."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from .config import Lang, SiteConfig
from .vocabulary import Vocabulary


@dataclass(frozen=True, slots=True)
class Link:
    text: str
    url: str


@dataclass(frozen=True, slots=True)
class Contact:
    name: str
    organisation: str | None = None
    email: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Practice:
    """One language version of a practice, as its file says. The Markdown text itself is not
    kept: it is read again from the file (checked against `digest`) when it is converted,
    so that a large catalogue's front matter fits in memory and loads from the cache fast."""

    id: str
    lang: Lang
    slug: str
    title: str
    summary: str
    themes: tuple[str, ...]
    phases: tuple[str, ...]
    target_groups: tuple[str, ...]
    regions: tuple[str, ...]
    municipality: str | None
    organisations: tuple[str, ...]
    practice_type: str
    start_year: int
    end_year: int | None
    funding: str
    contact: Contact | None
    links: tuple[Link, ...]
    published: date
    updated: date | None
    draft: bool
    aliases: tuple[str, ...]
    """Earlier slugs whose addresses lead to this version."""
    translation_pending: bool
    translated_from: str | None
    """Substance hash of the other language version this one was translated from."""
    criteria: dict[str, str]
    """Criterion code → evidence (Markdown), in vocabulary order."""
    practice_links: tuple[tuple[str, int, int], ...]
    """(id, line, column) of every [text](practice:<id>) link in the text."""
    static_links: tuple[tuple[str, int, int], ...]
    """(path under static/, line, column) of every [text](/static/…) link in the text."""
    source: str
    """The file, as shown to editors ('content/fi/x.md')."""
    body_line: int
    body_offset: int
    """Where the text starts in the file (see source.decoded_text), to read it again later."""
    lines: str
    """Front-matter field → [line, column] in the source file, for messages, as JSON: read
    only when a message needs it (10,000 small dicts would slow down loading a catalogue)."""
    substance: str
    """Short hash of what a translator translates (see freshness.py)."""
    digest: str
    """Hash of the source file: a version's pages are planned anew when it changes."""
    front_digest: str
    """Hash of the front matter alone: what pages showing this version's facts (lists,
    related practices, the page itself apart from its text) are keyed on."""
    text_digest: str
    """Hash of the text and the criteria's evidence: what their cached HTML is keyed on (an
    edit to the title or another fact leaves it)."""
    title_key: tuple[str, str, str]
    """The title's A–Ö sort key (collation.sort_key), worked out once when the file is read."""
    encoded: bytes = field(default=b"", repr=False, compare=False)
    """Of a version loaded from the build cache: the fields that stored.py leaves encoded
    until one of them is first read (see __getattr__)."""

    if not TYPE_CHECKING:  # for type checkers, every field is always there

        def __getattr__(self, name: str) -> Any:
            """Called only for a field that is not set: one of a version loaded from the build
            cache whose fields stored.py decodes the first time one of them is read."""
            from .stored import ENCODED_FIELDS, decode_fields

            if name not in ENCODED_FIELDS:
                raise AttributeError(name)
            decode_fields(self)
            return object.__getattribute__(self, name)

    def at(self, name: str) -> tuple[int, int]:
        line, column = json.loads(self.lines).get(name, (1, 1))
        return line, column

    @property
    def last_changed(self) -> date:
        return self.updated or self.published


LANGUAGE_NEUTRAL_FIELDS = (
    "themes",
    "phases",
    "target_groups",
    "regions",
    "practice_type",
    "start_year",
    "end_year",
    "published",
)
"""Facts that are the same whatever the language; the two files of a pair must agree on them."""


@dataclass(frozen=True, slots=True)
class StaticPage:
    """An about-type page written in Markdown (about, accessibility statement)."""

    key: str
    lang: Lang
    title: str
    description: str
    body: str
    source: PurePath
    body_line: int


@dataclass(frozen=True, slots=True)
class Site:
    """Everything the render stage needs, gathered and checked before anything is written."""

    config: SiteConfig
    vocabulary: Vocabulary
    practices: tuple[Practice, ...]
    """Published practices only (drafts are dropped by the loader), in id then language order."""
    pages: tuple[StaticPage, ...]
    by_id: dict[str, dict[Lang, Practice]] = field(default_factory=dict)
    stale: frozenset[tuple[str, Lang]] = frozenset()
    """(id, language) of versions whose source has changed since they were translated."""
    redirects: dict[str, str] = field(default_factory=dict)
    """Site-relative old address → new address, from content/redirects.yaml."""

    def in_lang(self, lang: Lang) -> list[Practice]:
        return [p for p in self.practices if p.lang == lang]

    def counterpart(self, practice: Practice, lang: Lang) -> Practice | None:
        return self.by_id.get(practice.id, {}).get(lang)

    def is_stale(self, practice: Practice) -> bool:
        return (practice.id, practice.lang) in self.stale

    def page(self, key: str, lang: Lang) -> StaticPage:
        for page in self.pages:
            if page.key == key and page.lang == lang:
                return page
        raise KeyError(f"{key} ({lang})")
