"""Persistent LSH index of MinHash signatures in SQLite (the store's file or any other).

Each signature is cut into bands; each band is hashed to one 64-bit key and stored in
``dedup_bands(band_key, article_id)`` (a WITHOUT ROWID B-tree). Finding candidates for a new body
is one indexed ``IN (...)`` lookup of its band keys: its cost grows with log(archive size) and with
the number of true candidates, not with the archive. Candidates are then verified on their
signatures (estimated Jaccard / containment), so a band collision alone never joins a cluster.

Tables (created here, prefixed ``dedup_`` as the store asks of other areas):
``dedup_meta`` (the hashing parameters the signatures were made with),
``dedup_signatures`` (article_id -> signature bytes and shingle counts), ``dedup_bands``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from copydesk.dedup.minhash import MinHasher, Signature, containment, jaccard

# Banding of the full signature (rows x bands <= FULL_PERMUTATIONS). 4 rows x 32 bands puts the
# 50 % detection point near J = 0.42 and detects J >= 0.6 with p > 0.98; unrelated articles
# (J ~ 0.02) collide with p ~ 5e-6 per pair.
FULL_ROWS, FULL_BANDS = 4, 32
# Banding of the lead signature: 3 rows x 21 bands detects lead J >= 0.6 with p > 0.99 (a trimmed,
# 5 %-edited copy's lead has J ~ 0.7); unrelated leads (J < 0.01) collide with p < 2e-5 per pair.
LEAD_ROWS, LEAD_BANDS = 3, 21
# Bodies with fewer shingles are not indexed: a 20-word text is too short to call a copy.
MIN_SHINGLES = 20

# Verification (calibrated on bench/dedup.py's planted copies; see docs/sections/dedup.md):
# a candidate joins when its full-body Jaccard estimate reaches MATCH_JACCARD (copies, light
# edits) ...
MATCH_JACCARD = 0.5
# ... or when the smaller body is mostly contained in the larger (trimmed copies, updated
# versions that added paragraphs), with some full-body overlap as a floor against noise ...
MATCH_CONTAINMENT = 0.7
MIN_JACCARD_FOR_CONTAINMENT = 0.2
# ... or when the leads agree strongly and the shorter body is at least half contained.
MATCH_LEAD_JACCARD = 0.55
MIN_CONTAINMENT_FOR_LEAD = 0.45
# SQLite's default limit on host parameters is 999 in old builds; stay below it.
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Match:
    """A verified near-duplicate of a queried body."""

    article_id: int
    jaccard: float
    containment: float
    lead_jaccard: float
    n_shingles: int


def similarity(a: Signature, b: Signature) -> tuple[float, float, float]:
    """(full Jaccard, containment of the smaller in the larger, lead Jaccard) estimates."""
    full = jaccard(a.full, b.full)
    return full, containment(full, a.n_shingles, b.n_shingles), jaccard(a.lead, b.lead)


def is_match(full: float, contained: float, lead: float) -> bool:
    """The verification rule applied to every LSH candidate (constants above)."""
    if full >= MATCH_JACCARD:
        return True
    if contained >= MATCH_CONTAINMENT and full >= MIN_JACCARD_FOR_CONTAINMENT:
        return True
    return lead >= MATCH_LEAD_JACCARD and contained >= MIN_CONTAINMENT_FOR_LEAD


_BAND_RNG = np.random.default_rng(0x5EEDBA4D)
# Odd multipliers for a multiply-sum hash of each band's rows, and a salt per band number.
_FULL_MUL = _BAND_RNG.integers(0, 2**63, size=FULL_ROWS, dtype=np.uint64) * np.uint64(
    2
) + np.uint64(1)
_LEAD_MUL = _BAND_RNG.integers(0, 2**63, size=LEAD_ROWS, dtype=np.uint64) * np.uint64(
    2
) + np.uint64(1)
_FULL_SALT = _BAND_RNG.integers(0, 2**63, size=FULL_BANDS, dtype=np.uint64)
_LEAD_SALT = _BAND_RNG.integers(0, 2**63, size=LEAD_BANDS, dtype=np.uint64) ^ np.uint64(1 << 63)


def _mix(h: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """The splitmix64 finaliser: spreads a linear hash over all 64 bits."""
    h = h ^ (h >> np.uint64(30))
    h = h * np.uint64(0xBF58476D1CE4E5B9)
    h = h ^ (h >> np.uint64(27))
    h = h * np.uint64(0x94D049BB133111EB)
    return h ^ (h >> np.uint64(31))


def _band_hashes(
    values: npt.NDArray[np.uint32],
    rows: int,
    bands: int,
    mul: npt.NDArray[np.uint64],
    salt: npt.NDArray[np.uint64],
) -> npt.NDArray[np.uint64]:
    grid = values[: rows * bands].astype(np.uint64).reshape(bands, rows)
    return _mix((grid * mul).sum(axis=1, dtype=np.uint64) ^ salt)


def band_keys(sig: Signature) -> list[int]:
    """The signature's band keys (signed 64-bit, as SQLite stores integers). Vectorised: a
    multiply-sum of each band's rows, salted by band number, then mixed."""
    keys = np.concatenate(
        (
            _band_hashes(sig.full, FULL_ROWS, FULL_BANDS, _FULL_MUL, _FULL_SALT),
            _band_hashes(sig.lead, LEAD_ROWS, LEAD_BANDS, _LEAD_MUL, _LEAD_SALT),
        )
    )
    out: list[int] = keys.view(np.int64).tolist()
    return out


