"""Organizations: capitalized names ending in a keyword ("... University", "Ministry of ..."),
their acronyms, sub-units and parents ("School of X of Y University"), and later references
by acronym."""

import re

from archive.importing.extract.context import Context, OrgSpan
from archive.importing.extract.facts import OrgFact
from archive.importing.extract.tokens import Token, is_name_word
from archive.importing.extract.vocabulary import (
    COMPANY_SUFFIXES,
    COUNTRY_NAMES,
    ORG_KEYWORDS,
    STOP_WORDS,
    UNIT_KEYWORDS,
    country_of,
)
from archive.text import normalize_name


def _org_spans(text: str, tokens: list[Token]) -> list[OrgSpan]:
    spans: list[OrgSpan] = []
    n = len(tokens)
    k = 0
    floor = 0  # a name never reaches back into the one before it
    while k < n:
        token = tokens[k]
        if not (token.is_cap and token.lower in ORG_KEYWORDS) or token.is_acronym:
            k += 1
            continue
        left = k
        while left > floor:
            prev = tokens[left - 1]
            if is_name_word(prev) and prev.lower not in ORG_KEYWORDS:
                left -= 1
            elif (
                prev.text in {"and", "&"}
                and left - 2 >= floor
                and is_name_word(tokens[left - 2])
                and tokens[left - 2].lower not in ORG_KEYWORDS
                and not tokens[left - 2].is_acronym
            ):
                left -= 2
            else:
                break
        right = _extend_right(tokens, k)
        first = tokens[left]
        if left == k and right == k:
            k += 1
            continue  # a bare "Institute" names nothing in particular
        if (
            first.lower in ORG_KEYWORDS
            and left == k
            and all(
                t.lower in STOP_WORDS or t.lower in ORG_KEYWORDS or not t.is_cap
                for t in tokens[left : right + 1]
            )
        ):
            k = right + 1
            continue
        start, end = tokens[left].start, tokens[right].end
        spans.append(OrgSpan(left, right, text[start:end], start, end, token.lower))
        k = floor = right + 1
    return spans


def _extend_right(tokens: list[Token], k: int) -> int:
    n = len(tokens)
    right = k
    while right + 1 < n:
        nxt = tokens[right + 1]
        if nxt.is_cap and (nxt.lower in ORG_KEYWORDS or nxt.text in COUNTRY_NAMES):
            right += 1
        elif nxt.text in COMPANY_SUFFIXES:
            right += 1
            while (
                right + 1 < n
                and tokens[right + 1].text in {".", ","}
                and (
                    tokens[right + 1].text == "."
                    or (right + 2 < n and tokens[right + 2].text in COMPANY_SUFFIXES)
                )
            ):
                right += 1
                if right + 1 < n and tokens[right + 1].text in COMPANY_SUFFIXES:
                    right += 1
        elif nxt.text in {"of", "for", "on"}:
            j = right + 2
            if j < n and tokens[j].text == "the" and nxt.text == "of":
                j += 1
            if j >= n or not is_name_word(tokens[j]):
                break
            right = j
            while right + 1 < n:
                ahead = tokens[right + 1]
                if is_name_word(ahead) or (ahead.is_cap and ahead.lower in ORG_KEYWORDS):
                    right += 1
                elif (
                    ahead.text in {"and", "&"}
                    and right + 2 < n
                    and is_name_word(tokens[right + 2])
                    and not tokens[right + 2].is_acronym
                    and tokens[right + 2].lower not in UNIT_KEYWORDS
                ):
                    right += 2
                else:
                    break
        else:
            break
    return right


def _initials_match(acronym: str, name: str) -> bool:
    """Whether an acronym can stand for a name: its letters appear in the name in order,
    starting with the name's first letter ("SDAST" for "Shandong Association for Science
    and Technology")."""
    letters = [c.lower() for c in acronym if c.isalpha()]
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in {"of", "the"}]
    if not letters or not words or letters[0] != words[0][0].lower():
        return False
    haystack = "".join(w.lower() for w in words)
    position = 0
    for letter in letters:
        position = haystack.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True


