"""Words as readers write them: the base forms (lemmas) and compound parts of a practice
page's words, for the search index only.

Pagefind stems words with Snowball, which does not undo Finnish consonant gradation
(Turku → Turussa, koulutus → koulutuksessa) and cannot reach the second half of a compound
(perhekahvila, språkkafé). So the search stage gives every indexed page a low-weight section of
its words' lemmas and compound parts (`words_section`), and writes, per language, small files
that map the inflected forms of the catalogue's lemmas to those lemmas (`query_files`), which
the search page fetches for the words a reader types. Lemmas come from simplemma's
dictionaries (Finnish, Swedish), which simplemma keeps as tries in the user's cache folder:
built once per machine in about ten seconds, then opened in milliseconds.
"""

from __future__ import annotations

import bisect
import html
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

WORDS_ANCHOR = "search-words"
"""The id of the section that holds a page's lemmas; the search page keeps it out of excerpts."""
WORDS_WEIGHT = 0.5
MIN_PART = 4
"""The shortest second half of a compound that is indexed on its own (kafé, kurs)."""

_WORD = re.compile(r"[^\W\d_]{2,}")
_TAG = re.compile(r"<[^>]*>")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)
_TAG_NAME = re.compile(r"[a-zA-Z][a-zA-Z0-9]*")
_NOT_A_KEY_LETTER = re.compile(r"[^a-z0-9]")


def fold(word: str) -> str:
    """`word` without diacritics, in lower case: narpion for Närpiön."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def file_key(word: str) -> str:
    """The query file a word's forms are in: its first two folded letters, each a–z or 0–9, else
    _ (as search.js finds it). Two ASCII characters fold to themselves in lower case, so only a
    word that begins otherwise is folded (the forms are tens of thousands, few start with ä)."""
    head = word[:2].lower() if word[:2].isascii() else fold(word)[:2]
    return _NOT_A_KEY_LETTER.sub("_", head).ljust(2, "_")


def _element_end(page_html: str, tag: str, start: int) -> int:
    """Where the element whose start tag ends at `start` ends (its end tag included)."""
    depth = 1
    for match in re.compile(rf"<(/?){tag}\b[^>]*>").finditer(page_html, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.end()
    return len(page_html)


def _spans(page_html: str, attribute: str, within: tuple[int, int]) -> list[tuple[int, int]]:
    """Where the elements that carry `attribute` start and end, inside `within`."""
    found = []
    at = page_html.find(attribute, *within)
    while at >= 0:
        tag_start = page_html.rfind("<", 0, at)
        tag_end = page_html.find(">", at) + 1
        in_a_tag = page_html.rfind(">", 0, at) < tag_start and page_html[at + len(attribute)] in " =>/"
        name = _TAG_NAME.match(page_html, tag_start + 1)
        if in_a_tag and name and tag_end:
            found.append((tag_start, _element_end(page_html, name.group(0), tag_end)))
        at = page_html.find(attribute, max(tag_end, at + 1), within[1])
    return found


INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b"))
"""Soft hyphens and zero-width spaces, which text pasted from a word processor or a PDF may
hold inside a word: Pagefind drops them from the words it indexes, and so does `_text`."""


def _text(fragment: str) -> str:
    return html.unescape(_TAG.sub(" ", _SCRIPT.sub(" ", fragment))).translate(INVISIBLE).lower()


class PageWords(NamedTuple):
    indexed: frozenset[str]
    """The words (lower case) Pagefind indexes from the page itself: inside its
    data-pagefind-body element, outside data-pagefind-ignore."""
    extra: frozenset[str]
    """The words of its data-search-text elements (municipality, organisations, regions,
    summary), which Pagefind leaves out, and its terms' search words."""


