"""MinHash signatures of an article body's word shingles (numpy + xxhash, no other dependency).

Two signatures per body:

* ``full``: over every word 3-shingle of the body. Its estimated Jaccard finds copies, light edits
  and headline rewrites (the headline is not part of the body).
* ``lead``: over the shingles of the first ``LEAD_WORDS`` words. A syndicated copy whose last
  paragraphs were cut shares its lead with the original almost entirely, while its full-body
  Jaccard drops with every cut paragraph; the lead signature keeps such trimmed copies findable.

Permutations are the multiply-shift family ``(a * x + b) >> 32`` on 64-bit shingle hashes (a odd),
drawn from a fixed seed so that signatures persisted in a store stay comparable across runs.
Pure: a :class:`MinHasher` holds only its constant permutation arrays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import xxhash

# Words per shingle. 3 keeps a 5 % word edit rate from destroying more than ~15 % of shingles
# (each edited word touches 3 shingles) while unrelated news articles still share only ~1-2 % of
# their 3-shingles (measured on the shared data sets' pages in bench/dedup.py). 5-shingles halve
# the background but make a 5 %-edited copy look like a 25 %-different text.
SHINGLE_WORDS = 3
# Permutations of the full signature: the estimate's standard error is sqrt(J(1-J)/n), 0.044 at
# J=0.5 with 128, small enough for the verification thresholds in lsh.py.
FULL_PERMUTATIONS = 128
# The lead: the first 150 words (about the first three paragraphs of a wire story), which survive
# every trim we have seen; shorter leads are too easily dominated by a furniture line on top.
LEAD_WORDS = 150
LEAD_PERMUTATIONS = 64
# Fixed seed: changing it invalidates every persisted signature (the index records it).
SEED = 20260529
# Shingles hashed per numpy block: block x permutations x 8 bytes stays inside a 256 KB L2 cache
# (measured: 256 is ~1.5x faster than 2048 on 900-word bodies) and bounds memory on huge bodies.
BLOCK = 256

_WORD_RE = re.compile(r"\w+")
_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9))

U32Array = npt.NDArray[np.uint32]
U64Array = npt.NDArray[np.uint64]


@dataclass(frozen=True, slots=True, eq=False)
class Signature:
    """MinHash signatures of one body plus the shingle counts needed for containment."""

    full: U32Array
    lead: U32Array
    n_shingles: int
    n_lead: int

    def to_bytes(self) -> tuple[bytes, bytes]:
        return self.full.astype("<u4").tobytes(), self.lead.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, full: bytes, lead: bytes, n_shingles: int, n_lead: int) -> Signature:
        return cls(
            full=np.frombuffer(full, dtype="<u4").astype(np.uint32),
            lead=np.frombuffer(lead, dtype="<u4").astype(np.uint32),
            n_shingles=int(n_shingles),
            n_lead=int(n_lead),
        )


def words(text: str) -> list[str]:
    """Lower-cased word tokens (Unicode ``\\w+``), the unit of shingling."""
    return _WORD_RE.findall(text.lower())


def shingle_hashes(tokens: list[str]) -> U64Array:
    """64-bit hashes of consecutive ``SHINGLE_WORDS``-word shingles, in text order (not unique)."""
    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    # Hash each distinct word once, then gather: news text repeats about half of its words.
    vocab = list(dict.fromkeys(tokens))
    position = {w: i for i, w in enumerate(vocab)}
    ids = np.fromiter(map(position.__getitem__, tokens), dtype=np.intp, count=len(tokens))
    distinct = np.fromiter(
        map(xxhash.xxh3_64_intdigest, map(str.encode, vocab)), dtype=np.uint64, count=len(vocab)
    )
    word_hashes = distinct[ids]
    k = min(SHINGLE_WORDS, len(tokens))
    n = len(tokens) - k + 1
    combined = np.zeros(n, dtype=np.uint64)
    for offset in range(k):
        # uint64 arithmetic wraps, which is what a hash combine wants.
        combined ^= word_hashes[offset : offset + n] * _MIX[offset]
        combined = (combined << np.uint64(13)) | (combined >> np.uint64(51))
    return combined


def jaccard(a: U32Array, b: U32Array) -> float:
    """Estimated Jaccard similarity of two signatures of the same length."""
    if len(a) == 0 or len(a) != len(b):
        return 0.0
    return float(np.count_nonzero(a == b)) / len(a)


def containment(jacc: float, n_a: int, n_b: int) -> float:
    """Estimated share of the smaller set contained in the larger, from Jaccard and set sizes.

    |A∩B| = J(|A|+|B|)/(1+J); divided by min(|A|,|B|). Capped at 1 (estimation noise).
    """
    small = min(n_a, n_b)
    if small <= 0:
        return 0.0
    inter = jacc * (n_a + n_b) / (1.0 + jacc)
    return min(1.0, inter / small)


def _distinct(values: U64Array) -> int:
    if len(values) == 0:
        return 0
    ordered = np.sort(values)
    return int(np.count_nonzero(ordered[1:] != ordered[:-1])) + 1


class MinHasher:
    """Computes :class:`Signature` objects; holds the (constant) permutation parameters."""

    def __init__(
        self,
        full_permutations: int = FULL_PERMUTATIONS,
        lead_permutations: int = LEAD_PERMUTATIONS,
        seed: int = SEED,
    ) -> None:
        rng = np.random.default_rng(seed)
        total = full_permutations + lead_permutations
        high = np.iinfo(np.uint64).max
        self._a = rng.integers(1, high, size=total, dtype=np.uint64, endpoint=True) | np.uint64(1)
        self._b = rng.integers(0, high, size=total, dtype=np.uint64, endpoint=True)
        self.full_permutations = full_permutations
        self.lead_permutations = lead_permutations
        self.seed = seed

    def signature(self, text: str) -> Signature:
        """Signature of a body text. An empty text gives an all-empty signature with 0 shingles."""
        tokens = words(text)
        hashes = shingle_hashes(tokens)
        lead_count = max(0, min(len(tokens), LEAD_WORDS) - SHINGLE_WORDS + 1) if tokens else 0
        lead_count = min(max(lead_count, 1 if len(hashes) else 0), len(hashes))
        # MinHash is blind to repeated shingles, so only the counts need distinct values.
        return Signature(
            full=self._minhash(hashes, slice(0, self.full_permutations)),
            lead=self._minhash(hashes[:lead_count], slice(self.full_permutations, None)),
            n_shingles=_distinct(hashes),
            n_lead=_distinct(hashes[:lead_count]),
        )

    def _minhash(self, hashes: U64Array, perms: slice) -> U32Array:
        a = self._a[perms, None]
        b = self._b[perms, None]
        result = np.full(len(a), np.iinfo(np.uint64).max, dtype=np.uint64)
        for start in range(0, len(hashes), BLOCK):
            values = a * hashes[None, start : start + BLOCK]
            values += b
            # min(v) >> 32 == min(v >> 32): take the minimum first, shift once per permutation.
            np.minimum(result, values.min(axis=1), out=result)
        out: U32Array = (result >> np.uint64(32)).astype(np.uint32)
        return out
