"""The front-matter fields of a practice file: one declaration used by the validator,
the editor documentation and the JSON Schema."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal[
    "id",
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


FIELDS: tuple[Field, ...] = (
    Field("id", "id", True, "Stable language-neutral id shared by the fi and sv files; never change it."),
    Field("title", "text", True, "The practice's name in this language."),
    Field("slug", "slug", True, "The last part of the page address in this language, e.g. narpion-malli."),
    Field("summary", "text", True, "One or two sentences for listings and search results."),
    Field("themes", "codes", True, "Theme codes from content/vocabulary.yaml.", "themes"),
    Field("phases", "codes", True, "Phase codes of initial-stage integration.", "phases"),
    Field("target_groups", "codes", True, "Target group codes.", "target_groups"),
    Field("regions", "codes", True, "Region codes (or 'national').", "regions"),
    Field("municipality", "text", False, "Municipality or municipalities, in this language."),
    Field("organisations", "texts", True, "Organisations that run the practice, in this language."),
    Field("practice_type", "code", True, "Practice type code.", "practice_types"),
    Field("start_year", "year", True, "Year the practice started, e.g. 2016."),
    Field("end_year", "year", False, "Year the practice ended, if it has ended."),
    Field("funding", "text", True, "How the practice is or was funded (free text)."),
    Field("contact", "contact", False, "name, and optionally organisation, email and url."),
    Field("links", "links", False, "A list of links, each with text and url."),
    Field("published", "date", True, "Date the practice was published, YYYY-MM-DD."),
    Field("updated", "date", False, "Date of the last substantial update, YYYY-MM-DD."),
    Field("draft", "bool", False, "true keeps the practice off the site."),
    Field("criteria", "criteria", True, "Evidence for each of the six criteria (Markdown).", "criteria"),
)

FIELDS_BY_NAME = {f.name: f for f in FIELDS}

CONTACT_KEYS = ("name", "organisation", "email", "url")
LINK_KEYS = ("text", "url")
