"""Validation of one source document: front matter → a typed Practice and its Text, or
problems with positions."""

from __future__ import annotations

import re
from datetime import date
from pathlib import PurePath
from typing import Any

from ..config import LANGUAGE_NAMES, Lang
from ..problems import Problem, Severity
from .as_meant import as_meant
from .collation import sort_key
from .fields import (
    FIELD_LABELS,
    FIELDS,
    FIELDS_BY_NAME,
    LONG_TEXTS,
    Field,
    meant_field,
)
from .freshness import line_keys, substance_hash, written_in
from .hyphenation import hyphenated_heading
from .model import Practice, StaticPage, Text, flat_positions
from .slugs import name_id, title_slug
from .source import SourceDocument
from .text_headings import CRITERION, DESCRIPTION, TITLE
from .text_links import TextLink, links_of
from .text_rules import text_problems
from .values import ValueChecker
from .vocabulary import Vocabulary


def validate_practice(
    doc: SourceDocument, vocabulary: Vocabulary, lang: Lang
) -> tuple[Practice | None, Text, list[Problem]]:
    """Convert one document into a Practice and its Text; report every problem in it. A
    document with mistakes has no Practice, and a Text that holds only its links (which are
    checked across files all the same: every problem at once)."""
    doc, slips = as_meant(doc, vocabulary)
    check = ValueChecker(doc, vocabulary, lang)
    check.problems.extend(slips)
    values = _field_values(check, doc.front, lang, _unknown_fields(check, doc.front))
    links = _check_body(check, doc, after=DESCRIPTION) + _evidence_links(check, doc, values["criteria"])
    language = written_in(doc.body)
    if not values["draft"]:  # a draft is work in progress: placeholders, a translation under way
        _check_publishable(check, doc)
        _check_language(check, doc, language, lang)
    for name, most in LONGEST.items():
        if values[name] and len(values[name]) > most:
            check.problem(
                (name,),
                f"the {name} is {len(values[name])} characters long; readers scan lists and search "
                f"results by it, so keep it within {most}",
                warning=True,
            )
    if values["start_year"] and values["end_year"] and values["end_year"] < values["start_year"]:
        check.problem(
            ("end_year",),
            f"end_year {values['end_year']} is before start_year {values['start_year']}; end_year is the "
            "last year the practice ran: correct the year that is wrong, or leave end_year out while "
            "the practice goes on",
        )
    if values["published"] and values["updated"] and values["updated"] < values["published"]:
        check.problem(
            ("updated",),
            f"updated {values['updated']} is before published {values['published']}; updated is the date "
            "of a later change: the day the practice was published or later",
        )
    if any(p.severity is Severity.ERROR for p in check.problems):
        return None, Text(doc.digest, doc.body_line, links_of(links), ""), check.problems
    practice = Practice(
        **values,
        lang=lang,
        source=doc.path.as_posix(),
        positions=flat_positions({name: doc.where(name) for name in doc.front}),
        title_key=sort_key(values["title"]),
        title_hyphenated=hyphenated_heading(values["title"], lang),
        digest=doc.front_digest,
    )
    return practice, _text(doc, practice, links, language), check.problems


def _text(doc: SourceDocument, practice: Practice, links: list[TextLink], language: Lang | None) -> Text:
    """What the checks across files need of a practice's text (see `Text`)."""
    link_texts = [link.text for link in practice.links]
    criteria = list(practice.criteria.values())
    return Text(
        digest=doc.digest,
        line=doc.body_line,
        links=links_of(links),
        substance=substance_hash(practice.title, practice.summary, doc.body, criteria, link_texts),
        lines=line_keys(doc.body, doc.body_line),
        language=language,
    )


DEFAULTS: dict[str, Any] = {"criteria": {}, "links": (), "aliases": (), "translation_pending": False}
"""What an optional field that is left out means."""


OPTIONAL = frozenset(spec.name for spec in FIELDS if not spec.required)
LONGEST = {"title": 120, "summary": 300}
"""Lengths past which a field gets a warning."""
PLACEHOLDER = re.compile(
    r"^\s*(\.\.\.|…|TODO\b.*|Kirjoita .* tähän\..*|Skriv .* här\..*)\s*$", re.IGNORECASE | re.DOTALL
)
"""What `build.py new` writes for the editor to replace, and TODO."""


def _check_language(check: ValueChecker, doc: SourceDocument, found: Lang | None, lang: Lang) -> None:
    """A text in the other language than its folder's (`found`) would be published on that
    language's site: a Swedish version saved in content/fi, or a Finnish text pasted over a
    Swedish one."""
    if found and found != lang:
        name, folder_name = LANGUAGE_NAMES[found], LANGUAGE_NAMES[lang]
        message = (
            f"the text is in {name}, but the file is in content/{lang}/, so it would be published on "
            f"the {folder_name} pages; move a {name} version to content/{found}/, or write the text in "
            f"{folder_name}"
        )
        check.problems.append(Problem(doc.path, doc.body_line, 1, message, Severity.WARNING))


