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
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

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
    """The outputs' texts, in order; on all cores when there are several (an edited title:
    the lists and data files showing it), one file per task so that no core waits."""
    return _each(_text, outputs, documents, 1, len(outputs) >= PARALLEL_IN_MEMORY_FROM)


def _make_all(outputs: list[Output], target: Path, documents: Documents) -> dict[str, int]:
    """Make and write every output below target; path → size."""
    return dict(_each(partial(_written, target), outputs, documents, CHUNK, len(outputs) >= PARALLEL_FROM))


def _text(output: Output) -> str:
    return output.make()


def _written(target: Path, output: Output) -> tuple[str, int]:
    return output.path, write.write_file(target, output.path, output.make())


Step = TypeVar("Step")


def _each(
    step: Callable[[Output], Step], outputs: list[Output], documents: Documents, chunk: int, parallel: bool
) -> list[Step]:
    """[step(output) for output in outputs], on worker processes if `parallel`; each saves the
    HTML it converted to the build cache."""
    global _STEP, _JOBS, _DOCUMENTS
    _STEP, _JOBS, _DOCUMENTS = step, outputs, documents
    try:
        ranges = [(start, min(start + chunk, len(outputs))) for start in range(0, len(outputs), chunk)]
        documents.save()  # before forking: the workers start from what is saved
        parts = map_on_cores(_range, ranges) if parallel else [_range(bounds) for bounds in ranges]
        return [result for part in parts for result in part]
    finally:
        _STEP, _JOBS, _DOCUMENTS = _text, [], None


_STEP: Callable[[Output], Any] = _text
_JOBS: list[Output] = []
_DOCUMENTS: Documents | None = None
"""What the worker processes work on (any step: they inherit it when they are forked)."""


def _range(bounds: tuple[int, int]) -> list[Any]:
    results = [_STEP(output) for output in _JOBS[bounds[0] : bounds[1]]]
    if _DOCUMENTS is not None:
        _DOCUMENTS.save()
    return results
