"""Agreements: an instrument (MOU, agreement, letter of intent, joint statement...) that a
sentence says was signed, its parties, signatories and date.

A sentence states an agreement when a signing word governs an instrument noun: before it
("A and B signed an MOU", "marked the signing of a memorandum", "a signing ceremony ... for
the MOU") or after it ("an MOU was signed by", "the agreement that the two sides concluded").
The parties and signatories are the organizations and people the earlier stages found, read
from where they stand around the signing words; "the two institutions" and "the university"
stand for organizations named before."""

import re
from dataclasses import dataclass, field
from datetime import date

from archive.importing.dates import find_dates, find_event_dates
from archive.importing.extract.context import Context
from archive.importing.extract.facts import AgreementFact

_INSTRUMENT = re.compile(
    r"\b(?:(?P<mou>MOUs?|MoUs?|memorand(?:um|a|ums)(?:\s+of\s+(?:understanding|agreement|"
    r"cooperation|association))?)"
    r"|(?P<statement>joint\s+(?:statement|declaration|communiqu[eé])s?)"
    r"|(?P<intent>letters?\s+of\s+intent)"
    r"|(?P<contract>contracts?)"
    r"|(?P<arrangement>arrangements?)"
    r"|(?P<agreement>agreements?))\b",
    re.I,
)
_KINDS = {
    "mou": "mou",
    "statement": "joint_statement",
    "intent": "other",
    "contract": "contract",
    "arrangement": "other",
    "agreement": "cooperation",
}
_LABELS = {
    "mou": "MOU",
    "statement": "Joint statement",
    "intent": "Letter of intent",
    "contract": "Contract",
    "arrangement": "Arrangement",
    "agreement": "Agreement",
}

# Signing words that come before the instrument they govern ("signed an MOU").
_CUE_BEFORE = re.compile(
    r"\b(?:signed|signs|inked|inks|concluded|concludes|entered\s+into|enters\s+into|renewed|"
    r"renews|exchanged|reached|sealed|initial(?:l)?ed|signing\s+(?:ceremony|of)|"
    r"put\s+(?:their|its|his|her)\s+(?:signatures?|names?|seals?)\s+to)\b",
    re.I,
)
# A statement is issued or adopted rather than signed.
_STATEMENT_CUE = re.compile(r"\b(?:issued|adopted|released|signed|signing\s+of)\b", re.I)
# Between a signing verb and its object: articles and modifiers, not another clause.
_OBJECT_GAP = re.compile(
    r"^(?:(?!\b(?:on|about|over|regarding|concerning|views|that|which)\b)[^.;:])*$", re.I
)
# ... or after it: "an MOU was signed", "the MOU signed by", "an agreement that both sides
# concluded".
_CUE_AFTER = re.compile(
    r"^\s*(?:\([^)]{1,60}\)\s*)?(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:first\s+)?)?"
    r"(?:signed|inked|concluded|renewed)\b"
    r"|^\s*(?:\([^)]{1,60}\)\s*)?(?:that|which)\b[^.;]{0,60}?\b(?:signed|inked|concluded|"
    r"renewed|entered\s+into)\b",
    re.I,
)
# Instruments listed together share the signing: "an MOU and a student exchange agreement".
_LIST_GAP = re.compile(
    r"^[\s,'\"‘’“”]*(?:and|or|as\s+well\s+as|together\s+with|plus|consisting\s+of|comprising|"
    r"including|namely|:)\b",
    re.I,
)
_UMBRELLA = re.compile(r"\b(?:consisting\s+of|comprising|including|namely)\b|:", re.I)
# A word before the instrument that belongs to its name: "General Collaborative Agreement".
_NAME_WORD = re.compile(r"(?:[A-Z][\w\-]*|of|for|on|and|&)$")
_NOT_NAME_WORDS = {"of", "for", "on", "and", "&", "the", "this", "that", "a", "an", "its", "their"}
_DETERMINER = re.compile(r"\b(?:the|this|that|these|those|said)\s+(?:new\s+|same\s+)?$", re.I)

