"""The headings of a Markdown text as a screen reader lists them, and their rules: the page's
title its only level-1 heading, none empty, none a level deeper than the one before it allows.
The headings are those Python-Markdown makes and those written in HTML, found in the text as
written (its code blanked out) so that each is told at its line."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from pathlib import PurePath
from typing import NamedTuple

from ..problems import Problem
from .html_policy import html_block_ends, place_of, without_comments, without_html_blocks
from .text_links import INDENTED, LIST_ITEM, LIST_MARKS, RULE, UNDERLINE

TITLE, DESCRIPTION, CRITERION = 1, 2, 3
"""The levels of the headings a text follows: an about page's title (h1); a practice's
"Description" (h2, shown to screen readers only), under its title; a criterion's name (h3),
above its evidence."""
FOLLOWS = {
    TITLE: "the page's title (level 1)",
    DESCRIPTION: "a level-2 heading on its page (one only screen readers announce)",
    CRITERION: "the criterion's name, a level-3 heading",
}
HEADING = re.compile(r"(?P<marks>#{1,6})(?P<text>.*?)#*\s*$")
"""A heading's line, as Python-Markdown reads one: #s at its start, with or without a space."""


def heading_problems(
    path: PurePath, first_line: int, lines: list[str], seen: list[str], after: int
) -> Iterator[Problem]:
    """The headings as a screen reader lists them: the page's title its only level-1
    heading, none empty, and none a level deeper than the one before it allows. `seen`: the
    lines with their code blanked out."""
    previous, first = after, True
    for heading in headings(lines, seen):
        index, level, text = heading.line, heading.level, heading.text
        number, shown = first_line + index, heading.written[:60]
        if level == 1 and lines[index].startswith("#"):
            message = (
                f"'{shown}' is a level-1 heading (a line that starts with #); the title is the page's only "
                "level-1 heading, so start sections with '## ' (to show a # as it is, write \\#)"
            )
            yield Problem(path, number, 1, message)
        elif level == 1:
            message = (
                f"the line of = under '{shown}' makes it a level-1 heading; the title is the page's only "
                f"level-1 heading, so write it as '## {shown}'"
            )
            yield Problem(path, number, 1, message)
        elif not text:
            where = f"between <h{level}> and </h{level}>" if heading.html else "after the #s"
            yield Problem(
                path, number, heading.column, f"the heading '{shown}' has no text; write it {where}"
            )
        elif after == CRITERION and level <= CRITERION:
            message = (
                f"the heading '{shown}' would rank with the criteria's names (level 3) or above them for "
                "readers who move by headings; a heading in a criterion's evidence is level 4 or deeper, "
                f"so write '{heading.at(CRITERION + 1)}'"
            )
            yield Problem(path, number, heading.column, message)
        elif level > previous + 1 and first:
            message = (
                f"the heading '{shown}' skips a level for readers who move by headings: the text follows "
                f"{FOLLOWS[after]}, so its first heading is level {after + 1}"
                f"{'' if after in (TITLE, CRITERION) else ' or less'}; write '{heading.at(after + 1)}'"
            )
            yield Problem(path, number, heading.column, message)
        elif level > previous + 1:
            message = (
                f"the heading '{shown}' skips a level: after a level-{previous} heading comes level "
                f"{previous + 1} or less, so that readers who move by headings miss nothing; write "
                f"'{heading.at(previous + 1)}'"
            )
            yield Problem(path, number, heading.column, message)
        previous, first = level, False


class Heading(NamedTuple):
    line: int
    """Its line among the text's lines."""
    column: int
    level: int
    text: str
    written: str
    """As the editor wrote it: its line, or its HTML tag up to the line's end."""
    html: bool

    def at(self, level: int) -> str:
        """The heading written at another level, as it is written: in Markdown or in HTML."""
        return f"<h{level}>{self.text}</h{level}>" if self.html else f"{'#' * level} {self.text}"


