"""Where every page lives: language prefix, section names and slugs in the page's language."""

from __future__ import annotations

from ..config import LANGS, Lang
from ..content.model import Practice, Site
from ..content.vocabulary import FACETS, Term

DATA_FOLDER = "data/v1"
SEARCH_FOLDER = "pagefind"
"""The search bundle's folder: Pagefind's own name for it, which its script expects."""
"""Where the open data lives (a versioned schema)."""

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
        "coverage": "kattavuus",
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
        "coverage": "tackning",
        "short": "k",
    },
}


def home(lang: Lang) -> str:
    return f"{lang}/"


def section(lang: Lang, name: str) -> str:
    return f"{lang}/{SECTIONS[lang][name]}/"


def practice(p: Practice) -> str:
    return practice_slug(p.lang, p.slug)


def practice_slug(lang: Lang, slug: str) -> str:
    return f"{lang}/{SECTIONS[lang]['practices']}/{slug}/"


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


def data_urls(lang: Lang) -> dict[str, str]:
    """Site-relative URLs of the open-data files, for links from the about page."""
    return {
        "json": f"{DATA_FOLDER}/practices.{lang}.json",
        "csv": f"{DATA_FOLDER}/practices.{lang}.csv",
        "vocabulary": f"{DATA_FOLDER}/vocabulary.json",
        "schema": f"{DATA_FOLDER}/schema.json",
    }


def site_urls(site: Site) -> set[str]:
    """Every address the site publishes (site-relative), computed from the model alone, so that
    checking the ledger needs no rendering. The pages stage produces exactly these."""
    return page_urls(site) | site.redirects.keys()


def ledger_urls(site: Site) -> set[str]:
    """What the ledger of published addresses records: every address the site publishes, and
    the search with each vocabulary value chosen ('fi/haku/?theme=integration-training'), as
    listings link to it and readers share it: a code, once published, must stay a code."""
    return site_urls(site) | search_urls(site)


def search_urls(site: Site) -> set[str]:
    """The search page with one vocabulary value chosen, for every value, in both languages
    (a replaced code too: the search chooses the code that replaced it)."""
    return {
        f"{section(lang, 'search')}?{FILTER_PARAMS[facet]}={code}"
        for lang in LANGS
        for facet in FACETS
        for code in [*site.vocabulary.codes(facet), *site.vocabulary.replaced.get(facet, {})]
    }


def page_urls(site: Site) -> set[str]:
    """Every address the site publishes but the old ones of content/redirects.yaml."""
    found = {"", "404.html", "sitemap.xml", "robots.txt"}
    for lang in LANGS:
        found |= {home(lang), not_found(lang), feed(lang), *data_urls(lang).values()}
        sections = ("practices", "about", "accessibility", "search", "coverage", *FACETS)
        found |= {section(lang, name) for name in sections}
        for facet in FACETS:
            found |= {term(lang, facet, t) for t in site.vocabulary.terms(facet)}
        found |= {short(lang, practice_id) for practice_id in site.by_id}
    for p in site.practices:
        found.add(practice(p))
        found |= {practice_slug(p.lang, alias) for alias in p.aliases}
    return found
