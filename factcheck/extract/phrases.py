"""Regular expressions built from the phrase lists in the knowledge tables.

The extractors of types, places, casualties and attributions all look up lists
of phrases; building the pattern in one place keeps them agreeing on what a
word boundary is, how a space may be written, and that longer phrases win.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

HYPHENS = r"\-‐‑–—"
"""Hyphens and dashes, escaped for use inside a character class."""
UPPER = "".join(c for c in map(chr, range(0x41, 0x2000)) if c.isupper())
"""Capital letters of the Latin, Greek and Cyrillic scripts, for a character class: names
are written "Çamlıca" and "İstanbul" as often as "Camlica"."""

# A space in a phrase may be written as spaces or a hyphen ("air strike",
# "air-strike"); an apostrophe may be straight or curly.
_SEPARATOR = rf"(?:\s+|\s*[{HYPHENS}]\s*)"
_APOSTROPHE = "['’]"


def plural(word: str) -> str:
    """The regular English plural of a noun: drone -> drones, casualty -> casualties."""
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def with_plurals(phrases: Iterable[str]) -> list[str]:
    """Each phrase and the phrase with its last word in the plural (not for dotted acronyms)."""
    out: list[str] = []
    for phrase in phrases:
        out.append(phrase)
        if not phrase.endswith("."):
            head, _, last = phrase.rpartition(" ")
            out.append(f"{head} {plural(last)}".strip())
    return out


def phrase_key(phrase: str) -> str:
    """How a written phrase is looked up: one space between words, a straight apostrophe."""
    return " ".join(w for w in re.split(rf"[\s{HYPHENS}]+", phrase.replace("’", "'")) if w)


def phrase_pattern(phrases: Iterable[str], *, hyphen_joins: bool = True, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """A pattern matching any of `phrases` as whole words, the longest first.

    With `hyphen_joins`, a hyphen binds a word to its neighbour, so "fire" is not
    found in "cease-fire"; places turn it off to read "Iraq-Syria" as two names.
    """
    body = phrase_alternatives(phrases, fold_case=bool(flags & re.IGNORECASE))
    if not body:
        return re.compile(r"(?!x)x")
    edge = rf"[\w{HYPHENS}]" if hyphen_joins else r"\w"
    # A phrase ending in a full stop ("U.S.") must not demand a word boundary after it.
    return re.compile(rf"(?<!{edge})(?:{body})(?:(?<=\.)|(?!{edge}))", flags)


def phrase_alternatives(phrases: Iterable[str], *, fold_case: bool) -> str:
    """Any of `phrases` as a regex source (no word boundaries), tolerant of how spaces,
    hyphens and apostrophes are written; "" for no phrases. Lower-cased when `fold_case`
    (for a pattern compiled to ignore case), so that "U.S." and "u.s." are one branch."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase_key("".join(map(_lower, phrase)) if fold_case else phrase):
            node = node.setdefault(char, {})
        node[""] = {}
    trie.pop("", None)
    return _trie_source(trie)


def _lower(char: str) -> str:
    """A letter in lower case, unless that takes two characters ("İ"): the pattern ignores case anyway."""
    lower = char.lower()
    return lower if len(lower) == 1 else char


def _trie_source(node: dict) -> str:
    """The phrases below a trie node as one regex, shared beginnings written once.

    A scan then tries only the branches that fit the next character, not every
    phrase in turn; each optional ending is greedy, so the longest phrase still wins.
    """
    atom = {" ": _SEPARATOR, "'": _APOSTROPHE}
    branches = [atom.get(char, re.escape(char)) + _trie_source(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body


def clause_breaks(conjunctions: Iterable[str], *, after_comma: bool) -> re.Pattern[str]:
    """Where a clause ends: a semicolon, colon, dash or bracket, or one of `conjunctions`
    (only after a comma when `after_comma`)."""
    words = "|".join(map(re.escape, conjunctions))
    return re.compile(rf"[;:—–()]|\s--\s|,{'' if after_comma else '?'}\s+(?:{words})\b", re.IGNORECASE)


def clause_around(text: str, start: int, end: int, breaks: re.Pattern[str]) -> tuple[int, int]:
    """The bounds of the clause holding `text[start:end]`, clauses ending where `breaks` match.

    Each extractor brings its own breaks: a casualty word does not reach across "yet",
    while "not yet known" must stay one clause for a cause's hedge."""
    lo, hi = 0, len(text)
    for m in breaks.finditer(text):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            return lo, m.start()
    return lo, hi