def _acronym_after(text: str, tokens: list[Token], index: int, name: str) -> tuple[str, int] | None:
    """An acronym stated right after a name: "(CAE)", "(Georgia Tech)", ", KETI,"."""
    n = len(tokens)
    if index + 1 < n and tokens[index + 1].text == "(":
        close = next((j for j in range(index + 2, min(index + 7, n)) if tokens[j].text == ")"), 0)
        if close:
            inner = text[tokens[index + 2].start : tokens[close - 1].end]
            words = inner.split()
            first_is_acronym = sum(c.isupper() for c in words[0]) >= 2
            if 1 <= len(words) <= 3 and (
                first_is_acronym
                or (len(words) <= 2 and inner[:1].isupper() and _initials_match(inner, name))
            ):
                return inner, close
    if (
        index + 3 < n
        and tokens[index + 1].text == ","
        and tokens[index + 2].is_acronym
        and tokens[index + 3].text in {",", "."}
    ):
        return tokens[index + 2].text, index + 2
    return None


def find_organizations(ctx: Context) -> None:
    body, tokens = ctx.body, ctx.tokens
    raw = _org_spans(body, tokens)
    i = 0
    while i < len(raw):
        current = raw[i]
        nxt = raw[i + 1] if i + 1 < len(raw) else None
        # "Institutes of Science and Development, Chinese Academy of Sciences (CASISD)":
        # a unit followed by ", <organization>" is that organization's unit.
        if (
            nxt is not None
            and current.head in UNIT_KEYWORDS
            and nxt.start_token == current.end_token + 2
            and tokens[current.end_token + 1].text == ","
        ):
            acronym = _acronym_after(body, tokens, nxt.end_token, nxt.name)
            parent_key = register_org(
                ctx, nxt, acronym if acronym and _initials_match(acronym[0], nxt.name) else None
            )
            unit_name = f"{current.name}, {ctx.orgs[parent_key].name}"
            span = ctx.span(current.start, nxt.end)
            own_acronym = (
                acronym[0] if acronym and not _initials_match(acronym[0], nxt.name) else ""
            )
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
        acronym = _acronym_after(body, tokens, current.end_token, current.name)
        register_org(ctx, current, acronym)
        i += 1
    find_unit_lists(ctx, raw)
    join_repeated_units(ctx)
    find_acronym_references(ctx)


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


def find_acronym_references(ctx: Context) -> None:
    """Later uses of an acronym ("the CAE", "NAEK members", "CAST's") point at the
    organization; so do acronyms the archive already knows from earlier articles."""
    covered = set()
    for org in ctx.org_at.values():
        covered.update(range(org.start_token, org.end_token + 1))
    for i, token in enumerate(ctx.tokens):
        if i in covered or not token.is_acronym:
            continue
        key = ctx.acronyms.get(token.text)
        if key is None and token.text in ctx.known_acronyms:
            key = normalize_name(ctx.known_acronyms[token.text])
            if key not in ctx.orgs:
                ctx.orgs[key] = OrgFact(
                    key=key,
                    name=ctx.known_acronyms[token.text],
                    acronym=token.text,
                    confidence=0.7,
                )
            ctx.acronyms[token.text] = key
        if key is None:
            continue
        ctx.orgs[key].spans.append(ctx.span(token.start, token.end))
        ctx.org_at[i] = OrgSpan(i, i, token.text, token.start, token.end, "", key)


def acronym_org(ctx: Context, index: int) -> OrgSpan | None:
    """An unknown acronym as an organization, where a title names it: "President of
    STEPI". It is recorded with low confidence for an editor to confirm."""
    token = ctx.tokens[index]
    if not token.is_acronym or token.text in COUNTRY_NAMES or len(token.text) < 3:
        return None
    occurrences = [t for t in ctx.tokens if t.text == token.text]
    key = ctx.add_org(
        token.text, ctx.span(token.start, token.end), acronym=token.text, confidence=0.5
    )
    ctx.orgs[key].spans = [ctx.span(t.start, t.end) for t in occurrences]
    ctx.acronyms[token.text] = key
    org = OrgSpan(index, index, token.text, token.start, token.end, "", key)
    for t_index, t in enumerate(ctx.tokens):
        if t.text == token.text:
            ctx.org_at.setdefault(
                t_index, OrgSpan(t_index, t_index, t.text, t.start, t.end, "", key)
            )
    return org


# -- people ----------------------------------------------------------------------------
