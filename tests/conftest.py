"""Shared fixtures: the sample corpus, the real encoder once per session, article builders."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from factcheck.cache import CACHE_ENV
from factcheck.ingest import layout
from factcheck.types import Article

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "iraq-syria-strikes-2021"


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory):
    """Tests neither read nor fill the user's cache: every run starts cold, as on a new machine."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_ENV, str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(scope="session")
def encoder():
    """The real default model, loaded once: end-to-end tests run what editors run."""
    from factcheck.embed import SentenceTransformerEncoder

    model = SentenceTransformerEncoder()
    model.load()
    return model


class BagOfWordsEncoder:
    """A small deterministic stand-in for unit tests: hashed word counts, unit length."""

    name = "bag-of-words"

    def encode(self, texts: list[str]) -> np.ndarray:
        vectors = np.zeros((len(texts), 512), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                vectors[row, sum(map(ord, word.strip(".,;:“”\"'"))) % 512] += 1
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms == 0, 1, norms)


@pytest.fixture
def bag_encoder() -> BagOfWordsEncoder:
    return BagOfWordsEncoder()


def make_article(text: str, id: str = "a", outlet: str | None = None, **meta) -> Article:
    return Article(id=id, path=Path(f"{id}.txt"), outlet=outlet or id, text=text, body=layout(text).body, **meta)


def assert_spans_round_trip(facts, text: str, offset: int) -> None:
    """Every fact lies inside the sentence and its span gives back its words."""
    for fact in facts:
        assert offset <= fact.start < fact.end <= offset + len(text)
        assert text[fact.start - offset : fact.end - offset] == fact.text


def assert_fields(facts, expected: list[dict], special: dict) -> None:
    """Facts match a corpus entry, field by field; `special` maps TOML stand-ins (no null) to values."""
    assert len(facts) == len(expected), [f.text for f in facts]
    for fact, fields in zip(facts, expected, strict=True):
        for key, value in fields.items():
            assert getattr(fact, key) == special.get(value, value), f"{key} of {fact.text!r}"


def rule_findings(rule, group, context, encoder) -> list:
    """One rule's findings on a group's claims: a sentence rule reads the group, a slot rule
    the event its claims make (slots matched with the encoder's phrase similarity)."""
    if rule.on == "groups":
        return rule.check(group, context)
    from factcheck.facts.slots import event_of

    return rule.check(event_of(list(group.claims), encoder.encode), context)
