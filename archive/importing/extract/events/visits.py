"""Visits and trips: delegations ("a delegation led by X"), dated trips ("from August 3
to 10, the team travelled to Japan"), visits a sentence introduces ("a visit by ... to ...")
or the title announces; the sentences whose date is a trip's, and the country of a call made
during a trip."""

import re
from bisect import bisect_left

from archive.importing.dates import find_event_dates
from archive.importing.extract.context import Context
from archive.importing.extract.events import chinese_korean
from archive.importing.extract.events.lower_case import LOWER_KEYWORDS
from archive.importing.extract.facts import EventFact
from archive.importing.scan import finditer_at, positions

_DELEGATION = re.compile(
    r"\bdelegation\s+(?:led|headed)\s+by\s+(?:(?:Mr|Mrs|Ms|Dr|Prof|President|Minister|"
    r"Vice\s+Minister|Vice\s+President)\.?\s+)?(?P<leader>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
)
_TRAVEL = re.compile(
    r"\b(?:travell?ed|went(?:\s+on)?|came|arrived|paid\s+(?:a\s+)?visits?|made\s+(?:a\s+)?"
    r"visits?|headed|flew)\s+(?:to|in)\s+(?P<dest>[^,.;:\n]+?)(?=\s*[,.;:\n]|\s+(?:where|to|for|"
    r"and\s+(?:met|held|signed|visited))\b)"
)
# the words _TRAVEL begins with
_TRAVEL_WORDS = ("travel", "went", "came", "arrived", "paid", "made", "headed", "flew")
_VISIT_BY = re.compile(
    r"\b[Aa]\s+(?P<name>visit\s+(?:by|of|from)\s+[^,.;\n]+?\s+to\s+[^,.;\n]+?)(?=\s*[,.;\n]|"
    r"\s+and\b)"
)
_AFTER_EVENT = re.compile(
    rf"^(?:After|When|Following|At the end of)\s+the\s+(?:{LOWER_KEYWORDS}|event|ceremony)",
    re.I,
)


def visits(ctx: Context, named: dict[str, EventFact], add) -> None:
    """Delegations ("a delegation led by X"), dated trips ("from August 3 to 10, the team
    travelled to Japan") and visits a sentence introduces ("a visit by ... to ...")."""
    body = ctx.body
    found = False
    delegation = None
    for match in finditer_at(_DELEGATION, body, positions(body, ("delegation",))):
        leader = re.sub(r"[,.]$", "", match["leader"])
        delegation = add(f"Delegation led by {leader}", "visit", match.start(), match.end())
        found = True
        break
    travels = positions(body, _TRAVEL_WORDS)
    for start, end in ctx.sentences if travels else ():
        # _TRAVEL.search(body[start:end]): a sentence begins after a space or at 0
        within = travels[bisect_left(travels, start) : bisect_left(travels, end)]
        match = next(finditer_at(_TRAVEL, body, within, end), None)
        if not match:
            continue
        if delegation and ctx.sentence_of(delegation.spans[0].start) == (start, end):
            # "a delegation headed by X recently travelled to South Korea": one visit
            delegation.spans.append(ctx.span(match.start(), match.end()))
            continue
        sentence = body[start:end]
        dated = find_event_dates(sentence, ctx.year)
        if not dated and not _AFTER_EVENT.search(sentence):
            continue
        dest = re.sub(r"\s+(?:recently|again)$", "", match["dest"])
        add(f"Visit to {dest}", "visit", match.start(), match.end("dest"))
        found = True
    for match in _VISIT_BY.finditer(body) if "visit" in body else ():
        add(match["name"], "visit", match.start("name"), match.end("name"))
        found = True
    # A visit the title announces: "Visit to China's Major ... Research Institutes".
    if not found and re.search(r"\b(visit|delegation|tour)\b", ctx.title, re.I):
        visit = re.search(r"\b(visited|visit to|delegation)\b", body, re.I)
        if visit:
            add(ctx.title, "visit", visit.start(), visit.end())


def trip_sentences(ctx: Context, events: list[EventFact]) -> dict[tuple[int, int], int]:
    """Sentences whose first event is a visit: their date is the trip's, not that of a
    symposium attended during it ("2018年10月23-27日 … 组团赴韩国 … 出席 … 研讨会")."""
    first: dict[tuple[int, int], tuple[int, EventFact]] = {}
    for fact in events:
        for span in fact.spans:
            sentence = chinese_korean.sentence_of(ctx, span.start)
            if sentence not in first or span.start < first[sentence][0]:
                first[sentence] = (span.start, fact)
    return {s: start for s, (start, fact) in first.items() if fact.kind == "visit"}


def trip_country(fact: EventFact, trips: list[EventFact]) -> str:
    """A call made during a trip is in the trip's country."""
    for trip in trips:
        if trip is fact or not trip.country:
            continue
        if (
            fact.start_date
            and trip.start_date
            and trip.end_date
            and trip.start_date <= fact.start_date <= trip.end_date
        ):
            return trip.country
    return ""
