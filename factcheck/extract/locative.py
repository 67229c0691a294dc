"""Which place names in a sentence say where something is (see `knowledge/locative.toml`)."""

from __future__ import annotations

import re
from functools import cache

from factcheck.extract.places import sub_city_kinds
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
        # A place read from its cue ends in a noun ("the Karacay district"): nothing follows it as its noun.
        modifier = (
            following is not None
            and following.group(1).islower()
            and following.group(1) not in after_ok
            and place.kind not in sub_city_kinds()
        )
        if (before.search(head) or chained) and not modifier:
            found.append(place)
    return found


@cache
def _home_before() -> re.Pattern[str]:
    people = "|".join(map(re.escape, load("locative")["people_of_a_place"]))
    return re.compile(rf"\b(?:{people})\s+(?:of|from)\s+(?:the\s+)?$", re.IGNORECASE)


def is_home(place: Place, text: str, offset: int = 0) -> bool:
    """Whether `place` is where a person lives or serves ("a resident of X said"),
    which says nothing of where the event happened."""
    return bool(_home_before().search(text, 0, place.start - offset))
