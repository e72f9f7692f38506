"""MinHash estimates and the SQLite LSH index: copies are found, unrelated bodies are not."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from copydesk.dedup import lsh as lsh_mod
from copydesk.dedup.lsh import LshIndex, band_keys
from copydesk.dedup.minhash import (
    MinHasher,
    Signature,
    containment,
    jaccard,
    shingle_hashes,
    words,
)

VOCAB = [f"{a}{b}{c}" for a in "bcdfgklmnprst" for b in "aeiou" for c in "lmnrstxz"]


def body(seed: int, n_words: int = 400) -> str:
    rng = random.Random(seed)
    sentences = []
    while sum(len(s.split()) for s in sentences) < n_words:
        sentences.append(" ".join(rng.choice(VOCAB) for _ in range(rng.randint(8, 20))) + ".")
    return " ".join(sentences)


def edit(text: str, rate: float, seed: int) -> str:
    rng = random.Random(seed)
    tokens = text.split()
    for i in rng.sample(range(len(tokens)), int(len(tokens) * rate)):
        tokens[i] = "edited" + str(i)
    return " ".join(tokens)


def exact_jaccard(a: str, b: str) -> float:
    sa, sb = set(shingle_hashes(words(a)).tolist()), set(shingle_hashes(words(b)).tolist())
    return len(sa & sb) / len(sa | sb)


@pytest.fixture(scope="module")
def hasher() -> MinHasher:
    return MinHasher()


def test_identical_and_unrelated(hasher: MinHasher) -> None:
    a, b = body(1), body(2)
    assert jaccard(hasher.signature(a).full, hasher.signature(a).full) == 1.0
    assert jaccard(hasher.signature(a).full, hasher.signature(b).full) < 0.05


def test_estimate_tracks_exact_jaccard(hasher: MinHasher) -> None:
    a = body(3, 600)
    for rate in (0.02, 0.05, 0.15):
        b = edit(a, rate, seed=int(rate * 100))
        est = jaccard(hasher.signature(a).full, hasher.signature(b).full)
        assert abs(est - exact_jaccard(a, b)) < 0.15


def test_trimmed_copy_keeps_its_lead_and_is_contained(hasher: MinHasher) -> None:
    a = body(4, 800)
    trimmed = " ".join(a.split()[:350])
    sa, st = hasher.signature(a), hasher.signature(trimmed)
    assert jaccard(sa.lead, st.lead) == 1.0
    full = jaccard(sa.full, st.full)
    assert full < 0.6
    assert containment(full, sa.n_shingles, st.n_shingles) > 0.8


def test_case_and_punctuation_do_not_matter(hasher: MinHasher) -> None:
    a = body(5)
    sa, sb = hasher.signature(a), hasher.signature(a.upper().replace(".", " ;"))
    assert np.array_equal(sa.full, sb.full)


def test_empty_and_tiny_bodies(hasher: MinHasher) -> None:
    empty = hasher.signature("")
    assert empty.n_shingles == 0
    assert hasher.signature("one").n_shingles == 1
    assert jaccard(empty.full, empty.full[:0]) == 0.0


def test_huge_body_is_processed_in_blocks(hasher: MinHasher) -> None:
    text = body(6, 20000)
    sig = hasher.signature(text)
    assert sig.n_shingles > 4 * 256
    assert jaccard(sig.full, hasher.signature(text).full) == 1.0


def test_bytes_round_trip(hasher: MinHasher) -> None:
    sig = hasher.signature(body(7))
    back = Signature.from_bytes(*sig.to_bytes(), sig.n_shingles, sig.n_lead)
    assert np.array_equal(back.full, sig.full) and np.array_equal(back.lead, sig.lead)
    assert len(band_keys(sig)) == lsh_mod.FULL_BANDS + lsh_mod.LEAD_BANDS


@pytest.fixture
def index(tmp_path: Path) -> LshIndex:
    return LshIndex(sqlite3.connect(tmp_path / "i.db", isolation_level=None))


def test_index_finds_copies_not_strangers(index: LshIndex) -> None:
    originals = {i: body(100 + i, 500) for i in range(50)}
    for aid, text in originals.items():
        assert index.add(aid, index.signature(text))
    assert index.count() == 50
    copy = edit(originals[7], 0.04, seed=1)
    trimmed = " ".join(edit(originals[9], 0.03, seed=2).split()[:260])
    assert [m.article_id for m in index.query(index.signature(copy))] == [7]
    assert [m.article_id for m in index.query(index.signature(trimmed))] == [9]
    assert index.query(index.signature(body(999, 500))) == []
    assert index.query(index.signature(copy), exclude=(7,)) == []


def test_index_persists_and_replaces(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    first = LshIndex(sqlite3.connect(path))
    first.add(1, first.signature(body(1)))
    first.conn.close()
    again = LshIndex(sqlite3.connect(path))
    assert [m.article_id for m in again.query(again.signature(body(1)))] == [1]
    again.add(1, again.signature(body(2)))  # a new version replaces the old bands
    assert again.query(again.signature(body(1))) == []
    assert [m.article_id for m in again.query(again.signature(body(2)))] == [1]
    assert again.conn.execute("SELECT count(*) FROM dedup_bands").fetchone()[0] == len(
        band_keys(again.signature(body(2)))
    )


def test_short_bodies_are_not_indexed(index: LshIndex) -> None:
    assert not index.add(1, index.signature("Too short to call a copy."))
    assert index.count() == 0


def test_parameter_mismatch_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    LshIndex(sqlite3.connect(path)).conn.close()
    with pytest.raises(ValueError, match="rebuild"):
        LshIndex(sqlite3.connect(path), MinHasher(seed=1))
