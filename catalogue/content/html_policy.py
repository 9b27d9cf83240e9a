"""The HTML a text may carry: what the sanitiser keeps (site/markdown.py), what the check
warns about where an editor wrote something it would remove (content/text_rules.py), and the
HTML it reports as errors: a block never closed, a tag outside the one HTML puts around it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import PurePath
from urllib.parse import SplitResult, unquote, urlsplit

from ..problems import Problem, Severity

ALLOWED_TAGS = set(
    "p br hr h2 h3 h4 h5 h6 ul ol li dl dt dd a em strong b i code pre blockquote abbr span q sub sup "
    "table thead tbody tr th td caption img figure figcaption".split()
)
ALLOWED_ATTRIBUTES = {
    "*": {"lang", "title"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "h5": {"id"},
    "h6": {"id"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
_LANGUAGE = re.compile(r"(?:[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8})*)?")
VALUES = {
    "lang": (_LANGUAGE, "a language code, such as en, sv or en-GB"),
    "hreflang": (_LANGUAGE, "a language code, such as en, sv or en-GB"),
    "scope": (re.compile(r"row|col|rowgroup|colgroup"), "row, col, rowgroup or colgroup"),
    "colspan": (re.compile(r"[1-9][0-9]{0,2}"), "a number of columns, such as 2"),
    "rowspan": (re.compile(r"[0-9]{1,4}"), "a number of rows, such as 2"),
    "start": (re.compile(r"-?[0-9]{1,9}"), "a whole number, such as 3"),
    "width": (re.compile(r"[0-9]{1,5}"), "a number of pixels, such as 400"),
    "height": (re.compile(r"[0-9]{1,5}"), "a number of pixels, such as 300"),
}
"""The attributes kept only with a value of the form HTML gives them (else the page would be
invalid HTML: lang="suomi", colspan="two"), and what that form is."""


def kept_value(tag: str, name: str, value: str) -> str | None:
    """The value of an attribute the sanitiser keeps, None to remove it (see `VALUES`)."""
    rule = VALUES.get(name)
    return value if rule is None or rule[0].fullmatch(value) else None


BLOCK_TAGS = set(
    "address article aside blockquote body canvas center colgroup dd details div dl dt fieldset "
    "figcaption figure footer form group h1 h2 h3 h4 h5 h6 header hgroup html iframe legend li main "
    "map math menu nav noscript object ol option output p pre progress script section style summary "
    "table tbody td textarea tfoot th thead tr ul video".split()
)
"""The tags that begin a block of raw HTML at the start of a line (Python-Markdown's
`block_level_elements`, less hr, which holds nothing): Markdown is not read inside it, up to
the tag that closes it."""
_BLOCK_START = re.compile(r"^ {0,3}<(?P<tag>[a-zA-Z][a-zA-Z0-9]*)(?=[\s/>])[^>]*(?<!/)>", re.MULTILINE)

LINKS = "links may use http, https, mailto or tel"
_TAG = re.compile(r"<(?P<close>/?)(?P<tag>[a-zA-Z][a-zA-Z0-9]*)(?=[\s/>])(?P<attrs>[^>]*)>")
_ATTRIBUTE = re.compile(r"""(?P<name>[^\s"'>/=]+)(?:\s*=\s*(?P<value>"[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")


def removed_html(line: str) -> list[tuple[int, str]]:
    """(column, what) for each tag, attribute or link in a line of Markdown that the sanitiser
    will remove. The line's code is blanked out (text_links.prose): Markdown shows it as written."""
    found = []
    for match in _TAG.finditer(line):
        tag = match.group("tag").lower()
        column = match.start() + 1
        if tag not in ALLOWED_TAGS:
            if not match.group("close"):
                removed = f"the HTML tag <{tag}> is removed from the page"
                found.append((column, removed + _link_instead(match.group("attrs"))))
            continue
        allowed = ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(tag, set())
        for attribute in _ATTRIBUTE.finditer(match.group("attrs")):
            name = attribute.group("name").lower()
            value = (attribute.group("value") or "").strip("\"'")
            if name not in allowed:
                kept = ", ".join(sorted(allowed))
                found.append(
                    (column, f"the attribute {name} of <{tag}> is removed from the page (kept: {kept})")
                )
            elif name in {"href", "src"} and scheme_of(value) not in URL_SCHEMES | {""}:
                found.append((column, f"the link '{value[:40]}' is removed from the page ({LINKS})"))
            elif kept_value(tag, name, value) is None:
                what = f'the attribute {name}="{value[:40]}" of <{tag}> is removed from the page'
                found.append((column, f"{what} (its value is {VALUES[name][1]})"))
    return found


COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
"""An HTML comment, which the sanitiser removes with whatever it holds (one never closed is
shown as written)."""


def without_comments(text: str) -> str:
    """The text with its HTML comments blanked out (spaces, lines kept): what the page shows."""
    return COMMENT.sub(lambda comment: re.sub(r"[^\n]", " ", comment[0]), text) if "<!--" in text else text


def html_blocks(text: str) -> list[tuple[int, int | None, str]]:
    """(start, end, tag) of each block of raw HTML: where its first tag begins and its closing
    tag ends in `text`, None for a block never closed, so that Markdown takes the rest of the
    text for HTML and shows it as written (see `BLOCK_TAGS`). Markdown finds these blocks before
    it reads anything else: a line in ``` … ``` or after an unclosed ` starts one too."""
    found: list[tuple[int, int | None, str]] = []
    text = without_comments(text)  # a block of HTML commented out is none
    for start in _BLOCK_START.finditer(text):
        tag, begins = start["tag"].lower(), start.start("tag") - 1
        if tag not in BLOCK_TAGS or (found and (found[-1][1] or len(text)) > begins):
            continue
        depth, end = 0, None
        for mark in re.finditer(rf"<(/?){tag}(?=[\s/>])[^>]*?(/?)>", text[begins:], re.IGNORECASE):
            depth += -1 if mark[1] else 0 if mark[2] else 1
            if depth == 0:
                end = begins + mark.end()
                break
        found.append((begins, end, tag))
    return found


def place_of(text: str, offset: int) -> tuple[int, int]:
    """The line index and column (from 1) of an offset in `text`."""
    return text.count("\n", 0, offset), offset - text.rfind("\n", 0, offset)


COMMENT_BLOCK = re.compile(r"^ {0,3}<!--.*?-->", re.DOTALL | re.MULTILINE)
"""An HTML comment at a line's start, which Markdown takes for a block of HTML."""


def html_block_ends(lines: list[str]) -> dict[int, int]:
    """Line index → the column where the raw HTML on that line ends, for each line in a block
    of raw HTML (see html_blocks) or an HTML comment that starts a line."""
    text, ends = "\n".join(lines), dict[int, int]()
    blocks = [(start, end or len(text)) for start, end, _ in html_blocks(text)]
    for start, end in blocks + [comment.span() for comment in COMMENT_BLOCK.finditer(text)]:
        last, after = place_of(text, end)  # the column after the block, from 1
        for index in range(text.count("\n", 0, start), last + 1):
            ends[index] = max(ends.get(index, 0), after - 1 if index == last else len(lines[index]))
    return ends


def without_html_blocks(lines: list[str], ends: dict[int, int]) -> list[str]:
    """The lines with the HTML that `ends` (html_block_ends) tells of blanked out: a line all
    HTML made empty, as a line between blocks is. What follows a block's end on its line keeps
    its place."""
    return [
        line[ends[n] :] and " " * ends[n] + line[ends[n] :] if n in ends else line
        for n, line in enumerate(lines)
    ]


MARKDOWN_MARKS = re.compile(
    r"\*\*(?=\S)[^*\n]+?(?<=\S)\*\*|\[[^\]\n]+\]\([^)\s]+\)|^ {0,3}(?:#{1,6}|[-*+]|\d+\.) (?=\S)",
    re.MULTILINE,
)
"""Markdown an editor may write inside an HTML block, where it is shown as written: **bold**,
[a link](…), a heading or a list item."""


PARENTS = {"li": ("ul", "ol"), "dt": ("dl",), "dd": ("dl",), "figcaption": ("figure",)}
"""The tags that HTML allows only inside one of these, and the page keeps where they are."""


def out_of_place(text: str) -> list[tuple[int, int, str]]:
    """(line index, column, tag) of each tag of `PARENTS` written in HTML outside its parent
    (a list item without its list): invalid HTML on the page. `text` has its code blanked out."""
    found, open_parents = [], dict.fromkeys(("ul", "ol", "dl", "figure"), 0)
    for match in _TAG.finditer(text):
        tag = match["tag"].lower()
        if tag in open_parents:
            open_parents[tag] = max(0, open_parents[tag] + (-1 if match["close"] else 1))
        elif tag in PARENTS and not match["close"] and not any(open_parents[p] for p in PARENTS[tag]):
            found.append((*place_of(text, match.start()), tag))
    return found


def _link_instead(attributes: str) -> str:
    """For a tag that shows another site's page (a video, a map: <iframe src="https://…">), the
    link to write instead; "" for any other tag."""
    values = {
        found.group("name").lower(): (found.group("value") or "").strip("\"'")
        for found in _ATTRIBUTE.finditer(attributes)
    }
    address = values.get("src") or values.get("data") or ""
    if scheme_of(address) not in ("http", "https"):
        return ""
    return f" with what it shows; link to it instead: [{values.get('title') or 'What it shows'}]({address})"


def web_address(url: str) -> SplitResult | None:
    """The parts of an http(s) address a browser can open; None for anything else (no host,
    a broken [IPv6] host, a port that is no number, another scheme)."""
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises ValueError for a port that is no number
    except ValueError:
        return None
    return parts if parts.scheme in ("http", "https") and parts.hostname else None


def site_path(url: str, own_urls: Iterable[str]) -> tuple[str, str] | None:
    """For a full address of this site, the one of `own_urls` it is under and the path below
    that (%-escapes decoded); None for an address of another site, or none a browser can open."""
    if not (link := web_address(url)):
        return None
    for own in own_urls:
        base = web_address(own)
        if base and link.hostname == base.hostname and link.path.startswith(base.path):
            return own, unquote(link.path[len(base.path) :])
    return None


def scheme_of(url: str) -> str:
    """The scheme of an absolute URL (javascript: in javascript:alert(1)); "" for a relative one."""
    head = url.split("/", 1)[0]
    return head.split(":", 1)[0].lower() if ":" in head else ""


def misplaced_html(path: PurePath, first_line: int, text: str, seen: str) -> Iterator[Problem]:
    """HTML blocks and comments never closed, Markdown inside a block (a warning), and tags
    outside the one HTML allows them in. `seen`: the text with its code and comments blanked
    out."""
    for start, end, tag in html_blocks(text):
        if end is None:
            index, column = place_of(text, start)
            message = (
                f"the HTML tag <{tag}> is not closed (no </{tag}> after it), so the page shows all the "
                f"text after it as written, Markdown and all; close it with </{tag}>, or write the text "
                "in Markdown without the tag"
            )
            yield Problem(path, first_line + index, column, message)
        elif mark := MARKDOWN_MARKS.search(text, start, end):
            index, column = place_of(text, mark.start())
            shown = text[mark.start() :].split("\n", 1)[0] if mark[0].endswith(" ") else mark[0]
            message = (
                f"'{shown.strip()[:40]}' is Markdown inside the HTML block <{tag}> that begins at line "
                f"{first_line + place_of(text, start)[0]}, where the page shows it as written; write it in "
                'HTML there (<strong>…</strong>, <a href="…">…</a>), or the block in Markdown'
            )
            yield Problem(path, first_line + index, column, message, Severity.WARNING)
    for opened in re.finditer("<!--", seen):  # those closed are blanked out of `seen`
        index, column = place_of(seen, opened.start())
        message = (
            "the HTML comment is not closed (no --> after it), so the page shows it, and the text it "
            "was to hide; end it with -->"
        )
        yield Problem(path, first_line + index, column, message)
    for index, column, tag in out_of_place(seen):
        parents, parent = " or ".join(f"<{parent}>" for parent in PARENTS[tag]), PARENTS[tag][0]
        message = (
            f"the HTML tag <{tag}> is not inside {parents}, which HTML puts around it (the page would "
            f"be invalid HTML); put <{parent}> … </{parent}> around it"
            + (", or write the list in Markdown (- item)" if tag == "li" else "")
        )
        yield Problem(path, first_line + index, column, message)
