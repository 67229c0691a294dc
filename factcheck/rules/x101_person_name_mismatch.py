"""One person named or titled differently: another given name, or an office of another place.

What it flags: people the sources quote by name and role ("Yeti Airlines spokesman
Suman Bartaula", "Guerrero state governor Evelyn Salgado"). Two mentions in different
articles that hold one role (a title word both carry, or one kind of speaker) are one
person when their surnames are one spelling (the title may follow the name: "said Floyd
Brink, the city manager"); the finding is a given name that is no spelling of the other
("Suman", "Sudarshan"), a surname whose consonants differ ("Brink", "Blink"), or, for one
full name, titles that name offices of different places ("Acapulco Gov." against
"Guerrero state governor"). Transliterations ("Mohammed", "Muhammad"; "Bartaula",
"Bartoula") and a title given without a place are not flagged; nor are two people of one
family, who hold no common role.

Why an editor cares: a name or an office printed wrong is the correction readers
notice first, and the one the person named asks for.

Example: "airline spokesman Suman Bartaula said" against "the airline's spokesman
Sudarshan Bartaula told AFP": conflict. "Gov. Evelyn Salgado" against "Governor Evelyn
Salgado": not flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import combinations

from factcheck.disjoint import DisjointSets
from factcheck.facts.slots import Event
from factcheck.knowledge import load
from factcheck.names import consonants, same_spelling, titles
from factcheck.rules.common import RuleContext, discrepancy
from factcheck.types import Attribution, Claim, Discrepancy, Place

CODE = "X101"
NAME = "person-name-mismatch"
ON = "slots"


@dataclass(frozen=True)
class Mention:
    claim: Claim
    speaker: Attribution
    given: tuple[str, ...]
    surname: str
    roles: frozenset[str]
    places: frozenset[str]


@cache
def _roles() -> tuple[frozenset[str], dict[str, str]]:
    table = load("names")
    return frozenset(titles()) - frozenset(table["not_roles"]), table["role_aliases"]


def is_title(word: str) -> bool:
    return all(part.lower().strip(".") in titles() for part in re.split(r"[-‐]", word) if part)


def person_name(speaker: str) -> list[str]:
    """The person's name in a speaker phrase, lower case: the last run of capitalized words of its
    first part that ends in one, before any title that would follow it ("Yeti Airlines spokesman"
    names no one; "Sudarshan Bartaula, spokesperson of Yeti Airlines" names Sudarshan Bartaula)."""
    for part in speaker.split(","):
        words = re.findall(r"[\w'’.‐-]+", part)
        last = max((n for n, w in enumerate(words) if w[:1].isupper() and not is_title(w)), default=None)
        if last is None or any(is_title(w) for w in words[last + 1 :]):
            continue
        first = last
        while first > 0 and words[first - 1][:1].isupper() and not is_title(words[first - 1]):
            first -= 1
        run = [w.lower().rstrip(".") for w in words[first : last + 1] if not w.endswith(("'s", "’s"))]
        if len(run) >= 2:
            return run
    return []


def mentions(event: Event) -> list[Mention]:
    """The event's speakers with a given name and a surname, with the role words and places of their titles."""
    roles, aliases = _roles()
    found = []
    for claim in event.claims:
        # a sentence on the story's past still names its people ("According to city manager Floyd
        # Brink, the city raided the building in 2019")
        if claim.part != "body":
            continue
        for speaker in claim.of_type(Attribution):
            name = person_name(speaker.speaker)
            if not name:
                continue
            # the title may follow the name as an apposition: "said Floyd Brink, the city manager, at ..."
            after = re.match(r"\s*,\s*([^,.;:()\"“”]{1,60})", claim.text[speaker.end - claim.start :])
            named_last = speaker.text.endswith(speaker.speaker)
            title = f"{speaker.speaker} {after.group(1)}" if after and named_last else speaker.speaker
            words = [w.lower() for w in re.findall(r"[\w'’]+", title)]
            held = frozenset(aliases.get(w, w) for w in words if w in roles and w not in name)
            places = frozenset(
                p.name for p in claim.of_type(Place) if speaker.start <= p.start and p.end <= speaker.end
            )
            found.append(Mention(claim, speaker, tuple(name[:-1]), name[-1], held, places))
    return found


def differ(a: Mention, b: Mention) -> bool:
    """One role and one surname, and a given name, a title's place or a surname's spelling that
    cannot be the other's."""
    if a.claim.article == b.claim.article or not a.roles & b.roles or not same_spelling(a.surname, b.surname):
        return False
    return differ_given(a, b)


def differ_given(a: Mention, b: Mention) -> bool:
    """Given names that cannot be one person's, titles naming offices of different places, or
    surnames that are no transliteration of one another ("Brink", "Blink")."""
    return (
        not one_given_name(a.given, b.given)
        or bool(a.places and b.places and not a.places & b.places)
        or consonants(a.surname) != consonants(b.surname)
    )


def one_given_name(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """Whether two sets of given names can be one person's: a name both give (in any spelling), or
    initials that fit ("PK" for "Pradeep"; "John F." and "John")."""
    initials = lambda w: len(w.replace(".", "")) <= 3
    return any(
        same_spelling(u, v, "same_given_name") or ((initials(u) or initials(v)) and u[0] == v[0]) for u in x for v in y
    )


def check(event: Event, context: RuleContext) -> list[Discrepancy]:
    """One finding per person: every mention that differs from another of the same role and surname."""
    people = mentions(event)
    sets = DisjointSets(len(people))
    flagged = set()
    for i, j in combinations(range(len(people)), 2):
        if differ(people[i], people[j]):
            sets.union(i, j)
            flagged |= {i, j}
    groups: dict[int, list[Mention]] = {}
    for i in sorted(flagged):
        groups.setdefault(sets.find(i), []).append(people[i])
    return [finding(members, context) for members in groups.values()]


def finding(members: list[Mention], context: RuleContext) -> Discrepancy:
    """The person's mentions, those that agree with one another in one position."""
    heads: list[Mention] = []
    position = {}
    for m in members:
        home = next((n for n, h in enumerate(heads, 1) if not differ_given(h, m)), None)
        if home is None:
            heads.append(m)
            home = len(heads)
        position[id(m)] = home
    said = " · ".join(f"“{m.speaker.speaker}” ({context.articles[m.claim.article].label})" for m in members)
    person = members[0].surname.title()
    shared = frozenset.intersection(*(m.roles for m in members)) or members[0].roles
    aliases = _roles()[1]
    words = [aliases.get(w, w) for w in re.findall(r"[\w'’]+", members[0].speaker.speaker.lower())]
    role = " ".join(dict.fromkeys(w for w in words if w in shared))
    return discrepancy(
        CODE,
        "other",
        status="conflict",
        severity="medium",
        topic=f"name or title of {person} ({role})",
        explanation=f"{person}, {role}: {said}. One role and one surname, but another given name or another office: check which is right.",
        sides=[(m.claim, m.speaker, m.speaker.speaker, position[id(m)]) for m in members],
        context=context,
    )
