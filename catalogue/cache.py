"""A persistent build cache (.cache/build.sqlite) for the expensive pure step: Markdown → HTML.

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
from importlib import metadata
from pathlib import Path

LIBRARIES = ("markdown", "nh3")


def code_salt() -> str:
    """Changes whenever this package's code or a library that shapes the HTML changes."""
    digest = hashlib.sha256(sys.version.encode())
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.read_bytes())
    for library in LIBRARIES:
        digest.update(f"{library}={metadata.version(library)}".encode())
    return digest.hexdigest()


def _checksum(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


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
        db = sqlite3.connect(path)
        db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
        db.execute("CREATE TABLE IF NOT EXISTS html (key TEXT PRIMARY KEY, value TEXT, checksum TEXT)")
        row = db.execute("SELECT value FROM meta WHERE name = 'salt'").fetchone()
        if row is None or row[0] != self.salt:
            db.execute("DELETE FROM html")  # made by other code: nothing in it can be trusted
            db.execute("INSERT OR REPLACE INTO meta VALUES ('salt', ?)", (self.salt,))
            db.commit()
        return db

    def key(self, *parts: str) -> str:
        digest = hashlib.sha256(self.salt.encode())
        for part in parts:
            digest.update(b"\x00" + part.encode("utf-8"))
        return digest.hexdigest()

    def get_many(self, keys: list[str]) -> dict[str, str]:
        if self.db is None or not keys:
            return {}
        found: dict[str, str] = {}
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = self.db.execute(f"SELECT key, value, checksum FROM html WHERE key IN ({marks})", chunk)
                for key, value, checksum in rows:
                    if isinstance(value, str) and checksum == _checksum(value):
                        found[key] = value
        except sqlite3.Error:
            return {}
        return found

    def put_many(self, items: dict[str, str]) -> None:
        if self.db is None or not items:
            return
        try:
            self.db.executemany(
                "INSERT OR REPLACE INTO html VALUES (?, ?, ?)",
                [(key, value, _checksum(value)) for key, value in items.items()],
            )
            self.db.commit()
        except sqlite3.Error:
            pass

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
