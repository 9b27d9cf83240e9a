"""Make output files: only those whose recipe changed since they were last written, on all
cores when there are many.

Two ways, both leaving readers a complete site at every moment:
- a few changed files (an edit previewed): each is made and written beside its old version
  first (on worker processes when there are several), then every one replaces its old
  version at once;
- many (a first build, a template edit): a fresh staging directory is filled, unchanged
  files hard-linked from the previous output, the rest made on worker processes, and the
  directory swapped in.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from . import write
from .cores import in_background, map_on_cores
from .markup import Documents
from .outputs import Output

IN_PLACE_LIMIT = 300
"""Up to this many changed files, they replace their old versions in the published output."""
PARALLEL_FROM = 400
"""From this many files to make on, worker processes share the work."""
CHUNK = 40
PARALLEL_IN_PLACE_FROM = 4
"""From this many changed files on (a practice's title edited: its page, lists, data files),
an update in place makes them on worker processes too."""
BACKGROUND_FROM = 2000
"""From this many files in the output on, work is started on another core while the site is
loaded and planned (below it, starting a process costs more than the work)."""

Manifest = dict[str, tuple[str, int]]
"""Output path → (recipe, size in bytes) of each file in an output directory."""


@dataclass(frozen=True, slots=True)
class Outcome:
    manifest: Manifest
    made: int
    """How many files were made (the rest were unchanged)."""


def changed(outputs: list[Output], manifest: Manifest, altered: set[str]) -> list[Output]:
    """The outputs whose recipe differs from the manifest's, or whose file is `altered`."""
    return [
        o
        for o in outputs
        if (known := manifest.get(o.path)) is None or known[0] != o.recipe or o.path in altered
    ]


@contextmanager
def altered_files(manifest: Manifest, out_dir: Path) -> Iterator[Callable[[], set[str]]]:
    """The files of the manifest that are gone, or whose size is not what was written (edited
    or damaged by hand): looked at on another core while the site is loaded and planned, if
    there are many (10,000 files take a tenth of a second)."""
    global _CHECKED
    _CHECKED = (manifest, str(out_dir))
    if len(manifest) < BACKGROUND_FROM:
        yield cache(_altered)
        return
    with in_background(_altered) as result:
        yield result


class Early(NamedTuple):
    """Files head_start makes beside their published versions while the site is planned."""

    paths: frozenset[str]
    sizes: Callable[[], dict[str, int]]
    """Waits for them; path → size."""


NOTHING_EARLY = Early(frozenset(), dict)


@contextmanager
def head_start(
    outputs: list[Output], manifest: Manifest, altered: set[str], out_dir: Path, documents: Documents
) -> Iterator[Early]:
    """Make the changed ones among `outputs` (the largest files after an edit to a title: the
    open-data files and the A–Ö pages) beside their published versions, on another core
    while the rest of the site is planned and made."""
    global _EARLY
    dirty = changed(outputs, manifest, altered) if out_dir.is_dir() else []
    if not dirty or len(manifest) < BACKGROUND_FROM:
        yield NOTHING_EARLY
        return
    _EARLY = (dirty, out_dir, documents)
    documents.save()  # before forking: the worker starts from what is saved
    try:
        with in_background(_made_early) as made:
            yield Early(frozenset(output.path for output in dirty), made)
    except BaseException:
        for output in dirty:
            write.discard_file(out_dir, output.path)
        raise


_EARLY: tuple[list[Output], Path, Documents | None] = ([], Path(), None)
"""What _made_early makes (a worker process inherits it)."""


def _made_early() -> dict[str, int]:
    outputs, out_dir, documents = _EARLY
    assert documents is not None
    return _prepare_all(outputs, out_dir, documents, parallel=False)


_CHECKED: tuple[Manifest, str] = ({}, "")
"""What _altered looks at (a worker process inherits it)."""


def _altered() -> set[str]:
    manifest, folder = _CHECKED
    return {path for path, (_, size) in manifest.items() if not _has_size(f"{folder}/{path}", size)}


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
    altered: set[str],
    early: Early = NOTHING_EARLY,
) -> Outcome:
    """Bring out_dir up to date with `outputs`. `finish(directory)` adds what is not an output
    (static files, the search index) before the result is published; `altered`: the files of
    the manifest found changed on disk (see altered_files); `early`: the files head_start is
    making beside their published versions."""
    dirty = changed(outputs, manifest, altered) if out_dir.is_dir() else outputs
    new_manifest = {o.path: manifest[o.path] for o in outputs if o.path in manifest}
    if out_dir.is_dir() and len(dirty) <= IN_PLACE_LIMIT:
        # Largest first (by the size each file had), so that no core is left with a long
        # list page or data file at the end.
        dirty.sort(key=lambda output: manifest.get(output.path, ("", 0))[1], reverse=True)
        rest = [o for o in dirty if o.path not in early.paths]
        try:
            sizes = _prepare_all(rest, out_dir, documents, len(rest) >= PARALLEL_IN_PLACE_FROM)
            sizes.update(early.sizes())
        except BaseException:
            for output in rest:  # head_start discards the files it makes itself
                write.discard_file(out_dir, output.path)
            raise
        for output in dirty:
            write.publish_file(out_dir, output.path)
            new_manifest[output.path] = (output.recipe, sizes[output.path])
        current = {o.path for o in outputs}
        for path in manifest.keys() - current:
            write.remove_file(out_dir, path)
        finish(out_dir)
        return Outcome(new_manifest, len(dirty))
    early.sizes()  # made in place, but too much has changed to update in place
    for path in early.paths:
        write.discard_file(out_dir, path)
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


def _prepare_all(
    outputs: list[Output], out_dir: Path, documents: Documents, parallel: bool
) -> dict[str, int]:
    """Make every output and write it beside its published version; path → size. On all cores
    if `parallel`, one file per task so that no core waits."""
    return dict(_each(partial(_written, out_dir, write.prepare_file), outputs, documents, 1, parallel))


def _make_all(outputs: list[Output], target: Path, documents: Documents) -> dict[str, int]:
    """Make and write every output below target; path → size."""
    written = partial(_written, target, write.write_file)
    return dict(_each(written, outputs, documents, CHUNK, len(outputs) >= PARALLEL_FROM))


def _written(target: Path, write_file: Callable[[Path, str, str], int], output: Output) -> tuple[str, int]:
    return output.path, write_file(target, output.path, output.make())


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
        _STEP, _JOBS, _DOCUMENTS = _no_step, [], None


def _no_step(output: Output) -> None:
    raise AssertionError("no step set")


_STEP: Callable[[Output], Any] = _no_step
_JOBS: list[Output] = []
_DOCUMENTS: Documents | None = None
"""What the worker processes work on (any step: they inherit it when they are forked)."""


def _range(bounds: tuple[int, int]) -> list[Any]:
    results = [_STEP(output) for output in _JOBS[bounds[0] : bounds[1]]]
    if _DOCUMENTS is not None:
        _DOCUMENTS.save()
    return results
