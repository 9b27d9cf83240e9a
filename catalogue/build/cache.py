"""The build cache, .cache/build.sqlite: what a build keeps for the next one.

- `checked`: each practice file's checked result, by the hash of its bytes together with
  the language, vocabulary and path it was checked with, with its Markdown; each interface
  catalogue compiled, by the hash of its messages.po; and each image's width and height, by
  the hash of the image.
- `html`: the HTML made from a Markdown text, by the hash of the text.
- `seen`: the size, time and hash of each file (content, static, web editor) when it was last
  read, so that a file not touched since need not be read again to know its hash (as git's
  index does).
- `outputs`: the recipe, size and time of every file last written to an output folder.

A cache made by other code or library versions (the salt), or that cannot be read, is
dropped and rebuilt, never trusted; output is byte-identical with and without it.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
import time
from collections.abc import Iterable, Sequence
from importlib.util import find_spec
from pathlib import Path, PurePath
from typing import Any, NamedTuple

from ..conflicts import merge_conflicts
from ..content.rules import IMAGE_SUFFIXES
from ..content.source import link_out
from ..problems import ContentError, Problem

TABLES = {
    "checked": "digest TEXT PRIMARY KEY, context TEXT, result BLOB, source TEXT",
    "html": "text TEXT PRIMARY KEY, html TEXT",
    "seen": "path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, read_ns INTEGER, digest TEXT",
    "outputs": "site TEXT, path TEXT, recipe TEXT, size INTEGER, mtime_ns INTEGER, PRIMARY KEY (site, path)",
}


LIBRARIES = ("babel", "jinja2", "markdown", "nh3", "orjson", "yaml", "frontmatter", "imagesize", "pyphen")
"""The libraries that shape the output."""


def code_salt() -> str:
    """Changes whenever this package's code, Python or a library that shapes the output changes.
    A library counts by the versions of every distribution installed beside it (the names of
    the `*.dist-info` folders): read without importing the libraries."""
    digest = hashlib.sha256(sys.version.encode())
    for source in sorted(Path(__file__).parent.parent.rglob("*.py")):
        digest.update(source.read_bytes())
    for folder in sorted({_installed_in(name) for name in LIBRARIES}):
        installed = sorted(entry.name for entry in folder.glob("*.dist-info"))
        digest.update(f"{folder}\n{' '.join(installed)}".encode())
    return digest.hexdigest()


def _installed_in(library: str) -> Path:
    """The folder a library is installed in (site-packages)."""
    spec = find_spec(library)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(library)
    origin = Path(spec.origin).parent
    return origin.parent if spec.submodule_search_locations else origin


class Seen(NamedTuple):
    size: int
    mtime_ns: int
    read_ns: int
    """When the file was read: a file modified in the same instant may have kept its time."""
    digest: str


SETTLED_NS = 2_000_000_000
"""A file's size and time are trusted to say it is unchanged only if it had not been modified
for this long when it was read (a write in the same instant may keep the time)."""


def unchanged_digest(file: str, known: Seen | None) -> str | None:
    """The hash of a file's bytes as last read, if its size and time say it is unchanged."""
    if known is None:
        return None
    try:
        stat = os.stat(file)  # noqa: PTH116 - a path as a string: thousands of files
    except OSError:
        return None
    settled = known.read_ns - stat.st_mtime_ns > SETTLED_NS
    return known.digest if settled and (stat.st_size, stat.st_mtime_ns) == known[:2] else None


def seen_now(file: str, read_at: int, digest: str) -> Seen:
    """The record of a file whose bytes hash to `digest`, read from `read_at` on (a time taken
    before reading: on the safe side)."""
    stat = os.stat(file)  # noqa: PTH116 - a path as a string: thousands of files
    return Seen(stat.st_size, stat.st_mtime_ns, read_at, digest)


class Output(NamedTuple):
    recipe: str
    size: int
    mtime_ns: int


def text_key(source: str) -> str:
    return hashlib.blake2b(source.encode("utf-8"), digest_size=16).hexdigest()


def _identity(folder: Path) -> str:
    """Which folder is at a path: files written into one are not in another put in its place."""
    try:
        stat = folder.stat()
    except OSError:
        return ""
    return f"{stat.st_dev}:{stat.st_ino}"


