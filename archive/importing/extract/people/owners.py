"""Whose a title before a name is: the organization or country written before it ("RIKEN
President", "Chinese President"), or the organization the sentence ties it to ("At Korea
University, President Kim", "a delegation led by President Jin", "visited X and met Vice
President A")."""

import re

from archive.countries import CITIES, PROVINCES
from archive.importing.extract.context import Context, OrgSpan
from archive.importing.extract.organizations import acronym_org
from archive.importing.extract.people.names import NOT_NAME
from archive.importing.extract.vocabulary import COUNTRY_NAMES, country_of

_AT_ORG = re.compile(r"(?:At|In)\s+(?:the\s+)?")
_ACRONYM_GAP = re.compile(r"\s*(?:\([A-Za-z&\-]+\)\s*)?")
_LED_BY = re.compile(r"\b(?:delegation|team|mission)\s+(?:\w+\s+){0,3}?(?:led|headed)\s+by\s+$")
# "a delegation from Kobe University (KU) headed by President Sato"
_DELEGATION_FROM = re.compile(r"\b(?:delegation|team|mission)\s+(?:from|of)\s+(?:the\s+)?$")
_LED_AFTER = re.compile(r"\s*(?:\([A-Za-z&\-]+\)\s*)?,?\s*(?:led|headed)\s+by\s+")
# "went to the X Embassy in Seoul and met Counsellor Kim", "X, where it met Vice President Lee":
# the person met at an organization the sentence visits belongs to it.
_MET_THERE = re.compile(
    r"(?:\s+in\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?)?"
    r"(?:\s*,\s*where\s+(?:it|he|she|they|we|the\s+\w+)|\s+and)\s+(?:also\s+)?"
    r"(?:met(?:\s+with)?|held\s+talks\s+with|talked\s+with|(?:was|were)\s+(?:received|welcomed)\s+by)"
    r"\s+"
)
# After the name, the organization the person acts for: "hosted ... at MOST", "represented
# ZZU at the forum", "attended for Kobe University", "spoke on behalf of the agency".
_ACTS_FOR = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:(?:hosted|welcomed)\b[^.;:]{0,60}?\bat|represented|"
    r"(?:attended|spoke|signed|participated)\s+(?:for|on\s+behalf\s+of))\s+(?:the\s+)?"
)
# "Vice President Piao was part of the group": a member of the delegation named before.
_IN_DELEGATION = re.compile(
    r"\s+(?:(?:was|were)\s+(?:also\s+)?(?:part\s+of|among|in|a\s+member\s+of|members\s+of)|"
    r"(?:also\s+)?(?:joined|accompanied))\s+the\s+(?:delegation|group|team|party)\b"
)
_DELEGATION_AFTER = re.compile(r"\s*(?:\([A-Za-z&\-]+\)\s*)?(?:delegation|team|mission)\b")


def sentence_owner(ctx: Context, title_start: int, name_end: int) -> str:
    """The organization a sentence ties a title to, without naming it next to the title:
    "At Korea University, President Kim ...", "a Fudan University delegation led by
    President Jin ...", "X University's President A and Vice President B", "visited X and
    met Vice President A", "Vice Minister B hosted, at MOST, ..."."""
    tokens, body = ctx.tokens, ctx.body
    offset = tokens[title_start].start
    sentence_start, sentence_end = ctx.sentence_of(offset)
    opening = _AT_ORG.match(body, sentence_start)
    if opening:
        org = ctx.org_starting_at(ctx.token_index_at.get(opening.end(), -1))
        after = org.end_token + 1 if org else -1
        if org and after < title_start and tokens[after].text == "," and org.key in ctx.orgs:
            return org.key
    before = [
        o
        for o in ctx.org_at.values()
        if sentence_start <= o.start and o.end <= offset and o.key in ctx.orgs
    ]
    led = _LED_BY.search(body, sentence_start, offset)
    if led:
        for org in before:
            if _ACRONYM_GAP.fullmatch(body[org.end : led.start()]):
                return org.key
    for org in sorted(before, key=lambda o: -o.start):
        if _LED_AFTER.fullmatch(body, org.end, offset) and _DELEGATION_FROM.search(
            body, sentence_start, org.start
        ):
            return org.key
        if _MET_THERE.fullmatch(body, org.end, offset):
            return org.key
    acts = _ACTS_FOR.match(body, tokens[name_end].end, sentence_end)
    at = ctx.token_index_at.get(acts.end(), -1) if acts else -1
    if at >= 0:
        org = ctx.org_starting_at(at) or lone_acronym_org(ctx, at)
        if org is not None and org.key in ctx.orgs:
            return org.key
    if _IN_DELEGATION.match(body, tokens[name_end].end, sentence_end):
        return _delegation_org(ctx, offset)
    if title_start >= 2 and tokens[title_start - 1].text == "and":
        named = ctx.person_at.get(title_start - 2)
        if named is not None:
            end = tokens[title_start - 2].end
            for position in reversed(ctx.positions):
                if position.person_key == named[1] and position.span.end == end:
                    return position.org_key
    return ""


