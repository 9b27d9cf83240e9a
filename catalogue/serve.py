"""Local web servers for the built site.

make_server: directory URLs, the base path, each language's 404 page, gzip for text files as
static hosts do. LiveServer adds what editors need while writing: it rebuilds on every change,
reloads the open pages, and shows a failed build in the browser (the last good site stays
served, since the build only ever swaps in a complete site).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import watchfiles

from . import editor_backend
from .build.pipeline import Built, build, index_published, site_settings
from .config import SiteConfig
from .problems import ContentError

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv")
WATCHED = ("content", "templates", "static", "admin", "locales")
"""The folders watched for changes; site.toml is looked at every second (`_stamp`)."""
EDITOR_API = "api/v1"
"""Where the web editor (/admin/) reads and writes the project's files while serving."""
MAX_EDITOR_REQUEST = 50_000_000
RELOAD_SCRIPT = (Path(__file__).parent / "live_reload.js").read_text(encoding="utf-8")


class LiveState:
    """The latest build's outcome, shared between the rebuild loop and the event streams."""

    def __init__(self) -> None:
        self.changed = threading.Condition()
        self.generation = 0
        self.errors: list[str] = []

    def publish(self, errors: list[str]) -> None:
        with self.changed:
            self.generation += 1
            self.errors = errors
            self.changed.notify_all()


class _Handler(http.server.SimpleHTTPRequestHandler):
    base_path = "/"
    live: LiveState | None = None
    project: Path | None = None
    """The project the web editor's local back end reads and writes (None: no back end)."""
    extensions_map = {  # noqa: RUF012 (extends the parent's class attribute, as http.server expects)
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".xml": "application/xml",
    }

    def translate_path(self, path: str) -> str:
        if self.base_path != "/" and path.startswith(self.base_path):
            path = "/" + path[len(self.base_path) :]
        return super().translate_path(path)

    def do_GET(self) -> None:
        route = self.path.split("?")[0]
        if self.live and route == f"{self.base_path}__events":
            self._stream_events()
        elif self.live and route == f"{self.base_path}__reload.js":
            self._send_bytes(RELOAD_SCRIPT.encode(), "text/javascript")
        elif not self._send_text_file():
            super().do_GET()

    def do_POST(self) -> None:
        if self.project is None or self.path.split("?")[0] != f"{self.base_path}{EDITOR_API}":
            self.send_error(404)
            return
        origin = self.headers.get("Origin")
        host = self.headers.get("Host", "")
        length = self.headers.get("Content-Length") or "0"
        # Only the editor page itself: a JSON request from this origin (another site's page
        # cannot send one without the browser asking first, and this server never agrees),
        # addressed to this machine by name (not a foreign name made to point here).
        local = host.rsplit(":", 1)[0] in ("localhost", "127.0.0.1", "[::1]")
        if (
            not local
            or self.headers.get_content_type() != "application/json"
            or (origin and origin != f"http://{host}")
        ):
            self._send_bytes(b'{"error": "refused"}', "application/json", status=403)
            return
        if not length.isdigit() or int(length) > MAX_EDITOR_REQUEST:
            status = 413 if length.isdigit() else 400  # too large, or no count at all
            self._send_bytes(b'{"error": "unusable length"}', "application/json", status=status)
            return
        try:
            request = json.loads(self.rfile.read(int(length)))
        except ValueError:
            request = None
        status, answer = (
            editor_backend.handle(self.project, request)
            if isinstance(request, dict)
            else (400, {"error": "not JSON"})
        )
        self._send_bytes(json.dumps(answer).encode(), "application/json", status=status)

    def do_HEAD(self) -> None:
        if not self._send_text_file():
            super().do_HEAD()

    def _send_text_file(self) -> bool:
        """Serve HTML, CSS, JS… (gzip-compressed when accepted); False to let the parent serve it."""
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return False  # the parent class redirects to the address with a slash
            path = path / "index.html"
        if path.suffix not in COMPRESSIBLE or not path.is_file():
            return False
        built = self.live.generation if self.live else 0  # taken first: the page is no older
        body = path.read_bytes()
        if self.live and path.suffix == ".html" and not self.path.startswith(f"{self.base_path}admin/"):
            tag = f'<script type="module" src="{self.base_path}__reload.js?since={built}"></script>'.encode()
            body = body.replace(b"</body>", tag + b"</body>", 1)
        self._send_bytes(body, self.guess_type(str(path)))
        return True

    def _send_bytes(self, body: bytes, content_type: str, status: int = 200) -> None:
        compress = "gzip" in self.headers.get("Accept-Encoding", "")
        payload = _compressed(body) if compress else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    def _stream_events(self) -> None:
        """Server-Sent Events: 'reload' after a good build, 'failed' with the problems otherwise.
        `?since=` is the build the page was served from: one that ended while the page was
        loading, before it asked for events, is told at once (two saves in quick succession),
        and so is a failed build to a page opened after it (another page, or a reload)."""
        assert self.live is not None
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        live = self.live
        since = parse_qs(urlsplit(self.path).query).get("since", [""])[0]
        seen = int(since) if since.isdigit() else live.generation
        with live.changed:
            if live.errors:
                seen = -1  # a page opened while the build fails shows why at once
        try:
            while True:
                with live.changed:
                    if live.generation == seen:
                        live.changed.wait(timeout=15)
                    generation, errors = live.generation, list(live.errors)
                if generation == seen:
                    self.wfile.write(b": still here\n\n")
                else:
                    seen = generation
                    event = "failed" if errors else "reload"
                    self.wfile.write(f"event: {event}\ndata: {json.dumps(errors)}\n\n".encode())
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / ("sv/404.html" if "/sv/" in self.path else "fi/404.html")
        if code == 404 and page.is_file():
            self._send_bytes(page.read_bytes(), "text/html; charset=utf-8", status=404)
            return
        super().send_error(code, message, explain)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def _compressed(body: bytes) -> bytes:
    return gzip.compress(body, compresslevel=6, mtime=0)


