"""The rules of a Markdown text that an editor can break, checked where Markdown reads it (code
blanked out): headings in order below the page's title, alt text on every image, text in every
link, links that lead somewhere, and HTML the sanitiser would remove and a paragraph indented
as code (warnings)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePath

from ..problems import Problem, Severity
from .characters import referenced_characters
from .html_policy import LINKS, URL_SCHEMES, misplaced_html, removed_html, scheme_of, web_address
from .text_headings import heading_problems
from .text_links import DEFINED_LINE, INDENTED, TextLink, links_in, practice_id, prose
from .text_lists import list_problems

IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]*)")
HTML_IMG = re.compile(r"<img\b(?P<attrs>[^>]*)>", re.IGNORECASE)
HTML_SRC = re.compile(r"""\bsrc\s*=\s*["']?(?P<src>[^"'\s>]*)""", re.IGNORECASE)
HTML_ALT = re.compile(r"""\balt\s*=\s*("[^"]*\S[^"]*"|'[^']*\S[^']*'|[^\s"'=<>`]+)""", re.IGNORECASE)
"""alt text however the attribute is quoted (alt="x", alt='x', alt=x), not empty."""
PRACTICE_FILE = re.compile(r"(?:\.\.?/)*(?:content/)?(?:(?:fi|sv)/)?(?P<name>[\w-]+)\.md(?P<heading>#.*)?")
"""Another practice's file ('alkukiri.md', '../sv/alkukiri.md'), which GitHub's preview follows."""
WITHOUT_ROOT = re.compile(r"(?P<up>(?:\.\./)*)(?:\./)?(?P<path>(?:static|fi|sv)/.*)")
"""An address of this site written from the file's folder ('../../static/…', which GitHub's
preview of content/fi/x.md follows) or with no slash in front ('static/…')."""
PICTURE = re.compile(r"[^/#?]+\.(?:avif|gif|jpe?g|png|svg|webp)", re.IGNORECASE)
"""A picture's file named alone, as if it lay beside the text."""
DOMAIN = re.compile(r"www\.\S+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/\S*", re.IGNORECASE)
"""What a web address without its https:// looks like: www.kotoutuminen.fi, kotoutuminen.fi/sivu."""
ANGLED_ADDRESS = re.compile(r"<(?P<address>[a-zA-Z][^<>@\s:]*)>")
"""<www.kotoutuminen.fi>: to Markdown, with no scheme, a tag (which the sanitiser removes)."""
EMPTY_LINK = re.compile(r"(?<!!)\[\s*\]\((?P<target>[^)\s]*)|<a\b[^>]*>\s*</a>", re.IGNORECASE)
"""A link with no text: [](target), [ ](target), <a href="…"></a>."""
LINK_WORDS = re.compile(r"(?<!!)\[(?P<markdown>[^\[\]\n]+)\]\(|<a\b[^>]*>(?P<html>[^<]+)</a>", re.IGNORECASE)
"""A link's text: [text](target), <a href="…">text</a>."""
VAGUE_LINK_TEXTS = frozenset(
    {
        *("tästä", "täältä", "tässä", "tänne", "tämä", "linkki", "linkistä", "lisää", "lisätietoa"),
        *("lisätietoja", "lue lisää", "klikkaa", "klikkaa tästä", "napsauta tästä", "katso tästä"),
        *("här", "hit", "länk", "länken", "mer", "läs mer", "klicka här", "se här", "mer information"),
        *("here", "click here", "read more", "more", "link", "this"),
    }
)
"""Link texts that say nothing of where a link leads (in Finnish, Swedish and English)."""
ADDRESS_END = r"[^\s<>\"'()\[\]]*[^\s<>\"'()\[\].,;:!?]"
WEB_ADDRESS = re.compile(r"(?:https?://|www\.)" + ADDRESS_END, re.IGNORECASE)
MAIL_ADDRESS = re.compile(r"[\w.+-]+@(?=[\w-]+\.)" + ADDRESS_END)
"""A web or e-mail address, which Markdown (unlike GitHub's preview) shows as text, not as a
link, when it is written as it is (see `_stands_alone`)."""
NOT_AFTER = frozenset("<[=\"'/>@.:-_")
LINK_TEXT = re.compile(r"\[[^\]]*\][(\[]")
"""A link's text, [text](…) or [text][name], where an address is what the link shows."""
FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]:?")
"""A footnote, [^1], and its note, [^1]: …, which Markdown here reads as a link and its address."""
STRUCK = re.compile(r"~~(?=\S)[^~\n]*?(?<=\S)~~")
"""Text struck through in GitHub's preview, ~~like this~~, which Markdown here shows as written."""


