"""Which events the page reports, and how they merge: a series named in passing is no
occurrence (`keep`), a series is told of through its one session the page is about
(`merge_series`), other sessions of a series named by its acronym (`series_occurrences`),
and the event the article is about (`main_event`)."""

import re

from archive.importing.dates import find_event_dates
from archive.importing.extract.context import Context
from archive.importing.extract.events.names import ORDINAL_OR_YEAR, keyword_of, normalize_name
from archive.importing.extract.facts import EventFact

_EVENT_VERB = re.compile(
    r"\b(?:held|hold|holds|holding|took place|take place|takes place|taking place|opened|opens|"
    r"convened|convenes|hosted|hosts|host|hosting|organi[sz]ed|organi[sz]es|attended|attend|"
    r"attends|participated|took part|joined|staged|staging|launched|co-hosted|sponsored|"
    r"kicked off|got under way|closed|concluded|addressed|address|spoke at|met|meet)\b",
    re.I,
)


def keep(ctx: Context, fact: EventFact, title: str, introduced: set[str]) -> bool:
    """A series named in passing ("praised what the Beijing Forum has achieved") is no
    occurrence: a kept name has an ordinal or year, or is the title's, or a sentence about it
    says it was held, attended, hosted ..."""
    if (
        normalize_name(fact.name) in normalize_name(title)
        or normalize_name(fact.name) in introduced
    ):
        return True
    if not fact.spans:
        return False
    if re.search(r"\d|first|second|third", fact.name, re.I) or fact.kind in {"visit", "signing"}:
        return True
    for span in fact.spans:
        start, end = ctx.sentence_of(span.start)
        if _EVENT_VERB.search(ctx.body, start, end) or find_event_dates(
            ctx.body[start:end], ctx.year
        ):
            return True
    return False


def merge_series(named: dict[str, EventFact]) -> None:
    """ "The Korean-Chinese University Presidents Forum has been held every year" beside "the
    7th Korean-Chinese University Presidents Forum": the series is told of through the one
    session the page is about."""
    numbered: dict[str, list[str]] = {}
    for key in named:
        words = key.split()
        if len(words) > 2 and ORDINAL_OR_YEAR.match(words[0]):
            numbered.setdefault(" ".join(words[1:]), []).append(key)
    for key in list(named):
        sessions = numbered.get(key, [])
        if len(sessions) == 1:
            named[sessions[0]].spans += named.pop(key).spans


_ACRONYM_AFTER = re.compile(r"\s*\((?P<acronym>[A-Z][\w-]*[A-Z][\w-]*)\)")


def series_occurrences(ctx: Context, named: dict[str, EventFact], add) -> None:
    """ "the 12th A-HORCs": another session of a series the page names by its acronym
    ("the 11th Meeting of Heads of Research Councils in Asia (A-HORCs)")."""
    for fact in list(named.values()):
        if not fact.spans:
            continue
        after = _ACRONYM_AFTER.match(ctx.body, fact.spans[0].end)
        if not after:
            continue
        acronym = after["acronym"]
        ordinal = re.match(r"(\d+)(?:st|nd|rd|th)\b", fact.name)
        pattern = rf"\b(?P<name>(?:\d+(?:st|nd|rd|th)|(?:19|20)\d\d)\s+{re.escape(acronym)})\b"
        for match in re.finditer(pattern, ctx.body):
            number = re.match(r"\d+", match["name"])
            if ordinal and number and number.group() == ordinal.group(1):
                fact.spans.append(ctx.span(match.start(), match.end()))
            elif not any(normalize_name(match["name"]) in key for key in named):
                add(match["name"], fact.kind, match.start(), match.end())


def main_event(events: list[EventFact], title: str) -> EventFact | None:
    """The event the article is about: the one its title names, else the first."""
    lowered = normalize_name(title)
    for fact in events:
        if normalize_name(fact.name) in lowered or lowered in normalize_name(fact.name):
            return fact
    keywords = set(lowered.split())
    for fact in events:
        if keyword_of(fact.name) in keywords or keyword_of(fact.name) in title:
            return fact
    return events[0] if events else None
