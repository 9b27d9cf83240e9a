"""Validation of one source document: front matter → a typed Practice, or problems with positions."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from .collation import sort_key
from .config import Lang
from .fields import CONTACT_KEYS, FIELDS, FIELDS_BY_NAME, LINK_KEYS, Field
from .freshness import substance_hash
from .markup import PRACTICE_LINK
from .model import Contact, Link, Practice, StaticPage
from .problems import Problem, Severity
from .slugs import is_slug, slugify
from .source import SourceDocument, bytes_digest
from .vocabulary import Vocabulary

EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[a-z]{2,}$", re.IGNORECASE)
_MISSING = object()


class _Checker:
    """Collects problems for one document while converting its fields."""

    def __init__(self, doc: SourceDocument, vocabulary: Vocabulary, lang: Lang) -> None:
        self.doc = doc
        self.vocabulary = vocabulary
        self.lang = lang
        self.problems: list[Problem] = []

    def problem(self, key: tuple[str | int, ...], message: str, warning: bool = False) -> None:
        line, column = self.doc.where(*key)
        severity = Severity.WARNING if warning else Severity.ERROR
        self.problems.append(Problem(self.doc.path, line, column, message, severity))

    # Scalars -------------------------------------------------------------------------------

    def text(self, key: tuple[str | int, ...], value: Any, label: str) -> str | None:
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, str) or value is None:
            self.problem(key, f"{label} is empty; write the text after the colon")
        elif isinstance(value, bool | int | float | date):
            self.problem(
                key,
                f"{label} should be text, but YAML reads {value!r} as a "
                f'{_yaml_type(value)}; put it in quotes: {key[-1]}: "{value}"',
            )
        else:
            self.problem(key, f"{label} should be a single line of text, not a {_yaml_type(value)}")
        return None

    def identifier(self, key: tuple[str | int, ...], value: Any, what: str) -> str | None:
        text = self.text(key, value, str(key[0]))
        if text is None:
            return None
        if not is_slug(text):
            self.problem(
                key,
                f"{key[0]} '{text}' may contain only lower-case letters a-z, digits and single "
                f"hyphens; for example '{slugify(text) or 'my-practice'}' ({what})",
            )
            return None
        return text

    def slugs(self, key: tuple[str, ...], value: Any) -> tuple[str, ...] | None:
        if not isinstance(value, list):
            self.problem(
                key, f"{key[0]} should be a list of earlier slugs, for example: {key[0]}: [vanha-osoite]"
            )
            return None
        items = [self.identifier((*key, i), item, "an earlier page address") for i, item in enumerate(value)]
        return tuple(i for i in items if i) if all(items) else None

    def hash(self, key: tuple[str, ...], value: Any) -> str | None:
        if isinstance(value, str) and re.fullmatch(r"[0-9a-f]{12}", value):
            return value
        self.problem(
            key,
            f"{key[0]} should be the 12-character code that `python build.py translated FILE` writes, "
            f"not {value!r}",
        )
        return None

    def year(self, key: tuple[str, ...], value: Any) -> int | None:
        if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100:
            return value
        self.problem(key, f"{key[0]} should be a year such as 2016, not {value!r}")
        return None

    def day(self, key: tuple[str, ...], value: Any) -> date | None:
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            try:
                return date.fromisoformat(value.strip())  # a quoted date is fine too
            except ValueError:
                pass
        self.problem(key, f"{key[0]} should be a date written YYYY-MM-DD, such as 2016-05-12, not {value!r}")
        return None

    def flag(self, key: tuple[str, ...], value: Any) -> bool | None:
        if isinstance(value, bool):
            return value
        self.problem(key, f"{key[0]} should be true or false, not {value!r}")
        return None

    def url(self, key: tuple[str | int, ...], value: Any) -> str | None:
        text = self.text(key, value, "url")
        if text is None:
            return None
        parts = urlsplit(text)
        if parts.scheme in ("http", "https") and parts.netloc and " " not in text:
            return text
        self.problem(key, f"'{text}' is not a web address; write it in full, such as https://example.fi/")
        return None

    # Vocabulary codes ----------------------------------------------------------------------

    def code(self, key: tuple[str | int, ...], value: Any, group: str) -> str | None:
        codes = self.vocabulary.codes(group)
        if not isinstance(value, str):
            self.problem(key, f"{key[0]} should be one code such as '{codes[0]}', not {value!r}")
            return None
        if value in codes:
            return value
        self.problem(key, f"unknown {group.replace('_', ' ')} code '{value}'{self.suggest(value, group)}")
        return None

    def suggest(self, value: str, group: str) -> str:
        """'; did you mean …?' from the codes and from this language's labels."""
        by_label = {t.label[self.lang].casefold(): t.code for t in self.vocabulary.terms(group)}
        if value.casefold() in by_label:
            return f"; the code for '{value}' is '{by_label[value.casefold()]}'"
        candidates = {c: c for c in self.vocabulary.codes(group)} | by_label
        close = difflib.get_close_matches(value.casefold(), list(candidates), n=1, cutoff=0.6)
        if not close:
            # A word of a label ("kielikoulutus" in "Kotoutumiskoulutus ja kielikoulutus").
            words = {word: label for label in by_label for word in re.split(r"[\s,]+", label)}
            close = [
                words[w] for w in difflib.get_close_matches(value.casefold(), list(words), n=1, cutoff=0.8)
            ]
        if close:
            code = candidates[close[0]]
            label = self.vocabulary.term(group, code).label[self.lang]
            return f"; did you mean '{code}' ({label})?"
        known = ", ".join(self.vocabulary.codes(group))
        return f"; the codes are: {known}"

    def codes(self, key: tuple[str, ...], value: Any, group: str) -> tuple[str, ...] | None:
        if isinstance(value, str):
            self.problem(key, f"{key[0]} should be a list, for example: {key[0]}: [{value}]")
            return None
        if not isinstance(value, list) or not value:
            example = self.vocabulary.codes(group)[0]
            self.problem(
                key, f"{key[0]} should be a list of one or more codes, for example: {key[0]}: [{example}]"
            )
            return None
        result: list[str] = []
        for index, item in enumerate(value):
            code = self.code((*key, index), item, group)
            if code is None:
                continue
            if code in result:
                self.problem((*key, index), f"'{code}' is listed twice in {key[0]}; keep it once")
                continue
            result.append(code)
        return tuple(result) if len(result) == len(value) else None

    def texts(self, key: tuple[str, ...], value: Any) -> tuple[str, ...] | None:
        if isinstance(value, str):
            self.problem(key, f'{key[0]} should be a list, for example: {key[0]}: ["{value}"]')
            return None
        if not isinstance(value, list) or not value:
            self.problem(key, f"{key[0]} should be a list of one or more names")
            return None
        items = [self.text((*key, i), item, key[0]) for i, item in enumerate(value)]
        return tuple(i for i in items if i) if all(items) else None

    # Structured fields ---------------------------------------------------------------------

    def mapping(
        self, key: tuple[str | int, ...], value: Any, allowed: tuple[str, ...]
    ) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.problem(
                key, f"{key[-1]} should have the fields {', '.join(allowed)}, each on its own indented line"
            )
            return None
        for name in value:
            if name not in allowed:
                self.problem(
                    (*key, name), f"unknown field '{name}' in {key[-1]}{_did_you_mean(str(name), allowed)}"
                )
        return value

    def contact(self, key: tuple[str, ...], value: Any) -> Contact | None:
        data = self.mapping(key, value, CONTACT_KEYS)
        if data is None:
            return None
        name = self.text((*key, "name"), data.get("name"), "contact name")
        organisation = self.optional_text((*key, "organisation"), data.get("organisation", _MISSING))
        email = None
        if "email" in data:
            email = self.text((*key, "email"), data["email"], "email")
            if email and not EMAIL.match(email):
                self.problem((*key, "email"), f"'{email}' is not an e-mail address such as name@example.fi")
                email = None
        url = self.url((*key, "url"), data["url"]) if "url" in data else None
        return Contact(name, organisation, email, url) if name else None

    def optional_text(self, key: tuple[str, ...], value: Any) -> str | None:
        return None if value is _MISSING else self.text(key, value, key[-1])

    def links(self, key: tuple[str, ...], value: Any) -> tuple[Link, ...] | None:
        if not isinstance(value, list):
            self.problem(
                key, "links should be a list; start each link with '- text: ...' and give its url below"
            )
            return None
        result = []
        for index, item in enumerate(value):
            data = self.mapping((*key, index), item, LINK_KEYS)
            if data is None:
                continue
            text = self.text((*key, index, "text"), data.get("text"), "link text")
            url = self.url((*key, index, "url"), data.get("url"))
            if text and url:
                result.append(Link(text, url))
        return tuple(result)

    def criteria(self, key: tuple[str, ...], value: Any, draft: bool) -> dict[str, str] | None:
        codes = self.vocabulary.codes("criteria")
        if not isinstance(value, dict):
            self.problem(key, f"criteria should list the evidence under each criterion: {', '.join(codes)}")
            return None
        result: dict[str, str] = {}
        for name, evidence in value.items():
            if name not in codes:
                self.problem((*key, name), f"unknown criterion '{name}'{self.suggest(str(name), 'criteria')}")
                continue
            text = self.text((*key, name), evidence, f"the evidence for '{name}'")
            if text:
                result[name] = text
        missing = [c for c in codes if c not in value]
        if missing and not draft:
            self.problem(
                key,
                f"criteria: the evidence for {', '.join(missing)} is missing; a published practice "
                "needs all six criteria",
            )
        return {c: result[c] for c in codes if c in result}


