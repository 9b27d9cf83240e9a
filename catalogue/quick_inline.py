"""Python-Markdown's inline stage without the calls that cannot match: the same HTML, faster.

For every run of text, Python-Markdown tries each of its ~30 inline patterns (links,
emphasis, smart quotes…) in turn, and each try goes through a Python method and a registry
lookup even when the text has no character the pattern needs. That is over a third of the
time a plain practice text takes to convert. Here each pattern's own regular expression
first scans the text (in C); when it finds nothing, the pattern could not have matched and
the try is skipped. Everything else is Python-Markdown's own code, in its own order.

The loop replaced is Markdown's private `InlineProcessor.__handleInline`; it is replaced only
when that method and the one it calls are exactly the code this was written against, so a
different Markdown version is simply not sped up. tests/test_units.py checks that converters
with and without this give the same HTML.
"""

from __future__ import annotations

import hashlib
import inspect
import re

import markdown
from markdown import util
from markdown.inlinepatterns import InlineProcessor as NewStylePattern
from markdown.treeprocessors import InlineProcessor

KNOWN_SOURCES = {
    "_InlineProcessor__handleInline": "fe27babc114aed0a",
    "_InlineProcessor__applyPattern": "8862b35197c0e614",
}
"""Short hashes of the source of the Markdown methods this relies on (Markdown 3.11)."""


def _source_hash(name: str) -> str:
    try:
        source = inspect.getsource(getattr(InlineProcessor, name))
    except (AttributeError, OSError, TypeError):
        return ""
    return hashlib.sha256(source.encode()).hexdigest()[:16]


SUPPORTED = all(_source_hash(name) == digest for name, digest in KNOWN_SOURCES.items())


def quicken(converter: markdown.Markdown) -> markdown.Markdown:
    """Speed up the converter's inline processors in place (if this Markdown is supported)."""
    if SUPPORTED:
        for processor in converter.treeprocessors:
            if type(processor) is InlineProcessor:
                _quicken(processor)
    return converter


def _quicken(processor: InlineProcessor) -> None:
    # The registry is complete once the converter is built; a tuple is indexed in one step.
    patterns = tuple(processor.inlinePatterns)
    scans: tuple[re.Pattern[str] | None, ...] = tuple(
        pattern.getCompiledRegExp() if isinstance(pattern, NewStylePattern) else None for pattern in patterns
    )
    apply = processor._InlineProcessor__applyPattern  # type: ignore[attr-defined]

    def handle_inline(data: str, pattern_index: int = 0) -> str:
        # Markdown's loop, as it is, with one test first: a pattern whose expression finds
        # nothing from `start` on returns the text unchanged and unmatched (see
        # __applyPattern), so calling it is skipped.
        if isinstance(data, util.AtomicString):
            return data
        start = 0
        count = len(patterns)
        while pattern_index < count:
            scan = scans[pattern_index]
            if scan is not None and scan.search(data, start) is None:
                pattern_index, start = pattern_index + 1, 0
                continue
            data, matched, start = apply(patterns[pattern_index], data, pattern_index, start)
            if not matched:
                pattern_index += 1
        return data

    processor.inlinePatterns = patterns  # type: ignore[assignment]
    setattr(processor, "_InlineProcessor__handleInline", handle_inline)  # noqa: B010 - a mangled name
