"""Counts and measures as intervals: "about 2,500 U.S. troops" is 2250..2750 `troop`.

A number is read where it stands (digits, number words, vague plurals such as
"dozens", ordinals), then widened to the left (a quantifier, a currency) and to
the right (a range, a unit, the counted noun). Numbers that label or date
something rather than count it (years, dates, clock times, "F-15", "Boeing
737", phone numbers, scores) are skipped. Words and interval rules are data:
knowledge/numbers.toml, quantifiers.toml, units.toml and nouns.toml.

`Quantity.modifier` is the quantifier's name ("about", "more than", ...),
"range" for "30 to 40", "vague" for "dozens"; None for an exact number.
`Quantity.value` is the number as stated (a range's midpoint, a vague amount's
lower bound). Ordinals have unit "ordinal" and are never counts. `rule` is
`quantity.<shape>`: count (a counted noun), number (bare, latent), money,
measure, implied (a unit the sentence implies: "the quake measured 5.7"),
fused ("six-storey"), vague, ordinal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from factcheck.knowledge import load
from factcheck.types import Interval, Quantity

_HYPHEN = r"\-‐‑"  # inside a character class
_DASHES = "-‐‑–"
_LOOKBACK = 80  # characters searched before a number for a quantifier, currency or label


@dataclass(frozen=True)
class _Reading:
    """A number as written: its span, its value and the scale word it carried."""

    start: int
    end: int
    value: float
    scale: float = 1.0
    words: bool = False


@dataclass(frozen=True)
class _Implied:
    """A unit a bare number takes from its sentence (units.toml [[implied]])."""

    unit: str
    cue: re.Pattern[str]
    noun: re.Pattern[str]
    topic: re.Pattern[str]
    low: float
    high: float


def _alternation(phrases: Iterable[str]) -> str:
    """Phrases as one regex group, longest first, spaces matching any whitespace or hyphen."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", rf"[\s{_HYPHEN}]+") for p in ordered) + ")"


