"""The controlled vocabularies (themes, phases, target groups, regions, practice types, criteria)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..config import LANGS, ConfigError, Lang
from .collation import sort_key
from .slugs import is_slug, slugify
from .source import YAML_LOADER, bytes_digest

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


def load_vocabulary(path: Path) -> Vocabulary:
    """Read the vocabulary file; any mistake in it is a ConfigError naming the entry."""
    try:
        raw = path.read_bytes()
        data = yaml.load(raw.decode("utf-8"), Loader=YAML_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ConfigError(f"{path}: {error}") from None
    groups: dict[str, tuple[Term, ...]] = {}
    for group in GROUPS:
        entries = data.get(group) if isinstance(data, dict) else None
        if not isinstance(entries, list) or not entries:
            raise ConfigError(f"{path}: the list '{group}' is missing or empty")
        terms = []
        for entry in entries:
            try:
                description = entry.get("description")
                terms.append(
                    Term(
                        code=str(entry["code"]),
                        label={lang: str(entry[lang]) for lang in LANGS},
                        description=(
                            {lang: str(description[lang]) for lang in LANGS} if description else None
                        ),
                        step=entry.get("step", True) is not False,
                    )
                )
            except (KeyError, TypeError, AttributeError):
                raise ConfigError(f"{path}: an entry of '{group}' needs code, fi and sv: {entry!r}") from None
        for lang in LANGS:
            slugs = [t.slug(lang) for t in terms]
            if len(set(slugs)) != len(slugs):
                raise ConfigError(f"{path}: two '{group}' labels in '{lang}' make the same URL")
            for term in terms:
                if not term.slug(lang):
                    raise ConfigError(
                        f"{path}: the '{lang}' label of '{term.code}' in '{group}' makes an empty URL; "
                        "give it a letter or digit"
                    )
        codes = [t.code for t in terms]
        for code in codes:
            if not is_slug(code):
                raise ConfigError(
                    f"{path}: the code {code!r} in '{group}' is not lowercase letters, digits and "
                    "hyphens (such as 'integration-training')"
                )
        if len(set(codes)) != len(codes):
            raise ConfigError(f"{path}: a code is repeated in '{group}'")
        groups[group] = tuple(terms)
    return Vocabulary(groups, _reading_order(groups), bytes_digest(raw))
