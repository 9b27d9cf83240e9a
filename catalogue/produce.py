"""Make output files: only those whose recipe changed since they were last written, on all
cores when there are many.

Two ways, both leaving readers a complete site at every moment:
- a few changed files (an edit previewed): each is made in memory first, then every one
  replaces its old version at once;
- many (a first build, a template edit): a fresh staging directory is filled, unchanged
  files hard-linked from the previous output, the rest made on worker processes, and the
  directory swapped in.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import write
from .cores import map_on_cores
from .markup import Documents
from .outputs import Output

IN_PLACE_LIMIT = 300
"""Up to this many changed files, they replace their old versions in the published output."""
PARALLEL_FROM = 400
"""From this many files to make on, worker processes share the work."""
CHUNK = 40
PARALLEL_IN_MEMORY_FROM = 4
"""From this many changed files on (a practice's title edited: its page, lists, data files),
an update in place makes them on worker processes too."""

Manifest = dict[str, tuple[str, int]]
"""Output path → (recipe, size in bytes) of each file in an output directory."""


@dataclass(frozen=True, slots=True)
class Outcome:
    manifest: Manifest
    made: int
    """How many files were made (the rest were unchanged)."""


def changed(outputs: list[Output], manifest: Manifest, out_dir: Path) -> list[Output]:
    """The outputs whose recipe differs from the manifest's, or whose file is gone or altered."""
    result = []
    folder = str(out_dir)
    for output in outputs:
        known = manifest.get(output.path)
        if known is None or known[0] != output.recipe or not _has_size(f"{folder}/{output.path}", known[1]):
            result.append(output)
    return result


def _has_size(file: str, size: int) -> bool:
    try:
        return os.stat(file).st_size == size  # noqa: PTH116 - no Path per file: thousands of them add up
    except OSError:
        return False


def produce(
    outputs: list[Output],
    manifest: Manifest,
    out_dir: Path,
    documents: Documents,
    finish: Callable[[Path], None],
) -> Outcome:
    """Bring out_dir up to date with `outputs`. `finish(directory)` adds what is not an output
    (static files, the search index) before the result is published."""
    dirty = changed(outputs, manifest, out_dir) if out_dir.is_dir() else outputs
    new_manifest = {o.path: manifest[o.path] for o in outputs if o.path in manifest}
    if out_dir.is_dir() and len(dirty) <= IN_PLACE_LIMIT:
        # Largest first (by the size each file had), so that no core is left with a long
        # list page or data file at the end.
        dirty.sort(key=lambda output: manifest.get(output.path, ("", 0))[1], reverse=True)
        texts = zip(dirty, _make_texts(dirty, documents), strict=True)
        for output, text in texts:
            new_manifest[output.path] = (output.recipe, write.replace_file(out_dir, output.path, text))
        current = {o.path for o in outputs}
        for path in manifest.keys() - current:
            write.remove_file(out_dir, path)
        finish(out_dir)
        return Outcome(new_manifest, len(dirty))
    staging = write.begin(out_dir)
    try:
        dirty_paths = {o.path for o in dirty}
        for output in outputs:
            if output.path not in dirty_paths and not write.link_file(out_dir, staging, output.path):
                dirty.append(output)
        sizes = _make_all(dirty, staging, documents)
        new_manifest.update({o.path: (o.recipe, sizes[o.path]) for o in dirty})
        finish(staging)
    except BaseException:
        write.discard(staging)
        raise
    write.commit(staging, out_dir)
    return Outcome(new_manifest, len(dirty))


def _make_texts(outputs: list[Output], documents: Documents) -> list[str]:
    """The outputs' texts, made on all cores when there are several (an edited title: the
    lists, feeds and data files showing it) and on this process when there are few."""
    global _JOBS, _DOCUMENTS
    if len(outputs) < PARALLEL_IN_MEMORY_FROM:
        texts = [output.make() for output in outputs]
        documents.save()
        return texts
    _JOBS, _DOCUMENTS = outputs, documents
    try:
        documents.save()  # before forking: the workers start from what is saved
        return map_on_cores(_make_text, range(len(outputs)))
    finally:
        _JOBS, _DOCUMENTS = [], None


def _make_text(index: int) -> str:
    text = _JOBS[index].make()
    if _DOCUMENTS is not None:
        _DOCUMENTS.save()
    return text


_JOBS: list[Output] = []
_TARGET = Path()
_DOCUMENTS: Documents | None = None
"""What the worker processes work on; they inherit it when they are forked."""


def _make_range(bounds: tuple[int, int]) -> list[tuple[str, int]]:
    sizes = [(o.path, write.write_file(_TARGET, o.path, o.make())) for o in _JOBS[bounds[0] : bounds[1]]]
    if _DOCUMENTS is not None:
        _DOCUMENTS.save()
    return sizes


def _make_all(outputs: list[Output], target: Path, documents: Documents) -> dict[str, int]:
    global _JOBS, _TARGET, _DOCUMENTS
    _JOBS, _TARGET, _DOCUMENTS = outputs, target, documents
    try:
        ranges = [(start, min(start + CHUNK, len(outputs))) for start in range(0, len(outputs), CHUNK)]
        if len(outputs) < PARALLEL_FROM:
            found = [size for bounds in ranges for size in _make_range(bounds)]
        else:
            documents.save()  # before forking: the workers start from what is saved
            found = [size for part in map_on_cores(_make_range, ranges) for size in part]
        return dict(found)
    finally:
        _JOBS, _TARGET, _DOCUMENTS = [], Path(), None
