"""A persistent build cache (.cache/build.sqlite) for the steps worth not repeating: reading
and checking a practice file (table `sources`), texts made per practice: the HTML of its text,
its card in lists and its open-data parts (table `html`), each practice's pages as last
planned (table `plans`), and which output file was last written from which inputs (table
`pages`).

An entry's key is a hash of everything its value depends on: the text, the base path, and a
salt made of this package's source code and the versions of the libraries that shape the
output. Each value is stored with its own checksum; an entry that does not match, a cache
from other code, or a file that is not a readable database is ignored and rebuilt, never
trusted. Output is byte-identical with and without the cache.
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
import zlib
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any, NamedTuple

LIBRARIES = ("markdown", "nh3")


def code_salt() -> str:
    """Changes whenever this package's code or a library that shapes the HTML changes."""
    digest = hashlib.sha256(sys.version.encode())
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.read_bytes())
    for library in LIBRARIES:
        digest.update(f"{library}={metadata.version(library)}".encode())
    return digest.hexdigest()


def checksum(value: bytes) -> str:
    """Detects a damaged entry (CRC-32: fast, and the cache is no more trusted than the project)."""
    return f"{zlib.crc32(value):08x}"


def _text_checksum(value: str) -> str:
    return checksum(value.encode("utf-8"))


class SourceEntry(NamedTuple):
    """A practice file as last read: its stat, the hash of its bytes, and the result of reading
    and checking it under `context` (code, vocabulary and language), as stored.py keeps it."""

    size: int
    mtime_ns: int
    seen_ns: int
    """When the file was read; a stat made in the same instant as a write cannot be trusted."""
    digest: str
    context: str
    value: bytes
    checksum: str


_TABLES = {
    "html": "key TEXT PRIMARY KEY, value TEXT, checksum TEXT",
    "sources": "path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, seen_ns INTEGER, digest TEXT, "
    "context TEXT, value BLOB, checksum TEXT",
    "pages": "site TEXT, path TEXT, recipe TEXT, size INTEGER, PRIMARY KEY (site, path)",
    "plans": "id TEXT PRIMARY KEY, frame TEXT, value BLOB, checksum TEXT",
}
"""The cache's tables and their columns (see the module's docstring)."""


class BuildCache:
    def __init__(self, path: Path | None, salt: str) -> None:
        """`path` None: a cache that remembers nothing (for tests and --no-cache)."""
        self.salt = salt
        self.db: sqlite3.Connection | None = None
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = self._open(path)
        except (OSError, sqlite3.Error):
            path.unlink(missing_ok=True)  # not a database we can use: start afresh
            try:
                self.db = self._open(path)
            except (OSError, sqlite3.Error):
                self.db = None

    def _open(self, path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, timeout=60)
        db.execute("PRAGMA journal_mode=WAL")  # worker processes write while the build reads
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
        row = db.execute("SELECT value FROM meta WHERE name = 'salt'").fetchone()
        if row is None or row[0] != self.salt:  # made by other code: nothing in it can be trusted
            for table in _TABLES:
                db.execute(f"DROP TABLE IF EXISTS {table}")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('salt', ?)", (self.salt,))
        for table, columns in _TABLES.items():
            db.execute(f"CREATE TABLE IF NOT EXISTS {table} ({columns})")
        db.commit()
        return db

    def key(self, *parts: str) -> str:
        digest = hashlib.sha256(self.salt.encode())
        for part in parts:
            digest.update(b"\x00" + part.encode("utf-8"))
        return digest.hexdigest()

    def _read(self, sql: str, parameters: Sequence[object] = ()) -> list[Any]:
        """Rows of a query; none from a cache that cannot be read (it is never trusted)."""
        if self.db is None:
            return []
        try:
            return self.db.execute(sql, parameters).fetchall()
        except sqlite3.Error:
            return []

    def _write(self, *changes: tuple[str, Sequence[Sequence[object]]]) -> None:
        """Run (statement, rows) pairs in one transaction; a cache that cannot be written only
        makes the next build slower."""
        if self.db is None or not any(rows for _, rows in changes):
            return
        try:
            for sql, rows in changes:
                self.db.executemany(sql, rows)
            self.db.commit()
        except sqlite3.Error:
            pass

    def get_many(self, keys: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for key, value, stored in self._read(
                f"SELECT key, value, checksum FROM html WHERE key IN ({marks})", chunk
            ):
                if isinstance(value, str) and stored == _text_checksum(value):
                    found[key] = value
        return found

    def put_many(self, items: dict[str, str]) -> None:
        rows = [(key, value, _text_checksum(value)) for key, value in items.items()]
        self._write(("INSERT OR REPLACE INTO html VALUES (?, ?, ?)", rows))

    def sources(self) -> dict[str, SourceEntry]:
        """What each practice file held when it was last read, by its path in the project."""
        return {row[0]: SourceEntry(*row[1:]) for row in self._read("SELECT * FROM sources")}

    def put_sources(self, entries: dict[str, SourceEntry]) -> None:
        rows = [(path, *entry) for path, entry in entries.items()]
        self._write(("INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows))

    def manifest(self, site: str) -> dict[str, tuple[str, int]]:
        """Output path → (recipe, size) of each file last written into the output `site`."""
        rows = self._read("SELECT path, recipe, size FROM pages WHERE site = ?", (site,))
        return {path: (recipe, size) for path, recipe, size in rows}

    def set_manifest(
        self, site: str, files: dict[str, tuple[str, int]], previous: dict[str, tuple[str, int]]
    ) -> None:
        """Record `files` as the output's manifest, writing only what differs from `previous`."""
        self._write(
            (
                "DELETE FROM pages WHERE site = ? AND path = ?",
                [(site, path) for path in previous.keys() - files.keys()],
            ),
            (
                "INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?)",
                [(site, path, *entry) for path, entry in files.items() if previous.get(path) != entry],
            ),
        )

    def plan(self, frame: str) -> dict[str, bytes]:
        """Practice id → its pages as last planned within `frame` (see assemble.Plan), serialised."""
        rows = self._read("SELECT id, value, checksum FROM plans WHERE frame = ?", (frame,))
        return {
            key: value
            for key, value, stored in rows
            if isinstance(value, bytes) and stored == checksum(value)
        }

    def set_plan(self, frame: str, values: dict[str, bytes], every: bool) -> None:
        """Record the pages of the practices planned anew; `every` practice's: forget the rest."""
        self._write(
            ("DELETE FROM plans", [()] if every else []),
            (
                "INSERT OR REPLACE INTO plans VALUES (?, ?, ?, ?)",
                [(key, frame, value, checksum(value)) for key, value in values.items()],
            ),
        )

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