def make_server(
    directory: Path, base_path: str, port: int, live: LiveState | None = None, project: Path | None = None
) -> _Server:
    attributes = {"base_path": base_path, "live": live, "project": project}
    handler_class = type("Handler", (_Handler,), attributes)
    handler = functools.partial(handler_class, directory=str(directory))
    return _Server(("127.0.0.1", port), handler)


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
        """Rebuild; return the problems as lines (empty when the build succeeded)."""
        try:
            self.rebuild()
        except ContentError as error:  # site.toml's problems among them
            return [str(p) for p in error.problems]
        return []

    def start(self) -> None:
        self.threads = [
            threading.Thread(target=self.server.serve_forever, daemon=True),
            threading.Thread(target=self._watch, daemon=True),
        ]
        for thread in self.threads:
            thread.start()

    def _watch(self) -> None:
        """Rebuild as soon as the file system reports a change (inotify and the like, through
        watchfiles). Changes are gathered until none has come for one `step` (a save may be
        several writes and a rename): 10 ms puts a rebuild's start about 17 ms after the save
        (20 ms: about 33 ms), for about 0.6 % of a core while nothing changes.

        A change the watch cannot have seen is caught by one more build as soon as the watch is
        on (its first report comes within a second): one made while the first build ran, and
        one in a watched folder made, removed or put back (`git switch` to a branch without
        it, and back), after which the folders there are then are watched."""
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
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()


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


class SearchIndexer:
    """Indexes the served site for search in a thread of its own, so that an edited page is
    served at once and search catches up seconds later. Builds finished while it works are
    coalesced into one more run."""

    def __init__(self, root: Path, out: Path, lock: threading.Lock) -> None:
        self.root, self.out, self.lock = root, out, lock
        self.latest: Built | None = None
        self.wanted = threading.Event()
        self.idle = threading.Event()
        threading.Thread(target=self._run, daemon=True).start()

    def request(self, built: Built) -> None:
        self.latest = built
        self.idle.clear()
        self.wanted.set()

    def _run(self) -> None:
        while True:
            if not self.wanted.is_set():
                self.idle.set()
            self.wanted.wait()
            self.wanted.clear()
            built = self.latest
            if built is None:
                continue
            try:
                index_published(self.root, self.out, built, self.lock, lambda: self.latest)
            except Exception as error:
                print(f"search index not updated: {error}", file=sys.stderr)


def start_live(
    root: Path, out: Path, config: SiteConfig, port: int, strict: bool, search: bool
) -> tuple[LiveServer, list[str]]:
    """Build, then serve and rebuild on every change; return the server and the first
    build's problems."""
    lock = threading.Lock()
    """Held while the output changes, so the indexer never publishes into a folder being changed."""
    indexer = SearchIndexer(root, out, lock) if search else None

    def rebuild() -> None:
        settings = site_settings(root, strict).with_base_url(config.base_url)  # as edited, served here
        with lock:
            built = build(root, out, settings, strict=strict, search=False, keep_search=True)
        if indexer:
            indexer.request(built)

    live = LiveServer(root, out, config, port, rebuild)
    errors = live.build_once()
    live.indexer = indexer
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
