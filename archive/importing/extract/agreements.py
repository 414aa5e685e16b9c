"""Agreements: a signing sentence ("A and B signed an MOU on ..."), its parties, signatories
and date."""

import re

from archive.importing.dates import find_event_dates
from archive.importing.extract.context import Context
from archive.importing.extract.facts import AgreementFact

_SIGNED = re.compile(
    r"\b(?:signed|inked|concluded|entered into)\b[^.]{0,80}?\b(?P<what>MOU|MoU|"
    r"memorandum of understanding|memorandum|agreement|contract|letter of intent)\b",
    re.I,
)


def find_agreements(ctx: Context) -> None:
    for match in _SIGNED.finditer(ctx.body):
        s_start, s_end = ctx.sentence_of(match.start())
        orgs = ctx.orgs_in(s_start, s_end)
        parties: list[str] = []
        for _, key in orgs:
            root = key
            if root not in parties:
                parties.append(root)
        if not parties:
            continue
        what = match.group("what").lower()
        kind = (
            "mou"
            if what in {"mou", "memorandum of understanding", "memorandum"}
            else ("contract" if what == "contract" else "cooperation")
        )
        date_range = find_event_dates(ctx.body[s_start:s_end], ctx.year)
        signed_on = date_range.start if date_range else None
        signatories = []
        for p_key, offset in ctx.persons_in(s_start, match.start()):
            behalf = re.search(r"on behalf of (?:the )?", ctx.body[offset:s_end])
            org_key = ""
            if behalf:
                after = offset + behalf.end()
                org_key = next((key for start, key in orgs if start == after), "")
            signatories.append((p_key, org_key))
        names = [ctx.orgs[key].name for key in parties]
        label = {"mou": "MOU", "contract": "Contract", "cooperation": "Agreement"}[kind]
        title = (
            f"{label} between {' and '.join(names)}"
            if len(names) > 1
            else f"{label} with {names[0]}"
        )
        summary = summary_after(ctx, s_end)
        ctx.agreements.append(
            AgreementFact(
                kind,
                title[:500],
                signed_on,
                parties,
                signatories,
                summary,
                ctx.span(s_start, s_end),
                0.8 if len(parties) > 1 else 0.6,
            )
        )


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
