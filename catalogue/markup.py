"""Markdown → safe HTML. A fresh converter for every document; raw HTML is sanitised."""

from __future__ import annotations

import re
from collections.abc import Callable

import markdown
import nh3

EXTENSIONS = ["tables", "sane_lists", "toc", "smarty"]
EXTENSION_CONFIGS = {
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

    def __init__(self, base_path: str, resolve_link: Callable[[str], str | None]) -> None:
        self.base_path = base_path
        self.resolve_link = resolve_link
        self.converter = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)

    def to_html(self, text: str) -> str:
        def practice_link(match: re.Match[str]) -> str:
            url = self.resolve_link(match.group("id")) or "#"
            return f"]({url}{match.group('anchor') or ''})"

        text = PRACTICE_LINK.sub(practice_link, text)
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
    return Markup(base_path, resolve_link).to_html(text)
