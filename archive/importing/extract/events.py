"""Events: capitalized names ending in an event keyword ("... Forum", "... Symposium"), the
visit or signing a title announces, and for each its dates, place and participants."""

import re
from datetime import date

from archive.countries import CITIES, PROVINCES
from archive.importing.dates import find_event_dates
from archive.importing.extract.context import Context
from archive.importing.extract.facts import EventFact
from archive.importing.extract.tokens import Token, is_name_word, tokenize
from archive.importing.extract.vocabulary import EVENT_KEYWORDS, country_of
from archive.text import normalize_name


def event_names(ctx: Context, tokens: list[Token], text: str, title: str) -> list[tuple[int, int]]:
    """Token ranges of event names: capitalized words ending in an event keyword
    ("6th China-Korea Industrial Innovation Exchange"). Two names joined by "and" are
    one event only where the title names them together."""
    names: list[tuple[int, int]] = []
    for i, token in enumerate(tokens):
        if not token.is_cap or token.lower not in EVENT_KEYWORDS:
            continue
        if i + 1 < len(tokens) and tokens[i + 1].is_cap and tokens[i + 1].lower in EVENT_KEYWORDS:
            continue  # "Trade Expo Forum": the name ends at the last keyword
        left = event_left(tokens, i)
        if (
            left >= 2
            and tokens[left - 1].text == "and"
            and tokens[left - 2].lower in EVENT_KEYWORDS
        ):
            joined_left = event_left(tokens, left - 2)
            joined = text[tokens[joined_left].start : token.end]
            if joined.lower() in title.lower():
                names = [n for n in names if n[0] < joined_left]
                left = joined_left
        if left == i:
            continue
        names.append((left, i))
    return names


def event_left(tokens: list[Token], i: int) -> int:
    left = i
    while left > 0:
        prev = tokens[left - 1]
        if (is_name_word(prev) or prev.text[:1].isdigit()) and prev.lower not in EVENT_KEYWORDS:
            left -= 1
        elif (
            prev.text in {"and", "&"}
            and left >= 2
            and is_name_word(tokens[left - 2])
            and tokens[left - 2].lower not in EVENT_KEYWORDS
        ):
            left -= 2
        else:
            break
    return left


def find_events(ctx: Context) -> None:
    title = ctx.title
    named: dict[str, EventFact] = {}
    for left, right in event_names(ctx, ctx.tokens, ctx.body, title):
        start, end = ctx.tokens[left].start, ctx.tokens[right].end
        if ctx.org_containing(start):
            continue
        name = ctx.body[start:end]
        fact = named.setdefault(normalize_name(name), EventFact(name=name, kind=event_kind(name)))
        fact.spans.append(ctx.span(start, end))
    body_keywords = {normalize_name(f.name).split()[-1] for f in named.values()}
    # An event only the title names: "China-South Korea ... Cooperation Exhibition".
    title_tokens = tokenize(title)
    for left, right in event_names(ctx, title_tokens, title, title):
        name = title[title_tokens[left].start : title_tokens[right].end]
        if title_tokens[right].lower not in body_keywords:
            named.setdefault(normalize_name(name), EventFact(name=name, kind=event_kind(name)))
    # A visit the title announces: "Visit to China's Major ... Research Institutes".
    if re.search(r"\b(visit|delegation|tour)\b", title, re.I):
        visit = re.search(r"\b(visited|visit to|delegation)\b", ctx.body, re.I)
        if visit:
            named.setdefault(
                normalize_name(title),
                EventFact(name=title, kind="visit", spans=[ctx.span(visit.start(), visit.end())]),
            )
    for agreement in ctx.agreements:
        ceremony = re.search(r"\bsigning ceremony\b", ctx.body, re.I)
        if ceremony:
            name = f"Signing of the {agreement.title}"
            fact = named.setdefault(normalize_name(name), EventFact(name=name, kind="signing"))
            fact.spans += [ctx.span(ceremony.start(), ceremony.end()), agreement.span]
    events = list(named.values())
    main = main_event(events, title)
    for fact in events:
        complete_event(ctx, fact, is_main=fact is main)
        if fact.spans:
            ctx.events.append(fact)


def event_kind(name: str) -> str:
    for word in re.findall(r"[A-Za-z]+", name):
        if word.lower() in EVENT_KEYWORDS:
            return EVENT_KEYWORDS[word.lower()]
    return "other"


def main_event(events: list[EventFact], title: str) -> EventFact | None:
    """The event the article is about: the one its title names, else the first."""
    lowered = normalize_name(title)
    for fact in events:
        if normalize_name(fact.name) in lowered or lowered in normalize_name(fact.name):
            return fact
    keywords = set(normalize_name(title).split())
    for fact in events:
        if normalize_name(fact.name).split()[-1] in keywords:
            return fact
    return events[0] if events else None


