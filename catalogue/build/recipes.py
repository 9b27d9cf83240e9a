"""Which pages must be made again: a page's recipe is a hash of everything it is made from.

That is: the code and library versions, the site settings, the vocabulary, the interface
catalogues and the versions of the static files the templates name (`settings`, the same for
every page), the template and every template it uses, the page's own data, and the sizes of
the images its texts show. The data is hashed whole, each record by
a hash of everything it holds: a Practice by its `digest` (of its file's path and front
matter, from which every field is made), the HTML of a text by its file's key in the build
cache (a hash of the file's bytes, language, vocabulary and place). Nothing
is declared by hand, so nothing can be forgotten: a page whose recipe is unchanged would be
made exactly as it was.
"""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import date
from typing import Any

import orjson

from ..content.model import Practice
from ..content.vocabulary import Term, Vocabulary
from ..site.pages import MarkdownText, Page, PracticeText


def _hashed_as(value: Any) -> Any:
    """What a record is hashed as in a recipe: its digest, its code or its fields (see the
    module's docstring)."""
    if isinstance(value, Practice):
        return value.digest
    if isinstance(value, Term):
        return value.code  # the vocabulary is in the settings
    if isinstance(value, Vocabulary):
        return value.digest
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):  # a named tuple
        return list(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = getattr(value, "__slots__", None) or [f.name for f in dataclasses.fields(value)]
        return [type(value).__name__, *(getattr(value, name) for name in names)]
    raise TypeError(f"{type(value).__name__} cannot be part of a page's data")


_OPTIONS = orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_DATETIME
"""Records and dates go to `_hashed_as` too. Keys stay in the order the data has them: the same
data is always built in the same order, and data built in another order would only make a
page again, never leave one as it was. (orjson, not the standard library's json: a page's data
is JSON in a third of the time, 20 ms of every rebuild at N = 1,000.)"""


def digest(*parts: Any) -> str:
    """A hash of plain values and records (see the module's docstring)."""
    data = orjson.dumps(parts, default=_hashed_as, option=_OPTIONS)
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def recipes(
    pages: list[Page], settings: str, templates: dict[str, str], image_sizes: dict[str, tuple[int, int]]
) -> list[str]:
    """Each page's recipe; `templates`: template name → hash of it and the templates it uses;
    `image_sizes`: of the images under static/, of which a page counts those its texts show."""
    return [
        digest(
            settings,
            templates.get(page.template, page.template),
            page.lang,
            page.context,
            _sizes_shown(page, image_sizes),
        )
        for page in pages
    ]


def _sizes_shown(page: Page, image_sizes: dict[str, tuple[int, int]]) -> list[tuple[int, int] | None]:
    """The sizes of the images a page's texts show (it gives each image its width and height)."""
    texts = (value for value in page.context.values() if isinstance(value, PracticeText | MarkdownText))
    return [image_sizes.get(file) for text in texts for file in text.files]
