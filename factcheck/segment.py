"""Split an article into claims: sentences of its body, captions and headings, with exact spans and paragraphs.

Sentence boundaries come from syntok, which tokenizes with offsets into the text,
so spans are carried, never searched for. Abbreviations that news copy puts before
a name (`Cmdr.`, `Sen.`) are joined back from `knowledge/abbreviations.toml`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

import syntok.segmenter as syntok

from factcheck.ingest import compile_any
from factcheck.knowledge import load
from factcheck.types import Article, Claim

PARAGRAPH_BREAK = re.compile(r"\r?\n[ \t]*\r?\n")
WHITESPACE = re.compile(r"\s+")
MAX_SENTENCE_CHARS = 2000
"""Longer than any sentence a reporter writes. A longer run (a page with no full stops)
is cut into pieces this long, so that extraction time stays linear in the file's length."""


@cache
def abbreviations() -> frozenset[str]:
    return frozenset(load("abbreviations")["before_name"])


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end], as offsets into `text`."""
    spans: list[tuple[int, int]] = []
    chunk = text[start:end]
    for paragraph in syntok.analyze(chunk):
        for sentence in paragraph:
            s = start + sentence[0].offset
            e = start + sentence[-1].offset + len(sentence[-1].value)
            if spans and ends_with_abbreviation(text[spans[-1][0] : spans[-1][1]]):
                s = spans.pop()[0]
            spans.append((s, e))
    return [piece for s, e in spans for piece in cut_long(text, s, e)]


def cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span longer than `MAX_SENTENCE_CHARS`, cut at white space into pieces no longer."""
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE_CHARS:
        floor = start + MAX_SENTENCE_CHARS // 2
        gaps = list(WHITESPACE.finditer(text, floor, start + MAX_SENTENCE_CHARS))
        cut, resume = (gaps[-1].start(), gaps[-1].end()) if gaps else (start + MAX_SENTENCE_CHARS,) * 2
        pieces.append((start, cut))
        start = resume
    return [*pieces, (start, end)] if start < end else pieces


def ends_with_abbreviation(sentence: str) -> bool:
    words = sentence.split()
    return bool(words) and words[-1] in abbreviations()


def paragraph_starts(text: str) -> list[int]:
    """Offsets where each blank-line-separated paragraph of the file begins."""
    return [0] + [m.end() for m in PARAGRAPH_BREAK.finditer(text)]


@cache
def not_story_pattern() -> re.Pattern[str]:
    return compile_any(load("chrome")["sentence"])


def not_story(sentence: str) -> bool:
    """A pointer to another story or a page stamp, inside the article's text (`chrome.toml` `sentence`)."""
    return bool(not_story_pattern().match(sentence.strip()))


def segment(article: Article) -> list[Claim]:
    """The claims of an article's body, then of its captions, then of its headings; facts not yet extracted.

    Body claims come first, so an article's lead is its first claims.
    """
    starts = paragraph_starts(article.text)
    claims: list[Claim] = []
    for part, spans in (("body", article.body), ("caption", article.captions), ("heading", article.headings)):
        for span_start, span_end in spans:
            for s, e in sentence_spans(article.text, span_start, span_end):
                sentence = article.text[s:e]
                if not any(ch.isalnum() for ch in sentence) or not_story(sentence):
                    continue
                claims.append(
                    Claim(
                        article=article.id,
                        start=s,
                        end=e,
                        text=sentence,
                        paragraph=bisect_right(starts, s),
                        index=len(claims),
                        part=part,
                    )
                )
    return claims
