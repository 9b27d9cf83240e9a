"""Render stage, per language: every output file of one language as an Output (a recipe and
a way to make it). Touches no disk except to read templates and, when a page is made, a
practice's text; `assemble.py` puts both languages and the site-wide files together."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import partial, reduce
from itertools import combinations
from operator import and_, attrgetter
from pathlib import Path
from typing import Any, NamedTuple

import jinja2
import jinja2.meta
import markupsafe

from . import urls
from .collation import sort_value
from .compiled_templates import COMPILED_TEMPLATES
from .config import LANGS, Lang
from .i18n import StrictTranslations, iso_date, long_date
from .markup import PRACTICE_LINK, Documents, to_html
from .model import Practice, Site
from .opendata import data_urls
from .outputs import Deferred, Listed, Output, made, recipe
from .vocabulary import FACETS

NEWEST_ON_HOME = 6
FEED_SIZE = 30
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; "
    "style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'self'; "
    "form-action 'self'; object-src 'none'"
)
"""No inline script or style anywhere; Pagefind needs WebAssembly and its worker."""
RELATED_COUNT = 3


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What the layout needs to know about any page."""

    title: str
    description: str
    url: str
    """Site-relative URL ('fi/kaytannot/x/')."""
    alternates: dict[Lang, str] = field(default_factory=dict)
    """Language → site-relative URL of the same page in that language (hreflang)."""
    switch_url: str | None = None
    """Where the language switch goes."""
    noindex: bool = False
    lastmod: date | None = None
    """When the content last changed (for the sitemap)."""


SitemapEntry = tuple[str, dict[Lang, str], str | None]
"""(URL, alternates, when its content last changed as an ISO date) of a page in the sitemap."""


def sitemap_entry(meta: PageMeta) -> SitemapEntry:
    return meta.url, meta.alternates, meta.lastmod.isoformat() if meta.lastmod else None


class Unit(NamedTuple):
    """A practice's pages in one language as they were planned: what they were made from
    (both versions' hashes, the related practices' front-matter hashes) and what came of it."""

    stamp: tuple[str, ...]
    """Each language version's front-matter and file hash ('' where there is none)."""
    related: tuple[tuple[str, str], ...]
    """(id, front-matter hash) of the practices shown as related."""
    outputs: tuple[tuple[str, str], ...]
    """(path, recipe) of each output file."""
    sitemap: tuple[SitemapEntry, ...]
    redirects: tuple[tuple[str, str], ...]


def outline(pages: list[LanguagePages]) -> str:
    """What every practice's pages depend on besides their own practice and related ones: the
    catalogue's practices with their addresses and themes (which decide related practices
    and where links to a practice lead), per language. Ids, slugs and codes are plain words,
    so lines of them joined by spaces say it unambiguously."""
    return "\n\n".join(
        "\n".join(f"{p.id} {p.slug} {' '.join(p.themes)}" for p in sorted(language.practices, key=_by_id))
        for language in pages
    )


_by_id = attrgetter("id")


def other(lang: Lang) -> Lang:
    return "sv" if lang == "fi" else "fi"


