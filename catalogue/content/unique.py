"""One id per language and one practice per address: which file keeps an id or an address
that two claim, and what the other is told; which version a file stands for by its name; and
a title two practices share, a warning."""

from __future__ import annotations

import posixpath
from pathlib import PurePath
from typing import NamedTuple

from ..config import LANGUAGE_NAMES, Lang
from ..problems import Problem, Severity
from .model import Practice, Unchecked, other_lang, twin_source
from .slugs import name_id, title_slug


class Claims(NamedTuple):
    problems: list[Problem]
    copies: set[str]
    """The files whose id another file has already: left out of the site."""
    meant: set[tuple[str, Lang]]
    """(id, language) of each copy told to take the id of its twin by name (the other
    language's file): that version is there, with a mistake told, not missing."""


def problem_at(practice: Practice, field: str, message: str, severity: Severity = Severity.ERROR) -> Problem:
    """A problem at the line of a practice's field."""
    line, column = practice.at(field)
    return Problem(PurePath(practice.source), line, column, message, severity)


def unique_addresses(
    practices: list[Practice], present: set[tuple[str, Lang]], languages: dict[str, Lang | None]
) -> Claims:
    """Of two practices that claim the same id or address (counting earlier addresses,
    aliases), the one published first keeps it, and the other is reported: most likely the
    one being added, whose address is not in use yet. Between equal dates, a file not named by
    its id is reported first: a copy of a practice keeps its id, date and slug, but not its
    file name. Of two with the same title, the later is warned. A version saved in the other
    language's folder is told to move (see `_misplaced`). `present`: (id, language) of every
    file read, valid or not; `languages`: the language each file's text is in, if it is sure."""
    misplaced = _misplaced(practices, present, languages)
    moved = {p.source for p, _ in misplaced}
    claims = Claims(
        [_move_problem(p, first) for p, first in misplaced],
        set(moved),
        {(p.id, other_lang(p.lang)) for p, _ in misplaced},  # that version is there, in the wrong folder
    )
    given = {p.id for p in practices}
    taken = given | {slug for p in practices for slug in (p.slug, *p.aliases)}
    by_source = {p.source: p for p in practices}
    ids: dict[tuple[str, Lang], Practice] = {}
    addresses: dict[tuple[str, Lang], tuple[Practice, str]] = {}
    slugs_by_practice: dict[str, Practice] = {}
    titles: dict[tuple[str, Lang], Practice] = {}
    for practice in sorted(
        (p for p in practices if p.source not in moved),
        key=lambda p: (p.published, posixpath.basename(p.source) != f"{p.id}.md", p.source),
    ):
        first = ids.setdefault((practice.id, practice.lang), practice)
        if first is not practice:
            claims.copies.add(practice.source)
            twin = _twin_by_name(practice.source, practice.lang, by_source, present)
            claims.meant.update([(twin.id, practice.lang)] if twin else [])
            claims.problems.append(_copy_problem(practice, first, twin, given, taken))
        claims.problems.extend(_claimed_addresses(practice, addresses, taken))
        claims.problems.extend(_same_title(practice, titles))
        other_language = slugs_by_practice.get(practice.slug)
        if (
            other_language
            and other_language.id != practice.id
            and other_language.lang != practice.lang
            and not {practice.source, other_language.source} & claims.copies  # its id is told
        ):
            claims.problems.append(
                problem_at(
                    practice,
                    "slug",
                    f"slug '{practice.slug}' is also the slug of "
                    f"{other_language.source}, a different practice in the other language; "
                    "choose another so that links cannot be mixed up",
                    Severity.WARNING,
                )
            )
        slugs_by_practice.setdefault(practice.slug, practice)
    return claims


def _misplaced(
    practices: list[Practice], present: set[tuple[str, Lang]], languages: dict[str, Lang | None]
) -> list[tuple[Practice, Practice]]:
    """Each file whose text is in the other language, and whose id a file of its folder in
    that folder's language has, while the other folder has no file of that id: most likely
    that practice's other version, saved in the wrong folder (`git mv`, or "save as" in the
    folder open). With the file that has its id."""
    own = {(p.id, p.lang): p for p in practices if languages[p.source] != other_lang(p.lang)}
    return [
        (p, own[p.id, p.lang])
        for p in practices
        if languages[p.source] == other_lang(p.lang)
        and (p.id, p.lang) in own
        and (p.id, other_lang(p.lang)) not in present
    ]


def _move_problem(practice: Practice, first: Practice) -> Problem:
    """What a version saved in the other language's folder is told (see `_misplaced`)."""
    name = LANGUAGE_NAMES[other_lang(practice.lang)]
    return problem_at(
        practice,
        "id",
        f"id '{practice.id}' is already used by {first.source}, and this file's text is in {name}: it is "
        f"most likely that practice's {name} version, {in_the_wrong_folder(practice)}",
    )


def in_the_wrong_folder(practice: Practice) -> str:
    """How a file whose text is in the other language is told where it belongs."""
    here, there = LANGUAGE_NAMES[practice.lang], other_lang(practice.lang)
    return f"saved in the {here} folder; move it to content/{there}/"


def twins_of_the_nameless(
    unchecked: list[Unchecked], practices: list[Practice], present: set[tuple[str, Lang]]
) -> set[tuple[str, Lang]]:
    """(id, language) of each version there is though its id cannot be read (an empty file, a
    missing id line): the id of its twin by name."""
    by_source = {p.source: p for p in practices}
    nameless = [file for file in unchecked if not file.ids]
    twins = [(_twin_by_name(file.source, file.lang, by_source, present), file.lang) for file in nameless]
    return {(twin.id, lang) for twin, lang in twins if twin}