class _Grammar:
    """The knowledge tables compiled once into lookups and patterns."""

    def __init__(self) -> None:
        numbers, quant, units, nouns = load("numbers"), load("quantifiers"), load("units"), load("nouns")
        shapes = numbers["shapes"]
        self.units: dict[str, int] = numbers["units"]
        self.tens: dict[str, int] = numbers["tens"]
        self.multipliers: dict[str, int] = numbers["multipliers"]
        self.scales: dict[str, float] = numbers["scales"]
        self.ordinals: dict[str, int] = numbers["ordinals"]
        self.money_scales: dict[str, float] = numbers["money_scale_abbreviations"]
        self.year_range: list[int] = shapes["year_range"]
        self.fused_idioms = set(shapes["fused_idioms"])
        self.rules: dict[str, tuple[float | None, float | None]] = {
            name: (rule.get("low"), rule.get("high")) for name, rule in quant["quantifier"].items()
        }
        self.quantifier_of = {p.lower(): name for name, rule in quant["quantifier"].items() for p in rule["phrases"]}
        self.vague_plurals: dict[str, float] = quant["vague"]["plurals"]
        self.vague_fixed: dict[str, list[float]] = quant["vague"]["fixed"]
        self.needs_of = set(quant["vague"]["needs_of"])
        self.irregular: dict[str, str] = nouns["irregular"]
        self.invariant = set(nouns["invariant"])
        self.not_plural = set(nouns["not_plural"])
        self.suffix_rules: list[list[str]] = nouns["suffix_rules"]
        self.aliases: dict[str, str] = nouns["aliases"]
        self.dropped = set(nouns["dropped_modifiers"])
        self.stop = set(nouns["stop_words"])
        self.demonyms = {d for info in load("gazetteer")["country"].values() for d in info.get("demonyms", [])}
        self.nationality_nouns = set(load("casualties")["nationality_nouns"])
        self.measure_of = {w.lower(): unit for unit, m in units["measure"].items() for w in m["words"]}
        self.symbol_unit = {s: unit for unit, m in units["measure"].items() for s in m["symbols"]}
        self.prefix_unit = {p.lower(): unit for unit, m in units["measure"].items() for p in m.get("prefix", [])}
        self.currency_symbol = {s: code for code, c in units["currency"].items() for s in c["symbols"]}
        self.currency_word = {w: code for code, c in units["currency"].items() for w in c["words"]}
        self.fixed_units = set(units["measure"]) | set(units["currency"])
        self.implied = [
            _Implied(
                unit=rule["unit"],
                cue=re.compile(rf"(?<!\w){_alternation(rule['cues'])}\s+\Z", re.IGNORECASE),
                noun=re.compile(rf"[\s{_HYPHEN}]+{_alternation(rule['nouns'])}(?![\w{_HYPHEN}])", re.IGNORECASE),
                topic=re.compile(rf"(?<!\w){_alternation(rule['topic'])}s?(?!\w)", re.IGNORECASE),
                low=rule["low"],
                high=rule["high"],
            )
            for rule in units.get("implied", [])
        ]

        scale_words = [*self.multipliers, *self.scales]
        number_words = [*self.units, *self.tens, *self.scales, "dozen"]
        vague = [*self.vague_plurals, *self.vague_fixed]
        self.candidate = re.compile(
            rf"(?<![\w.,])\d|(?<![\w{_HYPHEN}'’])(?:"
            rf"(?:{_alternation(vague)}|{_alternation(number_words)}|{_alternation(self.ordinals)})(?!\w)"
            rf"|an?\s+(?={_alternation(scale_words)}\b)|half\s+an?\s+(?={_alternation(self.scales)}\b)"
            r")",
            re.IGNORECASE,
        )
        # thousands grouped by commas, dots or spaces ("2,059", "2.059", "1 305"), decimals by
        # a dot or a comma ("7.2", "7,2"), as outlets in many languages write them
        self.digits = re.compile(
            r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!,\d)|\d{1,3}(?:\.\d{3})+(?![\d.,])|\d{1,3}(?:[  \u202f]\d{3})+(?![\d.,])"
            r"|\d+,\d{1,2}(?![\d,])|\d+(?:\.\d+)?"
        )
        self.word = re.compile(r"[A-Za-z]+")
        self.word_gap = re.compile(rf"[ \t]+|[{_HYPHEN}]")
        self.scale_after = re.compile(
            rf"(?:\s*({_alternation(scale_words)})s?|\s?({_alternation(numbers['scale_abbreviations'])}))(?![\w])",
            re.IGNORECASE,
        )
        self.scale_of = {k.lower(): float(v) for k, v in {**self.multipliers, **self.scales,
                                                          **numbers["scale_abbreviations"]}.items()}
        self.money_scale = re.compile(rf"\s?({_alternation(self.money_scales)})(?![\w])")
        self.vague_plural = re.compile(
            rf"({_alternation(self.vague_plurals)})(?:\s+of\s+({_alternation(self.vague_plurals)}))*(?!\w)",
            re.IGNORECASE,
        )
        self.vague_chain_word = re.compile(_alternation(self.vague_plurals), re.IGNORECASE)
        self.vague_fixed_re = re.compile(
            rf"({_alternation(self.vague_fixed)})(?:\s+({_alternation(scale_words)})s?)?(?!\w)", re.IGNORECASE
        )
        self.of_after = re.compile(r"\s+of(?!\w)", re.IGNORECASE)
        alone = numbers["alone"]
        self.alone_before = re.compile(
            rf"\s+(?:{_alternation(alone['auxiliaries'])}\s+)?{_alternation(alone['before'])}(?!\w)", re.IGNORECASE
        )
        self.alone_after = re.compile(rf"(?<!\w){_alternation(alone['after'])}\s+\Z", re.IGNORECASE)
        self.pronoun_before = re.compile(rf"(?<![\w{_HYPHEN}]){_alternation(alone['pronoun_markers'])}\s+\Z", re.I)
        self.ordinal = re.compile(
            rf"(?:({_alternation(self.ordinals)})|(\d+)(?:{_alternation(shapes['ordinal_suffixes'])}))"
            rf"(?:[{_HYPHEN}][A-Za-z]+est)?(?![\w])",
            re.IGNORECASE,
        )
        months = _alternation(shapes["months"])
        self.month_before = re.compile(rf"\b{months}\.?\s+\Z")
        self.month_after = re.compile(rf"(?:st|nd|rd|th)?,?\s+(?:of\s+)?{months}\b")
        self.clock_after = re.compile(r"\s*(?:[ap]\.?m\b\.?|o['’]clock)|[:/]\d", re.IGNORECASE)
        self.zone_after = re.compile(rf"\s*{_alternation(shapes['clock_zones'])}\b")
        self.year_before = re.compile(rf"(?<!\w){_alternation(shapes['temporal_prepositions'])}\s+\Z", re.IGNORECASE)
        self.marker_before = re.compile(rf"(?<!\w){_alternation(shapes['designation_markers'])}\.?\s*\Z")
        self.label_before = re.compile(r"(?<![\w.])([A-Z][\w&'’]*)\s+\Z")
        self.glued_before = re.compile(rf"[{_HYPHEN}/:#]\Z")
        self.phone = re.compile(r"(?<!\w)\+?(?:\(\d{2,4}\)\s?)?\d{2,4}[\s.\-]\d{3,4}[\s.\-]\d{3,4}(?!\w)")
        self.quantifier_before = re.compile(rf"(?<![\w{_HYPHEN}]){_alternation(self.quantifier_of)}\s+\Z", re.I)
        self.currency_before = re.compile(
            rf"(?:(?<![A-Za-z]){_alternation(k for k in self.currency_symbol if k[-1].isalpha())}\.?\s?"
            rf"|{_alternation(k for k in self.currency_symbol if not k[-1].isalpha())}\s?)\Z"
        )
        self.prefix_before = re.compile(rf"(?<!\w){_alternation(self.prefix_unit)}[\s{_HYPHEN}]+\Z", re.I)
        self.currency_at = re.compile(rf"{_alternation(self.currency_symbol)}\s?")
        self.between_before = re.compile(r"(?<!\w)between(?:\s+the\s+ages\s+of)?\s+\Z", re.IGNORECASE)
        self.from_before = re.compile(r"(?<!\w)from\s+\Z", re.IGNORECASE)
        # "rose from 30 to 40" is a change; "ranged from 14 to 75", "ranging in age from" a range
        self.range_from_before = re.compile(r"(?<!\w)(?:range[sd]?|ranging|age)\s+from\s+\Z", re.IGNORECASE)
        self.range_gap = re.compile(rf"\s?[{_HYPHEN}–]\s?|\s+(to|or|and)\s+", re.IGNORECASE)
        self.unit_symbol = re.compile(rf"\s?({_alternation(self.symbol_unit)})(?![\w{_HYPHEN}°])")
        self.unit_word = re.compile(rf"(?:\s+|[{_HYPHEN}])({_alternation(self.measure_of)})(?:e?s)?(?!\w)", re.I)
        self.fused = re.compile(rf"[{_HYPHEN}]([A-Za-z]+)(?!\w)")
        # a dotted acronym, a model designation ("F-16s"), or a word
        self.token = re.compile(
            rf"\s+((?:[A-Za-z]\.){{2,}}|[A-Za-z]+[{_HYPHEN}]?\d+[A-Za-z]*|[A-Za-z]+(?:['’{_HYPHEN}][A-Za-z]+)*)(?![\w{_HYPHEN}])"
        )
        self.label_tail = re.compile(rf"(?:[{_HYPHEN}–/.:]\w+)*")
        self.conversion_gap = re.compile(r"\s*[(\[]\s*|,?\s+or\s+")