def text_problems(
    path: PurePath, text: str, first_line: int, after: int
) -> tuple[list[TextLink], list[Problem]]:
    """The text's links, and its problems. `first_line`: the text's line in its file; `after`:
    the level of the heading the text follows on its page (TITLE or DESCRIPTION)."""
    links = links_in(text, first_line)
    problems = list(link_problems(path, links))
    if "\n" in text or any(mark in text for mark in ("#", "](", "<", "[^", "://", "www.", "@", "~~", "&#")):
        lines, seen = text.split("\n"), prose(text).split("\n")
        problems += heading_problems(path, first_line, lines, seen, after)
        problems += list_problems(path, first_line, text, lines, seen)
        if "<" in text:
            problems += misplaced_html(path, first_line, text, "\n".join(seen))
        if text.startswith(INDENTED) or "\n    " in text or "\n\t" in text:
            problems += _code_blocks(path, first_line, lines, seen)
        for offset, line in enumerate(seen):
            if "[" in line or "<" in line or "~~" in line:  # what the rules of a line look at
                problems += _line_problems(path, first_line + offset, line)
            if "://" in line or "www." in line or "@" in line:
                problems += _bare_addresses(path, first_line + offset, line)
            if "&#" in line:
                problems += referenced_characters(path, first_line + offset, line)
    return links, problems


def _code_blocks(path: PurePath, first_line: int, lines: list[str], seen: list[str]) -> Iterator[Problem]:
    """The first line of each code block: indented by four spaces or a tab where a paragraph
    would start, most often text pasted from a document with its indentation (a warning)."""
    for index, (line, shown) in enumerate(zip(lines, seen, strict=True)):
        starts = index == 0 or not lines[index - 1].strip()
        if starts and line.startswith(INDENTED) and line.strip() and not shown.strip():
            message = (
                "this line is indented by four spaces or a tab, so the page shows it as code: in a "
                "typewriter font, without links or formatting; if it is text, remove the spaces or "
                "the tab at the start of its lines"
            )
            yield Problem(path, first_line + index, 1, message, Severity.WARNING)


def _bare_addresses(path: PurePath, number: int, line: str) -> Iterator[Problem]:
    """Addresses written as they are, which the page would show as text, not as links (a
    warning: the page is right but for the link; the web editor writes them so)."""
    if DEFINED_LINE.match(line):  # [name]: https://… gives a link its address
        return
    found = [match for match in _addresses(line) if _stands_alone(line, match.start())]
    texts = [match.span() for match in LINK_TEXT.finditer(line)] if found else []
    for match in found:
        if any(start <= match.start() < end for start, end in texts):
            continue
        address = match[0]
        link = f"https://{address}" if address.lower().startswith("www.") else address
        message = (
            f"'{address[:60]}' is shown as text, not as a link: Markdown makes a link of an address only "
            f"in <…> or [text](…); write <{link[:68]}> (in the web editor, select it and use the link button)"
        )
        yield Problem(path, number, match.start() + 1, message, Severity.WARNING)


