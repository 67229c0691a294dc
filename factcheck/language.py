"""Which language an article is written in, by its function words (`knowledge/languages.toml`).

Only to know when two articles' embeddings can be compared at all: the default model
reads English, and puts a French and an English report of one quake far apart.
"""

from __future__ import annotations

import re
from functools import cache

from factcheck.knowledge import load

WORD = re.compile(r"\w+")


@cache
def _words() -> dict[str, str]:
    return {w: lang for lang, words in load("languages")["words"].items() for w in words}


def language_of(text: str) -> str | None:
    """The language whose function words the text uses most; None when it uses none."""
    counts: dict[str, int] = {}
    for word in WORD.findall(text.lower()):
        if lang := _words().get(word):
            counts[lang] = counts.get(lang, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None
