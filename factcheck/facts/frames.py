"""What each count or toll is said about, read from the sentence's dependency parse.

"Twelve workers died" and "the van was carrying 14 workers" count one noun in two
roles; "carrying 22 staff members" and "26 employees on board" count one role under two
nouns. So a value's frame is its counted noun (climbing from the number through its
`nummod`/`quantmod` arcs), the predicate that governs that noun (through subject, object
and preposition arcs), the prepositional phrases tied to either ("on the bridge", "into
the river"), and the polarity of the predicate (a `neg` child denies it). The role is the
predicate's or the noun's entry in `knowledge/roles.toml` where one fits; otherwise the
frame's phrase, with the value left out, is what slots compare by embedding.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from factcheck.extract.casualties import group_of
from factcheck.facts.parts import included_tolls, split_by_place, subgroups
from factcheck.facts.syntax import parse
from factcheck.knowledge import load
from factcheck.types import Casualty, Claim, Fact, Frame, Place, Quantity, TimeRef

MEASURES = ("quantity.measure", "quantity.implied", "quantity.money")
"""Extractor rules whose values are measures (km, magnitude, money), not counts of a noun;
the first two have a dimension (length, depth), money has none."""
CLIMB = {"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod", "advmod"}
"""Arcs from a number up to the noun it counts ("at least 150 people", "230-metre bridge")."""
ARGUMENT = {"nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative", "agent", "acomp"}
"""Arcs from a counted noun to the predicate it is an argument of."""
OWNERS = ("nsubj", "nsubjpass", "dobj")
"""Arcs by which a tally owns the number its predicate gives."""
REFERENCE_REACH = 40
"""Characters after a distance within which the place it is measured from is named."""
HARMS = {"killed", "injured"}
"""Roles a toll's own outcome already names; the parse may only move a toll to another role."""
HEDGES = {"may", "might", "could", "fear", "feared", "believe", "believed", "estimate", "estimated", "expect"}


@cache
def _roles() -> tuple[dict[str, str], frozenset[str], frozenset[str], dict[str, str]]:
    table = load("roles")
    role_of = {lemma: name for name, role in table["role"].items() for lemma in role["lemmas"]}
    developing = frozenset(name for name, role in table["role"].items() if role["developing"])
    dimension = {word: name for name, words in table["dimension"].items() for word in words}
    return role_of, frozenset(table["weak"]["lemmas"]), developing, dimension


def weak_predicate(lemma: str) -> bool:
    """A word a time attaches to that says nothing of its own ("was", "took place", "occurred")."""
    return lemma in load("roles")["time"]["weak"]


def generic_event(frame: Frame) -> bool:
    """Whether a time dates the event under a word any event goes by ("the accident occurred at 18:40")."""
    return bool(set(frame.phrase.split()) & set(load("roles")["time"]["generic"]))


def reporting(lemma: str) -> bool:
    """A verb of reporting a figure or of a tally moving ("said", "revised", "reached")."""
    return lemma.split()[0] in _roles()[1]


def developing(role: str) -> bool:
    """Whether a role's counts are revised as a story unfolds (a toll), not fixed (people aboard)."""
    return role in _roles()[2]


def counted_values(claim: Claim) -> list[Fact]:
    """The values a claim gives a frame: tolls with a count, and counts or measures of things
    that no toll of the same words already reports."""
    tolls = [c for c in claim.of_type(Casualty) if c.polarity == "asserted" and c.low is not None]
    counts = [
        q
        for q in claim.of_type(Quantity)
        if not q.latent and q.unit and q.unit != "ordinal" and not any(t.start <= q.start < t.end for t in tolls)
    ]
    return [*tolls, *counts]


def bare_numbers(claim: Claim) -> list[Quantity]:
    """Numbers with no counted noun, which a tally may own ("the toll rose to 141")."""
    return [q for q in claim.of_type(Quantity) if q.latent and not q.unit and q.low is not None and q.modifier != "vague"]


