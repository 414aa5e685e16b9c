"""The parties of a signing: the organizations of its sentence (what it founds and who
only watched left out), the organization the article is about for "the university", "it",
and for "the two institutions", "both sides" those named in the sentences before."""

import re

from archive.importing.extract.agreements.instruments import Instrument
from archive.importing.extract.context import Context

# Clauses whose organizations and people are not parties: what the agreement founds, who
# only watched.
NOT_PARTY = re.compile(
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
SUBJECT_BREAK = re.compile(r",\s+(?:and|but|while|where|when)\s+|;\s*", re.I)


def parties_of(ctx: Context, s_start: int, s_end: int, instrument: Instrument) -> list[str]:
    sentence = ctx.body[s_start:s_end]
    excluded = [(s_start + m.start(), s_start + m.end()) for m in NOT_PARTY.finditer(sentence)]
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


def _subject_start(ctx: Context, s_start: int, instrument: Instrument) -> int:
    """Where the clause of the signing verb begins: after "..., and" or ";"."""
    cue_start = min(instrument.cue[0], instrument.start)
    breaks = list(SUBJECT_BREAK.finditer(ctx.body, s_start, cue_start))
    return breaks[-1].end() if breaks else s_start
