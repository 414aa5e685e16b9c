"""The matching rules: when a found name, person, title, organization, kind or date is the one
the reader wrote, and how expected entries are paired with finds.

Matching follows the corpus README: names are compared after NFKC, lower case, "&" as "and", a
leading "the" or honorific dropped and punctuation as spaces.

Choices the README leaves open: each expected agreement or event is paired with at most one
find, and each find with one entry, those agreeing on most made first. Kinds the archive does
not have are scored as the kind it stores them as (AGREEMENT_KINDS, EVENT_KINDS)."""

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from archive.importing.extract import Extraction
from archive.text import normalize_name

# The kinds a reader writes, and the kinds extraction may give for each. The archive has no
# workshop, symposium or opening: a workshop is stored as a conference, an opening as "other".
AGREEMENT_KINDS = {
    "mou": {"mou"},
    "agreement": {"agreement", "cooperation", "contract", "other"},
    "joint statement": {"joint statement"},
}
EVENT_KINDS = {
    "workshop": {"workshop", "conference"},
    "symposium": {"symposium", "conference"},
    "seminar": {"seminar", "conference"},
    "opening": {"opening", "other"},
}

_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|dr|prof|professor)\s+")
# Scripts written without spaces between words (or with particles attached, as Korean is):
# a name holds another when it contains it anywhere, not only as whole words.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]")


def match_key(name: str | None) -> str:
    """The form two spellings of a name are compared in ("Prof. the X & Y" = "x and y")."""
    return _HONORIFIC.sub("", normalize_name(name or ""))


def same_person(one: str, other: str) -> bool:
    """The same words in any order: "HE Minghong" is "Minghong He"."""
    words = sorted(match_key(one).split())
    return bool(words) and words == sorted(match_key(other).split())


def holds(outer: str, inner: str) -> bool:
    """Whether one name holds another (both already match keys), as whole words."""
    if not inner:
        return False
    if _UNSPACED.search(inner):
        return inner in outer
    return f" {inner} " in f" {outer} "


def titles_match(one: str, other: str) -> bool:
    """One title holds the other: "Vice President" and "Executive Vice President" match."""
    a, b = match_key(one), match_key(other)
    return holds(a, b) or holds(b, a)


def org_names(extraction: Extraction, key: str) -> set[str]:
    """Every name a found organization answers to: its name, acronym and aliases; a unit
    the import names with its parent ("Department of Physics, Lakeside University") also
    answers to its own name, as the page writes it."""
    org = extraction.organizations.get(key)
    if org is None:  # a key the extraction names but does not describe
        return {match_key(key)} - {""}
    names = [org.name, org.acronym, *org.aliases]
    parent = extraction.organizations.get(org.parent_key)
    if parent is not None and org.name.endswith(f", {parent.name}"):
        names.append(org.name.removesuffix(f", {parent.name}"))
    return {match_key(n) for n in names} - {""}


def expected_org_names(name: str, expected_orgs: list[list[str | None]]) -> set[str]:
    """A name the reader wrote, with the acronym or full name the page pairs it with."""
    names = {match_key(name)}
    for entry in expected_orgs:
        forms = {match_key(n) for n in entry if n} - {""}
        if names & forms:
            names |= forms
    return names - {""}


def _month_day(value: date | None) -> str | None:
    return value.strftime("%m-%d") if value else None


def kind_ok(expected: str | None, found: str, table: Mapping[str, set[str]]) -> bool:
    if not expected:
        return False
    wanted = expected.lower()
    return found.lower().replace("_", " ") in table.get(wanted, {wanted})


def date_ok(
    entry: Mapping[str, Any],
    found: date | None,
    found_end: date | None = None,
    found_month_day: str = "",
) -> bool:
    if found is None:
        # A page that never states the year: its month and day are all there is to find.
        undated = not (entry.get("date") or entry.get("start"))
        return undated and bool(found_month_day) and entry.get("month_day") == found_month_day
    if entry.get("date") or entry.get("start"):
        start = entry.get("date") or entry.get("start")
        end = entry.get("end")
        if found.isoformat() != start:
            return False
        if end:
            return found_end is not None and found_end.isoformat() == end
        return found_end is None or found_end == found
    return entry.get("month_day") == _month_day(found)


def pair(expected: int, found: int, is_match, quality) -> dict[int, int]:
    """Each expected entry paired with at most one find that is it, and each find used once:
    the pairs that agree on most (kind, date, ...) are made first, then page order."""
    pairs = sorted(
        ((e, f) for e in range(expected) for f in range(found) if is_match(e, f)),
        key=lambda pair: (tuple(not ok for ok in quality(*pair)), pair),
    )
    chosen: dict[int, int] = {}
    for e, f in pairs:
        if e not in chosen and f not in chosen.values():
            chosen[e] = f
    return chosen
