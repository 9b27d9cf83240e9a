"""What an editor meant by a value that is no code of a vocabulary: the code of a label, a
code close to it, the list of codes to write for codes written as text."""

from __future__ import annotations

import difflib
import re
from typing import NamedTuple

from ..config import Lang
from ..problems import closest
from .vocabulary import Vocabulary


class CodeHints(NamedTuple):
    vocabulary: Vocabulary
    lang: Lang

    def codes_by_label(self, group: str) -> dict[str, str]:
        """This language's labels of a vocabulary (casefolded) → their codes."""
        return {t.label[self.lang].casefold(): t.code for t in self.vocabulary.terms(group)}

    def labelled(self, group: str, codes: list[str]) -> str:
        return "; ".join(self.vocabulary.term(group, code).label[self.lang] for code in codes)

    def suggest(self, value: str, group: str, in_list: bool = False) -> str:
        """'; did you mean …?' from the codes and from this language's labels; `in_list`: the
        value is an item of a list, which may be several codes with no comma between them."""
        if new := self.vocabulary.replaced.get(group, {}).get(value):
            return f"; it was replaced by '{new}' ({self.labelled(group, [new])})"
        parts = re.split(r"[\s;/]+", value.strip())
        if in_list and len(parts) > 1 and set(parts) <= set(self.vocabulary.codes(group)):
            return f"; these are {len(parts)} codes with no comma between them: write {', '.join(parts)}"
        by_label = self.codes_by_label(group)
        if value.casefold() in by_label:
            return f"; the code for '{value}' is '{by_label[value.casefold()]}'"
        code = self.meant(value, group)
        if code:
            return f"; did you mean '{code}' ({self.labelled(group, [code])})?"
        return f"; the codes are: {', '.join(self.vocabulary.codes(group))}"

    def meant(self, value: str, group: str) -> str | None:
        """The code a wrong `value` most likely means: the one term with it as a word of its code or
        label ('employment'; 'karjala' is two), else one close to it or with a word close to it."""
        candidates = {c: c for c in self.vocabulary.codes(group)} | self.codes_by_label(group)
        words: dict[str, set[str]] = {}
        for name, code in candidates.items():
            for word in re.split(r"[\s,-]+", name):
                words.setdefault(word, set()).add(code)
        if value.casefold() not in words and (close := closest(value.casefold(), candidates)):
            return candidates[close]
        word = difflib.get_close_matches(value.casefold(), list(words), n=1, cutoff=0.8)
        meant = words[word[0]] if word else set()
        return meant.pop() if len(meant) == 1 else None

    def as_list(self, field: str, value: str, group: str) -> str:
        """The codes a value written as text means: its code or label's, or each comma-separated
        part's; a part that is neither, the code it is close to, or a place for the code meant."""
        codes = self.vocabulary.codes(group)
        by_label = self.codes_by_label(group)
        parts = [value.strip()] if value.strip().casefold() in by_label else value.split(",")
        found = [part if part in codes else by_label.get(part.casefold()) for part in map(str.strip, parts)]
        if all(found):
            return f"; write: {field}: [{', '.join(code for code in found if code)}]"
        guessed = [code or self.meant(part.strip(), group) for part, code in zip(parts, found, strict=True)]
        meant = [code for code in dict.fromkeys(guessed) if code]
        if all(guessed):
            return f"; did you mean {field}: [{', '.join(meant)}] ({self.labelled(group, meant)})?"
        if len(parts) == 1:
            return f", such as {field}: [{codes[0]}]; the codes are: {', '.join(codes)}"
        unknown = next(part.strip() for part, code in zip(parts, guessed, strict=True) if not code)
        return (
            f"; write: {field}: [{', '.join([*meant, '…'])}] with the code you meant in place of "
            f"'{unknown}', one of: {', '.join(codes)}"
        )