@cache
def _grammar() -> _Grammar:
    return _Grammar()


def extract_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Every count and measure in one sentence, spans as offsets into the article."""
    g = _grammar()
    phones = [m.span() for m in g.phone.finditer(text)]
    found: list[Quantity] = []
    pos = 0
    while match := g.candidate.search(text, pos):
        start = match.start()
        phone = next((end for s, end in phones if s <= start < end), None)
        if phone is not None:
            pos = phone
            continue
        quantity, pos = _read_quantity(text, start, g)
        pos = max(pos, match.end())
        if quantity is not None and not _is_conversion(text, quantity, found, g):
            found.append(quantity)
    return [replace(q, start=q.start + offset, end=q.end + offset) for q in found]


@cache
def common_unit(unit: str | None) -> tuple[str | None, float]:
    """The unit a measure is compared in and the factor to it ("mile" -> ("m", 1609.344)):
    `in` of knowledge/units.toml; any other unit is its own."""
    conversion = load("units")["measure"].get(unit or "", {}).get("in")
    return (conversion["unit"], float(conversion["times"])) if conversion else (unit, 1.0)


def intervals_conflict(a: Quantity, b: Quantity) -> bool:
    """True when two quantities of one kind cannot both be right: their intervals are disjoint.

    An open side never conflicts ("at least 12" and "at least 30" agree).
    Ordinals, counts and each unit of measure or currency are different kinds,
    never compared; whether two counted nouns are the same thing is the caller's call.
    """
    if _kind(a) != _kind(b):
        return False
    return not Interval(a.low, a.high).overlaps(Interval(b.low, b.high))


def _kind(q: Quantity) -> str:
    g = _grammar()
    return q.unit if q.unit == "ordinal" or q.unit in g.fixed_units else "count"


def _before(pattern: re.Pattern[str], text: str, start: int) -> re.Match[str] | None:
    """A match of `pattern` (anchored at its end) just before `start`; the window keeps long texts linear."""
    return pattern.search(text, max(0, start - _LOOKBACK), start)


def _is_conversion(text: str, q: Quantity, before: list[Quantity], g: _Grammar) -> bool:
    """A measure right after another, in brackets or after "or", restates it ("80 km (50 miles)")."""
    if not before or q.unit not in g.fixed_units:
        return False
    prev = before[-1]
    return (prev.unit in g.fixed_units and prev.unit != q.unit
            and g.conversion_gap.fullmatch(text, prev.end, q.start) is not None)


def _read_quantity(text: str, start: int, g: _Grammar) -> tuple[Quantity | None, int]:
    """The quantity that starts at a candidate, and where scanning resumes."""
    if (m := g.vague_fixed_re.match(text, start)) and _of_follows_if_needed(text, m.group(1), start, m.end(), g):
        return _vague(text, start, m.end(), *_fixed_bounds(m, g), g)
    if m := g.vague_plural.match(text, start):
        words = g.vague_chain_word.findall(m.group())
        if _of_follows_if_needed(text, words[-1], start, m.end(), g):
            low = 2.0
            for w in words:
                low *= g.vague_plurals[w.lower()]
            return _vague(text, start, m.end(), low, None, g)
    if (m := g.ordinal.match(text, start)) and not (m.group(2) and _is_date(text, start, m.start(2), m.end(2), g)):
        value = g.ordinals[m.group(1).lower()] if m.group(1) else float(m.group(2))
        return _make(text, start, m.end(), "ordinal", value, value, value, None, "ordinal", True), m.end()
    first = _read_number(text, start, g)
    if first is None:
        return None, start + 1
    return _number(text, first, g)


def _fixed_bounds(m: re.Match[str], g: _Grammar) -> tuple[float, float | None]:
    low, high = g.vague_fixed[m.group(1).lower()]
    scale = g.scale_of[m.group(2).lower()] if m.group(2) else 1.0
    return low * scale, (high * scale if high else None)


def _of_follows_if_needed(text: str, phrase: str, start: int, end: int, g: _Grammar) -> bool:
    """ "scores" counts only as "scores of" or alone in a report of harm; "test scores" is no amount."""
    return _squash(phrase) not in g.needs_of or bool(g.of_after.match(text, end)) or _stands_alone(text, start, end, g)


def _stands_alone(text: str, start: int, end: int, g: _Grammar) -> bool:
    """A count with no noun where a report of harm puts one: "One dead", "kills scores"; never "no one"."""
    harm = g.alone_before.match(text, end) or _before(g.alone_after, text, start)
    return bool(harm) and not _before(g.pronoun_before, text, start)


def _vague(text: str, start: int, end: int, low: float, high: float | None, g: _Grammar) -> tuple[Quantity, int]:
    of = g.of_after.match(text, end)
    unit, noun_end = _noun(text, of.end() if of else end, plural=True, g=g)
    end = noun_end if unit else end
    return _make(text, start, end, "vague", low, low, high, "vague", unit, True), end


def _number(text: str, first: _Reading, g: _Grammar) -> tuple[Quantity | None, int]:
    """A number with what may stand around it: quantifier, currency, range, unit, noun."""
    start = first.start
    if _is_label(text, first, g):
        return None, _label_end(text, first.end, g)
    currency = None
    if cm := _before(g.currency_before, text, start):
        symbol = cm.group().strip()
        currency, start = g.currency_symbol.get(symbol) or g.currency_symbol[symbol.rstrip(".")], cm.start()
        first = _money_scaled(text, first, g)
    span = _span(text, first, currency is not None, g)
    if span is None:
        return None, _label_end(text, first.end, g)
    low_value, high_value, end = span
    number_end = end
    modifier = "range" if high_value != low_value else None
    if pm := _before(g.prefix_before, text, start):
        unit, start, shape = g.prefix_unit[_squash(pm.group())], pm.start(), "measure"
    else:
        unit, end, shape = _unit_after(text, end, currency, low_value, first, g)
    if unit is None and shape in ("idiom", "glued"):
        return None, end
    if qm := _before(g.quantifier_before, text, start):
        modifier, start = g.quantifier_of[_squash(qm.group())], qm.start()
    elif modifier == "range" and (bm := _before(g.between_before, text, start)):
        start = bm.start()
    # a cue outranks a noun the reader took for counted ("measuring up to 5.1 kept residents")
    if shape in ("number", "count") and (implied := _implied_unit(text, start, number_end, low_value, high_value, g)):
        unit, end, shape = implied, number_end, "implied"
    if (unit is None and _needs_noun(text, first, g)) or (_is_year(text, first, g)
                                                          and _before(g.year_before, text, start)):
        return None, end
    lo_f, hi_f = g.rules.get(modifier or "", (1.0, 1.0))
    low = None if lo_f is None else low_value * lo_f
    high = None if hi_f is None else high_value * hi_f
    return _make(text, start, end, shape, (low_value + high_value) / 2, low, high, modifier, unit, unit is None), end


def _implied_unit(text: str, start: int, end: int, low: float, high: float, g: _Grammar) -> str | None:
    """The unit a bare number's sentence implies: "the quake measured 5.7" is a magnitude."""
    for rule in g.implied:
        if (rule.low <= low and high <= rule.high and rule.topic.search(text)
                and (_before(rule.cue, text, start) or rule.noun.match(text, end))):
            return rule.unit
    return None


