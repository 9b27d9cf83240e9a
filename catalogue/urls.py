"""Where every page lives: language prefix, section names and slugs in the page's language."""

from __future__ import annotations

from .config import Lang
from .model import Practice
from .vocabulary import Term

SECTIONS: dict[Lang, dict[str, str]] = {
    "fi": {
        "practices": "kaytannot",
        "themes": "teemat",
        "phases": "vaiheet",
        "regions": "alueet",
        "target_groups": "kohderyhmat",
        "practice_types": "tyypit",
        "about": "tietoa",
        "accessibility": "saavutettavuusseloste",
        "search": "haku",
        "short": "k",
    },
    "sv": {
        "practices": "praxis",
        "themes": "teman",
        "phases": "skeden",
        "regions": "regioner",
        "target_groups": "malgrupper",
        "practice_types": "typer",
        "about": "om",
        "accessibility": "tillganglighetsutlatande",
        "search": "sok",
        "short": "k",
    },
}


def home(lang: Lang) -> str:
    return f"{lang}/"


def section(lang: Lang, name: str) -> str:
    return f"{lang}/{SECTIONS[lang][name]}/"


def practice(p: Practice) -> str:
    return f"{p.lang}/{SECTIONS[p.lang]['practices']}/{p.slug}/"


def term(lang: Lang, facet: str, t: Term) -> str:
    return f"{lang}/{SECTIONS[lang][facet]}/{t.slug(lang)}/"


def short(lang: Lang, practice_id: str) -> str:
    """Permanent short address of a practice: /fi/k/<id>/."""
    return f"{lang}/{SECTIONS[lang]['short']}/{practice_id}/"


def feed(lang: Lang) -> str:
    """The Atom feed of new and updated practices."""
    return f"{lang}/{'syote' if lang == 'fi' else 'flode'}.xml"


def not_found(lang: Lang) -> str:
    return f"{lang}/404.html"


def output_file(url: str) -> str:
    """The file that serves a site-relative URL: 'fi/teemat/' → 'fi/teemat/index.html'."""
    return url + "index.html" if url.endswith("/") or url == "" else url


FILTER_PARAMS = {
    "themes": "theme",
    "phases": "phase",
    "regions": "region",
    "target_groups": "target",
    "practice_types": "type",
}
"""Facet → its Pagefind filter key, which is also its query-string parameter on the search page.
The values are vocabulary codes, so a search URL means the same in both languages."""
