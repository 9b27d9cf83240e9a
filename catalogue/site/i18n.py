"""Interface strings (gettext catalogues compiled from locales/*.po at build time) and dates."""

from __future__ import annotations

import gettext
import io
import itertools
import re
from datetime import date
from gettext import GNUTranslations, NullTranslations
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from ..config import LANGUAGE_NAMES, Lang
from ..content.source import decoded
from ..problems import ContentError, Problem

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog


class MissingTranslation(Exception):
    """An interface string has no translation in a catalogue."""

    def __init__(self, lang: Lang, msgid: str) -> None:
        self.lang = lang
        self.msgid = msgid
        super().__init__(
            f"locales/{lang}/LC_MESSAGES/messages.po: the interface string {msgid!r} has no "
            f"translation; run `pybabel extract -F babel.cfg -o locales/messages.pot .` and "
            f"`pybabel update -i locales/messages.pot -d locales`, then translate it"
        )

    def __reduce__(self) -> tuple[type[MissingTranslation], tuple[Lang, str]]:
        return (MissingTranslation, (self.lang, self.msgid))  # raised in a worker, reported by the parent


class StrictTranslations(GNUTranslations):
    """Translations that refuse to fall back to the English message id: what the catalogue
    lacks is asked of gettext's fallback, which raises MissingTranslation."""

    def __init__(self, fp: io.BytesIO, lang: Lang) -> None:
        super().__init__(fp)
        self.lang = lang
        self.add_fallback(_Missing(lang))