def event_times(claim: Claim) -> list[TimeRef]:
    """Times that can date an event: a weekday, a date or a clock time."""
    return [t for t in claim.of_type(TimeRef) if t.weekday is not None or t.day is not None or t.clock is not None]


def with_frames(claims: list[Claim]) -> list[Claim]:
    """The claims, each with a frame per value and per time; only sentences carrying one are parsed."""
    need = [n for n, c in enumerate(claims) if counted_values(c) or bare_numbers(c) or event_times(c)]
    docs = parse([claims[n].text for n in need])
    framed = list(claims)
    for n, doc in zip(need, docs):
        claim = claims[n]
        values = [*counted_values(claim), *tallied(claim, doc)]
        frames = included_tolls(claim, split_by_place(claim, doc, [as_toll(frame(claim, value, doc)) for value in values]))
        frames += [dating(claim, t, doc) for t in event_times(claim)]
        framed[n] = replace(claim, frames=tuple(frames))
    return subgroups(framed)


def as_toll(frame: Frame) -> Frame:
    """A count of people under a harm's role is a toll: "the blaze had claimed 73 lives" and
    "74 people including 12 children have died" count the dead as "the toll rose to 74" does."""
    count = frame.fact
    if not isinstance(count, Quantity) or frame.role not in HARMS or count.rule in MEASURES or not count.unit:
        return frame
    group = group_of(count.unit)
    if group is None:
        return frame
    toll = Casualty(count.start, count.end, count.text, "frames.count", frame.role, "asserted", count.low, count.high, group)
    return replace(frame, fact=toll)


ARGUMENTS = ("nsubj", "nsubjpass", "dobj", "attr")
"""A word's subject and object: what a time on it is about."""


def dating(claim: Claim, time: TimeRef, doc) -> Frame:
    """What a time phrase dates: the word its phrase attaches to (past any preposition), with
    that word's subject and object and the clauses it heads."""
    tokens = [t for t in doc if time.start <= claim.start + t.idx < time.end] or [doc[0]]
    inside = {t.i for t in tokens}
    # the phrase hangs from the word its first outside link reaches: a parse that makes a
    # word of the phrase a root, or hangs its tail elsewhere ("at around 12:25 a.m. local
    # time, the center said"), is not followed
    linked = [t for t in tokens if t.head.i not in inside]
    top = linked[0] if linked else min(tokens, key=lambda t: len(list(t.ancestors)))
    word = top.head
    while word.pos_ == "ADP" and word.head.i != word.i:
        word = word.head
    # a time inside a reported clause is that clause's, wherever the parse hangs it ("Otis
    # slammed into the coast at 12:25 a.m., the hurricane center said")
    reported = next((c for c in word.children if c.dep_ == "ccomp" and inside <= {t.i for t in c.subtree}), None)
    word = reported if reported is not None else word
    arguments = [c for c in word.children if c.dep_ in ARGUMENTS]
    # a relative clause is about its noun: "the fire that broke out at about 00:30"
    arguments += [word.head] if word.dep_ == "relcl" else []
    # clauses the dated word heads say what it did ("burst on Sunday, flooding three villages")
    # (and a statement is about the clause it reports: "launched airstrikes, the Pentagon said Sunday")
    clauses = [c for c in word.children if c.dep_ in ("advcl", "conj", "xcomp", "ccomp")]
    # an argument is its whole noun phrase ("the magnitude 7.0 earthquake", "Otis' centre",
    # "the moment of the collapse"), not the clauses inside it
    named = [t for a in arguments for t in noun_phrase(a)]
    # a reported clause is about its own subject and object ("forces launched airstrikes")
    named += [t for c in clauses if c.dep_ == "ccomp" for a in c.children if a.dep_ in ARGUMENTS for t in noun_phrase(a)]
    spans = tuple((claim.start + t.idx, claim.start + t.idx + len(t.text)) for t in (word, *named, *clauses))
    phrase = " ".join(t.lemma_.lower() for t in (word, *arguments))
    return Frame(fact=time, role=word.lemma_.lower(), entity="", phrase=phrase, governs=spans)


