"""Near-copies: a page whose text is nearly that of an article already in the archive (the
same story with a changed date line, menu or sentence, saved twice or by two sites).

The measure is the Jaccard similarity of the bodies' shingles (runs of eight words; in
Chinese and Japanese, where words are not spaced, eight characters): the share of the two
bodies' shingles that both have. A page is a near-copy of an article from NEAR_COPY = 0.7.
Tried on the 46 real pages of the seeds and the two corpora: different articles share at
most 0.006; the synthetic corpus of the benchmarks, built from templates, 0.1-0.3 with
most of its pages (0.4 at most); a copy with one sentence rewritten 0.47-0.97 (median 0.82, 7 of 46
under 0.7, all short pages), with a menu line added 0.90 and more, with a paragraph
dropped 0.50-0.99 (median 0.88). 0.7 stays well clear of different articles, templated
ones included, and takes the copies that differ by a line. Eight words rather than five:
the synthetic pages share five-word runs (0.3 with 40 % of the others), which made every
new page a candidate of hundreds at 100,000 articles; eight-word runs they share far less.

Comparing every page with every article is out of the question at 100,000 articles, so
each body gets a MinHash signature (one-permutation hashing: the shingles' hashes fall in
BINS bins and each bin keeps its least; two bodies agree on a bin with a probability about
their similarity) cut into BANDS bands of ROWS bins. Bodies that agree on a whole band are
candidates: pairs sharing 0.7 are found 85 % of the time, 0.75 97 %, 0.8 99.7 %; pairs
sharing 0.3 0.2 %. A candidate whose signature estimates at least LIKELY is compared
exactly. The keys and the signature (16 bits a bin) are stored with each article
(`Article.near_copy_keys`, 640 bytes); a run that brings new pages loads them into memory
(`Index`) with its first new page.

Our own code rather than a library: datasketch, the well-kept MinHash library, needs numpy
and scipy, which the project does not have, hashes each shingle with SHA-1 in Python (more
than this whole module costs a page), and keeps its LSH index in memory or in Redis,
while the archive's must live in its own database; what it would add is the same estimate.
"""

import struct
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate, repeat

NEAR_COPY = 0.7  # shared shingles, of all the two bodies have, from which a page is a near-copy
LIKELY = 0.55  # an estimate from which a candidate is compared exactly
SHINGLE = 8
BINS, BANDS, ROWS = 256, 32, 8
BIN_BITS = BINS.bit_length() - 1
MIN_SHINGLES = 20  # fewer is too short a text to call anything a near-copy of it
POSITION_BITS = 24  # an index entry is a band key and a position: up to 16 million articles

_KEYS = struct.Struct(f"<{BANDS}I")  # each band's bins hashed, seeded with its number
_SIGNATURE = struct.Struct(f"<{BINS}H")
SIZE = _KEYS.size + _SIGNATURE.size


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


def keys(body: str) -> bytes:
    """What an article stores: its band keys, then its signature (the least hash of each
    of BINS bins, one-permutation MinHash); empty for a text too short to call anything a
    near-copy of it."""
    hashes = shingles(body)
    if len(hashes) < MIN_SHINGLES:
        return b""
    ordered = sorted(hashes, reverse=True)  # the last value written to a bin is its least
    least = dict(
        zip(map((BINS - 1).__and__, ordered), map(BIN_BITS.__rrshift__, ordered), strict=True)
    )
    full = list(map(least.get, range(BINS), repeat(None, BINS)))
    # An empty bin takes a value of this text's own (from its least hash), so that empty
    # bins make two texts agree only when they are copies: short texts would all agree.
    own = ordered[-1]
    for bin_ in (bin_ for bin_, value in enumerate(full) if value is None):
        full[bin_] = 1 << 24 | zlib.crc32(bin_.to_bytes(2, "little"), own) >> 8
    packed = memoryview(array("I", full).tobytes())
    width = 4 * ROWS
    bands = [zlib.crc32(packed[band * width : (band + 1) * width], band) for band in range(BANDS)]
    kept = [value >> 8 & 0xFFFF for value in full]
    return _KEYS.pack(*bands) + _SIGNATURE.pack(*kept)


def band_keys(blob: bytes) -> tuple[int, ...]:
    return _KEYS.unpack_from(blob) if blob else ()


def signature_of(blob: bytes) -> tuple[int, ...]:
    return _SIGNATURE.unpack_from(blob, _KEYS.size)


def estimate(one, other) -> float:
    """The similarity two signatures estimate: the share of bins where they agree (an empty
    bin holds a value of its text's own, so two texts agree there only as copies)."""
    return sum(map(int.__eq__, one, other)) / BINS


def similarity(one: set[int], other: set[int]) -> float:
    if not one or not other:
        return 0.0
    return len(one & other) / len(one | other)


class Index:
    """The band keys and signatures of the archive's articles, in memory for a run: the
    keys in one sorted array of key-and-position numbers, the signatures in one array of
    BINS numbers per article. Articles written during the run are added as they come."""

    def __init__(self, stored: Iterable[tuple[int, bytes]]):
        self.ids = array("q")
        self.signatures = array("H")
        entries: list[int] = []
        shifted = POSITION_BITS.__rlshift__  # key << POSITION_BITS, called from C
        for pk, blob in stored:
            if len(blob or b"") != SIZE:
                continue
            position = len(self.ids)
            self.ids.append(pk)
            self.signatures.frombytes(bytes(blob[_KEYS.size :]))
            entries += map(position.__or__, map(shifted, _KEYS.unpack_from(blob)))
        entries.sort()
        self.entries = array("q", entries)
        self.recent: dict[int, list[int]] = {}  # band key -> positions of the run's articles

    def add(self, pk: int, blob: bytes) -> None:
        if len(blob) != SIZE:
            return
        position = len(self.ids)
        self.ids.append(pk)
        self.signatures.frombytes(blob[_KEYS.size :])
        for key in _KEYS.unpack_from(blob):
            self.recent.setdefault(key, []).append(position)

    def likely(self, blob: bytes) -> list[int]:
        """The ids of articles sharing a band with this page whose signature estimates at
        least LIKELY, in the order they came in."""
        positions = set()
        entries, mask = self.entries, (1 << POSITION_BITS) - 1
        for key in _KEYS.unpack_from(blob):
            at = bisect_left(entries, key << POSITION_BITS)
            while at < len(entries) and entries[at] >> POSITION_BITS == key:
                positions.add(entries[at] & mask)
                at += 1
            positions.update(self.recent.get(key, ()))
        mine = signature_of(blob)
        return [
            self.ids[position]
            for position in sorted(positions)
            if estimate(mine, self.signatures[position * BINS : (position + 1) * BINS]) >= LIKELY
        ]
