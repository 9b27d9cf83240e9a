"""The local web server for the built site: directory URLs, the base path, each language's
404 page and gzip for text files, as static hosts serve them. With a `LiveState` it also
streams build events that reload the open pages (or show a failed build's problems), and with
a project, answers the web editor's local back end."""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import sys
import threading
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from . import editor_backend

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv")
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
