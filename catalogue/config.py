"""Site settings, read once from site.toml into a frozen object."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path, PurePath
from typing import Any, Literal, NamedTuple
from urllib.parse import urlsplit

from .content.characters import escaped
from .content.source import read_text
from .problems import Problem, closest

Lang = Literal["fi", "sv"]
LANGS: tuple[Lang, ...] = ("fi", "sv")
LANGUAGE_NAMES: dict[str, str] = {"fi": "Finnish", "sv": "Swedish"}
"""As messages name them."""


class ConfigError(Exception):
    """site.toml or a command-line setting is unusable: site.toml's problems, each at its line,
    or a message about a command-line setting."""

    def __init__(self, problems: str | list[Problem], base_url: str | None = None) -> None:
        self.problems = problems if isinstance(problems, list) else []
        self.base_url = base_url
        """site.toml's base_url, when that could be read and is right."""
        super().__init__("\n".join(map(str, problems)) if isinstance(problems, list) else problems)

    def lines(self) -> list[str]:
        """The message as `build` and `serve` show it: an 'error: …' line for each problem."""
        return [f"error: {line}" for line in str(self).splitlines()]


class SiteConfig(NamedTuple):
    base_url: str
    """Absolute URL of the site's root, ending in '/'; its path is the prefix of every link."""
    feedback_email: str
    """Where readers send accessibility feedback."""
    name: dict[Lang, str]
    """The catalogue's name in each language."""
    publisher: dict[Lang, str]
    """Who publishes the catalogue, in each language."""
    published_url: str = ""
    """site.toml's base_url, the address readers know, when a build is given another one
    (`serve`'s http://localhost:8000/, a test deployment's)."""

    @property
    def base_path(self) -> str:
        """The path part of base_url, such as '/' or '/hyvat-kaytannot/'."""
        return urlsplit(self.base_url).path

    @property
    def own_urls(self) -> tuple[str, ...]:
        """The addresses in front of a full address of this site's: where it is built for, and
        where it is published (a link copied from either is told to be written short)."""
        return tuple(dict.fromkeys(url for url in (self.base_url, self.published_url) if url))

    def with_base_url(self, base_url: str) -> SiteConfig:
        published = self.published_url or self.base_url
        return SiteConfig(
            _checked_base_url(base_url), self.feedback_email, self.name, self.publisher, published
        )

    def placeholders(self) -> list[str]:
        """The settings that hold a local or example address, which a published site must not show."""
        host = (urlsplit(self.base_url).hostname or "").lower()
        domain = self.feedback_email.rpartition("@")[2].lower()
        found = []
        if host in {"localhost", "127.0.0.1", "::1"} or _is_example(host):
            found.append(f"base_url {self.base_url}")
        if _is_example(domain) or domain in {"localhost", ""}:
            found.append(f"feedback_email {self.feedback_email}")
        return found


def _is_example(host: str) -> bool:
    """example.com, example.fi, www.example.org, foo.test, … (RFC 2606 and its kin)."""
    labels = host.split(".")
    return "example" in labels[:-1] or labels[-1] in {"example", "test", "invalid", "localhost"}


def _checked_base_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"base_url {url!r} must be an absolute http(s) URL, such as https://example.org/")
    if parts.query or parts.fragment:
        raise ConfigError(f"base_url {url!r} must not have a query or a fragment")
    return url if url.endswith("/") else url + "/"


FORM: dict[str, Any] = {
    "base_url": "text",
    "feedback_email": "text",
    "name": {"fi": "text", "sv": "text"},
    "publisher": {"fi": "text", "sv": "text"},
    "editor": {"repository": "text", "branch": "text", "auth_url": "text"},
}
"""What site.toml holds: a setting's text, or a table of settings."""
OPTIONAL = frozenset({"editor", "editor.repository", "editor.branch", "editor.auth_url"})


