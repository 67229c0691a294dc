"""Facts with frames and slots: what a value is said about decides what it is compared with.

Sentences written here in the shapes real coverage uses; the parser is the packaged
spaCy pipeline the tool ships with.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from factcheck.facts.slots import event_of
from factcheck.pipeline import claims_of
from factcheck.rules import RULES
from factcheck.rules.common import RuleContext
from factcheck.rules.dating import dated_event, event_times
from factcheck.types import Casualty, Quantity, TimeRef
from tests.conftest import make_article


def frames(text: str):
    (claim,) = claims_of(make_article(text, id="a"))
    return claim, list(claim.frames)


@pytest.mark.parametrize(
    ("text", "value", "role"),
    [
        ("Twelve workers died when the van left the road.", "Twelve workers died", "killed"),
        ("The van was carrying 14 workers when it left the road.", "14 workers", "aboard"),
        ("The bus was carrying 22 staff members to the plant.", "22 staff members", "aboard"),
        ("Another 40 people were rescued from the rubble overnight.", "40 people", "rescued"),
        ("The death toll has increased to 141 as of Monday morning, police said.", "141", "killed"),
        ("The government on Sunday revised the death toll to 275.", "275", "killed"),
        ("The ferry left the harbour with 72 people on board.", "72 people", "aboard"),
        ("Five Indian nationals were among the passengers.", "Five Indian nationals", "aboard"),
        ("Forty Greek, three Dutch, two Germans and a Briton were on board.", "two Germans", "aboard"),
    ],
)
def test_a_value_takes_the_role_its_predicate_gives(text: str, value: str, role: str) -> None:
    _, found = frames(text)
    assert {(f.fact.text, f.role) for f in found} >= {(value, role)}


@pytest.mark.parametrize(
    "text",
    [
        "While 110 bodies were kept at the city hospital, the rest were sent home.",
        "With 187 bodies yet to be identified, the morgue stays open.",
        "Around 10,000 people are still missing, the death toll may rise.",
    ],
)
def test_a_count_of_the_dead_doing_something_else_is_not_the_toll(text: str) -> None:
    _, found = frames(text)
    assert all(f.role != "killed" for f in found if isinstance(f.fact, (Casualty, Quantity)))


@pytest.mark.parametrize(
    ("text", "value", "role", "group"),
    [
        ("The fire in the old tower had claimed 63 lives by Thursday noon.", "63 lives", "killed", "person"),
        ("Officials say 58 people including 9 children have died in the fire.", "9 children have died", "killed", "child"),
        ("Eleven have died while 37 have sustained injuries after the blast.", "37 have sustained injuries", "injured", None),
    ],
)
def test_a_count_of_the_harmed_is_a_toll_of_its_group(text: str, value: str, role: str, group: str | None) -> None:
    """A toll is compared with other tolls whatever words count it, and keeps its harm when a
    larger group or the harm's own noun governs it."""
    _, found = frames(text)
    (toll,) = [f for f in found if f.fact.text == value]
    assert (type(toll.fact), toll.role, toll.fact.group) == (Casualty, role, group)


def test_a_count_included_in_another_with_a_place_of_its_own_is_its_part(encoder) -> None:
    _, found = frames("The storm killed 31 people, including 9 in the port city of Galveston.")
    assert {f.fact.text: f.part for f in found if isinstance(f.fact, Casualty)} == {"killed 31 people": "", "9": "Galveston"}
    texts = {"a": ("The storm killed 31 people, including 9 in the port city of Galveston.", None), "b": ("The storm killed 31 people.", None)}
    assert check(texts, encoder) == []


def test_a_toll_split_by_group_in_the_next_sentence_counts_that_group() -> None:
    article = make_article("At least 58 people died in the blaze. Of these, 9 were children.", id="a")
    tolls = [(f.fact.text, f.role, f.fact.group) for c in claims_of(article) for f in c.frames if isinstance(f.fact, Casualty)]
    assert ("9 were children", "killed", "child") in tolls
    article = make_article("The block housed 200 people. Of these, 40 were children.", id="b")
    assert not [f for c in claims_of(article) for f in c.frames if isinstance(f.fact, Casualty)]


@pytest.mark.parametrize(
    "text",
    [
        "The explosion killed 33 workers, including 8 women, at the mill.",
        "Of the workers confirmed dead, 25 were men and 8 women, the ministry said.",
    ],
)
def test_a_group_counted_inside_a_toll_is_a_toll_of_that_group(text: str) -> None:
    _, found = frames(text)
    assert ("killed", "woman") in {(f.role, f.fact.group) for f in found if isinstance(f.fact, Casualty)}


def test_a_group_counted_inside_people_aboard_stays_a_count() -> None:
    _, found = frames("The bus carried 40 passengers, including 12 children.")
    assert not [f for f in found if isinstance(f.fact, Casualty)]


