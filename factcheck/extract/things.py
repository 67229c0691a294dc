"""Trains, buildings, vessels, units, facilities and aircraft, named or mentioned.

Reports name the thing at the centre of an event in many ways ("the Eastern Mail
express", "the express", "train No. 12841"; "MV Sea Lark", "the ferry"). A rule
can only tell one thing from two when each mention carries its kind and its
name in a normal form (`names.thing_name`); how names are written is data in
`knowledge/things.toml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factcheck.extract.phrases import UPPER, phrase_pattern, with_plurals
from factcheck.knowledge import load
from factcheck.names import thing_name, titles
from factcheck.types import Thing

# One capitalized word of a name, an ordinal ("4th", "101st"), "al-Noor", or "St."/"Mt.".
_WORD = rf"(?:(?:al|el)-)?[{UPPER}][\w'’&]*(?:-[{UPPER}0-9][\w'’&]*)*|\d+(?:st|nd|rd|th)|(?:St|Mt|Ft)\."
_UNCASED = ("thing.code", "thing.generic")


@dataclass(frozen=True)
class _Form:
    """One way of writing a thing of one kind: a pattern with `name` (and maybe `head`) groups."""

    kind: str
    rule: str
    pattern: re.Pattern[str]
    named: bool = True


def _source(phrases: list[str], flags: int = re.IGNORECASE) -> str:
    """A regex source for a phrase list (longest first, whole words), for use inside a larger pattern."""
    return phrase_pattern(phrases, flags=flags).pattern


@cache
def _vehicle_nouns(root: str) -> list[str]:
    """Every alias of the vehicle tree under `root` in knowledge/event_types.toml."""
    nodes = load("event_types")["vehicle"]

    def under(label: str) -> bool:
        while label and label != root:
            label = nodes[label].get("parent")
        return label == root

    return [
        a for label, node in nodes.items() if under(label) for a in [*node.get("aliases", []), *node.get("forms", [])]
    ]


@cache
def _forms() -> tuple[_Form, ...]:
    table = load("things")
    determiners = "|".join(f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in table["determiners"])
    determiner = rf"(?<![\w-])(?:{determiners})\s+"
    # A lower-case modifier before a generic noun ("the 14-storey tower"), never a function word.
    modifier = rf"(?!(?:{'|'.join(map(re.escape, table['not_modifiers']))})\b)[a-z0-9][\w-]*"
    joiners = "|".join(table["name_joiners"])
    # At most five words: a longer run of capitals is a headline or a list, not one name.
    name = rf"(?:{_WORD})(?:\s+(?:(?:{joiners})\s+)?(?:{_WORD})){{0,4}}"
    forms: list[_Form] = []
    for kind, spec in table["kind"].items():
        generic = with_plurals(spec.get("generic", []) + (_vehicle_nouns(spec["vehicle"]) if "vehicle" in spec else []))
        heads = _source(spec.get("heads", []))
        suffixes = _source(spec.get("suffixes", []), flags=0)
        trailing = rf"(?:\s+(?P<head>{heads}))?"
        if "suffixes" in spec:
            suffix = rf"(?<![\w-])(?P<name>{name}\s+{suffixes}){trailing}"
            forms.append(_Form(kind, "thing.suffix", re.compile(suffix)))
        if "heads" in spec:
            forms.append(_Form(kind, "thing.head", re.compile(rf"{determiner}(?P<name>{name})\s+(?P<head>{heads})")))
        if "prefixes" in spec:
            prefixes = "|".join(map(re.escape, sorted(spec["prefixes"], key=len, reverse=True)))
            forms.append(
                _Form(kind, "thing.prefix", re.compile(rf"(?<![\w/.])(?:{prefixes})\s+(?P<name>{name}){trailing}"))
            )
        if spec.get("apposition"):
            nouns = _source(generic)
            forms.append(
                _Form(kind, "thing.apposition", re.compile(rf"{determiner}(?P<head>{nouns})\s+(?P<name>{name})"))
            )
        if "codes" in spec:
            codes = "|".join(map(re.escape, sorted(spec["codes"], key=len, reverse=True)))
            code = r"(?P<name>[A-Z]{0,3}[\s-]?\d{1,5}[A-Z]?)"
            forms.append(_Form(kind, "thing.code", re.compile(rf"(?<![\w-])(?:{codes})\s*{code}(?![\w-])")))
        if "of_heads" in spec:
            of = _source(spec["of_heads"], flags=0)
            forms.append(_Form(kind, "thing.of", re.compile(rf"(?<![\w-])(?P<name>{of}\s+of\s+{name})")))
        if generic:
            nouns = _source(generic)
            pattern = rf"{determiner}(?P<head>(?:{modifier}\s+){{0,2}}(?:{nouns}))"
            forms.append(_Form(kind, "thing.generic", re.compile(pattern), named=False))
    return tuple(forms)


@cache
def _words() -> dict[str, frozenset[str]]:
    """Word sets that bound a name: openers, non-names (places, demonyms, titles...), street words."""
    table, gazetteer = load("things"), load("gazetteer")
    places = [
        w
        for kind in ("country", "city", "region")
        for place, info in gazetteer[kind].items()
        for written in [place, *info.get("aliases", []), *info.get("demonyms", [])]
        for w in written.split()
    ]
    return {
        "openers": frozenset(table["openers"]),
        "no_name": frozenset([*table["not_names"], *places, *table["openers"]]) | {t.title() for t in titles()},
        "address": frozenset(table["address_words"]),
        "owner": frozenset(table["owner_words"]),
        "not_before": frozenset(table["generic_not_before"]),
    }


@cache
def _not_things() -> re.Pattern[str]:
    return phrase_pattern(load("things")["not_things"], flags=0)


def extract_things(text: str, offset: int = 0) -> list[Thing]:
    """The things one sentence names or mentions, longest first where two overlap."""
    blocked = [m.span() for m in _not_things().finditer(text)]
    # In a title-case headline only codes name a thing ("Flight KX204"): capitals bound no name.
    forms = [f for f in _forms() if f.rule in _UNCASED] if _title_case(text) else _forms()
    found = [
        thing
        for form in forms
        for m in form.pattern.finditer(text)
        if (thing := _thing(form, m, text, offset))
        and not any(s < thing.end - offset and thing.start - offset < e for s, e in blocked)
    ]
    kept: list[Thing] = []
    for thing in sorted(found, key=lambda t: (-(t.end - t.start), t.name is None, t.start)):
        if not any(t.start < thing.end and thing.start < t.end for t in kept):
            kept.append(thing)
    return sorted(kept, key=lambda t: t.start)


def _thing(form: _Form, m: re.Match[str], text: str, offset: int) -> Thing | None:
    """The fact a match makes, or None when its words turn out to name nothing."""
    words = _words()
    if not form.named:
        after = re.match(r"\s+([a-z]+)", text[m.end() :])
        if after and after.group(1) in words["not_before"]:
            return None
        return _fact(form, text, offset, m.start("head"), m.end(), None, None)
    start, name_start, name_end = m.start(), m.start("name"), m.end("name")
    # Openers are sentence words, not the name's: "On Monday Harbour View Tower".
    while (first := re.match(r"(\S+)\s*", text[name_start:name_end])) and first.group(1) in words["openers"]:
        name_start += first.end()
    if name_start >= name_end:
        return None
    if form.rule in ("thing.suffix", "thing.head"):
        start = name_start
    elif form.rule == "thing.apposition":
        start = m.start("head")
    tokens = [re.sub(r"['’]s$", "", w) for w in text[name_start:name_end].split()]
    if form.rule in ("thing.head", "thing.apposition", "thing.prefix") and not _a_name(tokens, words):
        return None
    written = text[name_start:name_end]
    name = thing_name(re.sub(r"[\s-]", "", written) if form.rule == "thing.code" else written, form.kind)
    if name is None:
        return None
    return _fact(form, text, offset, start, m.end(), name, (offset + name_start, offset + name_end))


def _a_name(tokens: list[str], words: dict[str, frozenset[str]]) -> bool:
    """Whether capitals before a noun or after an apposition are a name: not places, titles and
    bodies only ("the Dhaka ferry"), not a person ("the ferry Captain Ali"), an owner ("the Maersk
    Line ship") or an address ("the Kestrel Road building")."""
    return (
        not all(w in words["no_name"] for w in tokens)
        and tokens[0].lower() not in titles()
        and not any(w in words["owner"] for w in tokens)
        and tokens[-1] not in words["address"]
    )


def _title_case(text: str) -> bool:
    """A headline in title case: its capitals say nothing about names ("Fire Guts Harbour View Tower")."""
    long = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) > 0.7 * len(long)


def _fact(
    form: _Form, text: str, offset: int, start: int, end: int, name: str | None, span: tuple[int, int] | None
) -> Thing:
    return Thing(
        start=offset + start,
        end=offset + end,
        text=text[start:end],
        rule=form.rule,
        kind=form.kind,
        name=name,
        name_span=span,
    )
