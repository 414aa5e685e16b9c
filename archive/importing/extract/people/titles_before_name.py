"""Titles before a name: "Professor Yang Dan", "Dr. Hwang-hee Cho", "President Moon Jae-in
of Korea", "Food and Drug Safety Minister Kim", "Vice Presidents A and B", and "The governor
of this province, Xu Kunlin"."""

import re

from archive.countries import COUNTRIES, PROVINCES
from archive.importing.extract.context import Context
from archive.importing.extract.facts import PositionFact
from archive.importing.extract.people.names import heading, name_after
from archive.importing.extract.people.owners import lone_acronym_org, owner_before, sentence_owner
from archive.importing.extract.people.record import names_a_post, record_person
from archive.importing.extract.vocabulary import COUNTRY_NAMES, STOP_WORDS, country_of

_HONORIFIC_BEFORE = re.compile(r"(?=[MDP])\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+")
# The titles news puts before a name, capitalized: "Vice Minister", "Secretary-General",
# "Executive Director", "Charge d'Affaires", "Vice Presidents" (of a list of names).
TITLE_MODIFIERS = (
    "Executive|Senior|Deputy|Vice|Associate|Assistant|Honorary|Former|Acting|First|Permanent|Prime"
)
TITLE_HEADS = (
    "President|Chairman|Chairwoman|Chairperson|Chair|Director[ -]General|Director|"
    "Minister|Ambassador|Governor|Mayor|Premier|Dean|Secretary[ -]General|Secretary|"
    "Commissioner|Administrator|Chief Executive|CEO|Head|Consul[ -]General|"
    "Charg[eé] d['’]Affaires|Member|Academician|Professor|Rector|Provost|Chancellor|Chief"
)
_TITLE_BEFORE = re.compile(
    # the lookahead on the first letters lets the regex skip most positions at once
    "(?=["
    + "".join(sorted({w[0] for w in f"{TITLE_MODIFIERS}|{TITLE_HEADS}".split("|")}))
    + r"])\b(?P<title>(?:(?:"
    + TITLE_MODIFIERS
    + r")[ -])*"
    r"(?:" + TITLE_HEADS + r")(?P<plural>s)?)\s+"
)
# A title's first word as the title regexes read it: no portfolio before it.
_TITLE_START = {w.split("[")[0] for w in f"{TITLE_MODIFIERS}|{TITLE_HEADS}".split("|")}


def find_titles_before_names(ctx: Context) -> None:
    """ "Professor Yang Dan", "Dr. Hwang-hee Cho", "President Moon Jae-in of Korea",
    "Chinese President Xi Jinping", "RIKEN President Noyori Ryoji", "Chung-Ang University's
    President Park", "Vice President Jiang Bingmo from the ... Institute", "led by Secretary-
    General YANG Houlan", "Vice Presidents A and B"."""
    tokens = ctx.tokens
    for match in _HONORIFIC_BEFORE.finditer(ctx.body):
        index = ctx.token_index_at.get(match.end())
        name = name_after(ctx, index) if index is not None else None
        if name is not None and name[0] not in ctx.person_at:
            record_person(ctx, *name, [])
    for match in _TITLE_BEFORE.finditer(ctx.body):
        index = ctx.token_index_at.get(match.end())
        if index is None or heading(ctx.body, match.start()):
            continue  # "President Kim Visits Tsinghua": a headline's words run on
        names = []
        while index is not None and index < len(tokens):
            name = name_after(ctx, index)
            if name is None:
                break
            names.append(name)
            if not match.group("plural"):
                break
            index = name[1] + 1
            while index < len(tokens) and tokens[index].text in {",", "and"}:
                index += 1
        if not names or _titled_here(ctx, names[0][0]):
            continue
        title = match.group("title")
        if match.group("plural"):
            title = title[:-1]
        title_start = ctx.token_index_at.get(match.start())
        offset = match.start()
        if title_start is not None and title.endswith("Minister"):
            title_start, title = _portfolio(ctx, title_start, title)
            offset = tokens[title_start].start
        for start, end in names:
            _title_before_name(ctx, title, title_start, offset, start, end)


def _titled_here(ctx: Context, index: int) -> bool:
    """The name at index was read already with a title ("A, president of X"); one read
    without ("A and B, president of X" for A) may still take the title before it."""
    found = ctx.person_at.get(index)
    return found is not None and any(p.person_key == found[1] for p in ctx.positions)


