"""Acronyms: stated right after a name ("(CAE)", ", KETI,") or before it ("AU (Engineers
Australia)"), used again later ("the CAE", "CAST's"), known from earlier articles, or never
spelled out but standing where an organization does ("signed with POSTECH", "President of
STEPI")."""

import re

from archive.importing.extract.context import Context, OrgSpan
from archive.importing.extract.facts import OrgFact
from archive.importing.extract.organizations.keyword_spans import PROGRAM_WORDS, VENUE_WORDS
from archive.importing.extract.tokens import Token, is_name_word
from archive.importing.extract.vocabulary import (
    COUNTRY_NAMES,
    NON_ORG_ACRONYMS,
    STOP_WORDS,
    TITLES_BEFORE_NAME,
)
from archive.text import normalize_name


def initials_match(acronym: str, name: str) -> bool:
    """Whether an acronym can stand for a name: its letters appear in the name in order,
    starting with the name's first letter ("SDAST" for "Shandong Association for Science
    and Technology")."""
    letters = [c.lower() for c in acronym if c.isalpha()]
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in {"of", "the"}]
    if not letters or not words or letters[0] != words[0][0].lower():
        return False
    haystack = "".join(w.lower() for w in words)
    position = 0
    for letter in letters:
        position = haystack.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True


def acronym_after(text: str, tokens: list[Token], index: int, name: str) -> tuple[str, int] | None:
    """An acronym stated right after a name: "(CAE)", "(Georgia Tech)", ", KETI,"."""
    n = len(tokens)
    if index + 1 < n and tokens[index + 1].text == "(":
        close = next((j for j in range(index + 2, min(index + 7, n)) if tokens[j].text == ")"), 0)
        if close:
            inner = text[tokens[index + 2].start : tokens[close - 1].end]
            words = inner.split()
            first_is_acronym = sum(c.isupper() for c in words[0]) >= 2
            if 1 <= len(words) <= 3 and (
                first_is_acronym
                or (len(words) <= 2 and inner[:1].isupper() and initials_match(inner, name))
            ):
                return inner, close
    if (
        index + 3 < n
        and tokens[index + 1].text == ","
        and tokens[index + 2].is_acronym
        and tokens[index + 3].text in {",", "."}
    ):
        return tokens[index + 2].text, index + 2
    return None


def acronym_first_spans(ctx: Context) -> list[OrgSpan]:
    """ "AU (Engineers Australia)": an acronym, then its name spelled out in brackets."""
    tokens = ctx.tokens
    n = len(tokens)
    spans = []
    for i, token in enumerate(tokens[:-3]):
        if not (
            token.is_acronym
            and token.text not in NON_ORG_ACRONYMS
            and token.text not in COUNTRY_NAMES
            and tokens[i + 1].text == "("
        ):
            continue
        close = next((j for j in range(i + 2, min(i + 10, n)) if tokens[j].text == ")"), 0)
        words = tokens[i + 2 : close]
        if (
            len(words) >= 2
            and is_name_word(words[0])
            and is_name_word(words[-1])
            and all(is_name_word(t) or t.lower in {"of", "for", "and", "the", "&"} for t in words)
            and not any(t.lower in PROGRAM_WORDS | VENUE_WORDS for t in words)
        ):
            first, last = words[0], words[-1]
            name = ctx.body[first.start : last.end]
            spans.append(
                OrgSpan(i + 2, close - 1, name, first.start, last.end, last.lower, "=" + token.text)
            )
    return spans


