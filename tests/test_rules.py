"""Each rule on sentence pairs that must flag and pairs that must not (tests/corpus/rules.toml).

Claims come from the real extractors; the two sentences are linked directly as
paraphrases (or at a case's `score`), so no model is needed and only the rule is
under test.
"""

from __future__ import annotations

import tomllib
from datetime import datetime
from pathlib import Path

import pytest

from factcheck.pipeline import claims_of
from factcheck.rules import RULES
from factcheck.rules.common import RuleContext
from factcheck.types import ClaimGroup, Discrepancy
from tests.conftest import make_article, rule_findings

CASES = tomllib.loads((Path(__file__).parent / "corpus" / "rules.toml").read_text("utf-8"))["case"]
PARAPHRASE = 0.9


def when(case: dict, side: str) -> datetime | None:
    value = case.get(f"published_{side}")
    return datetime.fromisoformat(value) if value else None


def run(case: dict, encoder=None) -> list[Discrepancy]:
    outlet_b = "Outlet A" if case.get("same_outlet") else "Outlet B"
    articles = [
        make_article(case["a"], id="a", outlet="Outlet A", timezone=case.get("zone_a"), version=1, published=when(case, "a")),
        make_article(case["b"], id="b", outlet=outlet_b, timezone=case.get("zone_b"), version=2, published=when(case, "b")),
    ]
    claims = [claim for article in articles for claim in claims_of(article)]
    links = tuple(
        (i, j, case.get("score", PARAPHRASE))
        for i in range(len(claims))
        for j in range(i + 1, len(claims))
        if claims[i].article != claims[j].article
    )
    context = RuleContext(articles={a.id: a for a in articles}, claims=tuple(claims))
    return rule_findings(RULES[case["rule"]], ClaimGroup(claims=tuple(claims), links=links), context, encoder)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['rule']}-{c['name']}")
def test_rule_flags_what_it_must_and_nothing_else(case: dict, encoder) -> None:
    found = run(case, encoder)
    statuses = {d.status for d in found}
    if case["expect"] == "none":
        assert not found, [d.explanation for d in found]
    else:
        assert case["expect"] in statuses, f"expected {case['expect']}, got {statuses or 'nothing'}"
        if case["expect"] == "explained":
            assert "conflict" not in statuses, [d.explanation for d in found]


def test_a_correction_between_two_versions_is_labelled_so(encoder) -> None:
    case = next(c for c in CASES if c.get("same_outlet"))
    assert {d.between for d in run(case, encoder)} == {"versions"}


def test_every_rule_has_cases_that_flag_and_cases_that_do_not() -> None:
    for code in RULES:
        expects = {c["expect"] for c in CASES if c["rule"] == code}
        assert "none" in expects and expects - {"none"}, code
