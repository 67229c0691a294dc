"""One person under several spellings and titles ("Mr. Okafor", "Chidi N. Okafor", "Okafor"),
one thing under several names ("MV Sea Lark", "the Sea Lark"; "Fourth Brigade", "4th Brigade")."""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz import fuzz

from factcheck.extract.places import fold
from factcheck.knowledge import load
from factcheck.types import Thing

ARTICLES = ("the", "a", "an")


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


def consonants(name: str) -> str:
    """A name's consonants, each once, without h, w and y: what transliterations of one name share
    ("Mohammed", "Muhammad": "md"; "Bartaula", "Bartoula": "brtl"); a misspelling changes them
    ("Brink", "Blink")."""
    letters = re.sub(r"[aeiouhwy]|[^a-z]", "", fold(name).lower())
    return re.sub(r"(.)\1+", r"\1", letters)


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
        plain = lambda s: re.sub(rf"^({'|'.join(ARTICLES)})\s+", "", s.lower().strip())  # noqa: E731
        return plain(a) == plain(b)
    if not same_spelling(x[-1], y[-1]):
        return False
    return len(x) == 1 or len(y) == 1 or same_spelling(x[0], y[0], "same_given_name")


@cache
def class_words(kind: str) -> frozenset[str]:
    """The words of a name that say what a thing of `kind` is, not which: "Express", "Tower", "Brigade", "MV"."""
    table = load("things")["kind"].get(kind, {})
    nouns = [p for key in ("suffixes", "of_heads") for p in table.get(key, [])]
    marks = [p for key in ("prefixes", "codes") for p in table.get(key, [])]
    # A class noun's last word is the class ("Power Station": "station"). Nouns that
    # only follow a name ("ferry", "plant") stay: "Ocean Tanker" is all name.
    return frozenset([*(_thing_words(p)[-1] for p in nouns), *(w for p in marks for w in _thing_words(p))])


@cache
def _ordinals() -> tuple[dict[str, str], re.Pattern[str]]:
    """Ordinal words as digits, and the shape of a written ordinal ("21st")."""
    numbers = load("numbers")
    suffixes = "|".join(numbers["shapes"]["ordinal_suffixes"])
    return {w: str(n) for w, n in numbers["ordinals"].items()}, re.compile(rf"(\d+)(?:{suffixes})")


def _thing_words(phrase: str) -> list[str]:
    """Lower-case ASCII words ("İstanbul": "istanbul"), apostrophes and punctuation out,
    ordinals as digits ("Fourth", "4th": "4")."""
    bare = re.sub(r"['’.]", "", re.sub(r"['’]s\b", "", fold(phrase).lower()))
    return [_as_digits(w) for w in re.findall(r"[^\W_]+", bare)]


def _as_digits(word: str) -> str:
    words, written = _ordinals()
    shape = written.fullmatch(word)
    return words.get(word) or (shape.group(1) if shape else word)


@cache
def thing_name(phrase: str, kind: str) -> str | None:
    """A thing's written name in a normal form: no article, "of", class word or punctuation;
    ordinals as digits. None when nothing names it ("the Express")."""
    drop = class_words(kind) | {*ARTICLES, "of"}
    return " ".join(w for w in _thing_words(phrase) if w not in drop) or None


def same_thing(a: Thing, b: Thing) -> bool:
    """Whether two mentions can be one thing: one kind, and names that agree.

    A generic mention ("the ferry") names nothing and agrees with any name. Two
    names agree when their numbers agree ("4th", "Fourth") and the words of the
    shorter are spellings of words of the longer ("4th Brigade", "4th Mechanised
    Brigade"; "Harbor View", "Harbour View"), or when the two run together
    ("Sealark", "Sea Lark").
    """
    if a.kind != b.kind:
        return False
    x, y = (thing_name(t.name, t.kind) if t.name else None for t in (a, b))
    if x is None or y is None:
        return True
    (nx, wx), (ny, wy) = _numbers_and_words(x), _numbers_and_words(y)
    if nx and ny and nx != ny:
        return False
    if not wx or not wy:
        return True
    short, long = sorted((wx, wy), key=len)
    return all(any(same_spelling(w, v) for v in long) for w in short) or same_spelling("".join(wx), "".join(wy))


def _numbers_and_words(name: str) -> tuple[set[str], list[str]]:
    """A name's numbers and codes ("4", "kx204"), which must be equal, and its other words, which may vary."""
    numbers = {w for w in name.split() if any(c.isdigit() for c in w)}
    return numbers, [w for w in name.split() if w not in numbers]
