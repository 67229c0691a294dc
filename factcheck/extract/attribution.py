"""Who a sentence is attributed to: (speaker, cue), as in "X said" or "according to X".

Two outlets may report one number on different authority ("the ministry said"
against "state media reported"), or one may distance itself from a claim the
other states flatly ("claimed, without providing evidence"); a rule sees that
only when each claim carries its speaker, the speaker's type and the hedge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factcheck.extract.phrases import phrase_key, phrase_pattern
from factcheck.knowledge import load
from factcheck.types import Attribution

_NAME = r"[A-Z][\w.&'’\-]*"  # a capitalized word: "told |the Associated Press|"
_TOKEN = re.compile(r"\w[\w.'’&\-]*|[^\w\s]")
_MAX_SPEAKER_TOKENS = 12
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
# A speaker never runs back over these (the words before "the Pentagon" in
# "that the Pentagon said"), nor forward over the second set.
_STOP_BEFORE = {
    "that", "which", "what", "who", "whom", "whose", "as", "because", "although", "though", "while",
    "when", "where", "but", "if", "since", "after", "before", "so", "than", "then", "how", "why",
    "whether", "once", "until", "unless", "is", "was", "were", "are", "be", "been", "not",
}
_STOP_AFTER = frozenset({
    "who", "which", "that", "whose", "when", "while", "because", "after", "before", "since", "as",
    "but", "on", "in", "at", "last", "earlier", "late", "early", "this", "during", "if", "whether",
    "told", "said", "says", "read", "reads", "stated", "added", "today", "yesterday", "tonight",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "to", "is", "was",
    "were", "are", "has", "have", "had",
})
# An apposition names where its speaker works: "a doctor at the central hospital".
_STOP_IN_APPOSITION = _STOP_AFTER - {"in", "at", "on"}
_LEADING_FILLERS = {"and", "but", "so", "separately", "however", "meanwhile", "also", "then", "now", "still"}
_CLOSING = {",", "”", '"', "’", "'"}
_HEAD_END = {"for", "of", "in", "at", "with", "from", "on"}


@dataclass(frozen=True)
class _Cues:
    verb: re.Pattern[str]
    told_object: re.Pattern[str]
    tail: re.Pattern[str]
    introducer: re.Pattern[str]
    owner_statement: re.Pattern[str]
    statement_by: re.Pattern[str]
    read_statement: re.Pattern[str]
    not_after: frozenset[str]
    not_before: re.Pattern[str]
    inverted: frozenset[str]
    hedging_verbs: frozenset[str]
    hedges: re.Pattern[str]
    anonymity: re.Pattern[str]
    speaker_cue: re.Pattern[str]
    speaker_type: dict[str, str]
    speaker_words: frozenset[str]
    not_speaker_openers: frozenset[str]
    not_speaker_heads: frozenset[str]


def _alt(phrases: list[str]) -> str:
    """An alternation of phrases for embedding in a larger pattern (longest first)."""
    return phrase_pattern(phrases).pattern


@cache
def _cues() -> _Cues:
    t = load("attribution")
    aux = _alt(t["auxiliaries"])
    nouns, verbs = _alt(t["statement_nouns"]), _alt(t["statement_verbs"])
    types = {phrase_key(p.lower()): kind for kind, phrases in t["speaker_types"].items() for p in phrases}
    return _Cues(
        verb=re.compile(rf"(?:(?:{aux})\s+)*(?P<verb>{_alt(t['speech_verbs'])})", re.I),
        told_object=re.compile(rf"\s+(?:{_alt(t['told_objects'])}|(?:the\s+)?{_NAME}(?:\s+{_NAME})*)"),
        tail=re.compile(rf",?\s+(?:{_alt(t['cue_tails'])})", re.I),
        introducer=re.compile(rf"{_alt(t['introducers'])}\s+", re.I),
        owner_statement=re.compile(rf"['’]s\s+(?P<cue>(?:{nouns})\s+(?:{verbs}))", re.I),
        statement_by=re.compile(rf"(?:a|the)\s+(?P<noun>{nouns})\s+(?:by|from)\s+", re.I),
        read_statement=re.compile(rf"(?:read|reads)\s+(?:a|the)\s+(?:{nouns})\s+(?:by|from)\s+", re.I),
        not_after=frozenset(w.lower() for w in t["not_after"]),
        not_before=re.compile(rf"\s+(?:{_alt(t['not_before'])}|\d)", re.I),
        inverted=frozenset(t["inverted_verbs"]),
        hedging_verbs=frozenset(t["hedging_verbs"]),
        hedges=phrase_pattern(t["hedges"]),
        anonymity=phrase_pattern(t["anonymity"]),
        speaker_cue=phrase_pattern(types),
        speaker_type=types,
        speaker_words=frozenset(w for p in [*types, *t["other_speakers"]] for w in phrase_key(p.lower()).split(" ")),
        not_speaker_openers=frozenset(t["not_speakers"]["openers"]),
        not_speaker_heads=frozenset(t["not_speakers"]["heads"]),
    )


def _speakerish(word: str, cues: _Cues) -> bool:
    """Could this word end a speaker's name: a proper noun, a pronoun, or a word for a source.

    A name may begin with a lower-case particle: "al-Islam", "ul-Haq", "d'Ivoire".
    """
    proper = any(part[:1].isupper() for part in re.split(r"[-‐'’]", word))
    return proper or word.lower() in _PRONOUNS or word.lower() in cues.speaker_words


def _before(text: str, end: int, cues: _Cues) -> tuple[int, str] | None:
    """The speaker phrase that ends at `end`, and the mark that bounds it on the left ('' for a word)."""
    tokens = list(_TOKEN.finditer(text, 0, end))
    taken: list[re.Match[str]] = []
    mark = ""
    for i in range(len(tokens) - 1, -1, -1):
        word = tokens[i].group()
        low = word.lower()
        if not word[0].isalnum():
            mark = word
            break
        if low in _STOP_BEFORE or (low in {"and", "or", "&"} and not (i and _speakerish(tokens[i - 1].group(), cues))):
            break
        taken.insert(0, tokens[i])
    while taken and taken[0].group().lower() in _LEADING_FILLERS:
        taken.pop(0)
    if not taken or len(taken) > _MAX_SPEAKER_TOKENS:
        return None
    if not _plausible([m.group() for m in taken], cues):
        return None
    return taken[0].start(), mark


def _plausible(words: list[str], cues: _Cues) -> bool:
    """A speaker ends in a name, pronoun, source word or plural, or its head names a source.

    "a source familiar with the operation" passes on its head, "a source familiar".
    A negation or a noun of harm is no source, plural or not: "No injuries reported".
    """
    if words[0].lower() in cues.not_speaker_openers or words[-1].lower() in cues.not_speaker_heads:
        return False
    head = words[: next((i for i, w in enumerate(words) if w in _HEAD_END), len(words))]
    return _speakerish(words[-1], cues) or words[-1].endswith("s") or any(w.lower() in cues.speaker_words for w in head)


def _after(text: str, start: int, cues: _Cues) -> int | None:
    """End of the speaker phrase that starts at `start` ("according to |the ministry|")."""
    words = _words_until_stop(text, start)
    if not words:
        return None
    end = _without_full_stop(text, words[-1].end())
    if not _speakerish(_TOKEN.findall(text, start, end)[-1], cues):
        return None
    return _apposition(text, end, cues)


def _words_until_stop(text: str, start: int, stop: frozenset[str] = _STOP_AFTER) -> list[re.Match[str]]:
    taken: list[re.Match[str]] = []
    for m in _TOKEN.finditer(text, start):
        word = m.group()
        if not word[0].isalnum() or word.lower() in stop or len(taken) == _MAX_SPEAKER_TOKENS:
            break
        taken.append(m)
    return taken


def _without_full_stop(text: str, end: int) -> int:
    """Leave out the sentence's own full stop when a phrase runs to the end of the sentence."""
    if text[end - 1] == "." and not text[end:].strip(" ”\"’'"):
        return end - 1
    return end


