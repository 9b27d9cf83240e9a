"""A practice file's front matter as the editor meant it, before its values are checked:
fields moved into the group they were meant for, and the parts of a contact and of a link
named otherwise than their fields put under the names meant. Each slip is told once, at its
line, and the values are then checked where they were meant to be, at their own lines."""

from __future__ import annotations

from typing import Any

from ..problems import Problem
from .fields import CONTACT_KEYS, CONTACT_LABELS, FIELDS_BY_NAME, LINK_KEYS, LINK_LABELS, meant_field
from .source import KeyPath, SourceDocument
from .vocabulary import Vocabulary


def as_meant(doc: SourceDocument, vocabulary: Vocabulary) -> tuple[SourceDocument, list[Problem]]:
    """The document as the editor meant it (`_regrouped`, then `_parts_named`), and its slips."""
    doc, slips = _regrouped(doc, vocabulary)
    doc, named = _parts_named(doc)
    return doc, slips + named


def _regrouped(doc: SourceDocument, vocabulary: Vocabulary) -> tuple[SourceDocument, list[Problem]]:
    """The document as the editor meant it, and each slip of indentation, at its line: a
    criterion or a contact's line left without its two spaces is put back in its group; a
    field indented under an empty one (end_year: with '  funding: …' below) is taken out of
    it. The groups are then checked as meant, and not reported missing too."""
    front, positions, slips = dict(doc.front), dict(doc.positions), []
    parents = dict.fromkeys(vocabulary.codes("criteria"), "criteria")
    if "contact" in front:  # 'name:' or 'url:' alone may be meant for anything
        parents |= dict.fromkeys(CONTACT_KEYS, "contact")

    def move(old: tuple[str, ...], new: tuple[str | int, ...], message: str) -> None:
        slips.append(Problem(doc.path, doc.where(*old)[0], 1, message))
        _move(positions, old, new)

    for name, value in doc.front.items():
        spec = FIELDS_BY_NAME.get(name)
        parent = parents.get(name) if spec is None else None
        group = front.get(parent) if parent else None
        if spec is None and (link := _link_above(doc, front, name)) is not None:
            message = (
                f"'{name}' belongs to the link above it, so it needs two spaces in front of it: '  {name}: …'"
            )
            move((name,), ("links", link, name), message)
            front["links"] = [*front["links"][:link], {**front["links"][link], name: front.pop(name)}]
        elif parent and isinstance(group, dict | None) and name not in (group or {}):
            where = "" if parent in doc.front else f"; add the line '{parent}:' above the first"
            message = (
                f"'{name}' belongs under {parent}:, so it needs two spaces in front of it: '  {name}: …'"
            )
            move((name,), (parent, name), message + where)
            front[parent] = {**(group or {}), name: front.pop(name)}
        elif spec and spec.kind not in ("contact", "criteria") and isinstance(value, dict):
            nested = [key for key in value if key in FIELDS_BY_NAME and key not in doc.front]
            for key in nested if len(nested) == len(value) else []:
                message = (
                    f"'{key}' has spaces in front of it, so it is read as part of {name}:, which is left "
                    f"empty; remove the spaces: '{key}: …'"
                )
                move((name, key), (key,), message)
                front[key], front[name] = value[key], None
    return doc._replace(front=front, positions=positions), slips


def _link_above(doc: SourceDocument, front: dict[str, Any], name: str) -> int | None:
    """The index of the last link if `name` (at the start of its line) is a part of a link
    that it lacks, and the field above it is `links`."""
    links = front.get("links")
    if name not in LINK_KEYS or not isinstance(links, list) or not links or not isinstance(links[-1], dict):
        return None
    line = doc.where(name)[0]
    above = max(((doc.where(key)[0], key) for key in doc.front if doc.where(key)[0] < line), default=None)
    return len(links) - 1 if above and above[1] == "links" and name not in links[-1] else None


def _parts_named(doc: SourceDocument) -> tuple[SourceDocument, list[Problem]]:
    """The contact's and each link's parts, each named otherwise than its fields (a label in
    Finnish or Swedish, a misspelling, or the one name unknown while the one required part is
    missing) under the name meant, unless the group has that part already; each such name told."""
    front, positions, problems = dict(doc.front), dict(doc.positions), []

    def named(key: tuple[str | int, ...], parts: dict[Any, Any]) -> dict[Any, Any]:
        contact = key == ("contact",)
        what = "contact" if contact else f"item {int(key[-1]) + 1} of links"
        labels, required = (CONTACT_LABELS, ("name",)) if contact else (LINK_LABELS, LINK_KEYS)
        unknown = [name for name in parts if name not in labels]
        missing = [name for name in required if name not in parts]
        renamed = dict(parts)
        for name in unknown:
            meant, told = meant_field(name, labels, unknown, missing)
            problems.append(
                Problem(doc.path, *doc.where(*key, name), f"unknown field '{name}' in {what}{told}")
            )
            if meant and meant not in renamed:
                renamed[meant] = renamed.pop(name)
                _move(positions, (*key, name), (*key, meant))
        return renamed

    if isinstance(front.get("contact"), dict):
        front["contact"] = named(("contact",), front["contact"])
    if isinstance(front.get("links"), list):
        front["links"] = [
            named(("links", index), item) if isinstance(item, dict) else item
            for index, item in enumerate(front["links"])
        ]
    return doc._replace(front=front, positions=positions), problems


def _move(positions: dict[KeyPath, tuple[int, int]], old: KeyPath, new: KeyPath) -> None:
    """Give the positions of `old` and of everything below it to `new`."""
    for key in [key for key in positions if key[: len(old)] == old]:
        positions[new + key[len(old) :]] = positions.pop(key)
