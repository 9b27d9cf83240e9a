"""The controlled vocabularies (themes, phases, target groups, regions, practice types, criteria)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePath

import yaml

from ..config import LANGS, Lang
from ..problems import ContentError, Problem
from .characters import escaped
from .collation import sort_key
from .slugs import LONGEST_SEGMENT, is_slug, shortened, slugify
from .source import YAML_LOADER, bytes_digest, compose_mending, read_text
from .yaml_comments import comments_cut_short

FACETS = ("themes", "phases", "target_groups", "regions", "practice_types")
"""Vocabularies that classify practices and have listing pages."""

ORDERED_FACETS = frozenset({"phases"})
"""Facets shown in the order of the data file (process order), not alphabetically."""


@dataclass(frozen=True, slots=True)
class Term:
    code: str
    label: dict[Lang, str]
    description: dict[Lang, str] | None
    step: bool = True
    """For phases: whether the phase is a numbered step of the process (a catch-all such as
    other services is listed last, without a number)."""
    search_words: dict[Lang, str] = field(default_factory=dict)
    """Other words readers search for the term by, in either language or both ('ensamkommande'
    for minors who came without a guardian): the search finds its practices by them too."""

    def slug(self, lang: Lang) -> str:
        """The term's URL segment in a language, made from its label."""
        return slugify(self.label[lang])


@dataclass(frozen=True, slots=True)
class Vocabulary:
    groups: dict[str, tuple[Term, ...]]
    """Vocabulary name → terms in the data file's order."""
    reading_order: dict[tuple[str, Lang], tuple[Term, ...]]
    """(vocabulary, language) → terms in the order readers see them (computed once)."""
    digest: str = ""
    """A hash of the vocabulary file."""
    replaced: dict[str, dict[str, str]] = field(default_factory=dict)
    """Vocabulary name → each code no longer used → the code that replaced it: search links
    published with the old code choose the new one."""

    def terms(self, group: str) -> tuple[Term, ...]:
        return self.groups[group]

    def term(self, group: str, code: str) -> Term:
        for term in self.groups[group]:
            if term.code == code:
                return term
        raise KeyError(f"{group}: {code}")

    def codes(self, group: str) -> list[str]:
        return [term.code for term in self.groups[group]]

    def ordered(self, group: str, lang: Lang) -> list[Term]:
        """Terms in reading order: process order for phases, alphabetical for the rest."""
        return list(self.reading_order[(group, lang)])

    def sort_codes(self, group: str, codes: tuple[str, ...], lang: Lang) -> list[Term]:
        wanted = set(codes)
        return [t for t in self.reading_order[(group, lang)] if t.code in wanted]


def _reading_order(groups: dict[str, tuple[Term, ...]]) -> dict[tuple[str, Lang], tuple[Term, ...]]:
    order: dict[tuple[str, Lang], tuple[Term, ...]] = {}
    for group, terms in groups.items():
        for lang in LANGS:
            if group in ORDERED_FACETS:
                order[(group, lang)] = terms
            else:
                order[(group, lang)] = tuple(sorted(terms, key=lambda t: sort_key(t.label[lang])))
    return order


GROUPS = (*FACETS, "criteria")
VOCABULARY = PurePath("content/vocabulary.yaml")
ENTRY_KEYS = ("code", *LANGS, "description", "step", "search_words")
NULL, BOOL = "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool"


def load_vocabulary(path: Path) -> Vocabulary:
    """Read the vocabulary file; raise ContentError with every mistake in it, each at its line."""
    vocabulary, problems = read_vocabulary(path)
    if problems or vocabulary is None:
        raise ContentError(problems)
    return vocabulary


