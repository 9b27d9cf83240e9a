"""Which kind of address a text is, an e-mail address or a web address: for a contact written
as one line, and for an address given in the field of the other kind."""

from __future__ import annotations

import re

from .html_policy import web_address

EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[a-z]{2,}$", re.IGNORECASE)


def kind_of(text: str) -> str | None:
    """'email' or 'url' (the fields that hold each), or None for a text that is neither (a web
    address may leave out its https:// if it starts with www.)."""
    if EMAIL.match(text):
        return "email"
    return "url" if " " not in text and web_address(in_full(text)) else None


def in_full(address: str) -> str:
    """A web address with the https:// it may have left out (www.kotoutuminen.fi)."""
    return f"https://{address}" if address.startswith("www.") else address


def group_lines(text: str, allowed: tuple[str, ...]) -> list[str]:
    """A group written as one text ('contact: Maija, maija@example.fi') as its lines: with an
    address among its comma-separated parts, each under the field it looks like (an address's,
    else the group's next other field); else all of it under the one field it looks like."""
    parts = [part.strip() for part in text.split(",")]
    others = iter(name for name in allowed if name not in ("email", "url"))
    names = [kind_of(part) or next(others, "") for part in parts]
    if len(parts) > 1 and any(map(kind_of, parts)) and "" not in names and len(set(names)) == len(names):
        return [f"{name}: {in_full(part)}" for name, part in zip(names, parts, strict=True)]
    return [f"{kind_of(text) or allowed[0]}: {in_full(text)}"]


def other_kind(field: str, text: str, group: str) -> str | None:
    """The message for an address given in the field of the other kind (`field` 'url' or
    'email' of `group`, 'contact' or 'links'); None where it is not the other kind."""
    kind = kind_of(text)
    if field == "url" and kind == "email":
        instead = (
            ", and links: lists web pages; give it as the contact's e-mail instead, under contact: with "
            "two spaces in front"
            if group == "links"
            else "; write it as the contact's e-mail"
        )
        return f"'{text}' is an e-mail address, not a web address{instead}: email: {text}"
    if field == "email" and kind == "url":
        return (
            f"'{text}' is a web address, not an e-mail address; write it as the contact's web page: "
            f"url: {in_full(text)}"
        )
    return None