_APPOSITIVE = re.compile(r",\s+(?=(?:a|an|the)\s)")


def _apposition(text: str, end: int, cues: _Cues) -> int:
    """Extend a named speaker over its apposition: "Jane Doe, a spokeswoman for the agency"."""
    m = _APPOSITIVE.match(text, end)
    words = _words_until_stop(text, m.end(), _STOP_IN_APPOSITION) if m else []
    if not m or not words or not cues.speaker_cue.search(text, m.end(), words[-1].end()):
        return end
    return _without_full_stop(text, words[-1].end())


def _is_name(text: str, start: int, end: int) -> bool:
    """Every word capitalized: "Maria L. Ortega", "Navy Cmdr. Ana Ruiz"."""
    words = _TOKEN.findall(text, start, end)
    return bool(words) and all(w[0].isupper() or not w[0].isalnum() for w in words)


def _speaker_before_verb(text: str, at: int, cues: _Cues) -> int | None:
    """Start of the speaker of a verb at `at`, across an apposition ("Ruiz, a spokeswoman, said")."""
    head = text[:at].rstrip()
    if not head.endswith(","):
        found = _before(text, len(head), cues)
        return found[0] if found else None
    second = _before(text, len(head) - 1, cues)
    if not second or second[1] != ",":
        return None
    comma = text.rindex(",", 0, second[0])
    first = _before(text, comma, cues)
    if not first:
        return None
    phrases = ((first[0], comma), (second[0], len(head) - 1))
    names = [_is_name(text, a, b) for a, b in phrases]
    typed = [bool(cues.speaker_cue.search(text, a, b)) for a, b in phrases]
    return first[0] if (names[0] and typed[1]) or (names[1] and typed[0]) else None


