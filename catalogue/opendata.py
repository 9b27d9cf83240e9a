"""Open data: the catalogue per language as JSON and CSV, and the vocabularies, under a
versioned schema (data/v1/). Pure functions: a language's files are joined from one part per
practice (json_line, csv_row), which a build keeps between runs."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from . import urls
from .config import LANGS, Lang
from .model import Practice, Site
from .vocabulary import FACETS

VERSION = "v1"
FOLDER = f"data/{VERSION}"
CODE_LISTS = ("themes", "phases", "target_groups", "regions")


def data_urls(lang: Lang) -> dict[str, str]:
    """Site-relative URLs of the files, for links from the about page."""
    return {
        "json": f"{FOLDER}/practices.{lang}.json",
        "csv": f"{FOLDER}/practices.{lang}.csv",
        "vocabulary": f"{FOLDER}/vocabulary.json",
        "schema": f"{FOLDER}/schema.json",
    }


def record(site: Site, p: Practice) -> dict[str, Any]:
    """One practice in one language, with codes and labels, absolute URLs and ISO dates."""
    base = site.config.base_url
    vocabulary = site.vocabulary
    twin = site.counterpart(p, "sv" if p.lang == "fi" else "fi")

    def terms(group: str, codes: tuple[str, ...]) -> list[dict[str, str]]:
        return [
            {"code": t.code, "label": t.label[p.lang]} for t in vocabulary.sort_codes(group, codes, p.lang)
        ]

    practice_type = vocabulary.term("practice_types", p.practice_type)
    return {
        "id": p.id,
        "language": p.lang,
        "title": p.title,
        "summary": p.summary,
        "url": base + urls.practice(p),
        "permanent_url": base + urls.short(p.lang, p.id),
        "translation_url": base + urls.practice(twin) if twin else None,
        "organisations": list(p.organisations),
        "municipality": p.municipality,
        **{group: terms(group, getattr(p, group)) for group in CODE_LISTS},
        "practice_type": {"code": practice_type.code, "label": practice_type.label[p.lang]},
        "start_year": p.start_year,
        "end_year": p.end_year,
        "funding": p.funding,
        "published": p.published.isoformat(),
        "updated": p.updated.isoformat() if p.updated else None,
        "criteria": dict(p.criteria),
    }


CSV_COLUMNS = (
    "id",
    "language",
    "title",
    "summary",
    "url",
    "permanent_url",
    "translation_url",
    "organisations",
    "municipality",
    *(f"{group}_{part}" for group in CODE_LISTS for part in ("codes", "labels")),
    "practice_type_code",
    "practice_type_label",
    "start_year",
    "end_year",
    "funding",
    "published",
    "updated",
)


def _csv_row(r: dict[str, Any], criteria: list[str]) -> str:
    row: dict[str, Any] = {k: r[k] for k in CSV_COLUMNS if k in r}
    row["organisations"] = "; ".join(r["organisations"])
    for group in CODE_LISTS:
        row[f"{group}_codes"] = "; ".join(t["code"] for t in r[group])
        row[f"{group}_labels"] = "; ".join(t["label"] for t in r[group])
    row["practice_type_code"] = r["practice_type"]["code"]
    row["practice_type_label"] = r["practice_type"]["label"]
    values = ["" if row.get(k) is None else row[k] for k in CSV_COLUMNS]
    return _csv_line([*values, *(r["criteria"].get(c, "") for c in criteria)])


def _csv_line(values: list[Any]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(values)
    return buffer.getvalue()


def _schema(site: Site) -> dict[str, Any]:
    term = {
        "type": "object",
        "required": ["code", "label"],
        "properties": {"code": {"type": "string"}, "label": {"type": "string"}},
    }
    criteria = site.vocabulary.codes("criteria")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": site.config.base_url + f"{FOLDER}/schema.json",
        "title": f"{site.config.name['fi']} / {site.config.name['sv']}: open data {VERSION}",
        "description": "A file practices.<lang>.json holds {version, language, practices: [record]}; "
        "each record is one practice in one language. Codes are stable; labels are in the file's language.",
        "type": "object",
        "required": ["version", "language", "practices"],
        "properties": {
            "version": {"const": VERSION},
            "language": {"enum": list(LANGS)},
            "practices": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": [
                        "id",
                        "language",
                        "title",
                        "summary",
                        "url",
                        "permanent_url",
                        "organisations",
                        *CODE_LISTS,
                        "practice_type",
                        "start_year",
                        "funding",
                        "published",
                        "criteria",
                    ],
                    "additionalProperties": False,
                    "properties": {
                        "id": {"type": "string"},
                        "language": {"enum": list(LANGS)},
                        "title": {"type": "string"},
                        "summary": {"type": "string"},
                        "url": {"type": "string", "format": "uri"},
                        "permanent_url": {"type": "string", "format": "uri"},
                        "translation_url": {"type": ["string", "null"], "format": "uri"},
                        "organisations": {"type": "array", "items": {"type": "string"}},
                        "municipality": {"type": ["string", "null"]},
                        **{group: {"type": "array", "items": term} for group in CODE_LISTS},
                        "practice_type": term,
                        "start_year": {"type": "integer"},
                        "end_year": {"type": ["integer", "null"]},
                        "funding": {"type": "string"},
                        "published": {"type": "string", "format": "date"},
                        "updated": {"type": ["string", "null"], "format": "date"},
                        "criteria": {
                            "type": "object",
                            "additionalProperties": False,
                            "properties": {c: {"type": "string"} for c in criteria},
                        },
                    },
                },
            },
        },
    }


def json_line(site: Site, p: Practice) -> str:
    """One practice's line of its language's JSON file."""
    return json.dumps(record(site, p), ensure_ascii=False)


def csv_row(site: Site, p: Practice) -> str:
    """One practice's row of its language's CSV file."""
    return _csv_row(record(site, p), site.vocabulary.codes("criteria"))


def shared_paths() -> list[str]:
    return [f"{FOLDER}/vocabulary.json", f"{FOLDER}/schema.json"]


def in_data_order(site: Site, lang: Lang) -> list[Practice]:
    return sorted(site.in_lang(lang), key=lambda p: p.id)


def json_file(lang: Lang, lines: list[str]) -> str:
    """A language's JSON file from its practices' json_line, in in_data_order: one practice
    per line, readable in a diff (indented output would take seconds for a large catalogue)."""
    head = json.dumps({"version": VERSION, "language": lang}, ensure_ascii=False)[:-1]
    if not lines:
        return f'{head}, "practices": []}}\n'
    records = ",\n".join(lines)
    return f'{head}, "practices": [\n{records}\n]}}\n'


def csv_file(site: Site, rows: list[str]) -> str:
    """A language's CSV file from its practices' csv_row, in in_data_order."""
    criteria = site.vocabulary.codes("criteria")
    return _csv_line([*CSV_COLUMNS, *(f"criterion_{c}" for c in criteria)]) + "".join(rows)


def shared_data(site: Site) -> dict[str, str]:
    """The vocabularies and the schema, for both languages."""
    vocabulary = {
        "version": VERSION,
        **{
            group: [
                {"code": t.code, "fi": t.label["fi"], "sv": t.label["sv"]}
                for t in site.vocabulary.terms(group)
            ]
            for group in (*FACETS, "criteria")
        },
    }
    return {
        f"{FOLDER}/vocabulary.json": json.dumps(vocabulary, ensure_ascii=False, indent=1) + "\n",
        f"{FOLDER}/schema.json": json.dumps(_schema(site), ensure_ascii=False, indent=1) + "\n",
    }
