"""Where a pattern may match, found fast. Python's `re` tries a pattern that begins at a word
boundary (\\b) at every character of the text: over a whole page that costs more than the rule
it serves. Most such patterns begin with one of a few words, and `str.find` finds those next
to free; the pattern is then tried only there, with the very same result."""

import re
from collections.abc import Iterable, Iterator

_ODD_CASES = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k"))


def fold_case(text: str) -> str:
    """The text in lower case, letter for letter (as long as the text, each character where it
    was): wherever a case-insensitive pattern matches an ASCII letter, the folded text has that
    letter, so `positions` in it tell where such a pattern may match. Besides the capitals,
    Python's `re.I` lets the dotted capital I and the dotless i match i, the long s match s
    and the Kelvin sign k; the dotted capital I is also the one letter whose lower case is two
    characters long."""
    if not text.isascii():
        for odd, letter in _ODD_CASES:
            if odd in text:
                text = text.replace(odd, letter)
    return text.lower()


def positions(text: str, literals: Iterable[str]) -> list[int]:
    """Every offset where one of the literals begins, overlapping ones too, in order."""
    found = set()
    for literal in literals:
        i = text.find(literal)
        while i >= 0:
            found.add(i)
            i = text.find(literal, i + 1)
    return sorted(found)


def finditer_at(
    pattern: re.Pattern, text: str, starts: Iterable[int], endpos: int | None = None
) -> Iterator[re.Match]:
    """What `pattern.finditer(text, 0, endpos)` yields, trying the pattern only at `starts`
    (ascending): the same matches wherever every match of the pattern begins at one of them
    (for a pattern that never matches the empty string)."""
    end = len(text) if endpos is None else endpos
    last = 0
    for start in starts:
        if start >= last and (match := pattern.match(text, start, end)):
            yield match
            last = match.end()


def without_boundary(pattern: re.Pattern) -> re.Pattern:
    """The pattern without the \\b it begins with: `re` scans for it fast (it skips to the
    characters the pattern can begin with), and matches it wherever the pattern matches."""
    if not pattern.pattern.startswith(r"\b"):
        raise ValueError(f"{pattern.pattern!r} does not begin with \\b")
    return re.compile(pattern.pattern[2:], pattern.flags)


def match_starts(finder: re.Pattern, text: str) -> list[int]:
    """Every offset where `finder` matches, overlapping matches too, in order."""
    found = []
    match = finder.search(text)
    while match:
        found.append(match.start())
        match = finder.search(text, match.start() + 1)
    return found


def search_via(
    pattern: re.Pattern, finder: re.Pattern, text: str, pos: int, endpos: int
) -> re.Match | None:
    """`pattern.search(text, pos, endpos)`, the pattern tried only where `finder` (its
    `without_boundary` form) matches."""
    match = finder.search(text, pos, endpos)
    while match:
        if found := pattern.match(text, match.start(), endpos):
            return found
        match = finder.search(text, match.start() + 1, endpos)
    return None