def test_the_figure_a_toll_rose_from_is_no_toll() -> None:
    _, found = frames("The toll rose to 57 from 49 on Tuesday, the ministry said.")
    assert sorted({f.fact.text for f in found if isinstance(f.fact, Casualty)}) == ["57", "toll rose to 57"]


def test_a_denied_count_states_no_value() -> None:
    _, found = frames("The driver did not carry 30 passengers that night, the company said.")
    assert [f.polarity for f in found if isinstance(f.fact, Quantity)] == ["denied"]


def test_a_time_on_another_action_does_not_date_the_event() -> None:
    claim, _ = frames("Police on Monday arrested nine people over the collapse of the bridge.")
    (monday,) = claim.of_type(TimeRef)
    assert dated_event(claim, monday) is None
    claim, _ = frames("The bridge collapsed on Sunday evening, killing 35 people.")
    (sunday,) = claim.of_type(TimeRef)
    assert dated_event(claim, sunday) is not None


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # the subject is a noun phrase whose head is not the event word
        ("According to the survey, the magnitude 6.1 quake struck at 4:20 a.m. on Tuesday.", "earthquake"),
        ("At 3:40 am local time, Cyclone Mara made landfall near the port.", "hurricane"),
        # a relative clause is about its noun
        ("Nine people were hurt in the blaze that broke out at about 02:15 on the third floor.", "fire"),
        # "it" is the event named before
        ("The tremor was felt in the capital when it hit at 9:05 pm on Friday.", "earthquake"),
        # the base form of an event's verb names it
        ("The ferry began to sink at about 5:10 a.m. off the cape.", "sinking"),
    ],
)
def test_a_clock_time_dates_the_event_its_clause_is_about(text: str, label: str) -> None:
    claim, _ = frames(text)
    clock = next(t for t in claim.of_type(TimeRef) if t.clock is not None)
    dated = dated_event(claim, clock)
    assert dated is not None and label in (dated.label, *dated.ancestors)


def test_a_disputed_hour_is_told_with_every_sources_time(encoder) -> None:
    """A rounded time that fits both disputed ones is told beside them."""
    texts = {
        "a": "The tanker exploded at about 5 a.m. near the depot.",
        "b": "The tanker exploded at 5:25 a.m. near the depot.",
        "c": "The tanker exploded at 4:35 a.m. near the depot.",
    }
    articles = [make_article(t, id=k, outlet=k.title(), timezone="Africa/Cairo") for k, t in texts.items()]
    claims = [c for a in articles for c in claims_of(a)]
    context = RuleContext(articles={a.id: a for a in articles}, claims=tuple(claims))
    (found,) = RULES["T103"].check(event_of(claims, encoder.encode), context)
    assert found.status == "conflict" and sorted(s.claim.article for s in found.sides) == ["a", "b", "c"]


def test_the_day_a_toll_was_given_does_not_date_the_event() -> None:
    claim, _ = frames("The toll from the flood rose to 212, the ministry said on Thursday.")
    assert event_times(claim, lambda t: t.weekday is not None) == []
    claim, _ = frames("Rescuers reached the village after the flood, the ministry said on Thursday.")
    assert [t.text for t in event_times(claim, lambda t: t.weekday is not None)] == ["Thursday"]


def test_a_clock_told_against_last_night_is_still_a_clock() -> None:
    claim, _ = frames("The blast happened at about 11:45 last night near the depot.")
    assert [t.clock for t in event_times(claim, lambda t: t.clock is not None)] == [11 * 60 + 45]


def check(texts: dict[str, tuple[str, datetime | None]], encoder) -> list:
    articles = [make_article(t, id=k, outlet=k.title(), published=p) for k, (t, p) in texts.items()]
    claims = [c for a in articles for c in claims_of(a)]
    event = event_of(claims, encoder.encode)
    context = RuleContext(articles={a.id: a for a in articles}, claims=tuple(claims))
    return [d for code in ("N101", "C102") for d in RULES[code].check(event, context)]


def test_one_finding_per_slot_never_mixing_two_quantities(encoder) -> None:
    found = check(
        {
            "a": ("The bus was carrying 52 passengers when it fell into the gorge. Twelve passengers died.", None),
            "b": ("The bus was carrying 56 passengers when it plunged off the road. Twelve passengers were killed.", None),
        },
        encoder,
    )
    assert [(d.rule, d.status) for d in found] == [("N101", "conflict")]
    assert {s.value for s in found[0].sides} == {"52 passengers", "56 passengers"}
    assert sorted(s.position for s in found[0].sides) == [1, 2]


