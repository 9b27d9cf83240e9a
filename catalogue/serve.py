"""A small local web server for the built site: directory URLs, the base path, each
language's 404 page, and gzip for text files as static hosts do."""

from __future__ import annotations

import functools
import gzip
import http.server
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv")


class _Handler(http.server.SimpleHTTPRequestHandler):
    base_path = "/"
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
        if not self._send_compressed():
            super().do_GET()

    def do_HEAD(self) -> None:
        if not self._send_compressed():
            super().do_HEAD()

    def _send_compressed(self) -> bool:
        """Serve a text file gzip-compressed when the browser accepts it; False to fall back."""
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            return False
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return False  # let the parent class redirect to the slash URL
            path = path / "index.html"
        if path.suffix not in COMPRESSIBLE or not path.is_file():
            return False
        body = _compressed(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return True

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / ("sv/404.html" if "/sv/" in self.path else "fi/404.html")
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format: str, *args: object) -> None:
        pass


@functools.lru_cache(maxsize=512)
def _compressed(path: Path, mtime_ns: int) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


def make_server(directory: Path, base_path: str, port: int) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(
        type("Handler", (_Handler,), {"base_path": base_path}), directory=str(directory)
    )
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)


def serve(directory: Path, base_path: str, port: int) -> None:
    server = make_server(directory, base_path, port)
    print(f"Serving the catalogue at http://localhost:{port}{base_path} (Ctrl+C stops).")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print()
    finally:
        server.server_close()
