"""Write stage: the only code that touches the output directory.

Readers and the dev server never see a half-written site, and a failed build leaves the
previous output exactly as it was: either every changed file replaces its old version at
once (an edit), or a fresh sibling directory is filled and swapped in (see produce.py).
"""

from __future__ import annotations

import os
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


def _destination(target: Path, path: str) -> Path:
    relative = PurePosixPath(path)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise WriteError(f"refusing to write outside the output directory: {path!r}")
    return target / relative


def write_file(target: Path, path: str, content: str | bytes) -> int:
    """Write one file (UTF-8) below target, never outside it; return its size."""
    destination = _destination(target, path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        destination.write_bytes(data)
    except FileNotFoundError:
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(data)
    return len(data)


def prepare_file(target: Path, path: str, content: str) -> int:
    """Write a file's new version beside the published one, to be put in its place by
    publish_file; return its size."""
    return write_file(target, _pending(_destination(target, path)).relative_to(target).as_posix(), content)


def publish_file(target: Path, path: str) -> None:
    """Put a prepared file in place at once: readers see the old file or the new one."""
    destination = _destination(target, path)
    _pending(destination).replace(destination)


def discard_file(target: Path, path: str) -> None:
    """Remove a prepared file that will not be published (a build that failed)."""
    _pending(_destination(target, path)).unlink(missing_ok=True)


def _pending(destination: Path) -> Path:
    return destination.with_name(f".{destination.name}.tmp")


def link_file(source: Path, target: Path, path: str) -> bool:
    """Hard-link an unchanged file of the previous output into staging (no copy)."""
    destination = _destination(target, path)
    try:
        try:
            os.link(source / path, destination)
        except FileNotFoundError:
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.link(source / path, destination)
    except OSError:
        return False
    return True


def link_tree(source: Path, target: Path) -> None:
    """Hard-link a folder of the previous output (the search index) into staging."""
    if source.is_dir():
        shutil.copytree(source, target, copy_function=os.link, dirs_exist_ok=True)


def swap_in(new: Path, destination: Path) -> None:
    """Put the folder `new` in place of `destination` (two renames; the old one is deleted)."""
    old = destination.with_name(f".{destination.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if destination.exists():
        destination.rename(old)
    new.rename(destination)
    shutil.rmtree(old, ignore_errors=True)


def remove_file(target: Path, path: str) -> None:
    _destination(target, path).unlink(missing_ok=True)


def copy_static(static: Path, target: Path) -> None:
    """static/ → target/static/, writing only the files whose bytes differ."""
    if not static.is_dir():
        return
    for file in sorted(static.rglob("*")):
        if file.is_file():
            destination = target / "static" / file.relative_to(static)
            data = file.read_bytes()
            if not destination.is_file() or destination.read_bytes() != data:
                destination.parent.mkdir(parents=True, exist_ok=True)
                destination.write_bytes(data)


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
