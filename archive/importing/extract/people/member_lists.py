"""Names listed as an organization's members: "NAEK members including A, B, and C"."""

import re

from archive.importing.extract.context import Context
from archive.importing.extract.people.names import name_after
from archive.importing.extract.people.record import record_person

_MEMBER_LIST = re.compile(r"\b([A-Z][\w\-]+) members,? (?:including|such as) ")


def find_member_lists(ctx: Context) -> None:
    """ "NAEK members including Paik Man Gi, Lie Sang Bong, and Choi Cheng De"."""
    if " members" not in ctx.body:  # the regex would try every capitalized word
        return
    tokens = ctx.tokens
    for match in _MEMBER_LIST.finditer(ctx.body):
        org_key = ctx.acronyms.get(match.group(1))
        if org_key is None:
            continue
        index = ctx.token_index_at.get(match.end())
        while index is not None and index < len(tokens):
            name = name_after(ctx, index)
            if name is None:
                break
            start, end = name
            span = ctx.span(tokens[start].start, tokens[end].end)
            record_person(ctx, start, end, [("member", org_key, span)])
            index = end + 1
            while index < len(tokens) and tokens[index].text in {",", "and"}:
                index += 1
