"""`build.py serve`: serves the built site (`http_server`) and rebuilds it on every change,
reloads the open pages, and shows a failed build in the browser (the last good site stays
served, since the build only ever swaps in a complete site); search catches up in the
background.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

import watchfiles

from .build.pipeline import SearchInput, build, index_published, search_input, site_settings
from .config import SiteConfig
from .http_server import LiveState, make_server
from .problems import ContentError, ToolFailed

WATCHED = ("content", "templates", "static", "admin", "locales")
"""The folders watched for changes; site.toml is looked at every second (`_stamp`)."""


class LiveServer:
    """Serve `out` and rebuild it from `root` whenever a watched file changes."""

    def __init__(
        self,
        root: Path,
        out: Path,
        config: SiteConfig,
        port: int,
        rebuild: Callable[[], object],
    ) -> None:
        self.root = root
        self.out = out
        self.rebuild = rebuild
        self.indexer: SearchIndexer | None = None
        self.state = LiveState()
        self.server = make_server(out, config.base_path, port, self.state, project=root)
        self.port = self.server.server_address[1]
        self.stopping = threading.Event()
        self.threads: list[threading.Thread] = []

    def build_once(self) -> list[str]:
        """Rebuild; return the problems as lines (none: it succeeded). A failure outside the
        content (a full disk, a fault of the generator's, whose traceback goes to the terminal)
        is one too, and the watch goes on."""
        try:
            self.rebuild()
        except ContentError as error:  # site.toml's problems among them
            return [str(p) for p in error.problems]
        except BaseException as error:
            if not isinstance(error, Exception) and threading.current_thread() is threading.main_thread():
                raise  # Ctrl+C during the first build, which runs before the watch: serve stops
            if stopped_by(error, self.stopping):
                return []
            if not isinstance(error, OSError):
                traceback.print_exc()
            return [f"the site could not be built: {error if isinstance(error, OSError) else repr(error)}"]
        return []

    def start(self) -> None:
        self.threads = [
            threading.Thread(target=self.server.serve_forever, daemon=True),
            threading.Thread(target=self._watch, daemon=True),
        ]
        for thread in self.threads:
            thread.start()

    def _watch(self) -> None:
        """Rebuild as soon as watchfiles reports a change, once none has come for one `step` (a
        save may be several writes and a rename): 10 ms starts a rebuild about 17 ms after the
        save (20 ms: about 33 ms), for about 0.6 % of a core while nothing changes.

        One more build as soon as the watch is on (its first report comes within a second)
        catches a change it cannot have seen: one made while the first build ran, or in a
        watched folder made, removed or put back (`git switch`), whose folders are then watched."""
        settings, pending = _stamp(self.root / "site.toml"), True
        while not self.stopping.is_set():
            folders = _watched_folders(self.root)
            reports = (
                watchfiles.watch(
                    *folders,
                    stop_event=self.stopping,
                    step=10,
                    debounce=400,
                    rust_timeout=1000,
                    yield_on_timeout=True,
                )
                if folders
                else _seconds(self.stopping)
            )
            try:
                for changes in reports:
                    if _watched_folders(self.root) != folders or any(path in folders for _, path in changes):
                        pending = True
                        break
                    stamp = _stamp(self.root / "site.toml")
                    if changes or stamp != settings or pending:
                        self._rebuild_and_report(quiet=not changes and stamp == settings)
                        settings, pending = stamp, False
            except FileNotFoundError:  # a folder removed between listing the folders and watching them
                pending = True

    def _rebuild_and_report(self, quiet: bool) -> None:
        """Rebuild; print how it went (only its problems if `quiet`), and tell the browsers."""
        started = time.perf_counter()
        errors = self.build_once()
        for line in errors:
            print(line, file=sys.stderr)
        if errors or not quiet:
            outcome = "failed" if errors else "rebuilt"
            print(f"{outcome} in {time.perf_counter() - started:.2f} s", file=sys.stderr)
        self.state.publish(errors)

    def stop(self) -> None:
        """Stop serving and watching; a rebuild or an indexing run under way ends first, so that
        it takes its staging folder and worker processes with it (on a terminal, Ctrl+C reaches
        Pagefind too, and an indexing run ends at once; workers end the job they are on)."""
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()
        for thread in self.threads:
            thread.join()
        if self.indexer:
            self.indexer.stop()


def _watched_folders(root: Path) -> list[str]:
    """The watched folders there are, as watchfiles names them in its reports (a folder removed,
    even if made again at once, is reported as a change of the folder itself: its watch ended
    with it)."""
    return [str((root / name).resolve()) for name in WATCHED if (root / name).exists()]


def _seconds(stopping: threading.Event) -> Iterator[set[tuple[watchfiles.Change, str]]]:
    """No changes, once a second until stopped: a watch of no folder."""
    while not stopping.wait(1):
        yield set()


def _stamp(file: Path) -> tuple[int, int, int] | None:
    """A file's inode, size and time: site.toml is compared by them, not watched, since a
    save that replaces the file (git, and many editors) ends a watch on the file itself."""
    try:
        found = file.stat()
    except OSError:
        return None
    return found.st_ino, found.st_size, found.st_mtime_ns


def stopped_by(error: BaseException, stopping: threading.Event) -> bool:
    """Whether a rebuild or an indexing run failed because serve is stopping: a failure for
    that is no failure to tell. On a terminal, Ctrl+C reaches Pagefind as it reaches serve,
    whose main thread then sets `stopping`: a failure that Ctrl+C would cause gives it a second
    to."""
    interrupted = isinstance(error, KeyboardInterrupt | ToolFailed)
    return stopping.is_set() or (interrupted and stopping.wait(1))


class SearchIndexer:
    """Indexes the served site for search in a thread of its own, so that an edited page is
    served at once and search catches up seconds later. Builds finished while it works are
    coalesced into one more run. `stop` waits for a run under way to end, so that it takes its
    temporary folders and worker processes with it: on a terminal, Ctrl+C reaches Pagefind and
    the workers too, and the run ends at once."""

    def __init__(self, root: Path, out: Path, lock: threading.Lock, stopping: threading.Event) -> None:
        """`stopping`: serve's, set when it stops (see `LiveServer.stop`)."""
        self.root, self.out, self.lock, self.stopping = root, out, lock, stopping
        self.latest: SearchInput | None = None
        self.wanted = threading.Event()
        self.idle = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        """Wait for a run under way to end, once `stopping` is set."""
        self.wanted.set()
        self.thread.join()

    def request(self, wanted: SearchInput) -> None:
        """Index these pages (what a build published) once the runs before are done. Only what
        search needs is kept, not the build's plan: while the next build runs, the last one's
        pages and records would be objects the garbage collector scans again and again."""
        self.latest = wanted
        self.idle.clear()
        self.wanted.set()

    def _run(self) -> None:
        while not self.stopping.is_set():
            if not self.wanted.is_set():
                self.idle.set()
            self.wanted.wait()
            self.wanted.clear()
            wanted = self.latest
            if wanted is None or self.stopping.is_set():
                continue
            try:
                index_published(self.root, self.out, wanted, self.lock, self._still_wanted)
            except BaseException as error:
                if not stopped_by(error, self.stopping):
                    print(f"search index not updated: {error}", file=sys.stderr)
        self.idle.set()

    def _still_wanted(self) -> SearchInput | None:
        """The pages to publish the bundle of: none once stopping."""
        return None if self.stopping.is_set() else self.latest


def start_live(
    root: Path, out: Path, config: SiteConfig, port: int, strict: bool, search: bool
) -> tuple[LiveServer, list[str]]:
    """Build, then serve and rebuild on every change; return the server and the first
    build's problems."""
    lock = threading.Lock()
    """Held while the output changes, so the indexer never publishes into a folder being changed."""
    indexer: SearchIndexer | None = None

    def rebuild() -> None:
        settings = site_settings(root, strict).with_base_url(config.base_url)  # as edited, served here
        with lock:
            built = build(root, out, settings, strict=strict, search=False, keep_search=True)
        if indexer:
            indexer.request(search_input(built.plan))

    live = LiveServer(root, out, config, port, rebuild)
    indexer = live.indexer = SearchIndexer(root, out, lock, live.stopping) if search else None
    errors = live.build_once()
    live.start()
    return live, errors


def serve_and_rebuild(
    root: Path, out: Path, config: SiteConfig, port: int, strict: bool, search: bool
) -> None:
    live, errors = start_live(root, out, config, port, strict, search)
    for line in errors:
        print(line, file=sys.stderr)
    if errors and not out.exists():
        print("Fix the problems above; the site is served as soon as it builds.", file=sys.stderr)
        out.mkdir(parents=True)
    print(
        f"Serving the catalogue at http://localhost:{port}{config.base_path} "
        "and rebuilding on every change (Ctrl+C stops)."
    )
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        print()
    finally:
        live.stop()
