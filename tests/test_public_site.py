"""The public site as crawlers, feed readers, data users and slow connections meet it."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import pytest
from bs4 import BeautifulSoup

from catalogue.build.pipeline import check_site
from catalogue.config import Lang, load_config
from catalogue.site import urls

from .helpers import ROOT, as_read, attribute, html_pages, one, soup

BASE = load_config(ROOT / "site.toml").base_url
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def indexable(site: Path) -> dict[str, BeautifulSoup]:
    """Pages meant for search engines (no noindex), by site-relative URL."""
    pages = {}
    for path in html_pages(site):
        page = soup(path)
        if page.find("meta", attrs={"name": "robots", "content": "noindex"}):
            continue
        url = path.relative_to(site).as_posix().removesuffix("index.html")
        pages[url] = page
    return pages


def test_titles_and_descriptions_are_distinct(built_site: Path) -> None:
    pages = indexable(built_site)
    titles = [one(p, "title").get_text() for p in pages.values()]
    descriptions = [attribute(one(p, 'meta[name="description"]'), "content") for p in pages.values()]
    assert len(set(titles)) == len(titles)
    assert len(set(descriptions)) == len(descriptions)
    assert all(descriptions)


def test_canonical_and_open_graph(built_site: Path) -> None:
    for url, page in indexable(built_site).items():
        assert one(page, 'link[rel="canonical"]')["href"] == BASE + url
        if url:
            og = {m["property"]: m["content"] for m in page.find_all("meta", property=True)}
            assert og["og:url"] == BASE + url
            assert og["og:locale"] == {"fi": "fi_FI", "sv": "sv_FI"}[url[:2]]
            assert og["og:title"] and og["og:description"]


def test_sitemap_lists_every_indexable_page_with_alternates(built_site: Path) -> None:
    tree = ElementTree.parse(built_site / "sitemap.xml")
    entries = {}
    for node in tree.getroot().findall(f"{SITEMAP}url"):
        loc = node.findtext(f"{SITEMAP}loc")
        entries[loc] = {link.get("hreflang"): link.get("href") for link in node.findall(f"{XHTML}link")}
    assert set(entries) == {BASE + url for url in indexable(built_site)}
    for loc, alternates in entries.items():
        if loc == BASE:
            continue
        assert "x-default" in alternates
        for lang in ("fi", "sv"):
            if lang in alternates:
                assert entries[alternates[lang]] == alternates, loc
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {BASE}sitemap.xml" in robots.splitlines()


@pytest.mark.parametrize(("lang", "feed"), [("fi", "fi/syote.xml"), ("sv", "sv/flode.xml")])
def test_atom_feeds_parse_cleanly_and_are_discoverable(built_site: Path, lang: Lang, feed: str) -> None:
    parsed = feedparser.parse((built_site / feed).read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.feed.language == lang
    site = check_site(ROOT).site
    expected = sorted(site.in_lang(lang), key=lambda p: (p.last_changed, p.published, p.id), reverse=True)
    assert [e.title for e in parsed.entries] == [p.title for p in expected[:30]]
    assert parsed.entries[0].link.startswith(BASE + lang + "/")
    home = soup(built_site / lang / "index.html")
    assert one(home, 'link[rel="alternate"][type="application/atom+xml"]')["href"] == "/" + feed


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_open_data_matches_the_pages(built_site: Path, lang: Lang) -> None:
    text = (built_site / f"data/v1/practices.{lang}.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["version"] == "v1" and data["language"] == lang
    records = data["practices"]
    assert text.count("\n") == len(records) + 2  # one practice a line, readable in a diff
    site = check_site(ROOT).site
    assert {r["id"] for r in records} == {p.id for p in site.in_lang(lang)}
    for r in records:
        page = soup(built_site / (r["url"][len(BASE) :] + "index.html"))
        assert as_read(one(page, "h1").get_text()) == r["title"]
        assert as_read(one(page, ".practice-header .lead").get_text()) == r["summary"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["published"])
        assert set(r["criteria"]) == set(site.vocabulary.codes("criteria"))
        assert (built_site / (r["permanent_url"][len(BASE) :] + "index.html")).is_file()
    rows = list(
        csv.DictReader(
            io.StringIO((built_site / f"data/v1/practices.{lang}.csv").read_text(encoding="utf-8"))
        )
    )
    assert [row["id"] for row in rows] == [r["id"] for r in records]
    assert rows[0]["themes_codes"] == "; ".join(t["code"] for t in records[0]["themes"])
    vocabulary = json.loads((built_site / "data/v1/vocabulary.json").read_text(encoding="utf-8"))
    assert {t["code"] for t in vocabulary["regions"]} >= {"ahvenanmaa", "national"}
    about = soup(built_site / urls.section(lang, "about") / "index.html")
    assert {a["href"] for a in about.select("#open-data ~ ul a")} >= {
        f"/data/v1/practices.{lang}.json",
        f"/data/v1/practices.{lang}.csv",
        "/data/v1/schema.json",
    }


def test_practice_page_weighs_at_most_30_kb_compressed(built_site: Path) -> None:
    practice_pages = list((built_site / "fi/kaytannot").glob("*/index.html")) + list(
        (built_site / "sv/praxis").glob("*/index.html")
    )
    largest = max(practice_pages, key=lambda p: p.stat().st_size)
    page = soup(largest)
    stylesheets = [
        built_site / attribute(link, "href").split("?")[0].lstrip("/")
        for link in page.find_all("link", rel="stylesheet")
    ]
    total = sum(len(gzip.compress(p.read_bytes())) for p in [largest, *stylesheets])
    assert total <= 30_000, (largest, total)


def test_nothing_is_loaded_from_other_hosts(built_site: Path) -> None:
    for path in html_pages(built_site):
        page = soup(path)
        for tag in page.find_all(["link", "script", "img", "iframe", "source"]):
            if tag.name == "link" and tag.get("rel") in (["canonical"], ["alternate"]):
                continue
            url = tag.get("src") or tag.get("href") or ""
            assert isinstance(url, str), (path, tag)
            assert not url.startswith(("http:", "https:", "//")), (path, url)
        for img in page.find_all("img"):
            assert img.get("width") and img.get("height"), (path, img)


def test_security_headers_for_static_hosts(built_site: Path) -> None:
    headers = (built_site / "_headers").read_text(encoding="utf-8")
    found = re.search(r"Content-Security-Policy: (.*)", headers)
    assert found, headers
    policy = found[1]
    assert (
        "'unsafe-inline'" not in policy
        and "'wasm-unsafe-eval'" in policy
        and "worker-src 'self' blob:" in policy
    )
    meta = attribute(
        one(soup(built_site / "fi/index.html"), 'meta[http-equiv="Content-Security-Policy"]'), "content"
    )
    assert policy.startswith(meta)
    assert "Referrer-Policy: strict-origin-when-cross-origin" in headers


def vnu_jar() -> Path:
    candidates = [
        os.environ.get("VNU_JAR", ""),
        str(Path.home() / ".cache/catalogue-tools/node_modules/vnu-jar/build/dist/vnu.jar"),
    ]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and shutil.which("java"):
            return Path(candidate)
    message = "the Nu Html Checker is not installed (see .ci/run: npm install vnu-jar, and Java)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def test_every_page_is_valid_html(built_site: Path, tmp_path: Path) -> None:
    """The Nu Html Checker, in one run: over a page broken on purpose (it must find that one
    wanting, or it checks nothing) and every page of the site."""
    import json

    broken = tmp_path / "broken.html"
    broken.write_text("<!doctype html><html lang=fi><title>x</title><p><div></p>", encoding="utf-8")
    checker = ["java", "-jar", str(vnu_jar()), "--errors-only", "--skip-non-html", "--format", "json"]
    result = subprocess.run(
        [*checker, str(broken), str(built_site)], capture_output=True, text=True, check=False
    )
    messages = json.loads(result.stderr)["messages"]
    on_site = [
        f"{m.get('url')}:{m.get('lastLine')}: {m['message']}" for m in messages if str(broken) not in m["url"]
    ]
    assert on_site == []
    assert any(str(broken) in m["url"] for m in messages), "the checker must flag a broken page"


def test_sitemap_follows_the_sitemap_0_9_schema_rules(built_site: Path) -> None:
    """The rules of sitemaps.org's sitemap.xsd: <url> children loc, lastmod, changefreq, priority
    in that order (elements of other namespaces, such as xhtml:link, allowed), loc an absolute
    URL of at most 2,048 characters, lastmod a W3C date, at most 50,000 URLs."""
    root = ElementTree.parse(built_site / "sitemap.xml").getroot()
    assert root.tag == f"{SITEMAP}urlset"
    urls_ = list(root)
    assert 0 < len(urls_) <= 50_000
    order = ["loc", "lastmod", "changefreq", "priority"]
    for url in urls_:
        assert url.tag == f"{SITEMAP}url"
        own = [child.tag.removeprefix(SITEMAP) for child in url if child.tag.startswith(SITEMAP)]
        assert own == sorted(own, key=order.index) and own[0] == "loc" and len(set(own)) == len(own)
        loc = url.findtext(f"{SITEMAP}loc", "")
        assert loc.startswith(("http://", "https://")) and len(loc) <= 2048
        lastmod = url.find(f"{SITEMAP}lastmod")
        if lastmod is not None:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", lastmod.text or "")
        for other in url:
            if not other.tag.startswith(SITEMAP):
                assert other.tag == f"{XHTML}link"
                assert other.get("rel") == "alternate" and other.get("hreflang") in ("fi", "sv", "x-default")
                assert other.get("href", "").startswith(BASE)
