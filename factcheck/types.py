"""The data every stage passes on: plain frozen dataclasses.

Every annotation is a character span into `Article.text` (the file's text exactly
as read), carried from the moment it is found; nothing is located again later by
searching for its words, so every citation round-trips to the file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Article:
    """One report as read from disk, with the metadata an editor needs to cite it."""

    id: str
    path: Path
    outlet: str
    text: str
    body: tuple[tuple[int, int], ...]
    """Character spans of article text (page chrome excluded), in file order."""
    title: str | None = None
    url: str | None = None
    published: datetime | None = None
    timezone: str | None = None
    version: int | None = None
    role: str = "source"
    """`source` or `draft`."""
    encoding: str = "utf-8"
    """How the file's bytes were decoded; offsets count characters of the decoded text."""
    captions: tuple[tuple[int, int], ...] = ()
    """Spans of photo and video captions: checked against their own body, never against other outlets."""
    headings: tuple[tuple[int, int], ...] = ()
    """Spans of the headline and subheadings (markdown `#` marker left out): checked against their own body only."""

    @property
    def label(self) -> str:
        """The outlet, with the version when the story has several: how a report names the article."""
        return f"{self.outlet} (version {self.version})" if self.version is not None else self.outlet


@dataclass(frozen=True)
class Fact:
    """A typed annotation of a claim; `rule` names the extractor rule that found it."""

    start: int
    end: int
    text: str
    rule: str


@dataclass(frozen=True)
class Quantity(Fact):
    """A count or measure as an interval: `about 2,500` is 2250..2750.

    `low`/`high` are None for an open side (`more than 3,000` has no `high`).
    `unit` is the counted thing in a normal form (`troop`, `drone attack`, `km`),
    `scope` the places or groups it is said to cover. `latent` marks weak parses
    (a bare number with no counted noun, `dozens`).
    """

    value: float
    low: float | None
    high: float | None
    modifier: str | None = None
    unit: str | None = None
    scope: tuple[str, ...] = ()
    latent: bool = False


@dataclass(frozen=True)
class TimeRef(Fact):
    """A time expression, resolved as far as the words allow.

    `weekday` is 0=Monday..6=Sunday. `day_part` is a named part of day
    (`before dawn`, `evening`, `early morning`, `night`...). `clock` is minutes
    after midnight. `zone` is an IANA zone or `local` when the text says
    "local time"; None when unstated. `precision` is the finest unit given:
    `minute`, `hour`, `day_part`, `day`, `month_part` (late February), `month`, `year`.
    """

    precision: str
    weekday: int | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    month_part: str | None = None
    day_part: str | None = None
    clock: int | None = None
    zone: str | None = None
    approximate: bool = False
    relative: str | None = None
    """`today`, `yesterday`, `tomorrow`, `tonight`, `last week`... as written."""


@dataclass(frozen=True)
class Casualty(Fact):
    """A report of harm to people.

    `outcome` is `killed`, `injured` or `casualties` (either). `polarity`:
    `asserted` (a count or a plain report of harm), `none` ("no one was hurt"),
    `absent_report` ("no immediate reports of casualties": nothing known so far),
    or `uncertain` ("too early to assess": claims nothing). `low`/`high` bound
    the count when one is given (`none` is 0..0).
    """

    outcome: str
    polarity: str
    low: float | None = None
    high: float | None = None
    group: str | None = None


@dataclass(frozen=True)
class EventType(Fact):
    """An event or weapon type, normalized to a taxonomy node with its ancestors."""

    label: str
    ancestors: tuple[str, ...] = ()
    category: str = "weapon"
    """`weapon`, `vehicle` or `event`: only types of one category are compared."""


@dataclass(frozen=True)
class Place(Fact):
    """A place name normalized through the gazetteer's aliases."""

    name: str
    country: str | None = None
    kind: str | None = None
    """`country`, `city`, `region`, `border`, ... as the gazetteer says; below a city, what
    its cue says (`district`, `village`, `town`, `neighbourhood`, `zone`, ...)."""
    within: str | None = None
    """The gazetteer place a place below a city is said to lie in ("Adana's Karacay district": Adana)."""


@dataclass(frozen=True)
class Attribution(Fact):
    """Who a claim is said to come from: (speaker, cue), as in "X said"."""

    speaker: str
    cue: str
    speaker_type: str | None = None
    """`official`, `military`, `state_media`, `militia`, `anonymous`, `witness`, `agency`..."""
    hedged: bool = False
    """True when the outlet distances itself ("without providing evidence", "claimed")."""


@dataclass(frozen=True)
class Thing(Fact):
    """A train, building, vessel, unit, facility or aircraft at the centre of an event.

    Outlets name one thing in many ways ("MV Sea Lark", "the Sea Lark", "the
    ferry"); a rule can tell one thing from two only with the name normalized.
    `kind` is its class (`train`, `vessel`, `aircraft`, `building`, `facility`,
    `unit`: a vehicle's root in knowledge/event_types.toml where one fits).
    `name` is the proper name in a normal form (lower case, no article or class
    word, ordinals as digits: "4 mechanised"), None for a generic mention ("the
    ferry"). `name_span` is where the name's words stand in the article: types
    and places inside it are part of the name ("Tanker" in "MV Ocean Tanker").
    """

    kind: str
    name: str | None = None
    name_span: tuple[int, int] | None = None


