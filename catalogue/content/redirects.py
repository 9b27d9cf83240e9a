"""content/redirects.yaml: old addresses that lead on to a page of the site, one per line
(`fi/kaytannot/vanha-nimi/: fi/kaytannot/`), for practices removed on purpose.

Each address is checked here for its form, at its line: it becomes a path in the output
folder and a line of `_redirects`, so nothing but lowercase letters, digits and hyphens
between slashes gets through. Whether an old address is free and a new one is a page of the
site is checked once the pages are known (`build/addresses.py`).
"""

from __future__ import annotations

import re
from pathlib import Path, PurePath

import yaml

from ..problems import Problem
from .characters import visible
from .html_policy import site_path
from .model import Redirect
from .slugs import LONGEST_SEGMENT, shortened
from .source import YAML_LOADER, read_text

REDIRECTS = PurePath("content/redirects.yaml")
ADDRESS = re.compile(r"[a-z0-9-]+(?:/[a-z0-9-]+)*")
"""A site-relative address without its slashes at either end."""
OLD = re.compile(r"(?:fi|sv)(?:/[a-z0-9-]+)+/")
"""An old address: a page below a language's folder (not the search bundle, static/, admin/)."""
FORM = (
    "each line should be 'old/address/: new/address/', for example 'fi/kaytannot/vanha-nimi/: fi/kaytannot/'"
)
PLAIN = frozenset(f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp"))
"""What YAML makes of an address written without a tag (123 is a number, but a fine address)."""
SEQUENCE, MAPPING = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


def read_redirects(root: Path, own_urls: tuple[str, ...]) -> tuple[dict[str, Redirect], list[Problem]]:
    """Old address → its redirect; or the problems, each at its line. `own_urls`: the site's
    addresses (SiteConfig.own_urls), one of which an address written in full has in front."""
    if not (root / REDIRECTS).exists():
        return {}, []
    text = read_text(root / REDIRECTS, REDIRECTS)
    if isinstance(text, list):
        return {}, text
    redirects: dict[str, Redirect] = {}
    problems: list[Problem] = []
    for number, line in enumerate(text.splitlines(), 1):
        entry = _entry(line, number, problems)
        if entry is None:
            continue
        old_node, new_node = entry
        old = _address(old_node, number, problems, own_urls)
        new = _address(new_node, number, problems, own_urls)
        if old and not OLD.fullmatch(old):
            message = f"'/{old}' is not below fi/ or sv/, where the pages are; {FORM}"
            problems.append(_at(old_node, number, message))
        elif old in redirects:
            first = redirects[old].line
            message = f"'/{old}' is given twice (first on line {first}); keep only one"
            problems.append(_at(old_node, number, message))
        elif old and new:
            redirects[old] = Redirect(new, number)
    return ({}, problems) if problems else (redirects, [])


def _entry(line: str, number: int, problems: list[Problem]) -> tuple[yaml.Node, yaml.Node] | None:
    """A line's old and new address as YAML reads them; None for a blank line or a comment,
    or (with a problem) for a line that is not one redirect. Each line is read on its own, so
    that every line's mistake is found, at its own line."""
    text = line.lstrip()
    text = " " * (len(line) - len(text)) + text  # a tab in front is no mistake here; columns stay
    try:
        node = yaml.compose(text, Loader=YAML_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        detail = getattr(error, "problem", None) or error
        message = f"this line cannot be read ({detail}); {FORM}"
        column = (mark.column + 1 if mark.line == 0 else len(line) + 1) if mark else 1  # past it: at its end
        problems.append(Problem(REDIRECTS, number, column, message))
        return None
    if node is None:
        return None
    if isinstance(node, yaml.MappingNode) and len(node.value) == 1:
        old, new = node.value[0]
        return old, new
    missing = ":" not in line and isinstance(node, yaml.ScalarNode)
    problems.append(
        _at(node, number, f"the ':' after the old address is missing; {FORM}" if missing else FORM)
    )
    return None


def _address(node: yaml.Node, number: int, problems: list[Problem], own_urls: tuple[str, ...]) -> str:
    """The address a node gives, or '' and a problem."""
    if node.tag not in PLAIN and node.tag not in (SEQUENCE, MAPPING):
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        problems.append(_at(node, number, f"a YAML tag ({tag}) is used; write the address alone"))
    elif not isinstance(node, yaml.ScalarNode):
        problems.append(_at(node, number, f"this should be one address, not a list or fields; {FORM}"))
    elif not node.value:
        problems.append(_at(node, number, f"an address is missing here; {FORM}"))
    elif (own := site_path(node.value, own_urls)) and ADDRESS.fullmatch(below := own[1].strip("/")):
        problems.append(_at(node, number, f"write the address without '{own[0]}' in front: '{below}/'"))
    elif not ADDRESS.fullmatch(node.value.strip("/")):
        problems.append(
            _at(
                node,
                number,
                f"'{visible(node.value[:80])}' is not an address of this site; an address is lowercase "
                "letters, digits and hyphens between slashes, such as 'fi/kaytannot/vanha-nimi/'",
            )
        )
    elif len(longest := max(node.value.split("/"), key=len)) > LONGEST_SEGMENT:
        message = (
            f"the part '{shortened(longest)}…' of this address is {len(longest)} characters long; keep each "
            f"part within {LONGEST_SEGMENT}"
        )
        problems.append(_at(node, number, message))
    else:
        return str(node.value).strip("/") + "/"
    return ""


def _at(node: yaml.Node, number: int, message: str) -> Problem:
    """A problem at line `number`, at the node's column."""
    return Problem(REDIRECTS, number, node.start_mark.column + 1, message)
