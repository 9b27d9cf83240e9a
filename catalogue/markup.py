"""Markdown → safe HTML. One converter reset before every document; raw HTML is sanitised.
`Documents` gives the HTML of each practice's text, cached by the hash of its file."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

import markdown
import nh3

from .cache import BuildCache
from .model import Practice
from .problems import ContentError, Problem
from .quick_inline import quicken
from .source import bytes_digest, decoded_text, read_bytes

EXTENSIONS = ["tables", "sane_lists", "toc", "smarty"]
EXTENSION_CONFIGS: dict[str, dict[str, Any]] = {
    "toc": {"slugify": lambda value, separator: _heading_id(value, separator)},
    "smarty": {
        "substitutions": {
            "left-double-quote": "”",
            "right-double-quote": "”",
            "left-single-quote": "’",
            "right-single-quote": "’",
        }
    },
}
"""Finnish and Swedish both use ” … ” and ’ … ’ as quotation marks."""

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "a",
    "em",
    "strong",
    "b",
    "i",
    "code",
    "pre",
    "blockquote",
    "abbr",
    "span",
    "q",
    "sub",
    "sup",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
    "img",
    "figure",
    "figcaption",
}
ALLOWED_ATTRIBUTES = {
    "*": {"lang", "title"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "h5": {"id"},
    "h6": {"id"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
PRACTICE_LINK = re.compile(r"\]\(practice:(?P<id>[^)\s#]*)(?P<anchor>#[^)\s]*)?\)")
ROOT_RELATIVE = re.compile(r'(href|src)="/(?!/)')


def _heading_id(value: str, separator: str) -> str:
    from .slugs import slugify

    return slugify(value) or "osio"


class Markup:
    """Markdown → sanitised HTML. One converter, reset before every document, so no state
    (heading ids, references) carries from one document to the next."""

    def __init__(self, base_path: str) -> None:
        self.base_path = base_path
        self.converter = quicken(
            markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
        )

    def to_html(self, text: str) -> str:
        html = self.converter.reset().convert(text)
        clean = nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=URL_SCHEMES,
            link_rel=None,
            strip_comments=True,
        )
        # Root-relative links and images (/static/…, /fi/…) follow the site's base path.
        if self.base_path != "/":
            clean = ROOT_RELATIVE.sub(rf'\1="{self.base_path}', clean)
        return clean


def to_html(text: str, url_of: Callable[[str], str], base_path: str) -> str:
    """Convert one Markdown document with a converter of its own; a link to a practice goes to
    url_of(its id)."""
    return resolve_placed_links(Markup(base_path).to_html(with_placeholders(text)), url_of)


PLACEHOLDER = "/__practice__/"
"""Practice links are converted pointing here and resolved when a page is made, so that a
document's HTML depends on its own file only and can be cached by that file's hash."""
PLACED = re.compile(r'href="[^"]*?/__practice__/(?P<id>[^/"]*)/')


def resolve_placed_links(html: str, url_of: Callable[[str], str]) -> str:
    """Placeholder links → the URL (base path included) of the practice with that id."""
    if PLACEHOLDER not in html:
        return html
    return PLACED.sub(lambda match: f'href="{url_of(match.group("id"))}', html)


@dataclass(frozen=True, slots=True)
class PracticeHtml:
    body: str
    criteria: dict[str, str]

    def resolved(self, url_of: Callable[[str], str]) -> PracticeHtml:
        return PracticeHtml(
            resolve_placed_links(self.body, url_of),
            {code: resolve_placed_links(html, url_of) for code, html in self.criteria.items()},
        )


class Documents:
    """The HTML of each practice's text, by the hash of its file: from the build cache, or
    read from the file again, checked against that hash, converted and remembered; and other
    texts made per practice (open-data lines). Safe to use from worker processes, which open
    the cache for themselves."""

    def __init__(self, root: Path, base_path: str, cache_path: Path | None, salt: str) -> None:
        self.root = root
        self.base_path = base_path
        self.cache_path = cache_path
        self.salt = salt
        self._cache: BuildCache | None = None
        self._pid = 0
        self._markup: Markup | None = None
        self._unsaved: dict[str, str] = {}

    def _open(self) -> BuildCache:
        if self._cache is None or self._pid != os.getpid():
            self._cache = BuildCache(self.cache_path, self.salt)
            self._pid = os.getpid()
            self._markup = None  # made when a text is first converted (it takes a fiftieth of a second)
            self._unsaved = {}
        return self._cache

    def get(self, practice: Practice) -> PracticeHtml:
        def converted() -> str:
            html = self._convert(practice)
            return json.dumps({"body": html.body, "criteria": html.criteria}, ensure_ascii=False)

        [found] = self.made(f"practice-html {self.base_path}", [(practice.text_digest, converted)])
        data = json.loads(found)
        return PracticeHtml(data["body"], data["criteria"])

    def made(self, kind: str, items: list[tuple[str, Callable[[], str]]]) -> list[str]:
        """Texts of one kind, each by (key, how to make it): from the build cache where it
        has them, else made and remembered (saved to the cache every hundred)."""
        cache = self._open()
        keys = [cache.key(kind, key) for key, _ in items]
        found = cache.get_many(keys)
        texts = []
        for key, (_, make) in zip(keys, items, strict=True):
            text = found.get(key)
            if text is None:
                text = self._unsaved[key] = make()
                if len(self._unsaved) >= 100:
                    self.save()
            texts.append(text)
        return texts

    def _convert(self, practice: Practice) -> PracticeHtml:
        shown = PurePath(practice.source)
        raw = read_bytes(self.root / practice.source, shown)
        if isinstance(raw, list) or bytes_digest(raw) != practice.digest:
            raise ContentError(
                [Problem(shown, 1, 1, "the file changed while the site was being built; build again")]
            )
        if self._markup is None:
            self._markup = Markup(self.base_path)
        convert = self._markup.to_html
        return PracticeHtml(
            convert(with_placeholders(body_text(raw, practice.body_offset))),
            {code: convert(with_placeholders(text)) for code, text in practice.criteria.items()},
        )

    def save(self) -> None:
        if self._cache is not None and self._unsaved:
            self._cache.put_many(self._unsaved)
            self._unsaved = {}


def body_text(raw: bytes, body_offset: int) -> str:
    """The text below the front matter of a file already read and checked, without parsing
    the front matter again."""
    return decoded_text(raw)[body_offset:]


def with_placeholders(text: str) -> str:
    return PRACTICE_LINK.sub(
        lambda match: f"]({PLACEHOLDER}{match.group('id')}/{match.group('anchor') or ''})", text
    )
