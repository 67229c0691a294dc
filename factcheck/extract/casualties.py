"""Reports of deaths and injuries: outcome, count, group and polarity.

"Four were killed", "no one was hurt", "no immediate reports of casualties" and
"too early to assess" say four different things; a casualty rule must tell a
conflict (a count against "no one") from a gap in knowledge (a count against
"no reports yet") and from a claim of nothing at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factcheck.extract.phrases import clause_around, clause_breaks, phrase_key, phrase_pattern, plural
from factcheck.extract.quantities import extract_quantities
from factcheck.knowledge import load
from factcheck.types import Casualty, Quantity

OUTCOMES = ("killed", "injured", "casualties")
_WORD = re.compile(r"[\w'’.\-]+")
_COORDINATION = re.compile(r"\s*(?:,|and|or|nor|and/or|as well as)?\s*", re.I)
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
# A count right after one of these is a time or a place, not the harmed ("killed in 2019").
_NOT_COUNT_AFTER = {"in", "on", "at", "since", "by", "until", "from", "within", "after", "before", "during"}
_NEGATION_REACH = 6  # words before a cue that a negator may stand in ("no Americans have been hurt")
_OF_ANOTHER = re.compile(r"\b(?:the|their|its|his|her)\s+\w+(?:\s+\w+)?\s+of\s+(?:the\s+|those\s+)?\Z")
"""Between a negator and a cue, a noun the cue belongs to ("not mentioned the age of the"):
the negation is of that noun, not of the harm."""
_AFTER_REACH = 5  # words after a cue that may carry its polarity ("no deaths were reported")
_COUNT_REACH_BEFORE = 6  # words between a count and its cue ("four of its fighters were killed")
_COUNT_REACH_AFTER = 5  # words between a cue and its count ("the death toll from the floods rose to 45")
# A count joined to its cue this way counts some of the harmed, not all ("four of the injured").
_PARTITIVE = re.compile(r"\s+of\s+(?:the|those|these)\s+", re.I)


@dataclass(frozen=True)
class _Lexicon:
    cues: re.Pattern[str]
    outcome: dict[str, str]
    active: frozenset[str]
    weak: frozenset[str]
    not_casualties: re.Pattern[str]
    negators: re.Pattern[str]
    negated_after: re.Pattern[str]
    subject_negators: re.Pattern[str]
    partitive_negators: re.Pattern[str]
    report_words: re.Pattern[str]
    uncertain: re.Pattern[str]
    unspecified: re.Pattern[str]
    passive: frozenset[str]
    participles: frozenset[str]
    tallies: frozenset[str]
    groups: re.Pattern[str]
    group: dict[str, str]


GENERIC_GROUPS = (None, "person")
"""Groups that name no one in particular: "12 people" and "12" count the same group."""


def same_group(x: str | None, y: str | None) -> bool:
    return x == y or (x in GENERIC_GROUPS and y in GENERIC_GROUPS)


def group_of(noun: str) -> str | None:
    """The harmed group a counted noun names ("children" -> "child"), or None if it names none."""
    lex = _lexicon()
    return next((lex.group[k] for k in (_key(noun), _key(plural(noun))) if k in lex.group), None)


def _key(phrase: str) -> str:
    return phrase_key(phrase.lower())


@cache
def _lexicon() -> _Lexicon:
    t = load("casualties")
    outcome = {_key(p): kind for kind in OUTCOMES for role in ("active", "other") for p in t[kind].get(role, [])}
    group = {_key(form): name for name, forms in t["groups"].items() for form in forms}
    for info in load("gazetteer")["country"].values():
        for demonym in info.get("demonyms", []):
            group.setdefault(_key(plural(demonym)), demonym.lower())
            for noun in t["nationality_nouns"]:
                group.setdefault(_key(f"{demonym} {noun}"), demonym.lower())
    return _Lexicon(
        cues=phrase_pattern(outcome),
        outcome=outcome,
        active=frozenset(_key(p) for kind in OUTCOMES for p in t[kind].get("active", [])),
        weak=frozenset(_key(p) for p in t["weak"]),
        not_casualties=phrase_pattern(t["not_casualties"]),
        negators=phrase_pattern(t["negators"]),
        negated_after=re.compile(rf"\s+(?:{phrase_pattern(t['negated_after']).pattern})", re.I),
        subject_negators=phrase_pattern(t["subject_negators"]),
        partitive_negators=phrase_pattern(t["partitive_negators"]),
        report_words=phrase_pattern(t["report_words"]),
        uncertain=phrase_pattern(t["uncertain"]),
        unspecified=phrase_pattern(t["unspecified_counts"]),
        passive=frozenset(t["passive_markers"]),
        participles=frozenset(_key(p) for p in t["participles"]),
        tallies=frozenset(_key(p) for p in t["tallies"]),
        groups=phrase_pattern(group),
        group=group,
    )


@cache
def _clause_breaks() -> re.Pattern[str]:
    return clause_breaks(load("casualties")["clause_breaks"], after_comma=False)


def _words(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end))


def _window_start(text: str, lo: int, end: int, words: int) -> int:
    """Where the last `words` words before `end` (not before `lo`) begin."""
    found = list(_WORD.finditer(text, lo, end))
    return found[-words].start() if len(found) >= words else lo


def _window_end(text: str, start: int, hi: int, words: int) -> int:
    found = list(_WORD.finditer(text, start, hi))
    return found[words - 1].end() if len(found) >= words else hi


@dataclass(frozen=True)
class _Polarity:
    """How a clause frames a cue, and the words that frame it."""

    value: str
    start: int
    end: int
    counted: bool = True
    """False for "an undisclosed number": asserted, but no count may be read."""


def _polarity(text: str, cue: re.Match[str], lo: int, hi: int, lex: _Lexicon) -> _Polarity | None:
    """How the clause frames the cue; None when it is a plain report of harm."""
    near_end = _window_end(text, cue.end(), hi, _AFTER_REACH)
    near_start = _window_start(text, lo, cue.start(), _NEGATION_REACH)
    if m := _last(lex.unspecified, text, near_start, cue.start()) or lex.unspecified.search(text, cue.end(), near_end):
        return _Polarity("asserted", min(m.start(), cue.start()), max(m.end(), cue.end()), counted=False)
    if (m := _last(lex.uncertain, text, lo, cue.start())) or (m := lex.uncertain.search(text, cue.end(), near_end)):
        return _Polarity("uncertain", min(m.start(), cue.start()), max(m.end(), cue.end()))
    # A negator reaches as far after its last word as one word does ("not aware of any Americans among the casualties").
    negator = _last(lex.negators, text, lo, cue.start())
    if negator and _words(text, negator.end(), cue.start()) >= _NEGATION_REACH:
        negator = None
    if negator and _OF_ANOTHER.search(text, negator.end(), cue.start()):
        negator = None  # "did not release the names of the victims" denies the names, not the harm
    negator = negator or _last(lex.partitive_negators, text, lo, cue.start())
    after = lex.negated_after.match(text, cue.end())
    later_negator = lex.negators.search(text, cue.end(), near_end)
    report_after = lex.report_words.search(text, cue.end(), near_end)
    if negator:
        # A report word inside the negator counts too: "not aware of any" denies knowledge, not harm.
        if lex.report_words.search(text, negator.start(), cue.start()):
            return _Polarity("absent_report", negator.start(), cue.end())
        if report_after:
            return _Polarity("absent_report", negator.start(), report_after.end())
        return _Polarity("none", negator.start(), cue.end())
    if after:
        return _Polarity("none", cue.start(), after.end())
    if later_negator and report_after and later_negator.start() < report_after.start():
        return _Polarity("absent_report", cue.start(), report_after.end())
    return None


def _last(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    found = list(pattern.finditer(text, start, end))
    return found[-1] if found else None


def _is_head_count(q: Quantity, lex: _Lexicon) -> bool:
    """A count of people: no unit, or a unit that names people or harm; not a year."""
    if q.unit is None:
        return not _YEAR.fullmatch(q.text.strip())
    unit = _key(q.unit)
    return any(p.fullmatch(u) for p in (lex.groups, lex.cues) for u in (unit, plural(unit)))


def _count(
    text: str, cue: re.Match[str], lo: int, hi: int, counts: list[Quantity], active: bool, tally: bool
) -> Quantity | None:
    """The count of a cue: after an active verb ("killing 12"), otherwise before ("12 were killed", "12 dead").

    A count whose counted noun is the cue itself ("scores of injuries") comes first.
    """
    around = [q for q in counts if q.start <= cue.start() and cue.end() <= q.end]
    if around:
        return around[0]
    before = [
        q
        for q in counts
        if lo <= q.start and q.end <= cue.start() and _words(text, q.end, cue.start()) <= _COUNT_REACH_BEFORE
        and not _PARTITIVE.fullmatch(text, q.end, cue.start())
    ]
    after = [
        q
        for q in counts
        if cue.end() <= q.start and q.end <= hi and _words(text, cue.end(), q.start) <= _COUNT_REACH_AFTER
        and ((last := (_WORD.findall(text, cue.end(), q.start) or [""])[-1].lower()) not in _NOT_COUNT_AFTER
             or (tally and last == "at"))
    ]
    nearest_before = max(before, key=lambda q: q.end) if before else None
    nearest_after = min(after, key=lambda q: q.start) if after else None
    if active:
        return nearest_after or nearest_before
    return nearest_before or nearest_after


def _headline_passive(text: str, cue: re.Match[str], lo: int, counts: list[Quantity], lex: _Lexicon) -> bool:
    """A participle with its auxiliary dropped, as headlines write it: "Two killed, 14 hurt".

    A count right before the participle is its subject unless a count follows it at
    once, as an object does ("the two gunmen killed 12 people").
    """
    if _key(cue.group()) not in lex.participles:
        return False
    subject = any(lo <= q.start and q.end <= cue.start() and not _WORD.search(text, q.end, cue.start()) for q in counts)
    return subject and not any(q.start >= cue.end() and not text[cue.end() : q.start].strip() for q in counts)


def _group(text: str, lo: int, hi: int, core: tuple[int, int], look_back: bool, lex: _Lexicon) -> re.Match | None:
    """The harmed group: inside the phrase of count, frame and cue, or just after it ("killing one |child|").

    With `look_back` (no count, and no active verb whose object follows), a group a
    few words before the cue counts too ("civilians may have been killed").
    """
    comma = text.find(",", core[1], hi)
    reach_after = _window_end(text, core[1], hi if comma == -1 else comma, _AFTER_REACH - 2)
    reach_before = _window_start(text, lo, core[0], _NEGATION_REACH) if look_back else core[0]
    near = list(lex.groups.finditer(text, max(lo, reach_before), reach_after))
    inside = [m for m in near if core[0] <= m.start() and m.end() <= core[1]]
    if inside:
        return inside[-1]
    return min(near, key=lambda m: m.start() - core[1] if m.start() >= core[1] else core[0] - m.end(), default=None)


def extract_casualties(text: str, offset: int = 0) -> list[Casualty]:
    """Every report of deaths or injuries in one sentence, with its count, group and polarity."""
    lex = _lexicon()
    blocked = [m.span() for m in lex.not_casualties.finditer(text)]
    cues = [m for m in lex.cues.finditer(text) if not any(s <= m.start() and m.end() <= e for s, e in blocked)]
    counts = [q for q in extract_quantities(text, 0) if _is_head_count(q, lex)]
    facts: list[Casualty] = []
    for i, cue in enumerate(cues):
        clause_lo, clause_hi = clause_around(text, cue.start(), cue.end(), _clause_breaks())
        lo = max(clause_lo, cues[i - 1].end() if i else 0)
        hi = min(clause_hi, cues[i + 1].start() if i + 1 < len(cues) else len(text))
        polarity = _polarity(text, cue, lo, hi, lex)
        coordinated = i and _COORDINATION.fullmatch(text, cues[i - 1].end(), cue.start())
        if polarity is None and coordinated and facts and facts[-1].polarity != "asserted":
            # "no deaths or injuries": the second cue shares the first one's frame.
            polarity = _Polarity(facts[-1].polarity, cue.start(), cue.end())
        if fact := _casualty(text, offset, cue, (lo, hi), polarity, counts, lex):
            facts.append(fact)
    return facts


def _casualty(
    text: str,
    offset: int,
    cue: re.Match[str],
    bounds: tuple[int, int],
    polarity: _Polarity | None,
    counts: list[Quantity],
    lex: _Lexicon,
) -> Casualty | None:
    """One cue's fact: its count and group read within `bounds`, its span over all of them."""
    lo, hi = bounds
    value = polarity.value if polarity else "asserted"
    before = _WORD.findall(text, lo, cue.start())
    active = (
        _key(cue.group()) in lex.active
        and not (before and before[-1].lower() in lex.passive)
        and not _headline_passive(text, cue, lo, counts, lex)
    )
    countable = value in ("asserted", "uncertain") and (polarity is None or polarity.counted)
    tally = _key(cue.group()) in lex.tallies
    count = _count(text, cue, lo, hi, counts, active, tally) if countable else None
    spans = [cue.span()]
    spans += [(count.start, count.end)] if count else []
    spans += [(polarity.start, polarity.end)] if polarity else []
    core = (min(s for s, _ in spans), max(e for _, e in spans))
    subject = polarity is not None and lex.subject_negators.match(text, polarity.start)
    group = _group(text, lo, hi, core, count is None and not active and not subject, lex)
    if _key(cue.group()) in lex.weak and not (count or group or polarity):
        return None
    start, end = (min(core[0], group.start()), max(core[1], group.end())) if group else core
    low, high = (0.0, 0.0) if value == "none" else ((count.low, count.high) if count else (None, None))
    return Casualty(
        start=offset + start,
        end=offset + end,
        text=text[start:end],
        rule=f"casualty.{value.replace('_', '-')}" + (".count" if count else ""),
        outcome=lex.outcome[_key(cue.group())],
        polarity=value,
        low=low,
        high=high,
        group=lex.group[_key(group.group())] if group else None,
    )