# Clauses whose organizations and people are not parties: what the agreement founds, who
# only watched.
_NOT_PARTY = re.compile(
    r"\b(?:to\s+(?:establish|set\s+up|found|create|launch|open|build)|establishing|setting\s+up|"
    r"in\s+the\s+presence\s+of|witnessed\s+by|attended\s+by|with\s+the\s+support\s+of)\b"
    r"[^;]*?(?=,\s+and\b|;|$)",
    re.I,
)
# "the two institutions", "both sides": parties named in the sentences before.
_PARTY_ANAPHOR = re.compile(
    r"\b(?:the\s+(?P<number>two|three|four)|both)\s+(?P<noun>[a-z]+)\b", re.I
)
_SUBJECT_ANAPHOR = re.compile(
    r"\b(?:it|we|our\s+university|the\s+(?:university|institute|institution|academy|ministry|agency|"
    r"center|centre|company|foundation|council|society|association))\b",
    re.I,
)
_NUMBERS = {"two": 2, "three": 3, "four": 4}
_PERSON_ROLES = {"presidents", "leaders", "heads", "directors", "ministers", "chairmen", "deans"}
# The occasion of the sentence before: "held an event on June 24. ... the signing at the event".
_OCCASION = re.compile(
    r"\b(?:the|this|that)\s+(?P<noun>event|ceremony|occasion|meeting|visit|talks|forum|"
    r"conference|summit|symposium)\b",
    re.I,
)
_OCCASION_LOOKBACK = 6  # sentences
_YEAR_ONLY = re.compile(r"\b(?:in|since)\s+(?P<year>(?:19|20)\d\d)\b")
_SUBJECT_BREAK = re.compile(r",\s+(?:and|but|while|where|when)\s+|;\s*", re.I)
_BEHALF = re.compile(r"\bon\s+behalf\s+of\s+(?:the\s+)?", re.I)
_PASSIVE_BY = re.compile(r"\bsigned\s+by\b", re.I)


@dataclass
class _Instrument:
    start: int
    end: int
    group: str
    name: str
    cue: tuple[int, int]
    anaphoric: bool
    dropped: bool = False
    parties: list[str] = field(default_factory=list)


def find_agreements(ctx: Context) -> None:
    names: dict[str, AgreementFact] = {}
    for s_start, s_end in ctx.sentences:
        sentence = ctx.body[s_start:s_end]
        instruments = _instruments(ctx, s_start, sentence)
        for index, instrument in enumerate(instruments):
            if instrument.dropped:
                continue
            next_start = next((i.start for i in instruments[index + 1 :] if not i.dropped), s_end)
            earlier = names.get(instrument.name.lower()) if _is_named(instrument) else None
            if earlier is None and instrument.anaphoric and ctx.agreements:
                earlier = ctx.agreements[-1]
            signatories = _signatories(ctx, s_start, s_end, instrument)
            stated, precision = _date(ctx, s_start, s_end, instrument, instruments, next_start)
            if earlier is not None:
                _complete(earlier, signatories, stated, precision)
                continue
            parties = _parties(ctx, s_start, s_end, instrument)
            if not parties:
                continue
            signatories = [
                (person, org or _org_of(ctx, person, parties)) for person, org in signatories
            ]
            fact = _fact(ctx, instrument, parties, signatories, stated, precision, s_start, s_end)
            ctx.agreements.append(fact)
            if _is_named(instrument):
                names[instrument.name.lower()] = fact


def _instruments(ctx: Context, s_start: int, sentence: str) -> list[_Instrument]:
    """The instruments the sentence says were signed, in order."""
    found: list[_Instrument] = []
    previous: _Instrument | None = None
    for match in _INSTRUMENT.finditer(sentence):
        group = match.lastgroup or "agreement"
        start, end = match.span()
        if sentence[:start].rstrip().endswith("(") and previous and previous.end >= start - 2:
            continue  # "a memorandum of understanding (MOU)": the same one
        name_start = _name_start(sentence, start)
        cue = None
        if previous is not None and not previous.dropped:
            gap = sentence[previous.end - s_start : name_start]
            if _LIST_GAP.match(gap) and len(gap) < 40:
                cue = previous.cue
                if _UMBRELLA.search(gap):
                    previous.dropped = True
        if cue is None:
            cue = _cue(sentence, name_start, end, group)
            if cue is None:
                continue
            cue = (s_start + cue[0], s_start + cue[1])
        name = " ".join(sentence[name_start:end].split()).strip("'\"‘’“”")
        anaphoric = bool(_DETERMINER.search(sentence[:start])) and name_start == start
        # a later "between"/"with" names new parties: not a mention of the one before
        if re.match(r"\s+(?:between|with)\b", sentence[end:]):
            anaphoric = False
        previous = _Instrument(s_start + start, s_start + end, group, name, cue, anaphoric)
        previous.start = s_start + name_start
        found.append(previous)
    return found