def find_acronym_references(ctx: Context) -> None:
    """Later uses of an acronym ("the CAE", "NAEK members", "CAST's") point at the
    organization; so do acronyms the archive already knows from earlier articles."""
    covered = set()
    for org in ctx.org_at.values():
        covered.update(range(org.start_token, org.end_token + 1))
    for i, token in enumerate(ctx.tokens):
        if i in covered or not token.is_acronym:
            continue
        key = ctx.acronyms.get(token.text)
        if key is None and token.text in ctx.known_acronyms:
            key = normalize_name(ctx.known_acronyms[token.text])
            if key not in ctx.orgs:
                ctx.orgs[key] = OrgFact(
                    key=key,
                    name=ctx.known_acronyms[token.text],
                    acronym=token.text,
                    confidence=0.7,
                )
            ctx.acronyms[token.text] = key
        if key is None:
            continue
        ctx.orgs[key].spans.append(ctx.span(token.start, token.end))
        ctx.org_at[i] = OrgSpan(i, i, token.text, token.start, token.end, "", key)


# Words after which an unknown acronym is a place or a party: "held at MOST", "signed with
# POSTECH", "between KAIST and ...".
_PARTY_BEFORE = {"at", "with", "between", "from", "visited", "joined", "by"}


def find_acronyms_by_context(ctx: Context) -> None:
    """An acronym the article never spells out is an organization where the sentence
    treats it as one: after "at", "with", "between" ..., listed or joined by "and" with
    another organization, or before a title and a name ("KAIST President Lee")."""
    tokens = ctx.tokens
    n = len(tokens)
    ends = {org.end_token for org in ctx.org_at.values()}
    for i, token in enumerate(tokens):
        if (
            not token.is_acronym
            or i in ctx.org_at
            or token.text in ctx.acronyms
            or token.text in NON_ORG_ACRONYMS
            or token.text in COUNTRY_NAMES
            or len(token.text) < 3
            or not token.text.isalpha()
        ):
            continue
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1] if i + 1 < n else None
        if nxt is not None and (is_name_word(nxt) and nxt.lower not in TITLES_BEFORE_NAME):
            continue  # a word of a longer name: "the POSTECH Biotech Center"
        party = prev is not None and prev.lower in _PARTY_BEFORE
        after = i + 3 if i + 2 < n and tokens[i + 2].text == "the" else i + 2
        listed = (prev is not None and prev.text in {",", "and"} and i - 2 in ends) or (
            nxt is not None and nxt.text in {",", "and"} and after in ctx.org_at
        )
        titled = (
            nxt is not None
            and nxt.lower in TITLES_BEFORE_NAME
            and i + 2 < n
            and tokens[i + 2].is_cap
            and tokens[i + 2].lower not in STOP_WORDS
        )
        if not (party or listed or titled):
            continue
        ends.add(i)
        # "CASSID" in an article that spells out CASISD: the same letters, mistyped
        letters = sorted(token.text)
        twin = next(
            (
                key
                for known, key in ctx.acronyms.items()
                if len(known) >= 4 and sorted(known) == letters
            ),
            None,
        )
        if twin is None:
            acronym_org(ctx, i)
        else:
            ctx.orgs[twin].spans.append(ctx.span(token.start, token.end))
            ctx.org_at[i] = OrgSpan(i, i, token.text, token.start, token.end, "", twin)


def acronym_org(ctx: Context, index: int) -> OrgSpan | None:
    """An unknown acronym as an organization, where a title names it: "President of
    STEPI". It is recorded with low confidence for an editor to confirm."""
    token = ctx.tokens[index]
    if not token.is_acronym or token.text in COUNTRY_NAMES or len(token.text) < 3:
        return None
    occurrences = [t for t in ctx.tokens if t.text == token.text]
    key = ctx.add_org(
        token.text, ctx.span(token.start, token.end), acronym=token.text, confidence=0.5
    )
    ctx.orgs[key].spans = [ctx.span(t.start, t.end) for t in occurrences]
    ctx.acronyms[token.text] = key
    org = OrgSpan(index, index, token.text, token.start, token.end, "", key)
    for t_index, t in enumerate(ctx.tokens):
        if t.text == token.text:
            ctx.org_at.setdefault(
                t_index, OrgSpan(t_index, t_index, t.text, t.start, t.end, "", key)
            )
    return org
