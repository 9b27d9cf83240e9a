"""Which pages the site has and what each one shows: a pure function of the checked site.

Every output file is a `Page`: its path, the template that makes it and the data the template
receives. Nothing is rendered here; the build makes the pages whose data or template changed.
"""

from __future__ import annotations

from datetime import date
from operator import attrgetter
from typing import Any, NamedTuple

from ..config import LANGS, Lang
from ..content.model import Links, Practice, Site, StaticPage, other_lang
from ..content.vocabulary import FACETS
from . import urls
from .coverage import NATIONAL, coverage_context
from .host_files import host_files
from .i18n import StrictTranslations
from .opendata import DataSet, shared_files
from .related import related_practices

NEWEST_ON_HOME = 6
FEED_SIZE = 30
TEXT = "text"
"""The 'template' of a file whose text is worked out beforehand: context {"text": …}."""
DATA_JSON, DATA_CSV = "data:json", "data:csv"
"""The 'templates' of a language's open-data files: context {"data": DataSet}."""


class PageMeta(NamedTuple):
    """What the layout needs to know about any page. (This and the two texts below are
    named tuples: a page's recipe hashes them as plain lists, the fastest way.)"""

    title: str
    description: str
    url: str
    """Site-relative URL ('fi/kaytannot/x/')."""
    alternates: dict[Lang, str] = {}  # noqa: RUF012 - shared, never changed
    """Language → site-relative URL of the same page in that language (hreflang)."""
    switch_url: str | None = None
    """Where the language switch goes."""
    noindex: bool = False
    lastmod: date | None = None
    """When the content last changed (for the sitemap)."""


class PracticeText(NamedTuple):
    """The HTML of a practice's text and criteria, kept in the build cache under `digest`
    and filled in when its page is made; `targets`: where its links to practices lead."""

    digest: str
    targets: dict[str, str]
    files: tuple[str, ...]
    """The files of static/ it links to or shows: its page's recipe counts their images' sizes."""


class MarkdownText(NamedTuple):
    """A short Markdown text (an about-type page) converted when its page is made."""

    markdown: str
    targets: dict[str, str]
    files: tuple[str, ...]
    """As PracticeText's."""


class Page(NamedTuple):
    path: str
    """Path in the output folder."""
    template: str
    """A template in templates/, or TEXT, DATA_JSON or DATA_CSV."""
    lang: Lang | None
    """The language whose environment renders it; None for the root pages of both."""
    context: dict[str, Any]


def site_pages(site: Site, translations: dict[Lang, StrictTranslations]) -> list[Page]:
    """Every output file of the site, in a fixed order."""
    pages = [page for lang in LANGS for page in _language_pages(site, lang, translations[lang])]
    root = PageMeta(site.config.name["fi"], "", "", {lang: urls.home(lang) for lang in LANGS})
    pages.append(Page("index.html", "root.html", None, {"page": root, "names": site.config.name}))
    lost = PageMeta("404", "", "404.html", noindex=True)
    ways = {
        lang: {name: urls.section(lang, name) for name in ("practices", "search", "accessibility")}
        for lang in LANGS
    }
    context = {"page": lost, "names": site.config.name, "ways": ways}
    pages.append(Page("404.html", "root_404.html", None, context))
    pages += _redirect_pages(site)
    metas = [root, *(p.context["page"] for p in pages if p.template.endswith(".html") and p.lang)]
    entries = sorted(
        (m.url, m.alternates, m.lastmod.isoformat() if m.lastmod else None) for m in metas if not m.noindex
    )
    pages.append(Page("sitemap.xml", "sitemap.xml", None, {"entries": entries}))
    moves = sorted(
        (p.context["page"].url, p.context["target"]) for p in pages if p.template == "redirect.html"
    )
    pages += [Page(name, TEXT, None, {"text": text}) for name, text in host_files(site.config, moves).items()]
    for path, text in shared_files(site.config, site.vocabulary).items():
        pages.append(Page(path, TEXT, None, {"text": text}))
    return pages


def _language_pages(site: Site, lang: Lang, translations: StrictTranslations) -> list[Page]:
    practices = sorted(site.in_lang(lang), key=attrgetter("title_key"))
    lists = _Lists(site, lang, translations, practices)
    pages = [*lists.home_and_sections(), *lists.facets()]
    related = related_practices(practices)
    for practice_id, versions in sorted(site.by_id.items()):
        practice = versions.get(lang)
        if practice:
            pages += _practice_pages(site, practice, related[practice_id])
        else:
            pages.append(_untranslated(lang, practice_id, versions[other_lang(lang)]))
    twins = [site.counterpart(p) for p in sorted(practices, key=attrgetter("id"))]
    data = DataSet(
        lang,
        tuple(sorted(practices, key=attrgetter("id"))),
        tuple(urls.practice(twin) if twin else None for twin in twins),
        site.config.base_url,
        site.vocabulary,
    )
    data_urls = urls.data_urls(lang)
    pages += [Page(data_urls["json"], DATA_JSON, lang, {"data": data})]
    pages += [Page(data_urls["csv"], DATA_CSV, lang, {"data": data})]
    return pages