def _name_start(sentence: str, start: int) -> int:
    """Where the instrument's name begins: "General Collaborative Agreement", "'Implementing
    Arrangement'"."""
    words = sentence[:start].rstrip(" '\"‘“").split(" ")
    taken = 0
    length = len(sentence[:start]) - len(sentence[:start].rstrip(" '\"‘“"))
    for word in reversed(words):
        bare = word.strip("'\"‘’“”")
        if not bare or not _NAME_WORD.match(bare) or bare.lower() in _NOT_NAME_WORDS:
            break
        taken += len(word) + 1
    if taken == 0:
        return start
    return max(0, start - length - taken + 1)


def _cue(sentence: str, name_start: int, end: int, group: str) -> tuple[int, int] | None:
    before = sentence[:name_start]
    pattern = _STATEMENT_CUE if group == "statement" else _CUE_BEFORE
    cues = list(pattern.finditer(before))
    if cues:
        cue = cues[-1]
        gap = before[cue.end() :]
        ceremony = "ceremony" in cue.group().lower()
        if (ceremony and len(gap) < 160) or (len(gap) < 70 and _OBJECT_GAP.match(gap)):
            return cue.span()
    after = _CUE_AFTER.match(sentence[end:])
    if after:
        return end + after.start(), end + after.end()
    return None


def _is_named(instrument: _Instrument) -> bool:
    return instrument.name[:1].isupper() and " " in instrument.name


# -- parties ---------------------------------------------------------------------------


def _parties(ctx: Context, s_start: int, s_end: int, instrument: _Instrument) -> list[str]:
    sentence = ctx.body[s_start:s_end]
    excluded = [(s_start + m.start(), s_start + m.end()) for m in _NOT_PARTY.finditer(sentence)]
    parties = _orgs_between(ctx, s_start, s_end, excluded)
    # "the university inked an MOU with B": the subject is the organization the article is about
    subject_start = _subject_start(ctx, s_start, instrument)
    subject = ctx.body[subject_start : instrument.cue[0]]
    if _SUBJECT_ANAPHOR.search(subject) and not _orgs_between(
        ctx, subject_start, instrument.cue[0]
    ):
        about = _article_subject(ctx, parties)
        if about:
            parties.insert(0, about)
    anaphor = _PARTY_ANAPHOR.search(sentence)
    if anaphor or (re.search(r"\bthey\b", subject, re.I) and len(parties) < 2):
        number = anaphor.group("number") if anaphor else None
        wanted = _NUMBERS[number.lower()] if number else 2
        for key in _orgs_before(ctx, s_start):
            if len(parties) >= wanted:
                break
            if key not in parties:
                parties.append(key)
    return parties


def _orgs_between(
    ctx: Context, start: int, end: int, excluded: list[tuple[int, int]] = ()
) -> list[str]:
    spans = [
        org
        for org in ctx.org_at.values()
        if start <= org.start < end
        and org.key in ctx.orgs
        and not any(a <= org.start < b for a, b in excluded)
    ]
    keys: list[str] = []
    for org in sorted(spans, key=lambda o: (o.start, -o.end)):
        # a name inside another ("the Ministry ..." in "Department ... of the Ministry ...")
        if any(o is not org and o.start <= org.start and org.end <= o.end for o in spans):
            continue
        if org.key not in keys:
            keys.append(org.key)
    return keys


def _orgs_before(ctx: Context, offset: int) -> list[str]:
    """Organizations of the sentences before, nearest first, then of the title."""
    found: list[str] = []
    for start, end in reversed(ctx.sentences):
        if start >= offset:
            continue
        for key in reversed(_orgs_between(ctx, start, end)):
            if key not in found:
                found.append(key)
    for key in _title_orgs(ctx):
        if key not in found:
            found.append(key)
    return found


def _title_orgs(ctx: Context) -> list[str]:
    title = ctx.title.lower()
    hits = []
    for key, fact in ctx.orgs.items():
        for name in (fact.name, fact.acronym):
            if name and len(name) > 1:
                at = title.find(name.lower())
                if at != -1:
                    hits.append((at, key))
                    break
    return [key for _, key in sorted(hits)]


def _article_subject(ctx: Context, parties: list[str]) -> str:
    """The organization the article is about, other than the parties named: the first its
    title names, else the one the body names most often."""
    title = [key for key in _title_orgs(ctx) if key not in parties]
    if title:
        return title[0]
    others = [fact for key, fact in ctx.orgs.items() if key not in parties]
    return max(others, key=lambda fact: len(fact.spans)).key if others else ""