def test_a_toll_rising_across_report_days_is_a_timeline_newest_first(encoder) -> None:
    found = check(
        {
            "first": ("At least 18 people were killed in the floods, officials said.", datetime(2024, 5, 2, tzinfo=UTC)),
            "next": ("The floods killed 61 people, officials said.", datetime(2024, 5, 3, tzinfo=UTC)),
            "last": ("The floods have killed 75 people, the ministry said.", datetime(2024, 5, 4, tzinfo=UTC)),
        },
        encoder,
    )
    (timeline,) = found
    assert timeline.status == "explained" and timeline.kind == "casualty"
    assert timeline.sides[0].claim.article == "last" and "latest" in timeline.explanation


def test_a_toll_a_later_report_puts_lower_is_a_conflict_not_a_timeline(encoder) -> None:
    found = check(
        {
            "first": ("The toll has increased to 141, police said.", datetime(2024, 5, 2, tzinfo=UTC)),
            "later": ("The collapse killed 135 people, officials said.", datetime(2024, 5, 4, tzinfo=UTC)),
        },
        encoder,
    )
    assert [d.status for d in found] == ["conflict"]


def test_counts_of_two_subgroups_are_two_slots(encoder) -> None:
    found = check(
        {
            "a": ("The plane was carrying ten foreign nationals.", None),
            "b": ("The plane was carrying five Indian nationals.", None),
            "c": ("The plane was carrying 15 foreign nationals.", None),
        },
        encoder,
    )
    (conflict,) = found
    assert {s.claim.article for s in conflict.sides} == {"a", "c"}


def test_two_exact_tolls_on_one_day_conflict(encoder) -> None:
    day = datetime(2024, 5, 2, 9, tzinfo=UTC)
    found = check(
        {
            "a": ("Seven people were killed in the blast, police said.", day),
            "b": ("Twelve people were killed in the blast, the fire service said.", day),
        },
        encoder,
    )
    assert [d.status for d in found] == ["conflict"]


def test_a_figure_given_as_an_earlier_one_is_not_a_conflict(encoder) -> None:
    found = check(
        {
            "a": ("Earlier reports said 40 people were aboard the ferry.", None),
            "b": ("Officials now confirm 37 people were aboard the ferry.", None),
        },
        encoder,
    )
    assert "conflict" not in {d.status for d in found}


def test_the_parser_loads_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    from factcheck.facts.syntax import parse, pipeline

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network access is blocked in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    pipeline.cache_clear()
    (doc,) = parse(["Twelve workers died."])
    assert [t.dep_ for t in doc][:3] == ["nummod", "nsubj", "ROOT"]


def test_a_hedge_on_a_coordinated_clause_is_not_the_tolls() -> None:
    _, found = frames("At least 2,300 people have died and 10,000 are believed missing, officials said.")
    polarity = {f.fact.text: f.polarity for f in found if isinstance(f.fact, Casualty)}
    assert polarity["At least 2,300 people have died"] == "stated"
    _, found = frames("At least 2,300 people are believed to have died, officials said.")
    assert [f.polarity for f in found if isinstance(f.fact, Casualty)] == ["hedged"]


def test_this_year_does_not_make_the_event_background() -> None:
    article = make_article("This year, the festival turned to horror. At least 149 people were killed in the crush.", id="a")
    assert [c.background for c in claims_of(article)] == [False, False]
    article = make_article("Last year, a fire hit the same street. It killed 12 people.", id="b")
    assert [c.background for c in claims_of(article)] == [True, True]



@pytest.mark.parametrize(
    ("first", "second", "found"),
    [
        ("The magnitude 6.8 earthquake struck the mountains.", "The magnitude 7.0 earthquake struck the mountains.", [("N101", "conflict")]),
        ("The 230-metre bridge collapsed into the river.", "The 233-metre bridge collapsed into the river.", []),
    ],
)
def test_a_measure_is_read_to_the_precision_it_is_written(first: str, second: str, found: list, encoder) -> None:
    """A magnitude is exact as given; a length stands for its rounding."""
    got = check({"a": (first, None), "b": (second, None)}, encoder)
    assert [(d.rule, d.status) for d in got] == found


@pytest.mark.parametrize(
    ("first", "second", "found"),
    [
        # one dimension in two units meets in one: 160 mph is about 257 km/h
        ("The cyclone came ashore with winds of 160 mph.", "The cyclone came ashore with winds of 210 km/h.", [("N101", "conflict")]),
        ("The cyclone came ashore with winds of 160 mph.", "The cyclone came ashore with winds of 257 km/h.", []),
        ("The ferry went down about 9 miles off the cape.", "The ferry went down 14 kilometres off the cape.", []),
        # what the figures measure differs: a distance and a height are not one slot
        ("The wreck lies 2 km from the runway.", "The plane was flying at 400 feet.", []),
    ],
)
def test_measures_in_two_units_are_compared_in_one(first: str, second: str, found: list, encoder) -> None:
    got = check({"a": (first, None), "b": (second, None)}, encoder)
    assert [(d.rule, d.status) for d in got] == found
