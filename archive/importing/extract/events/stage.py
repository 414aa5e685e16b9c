"""Events: capitalized names ending in an event keyword ("... Forum", "... Symposium"), the
events a sentence introduces in lower case ("a joint seminar on ...", "the 2nd X meeting"),
visits and delegations, signing ceremonies, names in Chinese and Korean, and for each its
dates, place and participants."""

import re
from bisect import bisect_left
from datetime import date
from functools import lru_cache

from archive.countries import CITIES, COUNTRIES, PROVINCES
from archive.importing.dates import DateRange, find_event_dates
from archive.importing.extract.context import Context
from archive.importing.extract.events import chinese_korean as events_cjk
from archive.importing.extract.facts import EventFact
from archive.importing.extract.tokens import Token, is_name_word, tokenize
from archive.importing.extract.vocabulary import EVENT_KEYWORDS
from archive.importing.scan import (
    finditer_at,
    fold_case,
    match_starts,
    positions,
    search_via,
    without_boundary,
)
from archive.text import normalize_name as _normalize_name

# The stage asks for the key of one name again and again: pure functions of a name, cached.
normalize_name = lru_cache(maxsize=4096)(_normalize_name)

# The kind each keyword names; seminars and workshops are smaller than conferences, and a
# summit of leaders is a meeting.
KEYWORD_KINDS = {
    **EVENT_KEYWORDS,
    "seminar": "workshop",
    "workshop": "workshop",
    "summit": "meeting",
    "convocation": "conference",
    "roundtable": "forum",
    "colloquium": "conference",
    **events_cjk.KEYWORD_KINDS,
}
_ORDINAL_OR_YEAR = re.compile(r"^(?:\d+(?:st|nd|rd|th)|(?:19|20)\d\d|first|second|third)$", re.I)


def event_names(ctx: Context, tokens: list[Token], text: str, title: str) -> list[tuple[int, int]]:
    """Token ranges of event names: capitalized words ending in an event keyword
    ("6th China-Korea Industrial Innovation Exchange"), with an "of"/"on" tail of capitalized
    words ("11th Meeting of Heads of Research Councils in Asia"). Two names joined by "and"
    are one event only where the title names them together."""
    names: list[tuple[int, int]] = []
    heads = [i for i, t in enumerate(tokens) if t.is_cap and t.lower in KEYWORD_KINDS]
    for i in heads:
        token = tokens[i]
        if i + 1 < len(tokens) and tokens[i + 1].is_cap and tokens[i + 1].lower in KEYWORD_KINDS:
            continue  # "Trade Expo Forum": the name ends at the last keyword
        left = event_left(tokens, i, text)
        if left >= 2 and tokens[left - 1].text == "and" and tokens[left - 2].lower in KEYWORD_KINDS:
            joined_left = event_left(tokens, left - 2, text)
            joined = text[tokens[joined_left].start : token.end]
            if joined.lower() in title.lower():
                names = [n for n in names if n[0] < joined_left]
                left = joined_left
        if left == i:
            continue
        names.append((left, event_right(tokens, i, text)))
    return names


def _same_line(tokens: list[Token], a: int, b: int, text: str) -> bool:
    return "\n" not in text[tokens[a].end : tokens[b].start]


def event_left(tokens: list[Token], i: int, text: str = "") -> int:
    left = i
    while left > 0 and (not text or _same_line(tokens, left - 1, left, text)):
        prev = tokens[left - 1]
        if _event_word(prev) or prev.text[:1].isdigit():
            left -= 1
        elif (
            prev.text in {"and", "&"}
            and left >= 2
            and is_name_word(tokens[left - 2])
            and tokens[left - 2].lower not in KEYWORD_KINDS
        ):
            left -= 2
        else:
            break
    return left


# Words the shared stop list keeps out of organization and person names that event names
# hold: "Young Scholars Exchange Meeting", "Forum", "First".
_EVENT_NAME_WORDS = {"scholars", "researchers", "representatives", "delegation", "forum", "first"}


