"""Which place names in a sentence say where something is (see `knowledge/locative.toml`)."""

from __future__ import annotations

import re
from functools import cache

from factcheck.knowledge import load
from factcheck.types import Place


@cache
def patterns() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    table = load("locative")
    before = re.compile(rf"\b({'|'.join(map(re.escape, table['prepositions']))})\s+(the\s+)?$", re.IGNORECASE)
    joins = re.compile(rf"^\s*({'|'.join(map(re.escape, table['list_joins']))})\s*(the\s+)?$")
    return before, joins, frozenset(table["words_after_a_location"])


def locating(places: list[Place], text: str, offset: int = 0) -> list[Place]:
    """The places of `places` that `text` (which begins at `offset`) uses as locations."""
    before, joins, after_ok = patterns()
    found: list[Place] = []
    for place in places:
        head = text[: place.start - offset]
        chained = bool(found) and joins.match(text[found[-1].end - offset : place.start - offset])
        following = re.match(r"\s+([A-Za-z]+)", text[place.end - offset :])
        modifier = following is not None and following.group(1).islower() and following.group(1) not in after_ok
        if (before.search(head) or chained) and not modifier:
            found.append(place)
    return found