_ANAPHORA = re.compile(
    r"\b(?:the|this|that) (event|forum|conference|exhibition|expo|exchange|visit|delegation|"
    r"meeting|summit|symposium|seminar)\b",
    re.I,
)
_ANAPHOR_KINDS: dict[str, set[str]] = {
    "event": {"forum", "conference", "exhibition", "exchange", "visit", "meeting", "other"},
    "delegation": {"visit", "exchange"},
    "visit": {"visit", "exchange"},
    "expo": {"exhibition"},
}


def complete_event(ctx: Context, fact: EventFact, *, is_main: bool) -> None:
    """Dates, place and who took part, read from the sentences that name the event or,
    for the article's main event, refer back to it ("the event", "the delegation")."""
    sentence_spans = []
    for span in fact.spans:
        s = ctx.sentence_of(span.start)
        if s not in sentence_spans:
            sentence_spans.append(s)
    if is_main:
        name_words = set(normalize_name(fact.name).split())
        for match in _ANAPHORA.finditer(ctx.body):
            word = match.group(1).lower()
            kinds = _ANAPHOR_KINDS.get(word, {EVENT_KEYWORDS.get(word, "")})
            if fact.kind not in kinds and word not in name_words:
                continue
            s = ctx.sentence_of(match.start())
            fact.spans.append(ctx.span(match.start(), match.end()))
            if s not in sentence_spans:
                sentence_spans.append(s)
    sentence_spans.sort()
    for start, end in sentence_spans:
        found = find_event_dates(ctx.body[start:end], ctx.year)
        if found and found.start:
            fact.start_date, fact.end_date, fact.date_precision = found.start, found.end, "day"
            fact.spans.append(ctx.span(start + found.span[0], start + found.span[1]))
            break
    if (
        fact.start_date is None
        and ctx.year
        and is_main
        and re.search(r"\bthis year\b", ctx.body, re.I)
    ):
        fact.start_date, fact.date_precision = date(ctx.year, 1, 1), "year"
    fact.city, fact.region, fact.country = place_of(ctx, sentence_spans)
    if not fact.country and is_main:
        fact.country = place_of(ctx, [], also=ctx.title)[2]
    collect_participants(ctx, fact, sentence_spans)
    fact.confidence = 0.8 if fact.start_date else 0.6


_CITY = re.compile(r"\b(" + "|".join(map(re.escape, CITIES)) + r")\b")
_CITY_IN = re.compile(r"\b(?:city of|in|at) (" + "|".join(map(re.escape, CITIES)) + r")\b")
_PROVINCE = re.compile(r"\b(" + "|".join(map(re.escape, PROVINCES)) + r")\b")


def place_of(
    ctx: Context, sentence_spans: list[tuple[int, int]], also: str = ""
) -> tuple[str, str, str]:
    """(city, region, country): the first sentence about the event that names a city or a
    province decides; else a city the article places things in; else a country."""
    for start, end in sentence_spans:
        text = ctx.body[start:end]
        for match in _CITY.finditer(text):
            if not ctx.org_containing(start + match.start()):  # not "Chongqing University"
                name = match.group(1)
                return name, region_in(text), CITIES[name]
        region = region_in(text)
        if region:
            return "", region, PROVINCES[region]
    if match := _CITY_IN.search(ctx.body):
        name = match.group(1)
        return name, region_in(ctx.body), CITIES[name]
    for text in [ctx.body[start:end] for start, end in sentence_spans] + [also]:
        if m := re.search(
            r"\b(?:to|in) (China|Korea|South Korea|Japan)\b|\b(China|Korea|Japan)['’]s\b", text
        ):
            return "", "", country_of(m.group(1) or m.group(2))
    return "", "", ""


def region_in(text: str) -> str:
    match = _PROVINCE.search(text)
    return match.group(1) if match else ""


_ORGANIZER = re.compile(
    r"\b(?:invitation of|organi[sz]ed by|hosted by|co-hosted by|sponsored by|"
    r"held by|annual meeting of)\s+(?:the\s+)?",
    re.I,
)


def collect_participants(
    ctx: Context, fact: EventFact, sentence_spans: list[tuple[int, int]]
) -> None:
    seen: set[tuple[str, str]] = set()
    organizer_offsets = {m.end() for m in _ORGANIZER.finditer(ctx.body)}
    for start, end in sentence_spans:
        for offset, key in ctx.orgs_in(start, end):
            role = "organizer" if offset in organizer_offsets else "participant"
            if (role, key) in seen or ("organizer", key) in seen:
                continue
            seen.add((role, key))
            org = ctx.org_at.get(ctx.token_index_at.get(offset, -1))
            span = ctx.span(offset, org.end if org else offset + 1)
            fact.participants.append((role, "organization", key, span))
        for key, end_offset in ctx.persons_in(start, end):
            if ("participant", key) in seen:
                continue
            seen.add(("participant", key))
            name = ctx.persons[key].name
            fact.participants.append(
                ("participant", "person", key, ctx.span(end_offset - len(name), end_offset))
            )
