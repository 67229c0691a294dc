"""Named events: a storm introduced as "Hurricane Otis" is the hurricane wherever the article says "Otis"."""

from __future__ import annotations

from conftest import make_article

from factcheck.pipeline import check, claims_of
from factcheck.types import EventType

STORY = (
    "Hurricane Lorna made landfall near the port early on Wednesday.\n\n"
    "Lorna's eye crossed the coast at {hour} local time, forecasters said.\n\n"
    "The Hurricane Center's staff worked through the night.\n"
)


def kinds(text: str) -> list[list[tuple[str, str]]]:
    return [[(e.text, e.label) for e in c.of_type(EventType)] for c in claims_of(make_article(text, id="a"))]


def test_the_name_alone_is_the_event_it_was_introduced_as() -> None:
    assert kinds(STORY.format(hour="1:25 a.m.")) == [[("Hurricane", "hurricane")], [("Lorna", "hurricane")], []]


def test_a_name_no_kind_introduced_is_no_event() -> None:
    assert kinds("Lorna Vance, the mayor, said the port was closed.\n\nLorna visited the shelter.\n") == [[], []]


def test_the_hour_of_the_event_told_by_its_name_is_compared(tmp_path, encoder) -> None:
    for name, hour in (("a.md", "1:25 a.m."), ("b.md", "3:40 a.m.")):
        (tmp_path / name).write_text(f"---\noutlet: {name}\ntimezone: America/Mexico_City\n---\n{STORY.format(hour=hour)}")
    result = check([tmp_path], encoder=encoder)
    clocks = [d for d in result.discrepancies if d.rule == "T103"]
    assert clocks and clocks[0].status == "conflict"
    assert {s.value for s in clocks[0].sides} == {"1:25 a.m. local time", "3:40 a.m. local time"}
