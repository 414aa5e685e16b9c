"""Near-copies: a page whose text is nearly that of an article already in the archive (the
same story with a changed date line, menu or sentence, saved twice or by two sites).

The measure is the Jaccard similarity of the bodies' shingles (runs of five words; in
Chinese and Japanese, where words are not spaced, five characters): the share of the two
bodies' shingles that both have. A page is a near-copy of an article from NEAR_COPY = 0.7.
Tried on the 46 real pages of the seeds and the two corpora: different articles share at
most 0.015 (two MOU stories of the same week); the templated synthetic corpus at most
0.44; a copy with one sentence rewritten 0.52-0.97 (median 0.85, 3 of 46 under 0.7, all
short pages), with a menu line added 0.94 and more, with a paragraph dropped 0.50-0.99.
0.7 keeps well clear of different articles and takes the copies that differ by a line.

Comparing every page with every article is out of the question at 100,000 articles, so
each body gets a MinHash signature (one-permutation hashing: the shingles' hashes fall in
BINS bins and each bin keeps its least; two bodies agree on a bin with a probability about
their similarity) cut into BANDS bands of ROWS bins. Bodies that agree on a whole band are
candidates: at similarity 0.7 99 % of pairs, at 0.5 55 %, at 0.3 6 %. A candidate whose
signature estimates at least LIKELY is compared exactly. The signature is stored with each
article (`Article.near_copy_keys`, after its band keys), and its band keys in an indexed
table of their own (`NearCopyKey`), which the import asks for a batch's keys at once.

Our own code rather than a library: datasketch, the well-kept MinHash library, needs numpy
and scipy, which the project does not have, hashes each shingle with SHA-1 in Python (more
than this whole module costs a page), and keeps its LSH index in memory or in Redis,
while the archive's must live in its own database; what it would add is the same estimate.
"""

import struct
import zlib
from array import array
from itertools import accumulate, repeat

NEAR_COPY = 0.7  # shared shingles, of all the two bodies have, from which a page is a near-copy
LIKELY = 0.55  # an estimate from which a candidate is compared exactly
SHINGLE = 5
BINS, BANDS, ROWS = 128, 25, 5  # 125 of the 128 bins make the bands
BIN_BITS = BINS.bit_length() - 1
MIN_SHINGLES = 20  # fewer is too short a text to call anything a near-copy of it

_EMPTY = (1 << (32 - BIN_BITS)) - 1  # an empty bin's value: above any hash's
_KEYS = struct.Struct(f"<{BANDS}I")  # each band's bins hashed, seeded with its number
_SIGNATURE = struct.Struct(f"<{BINS}I")


def shingles(body: str) -> set[int]:
    """The body's shingles (runs of SHINGLE words; in text that spaces few words, such as
    Chinese or Japanese, runs of SHINGLE characters), as 32-bit hashes of their bytes.
    Spacing and case do not count; punctuation stays on its word, the same in both copies."""
    words = body.lower().split()
    if len(words) * 12 < len(body):  # fewer than one space per 12 characters
        words = [char for char in "".join(words)]
    text = " ".join(words).encode()
    # each word's first byte, and one past the text's end; all in C, per word
    starts = list(accumulate(map((1).__add__, map(len, text.split(b" "))), initial=0))
    view = memoryview(text + b" ")
    return set(map(zlib.crc32, map(view.__getitem__, map(slice, starts, starts[SHINGLE:]))))


def signature(hashes: set[int]) -> list[int]:
    """The least hash in each of BINS bins (one-permutation MinHash)."""
    ordered = sorted(hashes, reverse=True)  # the last value written to a bin is its least
    least = dict(
        zip(map((BINS - 1).__and__, ordered), map(BIN_BITS.__rrshift__, ordered), strict=True)
    )
    return list(map(least.get, range(BINS), repeat(_EMPTY, BINS)))


def keys(body: str) -> bytes:
    """What an article stores: its band keys, then its signature; empty for a text too
    short to call anything a near-copy of it."""
    hashes = shingles(body)
    if len(hashes) < MIN_SHINGLES:
        return b""
    least = signature(hashes)
    bands = [
        zlib.crc32(array("I", least[start : start + ROWS]).tobytes(), band)
        for band, start in enumerate(range(0, BANDS * ROWS, ROWS))
    ]
    return _KEYS.pack(*bands) + _SIGNATURE.pack(*least)


def band_keys(blob: bytes) -> tuple[int, ...]:
    return _KEYS.unpack_from(blob) if blob else ()


def estimate(one: bytes, other: bytes) -> float:
    """The similarity two stored signatures estimate: the share of bins, among those not
    empty in both, where they agree."""
    if not one or not other:
        return 0.0
    a, b = _SIGNATURE.unpack_from(one, _KEYS.size), _SIGNATURE.unpack_from(other, _KEYS.size)
    used = [x == y for x, y in zip(a, b, strict=True) if x != _EMPTY or y != _EMPTY]
    return sum(used) / len(used) if used else 0.0


def similarity(one: set[int], other: set[int]) -> float:
    if not one or not other:
        return 0.0
    return len(one & other) / len(one | other)
