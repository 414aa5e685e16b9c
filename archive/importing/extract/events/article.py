"""What the events stage looks up again and again in one article, worked out once
(`Article`): the body in lower case, the organizations and people by where they stand, where
a name after "organized by" begins, the first city the body places things in; and the
province a text names (`region_in`)."""

import re
from bisect import bisect_left

from archive.countries import CITIES, PROVINCES
from archive.importing.extract.context import Context
from archive.importing.scan import finditer_at, fold_case, match_starts, positions, without_boundary


class Article:
    """What the stage looks up again and again in one article, worked out once: the body in
    lower case (for `positions` of case-insensitive patterns), and the organizations and
    people in the order they stand (the stage adds none)."""

    def __init__(self, ctx: Context):
        self.folded = fold_case(ctx.body)
        self.headed = [(org.start, org.end) for org in ctx.org_at.values() if org.head]
        # as Context.orgs_in and persons_in give them, found by bisection
        orgs = sorted(ctx.org_at.values(), key=lambda o: o.start)
        self.orgs = [(org.start, org.key) for org in orgs if org.key in ctx.orgs]
        self.org_starts = [start for start, _ in self.orgs]
        self.persons = [
            (ctx.tokens[index].start, key, ctx.tokens[end_token].end)
            for index, (end_token, key) in sorted(ctx.person_at.items())
        ]
        self.person_starts = [start for start, _, _ in self.persons]
        self._organizer_offsets: frozenset[int] | None = None
        self._city_in: list[tuple[str, str, str] | None] = []

    def in_org(self, offset: int) -> bool:
        """Context.org_containing."""
        return any(start <= offset < end for start, end in self.headed)

    def orgs_in(self, start: int, end: int) -> list[tuple[int, str]]:
        lo, hi = bisect_left(self.org_starts, start), bisect_left(self.org_starts, end)
        return self.orgs[lo:hi]

    def persons_in(self, start: int, end: int) -> list[tuple[str, int]]:
        found: list[tuple[str, int]] = []
        seen = set()
        lo, hi = bisect_left(self.person_starts, start), bisect_left(self.person_starts, end)
        for _, key, end_offset in self.persons[lo:hi]:
            if key not in seen:
                seen.add(key)
                found.append((key, end_offset))
        return found

    def organizer_offsets(self, body: str) -> frozenset[int]:
        """Where a name after "organized by", "at the invitation of" ... begins."""
        if self._organizer_offsets is None:
            starts = positions(self.folded, _ORGANIZER_WORDS)
            self._organizer_offsets = frozenset(
                m.end() for m in finditer_at(_ORGANIZER, body, starts)
            )
        return self._organizer_offsets

    def city_in(self, body: str) -> tuple[str, str, str] | None:
        """The place of the first "in Seoul", "at Daegu", "city of Busan" of the body."""
        if not self._city_in:
            starts = positions(body, ("city of ", "in ", "at "))
            match = next(finditer_at(_CITY_IN, body, starts), None)
            name = match.group(1) if match else ""
            self._city_in.append((name, region_in(body), CITIES[name]) if match else None)
        return self._city_in[0]


# "located in Daegu", "based in Seoul" place an organization, not the event.
_CITY_IN = re.compile(
    r"\b(?<!located )(?<!based )(?:city of|in|at) (" + "|".join(map(re.escape, CITIES)) + r")\b"
)
_PROVINCE = re.compile(r"\b(" + "|".join(map(re.escape, PROVINCES)) + r")\b")
_PROVINCE_FINDER = without_boundary(_PROVINCE)


def region_in(text: str) -> str:
    match = next(finditer_at(_PROVINCE, text, match_starts(_PROVINCE_FINDER, text)), None)
    return match.group(1) if match else ""


_ORGANIZER = re.compile(
    r"\b(?:invitation of|organi[sz]ed by|hosted by|co-hosted by|sponsored by|"
    r"held by|annual meeting of)\s+(?:the\s+)?",
    re.I,
)
# the words _ORGANIZER begins with, in lower case
_ORGANIZER_WORDS = ("invitation", "organi", "hosted", "co-hosted", "sponsored", "held", "annual")
