"""Alphabetical order of the Finnish and Swedish alphabets.

Both alphabets end ... x, y, z, å, ä, ö, and compare case-insensitively. Python's default
order puts å, ä and ö by code point (ä < å < ö), and Unicode's default collation files them
under a and o; both are wrong here. ICU would do it right but needs a compiled extension, so
this small key implements the rules the catalogue needs: letters by the national alphabet,
other accented Latin letters with their base letter (é with e), ü with y, æ with ä and
ø with ö (as the Swedish and Finnish standards do), then case and accents as tie-breakers.
"""

from __future__ import annotations

import sys
import unicodedata

_ALPHABET = "abcdefghijklmnopqrstuvwxyzåäö"
_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}
_EQUIVALENT = {"ü": "y", "æ": "ä", "ø": "ö"}
_LETTER_BASE = len(" -'0123456789")


def _primary(char: str) -> int:
    if char in _RANK:
        return _LETTER_BASE + _RANK[char]
    if char in _EQUIVALENT:
        return _LETTER_BASE + _RANK[_EQUIVALENT[char]]
    base = unicodedata.normalize("NFD", char)[0]
    if base in _RANK:
        return _LETTER_BASE + _RANK[base]
    if char.isdigit():
        return 3 + int(unicodedata.digit(char, 0))
    if char.isspace():
        return 0
    if char in "-'’":
        return 1
    # Anything else sorts after the alphabet, by code point.
    return _LETTER_BASE + len(_ALPHABET) + ord(char)


def _weight(code: int) -> str:
    """The primary weight of a code point as one character, so that str.translate makes the
    primary key and keys compare as plain strings. An invisible format character (a soft
    hyphen, a zero-width space) weighs nothing, as in Unicode's collation: 'Alku\u00adkiri'
    sorts as 'Alkukiri'."""
    if unicodedata.category(chr(code)) == "Cf":
        return ""
    return chr(min(_primary(chr(code)), sys.maxunicode))


class _Weights(dict[int, str]):
    """The weights of the Latin letters and of punctuation, worked out once when the module
    is imported, and of any other character each time it is met; the table never changes."""

    def __missing__(self, code: int) -> str:
        return _weight(code)


_WEIGHTS = _Weights({code: _weight(code) for code in (*range(0x250), *range(0x2000, 0x2070))})


def sort_key(text: str) -> tuple[str, str, str]:
    """A key that orders strings as a Finnish or Swedish dictionary would."""
    normalised = unicodedata.normalize("NFC", text.strip())
    primary = normalised.casefold().translate(_WEIGHTS)
    # Ties: lower case before upper case, then by the exact text, so the order is total.
    return primary, normalised.swapcase(), normalised
