"""Write stage: the only code that changes the output folder.

Every build makes its changed files in a fresh staging folder beside the output, then
publishes them: each moved into place (or the whole folder, the first time), files no longer
made removed. Before publishing nothing in the output has changed, so a failed build leaves
it exactly as it was; publishing only renames files, with Ctrl+C held back meanwhile.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path, PurePosixPath


class WriteError(Exception):
    pass


@contextmanager
def held(out_dir: Path, waiting: Callable[[], None]) -> Iterator[None]:
    """One build at a time changes out_dir: two at once (`serve`, and `make build` in another
    terminal) would share the staging folder, the second removing what the first had made.
    A build that finds another at work calls `waiting`, then waits for it. The lock is the
    system's (flock) on the folder that holds out_dir, so no lock file is left behind, and
    it is let go when its process ends, however it ends."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    folder = os.open(out_dir.parent, os.O_RDONLY)
    try:
        try:
            fcntl.flock(folder, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            waiting()
            fcntl.flock(folder, fcntl.LOCK_EX)
        yield
    finally:
        os.close(folder)


def staging_dir(out_dir: Path) -> Path:
    return out_dir.with_name(f".{out_dir.name}.staging")


def begin(out_dir: Path) -> Path:
    """A fresh, empty staging folder next to out_dir (a folder an interrupted build left is
    removed)."""
    staging = staging_dir(out_dir)
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    return staging


def _destination(target: Path, path: str) -> Path:
    relative = PurePosixPath(path)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise WriteError(f"refusing to write outside the output folder: {path!r}")
    if relative.as_posix() != path:  # 'a//b', './a': two such paths could name one file
        raise WriteError(f"refusing to write to a path that is not plain: {path!r}")
    return target / relative


def write_file(target: Path, path: str, content: str | bytes) -> tuple[int, int]:
    """Write one file below target, never outside it; return its size and modification time."""
    destination = _destination(target, path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        destination.write_bytes(data)
    except FileNotFoundError:
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(data)
    return len(data), destination.stat().st_mtime_ns


def files_in(folder: Path, prefix: str = "") -> dict[str, tuple[int, int]]:
    """Path → (size, modification time) of every file below folder."""
    found = {}
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                found.update(files_in(Path(entry.path), f"{prefix}{entry.name}/"))
            else:
                stat = entry.stat(follow_symlinks=False)
                found[prefix + entry.name] = (stat.st_size, stat.st_mtime_ns)
    return found


def unchanged(folder: Path, written: Mapping[str, tuple[int, int]]) -> set[str]:
    """The paths of `written` (path → size and modification time as written) whose file in
    folder has them still: not one deleted or changed since."""
    found = set()
    base = f"{folder}{os.sep}"  # a string: a Path for each of 20,000 files took twice as long
    for path, (size, mtime_ns) in written.items():
        try:
            stat = os.stat(base + path)  # noqa: PTH116
        except OSError:
            continue
        if stat.st_size == size and stat.st_mtime_ns == mtime_ns:
            found.add(path)
    return found


def publish(staging: Path, out_dir: Path, made: Iterable[str], removed: Iterable[str]) -> None:
    """Move the `made` files of staging into out_dir and delete its `removed` files; then
    staging is gone."""
    with _interrupts_held():
        if not out_dir.exists():
            staging.rename(out_dir)
            return
        for path in made:
            destination = _destination(out_dir, path)
            try:
                (staging / path).replace(destination)
            except FileNotFoundError:
                destination.parent.mkdir(parents=True, exist_ok=True)
                (staging / path).replace(destination)
        for path in removed:
            destination = _destination(out_dir, path)
            destination.unlink(missing_ok=True)
            _remove_empty_parents(destination.parent, out_dir)
        shutil.rmtree(staging)


def _remove_empty_parents(folder: Path, out_dir: Path) -> None:
    while folder != out_dir and folder.is_relative_to(out_dir):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """Ctrl+C and a termination request wait until the block is done (main thread only): the
    first to arrive is sent again at its end. Blocking them in this thread would not do: Python
    runs a handler in the main thread whichever thread the system handed the signal to, and on
    a terminal the progress line has a thread of its own."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    arrived: list[int] = []
    held = {
        number: signal.signal(number, lambda number, frame: arrived.append(number))
        for number in (signal.SIGINT, signal.SIGTERM)
    }
    try:
        yield
    finally:
        for number, handler in held.items():
            signal.signal(number, handler)
        if arrived:
            signal.raise_signal(arrived[0])