class BuildCache:
    """`path` None: a cache in memory, which lasts as long as this object (one check)."""

    def __init__(self, path: Path | None, salt: str) -> None:
        self.path = path
        self.salt = salt
        self.db: sqlite3.Connection | None = None
        try:
            self.db = self._open(path)
        except (OSError, sqlite3.Error):
            if path is None:
                return
            path.unlink(missing_ok=True)  # not a database we can use: start afresh
            try:
                self.db = self._open(path)
            except (OSError, sqlite3.Error):
                self.db = None

    def _open(self, path: Path | None) -> sqlite3.Connection:
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path or ":memory:", timeout=60)
        db.execute("PRAGMA journal_mode=WAL")  # worker processes write while the build reads
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
        row = db.execute("SELECT value FROM meta WHERE name = 'salt'").fetchone()
        if row is None or row[0] != self.salt:
            for table in TABLES:
                db.execute(f"DROP TABLE IF EXISTS {table}")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('salt', ?)", (self.salt,))
        for table, columns in TABLES.items():
            db.execute(f"CREATE TABLE IF NOT EXISTS {table} ({columns})")
        db.commit()
        return db

    def _read(self, sql: str, parameters: Sequence[object] = ()) -> list[Any]:
        if self.db is None:
            return []
        try:
            return self.db.execute(sql, parameters).fetchall()
        except sqlite3.Error:
            return []

    def _read_keys(self, sql: str, keys: Sequence[str]) -> list[Any]:
        """Rows of `sql`, whose one '{}' is filled with the placeholders of up to 500 keys."""
        rows: list[Any] = []
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            rows += self._read(sql.format(",".join("?" * len(chunk))), chunk)
        return rows

    def _write(self, *changes: tuple[str, Iterable[Sequence[object]]]) -> None:
        """(statement, rows) pairs in one transaction; a cache that cannot be written only
        makes the next build slower."""
        if self.db is None:
            return
        try:
            for sql, rows in changes:
                self.db.executemany(sql, rows)
            self.db.commit()
        except sqlite3.Error:
            self.db.rollback()

    # Checked files ---------------------------------------------------------------------------

    def seen(self, folder: str = "") -> dict[str, Seen]:
        """Path → the file as last read, for every file (or those below `folder`)."""
        rows = self._read("SELECT * FROM seen WHERE path GLOB ?", (f"{folder}/*" if folder else "*",))
        return {row[0]: Seen(*row[1:]) for row in rows}

    def checked(self, keys: dict[str, str]) -> dict[str, bytes]:
        """Digest → the result stored for it, for each digest → context given."""
        rows = self._read_keys("SELECT digest, context, result FROM checked WHERE digest IN ({})", list(keys))
        return {digest: blob for digest, context, blob in rows if context == keys[digest]}

    def put_checked(self, results: dict[str, tuple[str, bytes, str]], seen: dict[str, Seen]) -> None:
        """Digest → (context, result, Markdown source); path → Seen."""
        self._write(
            (
                "INSERT OR REPLACE INTO checked VALUES (?, ?, ?, ?)",
                [(d, *r) for d, r in results.items()],
            ),
            ("INSERT OR REPLACE INTO seen VALUES (?, ?, ?, ?, ?)", [(p, *s) for p, s in seen.items()]),
        )

    def sources(self, digests: Sequence[str]) -> dict[str, str]:
        """File digest → its Markdown texts (as load.check_file keeps them)."""
        return dict(self._read_keys("SELECT digest, source FROM checked WHERE digest IN ({})", digests))

    def html(self, texts: Iterable[str]) -> dict[str, str]:
        """Markdown text → the HTML made from it, for those made before."""
        keys = {text_key(text): text for text in texts}
        rows = self._read_keys("SELECT text, html FROM html WHERE text IN ({})", list(keys))
        return {keys[key]: html for key, html in rows}

    def put_html(self, html: dict[str, str]) -> None:
        """Markdown text → its HTML."""
        rows = [(text_key(source), made) for source, made in html.items()]
        self._write(("INSERT OR REPLACE INTO html VALUES (?, ?)", rows))

    # Outputs ---------------------------------------------------------------------------------

    def outputs(self, folder: Path) -> dict[str, Output]:
        """Path → the recipe, size and time of each file last written into `folder`; none if
        the folder is not the one written (it was deleted, or replaced by another)."""
        site = str(folder)
        rows = self._read("SELECT path, recipe, size, mtime_ns FROM outputs WHERE site = ?", (site,))
        files = {path: Output(*values) for path, *values in rows}
        identity = files.pop("", None)
        return files if identity and identity.recipe == _identity(folder) else {}

    def set_outputs(self, folder: Path, files: dict[str, Output], previous: dict[str, Output]) -> None:
        """Record `files` as what `folder` holds, writing only what changed."""
        site = str(folder)
        files = {**files, "": Output(_identity(folder), 0, 0)}
        self._write(
            (
                "DELETE FROM outputs WHERE site = ? AND path = ?",
                [(site, path) for path in previous.keys() - files.keys()],
            ),
            (
                "INSERT OR REPLACE INTO outputs VALUES (?, ?, ?, ?, ?)",
                [(site, path, *entry) for path, entry in files.items() if previous.get(path) != entry],
            ),
        )

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None