def page_words(page_html: str, search_words: str = "") -> PageWords:
    """The words of one of our practice pages (a regular expression reads its few marked
    elements: ten times faster than an HTML parser, and the pages are our templates' own),
    and `search_words`, its terms' (Term.search_words), among the extra ones."""
    bodies = _spans(page_html, "data-pagefind-body", (0, len(page_html)))
    if not bodies:
        return PageWords(frozenset(), frozenset())
    body = bodies[0]
    indexed, at = [], body[0]
    for start, end in _spans(page_html, "data-pagefind-ignore", body):
        if start >= at:  # not inside an ignored element already passed
            indexed.append(page_html[at:start])
            at = end
    indexed.append(page_html[at : body[1]])
    extra = [page_html[start:end] for start, end in _spans(page_html, "data-search-text", body)]
    extra.append(html.escape(search_words))
    return PageWords(*(frozenset(_WORD.findall(_text(" ".join(parts)))) for parts in (indexed, extra)))


@dataclass
class Lemmas:
    """One language's lemmatiser, remembering every word it has seen."""

    lang: str
    known: dict[str, str] = field(default_factory=dict)
    """Word (lower case) → lemma."""
    parts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Lemma → the second halves of it that are words of their own."""

    @cached_property
    def _dictionaries(self) -> Any:
        """simplemma's dictionaries as tries, loaded once for both uses below."""
        from simplemma.strategies.dictionaries.trie_dictionary_factory import TrieDictionaryFactory

        return TrieDictionaryFactory(disk_cache_dir=str(cache_folder()))

    @cached_property
    def _dictionary(self) -> Mapping[str, str]:
        return self._dictionaries.get_dictionary(self.lang)  # type: ignore[no-any-return]

    @cached_property
    def _lemmatizer(self) -> Any:
        from simplemma import Lemmatizer
        from simplemma.strategies import DefaultStrategy

        # Greedy decomposition finds Swedish compounds (familjekaféer → familjekafé) but
        # breaks Finnish ones (perhekahvila → perhekavila).
        strategy = DefaultStrategy(greedy=self.lang == "sv", dictionary_factory=self._dictionaries)
        return Lemmatizer(lemmatization_strategy=strategy)

    def prepare(self) -> None:
        """Make this language's tries (simplemma's, and the forms by lemma) if not yet made."""
        self._dictionary.get("")
        _ = self._forms_by_lemma

    def of(self, word: str) -> str:
        lemma = self.known.get(word)
        if lemma is None:
            lemma = self.known[word] = self._lemmatizer.lemmatize(word, lang=self.lang).lower()
        return lemma

    def compound_parts(self, lemma: str) -> tuple[str, ...]:
        """Second halves of `lemma` that the dictionary knows as words: kahvila in perhekahvila."""
        found = self.parts.get(lemma)
        if found is None:
            found = tuple(
                lemma[i:]
                for i in range(3, len(lemma) - MIN_PART + 1)
                if self._dictionary.get(lemma[i:]) == lemma[i:]
            )
            self.parts[lemma] = found
        return found

    def lemmas_of(self, words: Iterable[str]) -> set[str]:
        """The lemmas of `words`, with their compound parts."""
        lemmas = {self.of(word) for word in words}
        return lemmas | {part for lemma in lemmas for part in self.compound_parts(lemma)}

    def forms_of(self, lemmas: Iterable[str]) -> dict[str, str]:
        """Inflected form → lemma, for the forms of `lemmas` that do not start with their lemma
        (the search page finds those by prefix). A form of two lemmas (kosken: koski, koskea)
        goes to the first in alphabetical order, whatever order `lemmas` come in."""
        forms: dict[str, str] = {}
        for lemma in sorted(lemmas):
            for form in self._forms(lemma):
                if not form.startswith(lemma):
                    forms.setdefault(form, lemma)
        return forms

    def _forms(self, lemma: str) -> list[str]:
        """The dictionary's forms of `lemma`; for a compound it lacks, those of its last part,
        the rest in front: kielikoulutuksessa from koulutuksessa (kielikoulutus)."""
        for word in (lemma, *self.compound_parts(lemma)):
            if found := self._forms_by_lemma.get(word):
                return [lemma.removesuffix(word) + form.decode() for form in found]
        return []

    @cached_property
    def _forms_by_lemma(self) -> Any:
        """simplemma's dictionary turned around (lemma → its forms), as a trie kept beside
        simplemma's own in the user's cache folder."""
        import marisa_trie

        path = cache_folder() / f"forms-{self.lang}.marisa"
        trie = marisa_trie.BytesTrie()
        if path.exists():
            return trie.mmap(str(path))
        pairs = ((lemma.lower(), form.lower().encode()) for form, lemma in self._dictionary.items())
        trie = marisa_trie.BytesTrie(pairs)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.partial")
        trie.save(str(partial))
        partial.replace(path)
        return trie


