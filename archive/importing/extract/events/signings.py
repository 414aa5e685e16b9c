"""Signing ceremonies: one signing per sentence of agreements, named for the ceremony
when the page speaks of one; an event held to mark an opening whose centrepiece is a
signing; else a signing the body states without an agreement the earlier stage found."""

import re

from archive.importing.extract.context import Context
from archive.importing.extract.events.article import Article
from archive.importing.extract.facts import EventFact
from archive.importing.scan import finditer_at, positions

_CEREMONY = re.compile(r"\b(?:signing\s+)?ceremony\b", re.I)
_SIGNING_WORDS = re.compile(r"\b(?:sign\w*|memorand\w*|mou|agreements?|accords?)\b", re.I)
_SIGNED = re.compile(
    r"\b(?:signed|put\s+their\s+names\s+to|concluded|renewed|inked)\s+(?P<what>(?:a|an|the|"
    r"their)\s+[^.;]*?\b(?:memorandum\s+of\s+understanding|memorandum|mou|agreements?|"
    r"arrangements?|letter\s+of\s+intent|protocol))\b",
    re.I,
)
# the words _OPENING begins with
_OPENING_WORDS = ("held", "hosted", "organi")
_OPENING = re.compile(
    r"\b(?:held|hosted|organi[sz]ed)\s+(?:an?|the)\s+(?:event|ceremony|reception)\b[^.]*?\bto\s+"
    r"(?:mark|celebrate)\s+the\s+(?P<what>opening|launch|inauguration)\s+of\s+(?:its\s+|the\s+)?"
    r"(?P<name>(?:[A-Z][\w'’-]*\s*)+)",
)


def signings(ctx: Context, article: Article, named: dict[str, EventFact], add) -> None:
    """One signing per sentence of agreements, named for the ceremony when the page speaks
    of one ("at a ceremony held at ... on November 17"); an event held to mark an opening
    whose centrepiece is a signing is that signing."""
    body = ctx.body
    ceremonies = [
        m
        for m in finditer_at(_CEREMONY, body, positions(article.folded, ("signing", "ceremony")))
        if m.group().lower().startswith("signing")
        or _SIGNING_WORDS.search(body, *ctx.sentence_of(m.start()))
    ]
    opening = None
    # _OPENING needs "to mark" or "to celebrate", and begins with one of _OPENING_WORDS
    if ("mark" in body or "celebrate" in body) and (
        match := next(finditer_at(_OPENING, body, positions(body, _OPENING_WORDS)), None)
    ):
        name = f"{match['what'].capitalize()} of the {match['name'].strip()}"
        opening = add(name, "other", match.start(), match.end())
    if opening is not None:
        for start, end in ctx.sentences:
            text = body[start:end]
            if re.search(r"\bthe (?:event|ceremony)\b", text) and re.search(r"\bsign", text):
                opening.kind = "signing"
                opening.spans.append(ctx.span(start, end))
    seen_sentences: set[tuple[int, int]] = set()
    for agreement in ctx.agreements:
        sentence = ctx.sentence_of(agreement.span.start)
        if opening is not None and re.search(
            r"\bthe (?:event|ceremony)\b", body[sentence[0] : sentence[1]]
        ):
            opening.kind = "signing"
            opening.spans.append(agreement.span)
            continue
        if sentence in seen_sentences:
            continue
        seen_sentences.add(sentence)
        prefix = "Signing ceremony" if ceremonies else "Signing"
        fact = add(f"{prefix} of the {agreement.title}", "signing")
        fact.spans.append(agreement.span)
        for m in ceremonies:
            fact.spans.append(ctx.span(m.start(), m.end()))
    if ctx.agreements or opening is not None:
        return
    signed_words = ("signed", "put", "concluded", "renewed", "inked")
    signed = next(finditer_at(_SIGNED, body, positions(article.folded, signed_words)), None)
    if ceremonies:
        what = f" of the {signed['what'].split(' ', 1)[1]}" if signed else ""
        fact = add(f"Signing ceremony{what}", "signing")
        for m in ceremonies:
            fact.spans.append(ctx.span(m.start(), m.end()))
        if signed:
            fact.spans.append(ctx.span(signed.start(), signed.end()))
    elif signed:
        fact = add(f"Signing of {signed['what']}", "signing", signed.start(), signed.end())