def lone_acronym_org(ctx: Context, index: int) -> OrgSpan | None:
    """An acronym standing alone as an organization; "the COEX Exhibition Center" is a longer
    name that only starts with one."""
    after = ctx.tokens[index + 1] if index + 1 < len(ctx.tokens) else None
    if after is not None and after.is_cap and after.is_word:
        return None
    return acronym_org(ctx, index)


def _delegation_org(ctx: Context, offset: int) -> str:
    """The organization of the last delegation named before offset: "a Fudan University
    (FDU) delegation", "a delegation from Fudan University"."""
    body = ctx.body
    best = None
    for org in ctx.org_at.values():
        if org.end > offset or org.key not in ctx.orgs or (best and org.start < best.start):
            continue
        if _DELEGATION_AFTER.match(body, org.end) or _DELEGATION_FROM.search(
            body, max(0, org.start - 30), org.start
        ):
            best = org
    return best.key if best else ""


def owner_before(ctx: Context, title_start: int) -> tuple[str | None, int, str]:
    """Who the title before a name belongs to, from the words before it: an organization
    ("RIKEN President", "Chung-Ang University's President", "CAE Members"), the first word
    of one named in the article ("Tsinghua Vice President"), or a country ("Chinese
    President", "South Korea's president"). Returns (org key, offset where it starts,
    country)."""
    tokens = ctx.tokens
    offset = tokens[title_start].start
    k = title_start - 1
    if k >= 0 and tokens[k].text in {"'s", "’s"}:
        k -= 1
    if k < 0 or "\n" in ctx.body[tokens[k].end : offset]:
        return None, offset, ""  # a word ending the line before owns nothing here
    before = tokens[k]
    for org in ctx.org_at.values():
        if org.end_token == k and org.key in ctx.orgs:
            return org.key, org.start, ""
    if before.is_acronym and before.text in ctx.acronyms:
        return ctx.acronyms[before.text], before.start, ""
    if before.is_acronym and before.text not in COUNTRY_NAMES:
        # an acronym the article never spells out: "CAE Member", as "President of STEPI"
        org = acronym_org(ctx, k)
        if org is not None:
            return org.key, before.start, ""
    title = tokens[title_start].lower
    # "Tsinghua Vice President", "Zhejiang President": the first word of an organization the
    # article names; a city or province word is one too, but not before a mayor or governor
    if (
        before.is_cap
        and before.is_word
        and not before.is_acronym
        and title not in {"mayor", "governor"}
        and (before.lower not in NOT_NAME or before.text in CITIES or before.text in PROVINCES)
    ):
        prefix = before.lower + " "
        for key, org in ctx.orgs.items():
            if org.name.lower().startswith(prefix):
                return key, before.start, ""
    # "Kyushu U President", "Seoul Nat Univ President": a short form of a named organization,
    # its words the first ones of the name, each a beginning of the name's word
    if k >= 1 and before.is_cap and tokens[k - 1].is_cap and tokens[k - 1].is_word:
        short = [tokens[k - 1].lower, before.lower]
        for key, org in ctx.orgs.items():
            words = org.name.lower().split()
            if (
                len(words) >= 2
                and words[0] == short[0]
                and words[1].startswith(short[1])
                and words[1] != short[1]
            ):
                return key, tokens[k - 1].start, ""
    country = country_of(before.text)
    if country:
        return None, before.start, country
    return None, offset, ""