def _page(url: str, template: str, lang: Lang | None, meta: PageMeta, **context: Any) -> Page:
    return Page(urls.output_file(url), template, lang, {"page": meta, **context})


def _practice_pages(site: Site, p: Practice, related: list[Practice]) -> list[Page]:
    """A practice's page, its earlier addresses and its short link."""
    lang, url = p.lang, urls.practice(p)
    twin = site.counterpart(p)
    twin_url = urls.practice(twin) if twin else urls.short(other_lang(lang), p.id)
    alternates = {lang: url, other_lang(lang): twin_url} if twin else {lang: url}
    meta = PageMeta(p.title, p.summary, url, alternates, twin_url, lastmod=p.last_changed)
    text = site.text(p)
    targets = link_targets(site, lang, [target for target, _, _ in text.links.practices])
    page = _page(
        url,
        "practice.html",
        lang,
        meta,
        practice=p,
        text=PracticeText(text.digest, targets, _files(text.links)),
        related=related,
        counterpart=twin,
        stale=(p.id, lang) in site.stale,
        short_url=urls.short(lang, p.id),
    )
    addresses = [urls.practice_slug(lang, alias) for alias in p.aliases] + [urls.short(lang, p.id)]
    return [page, *(_redirect(address, url, lang, p.title) for address in addresses)]


def link_targets(site: Site, lang: Lang, ids: list[str]) -> dict[str, str]:
    """Practice id → where a link to it leads in `lang`: its page, or its short link (which
    says when the practice is not translated yet)."""
    targets = {}
    for practice_id in ids:
        linked = site.by_id.get(practice_id, {}).get(lang)
        targets[practice_id] = urls.practice(linked) if linked else urls.short(lang, practice_id)
    return targets


def _redirect(url: str, target: str, lang: Lang, title: str) -> Page:
    """A page that leads to `target` (a redirect page shows a title, no description)."""
    meta = PageMeta(title, "", url, noindex=True)
    return _page(url, "redirect.html", lang, meta, target=target)


def _untranslated(lang: Lang, practice_id: str, source: Practice) -> Page:
    """The notice at the short link of a practice not yet translated into `lang`."""
    url, source_url = urls.short(lang, practice_id), urls.practice(source)
    alternates = {lang: url, other_lang(lang): source_url}
    meta = PageMeta(source.title, source.summary, url, alternates, source_url, noindex=True)
    return _page(url, "untranslated.html", lang, meta, source=source)


def _redirect_pages(site: Site) -> list[Page]:
    """The pages of content/redirects.yaml: each old address leads to its new one."""
    pages = []
    for old, (new, _) in sorted(site.redirects.items()):
        lang: Lang = "sv" if old.startswith("sv/") else "fi"
        title = site.config.name[lang]
        pages.append(_page(old, "redirect.html", lang, PageMeta(title, title, old, noindex=True), target=new))
    return pages