def _event_word(token: Token) -> bool:
    return is_name_word(token) or (token.is_cap and token.lower in _EVENT_NAME_WORDS)


_TAIL_STARTS = {"of", "on"}
_TAIL_JOINS = {"of", "on", "in", "and", "for", "the", "&"}


def event_right(tokens: list[Token], i: int, text: str) -> int:
    """The last token of a name whose keyword comes first: "Meeting of Heads of ... Asia"."""
    if i + 2 >= len(tokens) or tokens[i + 1].text not in _TAIL_STARTS:
        return i
    right, j = i, i + 1
    while j < len(tokens) and _same_line(tokens, j - 1, j, text) and j - i < 14:
        if is_name_word(tokens[j]):
            right = j
        elif tokens[j].text not in _TAIL_JOINS:
            break
        j += 1
    return right


def _keyword_token(tokens: list[Token], left: int, right: int) -> Token:
    for token in reversed(tokens[left : right + 1]):
        if token.lower in KEYWORD_KINDS:
            return token
    return tokens[right]


@lru_cache(maxsize=4096)
def _only_keyword(name: str) -> bool:
    """ "7th Forum", "this year's Meeting": a reference to an event named elsewhere."""
    words = [w for w in re.findall(r"[\w-]+", name) if w.lower() not in {"this", "year", "s"}]
    return all(_ORDINAL_OR_YEAR.match(w) for w in words[:-1])


_EVENT_VERB = re.compile(
    r"\b(?:held|hold|holds|holding|took place|take place|takes place|taking place|opened|opens|"
    r"convened|convenes|hosted|hosts|host|hosting|organi[sz]ed|organi[sz]es|attended|attend|"
    r"attends|participated|took part|joined|staged|staging|launched|co-hosted|sponsored|"
    r"kicked off|got under way|closed|concluded|addressed|address|spoke at|met|meet)\b",
    re.I,
)


class _Article:
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


def find_events(ctx: Context) -> None:
    title = ctx.title
    article = _Article(ctx)
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
        if article.in_org(_keyword_token(ctx.tokens, left, right).start):
            continue  # "Boao Forum for Asia" as an organization; not "CAETS Council Meeting"
        name = ctx.body[start:end]
        if _only_keyword(name):
            references.append((start, end, name))
            continue
        add(name, event_kind(name), start, end)
    keywords = list(finditer_at(_LOWER_KEYWORD, ctx.body, positions(ctx.body, _LOWER_WORDS)))
    introduced = lower_case_events(ctx, article, keywords, named, add)
    for start, end in events_cjk.find_names(ctx, add):
        # the English name a Chinese one gives beside it is the same event
        for key, fact in list(named.items()):
            if fact.spans and start <= fact.spans[0].start < end:
                del named[key]
    body_keywords = {_keyword_of(f.name) for f in named.values()}
    title_events: list[EventFact] = []
    # An event only the title names: "China-South Korea ... Cooperation Exhibition".
    title_tokens = tokenize(title)
    for left, right in event_names(ctx, title_tokens, title, title):
        name = title[title_tokens[left].start : title_tokens[right].end]
        if _keyword_of(name) not in body_keywords and not _only_keyword(name):
            title_events.append(add(name, event_kind(name)))
    for name in events_cjk.title_names(title):
        if _keyword_of(name) not in body_keywords:
            title_events.append(add(name, event_kind(name)))
    # "7th Forum", "a symposium": the event of that keyword the page names in full.
    for start, end, name in references:
        target = _event_with_keyword(named, _keyword_of(name))
        if target:
            target.spans.append(ctx.span(start, end))
        elif ctx.year or re.search(r"\d", name):
            add(name, event_kind(name), start, end)
    for start, end, keyword in _bare_mentions(ctx.body, keywords):
        if target := _event_with_keyword(named, keyword):
            target.spans.append(ctx.span(start, end))
    series_occurrences(ctx, named, add)
    merge_series(named)
    visits(ctx, named, add)
    signings(ctx, article, named, add)
    reference = events_cjk.reference_date(ctx.body, ctx.year)
    introduced |= {normalize_name(n) for n in events_cjk.find_visits(ctx, add, reference)}
    if not any(f.kind == "signing" for f in named.values()):
        introduced |= {normalize_name(name) for name in events_cjk.find_signings(ctx, add)}
    events = [f for f in named.values() if keep(ctx, f, title, introduced)]
    main = main_event(events, title)
    ordered = ([main] if main else []) + [f for f in events if f is not main]
    trips = _trip_sentences(ctx, events)
    for fact in ordered:
        complete_event(
            ctx, article, fact, is_main=fact is main, reference=reference, main=main, trips=trips
        )
    for fact in events:
        if not fact.country:
            fact.country = _trip_country(fact, [f for f in events if f.kind == "visit"])
    for fact in events:
        if fact.spans:
            ctx.events.append(fact)