TEXT_SUFFIXES = frozenset({".css", ".js", ".html", ".svg", ".json", ".txt", ".xml", ".yml", ".md"})
"""Files published as they are that are text, and would be broken by a merge conflict (a style
sheet, a script): looked at for its marks when read."""


def file_hashes(root: Path, folder: str, cache: BuildCache) -> dict[str, str]:
    """Path below root/folder → the SHA-256 of the file's bytes: read again only where the
    file's size or time has changed since (the web editor's files alone are 6.5 MB). These
    files are published as they are: a link to a file outside the folder is refused."""
    known, seen, hashes, problems = cache.seen(folder), {}, {}, []
    for file in sorted((root / folder).rglob("*")):
        if not file.is_file():
            continue
        shown = file.relative_to(root).as_posix()
        if linked := link_out(file, root / folder):
            problems.append(Problem(PurePath(shown), 1, 1, linked))
            continue
        digest = unchanged_digest(str(file), known.get(shown))
        if digest is None:
            read_at = time.time_ns()
            data = file.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            seen[shown] = seen_now(str(file), read_at, digest)
            if file.suffix.lower() in TEXT_SUFFIXES and (b"<<<<<<<" in data or b">>>>>>>" in data):
                problems += merge_conflicts(data.decode("utf-8", "replace"), PurePath(shown))
        hashes[shown.removeprefix(f"{folder}/")] = digest
    if problems:  # before the files are recorded as read: the next build reads them again
        raise ContentError(problems)
    if seen:
        cache.put_checked({}, seen)
    return hashes


def image_sizes(static: Path, statics: dict[str, str], cache: BuildCache) -> dict[str, tuple[int, int]]:
    """Width and height of each image under static/, as its first bytes give them (turned as
    its EXIF orientation turns it), kept in the build cache by the hash of the image, so that a
    rebuild neither reads an image it knows nor imports imagesize (20 ms). A page's recipe
    counts the sizes of the images its texts show: a page gives an image's size, not its version."""
    keys = {
        path: f"image {full}" for path, full in statics.items() if Path(path).suffix.lower() in IMAGE_SUFFIXES
    }
    known = cache.checked(dict.fromkeys(keys.values(), "image size"))
    if missing := [path for path, key in keys.items() if key not in known]:
        made = {keys[path]: _measured(static / path) for path in missing}
        cache.put_checked({key: ("image size", size, "") for key, size in made.items()}, {})
        known |= made
    sizes = {path: known[key].split(b"x") for path, key in keys.items()}
    return {path: (int(width), int(height)) for path, (width, height) in sizes.items() if width != b"0"}


def _measured(image: Path) -> bytes:
    """An image's width and height as b'WxH'; b'0x0' for one that cannot be read."""
    import imagesize

    try:
        width, height = map(int, imagesize.get(image))
    except (OSError, ValueError):
        return b"0x0"
    return f"{width}x{height}".encode() if width > 0 and height > 0 else b"0x0"