def read_vocabulary(path: Path) -> tuple[Vocabulary | None, list[Problem]]:
    """The vocabulary file and every mistake in it, each at its line.

    With mistakes in some entries, the vocabulary holds every term whose code can be read (a
    missing label stands in as the code), so that the practices can still be checked against
    it and an editor sees all problems at once; such a vocabulary is never published. None
    when the file cannot be read as lists of terms at all."""
    text = read_text(path, VOCABULARY)
    if isinstance(text, list):
        return None, text
    composed = compose_mending(text, VOCABULARY, 1)
    if isinstance(composed, list):
        return None, composed
    root, text, problems = composed
    if not isinstance(root, yaml.MappingNode):
        message = f"the file should hold the lists {', '.join(GROUPS)}, each a line 'name:' and its entries"
        return None, [*problems, Problem(VOCABULARY, 1, 1, message)]
    problems += [Problem(VOCABULARY, *cut) for cut in comments_cut_short(root, text, 1)]
    lists = _fields(root, GROUPS, "list", problems)
    groups: dict[str, tuple[Term, ...]] = {}
    replaced: dict[str, dict[str, str]] = {}
    for group in GROUPS:
        node = lists.get(group)
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            message = f"the list '{group}' is missing or empty; give it one entry or more"
            problems.append(_at(node, message) if node else Problem(VOCABULARY, 1, 1, message))
            continue
        entries, replacements = [], []
        for entry in node.value:
            if isinstance(entry, yaml.MappingNode) and any(
                key.value == "replaced_by" for key, _ in entry.value
            ):
                replacements.append(entry)
                continue
            found = len(problems)
            entries.append((entry, _term(entry, group, problems), len(problems) == found))
        problems += _clashes(group, [(entry, term) for entry, term, sound in entries if term and sound])
        groups[group] = _unique(term for _, term, _ in entries if term)
        replaced[group] = _replaced(replacements, group, {term.code for term in groups[group]}, problems)
    if len(groups) < len(GROUPS):
        return None, problems
    digest = bytes_digest(text.encode("utf-8"))
    return Vocabulary(groups, _reading_order(groups), digest, replaced), problems


def _replaced(
    entries: list[yaml.MappingNode], group: str, codes: set[str], problems: list[Problem]
) -> dict[str, str]:
    """Old code → the code that replaced it, from the entries 'code: old, replaced_by: new'."""
    replaced = {}
    for entry in entries:
        fields = _fields(entry, ("code", "replaced_by"), "field", problems)  # no labels: no page
        old = _text(fields.get("code"), f"the code of an entry of '{group}'", entry, problems)
        new = _text(fields.get("replaced_by"), f"replaced_by of '{old}'", entry, problems)
        if old and not is_slug(old):
            problems.append(_not_a_code(fields["code"], old))
        elif old in codes:
            problems.append(
                _at(entry, f"'{old}' is a code of '{group}' in use; only a code no longer used is replaced")
            )
        elif new and new not in codes:
            message = (
                f"replaced_by '{new}' is not a code of '{group}'; give one of: {', '.join(sorted(codes))}"
            )
            problems.append(_at(fields["replaced_by"], message))
        elif old and new:
            replaced[old] = new
    return replaced


def _unique(terms: Iterable[Term]) -> tuple[Term, ...]:
    """Terms, the first of each code (a code given twice is a problem of its own)."""
    first: dict[str, Term] = {}
    for term in terms:
        first.setdefault(term.code, term)
    return tuple(first.values())


def _term(entry: yaml.Node, group: str, problems: list[Problem]) -> Term | None:
    """One entry of a list and its problems; None if it has no code that can be read."""
    if isinstance(entry, yaml.ScalarNode) and entry.value.strip():  # a term written as its name alone
        name = entry.value.strip()
        code, label = (name, "…") if is_slug(name) else ("…", name)
        shape = " (small letters a-z, digits and hyphens, as the other codes)" if code == "…" else ""
        problems.append(
            _at(
                entry,
                f"'{name}' is an entry of '{group}' without its fields; write '- code: {code}'{shape} "
                f"and, below code, 'fi: {label}' and 'sv: …'",
            )
        )
        return None
    if not isinstance(entry, yaml.MappingNode):
        problems.append(_at(entry, f"each entry of '{group}' should be the fields code, fi and sv"))
        return None
    fields = _fields(entry, ENTRY_KEYS, "field", problems)
    code = _text(fields.get("code"), f"the code of an entry of '{group}'", entry, problems)
    if code and not is_slug(code):
        problems.append(_not_a_code(fields["code"], code))
    label = {
        lang: _text(fields.get(lang), f"the '{lang}' label of '{code}'", entry, problems) for lang in LANGS
    }
    for lang, text in label.items():
        address = slugify(text) if text else None
        if address == "":
            message = f"the '{lang}' label of '{code}' makes an empty address; give it a letter or digit"
        elif address and len(address) > LONGEST_SEGMENT:
            message = (
                f"the '{lang}' label of '{code}' makes an address of {len(address)} characters "
                f"('{shortened(address)}…'); keep the label shorter, within {LONGEST_SEGMENT}"
            )
        else:
            continue
        problems.append(_at(fields[lang], message))
        label[lang] = ""  # to be read as the code, below
    description = _in_each_language(fields.get("description"), "description", code, problems)
    search_words = _in_each_language(fields.get("search_words"), "search_words", code, problems, False)
    step = fields.get("step")
    if step is not None and step.tag != BOOL:
        problems.append(_at(step, "step should be true or false"))
    code = code if not code or is_slug(code) else slugify(code)  # the code practices most likely use
    if not code:
        return None
    label = {lang: text or code for lang, text in label.items()}  # only ever checked against
    is_step = step is None or YAML_LOADER("").construct_object(step) is True
    return Term(code, label, description, is_step, search_words or {})