def _speaker_type(text: str, start: int, end: int, cues: _Cues) -> str | None:
    """The type of the cue word that ends last in the speaker's head (or, failing that, anywhere in it)."""
    if cues.anonymity.search(text, end, end + 120) or cues.anonymity.search(text, start, end):
        return "anonymous"
    head_end = end
    for m in _TOKEN.finditer(text, start, end):
        if m.group() in _HEAD_END:
            head_end = m.start()
            break
    for a, b in ((start, head_end), (start, end)):
        found = list(cues.speaker_cue.finditer(text, a, b))
        if found:
            return cues.speaker_type[phrase_key(found[-1].group().lower())]
    return None


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    speaker: tuple[int, int]
    cue: str
    rule: str


def _verb_attributions(text: str, cues: _Cues) -> list[_Found]:
    """ "X said (in a statement)" and, after a comma or a quote, "said X"."""
    found: list[_Found] = []
    for m in cues.verb.finditer(text):
        if not m.group("verb").islower():
            continue  # "the United States", "Trend Reports": a capital makes it a name
        before = _TOKEN.findall(text, 0, m.start())
        if (before and before[-1].lower() in cues.not_after) or (
            m.group("verb").lower() in cues.hedging_verbs and cues.not_before.match(text, m.end())
        ):
            continue
        verb = m.group("verb").lower()
        cue_end = m.end()
        if verb in {"told", "tells"} and (obj := cues.told_object.match(text, cue_end)):
            cue_end = obj.end()
        if tail := cues.tail.match(text, cue_end):
            cue_end = tail.end()
        cue_end = _without_full_stop(text, cue_end)
        cue = " ".join(text[m.start() : cue_end].replace(",", " ").split())
        start = _speaker_before_verb(text, m.start(), cues)
        if start is not None:
            speaker = (start, len(text[: m.start()].rstrip(" ,")))
            found.append(_Found(start, cue_end, speaker, cue, "attribution.x-said"))
        elif before and before[-1] in _CLOSING and verb in cues.inverted and (end := _after(text, m.end(), cues)):
            found.append(_Found(m.start(), end, (m.end() + _lead(text, m.end()), end), cue, "attribution.said-x"))
    return found


def _lead(text: str, pos: int) -> int:
    return len(text[pos:]) - len(text[pos:].lstrip())


def _statement_attributions(text: str, cues: _Cues) -> list[_Found]:
    """ "X's statement read", "a statement by X read", "read a statement from X", "according to X"."""
    found: list[_Found] = []
    for m in cues.owner_statement.finditer(text):
        owner = _before(text, m.start(), cues)
        if owner:
            found.append(_Found(owner[0], m.end(), (owner[0], m.start()), m.group("cue"), "attribution.statement-read"))
    for m in cues.statement_by.finditer(text):
        end = _after(text, m.end(), cues)
        verb = re.compile(r"\s+(read|reads|said|says|stated)\b", re.I).match(text, end or 0)
        if end and verb:
            cue = f"{m.group('noun')} {verb.group(1)}".lower()
            found.append(_Found(m.start(), verb.end(), (m.end(), end), cue, "attribution.statement-by"))
    introduced = ((cues.read_statement, "attribution.read-statement"), (cues.introducer, "attribution.according-to"))
    for pattern, rule in introduced:
        for m in pattern.finditer(text):
            if m.start() and re.match(r"\w", text[m.start() - 1]):
                continue
            end = _after(text, m.end(), cues)
            if end:
                found.append(_Found(m.start(), end, (m.end(), end), " ".join(m.group().split()), rule))
    return found


def extract_attributions(text: str, offset: int = 0) -> list[Attribution]:
    """The speakers a sentence cites, each with its cue, type and whether the outlet hedges."""
    cues = _cues()
    hedged_sentence = bool(cues.hedges.search(text))
    kept: list[_Found] = []
    # Statement forms first: their words ("said", "read") would otherwise be read as plain verbs.
    for f in sorted(_statement_attributions(text, cues), key=lambda f: f.start) + _verb_attributions(text, cues):
        if not any(f.start < k.end and k.start < f.end for k in kept):
            kept.append(f)
    return [
        Attribution(
            start=offset + f.start,
            end=offset + f.end,
            text=text[f.start : f.end],
            rule=f.rule,
            speaker=text[f.speaker[0] : f.speaker[1]],
            cue=f.cue,
            speaker_type=_speaker_type(text, *f.speaker, cues),
            hedged=hedged_sentence or any(w in cues.hedging_verbs for w in f.cue.lower().split()),
        )
        for f in sorted(kept, key=lambda f: f.start)
    ]