def _subject_start(ctx: Context, s_start: int, instrument: _Instrument) -> int:
    """Where the clause of the signing verb begins: after "..., and" or ";"."""
    cue_start = min(instrument.cue[0], instrument.start)
    breaks = list(_SUBJECT_BREAK.finditer(ctx.body, s_start, cue_start))
    return breaks[-1].end() if breaks else s_start


# -- signatories -----------------------------------------------------------------------


def _signatories(
    ctx: Context, s_start: int, s_end: int, instrument: _Instrument
) -> list[tuple[str, str]]:
    sentence = ctx.body[s_start:s_end]
    excluded = [(s_start + m.start(), s_start + m.end()) for m in _NOT_PARTY.finditer(sentence)]
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
    for brk in _SUBJECT_BREAK.finditer(ctx.body, s_start, cue_start):
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


def _org_of(ctx: Context, person: str, parties: list[str]) -> str:
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


# -- dates -----------------------------------------------------------------------------


def _date(
    ctx: Context,
    s_start: int,
    s_end: int,
    instrument: _Instrument,
    instruments: list[_Instrument],
    next_start: int,
) -> tuple[date | None, str]:
    """The date after the instrument (before the next one), else before the sentence's first
    instrument, else of the sentence before that names the occasion this one speaks of ("held
    an event on June 24 ... The centerpiece of the event was the signing")."""
    first = instruments[0].start
    windows = [(instrument.end, next_start), (s_start, first)]
    occasion = _OCCASION.search(ctx.body, s_start, s_end)
    if occasion:
        noun = re.compile(rf"\b{occasion.group('noun')}\b", re.I)
        previous = [s for s in ctx.sentences if s[1] <= s_start][-_OCCASION_LOOKBACK:]
        windows += [s for s in reversed(previous) if noun.search(ctx.body, *s)]
    for start, end in windows:
        found = _first_date(ctx, ctx.body[start:end])
        if found:
            return found
    return None, "unknown"


def _first_date(ctx: Context, text: str) -> tuple[date | None, str] | None:
    candidates: list[tuple[int, date | None, str]] = []
    full = find_dates(text)
    if full:
        candidates.append((full[0].start, full[0].value, full[0].precision))
    day = find_event_dates(text, ctx.year)
    if day and day.start:
        candidates.append((day.span[0], day.start, day.precision))
    elif day:
        candidates.append((day.span[0], None, "unknown"))
    year = _YEAR_ONLY.search(text)
    if year:
        candidates.append((year.start(), date(int(year["year"]), 1, 1), "year"))
    if not candidates:
        return None
    _, value, precision = min(candidates, key=lambda c: (c[0], c[2] != "day"))
    return value, precision


# -- the fact --------------------------------------------------------------------------


def _fact(
    ctx: Context,
    instrument: _Instrument,
    parties: list[str],
    signatories: list[tuple[str, str]],
    stated: date | None,
    precision: str,
    s_start: int,
    s_end: int,
) -> AgreementFact:
    names = [ctx.orgs[key].name for key in parties]
    label = instrument.name if _is_named(instrument) else _LABELS[instrument.group]
    title = (
        f"{label} between {' and '.join(names)}" if len(names) > 1 else f"{label} with {names[0]}"
    )
    return AgreementFact(
        _KINDS[instrument.group],
        title[:500],
        stated if precision == "day" else None,
        parties,
        signatories,
        summary_after(ctx, s_end),
        ctx.span(s_start, s_end),
        0.8 if len(parties) > 1 else 0.6,
        date_precision=precision,
        stated_on=stated,
    )


def _complete(
    fact: AgreementFact, signatories: list[tuple[str, str]], stated: date | None, precision: str
) -> None:
    """A later sentence about the same instrument: who signed it, and when, if not yet known."""
    for person, org in signatories:
        if person not in {p for p, _ in fact.signatories}:
            fact.signatories.append((person, org))
    if fact.stated_on is None and stated is not None:
        fact.stated_on, fact.date_precision = stated, precision
        fact.signed_on = stated if precision == "day" else None


def summary_after(ctx: Context, offset: int) -> str:
    """What an agreement covers: the sentences after the signing that speak of it."""
    parts = []
    for start, end in ctx.sentences:
        if start < offset:
            continue
        text = ctx.body[start:end].strip()
        if "\n\n" in ctx.body[offset:start] or len(parts) >= 3:
            break
        if re.search(r"\b(MOU|agreement|the two parties|will)\b", text, re.I):
            parts.append(text)
        else:
            break
    return " ".join(parts)