def _check_publishable(check: ValueChecker, doc: SourceDocument) -> None:
    """A published practice has a description, and no placeholder in any field or line of
    its text."""

    def walk(key: tuple[str | int, ...], value: Any) -> None:
        if isinstance(value, dict):
            for name, inner in value.items():
                walk((*key, name), inner)
        elif isinstance(value, list):
            for index, inner in enumerate(value):
                walk((*key, index), inner)
        elif isinstance(value, str) and PLACEHOLDER.match(value):
            check.problem(key, f"{_field_name(key)}: {_placeholder_message(value)}")

    for name, value in doc.front.items():
        spec = FIELDS_BY_NAME.get(name)
        if not (spec and spec.kind in UNCHOSEN):  # their placeholders: see _unchosen_value
            walk((name,), value)
    for offset, line in enumerate(doc.body.split("\n")):
        if PLACEHOLDER.match(line):
            check.problems.append(Problem(doc.path, doc.body_line + offset, 1, _placeholder_message(line)))
    if not doc.body.strip():
        message = (
            "the practice has no description; below the front matter (after its closing '---' line), "
            "write what the practice is, for whom, and how it works, in sections that start with ## "
            "(or keep draft: true until it is ready)"
        )
        check.problems.append(Problem(doc.path, 1, 1, message))


def _field_name(key: tuple[str | int, ...]) -> str:
    """A field as the editor knows it: 'contact name', 'criteria high-impact' ('organisations'
    for an item of its list)."""
    return " ".join(str(part) for part in key if isinstance(part, str))


def _placeholder_message(value: str) -> str:
    return (
        f"'{value.strip()[:60]}' is a placeholder; write the real text, or keep draft: true until "
        "the practice is ready to publish"
    )


def _example(spec: Field, given: dict[str, Any], lang: Lang, path: PurePath) -> str:
    """An example of a missing field's line: a slug made of the title, as a new page's would
    be; an id the file's name, as a practice's two files are named after it."""
    title = given.get("title")
    if spec.name == "slug" and isinstance(title, str):
        return title_slug(title) or spec.example_in(lang)
    return (spec.name == "id" and name_id(path)) or spec.example_in(lang)


def _unknown_fields(check: ValueChecker, front: dict[str, Any]) -> set[str | None]:
    """Report each field there is no such field as, with the one it likely stands for; return
    those (their absence is not told as well)."""
    unknown = [name for name in front if name not in FIELDS_BY_NAME]
    draft = front.get("draft") is True
    missing = [
        f.name for f in FIELDS if f.required and f.name not in front and not (draft and f.kind == "criteria")
    ]
    meant: set[str | None] = set()
    for name in unknown:
        field, told = meant_field(name, FIELD_LABELS, unknown, missing)
        check.problem((name,), f"unknown field '{name}'{told}")
        meant.add(field)
    return meant


def _field_values(
    check: ValueChecker, front: dict[str, Any], lang: Lang, meant: set[str | None]
) -> dict[str, Any]:
    """Every declared field's checked value (None where it is missing or wrong). A required
    field that a misspelled one was meant to be is not reported a second time. An optional
    field left empty (`end_year:`) is one not given, as are a draft's criteria, to be written later."""
    draft = check.flag(("draft",), front["draft"]) if front.get("draft") is not None else False
    optional = OPTIONAL | ({"criteria"} if draft else set())
    given = {name: value for name, value in front.items() if value is not None or name not in optional}
    values: dict[str, Any] = {"draft": bool(draft)}
    for spec in FIELDS:
        if spec.name == "draft":
            continue
        if spec.name not in given:
            if spec.required and not (spec.kind == "criteria" and draft) and spec.name not in meant:
                check.problem(
                    (),
                    f"the required field '{spec.name}' is missing; add a line such as: "
                    f"{spec.name}: {_example(spec, given, lang, check.doc.path)}",
                )
            values[spec.name] = DEFAULTS.get(spec.name)
            continue
        value = _convert(check, spec, given[spec.name], bool(draft))
        values[spec.name] = DEFAULTS.get(spec.name) if value is None else value
    return values


