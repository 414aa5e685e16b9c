"""People and their positions: a name followed by its titles ("Kim Min-su, president of the
X Institute"), titles before names ("President Moon Jae-in"), member lists, and later
references to a name already found."""

import re

from archive.countries import CITIES, COUNTRIES, COUNTRY_WORDS, PROVINCES
from archive.importing.extract.context import Context
from archive.importing.extract.facts import PositionFact, Span
from archive.importing.extract.organizations import acronym_org
from archive.importing.extract.tokens import Token, is_word_char
from archive.importing.extract.vocabulary import (
    COUNTRY_NAMES,
    EVENT_KEYWORDS,
    HONORIFICS,
    ORG_KEYWORDS,
    STOP_WORDS,
    TITLE_WORDS,
    country_of,
)

_NAME_TOKEN = re.compile(r"^[A-Z][a-z]+(?:-[a-z]+|-[A-Z][a-z]+)?$")


def _is_person_token(token: Token) -> bool:
    return (
        bool(_NAME_TOKEN.match(token.text))
        and token.lower not in STOP_WORDS
        and token.lower not in ORG_KEYWORDS
        and token.lower not in EVENT_KEYWORDS
        and token.lower not in TITLE_WORDS
        and token.lower not in HONORIFICS
        and token.text not in COUNTRY_NAMES
        and token.text not in CITIES
        and token.text not in PROVINCES
        and token.lower not in COUNTRY_WORDS
    )


def _name_before(tokens: list[Token], index: int) -> tuple[int, int] | None:
    """The person name ending at tokens[index]: two to four name words, read leftwards."""
    start = index
    while start >= 0 and index - start < 4 and _is_person_token(tokens[start]):
        start -= 1
    start += 1
    if index - start + 1 < 2:
        return None
    before = tokens[start - 1] if start > 0 else None
    if (
        before is not None
        and before.is_cap
        and before.is_word
        and before.lower not in HONORIFICS | STOP_WORDS | TITLE_WORDS
    ):
        return None  # part of a longer capitalized phrase, not a name
    return start, index


def _name_after(tokens: list[Token], index: int) -> tuple[int, int] | None:
    end = index
    while end < len(tokens) and end - index < 4 and _is_person_token(tokens[end]):
        end += 1
    if end - index < 2:
        return None
    return index, end - 1


def find_people(ctx: Context) -> None:
    tokens = ctx.tokens
    for i, token in enumerate(tokens):
        if token.text != ",":
            continue
        name = _name_before(tokens, i - 1)
        if name is None:
            continue
        names = [name]
        # "Tang Qian and Luo Yuanxin, vice deans of ..."
        if name[0] >= 3 and tokens[name[0] - 1].text == "and":
            first = _name_before(tokens, name[0] - 2)
            if first is not None:
                names.insert(0, first)
        clause = read_title_clause(ctx, i + 1)
        if clause is None:
            continue
        if len(names) > 1:  # "vice deans" of two people is a vice dean each
            clause = [(re.sub(r"s$", "", t), o, sp) for t, o, sp in clause]
        for start, end in names:
            record_person(ctx, start, end, clause)
    find_titles_with_names_after(ctx)
    find_titles_before_names(ctx)
    find_member_lists(ctx)
    find_later_references(ctx)


def record_person(ctx: Context, start: int, end: int, clause: list[tuple[str, str, Span]]) -> str:
    tokens = ctx.tokens
    name = ctx.body[tokens[start].start : tokens[end].end]
    key = ctx.add_person(name, ctx.span(tokens[start].start, tokens[end].end))
    for index in range(start, end + 1):
        ctx.person_at[index] = (end, key)
    person = ctx.persons[key]
    for title, org_key, span in clause:
        ctx.positions.append(PositionFact(key, org_key, title, span, 0.8 if org_key else 0.6))
        if not person.nationality:
            org = ctx.orgs.get(org_key)
            person.nationality = (org.country if org else "") or country_of(title)
    return key


