"""Lists that Markdown would run together with the lines around them, though GitHub's preview
(CommonMark) shows them as lists: a list with no empty line above it, a list inside an item
with fewer than four spaces, and lines that start with a bullet pasted from a word processor.
Each rule reads the blocks of lines as Python-Markdown does (property tests hold them to it)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePath

from ..problems import Problem, Severity
from .html_policy import html_block_ends, without_html_blocks
from .text_links import INDENTED, LIST_MARKS, RULE, UNDERLINE, list_kind

ITEM_BELOW = re.compile(r"\n {0,3}(?:[*+-]|\d+\.) ")
"""A list item's first line, below another line."""
TABLE_RULE = re.compile(r" *\|? *:?-+:? *(?:\| *:?-+:? *)*\|? *")
"""The line under a table's first row: | --- | :-: |."""
BULLETS = "•◦▪▫‣·∙●○■□►▶➢✓✔\uf0b7\uf0a7–—"
"""How a word processor, a PDF or an e-mail starts a list item, which Markdown does not take
for one (\uf0b7: Word's bullet in its Symbol font)."""
LINE_BREAK = re.compile(r"<br\s*/?>\s*$", re.IGNORECASE)
PASTED_BULLET = re.compile(f"^ {{0,3}}([{BULLETS}]) ", re.MULTILINE)


def list_problems(
    path: PurePath, first_line: int, text: str, lines: list[str], seen: list[str]
) -> list[Problem]:
    """The text's lists run together with other lines. `lines`: the text's lines; `seen`: the
    same with their code blanked out. Blocks of HTML are not read: Markdown takes them out
    before it reads the rest, and a line after one starts a block."""
    if "<" in text and (ends := html_block_ends(lines)):
        lines, seen = without_html_blocks(lines, ends), without_html_blocks(seen, ends)
    problems = list(_run_on_lists(path, first_line, text, lines, seen))
    if any(bullet in text for bullet in BULLETS):  # a scan for each: faster than one regex's
        problems += _pasted_bullets(path, first_line, text, lines, seen)
    return problems


def _run_on_lists(
    path: PurePath, first_line: int, text: str, lines: list[str], seen: list[str]
) -> Iterator[Problem]:
    """A list right under a line of a paragraph, a table or a list of the other kind (numbered
    under bulleted), with no empty line between: Markdown reads it as more of what is above,
    and the page runs the items together ('Tavoitteet: - yksi - kaksi') or makes table rows of
    them. Under a paragraph, a numbered line is taken for a list only under a line that ends
    with ':' or before another numbered line: alone, it may be text ('1. ja 2. luokalle').
    `lines`: the text's lines; `seen`: the same with their code blanked out. Only the blocks
    (lines with no empty line between) that have a list item below a line other than the item
    before it are looked at."""
    done, number, counted = 0, 0, 0
    for item in ITEM_BELOW.finditer(text):
        number, counted = number + 1 + text.count("\n", counted, item.start()), item.start() + 1
        if number < done or number == 0 or not lines[number - 1].strip():
            continue
        here, above = seen[number], seen[number - 1]
        if here[:1] != " " and above[:1] != " " and list_kind(above) == list_kind(here):
            continue  # the next item of a list
        block = _block(lines, number)
        done = block.stop
        yield from _run_on_in_block(path, first_line, lines, seen, block)


def _run_on_in_block(
    path: PurePath, first_line: int, lines: list[str], seen: list[str], block_lines: range
) -> Iterator[Problem]:
    """The lists run on in one block of lines (see `_run_on_lists`)."""
    block, block_indent, claimed, after_rule = "", 0, False, False
    """What the part of the block the line is in is: "" (none yet), "text", "table", "bullet" or
    "number"; how far its first line is indented; whether a table took the rest of the block;
    whether a rule ended the part before."""
    for index in block_lines:
        line, shown = lines[index], seen[index]
        mark, indent = shown.lstrip(" ")[:1], len(shown) - len(shown.lstrip(" "))
        rule = mark in ("-", "_", "*") and bool(RULE.match(shown))
        item = list_kind(shown) if mark in LIST_MARKS and not rule else None
        code = line.startswith(INDENTED) and not shown.strip()
        below = seen[index + 1] if index + 1 < len(seen) else ""
        heading = shown.startswith("#")  # splits the block, unless a table starts it
        if not line.strip() or (block != "table" and (code or heading or rule)) or (heading and not claimed):
            block, after_rule = "", rule
        elif not block:
            block = item or ("table" if "|" in shown and TABLE_RULE.fullmatch(below) else "text")
            # A table takes the rest of the block, headings too, but after a rule: Markdown
            # splits a block at its headings before it does at its rules.
            block_indent, claimed = indent, claimed or (block == "table" and not after_rule)
        elif item and block in ("bullet", "number") and indent > block_indent:
            fix = f"which needs four spaces in front of it: '    {shown.strip()[:40]}'"
            outcome = "runs it on from the line above" if item != block else "makes it an item of this list"
            message = (
                f"this line starts a list inside the item above, {fix}; with {indent}, the page {outcome}"
            )
            severity = Severity.ERROR if item != block else Severity.WARNING
            yield Problem(path, first_line + index, 1, message, severity)
        elif item and item != block:
            alone = item == "number" and list_kind(below) != "number"
            if block == "text" and alone and not lines[index - 1].rstrip().endswith(":"):
                continue
            message = (
                "this line starts a list, but with no empty line above it Markdown makes no list of "
                "it: the page runs it on from the line above; add an empty line above it"
            )
            yield Problem(path, first_line + index, 1, message)
            block = item


