"""Practice files are written one way (catalogue/content/house_style.py), so that a change to
one field, by hand, by `build.py new` or by the web editor, changes one line."""

from __future__ import annotations

from datetime import date
from pathlib import Path, PurePath

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from catalogue.cli import main
from catalogue.content.house_style import format_practice, is_plain, scalar
from catalogue.content.source import SourceDocument, read_source
from catalogue.content.vocabulary import load_vocabulary

from .helpers import ROOT, make_project, pair

CRITERIA_ORDER = load_vocabulary(ROOT / "content/vocabulary.yaml").codes("criteria")
PRACTICE_FILES = sorted(path for lang in ("fi", "sv") for path in (ROOT / "content" / lang).glob("*.md"))


def _read(path: Path) -> SourceDocument:
    doc = read_source(path, PurePath(path.name))
    assert isinstance(doc, SourceDocument)
    return doc


@pytest.mark.parametrize("path", PRACTICE_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_every_practice_file_is_in_house_style(path: Path) -> None:
    doc = _read(path)
    assert format_practice(doc.front, doc.body, CRITERIA_ORDER) == path.read_text(encoding="utf-8")


def test_both_language_files_are_named_after_the_id() -> None:
    for path in PRACTICE_FILES:
        assert path.stem == _read(path).front["id"], path


@given(st.text(max_size=30))
def test_a_string_reads_back_as_itself(text: str) -> None:
    written = scalar(text)
    assert yaml.safe_load(f"key: {written}") == {"key": text}
    assert yaml.safe_load(f"key: [{scalar(text, in_flow=True)}]") == {"key": [text]}


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Närpiön malli", True),
        ("AlkuKiri – räätälöityä kieli- ja työelämäkoulutusta", True),
        ("Oy Ab, Helsinki", True),
        ("yes", False),
        ("2019", False),
        ("2019-09-16", False),
        ("Huom: tärkeä", False),
        ("- lista", False),
        ("#1 malli", False),
        ("", False),
    ],
)
def test_quotes_only_where_yaml_would_misread(text: str, plain: bool) -> None:
    assert is_plain(text) is plain
    assert not is_plain("Oy Ab, Helsinki", in_flow=True)


def test_optional_fields_left_empty_are_left_out() -> None:
    front = {
        "id": "x",
        "title": "Otsikko",
        "contact": {"name": "Liisa", "email": ""},
        "links": [],
        "published": date(2024, 5, 1),
        "updated": None,
        "draft": False,
    }
    assert format_practice(front, "Teksti.\n", CRITERIA_ORDER) == (
        "---\n# yaml-language-server: $schema=../practice.schema.json\nid: x\ntitle: Otsikko\n"
        "contact:\n  name: Liisa\npublished: 2024-05-01\ndraft: false\n---\nTeksti.\n"
    )


def test_new_writes_house_style_files_named_after_the_id(tmp_path: Path) -> None:
    root = make_project(tmp_path, pair())
    main(
        [
            "--root",
            str(root),
            "new",
            "--fi-title",
            "Kieli: kahvila",
            "--sv-title",
            "Språkkafé",
            "--id",
            "kafe",
        ]
    )
    for lang in ("fi", "sv"):
        path = root / "content" / lang / "kafe.md"
        doc = _read(path)
        assert format_practice(doc.front, doc.body, CRITERIA_ORDER) == path.read_text(encoding="utf-8")
    assert 'title: "Kieli: kahvila"' in (root / "content/fi/kafe.md").read_text(encoding="utf-8")
