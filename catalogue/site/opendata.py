"""Open data: the catalogue per language as JSON and CSV, and the vocabularies, under a
versioned schema (data/v1/). Pure functions of the records they are given."""

from __future__ import annotations

import json
from typing import Any, NamedTuple

import orjson

from ..config import LANGS, Lang, SiteConfig
from ..content.model import Practice
from ..content.vocabulary import FACETS, Vocabulary
from . import urls

VERSION = "v1"
FOLDER = urls.DATA_FOLDER
CODE_LISTS = ("themes", "phases", "target_groups", "regions")


class DataSet(NamedTuple):
    """What a language's open-data files show: its practices in id order, each with the
    address of its other language version."""

    lang: Lang
    practices: tuple[Practice, ...]
    translation_urls: tuple[str | None, ...]
    base_url: str
    vocabulary: Vocabulary


Labels = dict[str, dict[str, tuple[int, dict[str, str]]]]
"""Vocabulary → code → (place in reading order, {"code": code, "label": label}) in one language."""


def labels(vocabulary: Vocabulary, lang: Lang) -> Labels:
    return {
        group: {
            term.code: (place, {"code": term.code, "label": term.label[lang]})
            for place, term in enumerate(vocabulary.ordered(group, lang))
        }
        for group in (*CODE_LISTS, "practice_types")
    }


def record(p: Practice, translation_url: str | None, base: str, terms: Labels) -> dict[str, Any]:
    """One practice in one language, with codes and labels, absolute URLs and ISO dates."""

    def listed(group: str, codes: tuple[str, ...]) -> list[dict[str, str]]:
        return [term for _, term in sorted(terms[group][code] for code in codes)]  # places are unique

    return {
        "id": p.id,
        "language": p.lang,
        "title": p.title,
        "summary": p.summary,
        "url": base + urls.practice(p),
        "permanent_url": base + urls.short(p.lang, p.id),
        "translation_url": base + translation_url if translation_url else None,
        "organisations": list(p.organisations),
        "municipality": p.municipality,
        **{group: listed(group, getattr(p, group)) for group in CODE_LISTS},
        "practice_type": listed("practice_types", (p.practice_type,))[0],
        "start_year": p.start_year,
        "end_year": p.end_year,
        "funding": p.funding,
        "published": p.published.isoformat(),
        "updated": p.updated.isoformat() if p.updated else None,
        "criteria": dict(p.criteria),
    }


CSV_COLUMNS = (
    *"id language title summary url permanent_url translation_url organisations municipality".split(),
    *(f"{group}_{part}" for group in CODE_LISTS for part in ("codes", "labels")),
    *"practice_type_code practice_type_label start_year end_year funding published updated".split(),
)


def _csv_row(r: dict[str, Any], criteria: list[str]) -> list[Any]:
    """A record's values in the CSV's columns (None where it has none: `csv_field` writes it empty)."""
    row: dict[str, Any] = {k: r[k] for k in CSV_COLUMNS if k in r}
    row["organisations"] = "; ".join(r["organisations"])
    for group in CODE_LISTS:
        row[f"{group}_codes"] = "; ".join(t["code"] for t in r[group])
        row[f"{group}_labels"] = "; ".join(t["label"] for t in r[group])
    row["practice_type_code"] = r["practice_type"]["code"]
    row["practice_type_label"] = r["practice_type"]["label"]
    return [*(row.get(k) for k in CSV_COLUMNS), *(r["criteria"].get(c) for c in criteria)]


def _schema(config: SiteConfig, vocabulary: Vocabulary) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": config.base_url + f"{FOLDER}/schema.json",
        "title": f"{config.name['fi']} / {config.name['sv']}: open data {VERSION}",
        "description": "A file practices.<lang>.json holds {version, language, practices: [record]}; "
        "each record is one practice in one language. Codes are stable; labels are in the file's language.",
        "type": "object",
        "required": ["version", "language", "practices"],
        "properties": {
            "version": {"const": VERSION},
            "language": {"enum": list(LANGS)},
            "practices": {"type": "array", "items": _record_schema(vocabulary.codes("criteria"))},
        },
    }


