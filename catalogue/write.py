"""Write stage: the only code that touches the output directory.

The site is written into a fresh sibling directory and swapped in at the end, so readers
and the dev server never see a half-written site, and a failed build leaves the previous
output exactly as it was.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping
from pathlib import Path, PurePosixPath


class WriteError(Exception):
    pass


def _safe_relative(path: str) -> PurePosixPath:
    relative = PurePosixPath(path)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise WriteError(f"refusing to write outside the output directory: {path!r}")
    return relative


def staging_dir(out_dir: Path) -> Path:
    return out_dir.with_name(f".{out_dir.name}.tmp")


def write_tree(files: Mapping[str, str | bytes], static: Path, target: Path) -> None:
    """Write files (UTF-8, \\n line endings) and copy static/ to target/static/."""
    for path, content in files.items():
        destination = target / _safe_relative(path)
        destination.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            destination.write_bytes(content)
        else:
            destination.write_text(content, encoding="utf-8", newline="\n")
    if static.is_dir():
        shutil.copytree(static, target / "static", dirs_exist_ok=True)


def write_site(
    files: Mapping[str, str | bytes],
    static: Path,
    out_dir: Path,
    finish: Callable[[Path], None] | None = None,
) -> None:
    """Write everything into a staging directory, run `finish` on it (the search index), then swap."""
    staging = staging_dir(out_dir)
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    try:
        write_tree(files, static, staging)
        if finish:
            finish(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = out_dir.with_name(f".{out_dir.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if out_dir.exists():
        out_dir.rename(old)
    staging.rename(out_dir)
    if old.exists():
        shutil.rmtree(old)
