"""The links of a Markdown text as Markdown reads them: each link's or image's target, where
it is, and what it leads to. Code is left out: Markdown shows a code span or a code block as
written, so an example link in one is no link.

The check (validate.py) reports links that lead nowhere; the converter (site/markdown.py)
points links to practices at placeholders. Both find them here, so both agree."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from typing import NamedTuple
from urllib.parse import unquote

from .html_policy import html_block_ends, html_blocks, without_comments
from .model import Links


class TextLink(NamedTuple):
    target: str
    """As written, without the <…> Markdown allows around it."""
    line: int
    column: int
    start: int
    """Where the target starts in the text."""
    markdown: bool
    """Written in Markdown ([text](target), [name]: target), not in HTML (href=, src=)."""


INLINE_LINK = re.compile(
    r"""\]\([ \t]*(?:<(?P<angled>[^>\n]*)>|(?P<inline>(?:
        (?:[^()\s]|\([^()\n]*\))+                    # a word, parentheses in pairs
        (?:[ \t]+(?!["'])(?:[^()\s]|\([^()\n]*\))+)*  # more words, unless a title begins
    )?)(?=[ \t]*(?:"[^\n]*"[ \t]*|'[^\n]*'[ \t]*)?\)))  # then a title, if any, and the end""",
    re.VERBOSE,
)
"""A link's or image's target: [text](target), [text](<target>), [text](target "title"). As
Python-Markdown reads it, the target may hold spaces and parentheses in pairs: a file saved as
'raportti (2).pdf' or 'esite 2024.pdf' is linked as written."""
DEFINED_LINK = re.compile(
    r"""^\ {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*(?:<(?P<angled>[^>\n]*)>|(?P<defined>\S+
        (?:[ \t]+(?!"[^\n]*"[ \t]*$|'[^\n]*'[ \t]*$|\([^\n]*\)[ \t]*$)\S+)*  # unless a title ends the line
    ))""",
    re.MULTILINE | re.VERBOSE,
)
"""A reference's target: [name]: target (not a footnote's note, [^1]: …: see text_rules). Words
after it that are no title are taken with it: Python-Markdown reads no target in
'[opas]: /static/opas 2024.pdf', and the check asks for the %20 that makes it one."""
DEFINED_LINE = re.compile(r" {0,3}\[[^\]\n]+\]:")
"""A line that gives a reference its target: [name]: target."""
HTML_LINK = re.compile(
    r"""<[a-z][^>]*?\b(?:href|src)\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^"'\s>]*))""",
    re.IGNORECASE,
)
FULL_PAGE = re.compile(r"https?://[^/?#]+/(?:[^?#]*/)?(?:fi|sv)/", re.IGNORECASE)
"""A full address below a fi/ or sv/ folder, where this site's pages are."""
HEADING = re.compile("#")
"""A heading's line (Python-Markdown needs no space after the #)."""
UNDERLINE = re.compile(r"(?:(?P<one>=+)|-+) *$")
"""Under a block's first line, it makes that line a heading: level 1 (===) or 2 (---)."""
RULE = re.compile(r" {0,3}(?:(?:-+ {0,2}){3,}|(?:_+ {0,2}){3,}|(?:\*+ {0,2}){3,}) *$")
"""A horizontal rule (---, * * *), a line of its own."""
LIST_MARKS = tuple("-*+0123456789")
"""How a list item's line starts (after up to three spaces)."""
LIST_ITEM = re.compile(r" {0,3}(?:(?P<bullet>[*+-])|\d+\.) ")
"""A list item's first line; with sane lists, items of one list are all bulleted or numbered."""
INDENTED = ("    ", "\t")


def prose(text: str) -> str:
    """The text with its code and HTML comments blanked out (spaces, lines kept), so that what
    is found in it is where it is in the text."""
    if "`" not in text and not (text.startswith(INDENTED) or "\n    " in text or "\n\t" in text):
        return without_comments(text)
    lines = text.split("\n")
    html = html_block_ends(lines).keys() if "<" in text else set()
    for texts, in_list in _inline_texts(lines, html):
        own = lines[texts]  # in a list, without the indentation that makes them part of it
        cuts = [min(4, len(line) - len(line.lstrip(" "))) if in_list else 0 for line in own]
        joined, shown, end = "\n".join(line[cut:] for line, cut in zip(own, cuts, strict=True)), [], 0
        for start, stop in _code_spans(joined):
            shown += [joined[end:start], _blank(joined[start:stop])]
            end = stop
        seen = ("".join(shown) + joined[end:]).split("\n")
        lines[texts] = [line[:cut] + rest for line, cut, rest in zip(own, cuts, seen, strict=True)]
    return without_comments("\n".join(lines))


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def _inline_texts(lines: list[str], html: Collection[int]) -> list[tuple[slice, bool]]:
    """Blanks out the code blocks among `lines` (in place), and returns the runs of lines that
    Python-Markdown reads as one text (a paragraph, a heading, a list item), in which a code
    span may go on from line to line; each with whether it is in a list.

    A block starts after blank lines, a heading or a rule (each a line of its own wherever it
    is; a block's first line is a heading too when the line below underlines it). Lines
    indented by four spaces or a tab are code where they start a block, unless they continue a
    list; in a block that starts with a list, each item is a text. Block quotes, lists in
    lists and code in them are not told apart: what they hold is read as the block's own text
    (an example link there is taken for a link). The lines in blocks of HTML (`html`, see
    html_policy.html_block_ends), which Markdown takes out before it reads the rest, are neither
    text nor code: each ends the block and the list before it."""
    texts: list[tuple[slice, bool]] = []
    start, block_start, first_line, in_code = 0, True, False, False
    in_list: str | None = None
    """The kind of list (see `list_kind`) of the last list, while the blocks after continue it."""
    list_block: str | None = None
    """The kind of list the block starts with, whose items each start a text."""
    continuing = False
    """The block is indented to continue a list: all of it, headings too, is in the list."""
    for number, line in enumerate([*lines, ""]):
        if number in html:  # it ends the text before it, and any list
            texts += [(slice(start, number), in_list is not None)] if start < number else []
            start, block_start, first_line, in_code = number + 1, True, False, False
            in_list = list_block = None
            continue
        blank, rule = not line.strip(), bool(RULE.match(line))
        underline = first_line and not rule and bool(UNDERLINE.match(line))
        item = None if rule or underline else list_kind(line)
        if item and not block_start and item != list_block:
            item = None  # a line of a paragraph
        in_code = not blank and line.startswith(INDENTED) and (block_start or in_code) and not in_list
        heading = rule or underline or bool(HEADING.match(line, _item_end(line) if item else 0))
        if blank or heading or in_code or (item and not block_start):
            texts += [(slice(start, number), in_list is not None)] if start < number else []
            start = number if item and not block_start else number + 1
        if heading:  # a text of its own, in a list item too
            texts.append((slice(number, number + 1), in_list is not None))
        if in_code:
            lines[number] = _blank(line)
        elif block_start and not blank:
            list_block, continuing = item, bool(in_list) and line.startswith(INDENTED)
            in_list = item or (in_list if continuing else None)
        if heading and not item and not continuing:
            in_list = list_block = None
        first_line = block_start and not blank and not in_code
        block_start = blank or (heading and not item and not continuing) or in_code
    return texts


def _item_end(line: str) -> int:
    """Where a list item's text starts in its first line; 0 for any other line."""
    item = LIST_ITEM.match(line)
    return item.end() if item else 0


def list_kind(line: str) -> str | None:
    """'bullet' or 'number' for a list item's first line; None for any other line."""
    item = LIST_ITEM.match(line)
    return None if item is None else "bullet" if item["bullet"] else "number"


def _code_spans(block: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each code span in a block, found as Python-Markdown 3.11 finds them: a
    run of backticks opens one, and the next run as long closes it; failing that, the longest
    shorter run closes one opened by as many of the opening run's last backticks; failing that
    too, the search goes on twice the opening run's length further on."""
    at = 0
    while (at := block.find("`", at)) != -1:
        if at and block[at - 1] == "\\":  # an escaped backtick opens nothing
            at += 1
            continue
        ticks = _run(block, at)
        longest, longest_end, closing = 0, 0, block.find("`", at + ticks)
        while closing != -1:
            run = _run(block, closing)
            if run == ticks:
                yield at, closing + run
                at = closing + run
                break
            if run > longest:
                longest, longest_end = run, closing + run
            closing = block.find("`", closing + run)
        else:
            if 0 < longest < ticks:
                yield at + ticks - longest, longest_end
                at = longest_end
            else:
                at += 2 * ticks  # as Python-Markdown does


def _run(text: str, start: int) -> int:
    """How many backticks follow one another from `start` on."""
    end = start
    while end < len(text) and text[end] == "`":
        end += 1
    return end - start


def links_in(text: str, first_line: int) -> list[TextLink]:
    """Every link and image in a Markdown text (`first_line`: the text's line in its file). A
    Markdown link inside a block of HTML is none: the page shows it as written."""
    if "](" not in text and "]:" not in text and "<" not in text:
        return []
    seen = prose(text)
    blocks = [(start, end or len(text)) for start, end, _ in html_blocks(text)] if "<" in text else []
    found = []
    for pattern, markdown, hint in (
        (INLINE_LINK, True, "]("),
        (DEFINED_LINK, True, "]:"),
        (HTML_LINK, False, "<"),
    ):
        if hint not in seen:
            continue
        line, counted = first_line, 0  # the line of `counted`, a place in the text
        for match in pattern.finditer(seen):
            start, end = match.span(match.lastgroup or 0)  # the group that matched: the target
            if markdown and any(begins <= start < ends for begins, ends in blocks):
                continue
            line, counted = line + seen.count("\n", counted, start), start
            column = start - seen.rfind("\n", 0, start)
            found.append(TextLink(text[start:end], line, column, start, markdown))
    return sorted(found, key=lambda link: link.start)


def practice_id(link: TextLink) -> str | None:
    """The id a Markdown link to a practice leads to ([text](practice:its-id#heading))."""
    if not link.markdown or not link.target.startswith("practice:"):
        return None
    written = link.target[len("practice:") :]
    return "" if written[:1].isspace() else written.split("#", 1)[0]  # [text](practice: x): none


def links_of(found: list[TextLink]) -> Links:
    """The links that lead to a practice, a file of static/ or another page of this site, the
    full addresses that may be pages of this site, and the sections of pages links lead to."""
    practices, files, pages, full_pages, sections = [], [], [], [], []
    for link in found:
        target, where = link.target, (link.line, link.column)
        page: str | None = None
        if (practice := practice_id(link)) is not None:
            practices.append((practice, *where))
            page = f"practice:{practice}"
        elif target.startswith("/static/"):
            files.append((_path(target[len("/static/") :]), *where))
        elif target.startswith("/") and not target.startswith("//"):
            pages.append((page := _path(target[1:]), *where))
        elif FULL_PAGE.match(target):
            full_pages.append((target, *where))
        elif target.startswith("#"):
            page = ""
        heading = unquote(target.partition("#")[2])
        if page is not None and heading and heading.lower() != "top":  # #top: the page's top
            sections.append((page, heading, *where))
    return Links(tuple(practices), tuple(files), tuple(pages), tuple(full_pages), tuple(sections))


def _path(address: str) -> str:
    """The path an address leads to: without its query or fragment, %-escapes decoded (a
    browser asks for static/my photo.jpg at /static/my%20photo.jpg)."""
    return unquote(re.split("[#?]", address, maxsplit=1)[0])