def _addresses(line: str) -> list[re.Match[str]]:
    """The web and e-mail addresses in a line, in order, as WEB_ADDRESS and MAIL_ADDRESS would
    find them from left to right: looked for only where a '://', 'www.' or '@' is (a line is
    long, its addresses few)."""
    starts = set()
    for mark in ("://", "www.", "@"):
        at = line.find(mark)
        while at != -1:
            start, back = at, "_.+-" if mark == "@" else ""  # to the scheme's or the name's start
            while mark != "www." and start and (line[start - 1].isalnum() or line[start - 1] in back):
                start -= 1
            starts.add(start)
            at = line.find(mark, at + len(mark))
    found: list[re.Match[str]] = []
    for start in sorted(starts):
        if found and start < found[-1].end():
            continue
        match = WEB_ADDRESS.match(line, start) or MAIL_ADDRESS.match(line, start)
        if match:
            found.append(match)
    return found


def _stands_alone(line: str, start: int) -> bool:
    """Whether what starts at `start` is not in a link's target ([…](…)), an <…>, an HTML
    attribute or a longer word."""
    before = line[start - 1] if start else " "
    return not (before in NOT_AFTER or before.isalnum() or (start >= 2 and line[start - 2 : start] == "]("))


def _line_problems(path: PurePath, number: int, line: str) -> Iterator[Problem]:
    """The body rules on one line of the text, its code blanked out."""
    if note := FOOTNOTE.search(line):
        what = (
            f"'{note[0]} …' is a footnote's note" if note[0].endswith(":") else f"'{note[0]}' is a footnote"
        )
        message = (
            f"{what}, which the page cannot show as one (it would be a link that leads nowhere); write "
            "the note in the text, in brackets, or list the sources at the end under a heading of their "
            "own (## Lähteet, ## Källor)"
        )
        yield Problem(path, number, note.start() + 1, message)
    for match in STRUCK.finditer(line):
        message = (
            f"'{match[0][:60]}' is struck through in GitHub's preview, but the page shows it with its "
            "tildes, as text that holds (the site's Markdown has no strikethrough); leave out what no "
            "longer holds, or say in words what changed"
        )
        yield Problem(path, number, match.start() + 1, message)
    yield from _link_text_problems(path, number, line)
    for match in IMAGE.finditer(line):
        if not match.group("alt").strip():
            message = (
                "the image has no alt text; describe it between the brackets: "
                f"![What the picture shows]({match.group('src')})"
            )
            yield Problem(path, number, match.start() + 1, message)
        yield from _image_elsewhere(path, number, match.start("src") + 1, match["src"])
    if "<" not in line:
        return
    for column, what in removed_html(line):
        yield Problem(
            path, number, column, f"{what}; the text may use Markdown and simple HTML only", Severity.WARNING
        )
    for match in ANGLED_ADDRESS.finditer(line):
        if DOMAIN.fullmatch(address := match["address"]):
            message = (
                f"'<{address[:60]}>' is removed from the page: Markdown makes a link of an address in <…> "
                f"only with its https:// in front; write <https://{address[:60]}>"
            )
            yield Problem(path, number, match.start() + 1, message)
    for match in HTML_IMG.finditer(line):
        if not HTML_ALT.search(match.group("attrs")):
            yield Problem(
                path, number, match.start() + 1, 'the image has no alt text; add alt="what the picture shows"'
            )
        if src := HTML_SRC.search(match.group("attrs")):
            yield from _image_elsewhere(path, number, match.start() + 1, src["src"])


def _link_text_problems(path: PurePath, number: int, line: str) -> Iterator[Problem]:
    """Links on one line whose text a screen reader cannot tell where they lead by."""
    for match in EMPTY_LINK.finditer(line):
        where = (
            f"between the brackets: [Where it leads]({match['target']})"
            if match["target"] is not None
            else "between <a …> and </a>"
        )
        message = f"the link has no text, so a screen reader cannot tell where it leads; write that {where}"
        yield Problem(path, number, match.start() + 1, message)
    for match in LINK_WORDS.finditer(line):
        if vague := vague_link_text(match["markdown"] or match["html"]):
            yield Problem(path, number, match.start() + 1, vague, Severity.WARNING)


