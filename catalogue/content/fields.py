"""The front-matter fields of a practice file: one declaration used by the validator,
the editor documentation and the JSON Schema."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal[
    "id",
    "slugs",
    "hash",
    "slug",
    "text",
    "markdown",
    "texts",
    "code",
    "codes",
    "year",
    "date",
    "bool",
    "contact",
    "links",
    "criteria",
]


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    kind: Kind
    required: bool
    help: str
    vocabulary: str | None = None
    example: str = ""
    """A value shown to editors when the field is missing (in a Finnish file)."""
    example_sv: str = ""
    """The same in a Swedish file, where the value is in the file's language."""

    def example_in(self, lang: str) -> str:
        return self.example_sv if lang == "sv" and self.example_sv else self.example


FIELDS: tuple[Field, ...] = (
    Field(
        "id",
        "id",
        True,
        "Stable language-neutral id shared by the fi and sv files; never change it.",
        example="narpes-model",
    ),
    Field(
        "title",
        "text",
        True,
        "The practice's name in this language.",
        example="Närpiön malli",
        example_sv="Närpesmodellen",
    ),
    Field(
        "slug",
        "slug",
        True,
        "The last part of the page address in this language, e.g. narpion-malli.",
        example="narpion-malli",
        example_sv="narpesmodellen",
    ),
    Field(
        "summary",
        "text",
        True,
        "One or two sentences for listings and search results.",
        example="Yksi tai kaksi virkettä käytännöstä.",
        example_sv="En eller två meningar om exemplet.",
    ),
    Field(
        "themes",
        "codes",
        True,
        "Theme codes from content/vocabulary.yaml.",
        "themes",
        example="[employment-entrepreneurship]",
    ),
    Field(
        "phases",
        "codes",
        True,
        "Phase codes of initial-stage integration.",
        "phases",
        example="[guidance-advice]",
    ),
    Field("target_groups", "codes", True, "Target group codes.", "target_groups", example="[all-immigrants]"),
    Field("regions", "codes", True, "Region codes (or 'national').", "regions", example="[pohjanmaa]"),
    Field(
        "municipality",
        "text",
        False,
        "Municipality or municipalities, in this language.",
        example="Närpiö",
        example_sv="Närpes",
    ),
    Field(
        "organisations",
        "texts",
        True,
        "Organisations that run the practice, in this language.",
        example="[Närpiön kaupunki]",
        example_sv="[Närpes stad]",
    ),
    Field(
        "practice_type", "code", True, "Practice type code.", "practice_types", example="new-operating-model"
    ),
    Field("start_year", "year", True, "Year the practice started, e.g. 2016.", example="2016"),
    Field("end_year", "year", False, "Year the practice ended, if it has ended.", example="2019"),
    Field(
        "funding",
        "text",
        True,
        "How the practice is or was funded (free text).",
        example="Euroopan sosiaalirahasto",
        example_sv="Europeiska socialfonden",
    ),
    Field(
        "contact",
        "contact",
        False,
        "name, and optionally organisation, email and url.",
        example="{name: Kotouttamisyksikkö}",
        example_sv="{name: Integrationsenheten}",
    ),
    Field(
        "links",
        "links",
        False,
        "A list of links, each with text and url.",
        example='[{text: Lisätietoa, url: "https://example.fi/"}]',
        example_sv='[{text: Mer information, url: "https://example.fi/"}]',
    ),
    Field("published", "date", True, "Date the practice was published, YYYY-MM-DD.", example="2026-11-28"),
    Field("updated", "date", False, "Date of the last substantial update, YYYY-MM-DD.", example="2026-11-28"),
    Field("draft", "bool", False, "true keeps the practice off the site.", example="false"),
    Field(
        "aliases",
        "slugs",
        False,
        "Earlier slugs of this language version; their addresses keep leading here.",
        example="[vanha-osoite]",
        example_sv="[gammal-adress]",
    ),
    Field(
        "translation_pending",
        "bool",
        False,
        "true while the other language version is still being written.",
        example="true",
    ),
    Field(
        "translated_from",
        "hash",
        False,
        "Set by `python build.py translated FILE`: the other language version this was translated from.",
        example="3f2a9c1d0b7e",
    ),
    Field(
        "criteria",
        "criteria",
        True,
        "Evidence for each of the six criteria (Markdown).",
        "criteria",
        example="{goal-oriented: ..., customer-responsive: ...}",
    ),
)

FIELDS_BY_NAME = {f.name: f for f in FIELDS}

CONTACT_KEYS = ("name", "organisation", "email", "url")
LINK_KEYS = ("text", "url")