def _portfolio(ctx: Context, title_start: int, title: str) -> tuple[int, str]:
    """ "Food and Drug Safety Minister", "Korean Industry Minister": the capitalized words
    before a minister name the portfolio; a country word before them stays the owner."""
    tokens = ctx.tokens
    k = title_start - 1
    start = title_start
    while k >= 0 and title_start - k <= 5:
        token = tokens[k]
        if token.text in {"and", "&"} and start == k + 1 and k > 0 and tokens[k - 1].is_cap:
            k -= 1
            continue
        if (
            not (token.is_cap and token.is_word)
            or token.lower in STOP_WORDS
            or country_of(token.text)
            or k in ctx.person_at
            or any(o.end_token == k for o in ctx.org_at.values())
        ):
            break
        start = k
        k -= 1
    if start == title_start:
        return title_start, title
    words = ctx.body[tokens[start].start : tokens[title_start].start]
    return start, f"{words}{title}"


def _title_before_name(
    ctx: Context, title: str, title_start: int | None, offset: int, start: int, end: int
) -> None:
    tokens = ctx.tokens
    org_key, span_start, span_end, confidence = "", offset, tokens[end].end, 0.8
    country = ""
    if title_start is not None:  # before the title: "RIKEN President", "Chinese President"
        org, span_start, country = owner_before(ctx, title_start)
        org_key = org or ""
    look = end + 1
    # after the name: "President Moon Jae-in of Korea", "... from the X Institute"
    if not org_key and look + 1 < len(tokens) and tokens[look].text in {"of", "from", "at"}:
        look += 2 if tokens[look + 1].text == "the" else 1
        org = ctx.org_starting_at(look) or lone_acronym_org(ctx, look)
        if org is not None:
            org_key, span_end = org.key, tokens[org.end_token].end
        elif tokens[look].text in COUNTRY_NAMES and not country:
            title, span_end = f"{title} of {tokens[look].text}", tokens[look].end
    if country and " of " not in title and re.split(r"[ -]", title)[0] in _TITLE_START:
        title = f"{title} of {COUNTRIES[country]}"  # not after a portfolio: "Trade Minister"
    if not org_key and not country and title_start is not None:
        org_key = sentence_owner(ctx, title_start, end)
        government = _GOVERNMENT_TITLE.search(title)
        if org_key and government and ctx.orgs[org_key].kind in _NOT_GOVERNMENT:
            org_key = ""  # "toured LG Electronics and met Minister Kim": a guess too far
        confidence = 0.5
    if not org_key:
        confidence = 0.6
    key = record_person(ctx, start, end, [])
    if names_a_post(title, org_key):
        ctx.positions.append(
            PositionFact(key, org_key, title, ctx.span(span_start, span_end), confidence)
        )
    person = ctx.persons[key]
    if not person.nationality:
        org = ctx.orgs.get(org_key)
        person.nationality = (org.country if org else "") or country or country_of(title)


# Posts of a government, guessed from the sentence only at a government body.
_GOVERNMENT_TITLE = re.compile(
    r"(?i)\b(?:minister|ambassador|governor|mayor|consul|charg[eé]|counsell?or|premier)"
)
_NOT_GOVERNMENT = {"company", "university", "institute", "association", "foundation", "academy"}


_TITLE_THEN_NAME = re.compile(
    r"(?=[Tt])\b[Tt]he (?P<title>(?:[a-z\-]+ ){0,2}(?:governor|mayor|president|minister|ambassador|"
    r"director|chairman|head|secretary)) of (?P<place>[^,.]{3,40}), "
)


def find_titles_with_names_after(ctx: Context) -> None:
    """ "The governor of this province, Xu Kunlin, pointed to ...": "this province" is the
    province the text named last."""
    for match in _TITLE_THEN_NAME.finditer(ctx.body):
        index = ctx.token_index_at.get(match.end())
        name = name_after(ctx, index) if index is not None else None
        if name is None or name[0] in ctx.person_at:
            continue
        place = match.group("place")
        if re.fullmatch(r"(?:this|the) province", place):
            earlier = [
                (m.start(), province)
                for province in PROVINCES
                for m in re.finditer(rf"\b{province}\b", ctx.body[: match.start()])
            ]
            if not earlier:
                continue
            place = max(earlier)[1]
        title = f"{match.group('title')} of {place}"
        key = record_person(ctx, *name, [(title, "", ctx.span(match.start(), match.end() - 2))])
        ctx.persons[key].nationality = ctx.persons[key].nationality or country_of(place)
