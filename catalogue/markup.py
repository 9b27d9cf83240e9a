"""Markdown → safe HTML. A fresh converter for every document; raw HTML is sanitised."""

from __future__ import annotations

import re
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import markdown
import nh3

from .cache import BuildCache

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


def resolve_practice_links(text: str, resolve_link: Callable[[str], str | None]) -> str:
    """[text](practice:<id>) → [text](/fi/kaytannot/<slug>/) in the renderer's language."""

    def practice_link(match: re.Match[str]) -> str:
        url = resolve_link(match.group("id")) or "#"
        return f"]({url}{match.group('anchor') or ''})"

    return PRACTICE_LINK.sub(practice_link, text)


class Markup:
    """Markdown → sanitised HTML. One converter, reset before every document, so no state
    (heading ids, references) carries from one document to the next."""

    def __init__(self, base_path: str) -> None:
        self.base_path = base_path
        self.converter = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)

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


def to_html(text: str, resolve_link: Callable[[str], str | None], base_path: str) -> str:
    """Convert one Markdown document with a converter of its own."""
    return Markup(base_path).to_html(resolve_practice_links(text, resolve_link))


def _convert_chunk(job: tuple[str, list[str]]) -> list[str]:
    base_path, texts = job
    markup = Markup(base_path)
    return [markup.to_html(text) for text in texts]


PARALLEL_FROM = 400
"""Below this many documents to convert, starting worker processes costs more than it saves."""


def convert_all(texts: list[str], base_path: str, cache: BuildCache, workers: int) -> dict[str, str]:
    """HTML for every distinct text: from the cache where possible, the rest converted on
    `workers` processes. The result depends only on the texts, never on timing or order."""
    distinct = sorted(set(texts))
    keys = {text: cache.key("markdown", base_path, text) for text in distinct}
    cached = cache.get_many(list(keys.values()))
    result = {text: cached[key] for text, key in keys.items() if key in cached}
    missing = [text for text in distinct if text not in result]
    if len(missing) >= PARALLEL_FROM and workers > 1:
        size = -(-len(missing) // (workers * 4))
        chunks = [missing[i : i + size] for i in range(0, len(missing), size)]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            converted = [
                html for part in pool.map(_convert_chunk, [(base_path, c) for c in chunks]) for html in part
            ]
    else:
        converted = _convert_chunk((base_path, missing))
    fresh = dict(zip(missing, converted, strict=True))
    cache.put_many({keys[text]: html for text, html in fresh.items()})
    return result | fresh
