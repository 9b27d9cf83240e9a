"""The interface's message catalogues (locales/*/LC_MESSAGES/messages.po) in gettext's
compiled form, kept in the build cache by the hash of each .po; or their mistakes, each at its
line."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..config import LANGS, Lang
from ..content.source import read_bytes
from ..problems import ContentError, Problem
from ..site.i18n import catalogue_path, compile_catalogue
from .cache import BuildCache


def compiled_catalogues(root: Path, cache: BuildCache) -> dict[Lang, bytes]:
    """Each language's messages.po in gettext's compiled form: kept in the build cache by the
    hash of the .po, so that a rebuild need not even import Babel's catalogue reader."""
    files = {lang: catalogue_path(root / "locales", lang) for lang in LANGS}
    read = {lang: read_bytes(file, file.relative_to(root)) for lang, file in files.items()}
    if missing := [problem for raw in read.values() if isinstance(raw, list) for problem in raw]:
        raise ContentError(missing)  # a catalogue that cannot be read
    po = {lang: raw for lang, raw in read.items() if isinstance(raw, bytes)}
    keys = {lang: hashlib.blake2b(b"messages.po\0" + po[lang]).hexdigest() for lang in LANGS}
    found = cache.checked({key: "catalogue" for key in keys.values()})
    made: dict[Lang, bytes] = {}
    problems: list[Problem] = []
    for lang in (lang for lang in LANGS if keys[lang] not in found):
        try:
            made[lang] = compile_catalogue(po[lang], lang)
        except ContentError as error:  # both catalogues' problems at once
            problems += error.problems
    if problems:
        raise ContentError(problems)
    cache.put_checked({keys[lang]: ("catalogue", mo, "") for lang, mo in made.items()}, {})
    return {lang: made[lang] if lang in made else found[keys[lang]] for lang in LANGS}
