"""The date of a signing: after the instrument, else before the sentence's first one,
else that of a sentence before which names the occasion this one speaks of ("held an event
on June 24 ... the signing at the event"); a full date, a day in the page's year, or a year."""

import re
from datetime import date

from archive.importing.dates import find_dates, find_event_dates
from archive.importing.extract.agreements.instruments import Instrument
from archive.importing.extract.context import Context

# The occasion of the sentence before: "held an event on June 24. ... the signing at the event".
_OCCASION = re.compile(
    r"\b(?:the|this|that)\s+(?P<noun>event|ceremony|occasion|meeting|visit|talks|forum|"
    r"conference|summit|symposium)\b",
    re.I,
)
_OCCASION_LOOKBACK = 6  # sentences
_YEAR_ONLY = re.compile(r"\b(?:in|since)\s+(?P<year>(?:19|20)\d\d)\b")


def date_of(
    ctx: Context,
    s_start: int,
    s_end: int,
    instrument: Instrument,
    instruments: list[Instrument],
    next_start: int,
) -> tuple[date | None, str]:
    """The date after the instrument (before the next one), else before the sentence's first
    instrument, else of the sentence before that names the occasion this one speaks of ("held
    an event on June 24 ... The centerpiece of the event was the signing")."""
    first = instruments[0].start
    windows = [(instrument.end, next_start), (s_start, first)]
    occasion = _OCCASION.search(ctx.body, s_start, s_end)
    if occasion:
        noun = re.compile(rf"\b{occasion.group('noun')}\b", re.I)
        previous = [s for s in ctx.sentences if s[1] <= s_start][-_OCCASION_LOOKBACK:]
        windows += [s for s in reversed(previous) if noun.search(ctx.body, *s)]
    for start, end in windows:
        found = _first_date(ctx, ctx.body[start:end])
        if found:
            return found
    return None, "unknown"


def _first_date(ctx: Context, text: str) -> tuple[date | None, str] | None:
    candidates: list[tuple[int, date | None, str]] = []
    full = find_dates(text)
    if full:
        candidates.append((full[0].start, full[0].value, full[0].precision))
    day = find_event_dates(text, ctx.year)
    if day and day.start:
        candidates.append((day.span[0], day.start, day.precision))
    elif day:
        candidates.append((day.span[0], None, "unknown"))
    year = _YEAR_ONLY.search(text)
    if year:
        candidates.append((year.start(), date(int(year["year"]), 1, 1), "year"))
    if not candidates:
        return None
    _, value, precision = min(candidates, key=lambda c: (c[0], c[2] != "day"))
    return value, precision