def has_tables(conn: sqlite3.Connection, names: Sequence[str]) -> bool:
    marks = ",".join("?" * len(names))
    row = conn.execute(
        f"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ({marks})", names
    ).fetchone()
    return int(row[0]) == len(names)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """Group writes; joins an already open transaction (e.g. the store's ``transaction()``)."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS dedup_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS dedup_signatures (
        article_id INTEGER PRIMARY KEY,
        full BLOB NOT NULL,
        lead BLOB NOT NULL,
        n_shingles INTEGER NOT NULL,
        n_lead INTEGER NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS dedup_bands (
        band_key INTEGER NOT NULL,
        article_id INTEGER NOT NULL,
        PRIMARY KEY (band_key, article_id)) WITHOUT ROWID""",
)


class LshIndex:
    """MinHash signatures and their LSH bands in SQLite tables over a plain connection."""

    def __init__(self, conn: sqlite3.Connection, hasher: MinHasher | None = None) -> None:
        self.conn = conn
        self.hasher = hasher or MinHasher()
        if not has_tables(conn, ("dedup_meta", "dedup_signatures", "dedup_bands")):
            with transaction(conn):
                for statement in _SCHEMA:
                    conn.execute(statement)
                self._check_params()
        else:  # read-only connections (the HTTP service) only get here: no write, no lock
            self._check_params()

    def _params(self) -> dict[str, str]:
        h = self.hasher
        return {
            "seed": str(h.seed),
            "permutations": f"{h.full_permutations}+{h.lead_permutations}",
            "bands": f"{FULL_ROWS}x{FULL_BANDS}+{LEAD_ROWS}x{LEAD_BANDS}",
            "band_hash": "mulsum-splitmix64-v1",
        }

    def _check_params(self) -> None:
        stored = dict(self.conn.execute("SELECT key, value FROM dedup_meta").fetchall())
        params = self._params()
        if not stored and self.conn.in_transaction:
            self.conn.executemany("INSERT INTO dedup_meta VALUES (?, ?)", params.items())
        elif stored != params:
            raise ValueError(
                f"the dedup index in this file was built with {stored}, not {params}; "
                "rebuild it (drop the dedup_* tables) to change hashing parameters"
            )

    def signature(self, text: str) -> Signature:
        return self.hasher.signature(text)

    def add(
        self,
        article_id: int,
        sig: Signature,
        keys: list[int] | None = None,
        *,
        replace: bool = True,
    ) -> bool:
        """Store (or replace) an article's signature and bands. False when too short to index.
        ``keys``: the signature's ``band_keys`` when the caller already has them; ``replace=False``
        when the caller knows the article is new (saves a lookup)."""
        with transaction(self.conn):
            if replace:
                self.remove(article_id)
            if sig.n_shingles < MIN_SHINGLES:
                return False
            full, lead = sig.to_bytes()
            self.conn.execute(
                "INSERT OR REPLACE INTO dedup_signatures VALUES (?, ?, ?, ?, ?)",
                (article_id, full, lead, sig.n_shingles, sig.n_lead),
            )
            self.conn.executemany(
                "INSERT OR IGNORE INTO dedup_bands VALUES (?, ?)",
                ((key, article_id) for key in (keys or band_keys(sig))),
            )
        return True

    def remove(self, article_id: int) -> None:
        old = self.get([article_id]).get(article_id)
        if old is None:
            return
        self.conn.executemany(
            "DELETE FROM dedup_bands WHERE band_key = ? AND article_id = ?",
            ((key, article_id) for key in band_keys(old)),
        )
        self.conn.execute("DELETE FROM dedup_signatures WHERE article_id = ?", (article_id,))

    def get(self, article_ids: Iterable[int]) -> dict[int, Signature]:
        ids = list(article_ids)
        out: dict[int, Signature] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                "SELECT article_id, full, lead, n_shingles, n_lead FROM dedup_signatures "
                f"WHERE article_id IN ({marks})",
                chunk,
            )
            for aid, full, lead, n_shingles, n_lead in rows:
                out[int(aid)] = Signature.from_bytes(full, lead, n_shingles, n_lead)
        return out

    def candidates(self, sig: Signature, keys: list[int] | None = None) -> set[int]:
        """Articles sharing at least one band with ``sig`` (unverified)."""
        keys = keys or band_keys(sig)
        marks = ",".join("?" * len(keys))
        rows = self.conn.execute(
            f"SELECT article_id FROM dedup_bands WHERE band_key IN ({marks})", keys
        )
        return {int(r[0]) for r in rows}

    def query(
        self, sig: Signature, exclude: Sequence[int] = (), keys: list[int] | None = None
    ) -> list[Match]:
        """Verified near-duplicates of ``sig`` in the archive, best first."""
        if sig.n_shingles < MIN_SHINGLES:
            return []
        ids = self.candidates(sig, keys) - set(exclude)
        matches = []
        for aid, other in self.get(ids).items():
            full, contained, lead = similarity(sig, other)
            if is_match(full, contained, lead):
                matches.append(Match(aid, full, contained, lead, other.n_shingles))
        matches.sort(key=lambda m: (-m.jaccard, -m.containment, m.article_id))
        return matches

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM dedup_signatures").fetchone()[0])