def _record_schema(criteria: list[str]) -> dict[str, Any]:
    term = {
        "type": "object",
        "required": ["code", "label"],
        "properties": {"code": {"type": "string"}, "label": {"type": "string"}},
    }
    text, uri = {"type": "string"}, {"type": "string", "format": "uri"}
    optional = {"type": ["string", "null"]}
    return {
        "type": "object",
        "required": [
            *("id", "language", "title", "summary", "url", "permanent_url", "organisations"),
            *CODE_LISTS,
            *("practice_type", "start_year", "funding", "published", "criteria"),
        ],
        "additionalProperties": False,
        "properties": {
            **{name: text for name in ("id", "title", "summary", "funding")},
            "language": {"enum": list(LANGS)},
            "url": uri,
            "permanent_url": uri,
            "translation_url": {**optional, "format": "uri"},
            "organisations": {"type": "array", "items": text},
            "municipality": optional,
            **{group: {"type": "array", "items": term} for group in CODE_LISTS},
            "practice_type": term,
            "start_year": {"type": "integer"},
            "end_year": {"type": ["integer", "null"]},
            "published": {"type": "string", "format": "date"},
            "updated": {**optional, "format": "date"},
            "criteria": {
                "type": "object",
                "additionalProperties": False,
                "properties": {c: text for c in criteria},
            },
        },
    }


def practices_json(lang: Lang, records: list[dict[str, Any]]) -> str:
    """A language's JSON file (of its `records`): one practice per line, readable in a diff."""
    head = orjson.dumps({"version": VERSION, "language": lang}).decode()[:-1]
    if not records:
        return f'{head},"practices":[]}}\n'
    lines = ",\n".join(orjson.dumps(record).decode() for record in records)  # json's takes four times as long
    return f'{head},"practices":[\n{lines}\n]}}\n'


def practices_csv(records: list[dict[str, Any]], criteria: list[str]) -> str:
    """A language's CSV file (of its `records`), one practice per row, the criteria (their
    codes in vocabulary order) in columns of their own."""
    rows = [[*CSV_COLUMNS, *(f"criterion_{c}" for c in criteria)]]
    rows += [_csv_row(r, criteria) for r in records]
    return "".join(",".join(map(csv_field, row)) + "\n" for row in rows)


def csv_field(value: object) -> str:
    """One field of a CSV file (RFC 4180): in quotes, its quotes doubled, if it holds a comma,
    a quote or a line break. (Python's `csv` writer writes these files the same, but at about 200
    instructions a character: six times the cost of these lines, 25 ms of a title edit at
    N = 1,000 practices.)"""
    text = "" if value is None else str(value)
    if '"' in text or "," in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def records(data: DataSet) -> list[dict[str, Any]]:
    """The records of a language's open-data files, in id order."""
    terms = labels(data.vocabulary, data.lang)
    return [
        record(p, url, data.base_url, terms)
        for p, url in zip(data.practices, data.translation_urls, strict=True)
    ]


def shared_files(config: SiteConfig, vocabulary: Vocabulary) -> dict[str, str]:
    """The vocabularies and the schema, for both languages: path → text. A code no longer used
    is listed under "replaced" with the code that took its place, so that data kept from
    before reads the same."""
    groups = {
        group: [{"code": t.code, "fi": t.label["fi"], "sv": t.label["sv"]} for t in vocabulary.terms(group)]
        for group in (*FACETS, "criteria")
    }
    replaced = {group: codes for group, codes in vocabulary.replaced.items() if codes}
    terms = {"version": VERSION, **groups, "replaced": replaced}
    return {
        f"{FOLDER}/vocabulary.json": json.dumps(terms, ensure_ascii=False, indent=1) + "\n",
        f"{FOLDER}/schema.json": json.dumps(_schema(config, vocabulary), ensure_ascii=False, indent=1) + "\n",
    }