def read_title_clause(ctx: Context, index: int) -> list[tuple[str, str, Span]] | None:
    """The titles that follow a name: "Vice President of the NAEK", "academician and
    former vice president of Chinese Academy of Engineering", "CAE member and honorary
    chairman of ...". Returns (title, organization key, span) triples, or None when
    what follows the comma is not a title."""
    tokens, body = ctx.tokens, ctx.body
    n = len(tokens)
    sentence_end = ctx.sentence_of(tokens[index].start)[1] if index < n else len(body)
    results: list[tuple[str, str, Span]] = []
    segment_start = index
    pos = index
    saw_title = False
    while pos < n and tokens[pos].start < sentence_end:
        token = tokens[pos]
        org = ctx.org_starting_at(pos)
        if org is None and pos > segment_start and tokens[pos - 1].text in {"of", "the"}:
            org = acronym_org(ctx, pos)
        if org is not None:
            title = clean_title(
                ctx, body[tokens[segment_start].start : token.start] if pos > segment_start else ""
            )
            end_token = org.end_token
            after = tokens[end_token + 1] if end_token + 1 < n else None
            if not title and after is not None and after.lower in {"member", "members"}:
                title = "member"
                end_token += 1
            span = ctx.span(tokens[segment_start].start, tokens[end_token].end)
            for part in split_titles(title):
                # "mayor of Chongqing and the deputy secretary of <org>": the mayoralty
                # names its own place, only the last title is held at the organization.
                own_place = re.search(r"\b(?:of|to)\s+[A-Z]", part)
                results.append((part, "" if own_place else org.key, span))
                saw_title = True
            pos = end_token + 1
            # Go on only for another title: ", Chief Manager of", " and chairwoman of".
            if pos < n and tokens[pos].text in {",", "and"}:
                look = pos + 1
                while look < n and tokens[look].text in {"and", "the"}:
                    look += 1
                if look < n and (
                    tokens[look].lower in TITLE_WORDS
                    or tokens[look].lower
                    in {"former", "honorary", "managing", "associate", "executive"}
                ):
                    segment_start = look
                    pos = look
                    continue
            break
        if token.text in {",", ";", "(", ")"} and pos > index:
            break
        pos += 1
    else:
        pos = min(pos, n)
    if not results:
        # A title that names a place or nothing: "president of Korea", "South Korea’s
        # ambassador to China", "mayor of Chongqing".
        end = tokens[min(pos, n) - 1].end if pos > index else tokens[index].end
        text = body[tokens[index].start : min(end, sentence_end)]
        title = placeless_title(ctx, text)
        if title:
            results.append(
                (title, "", ctx.span(tokens[index].start, tokens[index].start + len(title)))
            )
            saw_title = True
    if results and saw_title:
        return results
    return None


_TITLE_TRAIL = re.compile(r"\s*(?:\b(?:of|at|from|for|to|in|with)\b\s*)?(?:\b[Tt]he\b\s*)?$")
_TITLE_LEAD = re.compile(r"^\s*(?:,|\band\b|\bthe\b|\s)*")


def clean_title(ctx: Context, text: str) -> str:
    text = _TITLE_LEAD.sub("", text)
    for _ in range(2):
        text = _TITLE_TRAIL.sub("", text).strip(" ,")
    words = text.lower().replace("-", " ").split()
    if not words or len(words) > 10 or not any(w in TITLE_WORDS for w in words):
        return ""
    return re.sub(r"\s+", " ", text)


def split_titles(title: str) -> list[str]:
    """ "academician and former vice president" is two titles at one organization."""
    if not title:
        return []
    parts = [re.sub(r"^the\s+", "", p.strip()) for p in re.split(r"\s+and\s+", title)]
    if len(parts) > 1 and all(any(w in TITLE_WORDS for w in p.lower().split()) for p in parts):
        return parts
    return [title]


_PLACELESS = re.compile(
    r"^(?:(?:[A-Z][\w\-]*\s)*[A-Z][\w\-]*['’]s\s+)?"  # "South Korea’s"
    r"(?P<title>(?:[a-z\-]+\s+){0,3}?(?i:" + "|".join(sorted(TITLE_WORDS)) + r"))\b"
    r"(?:\s+(?:of|to)\s+(?:the\s+)?(?P<place>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?))?"
)


