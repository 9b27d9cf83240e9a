"""Python-Markdown's inline stage without the calls that cannot match: the same HTML, faster.

For every run of text, Python-Markdown tries each of its ~30 inline patterns (links,
emphasis, smart quotes…) in turn. Each try goes through a Python method and a registry
lookup, and several patterns' expressions are slow to scan (a look-behind at every
position), even when the text has no character the pattern needs. That is over a third of
the time a plain practice text takes to convert. Here each pattern is tried only if the
text can match it:
- if every match must contain one of a few characters (found from the pattern's parsed
  expression: a `'` for a smart quote, a `[` for a link), the text must contain one of them;
- then the pattern's expression scans the text (in C), and must find something.
A pattern skipped would have returned the text unchanged and unmatched. Everything else is
Python-Markdown's own code, in its own order.

The loop replaced is Markdown's private `InlineProcessor.__handleInline`; it is replaced only
when that method and the one it calls are exactly the code this was written against, so a
different Markdown version is simply not sped up. tests/test_quick_inline.py checks that
converters with and without this give the same HTML.
"""

from __future__ import annotations

import hashlib
import inspect
import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

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


def needed_characters(regex: re.Pattern[str]) -> tuple[str, ...] | None:
    """Characters of which every match of `regex` contains at least one, or None if the
    expression gives no such short list."""
    if regex.flags & re.IGNORECASE:
        return None
    try:
        found = _needed(_parser.parse(regex.pattern, regex.flags))
    except Exception:  # an expression this reading does not know: no shortcut
        return None
    return tuple(sorted(found)) if found is not None and len(found) <= 4 else None


def _needed(sequence: Any) -> frozenset[str] | None:
    # A sequence matches only if each of its items does: the smallest set any item needs.
    best = None
    for op, argument in sequence:
        found = _needed_by_item(op, argument)
        if found is not None and (best is None or len(found) < len(best)):
            best = found
    return best


def _needed_by_item(op: Any, argument: Any) -> frozenset[str] | None:
    if op is sre.LITERAL:
        return frozenset(chr(argument))
    if op is sre.IN and all(kind is sre.LITERAL for kind, _ in argument):
        return frozenset(chr(code) for _, code in argument)
    if op is sre.SUBPATTERN:
        return _needed(argument[3])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and argument[0] >= 1:
        return _needed(argument[2])
    if op is sre.BRANCH:
        branches = [_needed(branch) for branch in argument[1]]
        if all(branch is not None for branch in branches):
            return frozenset().union(*branches)  # type: ignore[arg-type]
    return None  # anything else (look-arounds, anchors, categories) is passed over


def _quicken(processor: InlineProcessor) -> None:
    # The registry is complete once the converter is built; a tuple is indexed in one step.
    patterns = tuple(processor.inlinePatterns)
    tests: list[tuple[tuple[str, ...] | None, re.Pattern[str] | None]] = []
    for pattern in patterns:
        regex = pattern.getCompiledRegExp() if isinstance(pattern, NewStylePattern) else None
        tests.append((needed_characters(regex) if regex is not None else None, regex))
    apply = processor._InlineProcessor__applyPattern  # type: ignore[attr-defined]

    def handle_inline(data: str, pattern_index: int = 0) -> str:
        # Markdown's loop, as it is, with one test first: a pattern that cannot match from
        # `start` on returns the text unchanged and unmatched (see __applyPattern), so
        # calling it is skipped.
        if isinstance(data, util.AtomicString):
            return data
        start = 0
        count = len(patterns)
        while pattern_index < count:
            needles, regex = tests[pattern_index]
            cannot = False
            if needles is not None:
                cannot = True
                for needle in needles:
                    if needle in data:
                        cannot = False
                        break
            if not cannot and regex is not None:
                cannot = regex.search(data, start) is None
            if cannot:
                pattern_index, start = pattern_index + 1, 0
                continue
            data, matched, start = apply(patterns[pattern_index], data, pattern_index, start)
            if not matched:
                pattern_index += 1
        return data

    processor.inlinePatterns = patterns  # type: ignore[assignment]
    setattr(processor, "_InlineProcessor__handleInline", handle_inline)  # noqa: B010 - a mangled name
