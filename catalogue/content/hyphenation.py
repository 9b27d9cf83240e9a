"""Where a long word may break: soft hyphens between its syllables, by its language's rule
(Chrome hyphenates neither Finnish nor Swedish). A practice's title gets them when its file is
checked (`Practice.title_hyphenated`); site/line_breaks.py puts them in headings and table
cells as pages are made."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..config import Lang

if TYPE_CHECKING:
    import pyphen

FINNISH_CONSONANT_RULE = re.compile(
    r"(?<=[aeiouyäöå])[^\W\daeiouyäöå]*([^\W\daeiouyäöå][aeiouyäöå])", re.IGNORECASE
)
"""A Finnish syllable begins at the last consonant before a vowel (ko-tou-tu-mi-nen)."""
FINNISH_VOWELS = re.compile("[aeiouyäöå]{2,}", re.IGNORECASE)
FINNISH_ONE_SYLLABLE = {
    *"ai ei oi ui yi äi öi au eu iu ou ey iy äy öy ie uo yö".split(),
    *(vowel * 2 for vowel in "aeiouyäö"),
}
"""Two vowels in one syllable: a diphthong or a long vowel. Between two others a syllable ends
(työ-e-lä-mä, psy-ko-e-du-kaa-ti-o, kiin-ti-ö)."""
SWEDISH_VOWEL = re.compile("[aeiouyåäöéü]", re.IGNORECASE)
"""pyphen's Swedish patterns also cut off a lone consonant (Språ-k-un-der-vis-ning-en,
Sek-tor-s-över-gri-pan-de, ung-dom-s-ar-be-te): a part without a vowel is no syllable, so
there is no break on either side of it (Språkun-der-vis-ning-en)."""
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
    hyphenates by its rules (`finnish_syllables`), which pyphen has no dictionary for; Swedish
    by pyphen's (LibreOffice's), loaded when a page first needs it."""

    @functools.cache
    def dictionary() -> pyphen.Pyphen:
        import pyphen

        return pyphen.Pyphen(lang=lang)

    def syllables(word: re.Match[str]) -> str:
        if lang == "fi":
            return finnish_syllables(word[0])
        parts: list[str] = dictionary().inserted(word[0], hyphen="\u00ad").split("\u00ad")
        kept = (
            ("\u00ad" if SWEDISH_VOWEL.search(before) and SWEDISH_VOWEL.search(after) else "") + after
            for before, after in itertools.pairwise(parts)
        )
        return parts[0] + "".join(kept)

    long_word = re.compile(rf"\w{{{shortest},}}")
    return lambda text: long_word.sub(syllables, text)


def finnish_syllables(word: str) -> str:
    """`word` with soft hyphens between its syllables, by the consonant and the vowel rule of
    Finnish hyphenation, but none that would leave one letter alone at either end (asi-a-kas,
    not a-si-a-kas). A compound whose second part begins with a vowel after a consonant breaks
    by the consonant rule (kump-pa-nuu-soh-jel-ma for kumppanuus|ohjelma): knowing its parts
    would take a dictionary."""
    breaks = {match.start(1) for match in FINNISH_CONSONANT_RULE.finditer(word)}
    for run in FINNISH_VOWELS.finditer(word):
        at = run.start()
        while True:  # a syllable ends after each diphthong or long vowel, and after a vowel alone
            at += 2 if word[at : at + 2].lower() in FINNISH_ONE_SYLLABLE else 1
            if at >= run.end():
                break
            breaks.add(at)
    ends = [0, *sorted(at for at in breaks if 2 <= at <= len(word) - 2), len(word)]
    return "\u00ad".join(word[start:end] for start, end in itertools.pairwise(ends))


def hyphenated_heading(text: str, lang: Lang) -> str:
    """`text` as a heading shows it on a phone: with soft hyphens in its words of HEADING
    letters or more."""
    return hyphenator(lang, HEADING)(text)