def _did_you_mean(value: str, options: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(value, list(options), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else f"; the fields are: {', '.join(options)}"


def _yaml_type(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false value"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, date):
        return "date"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "group of fields"
    return type(value).__name__


def validate_practice(
    doc: SourceDocument, vocabulary: Vocabulary, lang: Lang
) -> tuple[Practice | None, list[Problem]]:
    """Convert one document's front matter into a Practice; report every problem in it."""
    check = _Checker(doc, vocabulary, lang)
    front = doc.front
    for name in front:
        if name not in FIELDS_BY_NAME:
            check.problem((name,), f"unknown field '{name}'{_did_you_mean(name, list(FIELDS_BY_NAME))}")
    draft_value = front.get("draft", False)
    draft = check.flag(("draft",), draft_value) if "draft" in front else False
    values: dict[str, Any] = {}
    for spec in FIELDS:
        if spec.name not in front:
            if spec.required and not (spec.kind == "criteria" and draft):
                check.problem(
                    (),
                    f"the required field '{spec.name}' is missing; add a line such as: "
                    f"{spec.name}: {spec.example}",
                )
            values[spec.name] = None
            continue
        if spec.name == "draft":
            values["draft"] = draft
            continue
        values[spec.name] = _convert(check, spec, front[spec.name], bool(draft))
    values["criteria"] = values["criteria"] or {}
    _check_body(check, doc)
    if values["start_year"] and values["end_year"] and values["end_year"] < values["start_year"]:
        check.problem(
            ("end_year",), f"end_year {values['end_year']} is before start_year {values['start_year']}"
        )
    if values["published"] and values["updated"] and values["updated"] < values["published"]:
        check.problem(("updated",), "updated is before published; updated is the date of a later change")
    if any(p.severity is Severity.ERROR for p in check.problems):
        return None, check.problems
    practice = Practice(
        lang=lang,
        practice_links=tuple(_links_in(PRACTICE_LINK, "id", doc)),
        static_links=tuple(_links_in(STATIC_LINK, "path", doc)),
        digest=doc.digest,
        front_digest=doc.front_digest,
        text_digest=bytes_digest(
            "\x00".join(
                [doc.body, *(f"{code}\x00{text}" for code, text in values["criteria"].items())]
            ).encode()
        ),
        title_key=sort_key(values["title"]),
        substance=substance_hash(
            values["title"],
            values["summary"],
            doc.body,
            list(values["criteria"].values()),
            [link.text for link in values["links"] or ()],
        ),
        source=doc.path.as_posix(),
        body_line=doc.body_line,
        body_offset=doc.body_offset,
        lines=json.dumps({name: doc.where(name) for name in front}, separators=(",", ":")),
        aliases=values["aliases"] or (),
        translation_pending=bool(values["translation_pending"]),
        translated_from=values["translated_from"],
        draft=bool(draft),
        contact=values["contact"],
        links=values["links"] or (),
        municipality=values["municipality"],
        end_year=values["end_year"],
        updated=values["updated"],
        **{
            name: values[name]
            for name in (
                "id",
                "slug",
                "title",
                "summary",
                "themes",
                "phases",
                "target_groups",
                "regions",
                "organisations",
                "practice_type",
                "start_year",
                "funding",
                "published",
                "criteria",
            )
        },
    )
    return practice, check.problems


def _convert(check: _Checker, spec: Field, value: Any, draft: bool) -> Any:
    key = (spec.name,)
    match spec.kind:
        case "id":
            return check.identifier(key, value, "it pairs the fi and sv files and must never change")
        case "slug":
            return check.identifier(key, value, "it becomes the page address")
        case "slugs":
            return check.slugs(key, value)
        case "hash":
            return check.hash(key, value)
        case "text" | "markdown":
            return check.text(key, value, spec.name)
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


STATIC_LINK = re.compile(r"\]\(/static/(?P<path>[^)\s#?]+)")


def _links_in(pattern: re.Pattern[str], group: str, doc: SourceDocument) -> Iterator[tuple[str, int, int]]:
    """(target, line, column) of each link of one kind in the text."""
    if not pattern.search(doc.body):
        return
    for offset, line in enumerate(doc.body.split("\n")):
        for match in pattern.finditer(line):
            yield match.group(group), doc.body_line + offset, match.start() + 3


IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]*)")
HTML_IMG = re.compile(r"<img\b(?P<attrs>[^>]*)>", re.IGNORECASE)
HEADING_1 = re.compile(r"^#(?!#)\s")
HEADING_1_ANYWHERE = re.compile(r"^#(?!#)\s", re.MULTILINE)


def _check_body(check: _Checker, doc: SourceDocument) -> None:
    """Body rules an editor can break: one h1 per page, and alt text on every image."""
    body = doc.body
    if not (HEADING_1_ANYWHERE.search(body) or "![" in body or "<img" in body.lower()):
        return  # nothing to look at line by line (most bodies)
    in_code = False
    for offset, line in enumerate(doc.body.split("\n")):
        number = doc.body_line + offset
        if line.lstrip().startswith("```"):
            in_code = not in_code
        if in_code:
            continue
        if HEADING_1.match(line):
            check.problems.append(
                Problem(
                    doc.path,
                    number,
                    1,
                    "the text uses a level-1 heading ('# '); the title is the page's only level-1 "
                    "heading, so start sections with '## '",
                )
            )
        for match in IMAGE.finditer(line):
            if not match.group("alt").strip():
                check.problems.append(
                    Problem(
                        doc.path,
                        number,
                        match.start() + 1,
                        "the image has no alt text; describe it between the brackets: "
                        "![What the picture shows](" + match.group("src") + ")",
                    )
                )
        for match in HTML_IMG.finditer(line):
            if not re.search(r"\balt\s*=\s*\"[^\"]+\"", match.group("attrs")):
                check.problems.append(
                    Problem(
                        doc.path,
                        number,
                        match.start() + 1,
                        'the image has no alt text; add alt="what the picture shows"',
                    )
                )


def validate_page(doc: SourceDocument, lang: Lang, key: str) -> tuple[StaticPage | None, list[Problem]]:
    """An about-type page needs a title and a description."""
    check = _Checker(doc, None, lang)  # type: ignore[arg-type]
    for name in doc.front:
        if name not in ("title", "description"):
            check.problem((name,), f"unknown field '{name}'; a page has only title and description")
    title = check.text(("title",), doc.front.get("title"), "title")
    description = check.text(("description",), doc.front.get("description"), "description")
    _check_body(check, doc)
    if title is None or description is None or check.problems:
        return None, check.problems
    return StaticPage(key, lang, title, description, doc.body, doc.path, doc.body_line), []
