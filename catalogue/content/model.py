"""The content model: plain, typed, immutable records."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath
from typing import NamedTuple

from ..config import Lang, SiteConfig
from ..problems import Problem
from .fields import FIELD_INDEX
from .vocabulary import Vocabulary


class Link(NamedTuple):
    text: str
    url: str


class Contact(NamedTuple):
    name: str
    organisation: str | None = None
    email: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Practice:
    """One language version of a practice: its checked front matter. The text below the
    front matter is a `Text` of its own, so that lists, related practices and open data,
    which show a practice's facts, do not depend on its text."""

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
    source: str
    """The file, as shown to editors ('content/fi/x.md')."""
    positions: tuple[int, ...]
    """Where each front-matter field is in the file, for messages (see `flat_positions`)."""
    title_key: tuple[str, str, str]
    """The title's A–Ö sort key (collation.sort_key)."""
    title_hyphenated: str
    """The title with soft hyphens where a heading may break it on a phone
    (hyphenation.hyphenated_heading), made with the record: a page that shows the title then
    loads no hyphenation dictionary, which took half of a rebuild of the real catalogue."""
    digest: str
    """A hash of the file's path and front matter: everything above is made from them and
    the vocabulary, so a page that shows this record counts it by this hash."""

    def at(self, name: str) -> tuple[int, int]:
        index = 2 * FIELD_INDEX[name]
        return self.positions[index], self.positions[index + 1]

    @property
    def last_changed(self) -> date:
        return self.updated or self.published


def flat_positions(found: dict[str, tuple[int, int]]) -> tuple[int, ...]:
    """Field → (line, column) as `Practice.positions` holds it: line and column of each field
    in the order of fields.FIELDS, 1 and 1 for a field the file lacks (one flat tuple of
    numbers loads from the build cache far faster than a table of pairs, for thousands of
    files)."""
    return tuple(number for field in FIELD_INDEX for number in found.get(field, (1, 1)))


class Links(NamedTuple):
    """A Markdown text's links to this site, each as (target, line, column)."""

    practices: tuple[tuple[str, int, int], ...]
    """[text](practice:<id>): the id."""
    files: tuple[tuple[str, int, int], ...]
    """[text](/static/…): the path under static/."""
    pages: tuple[tuple[str, int, int], ...]
    """Any other link to this site ([text](/fi/teemat/)): its address without the slash in front."""
    full_pages: tuple[tuple[str, int, int], ...] = ()
    """[text](https://…/fi/…): a full address that may be a page of this site (its pages are below
    fi/ and sv/), as written; whether it is, its base_url (a setting) tells when the whole site
    is checked."""
    sections: tuple[tuple[str, str, int, int], ...] = ()
    """[text](practice:<id>#heading), [text](/fi/x/#heading), [text](#heading): the practice
    ('practice:<id>') or address (as in `pages`) or, for this text's own page, '', and the
    heading's id."""


class Text(NamedTuple):
    """What a practice file holds below its front matter, as far as checks need it; `digest`,
    the file's key in the build cache (a hash of its bytes in their context, see
    `load.checked_key`), finds its Markdown there (whose HTML is kept by each text's own hash)."""

    digest: str
    line: int
    """The line of the file on which the text starts."""
    links: Links
    """The links of the text and of the criteria's evidence."""
    substance: str
    """Short hash of what a translator translates (see freshness.py); empty, as are `lines`,
    for a file with mistakes, whose Text serves only to check its links."""
    lines: bytes = b""
    """The text's longer lines, hashed, to find those left untranslated (freshness.line_keys)."""
    language: Lang | None = None
    """The language the text is written in, where its common words leave no doubt
    (freshness.written_in): a version saved in the other language's folder shows by it."""


