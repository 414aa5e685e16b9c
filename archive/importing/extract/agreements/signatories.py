"""The signatories of a signing: the people of its clause before the signing verb, after
"signed by" or "with", each with whom they signed for ("X of A", "on behalf of A"); "the two
presidents" for the two of the paragraph before."""

import re

from archive.importing.extract.agreements.instruments import Instrument
from archive.importing.extract.agreements.parties import NOT_PARTY, SUBJECT_BREAK
from archive.importing.extract.context import Context

_PERSON_ROLES = {"presidents", "leaders", "heads", "directors", "ministers", "chairmen", "deans"}
_BEHALF = re.compile(r"\bon\s+behalf\s+of\s+(?:the\s+)?", re.I)
_PASSIVE_BY = re.compile(r"\bsigned\s+by\b", re.I)


def signatories_of(
    ctx: Context, s_start: int, s_end: int, instrument: Instrument
) -> list[tuple[str, str]]:
    sentence = ctx.body[s_start:s_end]
    excluded = [(s_start + m.start(), s_start + m.end()) for m in NOT_PARTY.finditer(sentence)]
    cue_start = min(instrument.cue[0], instrument.start)
    zones = [(_signer_subject_start(ctx, s_start, cue_start), cue_start)]
    after = ctx.body[instrument.end : s_end]
    by = _PASSIVE_BY.search(ctx.body, instrument.start, s_end)
    if by:
        zones.append((by.end(), s_end))
    with_ = re.search(r"\bwith\b", after)
    if with_:
        zones.append((instrument.end + with_.end(), s_end))
    found: list[tuple[str, str]] = []
    for zone_start, zone_end in zones:
        people = ctx.persons_in(zone_start, zone_end)
        for number, (key, end) in enumerate(people):
            offset = _person_offset(ctx, key, zone_start, zone_end)
            if any(a <= offset < b for a, b in excluded) or key in {k for k, _ in found}:
                continue
            following = people[number + 1 :]
            upto = _person_offset(ctx, following[0][0], end, s_end) if following else s_end
            found.append((key, _behalf(ctx, end, upto)))
    if not found:
        role = re.search(r"\bthe\s+two\s+(?P<role>[a-z]+)\b", sentence[: cue_start - s_start])
        if role and role.group("role") in _PERSON_ROLES:
            found = [(key, "") for key in _people_before(ctx, s_start, role.group("role"))]
    return found


def _signer_subject_start(ctx: Context, s_start: int, cue_start: int) -> int:
    """The clause before the signing verb; "X, president of A, and Y, president of B, signed"
    stays whole, "X came, and during the visit A and B signed" does not reach X."""
    start = s_start
    for brk in SUBJECT_BREAK.finditer(ctx.body, s_start, cue_start):
        following = ctx.persons_in(brk.end(), cue_start)
        first = ctx.token_index_at.get(_skip_space(ctx.body, brk.end()))
        starts_with_person = first is not None and any(
            ctx.token_index_at.get(o) is not None and _near(ctx, first, o)
            for o in (_person_offset(ctx, k, brk.end(), cue_start) for k, _ in following)
        )
        if not starts_with_person:
            start = brk.end()
    return start


def _skip_space(text: str, offset: int) -> int:
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return offset


def _near(ctx: Context, first: int, offset: int) -> bool:
    """The person stands at the clause's start, after at most title words."""
    index = ctx.token_index_at[offset]
    return all(t.is_cap for t in ctx.tokens[first:index]) and index - first <= 4


def _person_offset(ctx: Context, key: str, start: int, end: int) -> int:
    for index, (_, person) in sorted(ctx.person_at.items()):
        offset = ctx.tokens[index].start
        if person == key and start <= offset < end:
            return offset
    return start


def _behalf(ctx: Context, offset: int, end: int) -> str:
    """ "X of A", "X ... on behalf of A" before the next person: whom a signatory signed for."""
    text = ctx.body[offset:end]
    behalf = re.match(r"[\s,]*(?:of|from)\s+(?:the\s+)?", text) or _BEHALF.search(text)
    if not behalf:
        return ""
    index = ctx.token_index_at.get(offset + behalf.end())
    org = ctx.org_at.get(index) if index is not None else None
    return org.key if org and org.key in ctx.orgs else ""


def org_of(ctx: Context, person: str, parties: list[str]) -> str:
    for position in ctx.positions:
        if position.person_key == person and position.org_key in parties:
            return position.org_key
    return ""


def _people_before(ctx: Context, s_start: int, role: str) -> list[str]:
    """ "the two presidents": the two people of the paragraph before with that title."""
    singular = role[:-1] if role.endswith("s") else role
    titled = {
        p.person_key
        for p in ctx.positions
        if p.title.lower().split()[-1:] == [singular]
        and not p.title.lower().startswith(("vice", "deputy", "executive"))
    }
    paragraph = ctx.body.rfind("\n\n", 0, s_start)
    start = paragraph + 2 if paragraph != -1 else 0
    text = ctx.body[start:s_start]
    hits = []
    for key in titled:
        name = ctx.persons[key].name
        at = max(text.rfind(name), max((text.rfind(w) for w in name.split()), default=-1))
        if at != -1:
            hits.append((at, key))
    return [key for _, key in sorted(hits, reverse=True)[:2]][::-1]