def _in_each_language(
    node: yaml.Node | None, what: str, code: str, problems: list[Problem], both: bool = True
) -> dict[Lang, str] | None:
    """A field of a text in each language ('fi: …' and 'sv: …' below it); None if the entry
    has none, or it is not written so. With `both` False, a language may be left out."""
    if node is None:
        return None
    if not isinstance(node, yaml.MappingNode):
        which = "'fi: …' and 'sv: …'" if both else "'fi: …', 'sv: …' or both"
        where = f"on a line of its own below it, two spaces further in: {which}"
        problems.append(_at(node, f"{what} should give each language's text {where}"))
        return None
    parts = _fields(node, LANGS, "field", problems)
    return {
        lang: _text(parts.get(lang), f"the '{lang}' {what} of '{code}'", node, problems)
        for lang in LANGS
        if both or lang in parts
    }


def _not_a_code(node: yaml.Node, written: str) -> Problem:
    """A code that is no code: 'Employment entrepreneurship' is told to be written
    'employment-entrepreneurship', the code it is read as meanwhile (see `_term`)."""
    meant = slugify(written)
    fix = f"; write '{meant}'" if meant else " (such as 'integration-training')"
    return _at(node, f"the code '{written}' is not lowercase letters, digits and hyphens{fix}")


def _fields(
    node: yaml.MappingNode, names: tuple[str, ...], kind: str, problems: list[Problem]
) -> dict[str, yaml.Node]:
    """A mapping's values by key; a key not among `names` is a problem."""
    fields = {}
    for key, value in node.value:
        if key.value in names:
            fields[key.value] = value
        else:
            problems.append(
                _at(key, f"unknown {kind} '{key.value}'; the {kind}s here are {', '.join(names)}")
            )
    return fields


def _text(node: yaml.Node | None, what: str, parent: yaml.Node, problems: list[Problem]) -> str:
    """A value written as text, as the file has it ('' and a problem if there is none)."""
    if isinstance(node, yaml.ScalarNode) and node.tag != NULL and node.value.strip():
        if told := escaped(what, node.value):
            problems.append(_at(node, told))
        return str(node.value).strip()
    message = (
        f"{what} is missing; write it after the colon"
        if node is None or isinstance(node, yaml.ScalarNode)
        else f"{what} should be text, not a list or fields"
    )
    problems.append(_at(node or parent, message))
    return ""


def _clashes(group: str, entries: list[tuple[yaml.Node, Term]]) -> list[Problem]:
    """A code given twice, or two labels that make one address."""
    problems = []
    codes: dict[str, int] = {}
    slugs: dict[tuple[Lang, str], int] = {}
    for entry, term in entries:
        line = entry.start_mark.line + 1
        if term.code in codes:
            problems.append(
                _at(entry, f"the code '{term.code}' is already used in '{group}' on line {codes[term.code]}")
            )
        codes.setdefault(term.code, line)
        for lang in LANGS:
            slug = term.slug(lang)
            if (lang, slug) in slugs:
                first = slugs[(lang, slug)]
                message = (
                    f"the '{lang}' label of '{term.code}' makes the address '{slug}', as line {first} does; "
                    "two terms of a list cannot share a page, so give one of them another label"
                )
                problems.append(_at(entry, message))
            slugs.setdefault((lang, slug), line)
    return problems


def _at(node: yaml.Node, message: str) -> Problem:
    return Problem(VOCABULARY, node.start_mark.line + 1, node.start_mark.column + 1, message)
