"""Links to a section of a page ([text](practice:its-id#tulokset), [text](#tausta)) that the
page has no section for. Such a link still opens the page, but at its top, so the check warns,
at the link, with the sections the page's text has. A heading's id is made from its text when
the Markdown is converted (`## Tulokset` → `#tulokset`), so renaming a heading is what
usually leaves a link behind, and translating a text with its links another; a link copied
from the other language's text is told the heading in the same place. Only a practice's page
and the page a link is on are looked into, by the HTML made from their texts."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePath

from ..config import LANGUAGE_NAMES
from ..content.model import Practice, Site, StaticPage, other_lang
from ..problems import Problem, Severity, closest
from ..site.markdown import PAGE_IDS, practice_page_ids
from .addresses import practice_addresses
from .cache import BuildCache

ID = re.compile(r'\sid="([^"]+)"')
Sections = tuple[tuple[str, str, int, int], ...]


def broken_sections(site: Site, cache: BuildCache) -> list[Problem]:
    """A warning for each link to a section that its page does not have."""
    links: list[tuple[Practice | StaticPage, Sections]] = [
        (p, site.text(p).links.sections) for p in site.practices
    ]
    links += [(page, page.links.sections) for page in site.pages]
    if not any(sections for _, sections in links):
        return []
    addresses, problems = practice_addresses(site), []
    known: dict[PurePath | str, list[str]] = {}

    def headings(page: Practice | StaticPage) -> list[str]:
        if page.source not in known:
            known[page.source] = _headings(page, site, cache)
        return known[page.source]

    for own, sections in links:
        for page, heading, line, column in sections:
            target = own if page == "" else _practice(site, own.lang, page, addresses)
            if target is None or heading in headings(target) or heading in _parts(target, site):
                continue  # None: not a practice's page, or a link to no page (reported as such)
            where = "this page"
            if isinstance(target, Practice) and target is not own:
                where = f"the page of the practice '{target.id}'"
            message = f"{where} has no section '#{heading}', so the link opens it at its top"
            message += _choices(heading, headings(target), _translated(heading, target, site, headings))
            problems.append(Problem(PurePath(own.source), line, column, message, Severity.WARNING))
    return problems


def _translated(
    heading: str,
    target: Practice | StaticPage,
    site: Site,
    headings: Callable[[Practice | StaticPage], list[str]],
) -> str:
    """The heading in the place that the other language version of the practice has `heading`
    in (a link copied from the text being translated), with where it was found; '' if none."""
    other = (
        site.by_id.get(target.id, {}).get(other_lang(target.lang)) if isinstance(target, Practice) else None
    )
    if other is None or heading not in headings(other):
        return ""
    place = headings(other).index(heading)
    if place >= len(headings(target)):
        return ""
    name = LANGUAGE_NAMES[other.lang]
    return f"'#{headings(target)[place]}', in the place of '#{heading}' in the {name} version"


def _practice(site: Site, lang: str, page: str, addresses: dict[str, str]) -> Practice | None:
    """The practice a link leads to, in the language it leads to, if it is published in it."""
    if page.startswith("practice:"):
        practice_id = page.removeprefix("practice:")
    else:
        practice_id = addresses.get(page if page.endswith("/") else f"{page}/", "")
        lang = page.split("/", 1)[0]
    versions = site.by_id.get(practice_id, {})
    return next((practice for practice in versions.values() if practice.lang == lang), None)


def _headings(page: Practice | StaticPage, site: Site, cache: BuildCache) -> list[str]:
    """The ids of the headings of a page's text (and of a practice's criteria), in order."""
    from ..site.markdown import page_html, with_unique_ids
    from .make import practice_texts  # only where a link leads to a section

    if isinstance(page, StaticPage):
        return ID.findall(page_html(page.body))
    digest = site.text(page).digest
    made = with_unique_ids(practice_texts(cache, [digest])[digest])
    return ID.findall("".join([made.body, *made.criteria.values()]))


def _parts(page: Practice | StaticPage, site: Site) -> frozenset[str]:
    """The ids of the parts of a page that its template makes."""
    if isinstance(page, StaticPage):
        return PAGE_IDS
    return practice_page_ids(site.vocabulary.codes("criteria"))


def _choices(heading: str, headings: list[str], translated: str) -> str:
    if not headings:
        return "; its text has no headings, so link to the page without a '#'"
    shown = ", ".join(f"'#{id_}'" for id_ in headings)
    near = _renamed(heading, headings) or closest(heading, headings)
    suggestion = translated or (f"'#{near}'" if near else "")
    if suggestion:
        return f"; did you mean {suggestion}? The headings of its text: {shown}"
    return f"; the headings of its text: {shown}"


def _renamed(heading: str, headings: list[str]) -> str | None:
    """A heading that has the linked one's words first, or is the first words of it: the same
    heading lengthened or shortened (#tulokset → #tulokset-ja-vaikutukset)."""
    return next((h for h in headings if h.startswith(f"{heading}-") or heading.startswith(f"{h}-")), None)
