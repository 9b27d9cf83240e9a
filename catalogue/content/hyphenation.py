"""Where a long word may break: soft hyphens between its syllables, by its language's rule
(Chrome hyphenates neither Finnish nor Swedish). A practice's title gets them when its file is
checked (`Practice.title_hyphenated`); site/line_breaks.py puts them in headings and table
cells as pages are made."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..config import Lang

if TYPE_CHECKING:
    import pyphen

FINNISH_SYLLABLE = re.compile(
    r"(?<=[aeiouyäöå])([^\W\daeiouyäöå]*)([^\W\daeiouyäöå][aeiouyäöå])", re.IGNORECASE
)
"""Where a syllable begins in a Finnish word: at the last consonant before a vowel."""
NARROW_CELL = 12
"""The letters of the shortest word that may not fit a narrow table cell."""
HEADING = 16
"""The letters of the shortest word that may not fit a line of a heading on a 320 px screen:
a practice's title there is 280 px wide, and 'Kumppanuusohjelma' (17 letters) is 288 px.
A shorter word moves to the next line whole."""


def hyphenator(lang: Lang, shortest: int = NARROW_CELL) -> Callable[[str], str]:
    """Soft hyphens between the syllables of each word of at least `shortest` letters, for a
    narrow table cell or a heading on a phone, in which Chrome broke 'Kotoutumissu|unnitelma'
    and 'Psykoedukaatiomat|eriaalin' anywhere, without a hyphen: it hyphenates neither
    language. A shorter word is left whole, so that it moves to the next line whole. Finnish
    hyphenates at the last consonant before each vowel (ko-tou-tu-mis-suun-ni-tel-ma), which
    pyphen has no dictionary for; Swedish by pyphen's (LibreOffice's), loaded when a page
    first needs it."""

    @functools.cache
    def dictionary() -> pyphen.Pyphen:
        import pyphen

        return pyphen.Pyphen(lang=lang)

    def syllables(word: re.Match[str]) -> str:
        if lang == "fi":
            return FINNISH_SYLLABLE.sub("\\1\u00ad\\2", word[0])
        inserted: str = dictionary().inserted(word[0], hyphen="\u00ad")
        return inserted

    long_word = re.compile(rf"\w{{{shortest},}}")
    return lambda text: long_word.sub(syllables, text)


def hyphenated_heading(text: str, lang: Lang) -> str:
    """`text` as a heading shows it on a phone: with soft hyphens in its words of HEADING
    letters or more."""
    return hyphenator(lang, HEADING)(text)