def _pasted_bullets(
    path: PurePath, first_line: int, text: str, lines: list[str], seen: list[str]
) -> Iterator[Problem]:
    """Lines that start with a bullet pasted from elsewhere ('• kielitaito'), in a block of two
    lines or more: Markdown makes one paragraph of the block, and the page runs its lines
    together ('Tavoitteet: • kielitaito • työelämätieto'). Reported once a block, at its first
    such line; a line that ends in a line break (two spaces or <br>) is not run on with the next."""
    reported_to = -1
    for bullet in PASTED_BULLET.finditer(text):
        number = text.count("\n", 0, bullet.start())
        if number <= reported_to or not seen[number].lstrip(" ").startswith(bullet[1]):
            continue  # a block already reported, or code
        above, here = seen[number - 1] if number else "", lines[number]
        below = seen[number + 1] if number + 1 < len(lines) else ""
        start = _paragraph_start(lines, seen, number)
        if start is None:  # a table's row or a heading
            continue
        quote = next((index for index in range(start, number) if _quotes(seen[index])), None)
        first = start if quote is None else quote  # a quote takes the rest of the part
        joined_above = number > first and _in_paragraph(above) and not _breaks(above)
        # A line break (two spaces or <br>), a quote (outside a quote) or a list item below (see
        # _run_on_lists) keep it apart from the next line.
        item_below = list_kind(below)  # in a list, the next item; a bulleted one, a list's first
        joined_below = _in_paragraph(below) and not (
            _breaks(here)
            or (_quotes(below) and quote is None)
            or (item_below and (item_below == "bullet" or list_kind(seen[start])))
        )
        if not (joined_above or joined_below):
            continue
        reported_to = _block(lines, number).stop - 1
        item = seen[number].strip()[1:].strip()[:28]
        message = (
            f"this line starts with '{bullet[1]}', which Markdown does not take for a list item: the page "
            f"runs it together with the lines next to it; write each item as '- {item}', with an empty "
            "line above the list"
        )
        yield Problem(path, first_line + number, bullet.start(1) - bullet.start() + 1, message)


def _paragraph_start(lines: list[str], seen: list[str], number: int) -> int | None:
    """The first line of the paragraph that the line (not indented) is in, or None if it is
    not in one. Python-Markdown reads a block of lines (between empty ones) with its
    processors in their order: an indented code block at its start (unless it goes on a list
    item above), a table at its start (which takes all of it), then the first heading (#, or
    its first line underlined), else the first rule, splits it, and each part is read again so."""
    block = _block(lines, number)
    start, end = block.start, block.stop
    if not _goes_on_a_list(lines, seen, start):
        while lines[start].startswith(INDENTED):
            start += 1
    while True:
        if "|" in seen[start] and start + 1 < end and TABLE_RULE.fullmatch(seen[start + 1]):
            return None
        split = _first_split(seen, start, end)
        if split is None:
            return start
        if split[0] <= number <= split[1]:
            return None
        start, end = (start, split[0]) if number < split[0] else (split[1] + 1, end)
        while lines[start].startswith(INDENTED):
            start += 1


def _first_split(seen: list[str], start: int, end: int) -> tuple[int, int] | None:
    """The first and last line of the heading, or else the rule, that splits lines start…end."""
    heading = next((index for index in range(start, end) if seen[index].startswith("#")), None)
    if heading is not None:
        return heading, heading
    if start + 1 < end and UNDERLINE.match(seen[start + 1]):  # under a part's first line only
        return start, start + 1
    rule = next((index for index in range(start, end) if RULE.match(seen[index])), None)
    return None if rule is None else (rule, rule)


def _goes_on_a_list(lines: list[str], seen: list[str], start: int) -> bool:
    """Whether the block that starts at `start`, indented, goes on a list item above it."""
    above = start - 1
    while above >= 0 and (not lines[above].strip() or lines[above].startswith(INDENTED)):
        above -= 1
    above = _block(lines, above).start if above >= 0 else above
    return above >= 0 and lines[start].startswith(INDENTED) and list_kind(seen[above]) is not None


def _block(lines: list[str], number: int) -> range:
    """The lines, with no empty line between, that the (not empty) line `number` is among."""
    start, end = number, number + 1
    while start > 0 and lines[start - 1].strip():
        start -= 1
    while end < len(lines) and lines[end].strip():
        end += 1
    return range(start, end)


def _in_paragraph(line: str) -> bool:
    """Whether a line next to a paragraph's line may be part of it: not empty, a heading or a rule."""
    return bool(line.strip()) and not _splits(line)


def _splits(line: str) -> bool:
    """Whether a line is a block of its own: a heading or a rule."""
    return line.startswith("#") or bool(RULE.match(line))


def _breaks(line: str) -> bool:
    """Whether a line ends in a line break: two spaces, or <br>."""
    return line.endswith("  ") or bool(LINE_BREAK.search(line))


def _quotes(line: str) -> bool:
    return line.lstrip(" ").startswith(">")