class FileResult(NamedTuple):
    """One practice file, read and checked on its own."""

    practice: Practice | None
    text: Text | None
    problems: list[Problem]
    ids: tuple[str, ...]
    """The id the file declares, valid or not (so that a broken file is not also reported as
    a missing translation of its twin)."""
    slugs: tuple[str, ...] | None = ()
    """The slug and aliases a file with mistakes declares, valid or not; None if its front
    matter cannot be read. A link to the pages they name is not reported meanwhile."""
    needs_twin: bool = False
    """A file with mistakes that is neither a draft nor waiting for its translation, as far as
    its front matter says: its other language's version is missing, if it is, at once too."""
    at: tuple[tuple[int, int], tuple[int, int]] | None = None
    """Where a file with mistakes declares its id and its slug (line, column): a copy of another
    practice's file is told there that they are the other's."""


class Unchecked(NamedTuple):
    """A practice file with mistakes, as far as it can be read."""

    source: str
    lang: Lang
    links: Links | None
    ids: tuple[str, ...]
    slugs: tuple[str, ...] | None
    """See FileResult.slugs."""
    needs_twin: bool
    """See FileResult.needs_twin."""
    at: tuple[tuple[int, int], tuple[int, int]] | None
    """See FileResult.at."""

    @classmethod
    def of(cls, source: str, lang: Lang, result: FileResult) -> Unchecked:
        links = result.text.links if result.text else None
        return cls(source, lang, links, result.ids, result.slugs, result.needs_twin, result.at)


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


def other_lang(lang: Lang) -> Lang:
    return "sv" if lang == "fi" else "fi"


def twin_source(source: str, lang: Lang) -> str:
    """The other language's file of the same name (content/sv/x.md for content/fi/x.md): the
    file the web editor pairs it with."""
    folder, name = posixpath.split(source)
    return posixpath.join(posixpath.dirname(folder), other_lang(lang), name)


class StaticPage(NamedTuple):
    """An about-type page written in Markdown (about, accessibility statement)."""

    key: str
    lang: Lang
    title: str
    description: str
    body: str
    source: PurePath
    body_line: int
    links: Links


class Redirect(NamedTuple):
    """A line of content/redirects.yaml: where an old address leads."""

    target: str
    """Site-relative, ending in '/'."""
    line: int


@dataclass(frozen=True, slots=True)
class Site:
    """Everything the later stages need, gathered and checked before anything is written."""

    config: SiteConfig
    vocabulary: Vocabulary
    practices: tuple[Practice, ...]
    """Published practices only (drafts are dropped by the loader), in id then language order."""
    texts: dict[tuple[str, Lang], Text]
    """(id, language) → the text of each published practice."""
    pages: tuple[StaticPage, ...]
    stale: frozenset[tuple[str, Lang]] = frozenset()
    """(id, language) of versions whose source has changed since they were translated."""
    redirects: dict[str, Redirect] = field(default_factory=dict)
    """Site-relative old address → where it leads, from content/redirects.yaml."""
    drafts: tuple[Practice, ...] = ()
    """Practices kept as drafts: not published (a published one made a draft again is reported)."""
    by_id: dict[str, dict[Lang, Practice]] = field(init=False)
    """Practice id → its published language versions."""

    def __post_init__(self) -> None:
        by_id: dict[str, dict[Lang, Practice]] = {}
        for practice in self.practices:
            by_id.setdefault(practice.id, {})[practice.lang] = practice
        object.__setattr__(self, "by_id", by_id)

    def in_lang(self, lang: Lang) -> list[Practice]:
        return [p for p in self.practices if p.lang == lang]

    def counterpart(self, practice: Practice) -> Practice | None:
        return self.by_id.get(practice.id, {}).get(other_lang(practice.lang))

    def text(self, practice: Practice) -> Text:
        return self.texts[(practice.id, practice.lang)]

    def page(self, key: str, lang: Lang) -> StaticPage:
        for page in self.pages:
            if page.key == key and page.lang == lang:
                return page
        raise KeyError(f"{key} ({lang})")
