from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
import pytest
from hypothesis import settings

from catalogue.build import catalogues
from catalogue.build.pipeline import build
from catalogue.site.i18n import compile_catalogue

from .browser import CHROMIUM_ARGS, chromium_path, serving
from .helpers import ROOT

settings.register_profile("ci", derandomize=True)
"""CI's runs (.ci/run): the same examples every time (CONTRIBUTING.md, "Set-up and commands")."""
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True, scope="session")
def catalogues_compiled_once() -> Iterator[None]:
    """Each test's project is new, so each of its builds would compile the same two message
    catalogues again with Babel (some 1,500 times in the fast tests, about 9 s of them). The
    compiled form is a pure function of a catalogue's bytes and language, so within the session
    each is compiled once; a catalogue a test changes is compiled, and its mistakes told, anew."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(catalogues, "compile_catalogue", functools.lru_cache(maxsize=32)(compile_catalogue))
        yield


@pytest.fixture(autouse=True, scope="session")
def templates_translated_once() -> Iterator[None]:
    """Each test's project is new, so each of its builds would turn the same templates into
    Python again (some 1,300 times in the fast tests, about 10 s of them). Jinja's part of that,
    from a template's text to Python source, is a pure function of the text and name (every
    environment is made by `make_env`, and Jinja's own cache of compiled templates shares them
    between the two languages' environments as well); within the session it is done once for
    each text. Python's part is done for each project, so that a template's mistake is still
    told at its own file, and a changed template is translated, and its mistakes told, anew."""
    translate: Any = jinja2.Environment.compile
    translated: dict[tuple[str, str | None, bool], str] = {}

    def compile_once(
        env: jinja2.Environment,
        source: Any,
        name: str | None = None,
        filename: str | None = None,
        raw: bool = False,
        defer_init: bool = False,
    ) -> Any:
        if not isinstance(source, str):
            return translate(env, source, name, filename, raw, defer_init)
        key = (source, name, defer_init)
        if key not in translated:
            translated[key] = translate(env, source, name, filename, raw=True, defer_init=defer_init)
        python = translated[key]
        return python if raw else compile(python, filename or "<template>", "exec")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(jinja2.Environment, "compile", compile_once)
        yield


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample catalogue, built once with its search index (read by many tests)."""
    out = tmp_path_factory.mktemp("site") / "_site"
    build(ROOT, out, strict=True)
    return out


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The sample catalogue served on localhost."""
    with serving(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium for the whole session (Debian's, driven by Playwright)."""
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    """A fresh page (own context) at a desktop size; fails the test on any script error."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: (
            errors.append(f"{message.text} at {message.location.get('url')}")
            if message.type == "error"
            else None
        ),
    )
    yield page
    context.close()
    assert errors == [], errors
