"""Alignment at scale: blocked similarity gives the pairs a full matrix gives; events stay apart."""

from __future__ import annotations

import numpy as np
import pytest

import factcheck.align as align
from factcheck.align import AlignSettings, align_claims, aligned, by_event, link_pairs
from factcheck.types import Claim


def claims_and_vectors(n: int, articles: int, seed: int = 3) -> tuple[list[Claim], np.ndarray]:
    rng = np.random.default_rng(seed)
    base = rng.normal(size=(8, 16))
    vectors = base[rng.integers(0, 8, n)] + 0.6 * rng.normal(size=(n, 16))
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    claims = [Claim(article=f"a{k % articles}", start=k, end=k + 1, text="x", paragraph=1, index=k) for k in range(n)]
    return claims, vectors


def full_matrix_pairs(claims: list[Claim], vectors: np.ndarray, settings: AlignSettings) -> list[tuple[int, int]]:
    similarity = vectors @ vectors.T
    return [
        (i, j)
        for i in range(len(claims))
        for j in range(i + 1, len(claims))
        if claims[i].article != claims[j].article and aligned(claims[i], claims[j], float(similarity[i, j]), settings)
    ]


@pytest.mark.parametrize("block_cells", [1, 7, 500, 1 << 22])
def test_blocked_link_pairs_match_the_full_matrix(block_cells: int, monkeypatch: pytest.MonkeyPatch) -> None:
    claims, vectors = claims_and_vectors(120, 5)
    monkeypatch.setattr(align, "BLOCK_CELLS", block_cells)
    links = link_pairs(claims, vectors, AlignSettings())
    assert [(i, j) for i, j, _ in links] == full_matrix_pairs(claims, vectors, AlignSettings())
    for i, j, score in links:
        assert score == pytest.approx(float(vectors[i] @ vectors[j]), abs=1e-5)


def test_claims_of_different_events_are_never_grouped() -> None:
    claims, vectors = claims_and_vectors(60, 6)
    events = [("a0", "a2", "a4"), ("a1", "a3"), ("a5",)]
    event_of = {article: n for n, event in enumerate(events) for article in event}
    groups = [g for index in by_event(claims, events) for g in align_claims([claims[n] for n in index], vectors[index])]
    assert groups
    for group in groups:
        assert len({event_of[c.article] for c in group.claims}) == 1
    assert not any(c.article == "a5" for g in groups for c in g.claims)