def _trip_sentences(ctx: Context, events: list[EventFact]) -> dict[tuple[int, int], int]:
    """Sentences whose first event is a visit: their date is the trip's, not that of a
    symposium attended during it ("2018年10月23-27日 … 组团赴韩国 … 出席 … 研讨会")."""
    first: dict[tuple[int, int], tuple[int, EventFact]] = {}
    for fact in events:
        for span in fact.spans:
            sentence = events_cjk.sentence_of(ctx, span.start)
            if sentence not in first or span.start < first[sentence][0]:
                first[sentence] = (span.start, fact)
    return {s: start for s, (start, fact) in first.items() if fact.kind == "visit"}


def _trip_country(fact: EventFact, trips: list[EventFact]) -> str:
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


@lru_cache(maxsize=4096)
def _keyword_of(name: str) -> str:
    words = normalize_name(name).split()
    for word in reversed(words):
        if word in KEYWORD_KINDS:
            return word
    # "委员会会议" and "会议" are one keyword: the shortest the name ends with
    for keyword in events_cjk.SHORTEST_FIRST:
        if name.endswith(keyword):
            return keyword
    return words[-1] if words else ""


def _event_with_keyword(named: dict[str, EventFact], keyword: str) -> EventFact | None:
    for fact in named.values():
        if _keyword_of(fact.name) == keyword and not _only_keyword(fact.name):
            return fact
    return None


def event_kind(name: str) -> str:
    """The kind of the name's head, its last keyword ("Young Scholars Exchange Meeting"); of
    two names joined by "and", the first one's."""
    first = re.split(r"\s+and\s+(?=[A-Z])", name)
    for part in (first[0], name) if len(first) > 1 else (name,):
        for word in reversed(re.findall(r"[A-Za-z]+", part)):
            if word.lower() in KEYWORD_KINDS:
                return KEYWORD_KINDS[word.lower()]
    return events_cjk.kind_of(name) or "other"


_LOWER_KEYWORDS = (
    r"seminar|symposium|workshop|forum|conference|summit|exhibition|expo|dialogue|"
    r"roundtable|colloquium|meeting"
)
# "a special seminar on life and health", "a forum for young scientists of the three
# countries", "a China-Japan-Korea joint seminar on ...": an event the sentence introduces.
_LOWER_KEYWORD = re.compile(rf"\b(?:{_LOWER_KEYWORDS})\b")
_LOWER_WORDS = _LOWER_KEYWORDS.split("|")
_ARTICLE_BEFORE = re.compile(
    r"\b[Aa]n?\s+(?P<mods>(?:(?!(?:of|the|to|and|with|for|in|on|at|by|from|series|number|"
    r"lot|kind|type)\b)[\w-]+\s+){0,4}?)$"
)
_ARTICLE_FINDER = without_boundary(_ARTICLE_BEFORE)
_TAIL = re.compile(
    r"\s+(?:on|for|with|between|about)\s+(?:(?!(?:would|will|was|were|is|are|has|"
    r"have|had|which|that|who|where|to|at|in|held|took|takes|attended|organi[sz]ed)\b)"
    r"[\w()'’-]+\s*){1,12}"
)

