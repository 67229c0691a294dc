"""The sample corpus against its gold file, with the real default model.

Scoring rule (the gold file's header): a report finds a gold discrepancy when one
of its discrepancies has the same kind and cites, for every side, a claim of that
document whose text contains the side's quote. A trap must never be a conflict.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from factcheck.pipeline import check
from factcheck.report import render_json
from tests.conftest import SAMPLE

GOLD = tomllib.loads((Path(__file__).parent / "gold_iraq-syria-strikes-2021.toml").read_text("utf-8"))


@pytest.fixture(scope="module")
def report(encoder) -> dict:
    return json.loads(render_json(check([SAMPLE], encoder=encoder)))


def cites(discrepancy: dict, sides: list[dict]) -> bool:
    claims = discrepancy["claims"]
    return all(any(c["article"] == s["doc"] and s["quote"] in c["text"] for c in claims) for s in sides)


@pytest.mark.parametrize("gold", GOLD["discrepancy"], ids=lambda g: g["id"])
def test_gold_discrepancy_is_found_with_its_kind_and_status(report: dict, gold: dict) -> None:
    matches = [d for d in report["discrepancies"] if d["kind"] == gold["kind"] and cites(d, gold["sides"])]
    assert matches, f"not found: {gold['id']}"
    assert any(d["status"] == gold["status"] for d in matches)


@pytest.mark.parametrize("trap", GOLD["trap"], ids=lambda t: t["id"])
def test_trap_is_not_reported_as_a_conflict(report: dict, trap: dict) -> None:
    assert not [d for d in report["discrepancies"] if d["status"] == "conflict" and cites(d, trap["sides"])]


def test_the_report_stays_short_enough_to_read(report: dict) -> None:
    assert len([d for d in report["discrepancies"] if d["status"] == "conflict"]) <= 20


def test_every_cited_claim_round_trips_to_the_file(report: dict) -> None:
    for d in report["discrepancies"]:
        for claim in d["claims"]:
            text = (SAMPLE / f"{claim['article']}.txt").read_text("utf-8")
            assert text[claim["start"] : claim["end"]] == claim["text"]
            if "value_start" in claim:
                assert claim["start"] <= claim["value_start"] < claim["value_end"] <= claim["end"]


def test_the_version_correction_is_labelled_as_between_versions(report: dict) -> None:
    weapon = next(d for d in report["discrepancies"] if d["kind"] == "event_type" and cites(d, GOLD["discrepancy"][2]["sides"]))
    assert weapon["between"] == "versions"