def noun_phrase(head) -> list:
    """A noun's own words: its modifiers, possessor and "of" phrase, without the clauses and
    other prepositional phrases that say more ("nine people over the collapse")."""
    words = [head]
    for child in head.children:
        if child.dep_ in ("relcl", "acl", "advcl") or (child.dep_ == "prep" and child.lower_ != "of"):
            continue
        words += noun_phrase(child)
    return words


def tallied(claim: Claim, doc) -> list[Casualty]:
    """Bare numbers a tally owns, as tolls of the harm it names: "the toll rose to 141" (its
    subject), "revised the death toll to 275" (its object)."""
    role_of, tallies = _roles()[0], frozenset(load("roles")["tally"]["lemmas"])
    found = []
    for q in bare_numbers(claim):
        number = next((t for t in doc if claim.start + t.idx == q.start or q.start <= claim.start + t.idx < q.end), None)
        if number is None or number.head.lower_ == "from":
            continue  # "rose to 141 from 135": the earlier figure, which the sentence replaces
        predicate = governing(number)
        owners = [c for c in (predicate.children if predicate is not None else ()) if c.dep_ in OWNERS and c is not number]
        words = {t.lemma_.lower() for s in owners for t in s.subtree}
        if words & tallies:
            outcome = "injured" if any(role_of.get(w) == "injured" for w in words) else "killed"
            found.append(Casualty(q.start, q.end, q.text, "frames.tally", outcome, "asserted", q.low, q.high))
    return found


def frame(claim: Claim, value: Fact, doc) -> Frame:
    """The frame of one value of `claim`, whose parse is `doc`."""
    offset = claim.start
    tokens = [t for t in doc if value.start <= offset + t.idx < value.end] or [doc[0]]
    number = next((t for t in tokens if t.like_num or t.pos_ == "NUM"), tokens[-1])
    noun = counted_noun(number)
    predicate = governing(noun)
    role_of, weak, _, dimensions = _roles()
    words = [t for t in (*preps(predicate), *preps(noun)) if t.i not in {x.i for x in tokens} and t.dep_ != "prt"]
    lemma = " ".join([predicate.lemma_.lower(), *(c.lower_ for c in predicate.children if c.dep_ == "prt")])
    # the predicate names the role when it says anything ("793 passengers were discharged" is no
    # count of passengers aboard); a weak one ("were", "include") leaves it to the counted noun
    said = lemma not in weak and predicate.i != noun.i
    named = role_of.get(lemma, "") if said else role_of.get(noun.lemma_.lower(), "")
    bearing = None
    if isinstance(value, Casualty):
        # a toll's own words name its harm; the parse only moves it to another role it names
        # ("10,000 missing", "187 bodies yet to be identified", "110 bodies kept at the hospital"),
        # not to any word that governs it ("74 people including 12 children have died", "52 have
        # sustained injuries", or a sentence in another language the English parse misreads)
        tally = value.rule == "frames.tally"
        role = value.outcome if (tally or named in HARMS or not named) else named
    elif value.rule in MEASURES[:2]:
        # the measure's own words count ("ages ranged from 14 to 75"), and its neighbours
        near = [t.lower_ for t in (*tokens, *doc[max(0, number.i - 2) : number.i + 8])] + [lemma]
        role = next((dimensions[w] for w in near if w in dimensions), value.unit or "measure")
        if role == "distance":
            role += "".join(f" from {p.name}" for p in reference(claim, value)[:1])
            bearing = bearing_of(claim, value)
    else:
        # "72 people on board", "nationals were among the passengers": a phrase may name the role
        role = named or next((role_of[w.lemma_.lower()] for w in words if w.lemma_.lower() in role_of), "")
    entity = noun.lemma_.lower() if noun.i not in {t.i for t in tokens} or noun.pos_ in ("NOUN", "PROPN") else ""
    if isinstance(value, Quantity) and noun.lower_ in load("casualties")["nationality_nouns"]:
        entity = value.unit or entity  # "five Indian nationals" count Indians: the noun names no one
    predicate_words = [] if lemma in weak or predicate.i == noun.i else [lemma]
    head = entity or getattr(value, "unit", None) or ""
    if value.rule in MEASURES[:2] and noun.i in {t.i for t in tokens}:
        head = ""  # "165 mph" says nothing of what it measures: the phrase is the words around it
    phrase = " ".join(w for w in [head, *predicate_words, *(t.lower_ for t in words)] if w)
    qualifiers = () if isinstance(value, Casualty) or value.rule in MEASURES else subgroup(noun)
    return Frame(
        fact=value,
        role=role,
        entity=entity,
        phrase=phrase.strip(),
        polarity=polarity(predicate),
        qualifiers=qualifiers,
        bearing=bearing[0] if bearing else "",
        bearing_end=bearing[1] if bearing else 0,
    )


