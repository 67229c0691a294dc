"""Time expressions: weekdays, dates, months, years, parts of day, clock times.

Reports of one event disagree on *when* more often through wording than fact
("Sunday evening" in Washington is "before dawn Monday" in Baghdad), so each
expression is kept with every part the words give: weekday, date, day part,
clock, zone, approximation. Small pieces are found first ("atoms": "early
Monday", "morning"), then neighbours joined only by glue ("on", "at", ", ")
merge into one `TimeRef` ("early Monday morning"). Weak atoms ("morning",
"local time") count only next to a strong one, so "a morning newspaper" is not
a time. All words come from `knowledge/time_words.toml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from factcheck.knowledge import load
from factcheck.types import TimeRef

_GLUE = re.compile(r"\s*,\s*|\s+|\s+(?:on|at|in|of|on the|in the|of the)\s+", re.IGNORECASE)
_YEAR = r"(?:1[89]|20)\d\d"
_OF = re.compile(r"\s+of(?:\s+the)?\s+", re.IGNORECASE)


@dataclass
class _Atom:
    """A piece of a time expression; `fields` are TimeRef fields plus `modifier`."""

    start: int
    end: int
    kind: str
    fields: dict[str, Any] = field(default_factory=dict)
    strong: bool = True

    def __post_init__(self) -> None:
        self.fields = {k: v for k, v in self.fields.items() if v is not None}


@cache
def _zone_names() -> dict[str, str]:
    """Every way a zone is written after a clock time, keyed by `_zone_key`: abbreviations
    ("EDT"), names ("Eastern time"), and "<Demonym> time" or "<City> time" wherever the
    zone table knows the country or city ("Turkish time", "Moscow time")."""
    words, zones, gazetteer = load("time_words"), load("timezones"), load("gazetteer")
    names = dict(words["zones"])
    spelled = dict(words["zone_names"])
    for country, info in gazetteer["country"].items():
        if country in zones["countries"]:
            spelled.update({f"{demonym} time": zones["countries"][country] for demonym in info.get("demonyms", [])})
    spelled.update({f"{city} time": zone for city, zone in zones["cities"].items()})
    for name, zone in spelled.items():
        names[name] = names[re.sub(r" time$", " Time", name)] = zone  # "Eastern time" or "Eastern Time"
    return {_zone_key(name): zone for name, zone in names.items()}


def _zone_key(written: str) -> str:
    return " ".join(re.split(r"[\s-]+", written))


def _alternation(words: list[str]) -> str:
    """Longest first, so "early morning" wins over "morning"; a space or hyphen matches either."""
    pieces = (re.split(r"[\s-]+", w) for w in sorted(words, key=len, reverse=True))
    return "|".join(r"[\s-]+".join(map(re.escape, p)) for p in pieces)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    words = load("time_words")
    full = _alternation([m.capitalize() for m in words["months"]])
    abbr = _alternation([m.capitalize() for m in words["month_abbreviations"]])
    month_day = rf"(?P<mon>{full}|(?:{abbr})\.?)"
    year_tail = rf"(?:,?\s+(?P<year>{_YEAR})(?!\d))?"
    day_num = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:.,]\d)"
    # "early"/"late" alone qualify a weekday ("late Sunday"), never stand as a part.
    parts = [p for p, v in words["day_parts"].items() if not v.get("modifier_only")]
    parts += list(words["day_part_aliases"])
    day_cues = _alternation(words["day_part_cues"]["words"])
    zones = _alternation(list(_zone_names()))
    offset = r"(?P<offset>(?:GMT|UTC)\s?[+\-−]\s?\d{1,2})(?![\d:])"
    zone_tail = rf"(?:\s*\((?P<pzone>{zones})\)|\s*(?P<zone>{zones})\b|\s*{offset})?"
    years = words["years"]
    year_cues = _alternation(years["cues"])
    # A year followed by a plain noun is a count ("in 2000 homes"), unless the word is a function word.
    year_follow = "|".join(rf"{w}\b" for w in years["may_follow"])
    weekdays = _alternation([w.capitalize() for w in words["weekdays"]])
    return {
        "iso-date": re.compile(r"(?<![\d-])(?P<year>\d{4})-(?P<mon>\d\d)-(?P<day>\d\d)(?![\d-])"),
        "date-md": re.compile(rf"\b{month_day}\s+{day_num}{year_tail}"),
        "date-dm": re.compile(rf"(?<![\d.,]){day_num}\s+(?:of\s+)?(?P<mon>{full}|(?:{abbr})\.?)\b{year_tail}"),
        "month-year": re.compile(rf"\b(?P<mon>{full})\s+(?P<year>{_YEAR})(?!\d)"),
        "month-part": re.compile(
            rf"(?i:\b(?P<part>{_alternation(list(words['month_part_words']))}))[\s-]+(?P<mon>{full})\b{year_tail}"
        ),
        "month": re.compile(rf"\b(?P<mon>{full})\b"),
        "year": re.compile(
            rf"(?i:\b(?:{year_cues}))[\s-]+(?P<year>{_YEAR})(?![\d%]|[.,]\d)(?!\s+(?!{year_follow})[a-z])"
        ),
        "weekday": re.compile(rf"(?:\b(?P<mod>(?i:last|next|this|early|late))\s+(?i:on\s+)?)?\b(?P<wd>{weekdays})\b"),
        "day-part": re.compile(rf"(?i:(?P<cue>\b(?:{day_cues})\s+)?\b(?P<part>{_alternation(parts)})\b)"),
        "clock": re.compile(
            r"(?<![\d.:,])(?:(?P<h>1[0-2]|0?\d)(?:[:.](?P<m>[0-5]\d))?\s*(?P<ampm>[apAP])(?:\.\s?[mM]\b\.?|\s?[mM]\b)"
            r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])"
            r"|(?P<hmil>[01]\d|2[0-3])(?P<mmil>[0-5]\d)"
            r"(?=\s*(?:GMT|UTC|Z\b|hrs\b|hours\b(?!\s+of)|local time|\(?[A-Z]{2,4}T\b))"
            r"|(?i:\b(?P<named>noon|midnight)\b))"
            r"(?:\s*(?:hrs|hours)\b)?" + zone_tail
        ),
        "relative": re.compile(rf"(?i:\b(?P<rel>{_alternation(list(words['relative']))})\b)"),
        "local": re.compile(r"\(local time\)|\blocal time\b", re.IGNORECASE),
        "cue": re.compile(rf"(?i:\b(?:{'|'.join(words['verb_months']['cues'])})[\s-]+)$"),
        "approx": re.compile(rf"(?i:\b(?:{_alternation(words['approximation']['words'])})\s+)$"),
        "title": re.compile(rf"\s+(?:{_alternation(words['weekday_title_words'])})\b"),
    }


def _month_number(name: str) -> int:
    words = load("time_words")
    key = name.rstrip(".").lower()
    return words["months"].get(key) or words["month_abbreviations"][key]


def _valid_day(month: int, day: int) -> bool:
    return 1 <= day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)


def _date_atoms(text: str) -> list[_Atom]:
    pats = _patterns()
    atoms = []
    for kind in ("iso-date", "date-md", "date-dm"):
        for m in pats[kind].finditer(text):
            mon = int(m["mon"]) if kind == "iso-date" else _month_number(m["mon"])
            day = int(m["day"])
            if not (1 <= mon <= 12 and _valid_day(mon, day)):
                continue
            year = int(m["year"]) if m["year"] else None
            atoms.append(_Atom(m.start(), m.end(), "date", {"month": mon, "day": day, "year": year}))
    for m in pats["month-year"].finditer(text):
        atoms.append(_Atom(m.start(), m.end(), "month", {"month": _month_number(m["mon"]), "year": int(m["year"])}))
    parts = load("time_words")["month_part_words"]
    for m in pats["month-part"].finditer(text):
        part = parts[_key(m["part"])]
        year = int(m["year"]) if m["year"] else None
        fields = {"month": _month_number(m["mon"]), "month_part": part, "year": year}
        atoms.append(_Atom(m.start(), m.end(), "month-part", fields))
    verbs = load("time_words")["verb_months"]["words"]
    for m in pats["month"].finditer(text):
        # "May" and "March" are verbs too: they need a cue before them.
        if m["mon"].lower() in verbs and not pats["cue"].search(text, 0, m.start()):
            continue
        atoms.append(_Atom(m.start(), m.end(), "month", {"month": _month_number(m["mon"])}))
    for m in pats["year"].finditer(text):
        atoms.append(_Atom(m.start("year"), m.end("year"), "year", {"year": int(m["year"])}))
    return atoms


def _weekday_atoms(text: str) -> list[_Atom]:
    pats = _patterns()
    weekdays = load("time_words")["weekdays"]
    atoms = []
    for m in pats["weekday"].finditer(text):
        after = text[m.end() :]
        # "the Sunday Times" is a newspaper, not a day.
        titled = pats["title"].match(after) or (
            re.search(r"\bthe\s+$", text[: m.start()], re.IGNORECASE) and re.match(r"\s+[A-Z]", after)
        )
        if titled:
            continue
        fields: dict[str, Any] = {"weekday": weekdays[m["wd"].lower()]}
        mod = (m["mod"] or "").lower()
        if mod in ("early", "late"):
            fields["modifier"] = mod
        elif mod:
            fields["relative"] = f"{mod} {m['wd'].lower()}"
        atoms.append(_Atom(m.start(), m.end(), "weekday", fields))
    return atoms


def _key(phrase: str) -> str:
    """The table key of a matched phrase: lower case, hyphens and spaces as one space."""
    return re.sub(r"[\s-]+", " ", phrase.lower())


@cache
def _day_part_names() -> dict[str, str]:
    """Every spelling of a day part, as `_key` gives it, to its canonical name."""
    words = load("time_words")
    names = {_key(part): part for part in words["day_parts"]}
    names.update({_key(alias): part for alias, part in words["day_part_aliases"].items()})
    return names


def _day_part_atoms(text: str) -> list[_Atom]:
    words = load("time_words")
    atoms = []
    for m in _patterns()["day-part"].finditer(text):
        name = _day_part_names()[_key(m["part"])]
        strong = bool(m["cue"]) or words["day_parts"][name].get("standalone", False)
        atoms.append(_Atom(m.start(), m.end(), "day-part", {"day_part": name}, strong))
    return atoms


def _clock_atoms(text: str) -> list[_Atom]:
    words = load("time_words")
    atoms = []
    for m in _patterns()["clock"].finditer(text):
        if m["named"]:
            minutes, precision = words["clock_words"][m["named"].lower()], "minute"
        elif m["ampm"]:
            hour = int(m["h"]) % 12 + (12 if m["ampm"].lower() == "p" else 0)
            minutes, precision = hour * 60 + int(m["m"] or 0), "minute" if m["m"] else "hour"
        elif m["h24"]:
            minutes, precision = int(m["h24"]) * 60 + int(m["m24"]), "minute"
        else:
            minutes, precision = int(m["hmil"]) * 60 + int(m["mmil"]), "minute"
        fields: dict[str, Any] = {"clock": minutes, "clock_precision": precision}
        if m["zone"] or m["pzone"]:
            fields["zone"] = _zone_names()[_zone_key(m["zone"] or m["pzone"])]
        elif m["offset"]:
            hours = int(re.sub(r"\D", "", m["offset"]))
            sign = "-" if re.search(r"[+]", m["offset"]) else "+"
            fields["zone"] = "UTC" if hours == 0 else f"Etc/GMT{sign}{hours}"
        atoms.append(_Atom(m.start(), m.end(), "clock", fields))
    return atoms


def _relative_atoms(text: str) -> list[_Atom]:
    table = load("time_words")["relative"]
    atoms = []
    for m in _patterns()["relative"].finditer(text):
        rel = _key(m["rel"])
        fields: dict[str, Any] = {"relative": rel}
        if "day_part" in table[rel]:
            fields["day_part"] = table[rel]["day_part"]
        atoms.append(_Atom(m.start(), m.end(), "relative", fields))
    atoms += [
        _Atom(m.start(), m.end(), "local", {"zone": "local"}, strong=False)
        for m in _patterns()["local"].finditer(text)
    ]
    return atoms


def _non_overlapping(atoms: list[_Atom]) -> list[_Atom]:
    """Longest match wins where atoms overlap ("late February" over "February")."""
    kept: list[_Atom] = []
    for atom in sorted(atoms, key=lambda a: (a.start - a.end, a.start)):
        if all(atom.end <= k.start or atom.start >= k.end for k in kept):
            kept.append(atom)
    return sorted(kept, key=lambda a: a.start)


def _groups(text: str, atoms: list[_Atom]) -> list[list[_Atom]]:
    """Neighbours joined by glue words merge, unless they say the same thing twice.

    A part of day bound by "of" to what follows ("the early hours of Thursday") belongs
    to it: after "on Wednesday," it starts a new reference when what it is bound to
    would say the same thing twice there.
    """
    groups: list[list[_Atom]] = []
    for i, atom in enumerate(atoms):
        if groups:
            last = groups[-1]
            keys = {k for a in last for k in a.fields}
            bound = i + 1 < len(atoms) and _OF.fullmatch(text[atom.end : atoms[i + 1].start])
            taken = keys & atoms[i + 1].fields.keys() if bound else set()
            if _GLUE.fullmatch(text[last[-1].end : atom.start]) and not keys & atom.fields.keys() and not taken:
                last.append(atom)
                continue
        groups.append([atom])
    return [g for g in groups if any(a.strong for a in g)]


def _precision(fields: dict[str, Any]) -> str:
    if fields.get("clock") is not None:
        return fields["clock_precision"]
    if fields.get("day_part"):
        return "day_part"
    rel = load("time_words")["relative"].get(fields.get("relative") or "")
    if rel and "unit" in rel:
        return rel["unit"]
    if fields.get("day") is not None or fields.get("weekday") is not None or rel:
        return "day"
    for key in ("month_part", "month", "year"):
        if fields.get(key) is not None:
            return key
    return "day"


def _time_ref(text: str, group: list[_Atom], offset: int) -> TimeRef:
    fields: dict[str, Any] = {}
    for atom in group:
        fields.update(atom.fields)
    modifier = fields.pop("modifier", None)
    if modifier:
        combined = f"{modifier} {fields.get('day_part', '')}".strip()
        parts = load("time_words")["day_parts"]
        fields["day_part"] = combined if combined in parts else fields.get("day_part", modifier)
    start, end = group[0].start, group[-1].end
    approx = None
    if fields.get("clock") is not None or fields.get("day_part"):
        approx = _patterns()["approx"].search(text, max(0, start - 30), start)
    if approx:
        start = approx.start()
    kinds = "+".join(dict.fromkeys(a.kind for a in group))
    precision = _precision(fields)
    fields.pop("clock_precision", None)
    return TimeRef(
        start=offset + start,
        end=offset + end,
        text=text[start:end],
        rule=f"time.{kinds}",
        precision=precision,
        approximate=approx is not None,
        **fields,
    )


def extract_times(text: str, offset: int = 0) -> list[TimeRef]:
    """Every time expression in one sentence, merged into as few refs as the words allow."""
    atoms = _date_atoms(text) + _weekday_atoms(text) + _day_part_atoms(text)
    atoms += _clock_atoms(text) + _relative_atoms(text)
    return [_time_ref(text, g, offset) for g in _groups(text, _non_overlapping(atoms))]
