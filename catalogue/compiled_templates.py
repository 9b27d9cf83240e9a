"""Compiled templates, kept for the life of the process and, with a build cache, on disk for
the next process too: compiling the templates that a rebuild after one edit uses takes
longer than making its pages.

Jinja keys a compiled template on its name and checks it against the template's source; a
file here is also checked against the code and Jinja version that compiled it (the options
of the environment are in the code) and against its own checksum. A stale or damaged file
is ignored and replaced, never trusted."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

import jinja2
import jinja2.bccache

from .cache import checksum


class CompiledTemplates(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}
        self.folder: Path | None = None
        self.stamp = b""

    def keep_in(self, folder: Path | None, salt: str) -> None:
        """Keep compiled templates in `folder` (None: in memory only) under the code's `salt`."""
        self.folder = folder
        self.stamp = hashlib.sha256(f"{salt} jinja2={jinja2.__version__}".encode()).hexdigest()[:32].encode()

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        value = self.compiled.get(bucket.key)
        if value is None and self.folder is not None:
            value = self._read(self.folder / bucket.key)
        if value is not None:
            bucket.bytecode_from_string(value)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        value = bucket.bytecode_to_string()
        self.compiled[bucket.key] = value
        if self.folder is not None:
            self._write(self.folder / bucket.key, value)

    def _read(self, file: Path) -> bytes | None:
        try:
            stored = file.read_bytes()
        except OSError:
            return None
        stamp, crc, value = stored[:32], stored[32:40], stored[40:]
        if stamp != self.stamp or crc != checksum(value).encode():
            return None
        return value

    def _write(self, file: Path, value: bytes) -> None:
        """Replace the file at once (worker processes may write the same template); a folder
        that cannot be written only makes the next build compile again."""
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=file.parent, delete=False) as pending:
                pending.write(self.stamp + checksum(value).encode() + value)
            Path(pending.name).replace(file)
        except OSError:
            pass


COMPILED_TEMPLATES = CompiledTemplates()
