"""The ledger of published addresses (content/published-urls.txt).

Every address the site has ever published is listed there. An address in the ledger must
keep working: as a page, an alias of a practice, or a redirect in content/redirects.yaml; a
search address with a value chosen (fi/haku/?theme=…), by the value staying a code.
New addresses are added by `python build.py ledger` (the deployment does it on publishing);
addresses are never removed.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePath

from ..problems import Problem
from .source import read_text

LEDGER = PurePath("content/published-urls.txt")
HEADER = (
    "# Every address this site has published. Addresses are added by `python build.py ledger`\n"
    "# and never removed: each must keep working (a page, an alias or content/redirects.yaml;\n"
    "# a search address by its value staying a code of content/vocabulary.yaml).\n"
)
ADDRESS = re.compile(r"/?(?:[a-z0-9-][a-z0-9.-]*(?:/[a-z0-9-][a-z0-9.-]*)*/?)?(?:\?[a-z]+=[a-z0-9-]+)?")
"""An address the site can publish: /, /fi/kaytannot/alkukiri/, /data/v1/practices.fi.csv,
/fi/haku/?theme=integration-training."""


def read_ledger(root: Path) -> tuple[dict[str, int], list[Problem]]:
    """Address → its line in the ledger; and a problem at each line that is not an address."""
    if not (root / LEDGER).exists():
        return {}, []
    text = read_text(root / LEDGER, LEDGER)
    if isinstance(text, list):
        return {}, text
    entries, problems = {}, []
    for number, line in enumerate(text.splitlines(), start=1):
        address = line.strip()
        if address and not address.startswith("#"):
            if ADDRESS.fullmatch(address):
                entries[address.removeprefix("/")] = number
            else:
                message = (
                    f"'{address[:80]}' is not an address of this site, so it cannot have been published; "
                    "remove the line (`python build.py ledger` writes the others)"
                )
                problems.append(Problem(LEDGER, number, 1, message))
    return entries, problems


def write_ledger(root: Path, published: set[str]) -> int:
    """Add the addresses not yet listed; return how many were added."""
    known, _ = read_ledger(root)  # its problems stop the build that comes first
    new = published - set(known)
    if new or not (root / LEDGER).exists():
        lines = sorted(set(known) | published)
        (root / LEDGER).write_text(HEADER + "".join(f"/{address}\n" for address in lines), encoding="utf-8")
    return len(new)
