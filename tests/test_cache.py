"""The embedding cache: misses only reach the model, keys separate models, runs may overlap."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from conftest import ROOT, SAMPLE, BagOfWordsEncoder
from factcheck.cache import CACHE_ENV, CachedEncoder, cache_dir

TEXTS = [
    "A ferry carrying 300 passengers capsized off the coast on Tuesday.",
    "Rescuers pulled 41 survivors from the water by nightfall.",
    "The wildfire has burned 12,000 hectares since Friday.",
]


class CountingEncoder(BagOfWordsEncoder):
    def __init__(self, name: str = "bag-of-words") -> None:
        self.name = name
        self.seen: list[str] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.seen.extend(texts)
        return super().encode(texts)


def test_cache_returns_what_the_model_returns(tmp_path: Path) -> None:
    inner = CountingEncoder()
    cached = CachedEncoder(inner, tmp_path).encode(TEXTS)
    np.testing.assert_array_equal(cached, BagOfWordsEncoder().encode(TEXTS))


def test_cache_encodes_only_texts_it_has_not_seen(tmp_path: Path) -> None:
    CachedEncoder(CountingEncoder(), tmp_path).encode(TEXTS[:2])
    inner = CountingEncoder()
    vectors = CachedEncoder(inner, tmp_path).encode(TEXTS)
    assert inner.seen == [TEXTS[2]]
    np.testing.assert_array_equal(vectors, BagOfWordsEncoder().encode(TEXTS))


def test_cache_encodes_a_repeated_text_once(tmp_path: Path) -> None:
    inner = CountingEncoder()
    vectors = CachedEncoder(inner, tmp_path).encode([TEXTS[0], TEXTS[1], TEXTS[0]])
    assert inner.seen == TEXTS[:2]
    np.testing.assert_array_equal(vectors[0], vectors[2])


def test_cache_keeps_models_apart(tmp_path: Path) -> None:
    CachedEncoder(CountingEncoder("model-a"), tmp_path).encode(TEXTS)
    other = CountingEncoder("model-b")
    CachedEncoder(other, tmp_path).encode(TEXTS)
    assert other.seen == TEXTS


def test_cache_of_nothing_is_empty(tmp_path: Path) -> None:
    assert CachedEncoder(CountingEncoder(), tmp_path).encode([]).shape[0] == 0


def test_cache_dir_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "elsewhere"))
    assert cache_dir() == tmp_path / "elsewhere"
    monkeypatch.delenv(CACHE_ENV)
    assert "factcheck" in cache_dir().parts


def test_unusable_cache_only_warns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    inner = CountingEncoder()
    vectors = CachedEncoder(inner, blocked).encode(TEXTS)
    assert vectors.shape[0] == len(TEXTS) and inner.seen == TEXTS
    assert "embedding cache" in capsys.readouterr().err


def test_concurrent_runs_fill_one_cache(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(ROOT / "tests")!r})
        from conftest import BagOfWordsEncoder
        from factcheck.cache import CachedEncoder
        texts = [f"Report {{n}} of the flood in district {{n % 7}}." for n in range(int(sys.argv[1]), 400)]
        CachedEncoder(BagOfWordsEncoder(), {str(tmp_path)!r}).encode(texts)
        """
    )
    runs = [subprocess.Popen([sys.executable, "-c", script, str(n)], cwd=ROOT) for n in (0, 50, 100, 150)]
    assert [run.wait(timeout=120) for run in runs] == [0, 0, 0, 0]
    inner = CountingEncoder()
    CachedEncoder(inner, tmp_path).encode([f"Report {n} of the flood in district {n % 7}." for n in range(400)])
    assert inner.seen == []


