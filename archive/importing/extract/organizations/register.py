"""Recording organization spans: a span that comes with its name (a known name, one spelled
out after its acronym), a unit with its parent ("School of X of Y University", "CAST's
Department of ..."), units listed before one parent, and a unit named again alone."""

import re

from archive.importing.extract.context import Context, OrgSpan
from archive.importing.extract.vocabulary import (
    COUNTRY_NAMES,
    KNOWN_ORGANIZATIONS,
    ORG_KEYWORDS,
    UNIT_KEYWORDS,
    country_of,
)
from archive.text import normalize_name


def register_known(ctx: Context, org: OrgSpan) -> None:
    if org.key.startswith("="):  # spelled out after its acronym
        acronym, canonical = org.key[1:], org.name
    else:
        acronym, canonical = "", org.key
    key = ctx.add_org(org.name, ctx.span(org.start, org.end), acronym=acronym, head=org.head)
    fact = ctx.orgs[key]
    if canonical != org.name:
        fact.aliases.add(canonical)
    if acronym:
        fact.aliases.add(acronym)
        ctx.acronyms.setdefault(acronym, key)
    if fact.kind == "other":
        fact.kind = KNOWN_ORGANIZATIONS.get(canonical) or ORG_KEYWORDS.get(org.head, "other")
    org.key = key
    ctx.org_at[org.start_token] = OrgSpan(
        org.start_token, org.end_token, org.name, org.start, org.end, org.head, key
    )


_OF_COUNTRY = re.compile(
    r"\s+of\s+(?:the\s+)?(?:People's\s+Republic\s+of\s+China|Republic\s+of\s+Korea|"
    + "|".join(sorted(COUNTRY_NAMES))
    + r")$"
)


def register_org(ctx: Context, org: OrgSpan, acronym: tuple[str, int] | None) -> str:
    """Record one organization span; a unit "X of Y" becomes X with parent Y."""
    tokens = ctx.tokens
    split = unit_split(ctx, org)
    owner = tokens[org.start_token - 2] if org.start_token >= 2 else None
    if (
        split is None
        and owner is not None
        and org.head in UNIT_KEYWORDS
        and tokens[org.start_token - 1].text in {"'s", "’s"}
        and owner.text in ctx.acronyms
    ):
        # "CAST's Department of International Affairs"
        parent_key = ctx.acronyms[owner.text]
        ctx.orgs[parent_key].spans.append(ctx.span(owner.start, owner.end))
        key = ctx.add_org(
            f"{org.name}, {ctx.orgs[parent_key].name}",
            ctx.span(org.start, org.end),
            head=org.head,
            confidence=0.75,
            parent_key=parent_key,
        )
        ctx.orgs[key].aliases.add(f"{owner.text}'s {org.name}")
    elif split is not None:
        head_end, tail_start = split
        tail_tokens = tokens[tail_start : org.end_token + 1]
        tail_name = ctx.body[tail_tokens[0].start : tail_tokens[-1].end]
        if len(tail_tokens) == 1 and tail_tokens[0].text in ctx.acronyms:
            parent_key = ctx.acronyms[tail_tokens[0].text]
            ctx.orgs[parent_key].spans.append(ctx.span(tail_tokens[0].start, tail_tokens[0].end))
        else:
            tail_head = next(
                (t.lower for t in reversed(tail_tokens) if t.lower in ORG_KEYWORDS), ""
            )
            parent_key = ctx.add_org(
                tail_name, ctx.span(tail_tokens[0].start, tail_tokens[-1].end), head=tail_head
            )
        head_name = ctx.body[org.start : tokens[head_end].end]
        unit_name = f"{head_name}, {ctx.orgs[parent_key].name}"
        key = ctx.add_org(
            unit_name,
            ctx.span(org.start, org.end),
            head=org.head,
            confidence=0.75,
            parent_key=parent_key,
        )
        ctx.orgs[key].aliases.add(org.name)
        ctx.unit_heads[normalize_name(head_name)] = key
    else:
        key = ctx.add_org(org.name, ctx.span(org.start, org.end), head=org.head)
        # "Ministry of Education ... of Japan" is also written without its country
        if (m := _OF_COUNTRY.search(org.name)) and m.start() > 0:
            ctx.orgs[key].aliases.add(org.name[: m.start()])
    end_token = org.end_token
    if acronym:
        text, end_token = acronym
        ctx.orgs[key].acronym = ctx.orgs[key].acronym or text
        ctx.orgs[key].aliases.add(text)
        ctx.orgs[key].confidence = max(ctx.orgs[key].confidence, 0.95)
        ctx.acronyms.setdefault(text, key)
    # "Georgia Tech of the USA": a country right after the name places the organization.
    after = ctx.body[ctx.tokens[end_token].end : ctx.tokens[end_token].end + 20]
    if m := re.match(r"\)?\s+(?:of|in) the (USA|U\.S\.|ROK|PRC)\b", after):
        ctx.orgs[key].country = ctx.orgs[key].country or country_of(m.group(1))
    org.key = key
    ctx.org_at[org.start_token] = OrgSpan(
        org.start_token, end_token, org.name, org.start, org.end, org.head, key
    )
    return key


