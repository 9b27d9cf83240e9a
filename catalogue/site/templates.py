"""The Jinja2 environment of each language, and what a page's recipe needs to know about
templates: a hash of each one together with every template it uses."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path, PurePath
from typing import NamedTuple

import jinja2

from ..config import Lang, SiteConfig
from ..content.hyphenation import HEADING, hyphenator
from ..content.model import Practice, other_lang
from ..content.source import read_text
from ..content.vocabulary import Term, Vocabulary
from ..problems import ContentError, closest
from . import urls
from .i18n import StrictTranslations, iso_date, long_date
from .line_breaks import breakable_address, in_headings
from .markdown import scrollable_tables

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; "
    "style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'self'; "
    "form-action 'self'; object-src 'none'"
)
"""No inline script or style anywhere; Pagefind needs WebAssembly and its worker."""
EDITOR_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob: https://*.githubusercontent.com; "
    "connect-src 'self' https://api.github.com https://*.githubusercontent.com; font-src 'self' data:; "
    "worker-src 'self' blob:; frame-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'"
)
"""The web editor's (admin/index.html says the same in its meta tag): Decap CMS compiles its
settings' checks (eval), styles its components inline and talks to GitHub's API."""


class Setting(NamedTuple):
    """What every page of the site is made with besides its own data: the settings, the
    vocabulary, the interface catalogues and the static files' versions and image sizes."""

    config: SiteConfig
    vocabulary: Vocabulary
    templates: Path
    catalogues: dict[Lang, bytes]
    """Each language's interface catalogue (messages.po), compiled (see i18n.compile_catalogue)."""
    asset_versions: dict[str, str]
    image_sizes: dict[str, tuple[int, int]]
    """Path under static/ → width and height of each image there (see markdown.sized)."""
    compiled: Path | None = None
    """Where Jinja keeps compiled templates between builds (None: in memory only)."""


def make_env(setting: Setting, translations: StrictTranslations) -> jinja2.Environment:
    """One strict Jinja environment per language (no global locale state)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(setting.templates),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(["html", "xml"], default_for_string=True),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(setting.compiled)) if setting.compiled else None,
    )
    lang = translations.lang
    env.install_gettext_callables(  # type: ignore[attr-defined]
        translations.gettext, translations.ngettext, newstyle=True
    )
    env.globals.update(_globals(setting, lang))
    env.filters["long_date"] = lambda day: long_date(day, translations)
    env.filters["iso_date"] = iso_date
    env.filters["hyphenated"] = hyphenator(lang)
    env.filters["hyphenated_heading"] = hyphenate_heading = hyphenator(lang, HEADING)
    table = translations.gettext("Table")
    env.filters["text_shown"] = lambda html: scrollable_tables(in_headings(html, hyphenate_heading), table)
    env.filters["breakable"] = breakable_address
    env.globals["card"] = _each_card_once(env)
    return env


def _each_card_once(env: jinja2.Environment) -> Callable[..., str]:
    """macros.html's `practice_card`, made once for each practice and choice of its other
    arguments (heading, date) in the environment's life (a build): the A–Ö list and a dozen
    term listings show the same cards, so that a title edit made some 5,000 of them at
    N = 1,000, 1,000 of them anew. The key is every argument, the practice by its digest (of
    its front matter, from which every field is made), and an imported macro sees nothing else
    but the environment's globals: a card made again would be the same card."""
    made: dict[tuple[object, ...], str] = {}

    def card(p: Practice, *choices: str | bool) -> str:
        key = (p.digest, *choices)
        if key not in made:
            macro = env.get_template("macros.html").module.practice_card  # type: ignore[attr-defined]
            made[key] = macro(p, *choices)
        return made[key]

    return card