def test_warm_check_loads_no_model_and_imports_no_torch(tmp_path: Path, encoder, monkeypatch) -> None:
    """A rerun is served from the cache: no embedding model, no parser (spaCy's thinc imports torch)."""
    from factcheck.pipeline import check

    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    cold = check([SAMPLE], encoder=CachedEncoder(encoder, tmp_path))
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from factcheck.pipeline import CheckOptions, check
        result = check([Path({str(SAMPLE)!r})], options=CheckOptions())
        print(len(result.discrepancies), "torch" in sys.modules, "sentence_transformers" in sys.modules)
        """
    )
    env = {**os.environ, CACHE_ENV: str(tmp_path)}
    warm = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert warm.stdout.split() == [str(len(cold.discrepancies)), "False", "False"]


def test_values_are_computed_once_per_key_and_again_for_a_new_key(tmp_path: Path) -> None:
    from factcheck.cache import code_key, remembered

    calls: list[int] = []

    def compute(n: int) -> str:
        calls.append(n)
        return f"value {n}"

    keys = [code_key(b"a"), code_key(b"b"), code_key(b"a")]
    assert remembered("claims", keys, compute, tmp_path) == ["value 0", "value 1", "value 0"]
    assert calls == [0, 1]
    assert remembered("claims", [code_key(b"b"), code_key(b"c")], compute, tmp_path) == ["value 1", "value 1"]
    assert calls == [0, 1, 1]


def test_remembered_values_hold_the_runs_own_claims(tmp_path: Path) -> None:
    from factcheck.cache import code_key, remembered
    from factcheck.pipeline import claims_of
    from tests.conftest import make_article

    claims = claims_of(make_article("A storm cut power to 40,000 homes on Friday. Schools stayed shut.", id="a"))
    keys = [code_key(b"event")]
    remembered("findings", keys, lambda n: [claims[1], claims[0]], tmp_path, claims=claims)
    again = claims_of(make_article("A storm cut power to 40,000 homes on Friday. Schools stayed shut.", id="a"))
    (value,) = remembered("findings", keys, lambda n: [], tmp_path, claims=again)
    assert value[0] is again[1] and value[1] is again[0]


def test_a_rerun_after_an_edit_compares_only_the_edited_event(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoder
) -> None:
    import factcheck.pipeline as pipeline

    folder = tmp_path / "feed"
    folder.mkdir()
    stories = {
        "quake-a.txt": "A magnitude 6.1 earthquake struck near Quito on Monday, killing 12 people.",
        "quake-b.txt": "A 6.1-magnitude quake hit near Quito on Monday and killed 15 people.",
        "fire-a.txt": "A wildfire near Perth destroyed 40 homes on Friday, firefighters said.",
        "fire-b.txt": "Firefighters said the bushfire near Perth destroyed 90 homes on Friday.",
    }
    for name, text in stories.items():
        (folder / name).write_text(text + "\n")
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    compared: list[tuple[str, ...]] = []
    align = pipeline.align_claims

    def counting(claims, *rest):
        compared.append(tuple(sorted({c.article for c in claims})))
        return align(claims, *rest)

    monkeypatch.setattr(pipeline, "align_claims", counting)
    options = pipeline.CheckOptions()
    cold = pipeline.check([folder], options=options, encoder=CachedEncoder(encoder, tmp_path / "cache"))
    assert len(cold.events) == 2 and len(compared) == 2
    warm = pipeline.check([folder], options=options, encoder=CachedEncoder(encoder, tmp_path / "cache"))
    assert warm.discrepancies == cold.discrepancies and warm.groups == cold.groups and len(compared) == 2
    (folder / "fire-b.txt").write_text(stories["fire-b.txt"].replace("90", "95") + "\n")
    edited = pipeline.check([folder], options=options, encoder=CachedEncoder(encoder, tmp_path / "cache"))
    assert compared[2:] == [("fire-a", "fire-b")]
    assert any("95" in s.claim.text for d in edited.discrepancies for s in d.sides)


def test_an_unreadable_row_is_computed_again(tmp_path: Path) -> None:
    import sqlite3

    from factcheck.cache import DATABASE, code_key, remembered

    keys = [code_key(b"a")]
    remembered("claims", keys, lambda n: "first", tmp_path)
    with sqlite3.connect(tmp_path / DATABASE) as db:
        db.execute("UPDATE claims SET value = ?", (b"not a pickle",))
    assert remembered("claims", keys, lambda n: "again", tmp_path) == ["again"]


def test_rows_of_another_version_of_the_tool_are_pruned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    import factcheck.cache as cache

    monkeypatch.setattr(cache, "code_fingerprint", lambda: b"an older version")
    cache.remembered("claims", [cache.code_key(b"a")], lambda n: "old", tmp_path)
    monkeypatch.undo()
    cache.remembered("claims", [cache.code_key(b"a")], lambda n: "new", tmp_path)
    with sqlite3.connect(tmp_path / cache.DATABASE) as db:
        assert [row[0] for row in db.execute("SELECT code FROM claims")] == [cache.code_fingerprint()]


def test_a_table_of_another_layout_is_replaced(tmp_path: Path) -> None:
    import sqlite3

    from factcheck.cache import DATABASE, code_key, remembered

    with sqlite3.connect(tmp_path / DATABASE) as db:
        db.execute("CREATE TABLE claims (key BLOB PRIMARY KEY, claims BLOB NOT NULL) WITHOUT ROWID")
    assert remembered("claims", [code_key(b"a")], lambda n: "value", tmp_path) == ["value"]
    assert remembered("claims", [code_key(b"a")], lambda n: "other", tmp_path) == ["value"]
