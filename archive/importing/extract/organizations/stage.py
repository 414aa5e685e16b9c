"""The organizations stage: the names keywords head, known names and names spelled out after
an acronym, each recorded in the order the text gives them (a unit followed by ", <parent>"
as that parent's unit); then units' parents, and the references acronyms make."""

from archive.importing.extract.context import Context, OrgSpan
from archive.importing.extract.organizations.acronyms import (
    acronym_after,
    acronym_first_spans,
    find_acronym_references,
    find_acronyms_by_context,
    initials_match,
)
from archive.importing.extract.organizations.keyword_spans import not_an_org, org_spans
from archive.importing.extract.organizations.known_names import known_spans
from archive.importing.extract.organizations.register import (
    find_unit_lists,
    join_repeated_units,
    register_known,
    register_org,
)
from archive.importing.extract.vocabulary import UNIT_KEYWORDS


def find_organizations(ctx: Context) -> None:
    body, tokens = ctx.body, ctx.tokens
    raw = [org for org in org_spans(body, tokens) if not not_an_org(ctx, org)]
    spelled_out = acronym_first_spans(ctx)
    acronym_before = {(o.start_token, o.end_token): o.key[1:] for o in spelled_out}
    raw = _merge_spans(raw, known_spans(ctx) + spelled_out)
    i = 0
    while i < len(raw):
        current = raw[i]
        nxt = raw[i + 1] if i + 1 < len(raw) else None
        if current.key:  # a known name or one spelled out after its acronym
            register_known(ctx, current)
            i += 1
            continue
        # "Institutes of Science and Development, Chinese Academy of Sciences (CASISD)":
        # a unit followed by ", <organization>" is that organization's unit.
        if (
            nxt is not None
            and not nxt.key
            and current.head in UNIT_KEYWORDS
            and nxt.start_token == current.end_token + 2
            and tokens[current.end_token + 1].text == ","
        ):
            acronym = acronym_after(body, tokens, nxt.end_token, nxt.name)
            parent_key = register_org(
                ctx, nxt, acronym if acronym and initials_match(acronym[0], nxt.name) else None
            )
            unit_name = f"{current.name}, {ctx.orgs[parent_key].name}"
            span = ctx.span(current.start, nxt.end)
            own_acronym = acronym[0] if acronym and not initials_match(acronym[0], nxt.name) else ""
            key = ctx.add_org(
                unit_name,
                span,
                acronym=own_acronym,
                head=current.head,
                confidence=0.75,
                parent_key=parent_key,
            )
            if own_acronym:
                ctx.acronyms[own_acronym] = key
                ctx.orgs[key].aliases.add(own_acronym)
            current.key = key
            ctx.org_at[current.start_token] = OrgSpan(
                current.start_token,
                acronym[1] if acronym else nxt.end_token,
                unit_name,
                current.start,
                nxt.end,
                current.head,
                key,
            )
            i += 2
            continue
        acronym = acronym_after(body, tokens, current.end_token, current.name)
        if before := acronym_before.get((current.start_token, current.end_token)):
            acronym = (before, current.end_token)  # "NTA (Nordic Technology Alliance)"
        register_org(ctx, current, acronym)
        i += 1
    find_unit_lists(ctx, raw)
    join_repeated_units(ctx)
    find_acronym_references(ctx)
    find_acronyms_by_context(ctx)


def _merge_spans(raw: list[OrgSpan], extra: list[OrgSpan]) -> list[OrgSpan]:
    """The spans the rules found, and those of `extra` that overlap none of them: the rules
    know a unit from its parent, a bare known name does not."""
    taken = set()
    for org in raw:
        taken.update(range(org.start_token, org.end_token + 1))
    kept = list(raw)
    for org in extra:
        tokens = range(org.start_token, org.end_token + 1)
        if not taken.intersection(tokens):
            kept.append(org)
            taken.update(tokens)
    return sorted(kept, key=lambda o: o.start_token)
