from __future__ import annotations

from pathlib import Path

import pytest

from catalogue.pipeline import build

from .helpers import ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample catalogue, built once with its search index (read by many tests)."""
    out = tmp_path_factory.mktemp("site") / "_site"
    build(ROOT, out, strict=True)
    return out
