"""Agreements written in Chinese or Korean: a signing verb (签署, 签订, 签约; 체결, 서명, 맺다)
that governs an instrument (合作协议, 谅解备忘录, 联合声明; 업무협약, 양해각서, MOU), with its
parties, signatories and date.

Chinese puts the verb before the instrument (A与B签署了合作协议) or the instrument before its
ceremony (合作协议签约仪式); Korean puts the verb after it (A와 B는 MOU를 체결했다). In both the
parties and signatories stand before the verb, in the signing clause; "双方" and "양 기관" stand
for the two organizations named before. Plans to sign (将签署, 체결할 예정) are no agreement;
an agreement only cited (根据…协议, 체결한 MOU에 따라) is one only when its parties are named.

Modules: `signings` (which sentences sign what), `parties` (who signs), `signing_dates`
(when); this one makes the facts, from the body or else from the headline."""

import re
from datetime import date

from archive.importing.extract.context import Context
from archive.importing.extract.facts import AgreementFact
from archive.importing.extract.native.parties import (
    WITNESS,
    Article,
    article_subject,
    needs_subject,
    parties_of,
    previous_subject,
    signatories_of,
    title_orgs,
)
from archive.importing.extract.native.signing_dates import date_of
from archive.importing.extract.native.signings import (
    INSTRUMENT,
    KO_AFTER,
    KO_PLAN,
    ZH_PLAN,
    kind_of,
    signings_in,
)
from archive.importing.extract.native.words import HANGUL, HAS_HANGUL, HAS_NATIVE

_LABELS = {
    "mou": "MOU",
    "cooperation": "Agreement",
    "joint_statement": "Joint statement",
    "other": "Letter of intent",
    "contract": "Contract",
}

# -- sentences --------------------------------------------------------------------------------

_SENTENCE_END = re.compile(f"[。！？!?]+|(?<=[{HANGUL})）\"”'’])\\.(?=\\s|$)|\\n+")


def _native_sentences(body: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(body):
        if body[start : match.start()].strip():
            spans.append((start, match.end()))
        start = match.end()
    if body[start:].strip():
        spans.append((start, len(body)))
    return spans


def find_native_agreements(ctx: Context) -> None:
    body = ctx.body
    if not HAS_NATIVE.search(body):
        return
    sentences = _native_sentences(body)
    article: Article | None = None
    for index, (s_start, s_end) in enumerate(sentences):
        signings = signings_in(body, s_start, s_end)
        if not signings:
            continue
        if article is None:
            article = Article(ctx)
        for signing in signings:
            _add(ctx, article, sentences, index, signing)
    if not ctx.agreements and HAS_NATIVE.search(ctx.title):
        _from_title(ctx, sentences)


# -- the fact ---------------------------------------------------------------------------------


def _add(
    ctx: Context, article: Article, sentences: list[tuple[int, int]], index: int, signing
) -> None:
    body = ctx.body
    s_start, s_end = sentences[index]
    excluded = [m.span() for m in WITNESS.finditer(body, s_start, signing.verb_start)]
    parties = parties_of(ctx, article, s_start, s_end, signing, excluded)
    if (
        len(parties) == 1
        and not signing.cited
        and needs_subject(ctx.body, article, s_start, signing)
    ):
        subject = previous_subject(ctx, article, sentences, index, parties)
        subject = subject or article_subject(ctx, article, parties)
        if subject:
            parties.insert(0, subject)
    if len(parties) < 2:
        return
    signatories = signatories_of(ctx, article, s_start, signing, excluded, parties)
    stated, precision = date_of(ctx, sentences, index, signing)
    for fact in ctx.agreements:
        if fact.kind == signing.kind and set(fact.party_keys) == set(parties):
            _complete(fact, signatories, stated, precision)
            return
    ctx.agreements.append(
        AgreementFact(
            signing.kind,
            _title(ctx, parties, signing.label or _LABELS[signing.kind], signing.korean),
            stated if precision == "day" else None,
            parties,
            signatories,
            _summary(body, sentences, index),
            ctx.span(s_start, s_end),
            0.75,
            date_precision=precision,
            stated_on=stated,
        )
    )


def _title(ctx: Context, parties: list[str], label: str, korean: bool) -> str:
    """As a headline of the language names it: 清华大学与首尔大学合作协议, 한국해양연구원·부산대학교
    업무협약."""
    names = [ctx.orgs[key].name for key in parties]
    if any(name in label for name in names):  # 《A与B合作协议》 names them itself
        return label[:500]
    if korean:
        return f"{'·'.join(names)} {label}"[:500]
    joined = "、".join(names[:-1]) + "与" + names[-1] if len(names) > 1 else names[0]
    return f"{joined}{label}"[:500]


def _complete(fact: AgreementFact, signatories, stated: date | None, precision: str) -> None:
    for person, org in signatories:
        if person not in {p for p, _ in fact.signatories}:
            fact.signatories.append((person, org))
    if fact.stated_on is None and stated is not None:
        fact.stated_on, fact.date_precision = stated, precision
        fact.signed_on = stated if precision == "day" else None


def _summary(body: str, sentences: list[tuple[int, int]], index: int) -> str:
    """The sentences after the signing that speak of the agreement or of the two sides."""
    parts = []
    for start, end in sentences[index + 1 : index + 4]:
        text = body[start:end].strip()
        if not re.search(r"协议|备忘录|双方|根据|MOU|협약|양해각서|양\s?기관|양측|이번", text):
            break
        parts.append(text)
    return " ".join(parts)


# -- the title --------------------------------------------------------------------------------


def _from_title(ctx: Context, sentences: list[tuple[int, int]]) -> None:
    """A headline that announces an agreement ("A-B, 연구협력 MOU", "A与B签署合作协议") when the
    body speaks of the instrument but names no signing of its own."""
    title = ctx.title
    match = INSTRUMENT.search(title)
    if match is None or ZH_PLAN.search(title, 0, match.start()):
        return
    verb = KO_AFTER.match(title, match.end())
    if verb is not None and KO_PLAN.match(title, verb.end()):
        return
    parties = title_orgs(ctx)
    if len(parties) < 2:
        return
    kind = "cooperation" if match.group("bare") else kind_of(match.group()) or "other"
    label = match.group()
    for start, end in sentences:
        if INSTRUMENT.search(ctx.body, start, end):
            ctx.agreements.append(
                AgreementFact(
                    kind,
                    _title(ctx, parties, label, bool(HAS_HANGUL.search(title))),
                    None,
                    parties,
                    [],
                    "",
                    ctx.span(start, end),
                    0.5,
                )
            )
            return