class _Missing(NullTranslations):
    """What gettext asks for a string the catalogue lacks: it fails the build."""

    def __init__(self, lang: Lang) -> None:
        super().__init__()
        self.lang = lang

    def gettext(self, message: str) -> str:
        raise MissingTranslation(self.lang, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        raise MissingTranslation(self.lang, singular)

    def pgettext(self, context: str, message: str) -> str:
        raise MissingTranslation(self.lang, message)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        raise MissingTranslation(self.lang, singular)


def catalogue_path(locales: Path, lang: Lang) -> Path:
    return locales / lang / "LC_MESSAGES" / "messages.po"


def load_translations(locales: Path, lang: Lang) -> StrictTranslations:
    return translations(compile_catalogue(catalogue_path(locales, lang).read_bytes(), lang), lang)


def compile_catalogue(po: bytes, lang: Lang) -> bytes:
    """A catalogue (messages.po) compiled in memory into gettext's .mo format. Untranslated
    and fuzzy entries are dropped, so using them fails the build; a translation that could
    not be shown is reported at its line (see `_problem`)."""
    from babel.messages.mofile import write_mo  # only when a catalogue has changed

    where = PurePath(f"locales/{lang}/LC_MESSAGES/messages.po")
    catalog = _read_catalogue(po, lang, where)
    problems = []
    for message in list(catalog):
        if not message.id:
            continue
        ids = tuple(map(str, message.id)) if isinstance(message.id, tuple) else (str(message.id),)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            catalog.delete(message.id, message.context)
        elif found := _problem(ids, tuple(map(str, strings))):
            problems.append(Problem(where, message.lineno or 1, 1, found))
    if problems:
        raise ContentError(problems)
    for msgid, string in _date_words(lang).items():
        catalog.add(msgid, string, context=DATES)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


PO_TEXT = re.compile(r"\s*(?:(?:msgid|msgid_plural|msgctxt|msgstr(?:\[\d+\])?)\s+)?(?P<text>\".*)")
"""A catalogue's line that holds text: msgid "…", msgstr[1] "…", or "…" (more of the text)."""
CLOSED = re.compile(r'"(?:[^\\]|\\.)*"\s*')
"""Text in quotes, whose last quote is not escaped (babel would drop its last character)."""


def _read_catalogue(po: bytes, lang: Lang, where: PurePath) -> Catalog:
    """The catalogue in a messages.po; else ContentError with what keeps it from being read as
    written, each at its line: not UTF-8, a merge conflict, a text whose quote is not closed, a
    line that is no catalogue's, or a plural rule that is not the language's."""
    from babel.messages.plurals import get_plural
    from babel.messages.pofile import PoFileError, read_po

    text = decoded(po, where)
    if isinstance(text, list):
        raise ContentError(text)
    lines = text.split("\n")
    problems = [
        Problem(where, number, found.start("text") + 1, f"the text {found['text'][:40]} {UNCLOSED}")
        for number, line in enumerate(lines, start=1)
        if (found := PO_TEXT.fullmatch(line)) and not CLOSED.fullmatch(found["text"])
    ]
    problems += [  # babel would add it to the text above the gap
        Problem(
            where, number, 1, f"this text is cut off from its msgid or msgstr by the line above; {PO_LINES}"
        )
        for number, (above, line) in enumerate(itertools.pairwise(lines), start=2)
        if line.lstrip().startswith('"') and (not above.strip() or above.lstrip().startswith("#"))
    ]
    numbered = {n: keyword for n, line in enumerate(lines, start=1) if (keyword := _plural_keyword(line))}
    problems += [
        Problem(where, n, 1, f"{_plural_mistake(keyword)}; {PO_LINES}") for n, keyword in numbered.items()
    ]
    problems += _keyword_mistakes(lines, where)
    if numbered:  # babel would stop at the first in a traceback: the rest is read with msgstr[0]
        po = "\n".join(
            line.replace(numbered[n], "msgstr[0]", 1) if n in numbered else line
            for n, line in enumerate(lines, start=1)
        ).encode("utf-8")
    try:
        catalog = read_po(io.BytesIO(po), abort_invalid=True)
    except PoFileError as error:  # the catalogue up to the line: its header, and the plural rule
        catalog = error.catalog
        said = str(error).rsplit(" on ", 1)[0]
        message = next((ours for babel, ours in BABEL_SAYS.items() if said.startswith(babel)), said)
        problems.append(Problem(where, error.lineno + 1, 1, f"{message}; {PO_LINES}"))
    if catalog.charset.lower().replace("-", "") != "utf8":  # babel reads the text in that charset
        message = (
            f"the catalogue says its text is {catalog.charset}, but it must be UTF-8, as it is saved; "
            'write the line as "Content-Type: text/plain; charset=UTF-8\\n"'
        )
        problems.append(Problem(where, _line_of(lines, '"Content-Type:'), 1, message))
    # The plural rule comes from the catalogue's Plural-Forms header, not from the locale.
    rule = get_plural(lang)
    if not _same_rule(catalog.num_plurals, catalog.plural_expr, rule.num_plurals, rule.plural_expr):
        line = _line_of(lines, '"Plural-Forms:')
        message = (
            f"the plural rule is not {LANGUAGE_NAMES[lang]}'s, so counts would read wrong; write the line "
            f'as "Plural-Forms: {rule.plural_forms}\\n"'
        )
        problems.append(Problem(where, line, 1, message))
    if problems:
        raise ContentError(problems)
    return catalog


PLURAL_NUMBERS = "msgstr[0] for one, msgstr[1] for more"


def _plural_keyword(line: str) -> str | None:
    """A line's msgstr[…] whose number babel cannot read (msgstr[>0], msgstr[1 "…"), as babel
    finds it: the line's first word, after #~ in an entry no longer used."""
    line = line.strip()
    keyword = (line[2:].lstrip() if line.startswith("#~") else line).partition(" ")[0]
    unread = keyword.startswith("msgstr[") and not re.fullmatch(r"msgstr\[\d+\]", keyword)
    return keyword if unread else None


def _keyword_mistakes(lines: list[str], where: PurePath) -> list[Problem]:
    """Each msgid_plural, msgstr or msgctxt line whose keyword is the one of the keyword line
    before it (text and comment lines between them aside), and each plain msgstr of a message
    with a msgid_plural: babel would read a second msgid_plural as a third form of the message,
    which gettext cannot load, keep one of two msgstr[0]s, give the message the second context,
    and take a plain msgstr for msgstr[0]. (A second msgid babel reports itself: the first has
    no msgstr.)"""
    found, before, plural = [], "", False
    for number, line in enumerate(lines, start=1):
        keyword = line.strip().partition(" ")[0]
        if not keyword.startswith(("msgid", "msgstr", "msgctxt")):
            continue
        said = ""
        if keyword == before and keyword != "msgid":
            said = f"a message has one {keyword} line, and this one repeats it: delete one of them"
        elif keyword == "msgstr" and plural:
            said = f"a message with a msgid_plural is translated as {PLURAL_FORMS}, not msgstr"
        if said:
            found.append(Problem(where, number, 1, said))
        if keyword in ("msgid", "msgctxt"):  # a new message
            plural = False
        elif keyword == "msgid_plural":
            plural = True
        before = keyword
    return found


def _plural_mistake(keyword: str) -> str:
    if written := re.match(r"msgstr\[\d+\]", keyword):
        return f"write a space between {written[0]} and its text"
    shown = keyword.split('"')[0].strip()
    return f"the number in {shown} should be the plural form's: {PLURAL_NUMBERS}"


def _line_of(lines: list[str], start: str) -> int:
    """The number of the first line that starts with `start` (of a header), else 1."""
    return next((n for n, written in enumerate(lines, start=1) if written.startswith(start)), 1)


UNCLOSED = 'is not closed by a quote ("); end it with one, and write a quote inside it as \\"'
PLURAL_FORMS = 'msgstr[0] "…" and msgstr[1] "…"'
PO_LINES = f'a message is msgid "…", then msgstr "…" ({PLURAL_FORMS} for a plural), each text in quotes'
BABEL_SAYS = {
    "Unknown or misformatted keyword": "a catalogue holds no such line",
    "Got line starting with": "this text belongs to no msgid or msgstr",
    "msg has more translations": "this message has more plural forms than the Plural-Forms line gives",
    "missing msgstr": "this message has no msgstr",
}
"""What babel says of a line it cannot read (PoFileError), as an editor is told it."""


def _same_rule(forms: int, rule: str, language_forms: int, language_rule: str) -> bool:
    """Whether a plural rule chooses as the language's does, for the counts a page shows."""
    try:
        chosen, meant = gettext.c2py(rule), gettext.c2py(language_rule)
        return forms == language_forms and all(chosen(n) == meant(n) for n in range(1000))
    except (ValueError, ArithmeticError):  # not a rule, or one that fails (plural=1/n)
        return False


PLACEHOLDER = re.compile(r"%\((\w+)\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]")
FILLED_BY_SCRIPT = re.compile(r"\{\w+\}")
"""A placeholder the search page's script fills in ('Remove the choice: {value}')."""
MARKUP = re.compile(r"<[a-zA-Z/!]")


def _problem(ids: tuple[str, ...], strings: tuple[str, ...]) -> str | None:
    """What keeps a translation from being shown, if anything: templates fill every interface string in
    (Jinja's i18n: `%(name)s` from what the English text names, and the count as `num` where
    it has a plural), and take it as markup; the search page's script fills in its {name}s.
    A placeholder left out would show a count without its number, or a script's text without
    its value; a {name} the English text lacks would show as written."""
    wanted = {name: written for text in ids for name, written in _placeholders(text).items()}
    filled = {name: written for name, written in wanted.items() if written.startswith("%")}
    names = dict.fromkeys(filled, 1) | ({"num": 1} if len(ids) > 1 else {})
    shown = ", ".join(filled.values()) or "none"
    braced = ", ".join(sorted(set(wanted.values()) - set(filled.values()))) or "none"
    for index, string in enumerate(strings):
        try:
            string % names  # only whether it can be filled in
        except (KeyError, ValueError, TypeError) as error:
            return (
                f"the translation of {ids[0]!r} cannot be filled in ({type(error).__name__}: {error}); "
                f"use the English text's placeholders ({shown}) and write a percent sign as %%"
            )
        if MARKUP.search(string) and not any(MARKUP.search(text) for text in ids):
            return (
                f"the translation of {ids[0]!r} holds HTML markup, which the English text does not; "
                "write it as plain text"
            )
        # A singular (n = 1 in both languages) may say the one in words.
        spared = {"num"} if index == 0 and len(ids) > 1 else set()
        found = _placeholders(string)
        if left_out := sorted(wanted[n] for n in wanted.keys() - found.keys() - spared):
            return (
                f"the translation of {ids[0]!r} leaves out {', '.join(left_out)}, which the page fills "
                "in; keep it in the translation"
            )
        if added := sorted(found[n] for n in found.keys() - wanted.keys()):  # a %(name)s fails above
            return (
                f"the translation of {ids[0]!r} has {', '.join(added)}, which nothing fills in, so the page "
                f"would show it as written; use the English text's placeholders ({braced})"
            )
    return None


def _placeholders(text: str) -> dict[str, str]:
    """Name → the placeholder as written: num → %(num)d, and {value} → {value}."""
    braced = {m[0]: m[0] for m in FILLED_BY_SCRIPT.finditer(text)}
    return {m[1]: m[0] for m in PLACEHOLDER.finditer(text)} | braced


def translations(mo: bytes, lang: Lang) -> StrictTranslations:
    """The strings of a compiled catalogue (reading one is quick; compiling is not)."""
    return StrictTranslations(io.BytesIO(mo), lang)


DATES = "CLDR dates"
"""The context of the date words a compiled catalogue carries (see `_date_words`)."""
LONG_FORMAT = "long"
"""The key of the long date format among them (a name, not a literal, so that `pybabel
extract` does not take it for an interface string)."""


def _date_words(lang: Lang) -> dict[str, str]:
    """CLDR's long date format in `lang` and the month names it uses, from Babel. A compiled
    catalogue carries them, so that making a page formats its dates without loading Babel's
    locale data, which takes about 25 ms: a tenth of a rebuild of the sample catalogue."""
    from babel.dates import get_date_format, get_month_names

    pattern = get_date_format("long", locale=lang)
    text = str(pattern.format)  # "%(d)s. %(MMMM)s %(y)s" (Babel's annotation says otherwise)
    if not set(re.findall(r"%\((\w+)\)", text)) <= {"d", "MMMM", "y"}:
        raise RuntimeError(f"long_date cannot show CLDR's long date format for {lang}: {pattern.pattern!r}")
    months = get_month_names("wide", "format", locale=lang)
    return {LONG_FORMAT: text, **{_month(number): name for number, name in months.items()}}


def long_date(day: date, strings: GNUTranslations) -> str:
    """5. tammikuuta 2024 / 5 januari 2024: CLDR's long date format, as in `format_date(day,
    "long")`, from the words the language's compiled catalogue carries."""
    month = strings.pgettext(DATES, _month(day.month))
    return strings.pgettext(DATES, LONG_FORMAT) % {"d": day.day, "MMMM": month, "y": day.year}


def _month(number: int) -> str:
    """The key of a month's name among the date words (made here, for the reason LONG_FORMAT
    is a name)."""
    return f"month {number}"


def iso_date(day: date) -> str:
    return day.isoformat()
