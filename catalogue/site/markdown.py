"""Markdown → safe HTML. One converter reset before every document; raw HTML is sanitised.

The HTML of a text depends on the text alone: links to other practices and root-relative
links (/static/…) are left as placeholders, filled in when a page is made (`placed`), so that
the HTML can be kept in the build cache by the hash of the text."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from html import unescape
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import unquote

import nh3
from markupsafe import Markup, escape

from ..content.html_policy import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, URL_SCHEMES, VALUES, kept_value
from ..content.slugs import slugify
from ..content.text_links import links_in, practice_id
from .line_breaks import breakable_address

if TYPE_CHECKING:
    from markdown import Markdown
    from markdown.extensions import Extension

QUOTES = {
    "left-double-quote": "”",
    "right-double-quote": "”",
    "left-single-quote": "’",
    "right-single-quote": "’",
}
"""Finnish and Swedish both use ” … ” and ’ … ’ as quotation marks."""


def extensions(typographic: bool = True) -> list[Extension]:
    """The Python-Markdown extensions the site uses, as objects: named by a string, each
    would first be looked for among every installed package's entry points (about 25 ms in
    every process that converts a text). `typographic`: with Smarty (see `Converter`)."""
    from markdown.extensions.sane_lists import SaneListExtension
    from markdown.extensions.smarty import SmartyExtension
    from markdown.extensions.tables import TableExtension
    from markdown.extensions.toc import TocExtension

    return [
        TableExtension(),
        SaneListExtension(),
        TocExtension(slugify=_heading_id),
        *([SmartyExtension(substitutions=QUOTES)] if typographic else []),
    ]


SMARTY_CHANGES = re.compile(r"""['"]|--|\.\.\.""")
"""What Smarty's patterns can change: quotes, two or three dashes, three dots. Its pass over
a text is about half of converting it, and a text without any of these it leaves as it was."""

PLAIN_LINE = re.compile(r"[^\W\d_](?:[^\W_]|[ ,.;:?!()%/+–—-])*(?<! )")
"""One line of words and plain punctuation that begins with a letter, as a criterion's
evidence usually is: Python-Markdown makes it one paragraph of the same text (no block or
inline pattern takes any of it, nothing in it needs escaping), so it need not go through it."""

ADDRESS_SHOWN = re.compile(r"(<a\b[^>]*>)((?:https?://|www\.)[^<\s]+|[^<\s@]+@[^<\s@]+)(?=</a>)")
"""A link that shows its own web or email address, as <https://…> in Markdown makes one."""
ROOT_RELATIVE = re.compile(r'(href|src)="/(?!/)')
PLACEHOLDER = "/__practice__/"
PLACED = re.compile(r'href="/__practice__/(?P<id>[^/"]*)/')


PRACTICE_PAGE_IDS = frozenset(
    {
        "main",
        "facts-heading",
        "permalink-label",
        "toc-heading",
        "description",
        "criteria",
        "criteria-heading",
        "links",
        "links-heading",
        "cite",
        "cite-heading",
        "related-heading",
    }
)
"""The ids of a practice page's own parts (templates/base.html and practice.html), besides
each criterion's (criterion-<code>) and those of its text's headings; a test compares them
with the built pages."""
PAGE_IDS = frozenset({"main", "open-data"})
"""The ids of an about page's own parts (templates/base.html and page.html)."""
VALUED = re.compile(rf"\s(?:{'|'.join(VALUES)})\s*=", re.IGNORECASE)
"""An attribute whose value the sanitiser looks at (`VALUES`)."""
HEADING_ID = re.compile(r'(<h[2-6]\b[^>]*?\sid=")([^"]*)(")')


def _heading_id(value: str, separator: str) -> str:
    return slugify(value) or "osio"


class Converter:
    """Markdown → sanitised HTML with placeholders. One converter, reset before every
    document, so no state (heading ids, references) carries from one document to the next.
    A text that Smarty would leave as it is goes through a converter without it: the same
    HTML (a test compares them), in about half the time. A plain line (`PLAIN_LINE`) is made a
    paragraph without either (a test compares that too)."""

    def __init__(self) -> None:
        self.converters: dict[bool, Markdown] = {}

    def convert(self, text: str) -> str:
        if PLAIN_LINE.fullmatch(text) and not SMARTY_CHANGES.search(text):
            return f"<p>{text}</p>"
        linked = _linked(text)
        html = self._clean(self._markdown(bool(SMARTY_CHANGES.search(linked))).reset().convert(linked))
        return ADDRESS_SHOWN.sub(_breakable, html) if "<a" in html else html

    def _markdown(self, typographic: bool) -> Markdown:
        if typographic not in self.converters:
            import markdown  # only when a text is converted: most rebuilds convert none

            self.converters[typographic] = markdown.Markdown(extensions=extensions(typographic))
        return self.converters[typographic]

    @staticmethod
    def _clean(html: str) -> str:
        """Sanitised; the values of attributes looked at only where the HTML has any of those
        attributes (Markdown itself writes none but a list's start)."""
        valued = VALUED.search(html) is not None
        return nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=URL_SCHEMES,
            link_rel=None,
            strip_comments=True,
            attribute_filter=kept_value if valued else None,
        )