def section_words(words: PageWords, lemmas: Iterable[str]) -> list[str]:
    """What a page's lemma section holds: the lemmas and compound parts of its words, and the
    words Pagefind leaves out, less those Pagefind finds anyway (by prefix, as it matches
    words): the ones that begin a word it indexes."""
    candidates = (set(lemmas) | words.extra) - words.indexed
    indexed = sorted(words.indexed)

    def begins_an_indexed_word(word: str) -> bool:
        at = bisect.bisect_left(indexed, word)
        return at < len(indexed) and indexed[at].startswith(word)

    return sorted(w for w in candidates if not begins_an_indexed_word(w))


def cache_folder() -> Path:
    """Where this machine keeps the tries of simplemma's dictionaries (made once per version)."""
    from platformdirs import user_cache_dir
    from simplemma import __version__

    return Path(user_cache_dir("catalogue")) / f"simplemma-{__version__}"


def dictionaries_ready(langs: Iterable[str]) -> bool:
    """Whether the tries exist already (else the first search build makes them, about 20 s)."""
    folder = cache_folder()
    made = [folder / name for lang in langs for name in (f"{lang}.dic", f"forms-{lang}.marisa")]
    return all(path.exists() for path in made)


def prepare_dictionaries(langs: Iterable[str]) -> None:
    """Make the tries once, in this process, before workers that need them start."""
    if not dictionaries_ready(langs):
        for lang in langs:
            Lemmas(lang).prepare()


def words_section(lemmas: Iterable[str]) -> str:
    """The HTML section of a page's lemmas, placed at the end of its article in the copy
    Pagefind reads (readers never get it)."""
    text = html.escape(" ".join(sorted(lemmas)))
    return (
        f'<section data-pagefind-weight="{WORDS_WEIGHT}"><h2 id="{WORDS_ANCHOR}">{WORDS_ANCHOR}</h2>'
        f"<p>{text}</p></section>"
    )


def with_words(page_html: str, lemmas: Iterable[str]) -> str:
    end = page_html.rfind("</article>")
    if end < 0:
        raise ValueError("a practice page without its article")
    return page_html[:end] + words_section(lemmas) + page_html[end:]


def query_files(forms: Mapping[str, str], words: Iterable[str]) -> dict[str, dict[str, Any]]:
    """File key → {"forms": {form: lemma}, "words": [word, …]}: for each first two letters,
    the inflected forms a reader may type, and the catalogue's words and lemmas a mistyped
    word may have meant."""
    files: dict[str, dict[str, Any]] = defaultdict(lambda: {"forms": {}, "words": []})
    for form, lemma in sorted(forms.items()):
        files[file_key(form)]["forms"][form] = lemma
    for word in sorted(set(words)):
        files[file_key(word)]["words"].append(word)
    return dict(files)


def write_query_files(folder: Path, files: Mapping[str, Mapping[str, Any]]) -> None:
    import json

    folder.mkdir(parents=True, exist_ok=True)
    for key, data in files.items():
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        (folder / f"{key}.json").write_text(text, encoding="utf-8")
