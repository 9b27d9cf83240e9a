"""A small local web server for the built site (directory URLs, the 404 page, the base path)."""

from __future__ import annotations

import functools
import http.server
from pathlib import Path


class _Handler(http.server.SimpleHTTPRequestHandler):
    base_path = "/"

    def translate_path(self, path: str) -> str:
        if self.base_path != "/" and path.startswith(self.base_path):
            path = "/" + path[len(self.base_path) :]
        return super().translate_path(path)

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
