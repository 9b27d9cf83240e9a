"""Rules across files: unique ids and addresses, complete and agreeing translation pairs,
fresh translations, links that resolve."""

from __future__ import annotations

import posixpath
from datetime import date
from operator import attrgetter
from pathlib import Path, PurePath
from typing import NamedTuple

from ..config import LANGUAGE_NAMES, Lang
from ..problems import Problem, Severity, closest
from .freshness import copied_lines
from .model import LANGUAGE_NEUTRAL_FIELDS, Links, Practice, StaticPage, Text, Unchecked, other_lang
from .slugs import is_slug
from .unique import copies_with_mistakes, in_the_wrong_folder, problem_at, unique_addresses


class Findings(NamedTuple):
    problems: list[Problem]
    stale: frozenset[tuple[str, Lang]]
    copies: frozenset[str]
    """The files whose id another file has already (see `unique_addresses`): left out of the site."""


def check_collection(
    checked: list[tuple[Practice, Text]],
    present: set[tuple[str, Lang]],
    pages: list[StaticPage],
    unchecked: list[Unchecked],
    root: Path,
    today: date,
) -> Findings:
    """`present` holds (id, language) of every file read, valid or not, so that a broken file
    is not reported a second time as a missing translation of its twin, nor a link to it as a
    link to no practice. `pages`: the about pages, whose links are checked as the practices'
    are, as are those of `unchecked`, the practice files with mistakes, each of which is also
    told of its missing translation, or that it is a copy. `today`: a date after it is a
    mistyped year, most likely (a file's own check, kept in the build cache, cannot know what
    day it is)."""
    practices = [practice for practice, _ in checked]
    languages = {practice.source: text.language for practice, text in checked}
    problems, copies, meant = unique_addresses(practices, present, languages)
    problems.extend(copies_with_mistakes(unchecked, practices, copies, present))
    present = present | meant  # a copy told to take its twin's id stands for that version
    by_key = {(p.id, p.lang): (p, text) for p, text in checked if p.source not in copies}
    ids = {p.id for p in practices}
    drafts = ids - {p.id for p in practices if not p.draft}
    named = ids | {found for found, _ in present}
    stale: set[tuple[str, Lang]] = set()
    unpaired: list[Practice] = []
    for practice, text in checked:
        mate = (practice.id, other_lang(practice.lang))
        # A copy's id is another file's (told above), and so is the pair it would make.
        other, other_text = (None, None) if practice.source in copies else by_key.get(mate, (None, None))
        problems.extend(_file_name(practice, other))
        if practice.draft:
            continue
        alone = other is None and (practice.id, other_lang(practice.lang)) not in present
        if alone and not practice.translation_pending:
            if text.language == other_lang(practice.lang):  # it is the version missing
                problems.append(_alone_in_other_folder(practice))
            else:
                unpaired.append(practice)  # reported below, as a missing translation or a changed id
        else:
            problems.extend(_pair_problems(practice, other, present))
        if other and other_text and not other.draft:
            if practice.lang == "sv":
                problems.extend(_compare_pair(other, practice))
                problems.extend(_untranslated((other, other_text), (practice, text)))
            if practice.translated_from and practice.translated_from != other_text.substance:
                stale.add((practice.id, practice.lang))
                problems.append(_stale(practice, other, other_text.substance))
        problems.extend(_check_links(practice.source, text.links, named, drafts, practices, root))
        problems.extend(_future_dates(practice, today))
    problems.extend(_unpaired_problems(unpaired, present))
    problems.extend(_missing_twins(unchecked, present, by_key))
    linking = [(page.source, page.links) for page in pages] + [(f.source, f.links) for f in unchecked]
    for source, links in linking:
        if links:
            problems.extend(_check_links(source, links, named, drafts, practices, root))
    return Findings(problems, frozenset(stale), frozenset(copies))


def _missing_twins(
    unchecked: list[Unchecked],
    present: set[tuple[str, Lang]],
    by_key: dict[tuple[str, Lang], tuple[Practice, Text]],
) -> list[Problem]:
    """Each file with mistakes is told with them, at once, that its translation is missing
    or a draft. `by_key`: the checked files by id and language."""
    problems = []
    for file in unchecked:
        declared = file.ids[0] if len(file.ids) == 1 and is_slug(file.ids[0]) else None
        if not (file.needs_twin and declared):
            continue
        twin = other_lang(file.lang)
        other, _ = by_key.get((declared, twin), (None, None))
        if other.draft if other else (declared, twin) not in present:
            problems.append(_no_published_twin(file.source, declared, twin, other))
    return problems


def _future_dates(practice: Practice, today: date) -> list[Problem]:
    return [
        problem_at(
            practice,
            name,
            f"{name} {day.isoformat()} is after today ({today.isoformat()}), and the page would show it; "
            "check the year",
            Severity.WARNING,
        )
        for name in ("published", "updated")
        if (day := getattr(practice, name)) and day > today
    ]