# "the 2nd A-HORCs meeting", "the 2020 annual meeting of the International Council of ...".
_NUMBERED = re.compile(
    r"\b[Tt]he\s+(?P<name>(?:\d+(?:st|nd|rd|th)|(?:19|20)\d\d)\s+(?:[\w-]+\s+){0,3}?"
    rf"(?:{_LOWER_KEYWORDS}|session|convention|congress|assembly))\b"
    r"(?P<tail>\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:of|and|for|on|the|&|[A-Z][\w-]*))*)?"
)
# where _NUMBERED may match: "the" before a number
_THE_NUMBER = re.compile(r"[Tt]he\s+\d")
# "the OECD ministerial meeting", "the Camp David summit": a capitalized name before a
# keyword written in lower case (kept only where a sentence says it took place).
_CAPPED_BEFORE = re.compile(
    r"\b[Tt]he\s+(?P<name>(?:[A-Z][\w+&-]*\s+){1,4}(?:[a-z][a-z-]+\s+){0,2}?)$"
)
_CAPPED_FINDER = without_boundary(_CAPPED_BEFORE)
# "the CAETS board met by video": a body's meeting.
_MET = re.compile(r"\b(?:met|convened|gathered)\b")
_BODY_BEFORE = re.compile(
    r"(?P<name>(?:[A-Z][\w&-]*\s+){0,4}(?:board|council|committee|commission|assembly|Board|"
    r"Council|Committee|Commission|Assembly))\s+$"
)


# "has grown into a regional meeting that rotates ...": a description, not an occurrence.
_PREDICATIVE = re.compile(r"\b(?:into|become|becomes|became|is|was|are|were|as|be|remains)\s+$")


def lower_case_events(
    ctx: Context, article: _Article, keywords: list[re.Match], named: dict[str, EventFact], add
) -> set[str]:
    """Events named in lower case (`keywords`: where _LOWER_KEYWORD matches); returns the keys
    of those a sentence introduces ("a joint seminar on ..."), which need no verb to be an
    occurrence."""
    body = ctx.body
    introduced: set[str] = set()
    for keyword in keywords:
        match = search_via(
            _ARTICLE_BEFORE, _ARTICLE_FINDER, body, max(0, keyword.start() - 60), keyword.start()
        )
        if not match or article.in_org(keyword.start()):
            continue
        if _PREDICATIVE.search(body, max(0, match.start() - 20), match.start()):
            continue
        tail_match = _TAIL.match(body, keyword.end())
        tail = (
            re.sub(r"\s+(?:and|or|the|of|a|an)$", "", tail_match.group().rstrip())
            if (tail_match)
            else ""
        )
        if not match["mods"].strip() and not tail:
            continue  # "a symposium": linked to the title's event below, if any
        name = f"{match['mods']}{keyword.group()}{tail}"
        if any(normalize_name(name) in key for key in named):
            continue
        start = match.start("mods")
        add(name, KEYWORD_KINDS[keyword.group().lower()], start, start + len(name))
        introduced.add(normalize_name(name))
    for match in finditer_at(_NUMBERED, body, [m.start() for m in _THE_NUMBER.finditer(body)]):
        tail = re.sub(r"\s+(?:of|and|for|on|the|&)$", "", (match["tail"] or "").rstrip())
        name = match["name"] + tail
        end = match.start("name") + len(name)
        if article.in_org(match.start("name")) and not tail:
            continue
        add(name, event_kind(match["name"]), match.start("name"), end)
    # read back from the keyword or the verb: a scan from every capital costs too much
    for keyword in keywords:
        if keyword.group() in {"exhibition", "roundtable", "colloquium"}:
            continue
        match = search_via(
            _CAPPED_BEFORE, _CAPPED_FINDER, body, max(0, keyword.start() - 80), keyword.start()
        )
        if not match:
            continue
        name = match["name"] + keyword.group()
        if name.split()[0].lower() in {"this", "that"} or any(
            normalize_name(name) in key for key in named
        ):
            continue
        add(name, event_kind(name), match.start("name"), keyword.end())
    for verb in finditer_at(_MET, body, positions(body, ("met", "convened", "gathered"))):
        if match := _BODY_BEFORE.search(body, max(0, verb.start() - 80), verb.start()):
            add(f"{match['name']} meeting", "meeting", match.start("name"), verb.end())
    return introduced