def _span(text: str, first: _Reading, money: bool, g: _Grammar) -> tuple[float, float, int] | None:
    """Low and high value of a number or range and where it ends; None for a score ("3-1").

    A scale on the second number of a range covers the first ("3 to 4 million"), and
    a money scale letter counts before a plural noun even without a currency ("3.4m people").
    """
    low = high = first.value
    end = first.end
    second = _range_end(text, first, money, g)
    if second is not None and second.value > first.value * (second.scale if first.scale == 1 else 1):
        scale = second.scale if first.scale == 1 and first.value * second.scale < second.value else 1.0
        low, high, end = first.value * scale, second.value, second.end
    elif second is not None and text[first.end:second.start].strip() in set(_DASHES):
        return None  # a score or a span of years: "3-1", "2020-21"
    if (not money and first.scale == 1 and (ms := g.money_scale.match(text, end))
            and _noun(text, ms.end(), plural=True, g=g)[0]):
        scale = g.money_scales[ms.group(1)]
        low, high, end = low * scale, high * scale, ms.end()
    return low, high, end


def _make(text: str, start: int, end: int, shape: str, value: float, low: float | None, high: float | None,
          modifier: str | None, unit: str | None, latent: bool) -> Quantity:
    return Quantity(start=start, end=end, text=text[start:end], rule=f"quantity.{shape}", value=_tidy(value),
                    low=None if low is None else _tidy(low), high=None if high is None else _tidy(high),
                    modifier=modifier, unit=unit, latent=latent)