def read_settings(path: Path) -> dict[str, Any]:
    """site.toml's settings, each of the form FORM gives it; else ConfigError naming every
    setting that is not, each at its line."""
    text = read_text(path, PurePath(path.name))  # or not UTF-8, a merge conflict, …
    if isinstance(text, list):
        raise ConfigError(text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError([_unreadable(PurePath(path.name), text, str(error))]) from None
    problems = list(_form_problems(data, FORM, ""))
    if isinstance(email := data.get("feedback_email"), str) and "@" not in email:
        problems.append(
            ("feedback_email", "feedback_email should be an e-mail address, such as kotoutuminen@gov.fi")
        )
    base_url = None
    if isinstance(url := data.get("base_url"), str):
        try:
            base_url = _checked_base_url(url)
        except ConfigError as error:
            problems.append(("base_url", str(error)))
    if problems:
        located = [
            Problem(PurePath(path.name), _line_of(text, name), 1, problem) for name, problem in problems
        ]
        raise ConfigError(sorted(located, key=lambda problem: problem.line), base_url)
    return data


TOML_PLACE = re.compile(r"\s*\(at line (?P<line>\d+), column (?P<column>\d+)\)")
SETTING_LINE = re.compile(r"\s*(?P<key>[\w-]+)\s*=\s*(?P<value>.*?)\s*$")


def _unreadable(name: PurePath, text: str, error: str) -> Problem:
    """A line TOML cannot read, at its place, with the line as it should be where that is plain."""
    place = TOML_PLACE.search(error)
    if not place:
        return Problem(name, 1, 1, f"the file cannot be read ({error})")
    number = int(place["line"])
    line = text.splitlines()[number - 1] if number <= len(text.splitlines()) else ""
    setting = SETTING_LINE.fullmatch(line)
    column = int(place["column"])
    if setting and error.startswith("Cannot overwrite a value"):
        message, column = f"{setting['key']} is given twice; keep only one", 1
    elif setting and not setting["value"]:
        message = f'{setting["key"]} has no value; write it in quotes after the =: {setting["key"]} = "…"'
    elif setting and setting["value"][0] not in "\"'[{":
        message = f'text goes in quotes: {setting["key"]} = "{setting["value"]}"'
    else:
        message = f'this line cannot be read ({error[: place.start()]}); a setting is written as key = "text"'
    return Problem(name, number, column, message)


def _line_of(text: str, name: str) -> int:
    """The line of a setting (`editor.branch`), else of its table, else 1."""
    table = name.rpartition(".")[0]
    found: dict[str, int] = {}
    current = ""
    for number, line in enumerate(text.splitlines(), start=1):
        if header := re.fullmatch(r"\s*\[\s*([\w.-]+)\s*\]\s*(?:#.*)?", line):
            current = header[1]
            found.setdefault(current, number)
        elif (setting := SETTING_LINE.fullmatch(line)) and current == table:
            found.setdefault(f"{table}.{setting['key']}" if table else setting["key"], number)
    return found.get(name) or found.get(table) or 1


def _form_problems(data: dict[str, Any], form: dict[str, Any], table: str) -> Iterator[tuple[str, str]]:
    """(setting, what is wrong with it) for each setting not of the form FORM gives it. A
    missing setting that a misspelled one was meant to be, or one written below a table, is not
    reported a second time."""
    where = f"of [{table[:-1]}] " if table else ""
    meant = {key for value in data.values() if isinstance(value, dict) for key in value}
    for key in sorted(data.keys() - form.keys()):
        if table and key in FORM:
            hint = f"{key} goes above the first line in [brackets], else it is one of [{table[:-1]}]"
        elif close := closest(key, form):
            meant.add(close)
            hint = f"did you mean the {_shown(table + close, form[close])}?"
        else:
            hint = f"the settings {where}are {', '.join(form)}"
        yield f"{table}{key}", f"unknown {_shown(table + key, data[key])}; {hint}"
    for key, kind in form.items():
        name, value = f"{table}{key}", data.get(key)
        if value is None:
            if name not in OPTIONAL and key not in meant:
                yield table[:-1], _missing(name, kind)
        elif isinstance(kind, dict) and not isinstance(value, dict):
            yield (
                name,
                f"{name} should be a table: a line [{name}], then {' and '.join(kind)} on their own lines",
            )
        elif isinstance(kind, dict):
            yield from _form_problems(value, kind, f"{name}.")
        elif not isinstance(value, str) or not value.strip():
            yield name, f'{name} should be text in quotes, such as {key} = "…"'
        elif told := escaped(name, value):
            yield name, told


def _shown(name: str, value: Any) -> str:
    """A setting as messages name it: `setting name`, or `table [name]`."""
    return f"table [{name}]" if isinstance(value, dict) else f"setting {name}"


def _missing(name: str, kind: str | dict[str, Any]) -> str:
    """The message for a setting not given, with the lines to add and where."""
    table, _, key = name.rpartition(".")
    if isinstance(kind, dict):
        lines = " and ".join(f'{inner} = "…"' for inner in kind)
        return f"the table [{name}] is missing; add at the end a line [{name}], then {lines}, each on a line"
    where = f"under [{table}]" if table else "above the first line in [brackets]"
    return f'the setting {name} is missing; add the line {key} = "…" {where}'


def load_config(path: Path) -> SiteConfig:
    data = read_settings(path)
    return SiteConfig(
        base_url=_checked_base_url(data["base_url"]),
        feedback_email=data["feedback_email"],
        name={lang: data["name"][lang] for lang in LANGS},
        publisher={lang: data["publisher"][lang] for lang in LANGS},
    )