_BARE = re.compile(rf"\b[Aa]n?\s+(?P<kw>{_LOWER_KEYWORDS})\b")


def _bare_mentions(body: str, keywords: list[re.Match]) -> list[tuple[int, int, str]]:
    """What _BARE.finditer(body) finds, read back from each keyword: "a"/"an" and the
    spaces before it."""
    found = []
    for keyword in keywords:
        start = keyword.start()
        while start and body[start - 1].isspace():  # str.isspace() is the \s of re
            start -= 1
        if start < keyword.start() and (m := _BARE.search(body, max(0, start - 2), keyword.end())):
            found.append((m.start(), m.end(), m["kw"].lower()))
    return found


def merge_series(named: dict[str, EventFact]) -> None:
    """ "The Korean-Chinese University Presidents Forum has been held every year" beside "the
    7th Korean-Chinese University Presidents Forum": the series is told of through the one
    session the page is about."""
    numbered: dict[str, list[str]] = {}
    for key in named:
        words = key.split()
        if len(words) > 2 and _ORDINAL_OR_YEAR.match(words[0]):
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
    rf"^(?:After|When|Following|At the end of)\s+the\s+(?:{_LOWER_KEYWORDS}|event|ceremony)",
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


_CEREMONY = re.compile(r"\b(?:signing\s+)?ceremony\b", re.I)
_SIGNING_WORDS = re.compile(r"\b(?:sign\w*|memorand\w*|mou|agreements?|accords?)\b", re.I)
_SIGNED = re.compile(
    r"\b(?:signed|put\s+their\s+names\s+to|concluded|renewed|inked)\s+(?P<what>(?:a|an|the|"
    r"their)\s+[^.;]*?\b(?:memorandum\s+of\s+understanding|memorandum|mou|agreements?|"
    r"arrangements?|letter\s+of\s+intent|protocol))\b",
    re.I,
)
# the words _OPENING begins with
_OPENING_WORDS = ("held", "hosted", "organi")
_OPENING = re.compile(
    r"\b(?:held|hosted|organi[sz]ed)\s+(?:an?|the)\s+(?:event|ceremony|reception)\b[^.]*?\bto\s+"
    r"(?:mark|celebrate)\s+the\s+(?P<what>opening|launch|inauguration)\s+of\s+(?:its\s+|the\s+)?"
    r"(?P<name>(?:[A-Z][\w'’-]*\s*)+)",
)


