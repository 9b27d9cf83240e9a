"""Reading one content file: bytes → front matter (with the line and column of every value) + body.

python-frontmatter finds the front-matter block; PyYAML's composer gives every node its
position, which the library itself throws away. Positions are counted in the file, so
messages point at the line an editor sees.
"""

from __future__ import annotations

import codecs
import hashlib
from collections import Counter
from pathlib import Path, PurePath
from typing import Any, NamedTuple

import yaml

from ..conflicts import merge_conflicts
from ..problems import Problem
from .characters import unpublishable_characters
from .front_matter import boundary_problems, split_front_matter
from .yaml_comments import comments_cut_short, comments_in_place_of_values
from .yaml_errors import FRONT_MATTER_FIELDS, yaml_problem

MAX_FILE_BYTES = 1_000_000
"""A practice is a few thousand words; anything this large is a mistake (a pasted binary, say)."""
UTF16_MARKS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
"""How a file saved as UTF-16 (Windows Notepad's 'Unicode') begins."""

KeyPath = tuple[str | int, ...]


class SourceDocument(NamedTuple):
    path: PurePath
    """Path as shown to editors, relative to the project (content/fi/x.md)."""
    front: dict[str, Any]
    positions: dict[KeyPath, tuple[int, int]]
    """(key, ...) → (line, column), 1-based, in the file; () is the front matter's first line."""
    body: str
    body_line: int
    """Line of the file on which the body starts."""
    digest: str = ""
    """Hash of the file's bytes."""
    front_digest: str = ""
    """Hash of the file's path and front matter's text: unchanged by edits to the text below."""
    written: dict[KeyPath, str] = {}  # noqa: RUF012 - shared, never changed
    """(key, ...) → a plain value's text as the file has it ('no', '2024-01-05'), for messages;
    of an empty value followed by a comment ('funding: #ESR'), the comment."""
    problems: tuple[Problem, ...] = ()
    """Mistakes that do not stop reading the file (a comment that cuts a value short, a field
    given twice): they are reported with the file's other problems, all at once."""

    def where(self, *key: str | int) -> tuple[int, int]:
        """Position of a value, or of its nearest parent that exists, or of the front matter."""
        while key not in self.positions and key:
            key = key[:-1]
        return self.positions.get(key, (1, 1))


YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser where PyYAML was built with it (it gives the same positions), else Python's."""


def _problem(path: PurePath, line: int, column: int, message: str) -> Problem:
    return Problem(path, line, column, message)


def bytes_digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def link_out(file: Path, folder: Path) -> str | None:
    """What is wrong with a file that is a link to one outside `folder`, or None: a pull request
    could link a file of the machine (a key, /proc/self/environ), and static/ is published as
    it is."""
    if file.is_symlink() and not file.resolve().is_relative_to(folder.resolve()):
        return f"this is a link to a file outside {folder.name}/; copy the file here instead of linking"
    return None


def read_bytes(file: Path, shown_as: PurePath) -> bytes | list[Problem]:
    """A content file's bytes, or the problem that stops reading them."""
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            return [
                _problem(
                    shown_as,
                    1,
                    1,
                    f"the file is {size / 1_000_000:.1f} MB; a file of text here should be well "
                    f"under {MAX_FILE_BYTES // 1_000_000} MB. Remove pasted binary data, or put "
                    "large material under static/ and link to it",
                )
            ]
        return file.read_bytes()
    except OSError as error:
        return [_problem(shown_as, 1, 1, f"the file cannot be read ({error.strerror})")]


def read_source(file: Path, shown_as: PurePath) -> SourceDocument | list[Problem]:
    """Read and parse one file; return the document, or every problem that stops reading it."""
    raw = read_bytes(file, shown_as)
    return raw if isinstance(raw, list) else decode_source(raw, shown_as)


def decoded_text(raw: bytes) -> str:
    """A file's text: UTF-8 without a byte-order mark, with \\n line endings."""
    return raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")


