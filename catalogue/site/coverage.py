"""Where practices exist: the numbers behind the coverage page (themes × phases, and regions
on a schematic map), from the same lists of practices as the listings."""

from __future__ import annotations

from dataclasses import dataclass

from ..config import Lang
from ..content.model import Practice
from ..content.vocabulary import Term, Vocabulary

NATIONAL = "national"
"""The region code of practices for the whole country."""

TILES: dict[str, tuple[int, int]] = {
    "lappi": (2, 0),
    "pohjois-pohjanmaa": (2, 1),
    "kainuu": (3, 1),
    "keski-pohjanmaa": (1, 2),
    "pohjois-savo": (3, 2),
    "pohjois-karjala": (4, 2),
    "pohjanmaa": (0, 3),
    "etela-pohjanmaa": (1, 3),
    "keski-suomi": (2, 3),
    "etela-savo": (3, 3),
    "satakunta": (1, 4),
    "pirkanmaa": (2, 4),
    "paijat-hame": (3, 4),
    "etela-karjala": (4, 4),
    "ahvenanmaa": (0, 5),
    "varsinais-suomi": (1, 5),
    "kanta-hame": (2, 5),
    "kymenlaakso": (3, 5),
    "uusimaa": (2, 6),
}
"""Each region's place (column, row) on the map: a tile grid that keeps the regions'
neighbours, west to east and north to south, each tile the same size whatever the area."""
TILE_WIDTH, TILE_HEIGHT, GAP = 150, 84, 6


@dataclass(frozen=True, slots=True)
class Tile:
    term: Term
    count: int
    shade: int
    """0 (none) to 4 (most)."""
    x: int
    y: int
    lines: tuple[str, ...]
    """The region's name, in one or two lines."""


def shade(count: int, most: int) -> int:
    """0 for none; else 1–4 by the share of the largest count."""
    if count == 0 or most == 0:
        return 0
    return min(4, 1 + (4 * (count - 1)) // max(most, 1))


def two_lines(name: str) -> tuple[str, ...]:
    """A long region name split at its hyphen or space (Pohjois-|Pohjanmaa, Egentliga |Finland)."""
    if len(name) <= 13:
        return (name,)
    for mark in ("-", " "):
        head, found, tail = name.partition(mark)
        if found:
            return (head + (mark if mark == "-" else ""), tail)
    return (name,)


def theme_phase_counts(vocabulary: Vocabulary, practices: list[Practice]) -> dict[str, dict[str, int]]:
    """Theme code → phase code → how many practices have both."""
    counts = {t.code: {p.code: 0 for p in vocabulary.terms("phases")} for t in vocabulary.terms("themes")}
    for practice in practices:
        for theme in practice.themes:
            for phase in practice.phases:
                counts[theme][phase] += 1
    return counts


def coverage_context(
    vocabulary: Vocabulary, lang: Lang, practices: list[Practice], by_region: dict[str, int]
) -> dict[str, object]:
    """What coverage.html shows, in the page's language and vocabulary order; `by_region` is
    the listings' own count of practices per region code."""
    regions = vocabulary.ordered("regions", lang)
    most = max(by_region.values(), default=0)
    tiles = [
        Tile(
            term,
            by_region[term.code],
            shade(by_region[term.code], most),
            TILES[term.code][0] * (TILE_WIDTH + GAP),
            TILES[term.code][1] * (TILE_HEIGHT + GAP),
            two_lines(term.label[lang]),
        )
        for term in regions
        if term.code in TILES
    ]
    grid = theme_phase_counts(vocabulary, practices)
    most_in_a_cell = max((n for row in grid.values() for n in row.values()), default=0)
    return {
        "themes": vocabulary.ordered("themes", lang),
        "phases": vocabulary.ordered("phases", lang),
        "grid": grid,
        "grid_shade": {t: {p: shade(n, most_in_a_cell) for p, n in row.items()} for t, row in grid.items()},
        "tiles": tiles,
        "national": next((t for t in regions if t.code == NATIONAL), None),
        "by_region": by_region,
        "regions": regions,
        "map_size": (5 * (TILE_WIDTH + GAP), 7 * (TILE_HEIGHT + GAP)),
        "tile_size": (TILE_WIDTH, TILE_HEIGHT),
    }