def make_env(
    templates: Path, translations: StrictTranslations, lang: Lang, site: Site, asset_versions: dict[str, str]
) -> jinja2.Environment:
    """One strict Jinja environment per language (no global locale state)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(["html", "xml"], default_for_string=True),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=COMPILED_TEMPLATES,
    )
    env.install_gettext_callables(  # type: ignore[attr-defined]
        translations.gettext, translations.ngettext, newstyle=True
    )
    base_path = site.config.base_path
    base_url = site.config.base_url

    def url(path: str) -> str:
        return base_path + path

    def asset(path: str) -> str:
        return f"{base_path}static/{path}?v={asset_versions.get(path, '0')}"

    env.globals.update(
        lang=lang,
        other_lang=other(lang),
        url=url,
        abs_url=lambda path: base_url + path,
        asset=asset,
        site_name=site.config.name[lang],
        publisher=site.config.publisher[lang],
        other_site_name=site.config.name[other(lang)],
        feedback_email=site.config.feedback_email,
        sections={name: urls.section(lang, name) for name in urls.SECTIONS[lang]},
        home_url=urls.home(lang),
        vocabulary=site.vocabulary,
        practice_url=urls.practice,
        term_url=lambda facet, term: urls.term(lang, facet, term),
        label=lambda term: term.label[lang],
        filter_keys=urls.FILTER_PARAMS,
        csp=CONTENT_SECURITY_POLICY,
        feed_url=urls.feed(lang),
        short_url_of=lambda p: urls.short(p.lang, p.id),
        data_urls=data_urls(lang),
    )
    env.filters["long_date"] = lambda day: long_date(day, lang)
    env.filters["iso_date"] = iso_date
    return env


def template_digests(env: jinja2.Environment, documents: Documents) -> dict[str, str]:
    """Template name → hash of its source and of every template it extends, includes or imports,
    so that editing one template changes the recipes of exactly the pages that use it."""
    assert env.loader is not None
    names = env.loader.list_templates()
    sources = {name: env.loader.get_source(env, name)[0] for name in names}
    # Which templates each one uses, found by parsing it: kept in the build cache by its text.
    found = documents.made(
        "template references",
        [(f"{name}\x00{text}", partial(_referenced, env, name, text)) for name, text in sources.items()],
    )
    uses = {name: json.loads(used) for name, used in zip(sources, found, strict=True)}
    digests = {}
    for name in names:
        closure, todo = set(), [name]
        while todo:
            current = todo.pop()
            if current not in closure and current in sources:
                closure.add(current)
                todo.extend(uses[current])
        joined = "\x00".join(f"{used}\x00{sources[used]}" for used in sorted(closure))
        digests[name] = hashlib.blake2b(joined.encode("utf-8"), digest_size=16).hexdigest()
    return digests


def _referenced(env: jinja2.Environment, name: str, text: str) -> str:
    """The templates one template extends, includes or imports, as a JSON list."""
    found = jinja2.meta.find_referenced_templates(env.parse(text, name=name))
    return json.dumps(sorted(used for used in found if used))


def asset_versions(static: Path) -> dict[str, str]:
    """Short content hashes for cache-busting query strings (deterministic)."""
    versions = {}
    for file in sorted(static.rglob("*")):
        if file.is_file():
            digest = hashlib.sha256(file.read_bytes()).hexdigest()[:10]
            versions[file.relative_to(static).as_posix()] = digest
    return versions


class LanguagePages:
    """Every output file of one language, each as an Output (a recipe and a way to make it)."""

    def __init__(
        self,
        site: Site,
        env: jinja2.Environment,
        lang: Lang,
        translations: StrictTranslations,
        documents: Documents,
        settings: str,
        templates: dict[str, str],
    ) -> None:
        """`settings`: a hash of what every page of the language depends on besides its own
        context and template (code, catalogue, vocabulary, site settings, asset versions)."""
        self.site = site
        self.gettext = translations.gettext
        self.ngettext = translations.ngettext
        self.env = env
        self.lang = lang
        self.documents = documents
        self.settings = settings
        self.templates = templates
        """Template name → hash of it and of the templates it uses (see template_digests)."""
        self.outputs: list[Output] = []
        self.sitemap: list[SitemapEntry] = []
        self.redirects: list[tuple[str, str]] = []
        """(Old site-relative address, new one), for hosts that redirect on the server."""
        self.units: dict[str, Unit] = {}
        """Practice id → its pages in this language as planned (see render_practices)."""
        self.replanned: set[str] = set()
        """The practices whose pages were planned anew rather than taken from the last build."""
        self.practices = sorted(site.in_lang(lang), key=attrgetter("title_key"))
        self.theme_masks: dict[str, int] | None = None
        self.ring: list[Practice] = []
        self.place: dict[str, int] = {}
        env.globals["practice_cards"] = self.practice_cards
        self.by_term: dict[str, dict[str, list[Practice]]] = {}

    def practice_cards(self, practices: Iterable[Practice], heading: str) -> markupsafe.Markup:
        """The cards of a list of practices (macros.html's practice_card), each made once and
        kept in the build cache by its front matter: after an edit, a list of thousands is
        joined, not rendered again."""
        card = self.env.get_template("macros.html").module.practice_card  # type: ignore[attr-defined]
        kind = f"card {self.lang} {heading} {self.settings} {self.templates['macros.html']}"
        made = self.documents.made(
            kind, [(p.front_digest, partial(_text_of, card, p, heading)) for p in practices]
        )
        return markupsafe.Markup("".join(f"{text}\n" for text in made))

    def link_target(self, practice_id: str) -> str:
        """Where a link to a practice leads in this language (site-relative)."""
        target = self.site.by_id.get(practice_id, {}).get(self.lang)
        return urls.practice(target) if target else urls.short(self.lang, practice_id)

    def url_of(self, practice_id: str) -> str:
        return self.site.config.base_path + self.link_target(practice_id)

    def practice_text(self, p: Practice) -> Deferred:
        """The HTML of a practice's text and criteria, with its links to other practices resolved."""
        targets = {target: self.url_of(target) for target, _, _ in p.practice_links}
        return Deferred(
            recipe(p.text_digest, targets), lambda: self.documents.get(p).resolved(targets.__getitem__)
        )

    def page_html(self, text: str) -> Deferred:
        """An about-type page's HTML (a few short pages: converted whenever they are made)."""
        targets = {match["id"]: self.url_of(match["id"]) for match in PRACTICE_LINK.finditer(text)}
        base_path = self.site.config.base_path
        return Deferred(recipe(text, targets), lambda: to_html(text, targets.__getitem__, base_path))

    def emit(self, url: str, template: str, meta: PageMeta, **context: Any) -> None:
        def make() -> str:
            return self.env.get_template(template).render(page=meta, **made(context))

        key = recipe(self.settings, self.templates[template], meta, context)
        self.outputs.append(Output(urls.output_file(url), key, make))
        if not meta.noindex:
            self.sitemap.append(sitemap_entry(meta))

    def put(self, path: str, key: str, make: Callable[[], str]) -> None:
        self.outputs.append(Output(path, recipe(self.settings, key), make))

    def section_meta(self, name: str, title: str, description: str) -> PageMeta:
        """A section's page (all practices, search, about…): the same section in both languages."""
        return PageMeta(
            title,
            description,
            urls.section(self.lang, name),
            {lang: urls.section(lang, name) for lang in LANGS},
            urls.section(other(self.lang), name),
        )

    def with_term(self, facet: str) -> dict[str, list[Practice]]:
        """Term code → the practices of this language that have it, in A–Ö order."""
        if facet not in self.by_term:
            found: dict[str, list[Practice]] = {term.code: [] for term in self.site.vocabulary.terms(facet)}
            codes_of = _CODES[facet]
            for p in self.practices:
                for code in codes_of(p):
                    found[code].append(p)
            self.by_term[facet] = found
        return self.by_term[facet]

    def counts(self, facet: str) -> dict[str, int]:
        """Term code → how many practices of this language have it."""
        return {code: len(practices) for code, practices in self.with_term(facet).items()}

    def render_complete_list(self) -> None:
        """The A–Ö page, which lists every practice: the largest page, planned first so that
        it can be made while the rest is planned (see assemble.site_outputs)."""
        self.emit(
            urls.section(self.lang, "practices"),
            "practices.html",
            self.section_meta(
                "practices",
                self.gettext("All practices"),
                self.gettext("Every good practice in the catalogue, in alphabetical order."),
            ),
            practices=Listed(self.practices),
        )

    def render_lists(self) -> None:
        """Every other page of the language but the practices' own (see render_practices):
        the home page, lists by term, search, about-type pages and the feed."""
        lang, gettext = self.lang, self.gettext
        both = {lang_: urls.home(lang_) for lang_ in LANGS}
        # Newest first, and in A–Ö order on the same day (the sort keeps the A–Ö order of ties).
        newest = sorted(self.practices, key=lambda p: -p.published.toordinal())
        self.emit(
            urls.home(lang),
            "home.html",
            PageMeta(
                self.site.config.name[lang],
                gettext(
                    "A national catalogue of good practices that support the first phases of immigrant integration."  # noqa: E501
                ),
                urls.home(lang),
                both,
                urls.home(other(lang)),
            ),
            newest=newest[:NEWEST_ON_HOME],
            total=len(self.practices),
            counts={facet: self.counts(facet) for facet in ("themes", "phases")},
        )
        for facet in FACETS:
            self.render_facet(facet)
        search_url = urls.section(lang, "search")
        self.emit(
            search_url,
            "search.html",
            self.section_meta(
                "search",
                gettext("Search"),
                gettext("Search the catalogue by words, theme, phase, region and target group."),
            ),
            facets=[
                (facet, _facet_title(facet, gettext), self.site.vocabulary.ordered(facet, lang))
                for facet in FACETS
            ],
            total=len(self.practices),
            count_forms=[self.ngettext("%(num)d practice", "%(num)d practices", n) for n in (1, 2)],
        )
        for key in ("about", "accessibility"):
            page = self.site.page(key, lang)
            self.emit(
                urls.section(lang, key),
                "page.html",
                self.section_meta(key, page.title, page.description),
                content=self.page_html(page.body),
                page_key=key,
            )
        self.emit(
            urls.not_found(lang),
            "404.html",
            PageMeta(
                gettext("Page not found"),
                gettext("Page not found"),
                urls.not_found(lang),
                {},
                urls.home(other(lang)),
                noindex=True,
            ),
        )
        self.render_feed(newest)

    def render_feed(self, newest: list[Practice]) -> None:
        """Atom: the newest published or updated practices."""
        recent = sorted(newest, key=lambda p: (p.last_changed, p.published, p.id), reverse=True)[:FEED_SIZE]
        updated = max((p.last_changed for p in recent), default=date(2000, 1, 1))
        template = self.env.get_template("feed.xml")
        stamp = f"{updated.isoformat()}T00:00:00Z"
        self.put(
            urls.feed(self.lang),
            recipe(self.templates["feed.xml"], recent, stamp),
            lambda: template.render(practices=recent, updated=stamp),
        )

    def render_facet(self, facet: str) -> None:
        lang, gettext = self.lang, self.gettext
        terms = self.site.vocabulary.ordered(facet, lang)
        index_url = urls.section(lang, facet)
        facet_title = _facet_title(facet, gettext)
        self.emit(
            index_url,
            "facet_index.html",
            self.section_meta(facet, facet_title, _facet_description(facet, gettext)),
            facet=facet,
            facet_title=facet_title,
            terms=terms,
            counts=self.counts(facet),
        )
        for term in terms:
            matching = self.with_term(facet)[term.code]
            url = urls.term(lang, facet, term)
            self.emit(
                url,
                "term.html",
                PageMeta(
                    term.label[lang],
                    (term.description or {}).get(lang) or f"{facet_title}: {term.label[lang]}",
                    url,
                    {lang_: urls.term(lang_, facet, term) for lang_ in LANGS},
                    urls.term(other(lang), facet, term),
                ),
                facet=facet,
                facet_title=facet_title,
                term=term,
                practices=Listed(matching),
            )

    def render_practices(self, previous: dict[str, Unit], stamps: dict[str, tuple[str, ...]]) -> None:
        """Each practice's pages in this language: its page, its earlier addresses and its short
        link (or, untranslated, the notice at its short link).

        Besides the site-wide settings, templates and catalogue outline (see `outline`), they
        are made from the practice's two versions and its related practices only. Where those
        are as they were at the last build, the pages' recipes are taken from then: planning
        10,000 pages anew is most of a rebuild after one edit."""
        fronts = {p.id: p.front_digest for p in self.practices}
        for practice_id, stamp in stamps.items():
            known = previous.get(practice_id)
            if known is not None and known.stamp == stamp and _same_related(known.related, fronts):
                self._reuse(practice_id, known)
            else:
                versions = self.site.by_id[practice_id]
                self.units[practice_id] = self._practice_pages(practice_id, versions, stamp)
                self.replanned.add(practice_id)

    def _reuse(self, practice_id: str, unit: Unit) -> None:
        remade = partial(self._remade, practice_id)
        self.outputs.extend([Output(path, key, partial(remade, path)) for path, key in unit.outputs])
        self.sitemap.extend(unit.sitemap)
        self.redirects.extend(unit.redirects)
        self.units[practice_id] = unit

    def _remade(self, practice_id: str, path: str) -> str:
        """A reused page's text: its practice's pages planned again, that one made."""
        kept = self.outputs, self.sitemap, self.redirects
        self.outputs, self.sitemap, self.redirects = [], [], []
        try:
            self._practice_pages(practice_id, self.site.by_id[practice_id], ())
            output = next(output for output in self.outputs if output.path == path)
        finally:
            self.outputs, self.sitemap, self.redirects = kept
        return output.make()

    def _practice_pages(
        self, practice_id: str, versions: dict[Lang, Practice], stamp: tuple[str, ...]
    ) -> Unit:
        lang = self.lang
        first_output, first_entry, first_redirect = len(self.outputs), len(self.sitemap), len(self.redirects)
        p = versions.get(lang)
        related = self.related(p) if p else []
        url = urls.short(lang, practice_id)
        if p:
            self.practice_page(p, related)
            for alias in p.aliases:
                self.redirect(urls.practice_slug(lang, alias), urls.practice(p), p.title, p.summary)
            self.redirect(url, urls.practice(p), p.title, p.summary)
        else:
            source = versions[other(lang)]
            self.emit(
                url,
                "untranslated.html",
                PageMeta(
                    source.title,
                    source.summary,
                    url,
                    {lang: url, other(lang): urls.practice(source)},
                    urls.practice(source),
                    noindex=True,
                ),
                source=source,
            )
        return Unit(
            stamp,
            tuple((r.id, r.front_digest) for r in related),
            tuple((o.path, o.recipe) for o in self.outputs[first_output:]),
            tuple(self.sitemap[first_entry:]),
            tuple(self.redirects[first_redirect:]),
        )

    def practice_page(self, p: Practice, related: list[Practice]) -> None:
        lang = self.lang
        url = urls.practice(p)
        twin = self.site.counterpart(p, other(lang))
        twin_url = urls.practice(twin) if twin else urls.short(other(lang), p.id)
        self.emit(
            url,
            "practice.html",
            PageMeta(
                p.title,
                p.summary,
                url,
                {lang: url, other(lang): twin_url} if twin else {lang: url},
                twin_url,
                lastmod=p.last_changed,
            ),
            practice=p,
            text=self.practice_text(p),
            related=related,
            counterpart=twin,
            stale=self.site.is_stale(p),
            short_url=urls.short(lang, p.id),
            title_sort=sort_value(p.title_key),
        )

    def redirect(self, url: str, target: str, title: str, summary: str) -> None:
        self.emit(url, "redirect.html", PageMeta(title, summary, url, {}, None, noindex=True), target=target)
        self.redirects.append((url, target))

    def related(self, p: Practice) -> list[Practice]:
        """Up to three practices sharing the most themes; among those sharing as many, the
        next ones after this practice on a fixed ring of all practices (ordered by a hash of
        their ids). So every practice is shown about as often as any other, and renaming or
        adding one changes the related practices of a few pages, not of every page whose
        candidates it would come first among in A–Ö order.

        Each theme is a bitmask over the practices' places on the ring, so the candidates that
        share s themes are an AND of masks, and the next ones are the lowest set bits above
        this practice's place, then from the start of the ring.
        """
        if self.theme_masks is None:
            self.ring = sorted(self.practices, key=lambda q: (_ring_place(q.id), q.id))
            self.place = {practice.id: index for index, practice in enumerate(self.ring)}
            self.theme_masks = {}
            for index, practice in enumerate(self.ring):
                for theme in practice.themes:
                    self.theme_masks[theme] = self.theme_masks.get(theme, 0) | (1 << index)
        chosen: list[int] = []
        place = self.place[p.id]
        taken = 1 << place
        after = ~((taken << 1) - 1)
        themes = sorted(set(p.themes))
        for shared in range(len(themes), 0, -1):
            mask = 0
            for group in combinations(themes, shared):
                mask |= reduce(and_, (self.theme_masks[t] for t in group))
            mask &= ~taken
            for part in (mask & after, mask & ~after):
                while part and len(chosen) < RELATED_COUNT:
                    lowest = part & -part
                    chosen.append(lowest.bit_length() - 1)
                    taken |= lowest
                    part ^= lowest
            if len(chosen) == RELATED_COUNT:
                break
        return [self.ring[index] for index in chosen]


def practice_stamps(site: Site) -> dict[str, tuple[str, ...]]:
    """Practice id → each language version's front-matter and file hash ('' where there is
    none), in id order: what a practice's pages are made from, besides the practices shown
    as related and the outline."""
    return {
        practice_id: tuple([p.front_digest + p.digest if (p := versions.get(lang)) else "" for lang in LANGS])
        for practice_id, versions in sorted(site.by_id.items())
    }


def _same_related(related: tuple[tuple[str, str], ...], fronts: dict[str, str]) -> bool:
    """Whether the practices shown as related are as they were: (id, front-matter hash) each."""
    return all(fronts.get(practice_id) == front_digest for practice_id, front_digest in related)


def _ring_place(practice_id: str) -> bytes:
    """Where a practice is on the ring of related practices: a hash of its id alone."""
    return hashlib.blake2b(practice_id.encode("utf-8"), digest_size=8).digest()


def _text_of(macro: Callable[..., str], *arguments: Any) -> str:
    return str(macro(*arguments))


_CODES: dict[str, Callable[[Practice], tuple[str, ...]]] = {
    **{facet: attrgetter(facet) for facet in FACETS if facet != "practice_types"},
    "practice_types": lambda p: (p.practice_type,),
}
"""Facet → the codes a practice has in it."""


def _facet_title(facet: str, gettext: Any) -> str:
    titles = {
        "themes": gettext("Themes"),
        "phases": gettext("Phases of integration"),
        "regions": gettext("Regions"),
        "target_groups": gettext("Target groups"),
        "practice_types": gettext("Practice types"),
    }
    return str(titles[facet])


def _facet_description(facet: str, gettext: Any) -> str:
    descriptions = {
        "themes": gettext("Browse the practices by theme."),
        "phases": gettext("Browse the practices by phase of initial-stage integration, in process order."),
        "regions": gettext("Browse the practices by region."),
        "target_groups": gettext("Browse the practices by target group."),
        "practice_types": gettext("Browse the practices by type of practice."),
    }
    return str(descriptions[facet])
