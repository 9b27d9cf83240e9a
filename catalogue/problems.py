"""Problems found in content: each carries the file, line and column it points at."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from enum import Enum
from pathlib import PurePath
from typing import NamedTuple


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"


CAUSES = frozenset({"content/vocabulary.yaml", "content/published-urls.txt"})
"""content.vocabulary.VOCABULARY and content.ledger.LEDGER, written out: those modules import this one."""


class Problem(NamedTuple):
    """One thing wrong in one place, said in plain language with the fix."""

    path: PurePath
    line: int
    column: int
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        prefix = "" if self.severity is Severity.ERROR else "warning: "
        return f"{self.path.as_posix()}:{self.line}:{self.column}: {prefix}{self.message}"

    @property
    def sort_key(self) -> tuple[bool, str, int, int, str]:
        """In file order, the files whose mistakes most often cause the practices' (the
        vocabulary, the ledger of published addresses) before the others."""
        path = self.path.as_posix()
        return (path not in CAUSES, path, self.line, self.column, self.message)


class ContentError(Exception):
    """Raised when content has problems; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: p.sort_key)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple[type[ContentError], tuple[list[Problem]]]:
        return (ContentError, (self.problems,))  # raised in a worker, reported by the parent


class ToolFailed(Exception):
    """A program the build runs (Pagefind) failed; the message says what it said."""


def closest(value: str, options: Iterable[str]) -> str | None:
    """The option `value` most likely misspells, if any is close: for a message's 'did you mean'."""
    close = difflib.get_close_matches(value, list(options), n=1)
    return close[0] if close else None
