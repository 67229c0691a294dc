"""Which language an article is written in, by its function words (`knowledge/languages.toml`).

Only to know when two articles' embeddings can be compared at all: the default model
reads English, and puts a French and an English report of one quake far apart. A text
mostly in another script than Latin (Arabic, Cyrillic, Devanagari ...) is not English
whatever its few Latin words say.
"""

from __future__ import annotations

import re
from functools import cache

from factcheck.knowledge import load

WORD = re.compile(r"\w+")


@cache
def _words() -> dict[str, str]:
    return {w: lang for lang, words in load("languages")["words"].items() for w in words}


OTHER_SCRIPT = "other script"
SAMPLE = 2000
"""Characters read to tell the script: an article keeps one script throughout."""


def latin(letter: str) -> bool:
    """Basic Latin, Latin-1, Latin Extended A and B, and Latin Extended Additional (Vietnamese)."""
    return ord(letter) < 0x250 or 0x1E00 <= ord(letter) < 0x1F00


def language_of(text: str) -> str | None:
    """The language whose function words the text uses most (`OTHER_SCRIPT` when most of its
    letters are not Latin); None when it uses none."""
    letters = [c for c in text[:SAMPLE] if c.isalpha()]
    if sum(not latin(c) for c in letters) * 2 > len(letters):
        return OTHER_SCRIPT
    counts: dict[str, int] = {}
    for word in WORD.findall(text.lower()):
        if lang := _words().get(word):
            counts[lang] = counts.get(lang, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None
