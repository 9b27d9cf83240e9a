"""The sped-up inline stage (catalogue/quick_inline.py) gives exactly Python-Markdown's HTML."""

from __future__ import annotations

import re

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from catalogue.markup import EXTENSION_CONFIGS, EXTENSIONS, with_placeholders
from catalogue.quick_inline import needed_characters, quicken

from .helpers import ROOT

STOCK = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
QUICK = quicken(markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS))

EDGE_CASES = [
    "Plain Finnish text: äidinkieli, työllisyys ja kotoutuminen.",
    "A [link](https://example.fi/a_b) and [a reference][ref] and [ref].\n\n[ref]: https://example.fi",
    "![An image](/static/kuva.png) and ![ref image][img]\n\n[img]: /static/b.png 'Title'",
    "Autolinks <https://kotoutuminen.fi/x?y=1> and mail <info@example.fi>.",
    "*em* _em_ **strong** __strong__ ***both*** *nested **strong** here* snake_case_word 2*3*4",
    "Not emphasis: * alone * and _ alone _ and a * b",
    "`code with *stars* and [brackets]` and ``double `tick` code`` and \\`escaped\\`",
    "Escapes: \\*not em\\* \\[not link\\] \\\\ backslash \\_ \\# \\!",
    "Inline <abbr title='x'>HTML</abbr>, <span>span</span>, & ampersand, &amp; &#8211; &copy; &bogus",
    "Line one  \nline two with a hard break\nline three",
    "'Single' and \"double\" quotes, it's, '90s, \"quoted 'inner' text\", ends'",
    "Dashes -- and --- and ---- and ellipsis... and .... and a - b",
    'Quotes at edges: "Start" and \'start\' — and ("paren") ["bracket"]',
    "# Heading *em*\n\n## Heading with `code` and [link](#a)\n\n### Same\n\n### Same",
    "- item *one*\n- item [two](https://x.fi)\n    - nested 'quote'\n\n1. first\n2. second",
    "| a | *b* |\n|---|---|\n| [c](d) | `e` |",
    '> quote with **strong** and "quotes"',
    "    code block *not em*\n\nafter",
    "A [practice link](practice:kielikahvila#tausta) and [another](practice:mentori).",
    "Mixed: [*em link*](https://a.fi) **[strong link](https://b.fi)** [`code link`](https://c.fi)",
    "Unclosed [bracket and *star and `tick and <tag and &amp",
    "Tricky __init__ and _a_b_ and *a*b* and ** and __",
    "<b>bold</b> text <!-- a comment --> more <script>alert(1)</script>",
    "Sähköposti: neuvonta@kunta.fi ja https://kunta.fi/sivu_1 ilman kulmasulkeita.",
]


def _same(text: str) -> None:
    assert QUICK.reset().convert(text) == STOCK.reset().convert(text), text


def test_edge_cases_convert_exactly_as_markdown_does() -> None:
    for text in EDGE_CASES:
        _same(with_placeholders(text))


def test_the_sample_content_converts_exactly_as_markdown_does() -> None:
    files = sorted((ROOT / "content").rglob("*.md"))
    assert len(files) > 10
    for file in files:
        _same(file.read_text(encoding="utf-8"))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab äö*_`[]()!<>&;#\\'\"-.\n:/@|=x1 ", max_size=80))
def test_any_text_converts_exactly_as_markdown_does(text: str) -> None:
    _same(text)


def test_the_characters_a_match_needs_are_read_from_the_expression() -> None:
    assert needed_characters(re.compile(r"(?<!\!)\[")) == ("[",)
    assert needed_characters(re.compile(r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)`)")) == ("\\", "`")
    assert needed_characters(re.compile(r"\*|_")) == ("*", "_")
    assert needed_characters(re.compile(r"(\s|--)'(?=\w)")) == ("'",)
    # No short list: optional parts, classes of characters, case-insensitive matching.
    assert needed_characters(re.compile(r"a*b?")) is None
    assert needed_characters(re.compile(r"\w+")) is None
    assert needed_characters(re.compile(r"x", re.IGNORECASE)) is None