def headings(lines: list[str], seen: list[str]) -> list[Heading]:
    """Every heading of the text, in its order: those Markdown makes (see `markdown_headings`)
    and those written in HTML (<h2> to <h6>; the sanitiser removes <h1> and keeps its text).
    Markdown takes blocks of HTML out before it reads anything else: no code is in them."""
    ends = html_block_ends(lines) if any("<" in line for line in lines) else {}
    outside = without_html_blocks(lines, ends), without_html_blocks(seen, ends)
    found = [
        Heading(index, 1, level, text, lines[index].strip(), False)
        for index, level, text in markdown_headings(*outside, ends.keys())
    ]
    if ends or any("<" in line for line in seen):
        html = [
            line[: ends[n]] + shown[ends[n] :] if n in ends else shown
            for n, (line, shown) in enumerate(zip(lines, seen, strict=True))
        ]
        found += html_headings("\n".join(html))
    return sorted(found, key=lambda heading: (heading.line, heading.column))


HTML_HEADING = re.compile(r"<h(?P<level>[2-6])(?=[\s/>])[^>]*>", re.IGNORECASE)


def html_headings(seen: str) -> Iterator[Heading]:
    """The headings written in HTML in a text with its code blanked out: each from its tag to
    the tag that closes it (or the text's end), its text without tags."""
    text = without_comments(seen)  # those in blocks of HTML, which `seen` has as written
    for tag in HTML_HEADING.finditer(text):
        level = int(tag["level"])
        end = re.compile(rf"</h{level}\s*>", re.IGNORECASE).search(text, tag.end())
        words = re.sub(r"<[^>]*>", " ", text[tag.end() : end.start() if end else len(text)]).split()
        index, column = place_of(text, tag.start())
        written = text[tag.start() : end.end() if end else len(text)].split("\n", 1)[0]
        yield Heading(index, column, level, " ".join(words), written, True)


def markdown_headings(
    lines: list[str], seen: list[str], html: Collection[int]
) -> Iterator[tuple[int, int, str]]:
    """(index, level, text) of each heading Markdown makes among the lines. `seen`: the lines
    with their code blanked out (a code block holds no heading; a code span in one is its
    text). A line underlined (===, ---) is a heading where it starts a block, and so is a list
    item's that starts with #s there, or as the next item of its list (with sane lists, one of
    the same kind). A block starts after a blank line, a heading, a rule, a code block or a
    block of HTML: `html`, the lines in one, which `lines` and `seen` have blanked out up to
    its end (html_policy.without_html_blocks)."""
    block_start, underline_at, code, in_list = True, -1, False, ""
    for number, (line, shown) in enumerate(zip(lines, seen, strict=True)):
        if number in html:  # what follows a block's end on its line starts a block
            block_start = True
            if not line.strip():
                continue
        # An indented line starts a code block only where a block starts; inside a paragraph
        # it is more of the paragraph, even if all of it is a code span.
        code = (
            line.startswith(INDENTED) and number not in html and not shown.strip() and (block_start or code)
        )
        heading = HEADING.match(shown) if shown.startswith("#") else None
        item = LIST_ITEM.match(shown) if shown.lstrip(" ")[:1] in LIST_MARKS else None
        kind = ("bullet" if item["bullet"] else "number") if item else ""
        if not heading and item and (block_start or in_list == kind):
            heading = HEADING.match(shown, item.end())
        below = lines[number + 1] if number + 1 < len(lines) else ""
        under = below.startswith(("=", "-")) and block_start and number != underline_at
        underline = UNDERLINE.match(below) if under and line.strip() and not code else None
        if heading:
            yield number, len(heading["marks"]), line[heading.start("text") : heading.end("text")].strip()
        elif underline:
            yield number, 1 if underline["one"] else 2, line.strip()
            underline_at = number + 1
        rule = shown.lstrip(" ")[:1] in ("-", "_", "*") and bool(RULE.match(shown))
        in_list = (in_list or (kind if block_start else "")) if line.strip() else ""
        block_start = not line.strip() or bool(heading) or number == underline_at or code or rule