def _globals(setting: Setting, lang: Lang) -> dict[str, object]:
    config, versions = setting.config, setting.asset_versions

    def asset(path: str) -> str:
        """A static file's address, with its version; a file static/ lacks is a template
        mistake, not a page that would load without its script or stylesheet."""
        if path not in versions:
            close = closest(path, versions)
            fix = f"did you mean '{close}'?" if close else "add it there or correct the name"
            raise LookupError(f"static/{path} does not exist; {fix}")
        return f"{config.base_path}static/{path}?v={versions[path]}"

    term_url: Callable[[str, Term], str] = lambda facet, term: urls.term(lang, facet, term)  # noqa: E731
    return {
        "lang": lang,
        "other_lang": other_lang(lang),
        "url": lambda path: config.base_path + path,
        "abs_url": lambda path: config.base_url + path,
        "asset": asset,
        "site_name": config.name[lang],
        "publisher": config.publisher[lang],
        "other_site_name": config.name[other_lang(lang)],
        "feedback_email": config.feedback_email,
        "sections": {name: urls.section(lang, name) for name in urls.SECTIONS[lang]},
        "home_url": urls.home(lang),
        "vocabulary": setting.vocabulary,
        "practice_url": urls.practice,
        "term_url": term_url,
        "label": lambda term: term.label[lang],
        "labels": lambda group, codes: ", ".join(
            term.label[lang] for term in setting.vocabulary.sort_codes(group, codes, lang)
        ),
        "filter_keys": urls.FILTER_PARAMS,
        "csp": CONTENT_SECURITY_POLICY,
        "feed_url": urls.feed(lang),
        "short_url_of": lambda p: urls.short(p.lang, p.id) if isinstance(p, Practice) else "",
        "data_urls": urls.data_urls(lang),
    }


TEMPLATES = PurePath("templates")
REFERENCE = re.compile(r"""{%-?\s*(?:extends|include|import|from)\b\s*(?P<name>"[^"]*"|'[^']*')?""")
"""A template's use of another: {% extends "base.html" %}, {% from "macros.html" import … %}."""


def template_sources(templates: Path) -> dict[str, str]:
    """Template name → its text; else ContentError with each file that cannot be read."""
    read = {
        file.relative_to(templates).as_posix(): read_text(file, TEMPLATES / file.relative_to(templates))
        for file in sorted(templates.rglob("*"))
        if file.is_file()
    }
    if unreadable := [p for text in read.values() if isinstance(text, list) for p in text]:
        raise ContentError(unreadable)  # not UTF-8, a merge conflict, …
    return {name: text for name, text in read.items() if isinstance(text, str)}


ASSET = re.compile(r"""\basset\b(?:\(\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)')\s*\))?""")
"""A template's use of a static file's address: asset('site.css')."""


def assets_named(sources: dict[str, str]) -> frozenset[str] | None:
    """The static files whose addresses (with their versions) the templates give, each named
    by a plain string; None if a template uses `asset` otherwise, which may name any file."""
    named = [
        match["double"] or match["single"] for text in sources.values() for match in ASSET.finditer(text)
    ]
    return None if None in named else frozenset(name for name in named if name)


def template_digests(sources: dict[str, str]) -> dict[str, str]:
    """Template name → hash of its source and of every template it extends, includes or
    imports, so that editing one template changes the recipes of exactly the pages that use
    it. A template that names another by anything but a plain string counts as using all."""
    uses: dict[str, set[str]] = {}
    for name, text in sources.items():
        found = [match["name"] for match in REFERENCE.finditer(text)]
        uses[name] = set(sources) if None in found else {used[1:-1] for used in found if used}
    digests = {}
    for name in sources:
        closure, todo = set(), [name]
        while todo:
            current = todo.pop()
            if current not in closure and current in sources:
                closure.add(current)
                todo.extend(uses[current])
        joined = "\x00".join(f"{used}\x00{sources[used]}" for used in sorted(closure))
        digests[name] = hashlib.blake2b(joined.encode("utf-8"), digest_size=16).hexdigest()
    return digests
