"""Related practices: up to three practices that share the most themes with a practice."""

from __future__ import annotations

import hashlib
from functools import reduce
from itertools import combinations
from operator import and_

from ..content.model import Practice

RELATED_COUNT = 3


def related_practices(practices: list[Practice]) -> dict[str, list[Practice]]:
    """Practice id → the practices (of the same language) shown as related to it.

    Among the practices that share as many themes, those that come next after this one on a
    fixed ring of all practices (ordered by a hash of their ids). So every practice is shown
    about as often as any other, and adding or renaming one changes the related practices of
    a few pages, not of every page whose candidates it would come first among in A–Ö order.

    Each theme is a bitmask over the practices' places on the ring, so the candidates that
    share s themes are an AND of masks, and the next ones are the lowest set bits above this
    practice's place, then from the start of the ring.
    """
    ring = sorted(practices, key=lambda p: (_ring_place(p.id), p.id))
    masks: dict[str, int] = {}
    for index, practice in enumerate(ring):
        for theme in practice.themes:
            masks[theme] = masks.get(theme, 0) | (1 << index)
    return {
        practice.id: [ring[i] for i in _chosen(place, practice, masks)] for place, practice in enumerate(ring)
    }


def _chosen(place: int, practice: Practice, masks: dict[str, int]) -> list[int]:
    chosen: list[int] = []
    taken = 1 << place
    after = ~((taken << 1) - 1)
    themes = sorted(set(practice.themes))
    for shared in range(len(themes), 0, -1):
        mask = 0
        for group in combinations(themes, shared):
            mask |= reduce(and_, (masks[t] for t in group))
        mask &= ~taken
        for part in (mask & after, mask & ~after):
            while part and len(chosen) < RELATED_COUNT:
                lowest = part & -part
                chosen.append(lowest.bit_length() - 1)
                taken |= lowest
                part ^= lowest
        if len(chosen) == RELATED_COUNT:
            break
    return chosen


def _ring_place(practice_id: str) -> bytes:
    """Where a practice is on the ring: a hash of its id alone."""
    return hashlib.blake2b(practice_id.encode("utf-8"), digest_size=8).digest()