def vague_link_text(text: str) -> str | None:
    """The warning for a link text that says nothing of where the link leads; None for one
    that says something."""
    if text.strip(" \t.…:!?»›\"'").casefold() not in VAGUE_LINK_TEXTS:
        return None
    return (
        f"the link text '{text.strip()}' does not say where the link leads, and screen readers list "
        "a page's links by their text alone; name what it leads to instead (the report, the service)"
    )


def _image_elsewhere(path: PurePath, number: int, column: int, src: str) -> Iterator[Problem]:
    """An image from another site, which the site's Content-Security-Policy (img-src 'self')
    keeps the browser from loading: the page would show a broken image (and tell the other site
    who reads it)."""
    if scheme_of(src) in ("http", "https") or src.startswith("//"):
        message = (
            f"the image '{src[:60]}' is on another site, and the site's pages show only their own images; "
            "save it under static/images/ and show it from there: ![What the picture shows](/static/images/…)"
        )
        yield Problem(path, number, column, message)


def link_problems(path: PurePath, links: list[TextLink]) -> Iterator[Problem]:
    """A link that would lead to a missing page of this site (no https:// in front, or a path
    relative to the page), and a Markdown link the sanitiser would remove (HTML's are warned
    about with the rest of its HTML)."""
    for link in links:
        if found := _link_mistake(link):
            yield Problem(path, link.line, link.column, *found)


def _link_mistake(link: TextLink) -> tuple[str, Severity] | None:
    """What is wrong with one link, and how much."""
    target = link.target
    scheme = scheme_of(target)
    if " " in target and practice_id(link) is None:  # as Markdown takes it, but no valid HTML
        message = (
            f"the address '{target[:60]}' has a space, which a web address cannot hold; write each "
            f"space as %20: {target[:60].replace(' ', '%20')}"
        )
        return message, Severity.ERROR
    if scheme in ("http", "https") and not web_address(target):
        message = (
            f"the link '{target[:60]}' is not a web address a browser can open; write it in full, such "
            "as https://www.kotoutuminen.fi/"
        )
        return message, Severity.ERROR
    if scheme in URL_SCHEMES or practice_id(link) is not None or target.startswith(("/", "#")):
        return None
    if scheme and link.markdown:
        message = f"the link '{target[:60]}' is removed from the page ({LINKS})"
        return message, Severity.WARNING
    if not target:
        return "the link has no address; write it between the brackets", Severity.ERROR
    if not scheme and DOMAIN.fullmatch(target):
        message = (
            f"the link '{target[:60]}' has no https:// in front, so it would lead to a missing page "
            f"of this site; write it in full: https://{target[:60]}"
        )
        return message, Severity.ERROR
    if not scheme and (named := PRACTICE_FILE.fullmatch(target)):
        message = (
            f"the link '{target[:60]}' leads to a practice's file, which GitHub's preview follows but "
            f"the site does not have; link to the practice by its id: practice:{named['name']}"
            f"{named['heading'] or ''}"
        )
        return message, Severity.ERROR
    if not scheme and (written := WITHOUT_ROOT.fullmatch(target)):
        fixed = "/" + written["path"]
        message = (
            f"the address '{target[:60]}' is read from the file's folder in GitHub's preview, but "
            "from the page's address on the site, where it leads nowhere; write it from the site's "
            f"root: {fixed[:61]}"
            if written["up"]
            else f"the address '{target[:60]}' needs a slash in front, or it leads nowhere: {fixed[:61]}"
        )
        return message, Severity.ERROR
    if not scheme and PICTURE.fullmatch(target):
        message = (
            f"the picture '{target[:60]}' is looked for beside the page, where there is none; save it "
            f"under static/images/ and write its address from there: /static/images/{target[:60]}"
        )
        return message, Severity.ERROR
    if not scheme:
        message = (
            f"the link '{target[:60]}' would lead to a missing page of this site; write a web address "
            "in full (https://…), or link to another practice (practice:its-id), a file (/static/…) "
            "or a heading (#…)"
        )
        return message, Severity.ERROR
    return None  # another scheme in HTML: warned about with the rest of its HTML