def decoded(raw: bytes, shown_as: PurePath) -> str | list[Problem]:
    """A file's text (see `decoded_text`); or the problem at its first byte that is not UTF-8,
    at each merge conflict git left in it, or at each line with a character no page may hold
    (the rest of such a file is not worth reading)."""
    if raw.startswith(UTF16_MARKS):
        message = (
            "the file is saved as UTF-16 text (which Windows Notepad calls 'Unicode'); "
            "save it with UTF-8 encoding"
        )
        return [_problem(shown_as, 1, 1, message)]
    try:
        text = decoded_text(raw)
        return merge_conflicts(text, shown_as) or unpublishable_characters(text, shown_as) or text
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return [
            _problem(
                shown_as,
                line,
                column,
                f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x} cannot be read); "
                "save it with UTF-8 encoding",
            )
        ]


def read_text(file: Path, shown_as: PurePath) -> str | list[Problem]:
    """A file's text, or the problem that stops reading it (too large, unreadable, not UTF-8)."""
    raw = read_bytes(file, shown_as)
    return raw if isinstance(raw, list) else decoded(raw, shown_as)


def decode_source(raw: bytes, shown_as: PurePath) -> SourceDocument | list[Problem]:
    """Parse one file's bytes."""
    text = decoded(raw, shown_as)
    if isinstance(text, list):
        return text
    result = parse_source(text, shown_as)
    return result._replace(digest=bytes_digest(raw)) if isinstance(result, SourceDocument) else result


NOT_FIELDS = "the front matter must be a list of fields such as 'title: ...', one per line"


def parse_source(text: str, shown_as: PurePath) -> SourceDocument | list[Problem]:
    parts = split_front_matter(text)
    stray = boundary_problems(text, parts, shown_as)
    if parts is None:
        return stray
    composed = compose_mending(parts.front, shown_as, parts.front_line, FRONT_MATTER_FIELDS)
    if isinstance(composed, list):
        return stray + composed
    node, front_text, mistakes = composed
    mistakes = stray + mistakes
    first_line, body, body_line = parts.front_line, parts.body, parts.body_line
    if node is None:  # nothing between the two '---' lines
        return SourceDocument(
            shown_as, {}, {(): (first_line - 1, 1)}, body, body_line, problems=tuple(mistakes)
        )
    if not isinstance(node, yaml.MappingNode):
        mark = node.start_mark
        return [*mistakes, _problem(shown_as, mark.line + first_line, mark.column + 1, NOT_FIELDS)]
    positions: dict[KeyPath, tuple[int, int]] = {(): (first_line - 1, 1)}
    written: dict[KeyPath, str] = {}
    problems = _plain_yaml_problems(node, shown_as, first_line)
    slips = mistakes + [_problem(shown_as, *cut) for cut in comments_cut_short(node, front_text, first_line)]
    if problems:
        return problems + slips
    _collect_positions(node, (), (positions, written), first_line, shown_as, slips)
    written |= comments_in_place_of_values(written, positions, front_text, first_line)
    front = _constructed(node, shown_as, first_line, problems)
    if problems:
        return problems + slips
    front_digest = bytes_digest(f"{shown_as.as_posix()}\x00{first_line}\x00{front_text}".encode())
    return SourceDocument(
        shown_as,
        front,
        positions,
        body,
        body_line,
        front_digest=front_digest,
        written=written,
        problems=tuple(slips),
    )


MENDS_PER_LINE = 3
"""A line may have more than one mistake (a tab, and a colon in its value); but each mend may
add to the line (quotes, and escapes of the quotes in it), so a line is not mended forever."""
MENDED_READING = 1_000_000
"""Characters read again after mends, in all: each mend reads the whole text again, and a
file of thousands of broken lines would take minutes (an editor's has a few, in a few KB)."""


def compose_mending(
    text: str, shown_as: PurePath, first_line: int, fields: frozenset[str] = frozenset()
) -> tuple[yaml.Node | None, str, list[Problem]] | list[Problem]:
    """YAML's tree of `text`, the text as read, and its YAML mistakes. YAML stops at the first,
    so the text is read again with that line as the message says to write it, where that is
    sure (MENDS_PER_LINE times a line at most, MENDED_READING in all): every problem at once.
    Only the mistakes when the last one has no sure mend. `fields`: see yaml_problem."""
    mistakes: list[Problem] = []
    mends: Counter[int] = Counter()
    while True:
        try:
            return yaml.compose(text, Loader=YAML_LOADER), text, mistakes
        except yaml.YAMLError as error:
            mistake = yaml_problem(error, shown_as, first_line, text, fields)
            mistakes.append(mistake.problem)
            spent = (mends.total() + 1) * len(text) > MENDED_READING
            if not mistake.mended or any(mends[i] == MENDS_PER_LINE for i in mistake.mended) or spent:
                return mistakes
            lines = text.split("\n")
            for index, line in mistake.mended.items():
                lines[index] = line
                mends[index] += 1
            text = "\n".join(lines)