def _tidy(x: float) -> float:
    return round(float(x), 6)


def _squash(phrase: str) -> str:
    return " ".join(w for w in re.split(rf"[\s{_HYPHEN}]+", phrase.strip().lower()) if w)


def _read_number(text: str, start: int, g: _Grammar) -> _Reading | None:
    """Digits with an optional scale word ("3.4 million", "2.5bn"), or a run of number words."""
    if m := g.digits.match(text, start):
        written = m.group()
        if _before(g.month_before, text, start):
            written = re.split(r"[  \u202f]", written)[0]  # "June 15 200 people" is a day and a count
        end, scale = start + len(written), 1.0
        s = g.scale_after.match(text, end)
        value = digits_value(written, scaled=s is not None)
        if s:
            scale = g.scale_of[(s.group(1) or s.group(2)).lower()]
            value, end = value * scale, s.end()
        return _Reading(start, end, value, scale)
    return _read_words(text, start, g)


def number_value(word: str) -> float | None:
    """The value of one number as written alone ("one", "four", "12"), else None."""
    reading = _read_number(word, 0, _grammar())
    return reading.value if reading and reading.end == len(word) else None


def digits_value(written: str, scaled: bool = False) -> float:
    """The value of digits as written: "2,059" and "2.059" (of people, not "2.059 million")
    and "1 305" are thousands grouped; "7,2" is 7.2."""
    if re.fullmatch(r"\d+,\d{1,2}", written):
        return float(written.replace(",", "."))
    if not scaled and re.fullmatch(r"\d{1,3}(?:\.\d{3})+", written):
        written = written.replace(".", "")
    return float(re.sub(r"[,  \u202f]", "", written))


