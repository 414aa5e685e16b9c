"""The fast scans (archive/importing/scan.py) find what the plain `re` calls find."""

import re
import string

from archive.importing.scan import (
    finditer_at,
    fold_case,
    match_starts,
    positions,
    search_via,
    without_boundary,
)

_EVERY_CHARACTER = "".join(map(chr, range(0x110000)))


def test_folding_keeps_every_character_in_its_place():
    assert len(fold_case(_EVERY_CHARACTER)) == len(_EVERY_CHARACTER)
    assert fold_case("İstanbul ſeoul K") == "istanbul seoul k"


def test_every_character_re_matches_to_a_letter_ignoring_case_folds_to_that_letter():
    folded = fold_case(_EVERY_CHARACTER)
    for letter in string.ascii_lowercase:
        for match in re.finditer(letter, _EVERY_CHARACTER, re.I):
            assert folded[match.start()] == letter, hex(ord(match.group()))


def test_positions_finds_overlapping_literals():
    assert positions("co-hosted by, hosted", ("co-hosted", "hosted")) == [0, 3, 14]


def test_finditer_at_the_literals_a_pattern_begins_with_finds_what_finditer_finds():
    pattern = re.compile(r"\b(?:co-hosted|hosted|held) by\s+(?:the\s+)?", re.I)
    text = "It was Co-Hosted by the Council, held by THE Board; unheld by no one. Hosted by X"
    starts = positions(fold_case(text), ("co-hosted", "hosted", "held"))
    found = [m.span() for m in finditer_at(pattern, text, starts)]
    assert found == [m.span() for m in pattern.finditer(text)]
    assert len(found) == 3


def test_a_pattern_tried_where_its_boundary_free_form_matches_finds_the_same():
    pattern = re.compile(r"\b(?:Seoul|Busan)\b")
    text = "Seoul, XSeoul, Busan-Seoul and Busanx in Busan"
    starts = match_starts(without_boundary(pattern), text)
    found = [m.span() for m in finditer_at(pattern, text, starts)]
    assert found == [m.span() for m in pattern.finditer(text)]
    assert len(found) == 4


def test_search_via_a_finder_finds_what_search_finds_within_bounds():
    pattern = re.compile(r"\b[Aa]n?\s+(?P<mods>(?:[\w-]+\s+){0,2}?)$")
    finder = without_boundary(pattern)
    text = "Data and an idea: a joint seminar"
    end = text.index("seminar")
    for start in range(end):
        expected = pattern.search(text, start, end)
        found = search_via(pattern, finder, text, start, end)
        assert (found and found.span()) == (expected and expected.span())
