"""Completing an event: its dates, place and participants, read from the sentences that
name it or, for the article's main event, refer back to it ("the event", "the delegation")."""

import re
from datetime import date

from archive.countries import CITIES, COUNTRIES, PROVINCES
from archive.importing.dates import DateRange, find_event_dates
from archive.importing.extract.context import Context
from archive.importing.extract.events import chinese_korean
from archive.importing.extract.events.article import Article, region_in
from archive.importing.extract.events.names import KEYWORD_KINDS, normalize_name
from archive.importing.extract.facts import EventFact
from archive.importing.scan import finditer_at, match_starts, without_boundary

_ANAPHOR_WORDS = (
    "event|forum|conference|exhibition|expo|exchange|visit|delegation|meeting|summit|"
    "symposium|seminar|workshop|trip|tour"
)
_ANAPHORA = re.compile(rf"\b(?:the|this|that) ({_ANAPHOR_WORDS})\b", re.I)
# where _ANAPHORA may match: in the folded body, a scan fast to run
_ANAPHORA_FINDER = re.compile(rf"(?:the|this|that) (?:{_ANAPHOR_WORDS})")
_ANAPHOR_KINDS: dict[str, set[str]] = {
    "event": {"forum", "conference", "exhibition", "exchange", "visit", "meeting", "other"},
    "delegation": {"visit", "exchange"},
    "visit": {"visit", "exchange"},
    "trip": {"visit"},
    "tour": {"visit"},
    "expo": {"exhibition"},
}


def complete_event(
    ctx: Context,
    article: Article,
    fact: EventFact,
    *,
    is_main: bool,
    reference: DateRange | None = None,
    main: EventFact | None = None,
    trips: dict[tuple[int, int], int] | None = None,
) -> None:
    """Dates, place and who took part, read from the sentences that name the event or,
    for the article's main event, refer back to it ("the event", "the delegation")."""
    sentence_spans = []
    for span in fact.spans:
        s = chinese_korean.sentence_of(ctx, span.start)
        if s not in sentence_spans:
            sentence_spans.append(s)
    if is_main:
        name_words = set(normalize_name(fact.name).split())
        starts = match_starts(_ANAPHORA_FINDER, article.folded)
        for match in finditer_at(_ANAPHORA, ctx.body, starts):
            word = match.group(1).lower()
            kinds = _ANAPHOR_KINDS.get(word, {KEYWORD_KINDS.get(word, "")})
            if fact.kind not in kinds and word not in name_words:
                continue
            s = ctx.sentence_of(match.start())
            fact.spans.append(ctx.span(match.start(), match.end()))
            if s not in sentence_spans:
                sentence_spans.append(s)
    sentence_spans.sort()
    month = int(reference.month_day[:2]) if reference and reference.month_day else None
    for start, end in sentence_spans:
        if fact.kind not in {"visit", "signing"} and (start, end) in (trips or {}):
            continue
        text = ctx.body[start:end]
        found = find_event_dates(text, None, month)
        if found and not found.start and found.month_day:
            # "26日" or "本月23日" after "2019年12月27日": a day of the month in talk, in its
            # year; another day without a year takes the article's.
            year = ctx.year
            if reference and reference.start and found.month_day[:2] == reference.month_day[:2]:
                year = reference.start.year
            found = find_event_dates(text, year, month)
        if found and (found.start or found.month_day):
            fact.start_date, fact.end_date = found.start, found.end
            fact.date_precision, fact.month_day = found.precision, found.month_day
            fact.spans.append(ctx.span(start + found.span[0], start + found.span[1]))
            break
    if (
        fact.start_date is None
        and ctx.year
        and is_main
        and "this year" in article.folded
        and re.search(r"\bthis year\b", ctx.body, re.I)
    ):
        fact.start_date, fact.date_precision = date(ctx.year, 1, 1), "year"
    fact.city, fact.region, fact.country = place_of(
        ctx, article, sentence_spans, anywhere=is_main or fact.kind == "signing"
    )
    if not fact.country:
        fact.city, fact.country = chinese_korean.place_of(ctx, sentence_spans)
    if not fact.country and is_main:
        fact.country = place_of(ctx, article, [], also=ctx.title)[2] or chinese_korean.country_in(
            ctx.title
        )
    if not fact.country and main is not None and main.kind == "visit" and fact is not main:
        fact.country = main.country  # a call made during the trip the page is about
    collect_participants(ctx, article, fact, sentence_spans)
    fact.confidence = 0.8 if fact.start_date else 0.6


_CITY = re.compile(r"\b(" + "|".join(map(re.escape, CITIES)) + r")\b")
_CITY_FINDER = without_boundary(_CITY)
_COUNTRY_NAMES = {name: code for code, name in COUNTRIES.items() if code not in {"KP", "DO"}} | {
    "Korea": "KR",
    "the ROK": "KR",
    "the Republic of Korea": "KR",
    "Australia": "AU",
}
_COUNTRY_TO = re.compile(
    r"\b(?:to|in) ("
    + "|".join(sorted(map(re.escape, _COUNTRY_NAMES), key=len, reverse=True))
    + r")\b(?! and [A-Z])"
)


def place_of(
    ctx: Context,
    article: Article,
    sentence_spans: list[tuple[int, int]],
    also: str = "",
    anywhere: bool = True,
) -> tuple[str, str, str]:
    """(city, region, country): the first sentence about the event that names a city or a
    province decides; else a city the article places things in; else a country."""
    for start, end in sentence_spans:
        text = ctx.body[start:end]
        for match in finditer_at(_CITY, text, match_starts(_CITY_FINDER, text)):
            if not article.in_org(start + match.start()):  # not "Chongqing University"
                name = match.group(1)
                return name, region_in(text), CITIES[name]
        region = region_in(text)
        if region and not article.in_org(start + text.index(region)):
            return "", region, PROVINCES[region]
    if anywhere and (place := article.city_in(ctx.body)):
        return place
    for text in [ctx.body[start:end] for start, end in sentence_spans] + [also]:
        if m := _COUNTRY_TO.search(text):  # "to Japan and South Korea" names no one country
            return "", "", _COUNTRY_NAMES[m.group(1)]
    return "", "", ""


def collect_participants(
    ctx: Context, article: Article, fact: EventFact, sentence_spans: list[tuple[int, int]]
) -> None:
    seen: set[tuple[str, str]] = set()
    organizer_offsets = article.organizer_offsets(ctx.body)
    for start, end in sentence_spans:
        for offset, key in article.orgs_in(start, end):
            role = "organizer" if offset in organizer_offsets else "participant"
            if (role, key) in seen or ("organizer", key) in seen:
                continue
            seen.add((role, key))
            org = ctx.org_at.get(ctx.token_index_at.get(offset, -1))
            span = ctx.span(offset, org.end if org else offset + 1)
            fact.participants.append((role, "organization", key, span))
        for key, end_offset in article.persons_in(start, end):
            if ("participant", key) in seen:
                continue
            seen.add(("participant", key))
            name = ctx.persons[key].name
            fact.participants.append(
                ("participant", "person", key, ctx.span(end_offset - len(name), end_offset))
            )
