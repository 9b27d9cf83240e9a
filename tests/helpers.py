"""Building blocks for tests: small throwaway projects and valid practice files."""

from __future__ import annotations

import functools
import shutil
from collections.abc import Mapping
from pathlib import Path

from bs4 import BeautifulSoup, Tag

ROOT = Path(__file__).resolve().parent.parent


def as_read(text: str) -> str:
    """A page's text as a reader reads it: the soft hyphens of headings (hyphenation.hyphenator)
    are drawn only where a line breaks, and a non-breaking hyphen, which any text may have
    (line_breaks.hyphens_kept_with_words), is a hyphen."""
    return text.replace("\u00ad", "").replace("\u2011", "-")


CRITERIA = """criteria:
  goal-oriented: Vähentää eriarvoisuutta.
  customer-responsive: Lähtee asiakkaan tarpeista.
  context-sensitive: Toimii vaikeissakin oloissa.
  high-impact: Tulokset ovat parempia.
  modellable: Vaiheet on kuvattu.
  generalisable: Toimii muuallakin."""

CRITERIA_SV = """criteria:
  goal-oriented: Minskar ojämlikheten.
  customer-responsive: Utgår från kundens behov.
  context-sensitive: Fungerar även under svåra förhållanden.
  high-impact: Resultaten är bättre.
  modellable: Stegen är beskrivna.
  generalisable: Fungerar även på andra håll."""


def practice(
    practice_id: str = "sample",
    slug: str = "esimerkki",
    title: str = "Esimerkkikäytäntö",
    summary: str = "Lyhyt kuvaus.",
    extra: str = "",
    body: str = "## Tausta\n\nTeksti.\n",
    themes: str = "[integration-training]",
    criteria: str = CRITERIA,
) -> str:
    """A valid practice file; `extra` lines are added to the front matter."""
    front = f"""id: {practice_id}
title: {title}
slug: {slug}
summary: {summary}
themes: {themes}
phases: [integration-training]
target_groups: [jobseekers]
regions: [uusimaa]
organisations: [Esimerkkikunta]
practice_type: material
start_year: 2016
funding: ESR.
published: 2017-01-02
{criteria}
{extra}""".rstrip("\n")
    return f"---\n{front}\n---\n{body}"


def make_project(tmp_path: Path, files: Mapping[str, str | bytes]) -> Path:
    """A project folder with the real templates, locales, static files and vocabulary,
    the real about/accessibility pages, and the given content files."""
    root = tmp_path / "project"
    for name in ("templates", "locales", "static"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "site.toml", root / "site.toml")
    (root / "content").mkdir()
    shutil.copy(ROOT / "content" / "vocabulary.yaml", root / "content" / "vocabulary.yaml")
    shutil.copytree(ROOT / "content" / "pages", root / "content" / "pages")
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return root


def pair(
    practice_id: str = "sample", fi_slug: str = "esimerkki", sv_slug: str = "exempel", **kwargs: str
) -> dict[str, str]:
    """Content files for one practice in both languages (each in its own: the check warns of
    texts left word for word the same), both named after the Finnish slug (the web editor
    pairs them by name). A practice other than 'sample' has titles of its own (the check warns
    of two practices with one title): 'Esimerkkikäytäntö other'."""
    own = "" if practice_id == "sample" else f" {practice_id}"
    sv_texts = {} if "criteria" in kwargs else {"criteria": CRITERIA_SV}
    return {
        f"content/fi/{fi_slug}.md": practice(practice_id, fi_slug, title=f"Esimerkkikäytäntö{own}", **kwargs),
        f"content/sv/{fi_slug}.md": practice(
            practice_id,
            sv_slug,
            title=f"Exempelpraxis{own}",
            summary="Kort beskrivning.",
            **sv_texts,
            **kwargs,
        ),
    }


def site_files(folder: Path) -> dict[str, str]:
    """Path → a hash of each file in an output folder, byte for byte (the search bundle
    included: the build makes it the same each time for the same pages)."""
    import hashlib

    return {
        file.relative_to(folder).as_posix(): hashlib.sha256(file.read_bytes()).hexdigest()
        for file in sorted(p for p in folder.rglob("*") if p.is_file())
    }


def png(width: int, height: int) -> bytes:
    """A white PNG image of that size."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xff" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def html_pages(site: Path) -> list[Path]:
    """The HTML pages of a built site, the search bundle's left out."""
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


def soup(path: Path) -> BeautifulSoup:
    """A built page, parsed; read it, do not change it. A text is parsed once: many tests read
    every page of the sample site, and parsing them all takes seconds."""
    return _parsed(path.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=512)
def _parsed(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def one(html: Tag, selector: str) -> Tag:
    """The first element that matches a CSS selector, which must be there."""
    found = html.select_one(selector)
    assert found is not None, f"nothing matches {selector!r}"
    return found


def attribute(tag: Tag, name: str) -> str:
    """An attribute that holds one value (not `class`), which must be there."""
    value = tag.get(name)
    assert isinstance(value, str), f"<{tag.name}> has no {name}: {tag}"
    return value