def _unpaired_problems(unpaired: list[Practice], present: set[tuple[str, Lang]]) -> list[Problem]:
    """Each practice without a version in the other language is a missing translation, except
    that one Finnish and one Swedish such practice are most likely one practice whose id was
    changed in one file: that is said once."""
    fi = [p for p in unpaired if p.lang == "fi"]
    sv = [p for p in unpaired if p.lang == "sv"]
    if len(fi) != 1 or len(sv) != 1:
        return [problem for p in unpaired for problem in _pair_problems(p, None, present)]
    a, b = fi[0], sv[0]
    return [
        problem_at(
            a,
            "id",
            f"the id is '{a.id}' here but '{b.id}' in {b.source}, and neither has a version in the other "
            "language: if the id of this practice was changed in one file, give both files the id it "
            f"had before (an id must never change: its permanent addresses /fi/k/{a.id}/ and "
            f"/sv/k/{b.id}/ are built from it)",
        ),
    ]


def _file_name(practice: Practice, other: Practice | None) -> list[Problem]:
    """The web editor pairs a practice's two files by their name, not by their id: named
    apart, they are two practices there, each without its other language. The file not
    named after its id is told to be."""
    name, wanted = posixpath.basename(practice.source), f"{practice.id}.md"
    if other is None or name in (posixpath.basename(other.source), wanted):
        return []
    return [
        problem_at(
            practice,
            "id",
            f"this file and its {LANGUAGE_NAMES[other.lang]} version {other.source} are named apart, "
            "and the web editor pairs a practice's two files by their name: it would show two "
            "practices, each without the other language; rename this file to "
            f"{PurePath(practice.source).with_name(wanted).as_posix()}, after its id",
            Severity.WARNING,
        )
    ]


def _pair_problems(
    practice: Practice, other: Practice | None, present: set[tuple[str, Lang]]
) -> list[Problem]:
    twin_lang = other_lang(practice.lang)
    name = LANGUAGE_NAMES[twin_lang]
    if other is None and (practice.id, twin_lang) in present:
        return []  # the other file has problems of its own, reported there
    if other is None or other.draft:
        if practice.translation_pending:
            return [
                problem_at(
                    practice,
                    "translation_pending",
                    f"the {name} version of '{practice.id}' is pending; the site tells {name} readers so",
                    Severity.WARNING,
                )
            ]
        return [_no_published_twin(practice.source, practice.id, twin_lang, other)]
    if practice.translation_pending:
        return [
            problem_at(
                practice,
                "translation_pending",
                f"the {name} version exists now ({other.source}); remove translation_pending",
                Severity.WARNING,
            )
        ]
    return []


def _no_published_twin(source: str, practice_id: str, lang: Lang, draft: Practice | None) -> Problem:
    """The file at `source` has no published version in `lang`: none at all, or `draft`."""
    add = (
        f"publish it too (remove draft from line {draft.at('draft')[0]} of {draft.source})"
        if draft
        else f"add content/{lang}/{practice_id}.md with id: {practice_id}"
    )
    message = (
        f"there is no published {LANGUAGE_NAMES[lang]} version of '{practice_id}'"
        f"{f' ({draft.source} is a draft)' if draft else ''}; {add}, or add translation_pending: "
        "true to this file while it is being translated"
    )
    return Problem(PurePath(source), 1, 1, message)


def _alone_in_other_folder(practice: Practice) -> Problem:
    """A practice without a version in the other language, whose text is in that language:
    it is that version, saved in the wrong folder."""
    other, here = LANGUAGE_NAMES[other_lang(practice.lang)], LANGUAGE_NAMES[practice.lang]
    message = (
        f"there is no published {other} version of '{practice.id}', and this file's text is in {other}: "
        f"it is most likely that version, {in_the_wrong_folder(practice)}, then add its {here} version, "
        "or translation_pending: true to it while it is being translated"
    )
    return Problem(PurePath(practice.source), 1, 1, message)


def _stale(practice: Practice, source: Practice, substance: str) -> Problem:
    command = f"python build.py translated {practice.source}"
    return problem_at(
        practice,
        "translated_from",
        f"possibly out of date: {source.source} has changed since this version was translated "
        f"from it; update the translation, then run `{command}` (or set translated_from: "
        f"{substance})",
        Severity.WARNING,
    )


_NEUTRAL = attrgetter(*LANGUAGE_NEUTRAL_FIELDS)


def _compare_pair(fi: Practice, sv: Practice) -> list[Problem]:
    if _NEUTRAL(fi) == _NEUTRAL(sv):  # as nearly every pair: no field need be looked at alone
        return []
    problems = []
    for name in LANGUAGE_NEUTRAL_FIELDS:
        a, b = getattr(fi, name), getattr(sv, name)
        if isinstance(a, tuple):
            a, b = sorted(a), sorted(b)
        if a != b:
            here, there = _show(getattr(sv, name)), _show(getattr(fi, name))
            message = (
                f"{name} differs from {fi.source} ({here} here, {there} there)"
                if b is not None
                else f"{name} is not given here, but {fi.source} has {name}: {there}"
            )
            problems.append(problem_at(sv, name, f"{message}; the two language versions must agree"))
    return problems