def _read_words(text: str, start: int, g: _Grammar) -> _Reading | None:
    """The longest run of number words that composes to one number ("one hundred and twenty")."""
    words: list[tuple[str, int]] = []
    pos = start
    while len(words) < 12 and (m := g.word.match(text, pos)):
        words.append((m.group().lower(), m.end()))
        gap = g.word_gap.match(text, m.end())
        if not gap:
            break
        pos = gap.end()
    value, used, scale = _compose([w for w, _ in words], g)
    return _Reading(start, words[used - 1][1], value, scale, words=True) if used else None


def _compose(words: list[str], g: _Grammar) -> tuple[float, int, float]:
    """Value, words used and last scale of the longest grammatical prefix of `words`.

    Each word must be allowed after the previous one ("five one" stops at five;
    "thousand million" at thousand); "a" and "and" only join, and "and a half" adds
    one half ("one and a half kilometres", "two and a half million").
    """
    total = current = 0.0
    last, half, best, top = "start", False, (0.0, 0, 1.0), float("inf")
    scale = 1.0
    for i, w in enumerate(words):
        if last == "fraction" and i < best[1]:
            continue
        if w == "and" and last in ("unit", "tens") and words[i + 1 : i + 3] == ["a", "half"]:
            current, last = current + 0.5, "fraction"
            best = (total + current, i + 3, scale)
            continue
        if w in ("a", "an") and last in ("start", "half"):
            last = "a"
            continue
        if w == "half" and last == "start":
            half, last = True, "half"
            continue
        if w == "and" and last in ("hundred", "scale"):
            last = "and"
            continue
        if w in g.units and last in ("start", "tens", "hundred", "scale", "and") and not (last == "tens" and g.units[w] >= 10):
            current, last = current + g.units[w], "unit"
        elif w in g.tens and last in ("start", "hundred", "scale", "and"):
            current, last = current + g.tens[w], "tens"
        elif w in g.multipliers and last in ("a", "unit", "tens") and current < 100:
            current, last, scale = (current or 1) * g.multipliers[w], "hundred", float(g.multipliers[w])
        elif w in g.scales and last in ("a", "half", "unit", "tens", "hundred", "fraction") and g.scales[w] < top:
            top = scale = g.scales[w]
            total, current, last = total + (0.5 if half else current or 1) * g.scales[w], 0.0, "scale"
        else:
            break
        best = (total + current, i + 1, scale)
    return best


