"""The people stage: the rules in the order they run, then two passes over all they found: a
title held with its organization makes the same title without one redundant, and each name
is found again wherever the body repeats it."""

from archive.importing.extract.context import Context
from archive.importing.extract.people.member_lists import find_member_lists
from archive.importing.extract.people.names import name_classes
from archive.importing.extract.people.names_alone import find_names_standing_alone
from archive.importing.extract.people.titles_after_name import find_names_before_titles
from archive.importing.extract.people.titles_before_name import (
    find_titles_before_names,
    find_titles_with_names_after,
)
from archive.importing.extract.tokens import is_word_char


def find_people(ctx: Context) -> None:
    ctx.name_classes = name_classes(ctx)
    find_names_before_titles(ctx)
    find_titles_with_names_after(ctx)
    find_titles_before_names(ctx)
    find_member_lists(ctx)
    find_names_standing_alone(ctx)
    find_later_references(ctx)
    drop_weaker_positions(ctx)


def drop_weaker_positions(ctx: Context) -> None:
    """A title stated with its organization makes the same title stated without one (or
    guessed from the sentence) redundant: "Prof. Yang Wei, President of X ... President
    Yang Wei chaired"."""
    with_org: dict[str, list[tuple[str, float]]] = {}
    for p in ctx.positions:
        if p.org_key:
            with_org.setdefault(p.person_key, []).append((p.title.lower(), p.confidence))
    kept = []
    for p in ctx.positions:
        title = p.title.lower()
        better = [
            c
            for t, c in with_org.get(p.person_key, [])
            if _title_holds(t, title) and (not p.org_key or c > p.confidence)
        ]
        if not better:
            kept.append(p)
    ctx.positions[:] = kept


def _title_holds(one: str, other: str) -> bool:
    a, b = f" {one.replace('-', ' ')} ", f" {other.replace('-', ' ')} "
    return a in b or b in a


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
