"""A second corpus: invented events of other kinds (tests/events/), each against its gold file.

The articles and gold files were written before the tool was run on them, in the
manner of different outlets (wire, local daily, foreign paper, a web page with
chrome), with the discrepancies real coverage carries and traps that must not be
called conflicts. Scoring as for the sample (tests/test_sample_gold.py).
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from factcheck.pipeline import check
from factcheck.report import render_json
from tests.test_sample_gold import cites

EVENTS = Path(__file__).parent / "events"
GOLD = {p.stem.removeprefix("gold_"): tomllib.loads(p.read_text("utf-8")) for p in sorted(EVENTS.glob("gold_*.toml"))}
CONFLICT_BUDGET = 12
"""Conflicts a short report of one event may carry: gold ones plus a few an editor dismisses at a glance."""


@pytest.fixture(scope="module")
def reports(encoder) -> dict[str, dict]:
    return {event: json.loads(render_json(check([EVENTS / event], encoder=encoder))) for event in GOLD}


def cases(section: str) -> list:
    """(event, item) pairs; a known gap is expected to fail, strictly, so a fix is noticed."""
    return [
        pytest.param(event, item, marks=pytest.mark.xfail(reason=item["known_gap"], strict=True))
        if "known_gap" in item
        else (event, item)
        for event, gold in GOLD.items()
        for item in gold[section]
    ]


@pytest.mark.parametrize(("event", "gold"), cases("discrepancy"), ids=lambda x: x if isinstance(x, str) else x["id"])
def test_gold_discrepancy_is_found_with_its_kind_and_status(reports: dict, event: str, gold: dict) -> None:
    matches = [d for d in reports[event]["discrepancies"] if d["kind"] == gold["kind"] and cites(d, gold["sides"])]
    assert matches, f"not found: {gold['id']}"
    assert any(d["status"] == gold["status"] for d in matches)


def is_gold(event: str, discrepancy: dict) -> bool:
    """A finding the gold file asks for: a real difference, whatever else its sentences say."""
    return any(discrepancy["kind"] == g["kind"] and cites(discrepancy, g["sides"]) for g in GOLD[event]["discrepancy"])


@pytest.mark.parametrize(("event", "trap"), cases("trap"), ids=lambda x: x if isinstance(x, str) else x["id"])
def test_trap_is_not_reported_as_a_conflict(reports: dict, event: str, trap: dict) -> None:
    """A trap's sentences may carry other, real differences (a gold discrepancy citing the
    same two sentences for another point); any other conflict citing them is a false alarm."""
    kinds = {trap["kind"]} if "kind" in trap else {d["kind"] for d in reports[event]["discrepancies"]}
    conflicts = [
        d
        for d in reports[event]["discrepancies"]
        if d["status"] == "conflict" and d["kind"] in kinds and not is_gold(event, d)
    ]
    assert not [d for d in conflicts if cites(d, trap["sides"])]


@pytest.mark.parametrize("event", sorted(GOLD))
def test_the_report_stays_short_enough_to_read(reports: dict, event: str) -> None:
    assert len([d for d in reports[event]["discrepancies"] if d["status"] == "conflict"]) <= CONFLICT_BUDGET


@pytest.mark.parametrize("event", sorted(GOLD))
def test_gold_quotes_are_in_the_articles(event: str) -> None:
    texts = {p.stem: p.read_text("utf-8") for p in (EVENTS / event).glob("*.txt")}
    for item in GOLD[event]["discrepancy"] + GOLD[event]["trap"]:
        for side in item["sides"]:
            assert side["quote"] in texts[side["doc"]], (item["id"], side["quote"])