def unit_split(ctx: Context, org: OrgSpan) -> tuple[int, int] | None:
    """Where "School of Mechanical Engineering of Chongqing University" splits into
    unit and parent: the last "of" whose tail is itself an organization."""
    if org.head not in UNIT_KEYWORDS:
        return None
    tokens = ctx.tokens
    for j in range(org.end_token, org.start_token, -1):
        if tokens[j].text != "of":
            continue
        tail_start = j + 1
        if tokens[tail_start].text == "the":
            tail_start += 1
        tail = tokens[tail_start : org.end_token + 1]
        if not tail:
            return None
        if (len(tail) == 1 and tail[0].text in ctx.acronyms) or (
            len(tail) > 1 and tail[-1].lower in ORG_KEYWORDS and tail[-1].lower not in UNIT_KEYWORDS
        ):
            return j - 1, tail_start
    return None


def find_unit_lists(ctx: Context, raw: list[OrgSpan]) -> None:
    """ "the School of A, the School of B and the School of C of Chongqing University":
    the parent stated after the last unit of a list belongs to each of them."""
    runs: list[list[OrgSpan]] = []
    for org in raw:
        if org.head not in UNIT_KEYWORDS or not org.key:
            continue
        if (
            runs
            and runs[-1][-1].head == org.head
            and re.fullmatch(r",?\s*(?:and\s+)?(?:the\s+)?", ctx.body[runs[-1][-1].end : org.start])
        ):
            runs[-1].append(org)
        else:
            runs.append([org])
    for run in runs:
        parent_key = ctx.orgs[run[-1].key].parent_key if run[-1].key in ctx.orgs else ""
        if len(run) < 2 or not parent_key:
            continue
        parent = ctx.orgs[parent_key]
        for org in run[:-1]:
            old = ctx.orgs.get(org.key)
            if old is None or old.parent_key:
                continue
            del ctx.orgs[old.key]
            new_key = ctx.add_org(
                f"{old.name}, {parent.name}",
                old.spans[0],
                head=org.head,
                confidence=0.6,
                parent_key=parent_key,
            )
            new = ctx.orgs[new_key]
            new.spans.extend(old.spans[1:])
            new.aliases |= old.aliases
            ctx.unit_heads[old.key] = new_key
            for placed in ctx.org_at.values():
                if placed.key == old.key:
                    placed.key = new_key


def join_repeated_units(ctx: Context) -> None:
    """A unit named once with its parent and later alone ("the School of Power
    Engineering") is the same unit."""
    for fact in list(ctx.orgs.values()):
        target = ctx.unit_heads.get(fact.key)
        if fact.parent_key or target is None or target == fact.key:
            continue
        ctx.orgs[target].spans.extend(fact.spans)
        del ctx.orgs[fact.key]
        for placed in ctx.org_at.values():
            if placed.key == fact.key:
                placed.key = target
