"""The events stage: names by keyword, lower-case events, Chinese and Korean names, an
event only the title names, references to named events; series, visits and signings; then
the events kept, the main one first, each completed with its dates, place and participants."""

import re

from archive.importing.extract.context import Context
from archive.importing.extract.events import chinese_korean
from archive.importing.extract.events.article import Article
from archive.importing.extract.events.details import complete_event
from archive.importing.extract.events.keeping import (
    keep,
    main_event,
    merge_series,
    series_occurrences,
)
from archive.importing.extract.events.lower_case import (
    LOWER_KEYWORD,
    LOWER_WORDS,
    bare_mentions,
    lower_case_events,
)
from archive.importing.extract.events.names import (
    event_kind,
    event_names,
    event_with_keyword,
    keyword_of,
    keyword_token,
    normalize_name,
    only_keyword,
)
from archive.importing.extract.events.signings import signings
from archive.importing.extract.events.visits import trip_country, trip_sentences, visits
from archive.importing.extract.facts import EventFact
from archive.importing.extract.tokens import tokenize
from archive.importing.scan import finditer_at, positions


def find_events(ctx: Context) -> None:
    title = ctx.title
    article = Article(ctx)
    named: dict[str, EventFact] = {}

    def add(name: str, kind: str, start: int | None = None, end: int | None = None) -> EventFact:
        fact = named.setdefault(normalize_name(name), EventFact(name=name, kind=kind))
        if start is not None and end is not None:
            span = ctx.span(start, end)
            if span not in fact.spans:
                fact.spans.append(span)
        return fact

    references: list[tuple[int, int, str]] = []
    for left, right in event_names(ctx, ctx.tokens, ctx.body, title):
        start, end = ctx.tokens[left].start, ctx.tokens[right].end
        if article.in_org(keyword_token(ctx.tokens, left, right).start):
            continue  # "Boao Forum for Asia" as an organization; not "CAETS Council Meeting"
        name = ctx.body[start:end]
        if only_keyword(name):
            references.append((start, end, name))
            continue
        add(name, event_kind(name), start, end)
    keywords = list(finditer_at(LOWER_KEYWORD, ctx.body, positions(ctx.body, LOWER_WORDS)))
    introduced = lower_case_events(ctx, article, keywords, named, add)
    for start, end in chinese_korean.find_names(ctx, add):
        # the English name a Chinese one gives beside it is the same event
        for key, fact in list(named.items()):
            if fact.spans and start <= fact.spans[0].start < end:
                del named[key]
    body_keywords = {keyword_of(f.name) for f in named.values()}
    title_events: list[EventFact] = []
    # An event only the title names: "China-South Korea ... Cooperation Exhibition".
    title_tokens = tokenize(title)
    for left, right in event_names(ctx, title_tokens, title, title):
        name = title[title_tokens[left].start : title_tokens[right].end]
        if keyword_of(name) not in body_keywords and not only_keyword(name):
            title_events.append(add(name, event_kind(name)))
    for name in chinese_korean.title_names(title):
        if keyword_of(name) not in body_keywords:
            title_events.append(add(name, event_kind(name)))
    # "7th Forum", "a symposium": the event of that keyword the page names in full.
    for start, end, name in references:
        target = event_with_keyword(named, keyword_of(name))
        if target:
            target.spans.append(ctx.span(start, end))
        elif ctx.year or re.search(r"\d", name):
            add(name, event_kind(name), start, end)
    for start, end, keyword in bare_mentions(ctx.body, keywords):
        if target := event_with_keyword(named, keyword):
            target.spans.append(ctx.span(start, end))
    series_occurrences(ctx, named, add)
    merge_series(named)
    visits(ctx, named, add)
    signings(ctx, article, named, add)
    reference = chinese_korean.reference_date(ctx.body, ctx.year)
    introduced |= {normalize_name(n) for n in chinese_korean.find_visits(ctx, add, reference)}
    if not any(f.kind == "signing" for f in named.values()):
        introduced |= {normalize_name(name) for name in chinese_korean.find_signings(ctx, add)}
    events = [f for f in named.values() if keep(ctx, f, title, introduced)]
    main = main_event(events, title)
    ordered = ([main] if main else []) + [f for f in events if f is not main]
    trips = trip_sentences(ctx, events)
    for fact in ordered:
        complete_event(
            ctx, article, fact, is_main=fact is main, reference=reference, main=main, trips=trips
        )
    for fact in events:
        if not fact.country:
            fact.country = trip_country(fact, [f for f in events if f.kind == "visit"])
    for fact in events:
        if fact.spans:
            ctx.events.append(fact)
