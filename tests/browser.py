"""Serving a built site on localhost and driving Debian's Chromium with Playwright."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from catalogue.http_server import make_server

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    """Debian's chromium (or $CHROMIUM); a missing browser skips the test locally but fails it in CI."""
    path = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if path is None:
        message = "Debian's chromium is not installed (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@contextmanager
def serving(site: Path, base_path: str = "/", project: Path | None = None) -> Iterator[str]:
    """Serve `site` on a free loopback port (with the web editor's back end on `project`, if
    given); yield its root URL."""
    server = make_server(site, base_path, 0, project=project)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://localhost:{server.server_address[1]}{base_path}"
    finally:
        server.shutdown()
        server.server_close()
