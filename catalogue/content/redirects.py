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
    try:
        node = yaml.compose(text, Loader=YAML_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        detail = getattr(error, "problem", None) or error
        return {}, [Problem(REDIRECTS, line, column, f"this line cannot be read ({detail}); {FORM}")]
    if node is None:
        return {}, []
    if not isinstance(node, yaml.MappingNode):
        return {}, [_at(node, FORM)]
    redirects: dict[str, Redirect] = {}
    problems: list[Problem] = []
    for old_node, new_node in node.value:
        old, new = _address(old_node, problems, own_urls), _address(new_node, problems, own_urls)
        if old and not OLD.fullmatch(old):
            message = f"'/{old}' is not below fi/ or sv/, where the pages are; {FORM}"
            problems.append(_at(old_node, message))
        elif old in redirects:
            first = redirects[old].line
            problems.append(_at(old_node, f"'/{old}' is given twice (first on line {first}); keep only one"))
        elif old and new:
            redirects[old] = Redirect(new, old_node.start_mark.line + 1)
    return ({}, problems) if problems else (redirects, [])


def _address(node: yaml.Node, problems: list[Problem], own_urls: tuple[str, ...]) -> str:
    """The address a node gives, or '' and a problem."""
    if node.tag not in PLAIN and node.tag not in (SEQUENCE, MAPPING):
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        problems.append(_at(node, f"a YAML tag ({tag}) is used; write the address alone"))
    elif not isinstance(node, yaml.ScalarNode):
        problems.append(_at(node, f"this should be one address, not a list or fields; {FORM}"))
    elif not node.value:
        problems.append(_at(node, f"an address is missing here; {FORM}"))
    elif (own := site_path(node.value, own_urls)) and ADDRESS.fullmatch(below := own[1].strip("/")):
        problems.append(_at(node, f"write the address without '{own[0]}' in front: '{below}/'"))
    elif not ADDRESS.fullmatch(node.value.strip("/")):
        problems.append(
            _at(
                node,
                f"'{node.value[:80]}' is not an address of this site; an address is lowercase letters, "
                "digits and hyphens between slashes, such as 'fi/kaytannot/vanha-nimi/'",
            )
        )
    elif len(longest := max(node.value.split("/"), key=len)) > LONGEST_SEGMENT:
        message = (
            f"the part '{shortened(longest)}…' of this address is {len(longest)} characters long; keep each "
            f"part within {LONGEST_SEGMENT}"
        )
        problems.append(_at(node, message))
    else:
        return str(node.value).strip("/") + "/"
    return ""


def _at(node: yaml.Node, message: str) -> Problem:
    return Problem(REDIRECTS, node.start_mark.line + 1, node.start_mark.column + 1, message)