def _money_scaled(text: str, r: _Reading, g: _Grammar) -> _Reading:
    """After a currency, "m", "bn", "k" are scales: "€40m"."""
    if r.words or r.scale != 1 or not (m := g.money_scale.match(text, r.end)):
        return r
    scale = g.money_scales[m.group(1)]
    return _Reading(r.start, m.end(), r.value * scale, scale)


def _range_end(text: str, first: _Reading, money: bool, g: _Grammar) -> _Reading | None:
    """The second number of "30-40", "30 to 40", "two or three", "between 12 and 15"."""
    gap = g.range_gap.match(text, first.end)
    if not gap:
        return None
    word = (gap.group(1) or "").lower()
    if word == "and" and not _before(g.between_before, text, first.start):
        return None
    if word == "to" and _before(g.from_before, text, first.start) and not _before(g.range_from_before, text, first.start):
        return None  # "rose from 30 to 40" is a change, not a range
    pos = gap.end()
    if sym := g.currency_at.match(text, pos):
        pos = sym.end()
    if not word and (first.words or not text[pos:pos + 1].isdigit()):
        return None
    second = _read_number(text, pos, g)
    if second is None or second.words != first.words:
        return None
    return _money_scaled(text, second, g) if money else second


def _unit_after(text: str, end: int, currency: str | None, value: float, first: _Reading,
                g: _Grammar) -> tuple[str | None, int, str]:
    """The unit or counted noun after a number, where it ends, and the rule's shape."""
    if currency:
        return currency, end, "money"
    if m := g.unit_symbol.match(text, end):
        return g.symbol_unit[m.group(1)], m.end(), "measure"
    if m := g.unit_word.match(text, end):
        return g.measure_of[_squash(m.group(1))], m.end(), "measure"
    if m := g.fused.match(text, end):
        word = m.group(1).lower()
        if word in g.fused_idioms:
            return None, m.end(), "idiom"
        return _fuse(word, g), m.end(), "fused"
    if not first.words and text[end:end + 1].isalpha():
        return None, end, "glued"
    unit, noun_end = _noun(text, end, plural=value != 1, g=g)
    if unit in g.currency_word:
        return g.currency_word[unit], noun_end, "money"
    return unit, noun_end, "number" if unit is None else "count"


def _fuse(word: str, g: _Grammar) -> str:
    """The unit of a fused count: "six-storey" storey, "three-storied" storey, "100-metre" m."""
    singular = _singular(word, g)
    return g.measure_of.get(singular) or g.aliases.get(singular, singular)


def _noun(text: str, pos: int, plural: bool, g: _Grammar) -> tuple[str | None, int]:
    """The counted noun after a number in normal form, and where it ends.

    The head is the first plural-looking word (or, for one thing, the first
    plain lower-case word); one plain lower-case word before it is kept as a
    qualifier. Aliases are read on singular forms ("unmanned aerial vehicle" is "drone").
    """
    raw: list[tuple[str, int]] = []
    at = pos
    while len(raw) < 6 and (m := g.token.match(text, at)):
        if m.group(1).lower() in g.stop:
            break
        raw.append((m.group(1), m.end(1)))
        at = m.end()
    items = _merge_aliases([(w, _singular(w, g), end) for w, end in raw], g)
    head = next((i for i, item in enumerate(items) if _is_head(item[0], plural, g)), None)
    if head is None and plural:
        head = next((i for i, item in enumerate(items) if item[1] in g.invariant), None)
    if head is None and plural and items and items[0][0] in g.demonyms:  # "53 Nepali, five Indian"
        return items[0][0].lower(), items[0][2]
    if head is None:
        return None, pos
    unit = items[head][1]
    if head and items[head - 1][0] in g.demonyms and items[head][0] in g.nationality_nouns:
        unit = items[head - 1][0].lower()  # "five Indian nationals" count Indians
    elif head and f"{items[head - 1][0].lower()} {unit}" in g.currency_word:  # "Australian dollars"
        unit = f"{items[head - 1][0].lower()} {unit}"
    elif head and _is_qualifier(items[head - 1], g):
        unit = f"{items[head - 1][1]} {unit}"
    return unit, items[head][2]