def _linked(text: str) -> str:
    """Links to practices pointed at placeholders (see `placed`)."""
    if "practice:" not in text:
        return text
    parts, end = [], 0
    for link in links_in(text, 1):
        if (linked := practice_id(link)) is not None:
            anchor = link.target[len(f"practice:{linked}") :]
            parts += [text[end : link.start], f"{PLACEHOLDER}{linked}/{anchor}"]
            end = link.start + len(link.target)
    return "".join(parts) + text[end:]


def _breakable(link: re.Match[str]) -> str:
    """A link's address shown as its text, breakable on a phone only between its parts (see
    line_breaks.breakable_address)."""
    return link[1] + str(breakable_address(unescape(link[2])))


ImageSizes = Mapping[str, tuple[int, int]]
"""Path under static/ → width and height of each image there."""

STATIC_IMAGE = re.compile(r'<img\b[^>]*\bsrc="/static/(?P<path>[^"]+)"[^>]*>')


def placed(html: str, base_path: str, url_of: Callable[[str], str], image_sizes: ImageSizes) -> str:
    """Placeholder links → the URL of the practice with that id (`url_of`, site-relative);
    root-relative links follow the site's base path; images of static/ are given their width
    and height (`sized`)."""
    if PLACEHOLDER in html:
        html = PLACED.sub(lambda match: f'href="/{url_of(match["id"])}', html)
    if "<img" in html:
        html = STATIC_IMAGE.sub(lambda match: sized(match, image_sizes), html)
    return ROOT_RELATIVE.sub(rf'\1="{base_path}', html) if base_path != "/" else html


def sized(image: re.Match[str], image_sizes: ImageSizes) -> str:
    """An image tag with the width and height of its file, so that the page keeps the image's
    place while it loads instead of moving the text below it (one the editor gave a width or
    a height in HTML is left as written)."""
    tag, size = image[0], image_sizes.get(unquote(unescape(image["path"])))
    if size is None or re.search(r"\s(?:width|height)=", tag):
        return tag
    return f'{tag[:-1].rstrip("/ ")} width="{size[0]}" height="{size[1]}">'


def page_html(text: str) -> str:
    """An about page's text → its HTML with placeholders, each heading id once on its page."""
    return unique_ids([Converter().convert(text)], PAGE_IDS)[0]


def to_html(text: str, base_path: str, url_of: Callable[[str], str], image_sizes: ImageSizes) -> str:
    """An about page's text → its HTML, links filled in."""
    return placed(page_html(text), base_path, url_of, image_sizes)


class PracticeHtml(NamedTuple):
    """The HTML of a practice file's text and of each criterion's evidence, with placeholders."""

    body: str
    criteria: dict[str, str]


def unique_ids(parts: list[str], taken: frozenset[str]) -> list[str]:
    """The HTML of a page's texts, in the page's order, each heading id that the page already
    has (an earlier text's, or one of its own parts', `taken`) made unique, as Python-Markdown
    does within one text (tausta → tausta_1). Two texts with a ## Tausta each, a heading named
    like a part of the page (## Criteria), or an id written in HTML, put one id on the page
    twice: invalid HTML, and a link to it could not tell them apart."""
    seen = set(taken)

    def unique(heading: re.Match[str]) -> str:
        found, count = heading[2], 0
        while found in seen:
            count += 1
            found = f"{heading[2]}_{count}"
        seen.add(found)
        return heading[1] + found + heading[3]

    return [HEADING_ID.sub(unique, part) if " id=" in part else part for part in parts]


def practice_page_ids(criteria: Iterable[str]) -> frozenset[str]:
    """The ids of a practice page's own parts, given its criteria's codes."""
    return PRACTICE_PAGE_IDS | {f"criterion-{code}" for code in criteria}


def with_unique_ids(made: PracticeHtml) -> PracticeHtml:
    """A practice's HTML with each heading id once on its page (see `unique_ids`)."""
    body, *criteria = unique_ids([made.body, *made.criteria.values()], practice_page_ids(made.criteria))
    return PracticeHtml(body, dict(zip(made.criteria, criteria, strict=True)))


def practice_html(
    made: PracticeHtml, base_path: str, targets: Mapping[str, str], image_sizes: ImageSizes
) -> dict[str, Any]:
    """A practice's HTML, links filled in: {"body": html, "criteria": {code: html}}."""
    made, fill = with_unique_ids(made), targets.__getitem__
    return {
        "body": placed(made.body, base_path, fill, image_sizes),
        "criteria": {
            code: placed(html, base_path, fill, image_sizes) for code, html in made.criteria.items()
        },
    }


TABLE_TAG = re.compile(r"<(/?)table\b[^>]*>")
TABLE_BOX = '<div class="table-scroll" role="region" aria-label="{}" tabindex="0">'


def scrollable_tables(html: str, name: str) -> Markup:
    """Each table of a text (a nested one with its outer table) in a box that scrolls sideways
    on a narrow screen, which the keyboard reaches and a screen reader names as a region called
    `name`: the table itself scrolled, where a keyboard could not move it (axe's
    scrollable-region-focusable, WCAG 2.1.1)."""
    html, parts, depth, start = str(html), [], 0, 0
    for tag in TABLE_TAG.finditer(html):
        if not tag[1]:  # <table>
            if depth == 0:
                parts += [html[start : tag.start()], TABLE_BOX.format(escape(name))]
                start = tag.start()
            depth += 1
        elif depth:  # </table> of a table opened
            depth -= 1
            if depth == 0:
                parts += [html[start : tag.end()], "</div>"]
                start = tag.end()
    return Markup("".join(parts) + html[start:])
