"""An on-disk cache, so a rerun over unchanged files loads no model and re-reads little.

Vectors are keyed by a hash of (model name, text), and an article's extracted claims
by a hash of (the tool's own code and knowledge, the article's id and text), in one
SQLite database in the user's cache directory (or `FACTCHECK_CACHE_DIR`). SQLite in
WAL mode gives atomic, concurrent-safe writes: two checks running at once each see
a complete cache, and a run killed mid-write leaves nothing partial behind.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from functools import cache
from pathlib import Path

import numpy as np

from factcheck.embed import Encoder
from factcheck.errors import warn
from factcheck.types import Article, Claim

CACHE_ENV = "FACTCHECK_CACHE_DIR"
DATABASE = "embeddings.sqlite3"
BUSY_TIMEOUT_MS = 60_000
CHUNK = 500
"""Keys per `IN (...)` query, well under SQLite's limit on bound parameters."""


def cache_dir() -> Path:
    """Where embeddings are kept: `FACTCHECK_CACHE_DIR`, else the platform's user cache dir."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("factcheck", appauthor=False))


def text_key(model: str, text: str) -> bytes:
    """The cache key of `text` embedded by `model`: a NUL keeps ("ab", "c") apart from ("a", "bc")."""
    return hashlib.sha256(f"{model}\x00{text}".encode()).digest()


class CachedEncoder:
    """An `Encoder` that encodes with `inner` only the texts the cache lacks, and stores them."""

    def __init__(self, inner: Encoder, directory: Path | str | None = None) -> None:
        self.inner = inner
        self.name = inner.name
        self.path = Path(directory or cache_dir()) / DATABASE

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return self.inner.encode(texts)
        keys = [text_key(self.name, t) for t in texts]
        try:
            with self.connect() as db:
                found = lookup(db, keys)
        except (OSError, sqlite3.Error) as error:
            warn(f"embedding cache unavailable at {self.path} ({error}); encoding without it")
            return self.inner.encode(texts)
        missing = {key: text for key, text in zip(keys, texts) if key not in found}
        if missing:
            vectors = np.asarray(self.inner.encode(list(missing.values())), dtype=np.float32)
            fresh = dict(zip(missing, vectors))
            found.update(fresh)
            self.store(fresh)
        return np.stack([found[key] for key in keys])

    def store(self, vectors: dict[bytes, np.ndarray]) -> None:
        """Save `vectors` in one transaction; a cache that cannot be written only costs speed."""
        try:
            with self.connect() as db, db:
                db.executemany(
                    "INSERT OR IGNORE INTO vectors (key, vector) VALUES (?, ?)",
                    [(key, np.ascontiguousarray(v, dtype=np.float32).tobytes()) for key, v in vectors.items()],
                )
        except (OSError, sqlite3.Error) as error:
            warn(f"could not write the embedding cache at {self.path} ({error})")

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        with connect(self.path) as db:
            yield db


@contextmanager
def connect(path: Path) -> Iterator[sqlite3.Connection]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)) as db:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL) WITHOUT ROWID")
        db.execute("CREATE TABLE IF NOT EXISTS claims (key BLOB PRIMARY KEY, claims BLOB NOT NULL) WITHOUT ROWID")
        yield db


@cache
def code_fingerprint() -> bytes:
    """A hash of the package's code and knowledge: extracted claims are stale once either changes."""
    digest = hashlib.sha256()
    root = Path(__file__).parent
    for path in sorted(p for p in root.rglob("*") if p.suffix in {".py", ".toml"}):
        digest.update(path.relative_to(root).as_posix().encode() + b"\x00" + path.read_bytes())
    return digest.digest()


def cached_claims(
    articles: list[Article], extract: Callable[[Article], list[Claim]], directory: Path | str | None = None
) -> list[list[Claim]]:
    """Each article's claims, extracted only for articles whose text or whose extractor changed."""
    path = Path(directory or cache_dir()) / DATABASE
    keys = [hashlib.sha256(code_fingerprint() + f"{a.id}\x00{a.text}".encode()).digest() for a in articles]
    try:
        with connect(path) as db:
            rows = select(db, "claims", keys)
    except (OSError, sqlite3.Error) as error:
        warn(f"claim cache unavailable at {path} ({error}); extracting without it")
        return [extract(a) for a in articles]
    found = {key: pickle.loads(blob) for key, blob in rows.items()}
    fresh = {key: extract(a) for key, a in zip(keys, articles) if key not in found}
    if fresh:
        try:
            with connect(path) as db, db:
                db.executemany(
                    "INSERT OR IGNORE INTO claims (key, claims) VALUES (?, ?)",
                    [(key, pickle.dumps(claims, protocol=pickle.HIGHEST_PROTOCOL)) for key, claims in fresh.items()],
                )
        except (OSError, sqlite3.Error) as error:
            warn(f"could not write the claim cache at {path} ({error})")
    return [found[key] if key in found else fresh[key] for key in keys]


def lookup(db: sqlite3.Connection, keys: list[bytes]) -> dict[bytes, np.ndarray]:
    """The cached vectors among `keys`."""
    return {key: np.frombuffer(blob, dtype=np.float32) for key, blob in select(db, "vectors", keys).items()}


def select(db: sqlite3.Connection, table: str, keys: list[bytes]) -> dict[bytes, bytes]:
    """The stored values of `table` among `keys`, queried in chunks under SQLite's parameter limit."""
    unique = list(dict.fromkeys(keys))
    found: dict[bytes, bytes] = {}
    for start in range(0, len(unique), CHUNK):
        chunk = unique[start : start + CHUNK]
        found.update(db.execute(f"SELECT * FROM {table} WHERE key IN ({','.join('?' * len(chunk))})", chunk))
    return found
