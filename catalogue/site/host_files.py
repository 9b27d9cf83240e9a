"""The files static hosts read beside the pages: robots.txt, and the security headers and
redirects of hosts that read _headers and _redirects (Netlify, Cloudflare Pages)."""

from __future__ import annotations

from ..config import LANGS, SiteConfig
from . import urls
from .templates import CONTENT_SECURITY_POLICY, EDITOR_CONTENT_SECURITY_POLICY


def host_files(config: SiteConfig, moves: list[tuple[str, str]]) -> dict[str, str]:
    """File name → text; `moves`: (old address, new address) of every redirect page."""
    base = config.base_path
    robots = f"User-agent: *\nAllow: /\nDisallow: {base}admin/\n\nSitemap: {config.base_url}sitemap.xml\n"
    # These hosts send every matching rule's headers, so each policy names its own paths:
    # the public pages' one, and the web editor's (which needs more: see admin/index.html).
    public = [base, f"{base}index.html", f"{base}404.html", *(f"{base}{lang}/*" for lang in LANGS)]
    policies = [(path, CONTENT_SECURITY_POLICY) for path in public]
    policies.append((f"{base}admin/*", EDITOR_CONTENT_SECURITY_POLICY))
    headers = (
        "# Security headers for static hosts that read this file (Netlify, Cloudflare Pages).\n"
        f"{base}*\n  Referrer-Policy: strict-origin-when-cross-origin\n  X-Content-Type-Options: nosniff\n"
        + "".join(
            f"{path}\n  Content-Security-Policy: {policy}; frame-ancestors 'none'\n"
            for path, policy in policies
        )
    )
    redirects = "".join(f"{base}{old} {base}{new} 301\n" for old, new in moves)
    # Last, as these hosts read the first rule that matches: an unknown address under a
    # language gets that language's 404 page, with its navigation and search.
    redirects += "".join(f"{base}{lang}/* {base}{urls.not_found(lang)} 404\n" for lang in LANGS)
    return {"robots.txt": robots, "_headers": headers, "_redirects": redirects}