def _convert(check: ValueChecker, spec: Field, value: Any, draft: bool) -> Any:
    key = (spec.name,)
    if spec.kind in UNCHOSEN and _unchosen(value):
        return _unchosen_value(check, spec, value, draft)
    match spec.kind:
        case "id":
            return check.identifier(key, value, "it pairs the fi and sv files and must never change")
        case "slug":
            return check.identifier(key, value, "it becomes the page address")
        case "slugs":
            return check.slugs(key, value)
        case "hash":
            return check.hash(key, value)
        case "text":
            return check.text(key, value, spec.name, lines=spec.name in LONG_TEXTS)
        case "texts":
            return check.texts(key, value)
        case "code":
            return check.code(key, value, spec.vocabulary or "")
        case "codes":
            return check.codes(key, value, spec.vocabulary or "")
        case "year":
            return check.year(key, value)
        case "date":
            return check.day(key, value)
        case "bool":
            return check.flag(key, value)
        case "contact":
            return check.contact(key, value)
        case "links":
            return check.links(key, value)
        case "criteria":
            return check.criteria(key, value, draft)
    raise AssertionError(spec.kind)


UNCHOSEN = {"codes": (), "code": "", "year": 0, "date": date.max}
"""The kinds of field `build.py new` leaves for the editor to choose ('...'), and what a draft
holds meanwhile (nothing: a draft is not published; its date is the latest, so that of two
practices at one address the draft is told to move)."""


def _unchosen(value: Any) -> bool:
    """'...' where `build.py new` leaves a value for the editor to choose (or a list of it)."""
    items = value if isinstance(value, list) and value else [value]
    return all(isinstance(item, str) and PLACEHOLDER.match(item) for item in items)


def _unchosen_value(check: ValueChecker, spec: Field, value: Any, draft: bool) -> Any:
    """A draft may leave its codes, start year and date to be chosen; a practice to publish may not."""
    if draft:
        return UNCHOSEN[spec.kind]
    if spec.kind == "date":  # published, which `new` leaves: the day the draft is published
        what = f"the day the practice is {spec.name}, such as {spec.name}: 2025-03-14"
    elif spec.kind == "year":  # start_year, which `new` leaves, or end_year (TODO)
        ended = spec.name == "end_year"
        what = f"the year the practice {'ended' if ended else 'started'}, such as {spec.name}: 2019"
        what += " (or delete the line if it goes on)" if ended else ""
    else:
        codes = check.vocabulary.codes(spec.vocabulary or "")
        several = spec.kind == "codes"
        example = f"[{codes[0]}]" if several else codes[0]
        how_many = "one or more codes" if several else "one code"
        what = f"{how_many}, such as {spec.name}: {example} (the codes are: {', '.join(codes)})"
    at: tuple[str | int, ...] = (spec.name, 0) if isinstance(value, list) else (spec.name,)  # the '...'
    written = value[0] if isinstance(value, list) else value
    check.problem(
        at,
        f"{spec.name}: '{written}' is a placeholder; write {what}, or keep draft: true until the practice "
        "is ready to publish",
    )
    return None


def _check_body(check: ValueChecker, doc: SourceDocument, after: int) -> list[TextLink]:
    """The body's problems (see text_rules) into `check`; returns its links."""
    links, problems = text_problems(doc.path, doc.body, doc.body_line, after)
    check.problems += problems
    return links


def _evidence_links(
    check: ValueChecker, doc: SourceDocument, criteria: dict[str, str] | None
) -> list[TextLink]:
    """The criteria's evidence is Markdown too, under each criterion's heading: its problems
    (see text_rules) into `check` and its links, each at its criterion's value (a YAML
    string's lines are not the file's)."""
    found = []
    for code, evidence in (criteria or {}).items():
        line, column = doc.where("criteria", code)
        links, problems = text_problems(doc.path, evidence, line, after=CRITERION)
        check.problems += [problem._replace(line=line, column=column) for problem in problems]
        found += [link._replace(line=line, column=column) for link in links]
    return found


def validate_page(doc: SourceDocument, lang: Lang, key: str) -> tuple[StaticPage | None, list[Problem]]:
    """An about-type page needs a title and a description."""
    check = ValueChecker(doc, Vocabulary({}, {}, ""), lang)
    for name in doc.front:
        if name not in ("title", "description"):
            check.problem((name,), f"unknown field '{name}'; a page has only title and description")
    title = check.text(("title",), doc.front.get("title"), "title")
    description = check.text(("description",), doc.front.get("description"), "description")
    links = _check_body(check, doc, after=TITLE)
    if not doc.body.strip():
        message = "the page has no text; write it below the front matter (after its closing '---' line)"
        check.problems.append(Problem(doc.path, 1, 1, message))
    if title is None or description is None or any(p.severity is Severity.ERROR for p in check.problems):
        return None, check.problems
    page = StaticPage(key, lang, title, description, doc.body, doc.path, doc.body_line, links_of(links))
    return page, check.problems  # and its warnings