def _twin_by_name(
    source: str, lang: Lang, by_source: dict[str, Practice], present: set[tuple[str, Lang]]
) -> Practice | None:
    """The other language's file of the same name, if its id has no file in this language:
    the practice the file at `source` most likely is (the web editor pairs two files by their
    name)."""
    twin = by_source.get(twin_source(source, lang))
    return twin if twin and (twin.id, lang) not in present else None


def _copy_problem(
    practice: Practice, first: Practice, twin: Practice | None, given: set[str], taken: set[str]
) -> Problem:
    """A copy's id problem: take its twin's id if it has one, else one of its own: the one its
    file's name gives if no practice has it (the same in both languages, as a title's is not),
    else one made of its title. `given`: every practice's id; `taken`: every id and address."""
    named = name_id(practice.source)
    such_as = f", such as '{named}'" if named and named not in given else _such_as(practice, taken)
    return problem_at(practice, "id", _id_taken(practice.lang, practice.id, first, twin, such_as))


def _id_taken(lang: Lang, given_id: str, first: Practice, twin: Practice | None, such_as: str) -> str:
    """What a file that gives `first`'s id is told: take its twin's (the other language's
    file of the same name), or one of its own, `such_as` one."""
    if twin:
        fix = (
            f"if this file is the {LANGUAGE_NAMES[lang]} version of {twin.source}, give it "
            f"that file's id: {twin.id}; if it is the same practice as {first.source}, keep only one "
            "of the two files"
        )
    else:
        fix = (
            f"if this file is another practice, give it an id of its own{such_as}; "
            "if it is the same practice, keep only one of the two files"
        )
    return f"id '{given_id}' is already used by {first.source}; {fix}"


def copies_with_mistakes(
    unchecked: list[Unchecked], practices: list[Practice], copies: set[str], present: set[tuple[str, Lang]]
) -> list[Problem]:
    """A file with mistakes begun as a copy of another practice's (cp alkukiri.md uusi.md): it
    declares that practice's id and is not named after it. It is told with its other mistakes,
    at once, that its id and slug are the other's, as a copy without mistakes is; a file's own
    name gives the id or slug to take. `copies`: the checked files whose id another has."""
    by_key = {(p.id, p.lang): p for p in practices if p.source not in copies}
    by_source = {p.source: p for p in practices}
    taken = {name for p in practices for name in (p.id, p.slug, *p.aliases)}
    problems: list[Problem] = []
    for file in unchecked:
        first = by_key.get((file.ids[0], file.lang)) if len(file.ids) == 1 else None
        named = name_id(file.source)
        if first is None or file.at is None or named == first.id:  # none taken, or the original
            continue
        id_at, slug_at = file.at
        such_as = f", such as '{named}'" if named and named not in taken else ""
        twin = _twin_by_name(file.source, file.lang, by_source, present)
        message = _id_taken(file.lang, first.id, first, twin, such_as)
        problems.append(Problem(PurePath(file.source), *id_at, message))
        if file.slugs and first.slug == file.slugs[0]:
            message = _address_taken("slug", first.slug, first, "slug", such_as)
            problems.append(Problem(PurePath(file.source), *slug_at, message))
    return problems


def _claimed_addresses(
    practice: Practice, addresses: dict[tuple[str, Lang], tuple[Practice, str]], taken: set[str]
) -> list[Problem]:
    """The practice's slug and aliases that an earlier practice in `addresses` has (which
    records them as its own where none has), or that repeat its slug. `taken`: every id and
    address, which a suggested slug must not be."""
    problems: list[Problem] = []
    for slug, field in [(practice.slug, "slug"), *((alias, "aliases") for alias in practice.aliases)]:
        if field == "aliases" and slug == practice.slug:
            problems.append(
                problem_at(
                    practice,
                    "aliases",
                    f"alias '{slug}' is this practice's own slug; an alias "
                    "is an earlier slug, so remove it from aliases",
                )
            )
            continue
        owner = addresses.setdefault((slug, practice.lang), (practice, field))
        if owner[0] is not practice:
            retitled = _title_key(practice.title) != _title_key(owner[0].title)  # a copy's is the other's
            instead = _such_as(practice, taken) if field == "slug" and retitled else ""
            problems.append(
                problem_at(practice, field, _address_taken(field, slug, owner[0], owner[1], instead))
            )
    return problems


def _address_taken(field: str, slug: str, owner: Practice, owner_field: str, instead: str) -> str:
    """What a practice whose slug or alias (`field`) is `owner`'s slug or alias is told."""
    what = "the slug" if owner_field == "slug" else "an alias"
    return (
        f"{'alias' if field == 'aliases' else 'slug'} '{slug}' is already {what} of {owner.source}; "
        f"two practices cannot share an address, so choose another{instead}"
    )


def _same_title(practice: Practice, titles: dict[tuple[str, Lang], Practice]) -> list[Problem]:
    """A warning if an earlier practice in `titles` (which records the practice's title where
    none has it) has the same title, as readers see it: a copy's, most likely, not yet retitled."""
    first = titles.setdefault((_title_key(practice.title), practice.lang), practice)
    if first is practice:
        return []
    message = (
        f"the title is also the title of {first.source}; readers tell practices apart by their titles "
        "in lists and search results, so say what sets this one apart (its place or organisation, "
        "for example)"
    )
    return [problem_at(practice, "title", message, Severity.WARNING)]


def _title_key(title: str) -> str:
    """A title as readers tell it from another: its case and spacing aside."""
    return " ".join(title.casefold().split())


def _such_as(practice: Practice, taken: set[str]) -> str:
    """', such as …': an id or slug made of the practice's title, if no practice has it."""
    made = title_slug(practice.title)
    return f", such as '{made}'" if made and made not in taken else ""