BEARING = re.compile(
    r"[\s,]*(?:\([^)]*\)[\s,]*)?(?:to\s+the\s+)?\b((?:north|south)(?:[\s-]?(?:east|west))?|east|west)\b(?=\s+of\b)",
    re.IGNORECASE,
)


def bearing_of(claim: Claim, value: Fact) -> tuple[str, int] | None:
    """The compass direction written right after a distance, before "of" and its reference
    ("250 kilometers southeast of Athens", "240 kilometres (150 miles), south-west of", "to the
    north of"), with where it ends."""
    m = BEARING.match(claim.text, value.end - claim.start)
    if m is None:
        return None
    return re.sub(r"[\s-]", "", m.group(1).lower()), claim.start + m.end(1)


def subgroup(noun) -> tuple[str, ...]:
    """The counted noun's adjectives ("foreign" of "ten foreign nationals"), not number words."""
    return tuple(sorted(c.lower_ for c in noun.children if c.dep_ == "amod" and not c.like_num))


def reference(claim: Claim, value: Fact) -> list[Place]:
    """The place a distance is measured from: the first place named just after it ("250 km south of Kolkata")."""
    return [p for p in claim.of_type(Place) if value.end <= p.start <= value.end + REFERENCE_REACH]


def counted_noun(number):
    """The noun a number counts: the first noun up its modifier arcs, else the last word they reach."""
    token = number
    while token.dep_ in CLIMB and token.head.i != token.i:
        token = token.head
        if token.pos_ in ("NOUN", "PROPN"):
            return token
    return token


def governing(noun):
    """The predicate the counted noun is an argument of, or the clause that describes it
    ("people who fell into the river"); the noun itself when there is neither."""
    clause = next((c for c in noun.children if c.dep_ in ("relcl", "acl")), None)
    if clause is not None:
        return clause
    token = noun
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:  # a list's items share its predicate
        token = token.head
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        head = token.head.head
        return head if head.pos_ in ("VERB", "AUX", "NOUN", "ADJ") else token
    if token.dep_ in ARGUMENT or token.dep_ in ("relcl", "acl", "advcl", "xcomp"):
        return token.head
    return token


def preps(token) -> list:
    """The words of the prepositional phrases and particles tied to `token`, one level deep
    ("people on the bridge": on, bridge), without the numbers in them."""
    words = []
    for child in token.children:
        if child.dep_ == "prt":
            words.append(child)
        if child.dep_ == "prep":
            objects = [g for g in child.children if g.dep_ == "pobj" and not g.like_num]
            if objects:
                words.extend([child, *objects])
    return words


def polarity(predicate) -> str:
    """`denied` when the predicate is negated, `hedged` when a modal or a verb of belief governs it."""
    if any(c.dep_ == "neg" for c in predicate.children):
        return "denied"
    # a hedge on a coordinated clause is that clause's: "2,300 have died and 10,000 are believed missing"
    scope = [predicate, *(c for c in predicate.children if c.dep_ != "conj"), *clause_heads(predicate)]
    return "hedged" if any(t.lower_ in HEDGES for t in scope) else "stated"


def clause_heads(token) -> list:
    """The words above `token`, stopping where it is a conjunct of another clause."""
    heads = []
    while token.dep_ != "conj" and token.head.i != token.i:
        token = token.head
        heads.append(token)
    return heads