def placeless_title(ctx: Context, text: str) -> str:
    text = re.sub(r"\s+", " ", text.strip())
    match = _PLACELESS.match(text)
    if not match:
        return ""
    if match.group("place") and match.group("place").split()[0] in STOP_WORDS:
        return ""
    return match.group(0).strip()


_TITLE_BEFORE = re.compile(
    r"\b(?P<hon>Mr|Mrs|Ms|Dr|Prof|Professor|Academician)\.?\s+|"
    r"\b(?P<title>Vice President|Vice Minister|President|Chairman|Chairwoman|Director|Minister|"
    r"Ambassador|Governor|Mayor|Premier|Dean)\s+"
)


def find_titles_before_names(ctx: Context) -> None:
    """ "Professor Yang Dan", "Dr. Hwang-hee Cho", "President Moon Jae-in of Korea",
    "Chinese President Xi Jinping", "Vice President Jiang Bingmo from the ... Institute"."""
    tokens = ctx.tokens
    for match in _TITLE_BEFORE.finditer(ctx.body):
        index = ctx.token_index_at.get(match.end())
        name = _name_after(tokens, index) if index is not None else None
        if name is None or name[0] in ctx.person_at:
            continue
        start, end = name
        if not match.group("title"):
            record_person(ctx, start, end, [])
            continue
        title, org_key, span_end = match.group("title"), "", tokens[end].end
        look = end + 1
        if look + 1 < len(tokens) and tokens[look].text in {"of", "from", "at"}:
            look += 2 if tokens[look + 1].text == "the" else 1
            org = ctx.org_starting_at(look)
            if org is not None:
                org_key, span_end = org.key, tokens[org.end_token].end
            elif tokens[look].text in COUNTRY_NAMES:
                title, span_end = f"{title} of {tokens[look].text}", tokens[look].end
        words_before = ctx.body[max(0, match.start() - 12) : match.start()].split()
        country = country_of(words_before[-1]) if words_before and not org_key else ""
        if country and " of " not in title:
            title = f"{title} of {COUNTRIES[country]}"
        key = record_person(ctx, start, end, [(title, org_key, ctx.span(match.start(), span_end))])
        if country:
            ctx.persons[key].nationality = country


_TITLE_THEN_NAME = re.compile(
    r"\b[Tt]he (?P<title>(?:[a-z\-]+ ){0,2}(?:governor|mayor|president|minister|ambassador|"
    r"director|chairman|head|secretary)) of (?P<place>[^,.]{3,40}), "
)


def find_titles_with_names_after(ctx: Context) -> None:
    """ "The governor of this province, Xu Kunlin, pointed to ...": "this province" is the
    province the text named last."""
    for match in _TITLE_THEN_NAME.finditer(ctx.body):
        index = ctx.token_index_at.get(match.end())
        name = _name_after(ctx.tokens, index) if index is not None else None
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


def find_member_lists(ctx: Context) -> None:
    """ "NAEK members including Paik Man Gi, Lie Sang Bong, and Choi Cheng De"."""
    pattern = re.compile(r"\b([A-Z][\w\-]+) members,? (?:including|such as) ")
    tokens = ctx.tokens
    for match in pattern.finditer(ctx.body):
        org_key = ctx.acronyms.get(match.group(1))
        if org_key is None:
            continue
        index = ctx.token_index_at.get(match.end())
        while index is not None and index < len(tokens):
            name = _name_after(tokens, index)
            if name is None:
                break
            start, end = name
            span = ctx.span(tokens[start].start, tokens[end].end)
            record_person(ctx, start, end, [("member", org_key, span)])
            index = end + 1
            while index < len(tokens) and tokens[index].text in {",", "and"}:
                index += 1


def find_later_references(ctx: Context) -> None:
    body = ctx.body
    for fact in ctx.persons.values():
        # str.find, not a regex per name: thousands of names overflow re's cache
        start = body.find(fact.name)
        while start != -1:
            end = start + len(fact.name)
            if not is_word_char(body, start - 1) and not is_word_char(body, end):
                span = ctx.span(start, end)
                if span not in fact.spans:
                    fact.spans.append(span)
            start = body.find(fact.name, start + 1)


# -- agreements ------------------------------------------------------------------------
