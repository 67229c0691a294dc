"""An on-disk cache, so a rerun over unchanged files loads no model and recomputes little.

Vectors are keyed by a hash of (model name, text); an article's extracted claims by
(the tool's own code and knowledge, the article's id and text); an event's groups and
findings by (code, settings, the event's articles). All live in one SQLite database in
the user's cache directory (or `FACTCHECK_CACHE_DIR`). SQLite in WAL mode gives atomic,
concurrent-safe writes: two checks running at once each see a complete cache, and a run
killed mid-write leaves nothing partial behind. Rows a previous version of the tool
wrote are pruned when this one writes.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from functools import cache
from pathlib import Path
from typing import TypeVar

import numpy as np

from factcheck.embed import Encoder
from factcheck.errors import warn
from factcheck.types import Claim

T = TypeVar("T")

CACHE_ENV = "FACTCHECK_CACHE_DIR"
DATABASE = "factcheck.sqlite3"
BUSY_TIMEOUT_MS = 60_000
COLUMNS = {"vectors": ("key", "vector"), "claims": ("key", "value", "code"), "findings": ("key", "value", "code")}
"""The tables: vectors by model and text; each article's claims and each event's groups and
findings by the tool's code (`code` is its fingerprint: rows of other versions are pruned)."""
CHUNK = 500
"""Keys per `IN (...)` query, well under SQLite's limit on bound parameters."""


def cache_dir() -> Path:
    """Where the cache lives: `FACTCHECK_CACHE_DIR`, else the platform's user cache dir."""
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
        for table, columns in COLUMNS.items():
            if [row[1] for row in db.execute(f"PRAGMA table_info({table})")] not in ([], list(columns)):
                db.execute(f"DROP TABLE {table}")  # written by another version of the tool: only a cache
            typed = ", ".join(f"{c} BLOB{' PRIMARY KEY' if c == 'key' else ' NOT NULL'}" for c in columns)
            db.execute(f"CREATE TABLE IF NOT EXISTS {table} ({typed}) WITHOUT ROWID")
        yield db


@cache
def code_fingerprint() -> bytes:
    """A hash of the package's code and knowledge: extracted claims are stale once either changes."""
    digest = hashlib.sha256()
    root = Path(__file__).parent
    for path in sorted(p for p in root.rglob("*") if p.suffix in {".py", ".toml"}):
        digest.update(path.relative_to(root).as_posix().encode() + b"\x00" + path.read_bytes())
    return digest.digest()


def code_key(*parts: bytes) -> bytes:
    """A key for what the tool computes from `parts`: it changes with the tool's code and knowledge."""
    digest = hashlib.sha256(code_fingerprint())
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.digest()


def remembered(
    table: str,
    keys: list[bytes],
    compute: Callable[[int], T],
    directory: Path | str | None = None,
    track: Callable[[list[int]], Iterable[int]] = iter,
    claims: Iterable[Claim] = (),
) -> list[T]:
    """The stored value of each key, computing (`compute(position)`) and storing only those missing.

    A value may hold `claims` the run already has: they are stored as references and
    come back as the very same objects, so a remembered result costs no second copy.
    Each position passes through `track`, loaded or computed, so a progress bar and a
    stage's time count both. A row that cannot be read is computed again.
    """
    path = Path(directory or cache_dir()) / DATABASE
    known = {claim_ref(c): c for c in claims}
    try:
        with connect(path) as db:
            rows = select(db, table, keys)
        usable = True
    except (OSError, sqlite3.Error) as error:
        warn(f"{table} cache unavailable at {path} ({error}); working without it")
        rows, usable = {}, False
    values: dict[bytes, T] = {}
    fresh: dict[bytes, T] = {}
    for n in track(list(range(len(keys)))):
        key = keys[n]
        if key in values:
            continue
        value = loads(rows[key], known) if key in rows else MISSING
        if value is MISSING:
            value = fresh[key] = compute(n)
        values[key] = value
    if fresh and usable:
        try:
            blobs = [(key, dumps(value, known), code_fingerprint()) for key, value in fresh.items()]
            with connect(path) as db, db:
                db.executemany(f"INSERT OR IGNORE INTO {table} (key, value, code) VALUES (?, ?, ?)", blobs)
                db.execute(f"DELETE FROM {table} WHERE code != ?", (code_fingerprint(),))
        except (OSError, sqlite3.Error, pickle.PicklingError, TypeError, AttributeError, RecursionError) as error:
            warn(f"could not write the {table} cache at {path} ({error})")
    return [values[key] for key in keys]


MISSING = object()
"""What `loads` gives for a row it cannot read: a value to compute again."""


def claim_ref(claim: Claim) -> tuple[str, int, str]:
    return (claim.article, claim.start, claim.part)


def dumps(value: object, known: dict[tuple[str, int, str], Claim]) -> bytes:
    """`value` pickled, each of the `known` claims in it as a reference to it."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.persistent_id = lambda obj: (
        claim_ref(obj) if isinstance(obj, Claim) and known.get(claim_ref(obj)) is obj else None
    )
    pickler.dump(value)
    return buffer.getvalue()


def loads(blob: bytes, known: dict[tuple[str, int, str], Claim]) -> object:
    """A stored value, its claim references resolved; `MISSING` if it cannot be read."""
    unpickler = pickle.Unpickler(io.BytesIO(blob))
    unpickler.persistent_load = known.__getitem__
    try:
        return unpickler.load()
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, KeyError, TypeError, ValueError):
        return MISSING


def lookup(db: sqlite3.Connection, keys: list[bytes]) -> dict[bytes, np.ndarray]:
    """The cached vectors among `keys`."""
    return {key: np.frombuffer(blob, dtype=np.float32) for key, blob in select(db, "vectors", keys).items()}


def select(db: sqlite3.Connection, table: str, keys: list[bytes]) -> dict[bytes, bytes]:
    """The stored values of `table` among `keys`, queried in chunks under SQLite's parameter limit."""
    unique = list(dict.fromkeys(keys))
    found: dict[bytes, bytes] = {}
    for start in range(0, len(unique), CHUNK):
        chunk = unique[start : start + CHUNK]
        found.update(db.execute(f"SELECT key, {COLUMNS[table][1]} FROM {table} WHERE key IN ({','.join('?' * len(chunk))})", chunk))
    return found
