"""Render stage, site-wide: both languages' pages plus the files that belong to the whole
site (root pages, sitemap, robots.txt, host headers and redirects, open data), each handed
over as soon as it is ready."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from . import urls
from .cache import BuildCache
from .config import LANGS, Lang
from .i18n import StrictTranslations
from .markup import convert_all
from .model import Site
from .opendata import open_data
from .render import CONTENT_SECURITY_POLICY, LanguagePages, PageMeta, make_env


def render_site(
    site: Site,
    templates: Path,
    translations: dict[Lang, StrictTranslations],
    static_versions: dict[str, str],
    cache: BuildCache | None = None,
    workers: int = 1,
) -> dict[str, str]:
    """Every page of the site as text, keyed by its path in the output directory."""
    out: dict[str, str] = {}
    stream_site(site, templates, translations, static_versions, out.__setitem__, cache, workers)
    return dict(sorted(out.items()))


def stream_site(
    site: Site,
    templates: Path,
    translations: dict[Lang, StrictTranslations],
    static_versions: dict[str, str],
    sink: Callable[[str, str], None],
    cache: BuildCache | None = None,
    workers: int = 1,
) -> int:
    """Render every page and hand each to `sink(path, text)` as soon as it is ready, so a large
    catalogue never has to be held in memory at once. Returns the number of files."""
    seen: set[str] = set()

    def put(path: str, text: str) -> None:
        if path in seen:
            raise AssertionError(f"two pages render to {path}")
        seen.add(path)
        sink(path, text)

    envs = {lang: make_env(templates, translations[lang], lang, site, static_versions) for lang in LANGS}
    renderers = [LanguagePages(site, envs[lang], lang, translations[lang]) for lang in LANGS]
    texts = [text for renderer in renderers for text in renderer.markdown_texts()]
    converted = convert_all(texts, site.config.base_path, cache or BuildCache(None, ""), workers)
    for renderer in renderers:
        renderer.converted = converted
        renderer.put = put
        renderer.render_all()
    root_meta = PageMeta(site.config.name["fi"], "", "", {lang: urls.home(lang) for lang in LANGS})
    both = {lang: translations[lang].gettext for lang in LANGS}
    put(
        "index.html",
        envs["fi"].get_template("root.html").render(page=root_meta, names=site.config.name, t=both),
    )
    put(
        "404.html",
        envs["fi"]
        .get_template("root_404.html")
        .render(page=PageMeta("404", "", "404.html", noindex=True), names=site.config.name, t=both),
    )
    sitemap_entries = [root_meta, *(meta for r in renderers for meta in r.sitemap)]
    put(
        "sitemap.xml",
        envs["fi"]
        .get_template("sitemap.xml")
        .render(
            entries=[
                {
                    "url": m.url,
                    "alternates": m.alternates,
                    "lastmod": m.lastmod.isoformat() if m.lastmod else None,
                }
                for m in sorted(sitemap_entries, key=lambda m: m.url)
            ]
        ),
    )
    put("robots.txt", f"User-agent: *\nAllow: /\n\nSitemap: {site.config.base_url}sitemap.xml\n")
    put(
        "_headers",
        "# Security headers for static hosts that read this file (Netlify, Cloudflare Pages).\n"
        f"/*\n  Content-Security-Policy: {CONTENT_SECURITY_POLICY}; frame-ancestors 'none'\n"
        "  Referrer-Policy: strict-origin-when-cross-origin\n  X-Content-Type-Options: nosniff\n",
    )
    redirects = {old: new for r in renderers for old, new in r.redirects.items()}
    for old, new in sorted(site.redirects.items()):
        lang: Lang = "sv" if old.startswith("sv/") else "fi"
        title = site.config.name[lang]
        put(
            urls.output_file(old),
            envs[lang]
            .get_template("redirect.html")
            .render(page=PageMeta(title, title, old, noindex=True), target=new),
        )
        redirects[old] = new
    base = site.config.base_path
    put("_redirects", "".join(f"{base}{old} {base}{new} 301\n" for old, new in sorted(redirects.items())))
    for path, text in open_data(site).items():
        put(path, text)
    return len(seen)