def _untranslated(fi: tuple[Practice, Text], sv: tuple[Practice, Text]) -> list[Problem]:
    """Texts of a pair that are word for word the same: one of the two is not translated.
    Reported in the translation (the one with translated_from; the Swedish one if unknown)."""
    (here, here_text), (there, there_text) = (
        (fi, sv) if fi[0].translated_from and not sv[0].translated_from else (sv, fi)
    )
    problems = []
    same = f"word for word as in {there.source}, so one of the two is not translated"
    if here.summary == there.summary:
        problems.append(problem_at(here, "summary", f"the summary is {same}", Severity.WARNING))
    if codes := [code for code, text in here.criteria.items() if there.criteria.get(code) == text]:
        message = f"the evidence for {', '.join(codes)} is {same}"
        problems.append(problem_at(here, "criteria", message, Severity.WARNING))
    if copied := copied_lines(here_text.lines, there_text.lines):
        (line, other_line), more = copied[0], len(copied) - 1
        message = f"this line is word for word line {other_line} of {there.source}"
        if more:
            message += f", and so {'is 1 more line' if more == 1 else f'are {more} more lines'} below it"
        message += (
            ", so one of the two is not translated (a line meant to be the same in both languages "
            "can stay; sources listed under ## Lähteet or ## Källor are not compared)"
        )
        problems.append(Problem(PurePath(here.source), line, 1, message, Severity.WARNING))
    return problems


def _show(value: object) -> str:
    """A value as the file has it; a field not given is 'none'."""
    if isinstance(value, tuple):
        return "[" + ", ".join(value) + "]"
    return "none" if value is None else str(value)


def _check_links(
    source: str | PurePath,
    links: Links,
    ids: set[str],
    drafts: set[str],
    practices: list[Practice],
    root: Path,
) -> list[Problem]:
    """Links to a practice that no id names or that is a draft in both languages (it has no
    page), and links to a file static/ does not have."""
    problems: list[Problem] = []
    if not links.practices and not links.files:
        return problems
    for target, line, column in links.practices:
        if target in drafts:
            message = (
                f"the practice '{target}' is a draft (draft: true), so it has no page yet and the link "
                "would lead nowhere; publish that practice first, or link to it once it is published"
            )
            problems.append(Problem(PurePath(source), line, column, message))
        elif not target:
            message = (
                "the link has no practice id; write it right after practice: with no space, as in "
                "[text](practice:its-id)"
            )
            problems.append(Problem(PurePath(source), line, column, message))
        elif target not in ids and (owner := _addressed(target, practices)):  # what an editor sees
            what = "the slug" if owner.slug == target else "an alias"
            message = (
                f"no practice has the id '{target}', but it is {what} of {owner.source}; link to that "
                f"practice by its id: practice:{owner.id}"
            )
            problems.append(Problem(PurePath(source), line, column, message))
        elif target not in ids:
            near = closest(target, sorted(ids))
            fix = (
                f"did you mean practice:{near}?"
                if near
                else "link to another practice with [text](practice:its-id)"
            )
            problems.append(
                Problem(PurePath(source), line, column, f"no practice has the id '{target}'; {fix}")
            )
    if not links.files:
        return problems
    static = root / "static"
    for path, line, column in links.files:
        target_file = (static / path).resolve()
        if not target_file.is_file() or not target_file.is_relative_to(static.resolve()):
            files = [file.relative_to(static).as_posix() for file in static.rglob("*") if file.is_file()]
            near = closest(path, files)
            fix = f"did you mean /static/{near}?" if near else "check the name, or add the file under static/"
            message = f"the file static/{path} does not exist; {fix}"
            problems.append(Problem(PurePath(source), line, column, message))
    return problems


def _addressed(slug: str, practices: list[Practice]) -> Practice | None:
    """The practice whose slug or alias `slug` is, if one's is."""
    return next((p for p in practices if slug == p.slug or slug in p.aliases), None)


IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"}
HEAVY_IMAGE_BYTES = 1_000_000


def heavy_images(root: Path) -> list[Problem]:
    """Images under static/ that readers on a phone would wait for: every reader of a page that
    shows one downloads all of it."""
    problems = []
    for file in sorted((root / "static").rglob("*")):
        if file.suffix.lower() in IMAGE_SUFFIXES and file.is_file():
            size = file.stat().st_size
            if size > HEAVY_IMAGE_BYTES:
                message = (
                    f"the image is {size / 1_000_000:.1f} MB, which a reader on a phone downloads in full; "
                    "save it smaller: about 1,600 pixels wide, as JPEG or WebP, under 500 kB"
                )
                problems.append(
                    Problem(PurePath(file.relative_to(root).as_posix()), 1, 1, message, Severity.WARNING)
                )
    return problems
