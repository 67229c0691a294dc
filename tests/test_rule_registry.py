"""The rule table: documented rules, stable codes."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from factcheck.rules import DOC_PARTS, KINDS, RULES, select_rules, unknown_codes

GOLDEN = Path(__file__).parent / "golden" / "rules.txt"


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_documents_what_why_and_an_example(code: str) -> None:
    doc = RULES[code].doc
    for part in DOC_PARTS:
        assert part in doc, f"{code} lacks {part!r}"
    assert re.fullmatch(r"[A-Z]\d{3}", code) and code[0] in KINDS


def test_codes_keep_their_meaning() -> None:
    table = "".join(f"{r.code} {r.name} {r.kind}\n" for r in RULES.values())
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        GOLDEN.write_text(table, encoding="utf-8")
    assert table == GOLDEN.read_text("utf-8"), "a rule code changed meaning: codes are never reused"


def test_select_and_ignore_take_codes_or_kind_letters() -> None:
    assert {r.code for r in select_rules(["N"])} == {c for c in RULES if c.startswith("N")}
    assert "C101" not in {r.code for r in select_rules(None, ["c101"])}
    assert unknown_codes(["Q", "N101"]) == ["Q"]
