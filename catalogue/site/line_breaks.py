"""Where a line may break on a narrow screen: soft hyphens in long words (Chrome hyphenates
neither Finnish nor Swedish), break points in web addresses, and none after a hyphen that
begins a word."""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup

HEADING_ELEMENT = re.compile(r"(<h[2-6]\b[^>]*>)(.*?)(</h[2-6]>)", re.DOTALL)
TAG = re.compile(r"(<[^>]*>)")


def in_headings(html: str, hyphenate: Callable[[str], str]) -> Markup:
    """`hyphenate` applied to the text of each heading of a text's (sanitised) HTML, not to
    its tags: 'Valvontaviranomainen', a heading of the accessibility statement, broke as
    'Valvontaviranomaine|n' at 320 px."""

    def heading(element: re.Match[str]) -> str:
        parts = TAG.split(element[2])
        parts[::2] = map(hyphenate, parts[::2])
        return element[1] + "".join(parts) + element[3]

    return Markup(HEADING_ELEMENT.sub(heading, html))


ADDRESS_BREAK = re.compile(r"(?<=//)(?!$)|(?<![:/])(?=[./?#&=_~@].)")
"""After the // of https://, and before a dot, a slash or another separator that is not the
address's last character, as style guides break a web address (Chicago 14.18). A browser
breaks after a hyphen by itself."""


def breakable_address(address: str) -> Markup:
    """A web or email address shown as text, with a <wbr> where it may break: a contact's
    'https://www.pelastakaalapset.f|i/' broke before its last letter on a phone."""
    return Markup("<wbr>").join(ADDRESS_BREAK.split(address))


WORD_INITIAL_HYPHEN = re.compile(r"-(?<=[\s>]-)(?=[^\W\d_])")
"""A hyphen that joins a word to the words before it ('WCAG 2.1 -ohjeisto', 'Kohti työelämää
-valmennus'): after a space or a tag, before a letter. Before a digit it is a minus sign
('-5'), which a screen reader reads as 'miinus' only as a hyphen-minus, and which Chromium
keeps with its number. Written hyphen first, so that the search goes from hyphen to hyphen:
8 µs for a page of 15,000 characters, against 156 with the space or tag first."""
UNCHANGED_ELEMENTS = ("script", "style", "title", "code", "pre", "textarea")
"""Elements whose text is kept as written: code, and what is not shown as a line of text."""


def hyphens_kept_with_words(page: str) -> str:
    """A page's HTML with each hyphen that begins a word in its text made a non-breaking one
    (U+2011): Chromium 156 breaks a line after it ('WCAG 2.1 -|ohjeiston' in the accessibility
    statement at most widths of a phone), which Unicode's rules forbid (UAX #14, LB20.1). Tags
    (a meta description among them) and the elements of `UNCHANGED_ELEMENTS` keep the
    editor's hyphen."""

    def kept(match: re.Match[str]) -> str:
        at = match.start()
        unchanged = page.rfind("<", 0, at) > page.rfind(">", 0, at) or any(
            page.rfind(f"<{name}", 0, at) > page.rfind(f"</{name}", 0, at) for name in UNCHANGED_ELEMENTS
        )
        return "-" if unchanged else "\u2011"

    return WORD_INITIAL_HYPHEN.sub(kept, page)
