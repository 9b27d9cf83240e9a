"""Render stage, site-wide: both languages' output files plus those that belong to the whole
site (root pages, sitemap, robots.txt, host headers and redirects, open data), each as an
Output: a recipe, and a way to make the file when the recipe has changed."""

from __future__ import annotations

import marshal
from collections import Counter
from collections.abc import Callable
from functools import cache, partial
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

from . import urls
from .config import LANGS, Lang
from .i18n import StrictTranslations
from .markup import Documents
from .model import Practice, Site
from .opendata import (
    csv_file,
    csv_row,
    data_urls,
    in_data_order,
    json_file,
    json_line,
    shared_data,
    shared_paths,
)
from .outputs import Listed, Output, recipe
from .render import (
    CONTENT_SECURITY_POLICY,
    LanguagePages,
    PageMeta,
    Unit,
    make_env,
    other,
    outline,
    practice_stamps,
    sitemap_entry,
    template_digests,
)

Units = dict[Lang, dict[str, Unit]]
"""Language → practice id → its pages as planned."""


class Plan(NamedTuple):
    outputs: list[Output]
    """Every output file of the site, as a recipe; nothing is rendered yet."""
    frame: str
    """A hash of what every practice's pages depend on besides their practices (see outline)."""
    units: Units
    replanned: set[str]
    """The ids of the practices whose pages were planned anew, not taken from the last build."""


def dump_units(units: Units, ids: set[str]) -> dict[str, bytes]:
    """Practice id → its pages in both languages, serialised, for the practices in `ids`."""
    return {key: marshal.dumps(tuple(tuple(units[lang][key]) for lang in LANGS)) for key in ids}


def load_units(values: dict[str, bytes]) -> Units:
    """Units as dump_units wrote them; none from anything else (a cache is never trusted)."""
    units: Units = {lang: {} for lang in LANGS}
    for key, value in values.items():
        try:
            for lang, fields in zip(LANGS, marshal.loads(value), strict=True):
                units[lang][key] = Unit(*fields)
        except (ValueError, EOFError, TypeError):
            continue
    return units


def site_outputs(
    site: Site,
    templates: Path,
    translations: dict[Lang, StrictTranslations],
    static_versions: dict[str, str],
    documents: Documents,
    settings: str,
    previous: Callable[[str], Units] = lambda frame: {},
    started: Callable[[list[Output]], None] = lambda outputs: None,
) -> Plan:
    """Every output file of the site, as recipes. `previous(frame)`: the practices' pages as
    planned at the last build, if it had the same frame. `started(outputs)` is told the
    largest files (open data, the A–Ö pages) as soon as they are planned, so that they can
    be made while the rest is planned."""
    outputs: list[Output] = []

    def add(path: str, key: str, make: Callable[[], str]) -> None:
        outputs.append(Output(path, recipe(settings, key), make))

    for data_lang in LANGS:
        _add_language_data(site, data_lang, documents, settings, add)
    envs = {lang: make_env(templates, translations[lang], lang, site, static_versions) for lang in LANGS}
    env = envs["fi"]
    digests = template_digests(env, documents)
    renderers = [
        LanguagePages(site, envs[lang], lang, translations[lang], documents, settings, digests)
        for lang in LANGS
    ]
    for renderer in renderers:
        renderer.render_complete_list()
    started([*outputs, *(output for renderer in renderers for output in renderer.outputs)])
    for renderer in renderers:
        renderer.render_lists()
    frame = recipe(settings, digests, outline(renderers))
    planned = previous(frame)
    stamps = practice_stamps(site)
    for renderer in renderers:
        renderer.render_practices(planned.get(renderer.lang, {}), stamps)
        outputs.extend(renderer.outputs)
    root_meta = PageMeta(site.config.name["fi"], "", "", {lang: urls.home(lang) for lang in LANGS})
    both = {lang: translations[lang].gettext for lang in LANGS}

    def render(template: str, **context: Any) -> tuple[str, Callable[[], str]]:
        return (
            recipe(digests[template], context),
            lambda: env.get_template(template).render(**context, t=both),
        )

    add("index.html", *render("root.html", page=root_meta, names=site.config.name))
    not_found = PageMeta("404", "", "404.html", noindex=True)
    add("404.html", *render("root_404.html", page=not_found, names=site.config.name))
    sitemap_entries = [sitemap_entry(root_meta), *(entry for r in renderers for entry in r.sitemap)]
    entries = sorted(sitemap_entries, key=itemgetter(0))
    add("sitemap.xml", *render("sitemap.xml", entries=entries))
    robots = f"User-agent: *\nAllow: /\n\nSitemap: {site.config.base_url}sitemap.xml\n"
    add("robots.txt", robots, lambda: robots)
    headers = (
        "# Security headers for static hosts that read this file (Netlify, Cloudflare Pages).\n"
        f"/*\n  Content-Security-Policy: {CONTENT_SECURITY_POLICY}; frame-ancestors 'none'\n"
        "  Referrer-Policy: strict-origin-when-cross-origin\n  X-Content-Type-Options: nosniff\n"
    )
    add("_headers", headers, lambda: headers)
    redirects = {old: new for r in renderers for old, new in r.redirects}
    for old, new in sorted(site.redirects.items()):
        lang: Lang = "sv" if old.startswith("sv/") else "fi"
        title = site.config.name[lang]
        meta = PageMeta(title, title, old, noindex=True)
        template = envs[lang].get_template("redirect.html")
        add(
            urls.output_file(old),
            recipe(lang, digests["redirect.html"], meta, new),
            partial(template.render, page=meta, target=new),
        )
        redirects[old] = new
    base = site.config.base_path
    redirect_lines = "".join(f"{base}{old} {base}{new} 301\n" for old, new in sorted(redirects.items()))
    add("_redirects", redirect_lines, lambda: redirect_lines)
    shared = cache(partial(shared_data, site))
    for path in shared_paths():
        add(path, "open data", partial(_data_file, shared, path))
    paths = [output.path for output in outputs]
    if len(set(paths)) != len(paths):
        raise AssertionError(f"two pages render to {Counter(paths).most_common(1)[0][0]}")
    units = {renderer.lang: renderer.units for renderer in renderers}
    return Plan(outputs, frame, units, set().union(*(renderer.replanned for renderer in renderers)))


def _add_language_data(
    site: Site,
    lang: Lang,
    documents: Documents,
    settings: str,
    add: Callable[[str, str, Callable[[], str]], None],
) -> None:
    """A language's JSON and CSV files, each joined from one part per practice that the build
    cache keeps: an edit to one practice makes its parts anew, not the whole file."""
    practices = in_data_order(site, lang)
    # What a part shows besides the practice's own front matter: its translation's address.
    twins = [site.counterpart(p, other(lang)) for p in practices]
    twin_urls = [urls.practice(twin) if twin else None for twin in twins]
    key = recipe(Listed(practices), twin_urls)

    def parts(make_part: Callable[[Site, Practice], str]) -> list[str]:
        # A part's key: its practice's front-matter hash (which covers the file's path, and so
        # its language) and its translation's address.
        return documents.made(
            f"open-data {make_part.__name__} {settings}",
            [
                (f"{p.front_digest} {twin_url}", partial(make_part, site, p))
                for p, twin_url in zip(practices, twin_urls, strict=True)
            ],
        )

    add(data_urls(lang)["json"], key, lambda: json_file(lang, parts(json_line)))
    add(data_urls(lang)["csv"], key, lambda: csv_file(site, parts(csv_row)))


def _data_file(data: Callable[[], dict[str, str]], path: str) -> str:
    return data()[path]
