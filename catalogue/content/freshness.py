"""Whether a translation is up to date, without git history: a translation records a hash
of the substance of the version it was translated from (translated_from), and the check
compares it with the hash of that version now. And whether it is translated at all: lines of
a text left word for word as the other language version has them, or a whole text in the
other language (saved in the other language's folder)."""

from __future__ import annotations

import hashlib
from array import array

from ..config import Lang
from .text_headings import HEADING

HASH_LENGTH = 12


def substance_hash(title: str, summary: str, body: str, criteria: list[str], link_texts: list[str]) -> str:
    """A short hash of what a translator translates: title, summary, text, criteria, links.
    Whitespace and line wrapping do not count."""
    parts = [title, summary, body, *criteria, *link_texts]
    text = " ".join("\u241e".join(parts).split())  # runs of whitespace as one space, ends trimmed
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


LINE_WORDS = 8
"""A line of this many words or more is not the same in two languages unless it was copied."""


SOURCES = frozenset({"lähteet", "lähde", "källor", "källa"})
"""Headings of a list of sources, which cites each one in the language it was published in."""


def line_keys(body: str, first_line: int) -> bytes:
    """Each line of a text with LINE_WORDS words or more, as two unsigned ints: its number in
    the file and a hash of its words (none under a heading of SOURCES). Small enough to keep
    for every file; `copied_lines` compares them."""
    keys, sources = array("I"), False
    for number, line in enumerate(body.split("\n"), start=first_line):
        words = line.split()
        if heading := HEADING.match(line):  # '## Lähteet', '##Lähteet', '## Lähteet ##', '## Lähteet:'
            sources = heading["text"].strip().rstrip(":").casefold() in SOURCES
        elif len(words) >= LINE_WORDS and not sources:
            digest = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=4).digest()
            keys.extend((number, int.from_bytes(digest, "little")))
    return keys.tobytes()


def copied_lines(text: bytes, other: bytes) -> list[tuple[int, int]]:
    """(line in one file, line in the other) of each line of `text` whose words are those of a
    line of `other` (both made by `line_keys`)."""
    mine, theirs = memoryview(text).cast("I"), memoryview(other).cast("I")
    if set(mine[1::2]).isdisjoint(theirs[1::2]):  # as in nearly every pair
        return []
    line_of = dict(zip(theirs[1::2], theirs[::2], strict=True))
    return [
        (number, line_of[key]) for number, key in zip(mine[::2], mine[1::2], strict=True) if key in line_of
    ]


COMMON_WORDS: dict[Lang, frozenset[str]] = {
    "fi": frozenset(
        "ja on että ei ovat oli sekä myös tai kun joka jotka mutta niin kuin voi ole hän he ne "
        "tämä nämä jos vain mukaan kanssa aikana avulla yhdessä lisäksi eri koko hyvin sen sitä "
        "siitä heidän olivat olla oman omaa joissa jossa kaikki".split()
    ),
    "sv": frozenset(
        "och är att som för med det den på av till de om har inte kan ett var eller men så också "
        "från vid efter under sina sin deras hur vad där när genom mellan samt blev varit vara "
        "skulle finns egen".split()
    ),
}
"""Words common in one language and not words of the other ('en', 'se', 'jo' and 'alla' are both)."""
SAMPLE = 1_500
"""The characters looked at: a text's language shows in its first lines."""


def written_in(text: str) -> Lang | None:
    """The language a text is written in, where its common words leave no doubt: ten or more
    of one language's, over three times as many as of the other's (in the catalogue's texts,
    their own language's are 30 times as many or more). None for a short or mixed text."""
    words = text[:SAMPLE].lower().split()  # a word with a comma after it is not counted: no matter
    fi, sv = (len(list(filter(COMMON_WORDS[lang].__contains__, words))) for lang in ("fi", "sv"))
    return "fi" if fi >= 10 and fi > 3 * sv else "sv" if sv >= 10 and sv > 3 * fi else None
