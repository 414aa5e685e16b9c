"""The agreements stage: for each sentence, the instruments it says were signed, with
their parties, signatories and date, as facts; a later mention of the same instrument
completes the fact made before."""

import re
from datetime import date

from archive.importing.extract.agreements.instruments import (
    KINDS,
    LABELS,
    Instrument,
    instruments_in,
    is_named,
)
from archive.importing.extract.agreements.parties import parties_of
from archive.importing.extract.agreements.signatories import org_of, signatories_of
from archive.importing.extract.agreements.signing_dates import date_of
from archive.importing.extract.context import Context
from archive.importing.extract.facts import AgreementFact


def find_agreements(ctx: Context) -> None:
    names: dict[str, AgreementFact] = {}
    for s_start, s_end in ctx.sentences:
        sentence = ctx.body[s_start:s_end]
        instruments = instruments_in(ctx, s_start, sentence)
        for index, instrument in enumerate(instruments):
            if instrument.dropped:
                continue
            next_start = next((i.start for i in instruments[index + 1 :] if not i.dropped), s_end)
            earlier = names.get(instrument.name.lower()) if is_named(instrument) else None
            if earlier is None and instrument.anaphoric and ctx.agreements:
                earlier = ctx.agreements[-1]
            signatories = signatories_of(ctx, s_start, s_end, instrument)
            stated, precision = date_of(ctx, s_start, s_end, instrument, instruments, next_start)
            if earlier is not None:
                _complete(earlier, signatories, stated, precision)
                continue
            parties = parties_of(ctx, s_start, s_end, instrument)
            if not parties:
                continue
            signatories = [
                (person, org or org_of(ctx, person, parties)) for person, org in signatories
            ]
            fact = _fact(ctx, instrument, parties, signatories, stated, precision, s_start, s_end)
            ctx.agreements.append(fact)
            if is_named(instrument):
                names[instrument.name.lower()] = fact


def _fact(
    ctx: Context,
    instrument: Instrument,
    parties: list[str],
    signatories: list[tuple[str, str]],
    stated: date | None,
    precision: str,
    s_start: int,
    s_end: int,
) -> AgreementFact:
    names = [ctx.orgs[key].name for key in parties]
    label = instrument.name if is_named(instrument) else LABELS[instrument.group]
    title = (
        f"{label} between {' and '.join(names)}" if len(names) > 1 else f"{label} with {names[0]}"
    )
    return AgreementFact(
        KINDS[instrument.group],
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
