"""The ledger of published addresses (content/published-urls.txt).

Every address the site has ever published is listed there. An address in the ledger must
keep working: as a page, an alias of a practice, or a redirect in content/redirects.yaml.
New addresses are added by `python build.py ledger` (the deployment does it on publishing);
addresses are never removed.
"""

from __future__ import annotations

from pathlib import Path, PurePath

LEDGER = PurePath("content/published-urls.txt")
HEADER = (
    "# Every address this site has published. Addresses are added by `python build.py ledger`\n"
    "# and never removed: each must keep working (a page, an alias or content/redirects.yaml).\n"
)


def read_ledger(root: Path) -> dict[str, int]:
    """Address → line number in the ledger."""
    path = root / LEDGER
    if not path.exists():
        return {}
    entries = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        address = line.strip()
        if address and not address.startswith("#"):
            entries[address.removeprefix("/")] = number
    return entries


def write_ledger(root: Path, published: set[str]) -> int:
    """Add the addresses not yet listed; return how many were added."""
    known = read_ledger(root)
    new = published - set(known)
    if new or not (root / LEDGER).exists():
        lines = sorted(set(known) | published)
        (root / LEDGER).write_text(HEADER + "".join(f"/{address}\n" for address in lines), encoding="utf-8")
    return len(new)