class _Lists:
    """The pages of one language that list practices or lead to them."""

    def __init__(
        self, site: Site, lang: Lang, translations: StrictTranslations, practices: list[Practice]
    ) -> None:
        self.site, self.lang, self.practices = site, lang, practices
        self.gettext, self.ngettext = translations.gettext, translations.ngettext
        self.with_term = {facet: _with_term(site, facet, practices) for facet in FACETS}

    def section(self, name: str, template: str, title: str, description: str, **context: Any) -> Page:
        """A section's page (all practices, search, about…): the same section in both languages."""
        url = urls.section(self.lang, name)
        alternates = {lang: urls.section(lang, name) for lang in LANGS}
        meta = PageMeta(title, description, url, alternates, urls.section(other_lang(self.lang), name))
        return _page(url, template, self.lang, meta, **context)

    def markdown(self, page: StaticPage) -> MarkdownText:
        ids = [target for target, _, _ in page.links.practices]
        return MarkdownText(page.body, link_targets(self.site, self.lang, ids), _files(page.links))

    def counts(self, facet: str) -> dict[str, int]:
        return {code: len(found) for code, found in self.with_term[facet].items()}

    def home_and_sections(self) -> list[Page]:
        """The home page, the A–Ö list, search, about-type pages, the 404 page and the feed."""
        lang, _ = self.lang, self.gettext
        return [
            self.home(),
            self.section(
                "practices",
                "practices.html",
                _("All practices"),
                _("Every good practice in the catalogue, in alphabetical order."),
                practices=self.practices,
            ),
            self.search(),
            self.section(
                "coverage",
                "coverage.html",
                self.gettext("Where practices exist"),
                self.gettext(
                    "How many practices the catalogue has for each theme and phase, and in each region: "
                    "where the next call for practices could aim."
                ),
                **coverage_context(self.site.vocabulary, self.lang, self.practices, self.counts("regions")),
            ),
            *(self.about_page(key) for key in ("about", "accessibility")),
            _page(
                urls.not_found(lang),
                "404.html",
                lang,
                PageMeta(
                    _("Page not found"),
                    _("Page not found"),
                    urls.not_found(lang),
                    switch_url=urls.home(other_lang(lang)),
                    noindex=True,
                ),
            ),
            self.feed(),
        ]

    def home(self) -> Page:
        lang = self.lang
        meta = PageMeta(
            self.site.config.name[lang],
            self.gettext(
                "A national catalogue of good practices that support the first phases of immigrant "
                "integration."
            ),
            urls.home(lang),
            {lang_: urls.home(lang_) for lang_ in LANGS},
            urls.home(other_lang(lang)),
        )
        return _page(
            urls.home(lang),
            "home.html",
            lang,
            meta,
            newest=self.newest()[:NEWEST_ON_HOME],
            total=len(self.practices),
            counts={facet: self.counts(facet) for facet in ("themes", "phases")},
        )

    def newest(self) -> list[Practice]:
        """Newest first, and in A–Ö order on the same day (the sort keeps the A–Ö order of ties)."""
        return sorted(self.practices, key=lambda p: -p.published.toordinal())

    def search(self) -> Page:
        _ = self.gettext
        facets = [
            (facet, _facet_title(facet, _), self.site.vocabulary.ordered(facet, self.lang))
            for facet in FACETS
        ]
        return self.section(
            "search",
            "search.html",
            _("Search"),
            _("Search the catalogue by words, theme, phase, region and target group."),
            facets=facets,
            replaced=self.site.vocabulary.replaced,
            total=len(self.practices),
            count_forms=[self.ngettext("%(num)d practice", "%(num)d practices", n) for n in (1, 2)],
        )

    def about_page(self, key: str) -> Page:
        page = self.site.page(key, self.lang)
        return self.section(
            key, "page.html", page.title, page.description, content=self.markdown(page), page_key=key
        )

    def feed(self) -> Page:
        """Atom: the newest published or updated practices."""
        recent = sorted(self.newest(), key=lambda p: (p.last_changed, p.published, p.id), reverse=True)
        updated = max((p.last_changed for p in recent), default=date(2000, 1, 1))
        context = {"practices": recent[:FEED_SIZE], "updated": f"{updated.isoformat()}T00:00:00Z"}
        return Page(urls.feed(self.lang), "feed.xml", self.lang, context)

    def facets(self) -> list[Page]:
        """Each facet's index page and a page for each of its terms."""
        lang, pages = self.lang, []
        for facet in FACETS:
            title = _facet_title(facet, self.gettext)
            terms = self.site.vocabulary.ordered(facet, lang)
            description = _facet_description(facet, self.gettext)
            context: dict[str, object] = {"facet": facet, "facet_title": title}
            index = {**context, "terms": terms, "counts": self.counts(facet)}
            pages.append(self.section(facet, "facet_index.html", title, description, **index))
            for term in terms:
                url = urls.term(lang, facet, term)
                meta = PageMeta(
                    term.label[lang],
                    (term.description or {}).get(lang) or f"{title}: {term.label[lang]}",
                    url,
                    {lang_: urls.term(lang_, facet, term) for lang_ in LANGS},
                    urls.term(other_lang(lang), facet, term),
                )
                practices = self.with_term[facet][term.code]
                # A value no practice has yet keeps its page (a published link keeps working)
                # but leaves search engines and the sitemap alone; an empty region suggests
                # the practices that serve the whole country.
                meta = meta._replace(noindex=not practices)
                national = self.with_term["regions"].get(NATIONAL, []) if facet == "regions" else []
                pages.append(
                    _page(
                        url,
                        "term.html",
                        lang,
                        meta,
                        **context,
                        term=term,
                        practices=practices,
                        national=national if not practices and term.code != NATIONAL else [],
                    )
                )
        return pages


def _with_term(site: Site, facet: str, practices: list[Practice]) -> dict[str, list[Practice]]:
    """Term code → the practices that have it, in the order given."""
    found: dict[str, list[Practice]] = {term.code: [] for term in site.vocabulary.terms(facet)}
    for p in practices:
        for code in (p.practice_type,) if facet == "practice_types" else getattr(p, facet):
            found[code].append(p)
    return found


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


def _files(links: Links) -> tuple[str, ...]:
    return tuple(sorted({path for path, _, _ in links.files}))
