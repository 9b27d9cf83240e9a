"""Git's merge-conflict marks left in a file: where two changes to the same lines met, git
keeps both between its marks, and the file must be mended by hand before it means anything.
Every file the build reads as text is looked at for them: content, templates, interface
catalogues, settings and the static files published as they are."""

from __future__ import annotations

import re
from pathlib import PurePath

from .problems import Problem

CONFLICT_MARK = re.compile(r"(<{7}|\|{7}|>{7})(?: .*)?|={7}")
"""A line git writes into a file where it could not join two changes: '<<<<<<< HEAD', then
the lines of one side, '=======', the other side's, '>>>>>>> branch' ('||||||| base' before
'=======' brings the lines both started from)."""


def merge_conflicts(text: str, shown_as: PurePath) -> list[Problem]:
    """A problem at the first line of each merge conflict in the text."""
    if "<<<<<<<" not in text and ">>>>>>>" not in text:
        return []
    blocks: list[list[tuple[int, str]]] = []
    """Each conflict's mark lines: (line, text)."""
    open_block = False
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        if not CONFLICT_MARK.fullmatch(line) or (line == "=======" and not open_block):
            continue
        if line.startswith("<<<<<<<") or not open_block:
            blocks.append([])
        blocks[-1].append((number, line))
        open_block = not line.startswith(">>>>>>>")
    return [_conflict_problem(shown_as, marks) for marks in blocks]


def _conflict_problem(shown_as: PurePath, marks: list[tuple[int, str]]) -> Problem:
    first, last = marks[0][0], marks[-1][0]
    written = ", ".join(f"'{line[:60]}'" for _, line in marks)
    if len(marks) == 1:
        message = (
            f"{written} is a mark git leaves where it could not join two changes to the same lines "
            "(a merge conflict); check the text around it, keep what should stay, then delete the line"
        )
    else:
        message = (
            f"lines {first}–{last} are a merge conflict: git could not join two changes to the same "
            f"lines, so it kept both, between the marks {written}; keep the text that should stay "
            "(from one side, the other or both), then delete the lines of marks"
        )
        if not marks[-1][1].startswith(">>>>>>>"):
            message += ", and look for the end of the conflict: no line '>>>>>>> …' closes it"
    return Problem(shown_as, first, 1, message)