@dataclass(frozen=True)
class Frame:
    """What one value is said about (`factcheck.facts.frames`).

    `role` names the slot's predicate: a role of `knowledge/roles.toml` (`killed`,
    `aboard`, ...), a measure's dimension (`length`), or empty when the sentence names
    none; then `phrase` (the counted noun, the predicate, the prepositional phrases tied
    to them, the value left out: "people on bridge") is what slots compare. `polarity` is
    `stated`, `denied` or `hedged`.
    """

    fact: Fact
    role: str
    entity: str
    phrase: str
    polarity: str = "stated"
    qualifiers: tuple[str, ...] = ()
    """The adjectives of a counted noun that name a subgroup ("foreign", "Indian" nationals):
    counts of two subgroups are two slots."""
    part: str = ""
    """The place a sentence gives this count when it splits one count place by place ("one in
    the south"): counts of two parts are two slots (`factcheck.facts.parts`)."""
    bearing: str = ""
    """For a distance, the compass direction it runs in from its reference ("southeast" of
    "250 km southeast of Athens"); `bearing_end` is where that word ends (article offset)."""
    bearing_end: int = 0
    governs: tuple[tuple[int, int], ...] = ()
    """For a time, the article spans of the word it dates and of that word's subject and object:
    "police on Monday arrested nine people" dates the arrests, not the collapse named later."""


@dataclass(frozen=True)
class Claim:
    """One sentence of an article's body, with its facts."""

    article: str
    start: int
    end: int
    text: str
    paragraph: int
    index: int
    """Position of the sentence in its article, from 0."""
    facts: tuple[Fact, ...] = ()
    part: str = "body"
    """`body`, `caption` for a photo or video caption, or `heading` for the headline or a subheading."""
    background: bool = False
    """Speaks of an earlier event (dated by month or year, or "last year"), not the one reported."""
    frames: tuple[Frame, ...] = ()
    """What each count and toll is said about, for the slot rules."""

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "_memo"}

    def remembered(self, key: object, compute: Callable[[], Any]) -> Any:
        """`compute()` once per claim: rules ask again and again for what a claim holds.

        Kept on the claim itself, so it lives as long as the claim and is never stored."""
        memo = self.__dict__.setdefault("_memo", {})
        if key not in memo:
            memo[key] = compute()
        return memo[key]

    def of_type(self, kind: type) -> tuple:
        """The facts of one kind."""
        return self.remembered(kind, lambda: tuple(f for f in self.facts if isinstance(f, kind)))


@dataclass(frozen=True)
class ClaimGroup:
    """Claims from different articles that speak of the same thing."""

    claims: tuple[Claim, ...]
    links: tuple[tuple[int, int, float], ...] = ()
    """Pairs of `claims` indices aligned directly, with their cosine similarity."""


@dataclass(frozen=True)
class Side:
    """One article's word on a disputed point: the claim and the fact it rests on."""

    claim: Claim
    value: str
    fact: Fact | None = None
    position: int | None = None
    """For a slot's finding, which of its positions (sets of compatible values) this side holds:
    sides with one position agree; a conflict has at least two."""


@dataclass(frozen=True)
class Discrepancy:
    rule: str
    kind: str
    status: str
    """`conflict` or `explained`."""
    severity: str
    """`high`, `medium` or `low`."""
    between: str
    """`outlets`, `versions`, `article` or `draft`."""
    topic: str
    explanation: str
    sides: tuple[Side, ...]


@dataclass(frozen=True)
class CheckResult:
    """What a check found; both renderers draw on this one object."""

    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    groups: tuple[ClaimGroup, ...]
    discrepancies: tuple[Discrepancy, ...]
    model: str
    paraphrase: float = 0.70
    """The similarity at which two claims were taken to restate one statement."""
    notes: tuple[str, ...] = field(default=())
    skipped: tuple[str, ...] = field(default=())
    events: tuple[tuple[str, ...], ...] = ()
    """Article ids grouped by the event they report; claims are compared only within one."""
    draft: tuple[DraftVerdict, ...] = ()
    """One verdict per check-worthy claim of the draft, when a draft was given."""
    revisions: tuple[Revision, ...] = ()
    """What each later version of a story changed, outlet by outlet."""
    agreements: tuple[Agreement, ...] = ()
    wire_copies: tuple[tuple[str, str], ...] = ()
    """Pairs of articles from different outlets that carry one agency's text."""


@dataclass(frozen=True)
class DraftVerdict:
    """Whether the sources contradict, support or are silent on one claim of the draft."""

    claim: Claim
    verdict: str
    """`contradicted`, `supported` or `unsupported`."""
    discrepancies: tuple[int, ...] = ()
    """Positions (from 0) in `CheckResult.discrepancies` of the conflicts it is part of."""
    supported_by: tuple[str, ...] = ()
    """Ids of the source articles whose claims say the same."""
    unsupported: tuple[str, ...] = ()
    """The claim's values (as written) that no source states, when some other value is checked."""


@dataclass(frozen=True)
class Revision:
    """The check-worthy claims one version of a story dropped or added against the one before."""

    outlet: str
    earlier: str
    later: str
    removed: tuple[Claim, ...] = ()
    added: tuple[Claim, ...] = ()


@dataclass(frozen=True)
class Agreement:
    """Claims that several outlets state alike, with how many of them are independent."""

    claims: tuple[Claim, ...]
    outlets: tuple[str, ...]
    independent: int


@dataclass(frozen=True)
class Interval:
    """A closed interval, either end open (None)."""

    low: float | None
    high: float | None

    def overlaps(self, other: Interval) -> bool:
        lo = max((x for x in (self.low, other.low) if x is not None), default=None)
        hi = min((x for x in (self.high, other.high) if x is not None), default=None)
        return lo is None or hi is None or lo <= hi


__all__ = [
    "Article",
    "Attribution",
    "Casualty",
    "CheckResult",
    "Claim",
    "ClaimGroup",
    "Discrepancy",
    "EventType",
    "Fact",
    "Frame",
    "Interval",
    "Place",
    "Quantity",
    "Side",
    "Thing",
    "TimeRef",
]
