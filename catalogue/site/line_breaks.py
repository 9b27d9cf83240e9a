"""Where a line may break on a narrow screen: soft hyphens in long words (Chrome hyphenates
neither Finnish nor Swedish) and break points in web addresses."""

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
