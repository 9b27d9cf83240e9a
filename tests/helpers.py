"""Building blocks for tests: small throwaway projects and valid practice files."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CRITERIA = """criteria:
  goal-oriented: Vähentää eriarvoisuutta.
  customer-responsive: Lähtee asiakkaan tarpeista.
  context-sensitive: Toimii vaikeissakin oloissa.
  high-impact: Tulokset ovat parempia.
  modellable: Vaiheet on kuvattu.
  generalisable: Toimii muuallakin."""


def practice(
    practice_id: str = "sample",
    slug: str = "esimerkki",
    title: str = "Esimerkkikäytäntö",
    extra: str = "",
    body: str = "## Tausta\n\nTeksti.\n",
    themes: str = "[integration-training]",
    criteria: str = CRITERIA,
) -> str:
    """A valid practice file; `extra` lines are added to the front matter."""
    front = f"""id: {practice_id}
title: {title}
slug: {slug}
summary: Lyhyt kuvaus.
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


def make_project(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
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
    """Content files for one practice in both languages."""
    return {
        f"content/fi/{fi_slug}.md": practice(practice_id, fi_slug, **kwargs),
        f"content/sv/{sv_slug}.md": practice(practice_id, sv_slug, title="Exempelpraxis", **kwargs),
    }


VARYING = ("pagefind/filter/", "pagefind/pagefind.", "pagefind/pagefind-entry.json")
"""Pagefind files whose bytes vary from run to run with the same pages (Pagefind writes its
filter maps in a varying order, and names them and its metadata by a hash of the bytes)."""


def site_files(folder: Path) -> dict[str, str]:
    """Path → a hash of each file in an output folder; for the files Pagefind writes in a
    varying order, what they hold instead: their decompressed bytes sorted, under a name
    without the varying hash. Two builds of the same site give the same value."""
    import gzip
    import hashlib
    import re

    found: dict[str, str] = {}
    varying: dict[str, list[str]] = {}
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        path = file.relative_to(folder).as_posix()
        data = file.read_bytes()
        if path.startswith(VARYING):
            if data.startswith(b"\x1f\x8b"):
                data = gzip.decompress(data)
            data = bytes(sorted(re.sub(rb"(fi|sv)_[0-9a-f]{7,}", b"", data)))
            varying.setdefault(re.sub(r"_[0-9a-f]{7,}", "", path), []).append(
                hashlib.sha256(data).hexdigest()
            )
        else:
            found[path] = hashlib.sha256(data).hexdigest()
    return found | {path: " ".join(sorted(hashes)) for path, hashes in varying.items()}
