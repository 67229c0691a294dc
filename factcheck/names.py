"""One person under several spellings and titles: "Mr. Okafor", "Chidi N. Okafor", "Okafor"."""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz import fuzz

from factcheck.knowledge import load


@cache
def titles() -> frozenset[str]:
    return frozenset(load("names")["titles"])


def name_parts(speaker: str) -> list[str]:
    """The capitalized words of a name, titles and initials left out, lower case."""
    words = re.findall(r"[\w'’-]+", speaker)
    proper = lambda w: any(part[:1].isupper() for part in re.split(r"[-'’]", w))  # noqa: E731  "al-Hassan"
    return [w.lower() for w in words if proper(w) and w.lower() not in titles() and len(w) > 1]


def same_spelling(x: str, y: str, threshold: str = "same_spelling") -> bool:
    return x == y or fuzz.ratio(x, y) >= load("names")[threshold]


def identifiable(speaker: str) -> bool:
    """Whether a speaker is one known source: a name, or one body ("the health ministry",
    "police"), not an unnamed one ("an official") or a crowd ("officials", "witnesses")."""
    if name_parts(speaker):
        return True
    words = speaker.lower().split()
    return bool(words) and words[0] not in ("a", "an", "one", "some", "several") and not words[-1].endswith("s")


def same_person(a: str, b: str) -> bool:
    """Whether two speakers' names name one person (or one body, when neither has a name).

    Surnames must match (as spellings of one name); given names, when both are
    there, too. Without a proper name on either side, the phrases must be equal.
    """
    x, y = name_parts(a), name_parts(b)
    if not x or not y:
        plain = lambda s: re.sub(r"^(the|a|an)\s+", "", s.lower().strip())  # noqa: E731
        return plain(a) == plain(b)
    if not same_spelling(x[-1], y[-1]):
        return False
    return len(x) == 1 or len(y) == 1 or same_spelling(x[0], y[0], "same_given_name")
