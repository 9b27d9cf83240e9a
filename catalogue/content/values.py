"""Checking one front-matter value at a time: a typed value, or a problem at its place with the fix."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..config import Lang
from ..problems import Problem, Severity
from .address_kinds import EMAIL, group_lines, other_kind
from .characters import escaped_characters
from .code_hints import CodeHints
from .dates import written_date, written_year
from .fields import CONTACT_KEYS, LINK_KEYS
from .house_style import MARKUP, in_typographic_quotes, plainly, scalar, yaml_type
from .html_policy import scheme_of, web_address
from .model import Contact, Link
from .slugs import EXAMPLE_SLUG, LONGEST_SEGMENT, is_slug, shortened, slugify
from .source import SourceDocument
from .text_rules import vague_link_text
from .vocabulary import Vocabulary
from .yaml_errors import quoted_to_write

YEARS = re.compile(r"(\d{4}) *[-–—] *(\d{4})")
"""Years written as a span (2017–2019), which two fields hold."""
_MISSING = object()


class ValueChecker:
    """Collects problems for one document while converting its fields."""

    def __init__(self, doc: SourceDocument, vocabulary: Vocabulary, lang: Lang) -> None:
        self.doc = doc
        self.vocabulary = vocabulary
        self.hints = CodeHints(vocabulary, lang)
        self.problems: list[Problem] = list(doc.problems)
        for key, message in escaped_characters(doc.front):
            self.problem(key, message)

    def problem(self, key: tuple[str | int, ...], message: str, warning: bool = False) -> None:
        line, column = self.doc.where(*key)
        severity = Severity.WARNING if warning else Severity.ERROR
        self.problems.append(Problem(self.doc.path, line, column, message, severity))

    def shown(self, key: tuple[str | int, ...], value: Any) -> str:
        """A value as the file has it (2024-01-05, no, 'text'), not as Python shows it."""
        if isinstance(value, list | dict):
            return f"a {yaml_type(value)}"
        if isinstance(value, str):
            return repr(value)
        return self.doc.written.get(key) or "an empty value"

    # Scalars -------------------------------------------------------------------------------

    def text(
        self,
        key: tuple[str | int, ...],
        value: Any,
        label: str,
        shown: bool = True,
        markdown: bool = False,
        lines: bool = False,
    ) -> str | None:
        """A line of text, or of several `lines` (or `markdown`); `shown`: readers see it (not
        so an id, an address or an e-mail address, whose own checks refuse quotes), as written
        unless it is `markdown`."""
        item = isinstance(key[-1], int)  # an item of a list (organisations)
        what = f"item {int(key[-1]) + 1} of {label}" if item else label
        if isinstance(value, str) and value.strip():
            text = value.strip()
            if not (lines or markdown) and ("\n" in text or "\r" in text):  # as `title: |` keeps them
                self.problem(
                    key,
                    f"{what} should be a single line of text, but it has a line break; write it on one "
                    f"line: {'-' if item else f'{key[-1]}:'} {scalar(' '.join(text.split()))}",
                )
                return None
            if shown:
                self.shown_text(key, what, text, markdown)
            return text
        empty = isinstance(value, str) or value is None
        comment = self.doc.written.get(key, "") if empty else ""
        if comment.startswith("#"):
            self.problem(
                key,
                f"{what} is empty: YAML reads '{comment}' as a comment, not as the value; if it is the "
                f"value, put it in quotes: {'-' if item else f'{key[-1]}:'} {quoted_to_write(comment)}",
            )
        elif empty and item:
            self.problem(key, f"{what} is empty; write it, or remove it from the list")
        elif empty:
            self.problem(key, f"{label} is empty; write the text after the colon")
        elif isinstance(value, bool | int | float | date):
            written = self.doc.written.get(key, str(value))
            self.problem(
                key,
                f"{label} should be text, but YAML reads {written} as a "
                f'{yaml_type(value)}; put it in quotes: {"" if item else f"{key[-1]}: "}"{written}"',
            )
        else:
            mend = ""  # [a, b]: a list of texts, which is one text with its brackets left out
            if isinstance(value, list) and value and not item and all(isinstance(p, str) for p in value):
                mend = f"; without the brackets: {key[-1]}: {scalar(', '.join(value))}"
            self.problem(key, f"{label} should be a single line of text, not a {yaml_type(value)}{mend}")
        return None

    def shown_text(self, key: tuple[str | int, ...], what: str, text: str, markdown: bool) -> None:
        """Warnings of what a text shows readers that its editor did not mean to."""
        if in_typographic_quotes(text) is not None:
            self.problem(
                key,
                f"{what} is in typographic quotes ({text[0]}…{text[-1]}), which YAML keeps as part of "
                "the text, so the page shows them; remove them unless they belong to the text (the "
                'quotes YAML reads are straight: "…")',
                warning=True,
            )
        if not markdown and (markup := MARKUP.search(text)):
            self.problem(
                key,
                f"{what} is plain text, so '{markup[0]}' would show on the page as written; "
                + plainly(markup[0]),
                warning=True,
            )

    def identifier(self, key: tuple[str | int, ...], value: Any, what: str) -> str | None:
        text = self.text(key, value, str(key[0]), shown=False)
        if text is None:
            return None
        if not is_slug(text):
            self.problem(
                key,
                f"{key[0]} '{text}' may contain only lower-case letters a-z, digits and single "
                f"hyphens; for example '{slugify(text) or EXAMPLE_SLUG}' ({what})",
            )
            return None
        if len(text) > LONGEST_SEGMENT:
            self.problem(
                key,
                f"{key[0]} is {len(text)} characters long; keep it within {LONGEST_SEGMENT} ({what}), "
                f"for example '{shortened(text)}'",
            )
            return None
        return text

    def slugs(self, key: tuple[str, ...], value: Any) -> tuple[str, ...] | None:
        if not isinstance(value, list):  # as text: the list it is, if it is slugs
            given = [part.strip() for part in value.split(",")] if isinstance(value, str) else [""]
            written = ", ".join(given) if all(map(is_slug, given)) else ""
            fix = f"; write: {key[0]}: [{written}]" if written else f", for example: {key[0]}: [vanha-osoite]"
            self.problem(key, f"{key[0]} should be a list of earlier slugs{fix}")
            return None
        items = [self.identifier((*key, i), item, "an earlier page address") for i, item in enumerate(value)]
        return tuple(i for i in items if i) if all(items) else None

    def hash(self, key: tuple[str, ...], value: Any) -> str | None:
        if isinstance(value, str) and re.fullmatch(r"[0-9a-f]{12}", value):
            return value
        self.problem(
            key,
            f"{key[0]} should be the 12-character code that `python build.py translated FILE` writes, "
            f"not {self.shown(key, value)}",
        )
        return None

    def year(self, key: tuple[str, ...], value: Any) -> int | None:
        if (year := written_year(value)) is not None:
            return year
        years = YEARS.fullmatch(value.strip()) if isinstance(value, str) else None
        if years:
            first, last = years[1], years[2]
            if key[0] == "start_year" and "end_year" not in self.doc.front:
                fix = f"write two fields: start_year: {first} and, on the next line, end_year: {last}"
            else:  # the other year has a field of its own already
                fix = f"write {key[0]}: {first if key[0] == 'start_year' else last}"
            self.problem(key, f"{key[0]} is one year; for the years {first}–{last}, {fix}")
            return None
        one = value[0] if isinstance(value, list) and len(value) == 1 else None  # '- 2018' under the field
        fix = f"; write it after the colon, without '- ' or [ ]: {key[0]}: {one}" if written_year(one) else ""
        self.problem(key, f"{key[0]} should be a year such as 2016, not {self.shown(key, value)}{fix}")
        return None

    def day(self, key: tuple[str, ...], value: Any) -> date | None:
        found = written_date(str(key[0]), value)
        if isinstance(found, date):
            return found
        example = "should be a date written YYYY-MM-DD, such as 2016-05-12"
        self.problem(key, found or f"{key[0]} {example}, not {self.shown(key, value)}")
        return None

    def flag(self, key: tuple[str, ...], value: Any) -> bool | None:
        if isinstance(value, bool):
            return value
        self.problem(key, f"{key[0]} should be true or false, not {self.shown(key, value)}")
        return None

    def url(self, key: tuple[str | int, ...], value: Any) -> str | None:
        text = self.text(key, value, "url", shown=False)
        if text is None:
            return None
        parts = web_address(text)
        if parts and " " not in text:
            return text
        if wrong := other_kind("url", text, str(key[0])):
            self.problem(key, wrong)
            return None
        if key[0] == "links" and text.startswith(("practice:", "/")):  # a page of this site
            self.problem(
                key,
                f"'{text}' is a page of this catalogue, and links: lists pages of other sites; "
                f"link it in the text instead, such as [its name]({text})",
            )
            return None
        if parts:  # only its spaces are wrong
            example = text.replace(" ", "%20")
        elif not scheme_of(text) and "." in text.split("/", 1)[0]:  # www.kotoutuminen.fi
            example = f"https://{text}".replace(" ", "%20")
        else:
            example = "https://example.fi/"
        self.problem(key, f"'{text}' is not a web address; write it in full, such as {example}")
        return None

    # Vocabulary codes ----------------------------------------------------------------------

    def code(self, key: tuple[str | int, ...], value: Any, group: str) -> str | None:
        codes = self.vocabulary.codes(group)
        if not isinstance(value, str):
            self.problem(
                key, f"{key[0]} should be one code such as '{codes[0]}', not {self.shown(key, value)}"
            )
            return None
        if value in codes:
            return value
        hint = self.hints.suggest(value, group, in_list=isinstance(key[-1], int))
        self.problem(key, f"unknown {group.replace('_', ' ')} code '{value}'{hint}")
        return None

    def codes(self, key: tuple[str, ...], value: Any, group: str) -> tuple[str, ...] | None:
        if isinstance(value, str):
            self.problem(key, f"{key[0]} should be a list of codes{self.hints.as_list(key[0], value, group)}")
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
            one = f"{key[0]}: [{scalar(value.strip(), in_flow=True)}]"
            names = [name.strip() for name in value.split(",") if name.strip()]
            if len(names) > 1:  # several names, or one with a comma in it ("kaupunki, toimiala")
                several = f"{key[0]}: [{', '.join(scalar(name, in_flow=True) for name in names)}]"
                one = f"{several} for {len(names)} names, or {one} for one name that has commas in it"
            self.problem(key, f"{key[0]} should be a list: {one}")
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
        """A contact's or a link's parts (their names are checked before, in `as_meant`)."""
        what = f"item {int(key[-1]) + 1} of {key[-2]}" if isinstance(key[-1], int) else key[-1]
        if not isinstance(value, dict):
            text = value.strip() if isinstance(value, str) and not isinstance(key[-1], int) else ""
            lines = [f"'{line}'" for line in group_lines(text, allowed)]
            written = f"{', '.join(lines[:-1])} and {lines[-1]}" if len(lines) > 1 else lines[0]
            where = "on the next lines" if len(lines) > 1 else "on the next line"
            mend = f": write '{what}:' and, {where}, two spaces in, {written}" if text else ""
            self.problem(
                key,
                f"{what} should have the fields {', '.join(allowed)}, each on its own indented line{mend}",
            )
            return None
        return value

    def contact(self, key: tuple[str, ...], value: Any) -> Contact | None:
        data = self.mapping(key, value, CONTACT_KEYS)
        if data is None:
            return None
        name = self.text((*key, "name"), data["name"], "contact name") if "name" in data else None
        if "name" not in data:
            self.problem(
                key,
                "contact has no name; add one on its own line under contact, indented like the other "
                "fields: name: Maija Meikäläinen",
            )
        organisation = self.optional_text((*key, "organisation"), data.get("organisation", _MISSING))
        email = None
        if "email" in data:
            email = self.text((*key, "email"), data["email"], "email", shown=False)
            if email and not EMAIL.match(email):
                wrong = other_kind("email", email, key[0])
                wrong = wrong or f"'{email}' is not an e-mail address such as name@example.fi"
                self.problem((*key, "email"), wrong)
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
            if isinstance(item, str) and web_address(address := item.strip()):
                self.problem(
                    (*key, index),
                    f"item {index + 1} of links is an address alone; a link also needs a text that says "
                    f"where it leads: write '- text: …' and, on the next line under text, 'url: {address}'",
                )
                continue
            data = self.mapping((*key, index), item, LINK_KEYS)
            if data is None:
                continue
            text = self.text((*key, index, "text"), data.get("text"), "link text")
            if text and (vague := vague_link_text(text)):
                self.problem((*key, index, "text"), vague, warning=True)
            url = self.url((*key, index, "url"), data.get("url"))
            if text and url:
                result.append(Link(text, url))
        return tuple(result)

    def criteria(self, key: tuple[str, ...], value: Any, draft: bool) -> dict[str, str] | None:
        codes = self.vocabulary.codes("criteria")
        if isinstance(value, list) and all(isinstance(item, dict) for item in value):
            example = f"'  {codes[0]}: …'"
            self.problem(
                (*key, 0),
                f"the criteria are fields, not a list: remove the '- ' before each, as in {example}",
            )
            return None
        if not isinstance(value, dict):
            rest = f"{', '.join(codes[1:-1])} and {codes[-1]}"
            self.problem(
                key,
                "criteria should hold the evidence for each criterion on a line of its own below it, two "
                f"spaces in: '  {codes[0]}: …', then {rest} alike",
            )
            return None
        result: dict[str, str] = {}
        meant: set[str | None] = set()  # misspelt criteria: reported as such, not as missing too
        for name, evidence in value.items():
            if name not in codes:
                hint = self.hints.suggest(str(name), "criteria")
                self.problem((*key, name), f"unknown criterion '{name}'{hint}")
                meant.add(self.hints.meant(str(name), "criteria"))
                continue
            text = self.text((*key, name), evidence, f"the evidence for '{name}'", markdown=True)
            if text:
                result[name] = text
        missing = [c for c in codes if c not in value and c not in meant]
        if missing and not draft:
            lines = ", ".join(f"'  {c}: …'" for c in missing)
            self.problem(
                key,
                f"criteria: the evidence for {', '.join(missing)} is missing; a published practice needs "
                f"all six criteria, so add the line{'s' if len(missing) > 1 else ''} {lines} under "
                "criteria:, two spaces in",
            )
        return {c: result[c] for c in codes if c in result}