def _merge_aliases(items: list[tuple[str, str, int]], g: _Grammar) -> list[tuple[str, str, int]]:
    """Replace runs of words that form an alias by the alias target, longest run first."""
    out: list[tuple[str, str, int]] = []
    i = 0
    while i < len(items):
        for j in range(len(items), i, -1):
            phrase = " ".join(s for _, s, _ in items[i:j])
            if phrase in g.aliases:
                last = items[j - 1][0]
                out.append((last, g.aliases[phrase], items[j - 1][2]))
                i = j
                break
        else:
            out.append(items[i])
            i += 1
    return out


def _is_head(word: str, plural: bool, g: _Grammar) -> bool:
    if not any(c.islower() for c in word):
        return False  # an acronym ("U.S.", "US") qualifies, never counts
    if plural:
        return _is_plural(word, g)
    return word.islower() and word.isalpha() and word not in g.dropped and not word.endswith("ed")


def _is_qualifier(item: tuple[str, str, int], g: _Grammar) -> bool:
    word, singular, _ = item
    return (word.islower() and word.isalpha() and singular not in g.dropped and singular not in g.stop
            and not word.endswith("ed"))


def _is_plural(word: str, g: _Grammar) -> bool:
    w = word.lower()
    if w in g.irregular:
        return True
    if w in g.not_plural or w in g.stop or w in g.invariant:
        return False
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s"))


def _singular(word: str, g: _Grammar) -> str:
    w = word.lower()
    if w in g.irregular:
        return g.irregular[w]
    if not _is_plural(word, g):
        return w
    for plural_end, singular_end in g.suffix_rules:
        if w.endswith(plural_end):
            return w[: len(w) - len(plural_end)] + singular_end
    return w


def _is_label(text: str, r: _Reading, g: _Grammar) -> bool:
    """Numbers that name or date something: "F-15", "No. 5", "June 27", "1 a.m.", "0600 GMT"."""
    if r.words:
        return bool(g.clock_after.match(text, r.end))
    digits_end = g.digits.match(text, r.start).end()  # type: ignore[union-attr]
    return bool(
        (_before(g.glued_before, text, r.start) and not _before(g.prefix_before, text, r.start))
        or _before(g.marker_before, text, r.start)
        or g.clock_after.match(text, digits_end)
        or (digits_end - r.start == 4 and g.zone_after.match(text, digits_end))
        or _is_date(text, r.start, r.start, digits_end, g)
    )


def _is_date(text: str, start: int, digits_start: int, digits_end: int, g: _Grammar) -> bool:
    day = text[digits_start:digits_end]
    return (day.isdigit() and 1 <= int(day) <= 31
            and bool(_before(g.month_before, text, start) or g.month_after.match(text, digits_end)))


def _needs_noun(text: str, first: _Reading, g: _Grammar) -> bool:
    """Bare numbers that are years, labels ("Boeing 737") or the pronoun "one" count only with a noun
    (or, "one", alone in a report of harm)."""
    if _is_year(text, first, g):
        return True
    if first.words:
        return first.value == 1 and first.scale == 1 and not _stands_alone(text, first.start, first.end, g)
    label = _before(g.label_before, text, first.start)
    return bool(label) and not _is_common(label.group(1), g)


def _is_year(text: str, r: _Reading, g: _Grammar) -> bool:
    return (not r.words and r.end - r.start == 4 and text[r.start:r.end].isdigit()
            and g.year_range[0] <= r.value <= g.year_range[1])


def _is_common(word: str, g: _Grammar) -> bool:
    w = word.lower()
    return w in g.stop or w in g.quantifier_of or w in g.prefix_unit


def _label_end(text: str, end: int, g: _Grammar) -> int:
    """Skip the rest of a label such as "737-800" or "2020-21"."""
    return g.label_tail.match(text, end).end()  # type: ignore[union-attr]


__all__ = ["extract_quantities", "intervals_conflict"]
