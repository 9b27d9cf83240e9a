"""Published addresses that would stop working, reported where the editor can fix them: at the
slug or id line of the practice file whose change caused it (with the ledger line as the second
place), and for a practice removed, at the ledger line with the exact redirect to add. And
redirects that would hide a page or lead nowhere, at their line of content/redirects.yaml."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import PurePath
from urllib.parse import urlsplit

from ..config import LANGS, LANGUAGE_NAMES
from ..content.html_policy import site_path
from ..content.ledger import LEDGER
from ..content.model import Links, Practice, Site, Unchecked, other_lang
from ..content.redirects import REDIRECTS
from ..content.slugs import is_slug
from ..content.vocabulary import FACETS, VOCABULARY
from ..problems import Problem, Severity, closest
from ..site import urls


def _at(practice: Practice, field: str, message: str) -> Problem:
    line, column = practice.at(field)
    return Problem(PurePath(practice.source), line, column, message)


def lost_addresses(
    ledger: dict[str, int], site: Site, redirects_exist: bool, unchecked: Sequence[Unchecked] = ()
) -> list[Problem]:
    """Every ledger address the site would no longer serve, each reported once: where a
    practice file's change lost it (its id, its slug, its draft line), else at its ledger line.
    `unchecked`: files with mistakes, whose pages are not in `site`: an address they may have
    is not lost."""
    unknown = _unknown_sections(unchecked) + _ids_in_doubt(unchecked, ledger, site)
    missing = {
        address
        for address in set(ledger) - urls.ledger_urls(site) - _addresses_declared(unchecked)
        if not address.startswith(unknown)
    }
    create = "" if redirects_exist else " (create the file, it does not exist yet)"
    problems, codes_gone = _lost_codes(missing, ledger)
    problems += _drafted(missing, ledger, site.drafts, create)  # its addresses are certain
    problems += _changed_ids_and_slugs(missing, ledger, site.practices)
    problems += _pending(missing, ledger, site, create)
    moved = _moved_terms(missing, ledger, site)
    for address in sorted(missing, key=ledger.__getitem__):
        lang = address.split("/", 1)[0]
        if address in moved:
            new, facet, code = moved[address]
            message = (
                f"'/{address}' was published and would stop working: it was the page of '{code}' in "
                f"{facet}, whose {LANGUAGE_NAMES.get(lang, lang)} label changed in {VOCABULARY}; keep it "
                f"working by adding the line '{address}: {new}' to content/redirects.yaml{create}"
            )
        else:
            facet = next(
                (f for f in FACETS if lang in LANGS and address.startswith(urls.section(lang, f))), ""
            )
            target = urls.section(lang, facet or "practices") if lang in LANGS else "fi/"
            merged = set(site.vocabulary.replaced.get(facet, {}).values()) if facet else set()
            if lang in LANGS and len(merged) == 1:  # a term merged into another: that one's page
                target = urls.term(lang, facet, site.vocabulary.term(facet, merged.pop()))
            message = (
                f"'/{address}' was published and would stop working: it was the page of a {facet} term "
                f"that is no longer in {VOCABULARY}, as its search address in this file says; a "
                "published term stays, so put its entry back"
                if (lang, facet) in codes_gone
                else f"'/{address}' was published and would stop working; if a practice or a term was "
                f"removed on purpose, add the line '{address}: {target}' to content/redirects.yaml{create} "
                "(or point it at the page that replaces it); if a slug changed, add the old slug to "
                "the practice's aliases"
            )
        problems.append(Problem(LEDGER, ledger[address], 1, message))
    return problems


def _lost_codes(missing: set[str], ledger: dict[str, int]) -> tuple[list[Problem], set[tuple[str, str]]]:
    """Search addresses whose chosen value is no longer a code of the vocabulary, each at its
    ledger line (taken out of `missing`); and the (language, vocabulary) of each."""
    problems, gone = [], set()
    facet_of = {param: facet for facet, param in urls.FILTER_PARAMS.items()}
    for address in sorted((a for a in missing if "?" in a), key=ledger.__getitem__):
        missing.discard(address)
        param, _, code = urlsplit(address).query.partition("=")
        facet = facet_of.get(param, param)
        gone.add((address.split("/", 1)[0], facet))
        message = (
            f"'/{address}' was published: listings link to it and readers share it to choose '{code}' "
            f"in the search, which would choose nothing, as '{code}' is no longer a {facet} code in "
            f"{VOCABULARY}; a code never changes once published, so put its entry back (a term may "
            "be left without practices: its page stays, out of search engines), or, if another code "
            f"took its place, add the entry '- {{code: {code}, replaced_by: <the new code>}}' to {facet}"
        )
        problems.append(Problem(LEDGER, ledger[address], 1, message))
    return problems, gone


def _changed_ids_and_slugs(
    missing: set[str], ledger: dict[str, int], practices: Iterable[Practice]
) -> list[Problem]:
    """Published practices whose id or slug changed, each reported at that line with its lost
    address (taken out of `missing`)."""
    problems: list[Problem] = []
    for practice in practices:
        page, short = urls.practice(practice), urls.short(practice.lang, practice.id)
        if page in ledger and short not in ledger:
            old = _only(a for a in missing if a.startswith(urls.short(practice.lang, "").rstrip("/")))
            if old:
                missing.discard(old)
                old_id = old.rstrip("/").rsplit("/", 1)[1]
                problems.append(
                    _at(
                        practice,
                        "id",
                        f"the id changed from '{old_id}' to '{practice.id}', and the permanent address "
                        f"'/{old}' was published ({LEDGER}:{ledger[old]}); an id must never change, "
                        f"so change it back to '{old_id}' in both language versions",
                    )
                )
        renamed = any(urls.practice_slug(practice.lang, alias) in ledger for alias in practice.aliases)
        if short in ledger and page not in ledger and not renamed:  # a new slug, its old one lost
            section = urls.practice_slug(practice.lang, "").rstrip("/")
            olds = sorted(a for a in missing if a.startswith(section) and _parts(a)[1] in _names(practice))
            old = olds[0] if olds else _only(a for a in missing if a.startswith(section))
            if old:
                missing.discard(old)
                problems.append(
                    _at(
                        practice,
                        "slug",
                        f"the slug changed to '{practice.slug}', and the old address '/{old}' was "
                        f"published ({LEDGER}:{ledger[old]}); keep it working by adding "
                        f"aliases: [{_parts(old)[1]}] to this file",
                    )
                )
    return problems


def _pending(missing: set[str], ledger: dict[str, int], site: Site, create: str) -> list[Problem]:
    """A practice whose other language version was taken down to wait for its translation
    (translation_pending: true), reported at that line with the lost address (taken out of
    `missing`) and the redirect to its short link, which tells readers the translation is
    coming. Only where one address of that language is lost, so that it is surely this one."""
    problems = []
    for practice in site.practices:
        other = other_lang(practice.lang)
        if not practice.translation_pending or site.counterpart(practice):
            continue
        section = urls.practice_slug(other, "").rstrip("/")
        old = _only(address for address in missing if address.startswith(section))
        if old:
            missing.discard(old)
            short = urls.short(other, practice.id)
            message = (
                f"the {LANGUAGE_NAMES[other]} version was published at '/{old}' ({LEDGER}:{ledger[old]}), "
                f"which would stop working; while it waits for its translation, keep it working by adding "
                f"the line '{old}: {short}' to content/redirects.yaml{create}: that page tells readers the "
                "translation is coming"
            )
            problems.append(_at(practice, "translation_pending", message))
    return problems


def _drafted(
    missing: set[str], ledger: dict[str, int], drafts: Iterable[Practice], create: str
) -> list[Problem]:
    """Published practices made drafts again, each reported at its draft line with the
    addresses it would break (taken out of `missing`) and the two ways out."""
    problems = []
    for practice in drafts:
        own = [urls.practice(practice), urls.short(practice.lang, practice.id)]
        lost = [address for address in own if address in missing]
        if not lost:
            continue
        missing.difference_update(lost)
        section = urls.section(practice.lang, "practices")
        lines = ", ".join(f"'{address}: {section}'" for address in lost)
        message = (
            f"the practice was published ({LEDGER}:{ledger[lost[0]]}), and as a draft its addresses "
            f"{' and '.join(f'/{address}' for address in lost)} would lead nowhere; remove this line to "
            f"keep it published while it is revised, or, to withdraw it, add the lines {lines} to "
            f"content/redirects.yaml{create}"
        )
        problems.append(_at(practice, "draft", message))
    return problems


def _moved_terms(missing: set[str], ledger: dict[str, int], site: Site) -> dict[str, tuple[str, str, str]]:
    """Published addresses of term pages that moved because a label changed: old address →
    (new address, facet, code). Paired where a facet has one address gone and one new."""
    moved = {}
    for lang in LANGS:
        for facet in FACETS:
            section = urls.section(lang, facet)
            gone = [address for address in missing if address.startswith(section) and address != section]
            new = {urls.term(lang, facet, t): t.code for t in site.vocabulary.terms(facet)}
            fresh = [(address, code) for address, code in new.items() if address not in ledger]
            if len(gone) == 1 and len(fresh) == 1:
                moved[gone[0]] = (fresh[0][0], facet, fresh[0][1])
    return moved


def broken_redirects(site: Site) -> list[Problem]:
    """Lines of content/redirects.yaml whose old address is still a page, or whose new one is
    not a page of the site."""
    pages = urls.page_urls(site) if site.redirects else set()
    problems = []
    for old, (target, line) in sorted(site.redirects.items()):
        if old in pages:
            message = (
                f"'/{old}' is a page of the site, so it cannot also lead elsewhere; remove this line "
                "(a redirect is only for an address whose page is gone)"
            )
            problems.append(Problem(REDIRECTS, line, 1, message))
        elif target not in pages:
            lang = old.split("/", 1)[0]
            example = urls.section(lang if lang in LANGS else "fi", "practices")
            message = (
                f"'/{target}' is not a page of the site, so this line would lead readers to a missing "
                f"page; point it at a practice or a section, such as '{example}'"
            )
            problems.append(Problem(REDIRECTS, line, 1, message))
    return problems


def broken_links(site: Site, unchecked: Iterable[Unchecked] = ()) -> list[Problem]:
    """Links in the texts to an address of this site that has no page ([text](/fi/x/)), and
    links to one of its pages by the full address (https://…/fi/x/), which lead away from the
    preview and break if the site moves: a warning with the link to write instead.
    `unchecked`: files with mistakes, whose links are checked too, and whose pages are not
    in `site`: a link to an address they may have is not reported."""
    texts: list[tuple[str | PurePath, Links]] = [(p.source, site.text(p).links) for p in site.practices]
    texts += [(page.source, page.links) for page in site.pages]
    texts += [(file.source, file.links) for file in unchecked if file.links]
    langs: dict[str | PurePath, str] = {p.source: p.lang for p in site.practices}
    langs |= {page.source: page.lang for page in site.pages} | {file.source: file.lang for file in unchecked}
    own = {source: _own_addresses(links.full_pages, site.config.own_urls) for source, links in texts}
    if not any(links.pages or own[source] for source, links in texts):
        return []
    served = urls.site_urls(site) | _addresses_declared(unchecked)
    unknown = _unknown_sections(unchecked)
    ids = practice_addresses(site)
    problems = []
    for source, links in texts:
        relative = [(address, f"/{address}", line, column) for address, line, column in links.pages]
        for address, written, line, column in relative + own[source]:
            page = address.removesuffix("index.html")
            page = page if page in served else f"{page}/"
            if page.startswith(unknown):
                continue
            if page not in served:
                message = f"the link '{written}' leads to no page of this site; " + _meant(page, served, ids)
                problems.append(Problem(PurePath(source), line, column, message))
            elif written.startswith("http"):
                parts = urlsplit(written)  # its query (the search's filters) and heading are kept
                if page in ids:
                    better = f"practice:{ids[page]}"
                else:
                    better = f"/{page}" + (f"?{parts.query}" if parts.query else "")
                if parts.fragment:
                    better += f"#{parts.fragment}"
                message = (
                    "the link gives this site's full address, which leads away from the preview and breaks "
                    f"if the site moves; write the address as {better}"
                )
                problems.append(Problem(PurePath(source), line, column, message, Severity.WARNING))
            elif page in ids and not page.startswith(f"{langs[source]}/"):
                message = _other_language(page, langs[source], ids[page])
                problems.append(Problem(PurePath(source), line, column, message, Severity.WARNING))
    return problems


def _other_language(page: str, lang: str, practice_id: str) -> str:
    """What a text in `lang` is told of its link to the other language's page of a practice."""
    return (
        f"the link leads to the {LANGUAGE_NAMES[page.split('/')[0]]} version of a practice, but this text "
        f"is in {LANGUAGE_NAMES[lang]}; link it by its id, practice:{practice_id}, which leads to the "
        "version in the text's language (or says it is not translated yet)"
    )


def _meant(page: str, served: set[str], ids: dict[str, str]) -> str:
    """The address of the page's folder whose last part `page`'s is closest to, if any is
    close; a practice by its id."""
    folder, name = _parts(page)
    pages = [(_parts(other), other) for other in served if other.endswith("/")]
    near = {last: other for (where, last), other in pages if where == folder}
    meant = near.get(closest(name, near) or "")
    if meant in ids:
        return (
            f"did you mean practice:{ids[meant]} (the practice at /{meant})? A link by id keeps working "
            "when the practice's address changes"
        )
    if meant:
        return f"did you mean /{meant}?"
    return (
        "check the address, or link to another practice with practice:its-id, which keeps working when "
        "its address changes"
    )


def _parts(address: str) -> tuple[str, str]:
    """An address's folder and its last part."""
    folder, _, name = address.rstrip("/").rpartition("/")
    return folder, name


def _addresses_declared(unchecked: Iterable[Unchecked]) -> set[str]:
    """The addresses files with mistakes declare: each id's short links, each slug's page."""
    declared = set()
    for file in unchecked:
        declared |= {urls.short(lang, practice_id) for practice_id in file.ids for lang in LANGS}
        declared |= {urls.practice_slug(file.lang, slug) for slug in file.slugs or ()}
    return declared


def _ids_in_doubt(unchecked: Iterable[Unchecked], ledger: dict[str, int], site: Site) -> tuple[str, ...]:
    """The short links of each language in which a file with mistakes has a published page
    but not, by its id, a short link of its own (its id changed, or another practice has it):
    its id is what to mend, not a lost short link to redirect, so one lost there is told once
    the file is mended."""
    taken = {(p.id, p.lang) for p in site.practices}
    doubtful = [
        file
        for file in unchecked
        if any(urls.practice_slug(file.lang, slug) in ledger for slug in file.slugs or ())
        and not any(urls.short(file.lang, i) in ledger and (i, file.lang) not in taken for i in file.ids)
    ]
    return tuple(sorted({urls.section(file.lang, "short") for file in doubtful}))


def _unknown_sections(unchecked: Iterable[Unchecked]) -> tuple[str, ...]:
    """Where a file whose front matter cannot be read may have its page: its language's
    practices (and the short links, if no line gives its id); so too a file whose slug is left
    out or mistyped, the slug being what to mend: a slug changed is told once it is one."""
    unread = [file for file in unchecked if file.slugs is None]
    unknown = [file for file in unchecked if not (file.slugs and all(map(is_slug, file.slugs)))]
    sections = {urls.section(file.lang, "practices") for file in unknown}
    sections |= {urls.section(lang, "short") for file in unread if not file.ids for lang in LANGS}
    return tuple(sorted(sections))


def _own_addresses(
    links: Iterable[tuple[str, int, int]], own_urls: tuple[str, ...]
) -> list[tuple[str, str, int, int]]:
    """The full addresses that lead into this site: (path below its address, as written, line,
    column). One that is no web address at all is reported with the text's links."""
    found = [(site_path(written, own_urls), written, line, column) for written, line, column in links]
    return [(own[1], written, line, column) for own, written, line, column in found if own]


def practice_addresses(site: Site) -> dict[str, str]:
    """Each address of a practice page (by its slug, an alias or its short address) → its id."""
    ids = {}
    for p in site.practices:
        for address in (urls.practice(p), urls.short(p.lang, p.id)):
            ids[address] = p.id
        ids |= {urls.practice_slug(p.lang, alias): p.id for alias in p.aliases}
    return ids


def _names(practice: Practice) -> set[str]:
    """What a practice's old slug is likely to be: its file's name."""
    return {PurePath(practice.source).stem}


def _only(addresses: Iterable[str]) -> str | None:
    found = list(addresses)
    return found[0] if len(found) == 1 else None