def _constructed(
    node: yaml.MappingNode, shown_as: PurePath, first_line: int, problems: list[Problem]
) -> dict[str, Any]:
    """The front matter's fields as Python values; a value that cannot be made is a problem."""
    loader = YAML_LOADER("")
    front: dict[str, Any] = {}
    for key_node, value_node in node.value:
        try:  # a name as written ('yes', '~'), not as YAML reads it (True, None), as its position is kept
            key = (
                key_node.value
                if isinstance(key_node, yaml.ScalarNode)
                else str(loader.construct_object(key_node, deep=True))
            )
            front[key] = loader.construct_object(value_node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as error:
            line, column = value_node.start_mark.line + first_line, value_node.start_mark.column + 1
            problems.append(
                _problem(shown_as, line, column, f"this value cannot be read ({error}); put it in quotes")
            )
    return front


PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)
"""The YAML types front matter may hold: text, numbers, true/false, dates, lists and fields."""
TIMESTAMP = "tag:yaml.org,2002:timestamp"
TEXT = "tag:yaml.org,2002:str"


def _plain_yaml_problems(root: yaml.Node, shown_as: PurePath, first_line: int) -> list[Problem]:
    """Refuse what plain front matter never needs, in one pass over the nodes: tags such as
    !!python/object (which could make anything) and aliases (*name, which can repeat a value
    exponentially: a few lines could take minutes). A value that looks like a date but is
    none (2024-02-30) is left as text, for the field's own check to report."""
    problems: list[Problem] = []
    seen: set[int] = set()
    repeated: set[int] = set()
    todo = [root]
    while todo:
        node = todo.pop()
        line, column = node.start_mark.line + first_line, node.start_mark.column + 1
        if id(node) in seen:
            message = (
                "this value is repeated elsewhere by a YAML alias (*name); write the value out "
                "where it is needed instead of using &name and *name"
            )
            if id(node) not in repeated:
                repeated.add(id(node))
                problems.append(_problem(shown_as, line, column, message))
            continue
        seen.add(id(node))
        if node.tag not in PLAIN_TAGS:
            message = (
                f"a YAML tag ({node.tag.replace('tag:yaml.org,2002:', '!!')}) is used; front matter "
                "holds only plain text, numbers, dates, lists and fields, so remove the tag"
            )
            problems.append(_problem(shown_as, line, column, message))
        elif isinstance(node, yaml.ScalarNode) and node.tag == TIMESTAMP and not _is_real_date(node):
            node.tag = TEXT
        if isinstance(node, yaml.SequenceNode):
            todo.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            todo.extend(item for pair in node.value for item in pair)
    return problems


def _is_real_date(node: yaml.ScalarNode) -> bool:
    try:
        YAML_LOADER("").construct_yaml_timestamp(node)
    except (ValueError, OverflowError):
        return False
    return True


def _collect_positions(
    node: yaml.Node,
    path: KeyPath,
    found: tuple[dict[KeyPath, tuple[int, int]], dict[KeyPath, str]],
    first_line: int,
    shown_as: PurePath,
    problems: list[Problem],
) -> None:
    """Each value's position, and each plain value's text as written (SourceDocument.written).
    Of a field given twice, the later value's, which is the one YAML reads."""
    positions, written = found
    positions[path] = (node.start_mark.line + first_line, node.start_mark.column + 1)
    if isinstance(node, yaml.ScalarNode):
        written[path] = node.value
    elif isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = key_node.start_mark.line + first_line
            if key in seen:
                problems.append(
                    _problem(
                        shown_as,
                        line,
                        key_node.start_mark.column + 1,
                        f"'{key}' is given twice (first on line {seen[key]}); keep only one",
                    )
                )
            else:
                seen[key] = line
            _collect_positions(value_node, (*path, key), found, first_line, shown_as, problems)
            if isinstance(value_node, yaml.MappingNode | yaml.SequenceNode):
                positions[(*path, key)] = (line, key_node.start_mark.column + 1)
            else:
                positions[(*path, key)] = (line, value_node.start_mark.column + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _collect_positions(item, (*path, index), found, first_line, shown_as, problems)