def signings(ctx: Context, article: _Article, named: dict[str, EventFact], add) -> None:
    """One signing per sentence of agreements, named for the ceremony when the page speaks
    of one ("at a ceremony held at ... on November 17"); an event held to mark an opening
    whose centrepiece is a signing is that signing."""
    body = ctx.body
    ceremonies = [
        m
        for m in finditer_at(_CEREMONY, body, positions(article.folded, ("signing", "ceremony")))
        if m.group().lower().startswith("signing")
        or _SIGNING_WORDS.search(body, *ctx.sentence_of(m.start()))
    ]
    opening = None
    # _OPENING needs "to mark" or "to celebrate", and begins with one of _OPENING_WORDS
    if ("mark" in body or "celebrate" in body) and (
        match := next(finditer_at(_OPENING, body, positions(body, _OPENING_WORDS)), None)
    ):
        name = f"{match['what'].capitalize()} of the {match['name'].strip()}"
        opening = add(name, "other", match.start(), match.end())
    if opening is not None:
        for start, end in ctx.sentences:
            text = body[start:end]
            if re.search(r"\bthe (?:event|ceremony)\b", text) and re.search(r"\bsign", text):
                opening.kind = "signing"
                opening.spans.append(ctx.span(start, end))
    seen_sentences: set[tuple[int, int]] = set()
    for agreement in ctx.agreements:
        sentence = ctx.sentence_of(agreement.span.start)
        if opening is not None and re.search(
            r"\bthe (?:event|ceremony)\b", body[sentence[0] : sentence[1]]
        ):
            opening.kind = "signing"
            opening.spans.append(agreement.span)
            continue
        if sentence in seen_sentences:
            continue
        seen_sentences.add(sentence)
        prefix = "Signing ceremony" if ceremonies else "Signing"
        fact = add(f"{prefix} of the {agreement.title}", "signing")
        fact.spans.append(agreement.span)
        for m in ceremonies:
            fact.spans.append(ctx.span(m.start(), m.end()))
    if ctx.agreements or opening is not None:
        return
    signed_words = ("signed", "put", "concluded", "renewed", "inked")
    signed = next(finditer_at(_SIGNED, body, positions(article.folded, signed_words)), None)
    if ceremonies:
        what = f" of the {signed['what'].split(' ', 1)[1]}" if signed else ""
        fact = add(f"Signing ceremony{what}", "signing")
        for m in ceremonies:
            fact.spans.append(ctx.span(m.start(), m.end()))
        if signed:
            fact.spans.append(ctx.span(signed.start(), signed.end()))
    elif signed:
        fact = add(f"Signing of {signed['what']}", "signing", signed.start(), signed.end())


def main_event(events: list[EventFact], title: str) -> EventFact | None:
    """The event the article is about: the one its title names, else the first."""
    lowered = normalize_name(title)
    for fact in events:
        if normalize_name(fact.name) in lowered or lowered in normalize_name(fact.name):
            return fact
    keywords = set(lowered.split())
    for fact in events:
        if _keyword_of(fact.name) in keywords or _keyword_of(fact.name) in title:
            return fact
    return events[0] if events else None


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
    article: _Article,
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
        s = events_cjk.sentence_of(ctx, span.start)
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
        fact.city, fact.country = events_cjk.place_of(ctx, sentence_spans)
    if not fact.country and is_main:
        fact.country = place_of(ctx, article, [], also=ctx.title)[2] or events_cjk.country_in(
            ctx.title
        )
    if not fact.country and main is not None and main.kind == "visit" and fact is not main:
        fact.country = main.country  # a call made during the trip the page is about
    collect_participants(ctx, article, fact, sentence_spans)
    fact.confidence = 0.8 if fact.start_date else 0.6


_CITY = re.compile(r"\b(" + "|".join(map(re.escape, CITIES)) + r")\b")
# "located in Daegu", "based in Seoul" place an organization, not the event.
_CITY_IN = re.compile(
    r"\b(?<!located )(?<!based )(?:city of|in|at) (" + "|".join(map(re.escape, CITIES)) + r")\b"
)
_PROVINCE = re.compile(r"\b(" + "|".join(map(re.escape, PROVINCES)) + r")\b")
_CITY_FINDER, _PROVINCE_FINDER = without_boundary(_CITY), without_boundary(_PROVINCE)
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
    article: _Article,
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


def collect_participants(
    ctx: Context, article: _Article, fact: EventFact, sentence_spans: list[tuple[int, int]]
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
