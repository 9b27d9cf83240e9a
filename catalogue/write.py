"""Write stage: the only code that touches the output directory.

The site is written into a fresh sibling directory (pages arrive one by one as they are
rendered) and swapped in at the end, so readers and the dev server never see a half-written
site, and a failed build leaves the previous output exactly as it was.
"""

from __future__ import annotations

import shutil
from pathlib import Path, PurePosixPath


class WriteError(Exception):
    pass


def staging_dir(out_dir: Path) -> Path:
    return out_dir.with_name(f".{out_dir.name}.tmp")


def begin(out_dir: Path) -> Path:
    """A fresh, empty staging directory next to out_dir."""
    staging = staging_dir(out_dir)
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    return staging


def write_file(target: Path, path: str, content: str | bytes) -> None:
    """Write one file (UTF-8, \\n line endings) below target, never outside it."""
    relative = PurePosixPath(path)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise WriteError(f"refusing to write outside the output directory: {path!r}")
    destination = target / relative
    destination.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        destination.write_bytes(content)
    else:
        destination.write_text(content, encoding="utf-8", newline="\n")


def copy_static(static: Path, target: Path) -> None:
    if static.is_dir():
        shutil.copytree(static, target / "static", dirs_exist_ok=True)


def commit(staging: Path, out_dir: Path) -> None:
    """Swap the finished staging directory in place of out_dir."""
    old = out_dir.with_name(f".{out_dir.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if out_dir.exists():
        out_dir.rename(old)
    staging.rename(out_dir)
    if old.exists():
        shutil.rmtree(old)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
