"""Titles after a name: "Name, title of Org", "Name, who is title at Org", "Name (title,
Org)", "A and B, vice deans of ..."; and a native spelling in brackets ("Name (侯建国)")."""

import re

from archive.importing.extract.context import Context
from archive.importing.extract.people.names import name_before
from archive.importing.extract.people.record import record_person
from archive.importing.extract.people.title_clause import read_title_clause
from archive.importing.extract.vocabulary import TITLE_WORDS

# "Name, who is title at Org", "Name, currently title of Org"
_RELATIVE = {"who", "currently", "now", "is", "was", "serves", "served", "as"}


_NAME_END_MARK = re.compile(r"[,(]")


def _inside_org(ctx: Context, index: int) -> bool:
    """ "The School of Cultural Studies, which ...": name-like words of an organization."""
    return any(o.start_token <= index <= o.end_token for o in ctx.org_at.values())


def find_names_before_titles(ctx: Context) -> None:
    """ "Name, title of Org", "Name, who is title at Org", "Name (title, Org)", with
    "A and B, vice deans of ..." a title each."""
    tokens = ctx.tokens
    n = len(tokens)
    classes = ctx.name_classes
    # each comma or bracket is a token of its own: find them in the body, not token by token
    for mark in _NAME_END_MARK.finditer(ctx.body):
        i = ctx.token_index_at[mark.start()]
        token = tokens[i]
        # a name ends right before the mark: no name word there, no name
        if not i or not classes[i - 1]:
            continue
        name = name_before(ctx, i - 1)
        if name is None or _inside_org(ctx, name[0]):
            continue
        if token.text == "(":
            _bracketed_title(ctx, name, i)
            continue
        names = [name]
        # "Tang Qian and Luo Yuanxin, vice deans of ..."
        if name[0] >= 3 and tokens[name[0] - 1].text == "and":
            first = name_before(ctx, name[0] - 2)
            if first is not None:
                names.insert(0, first)
        look = i + 1
        if look + 1 < n and tokens[look].text.isdigit() and tokens[look + 1].text == ",":
            look += 2  # "Yang Wei, 58, president of ...": the age
        while look < n and look - i <= 3 and tokens[look].lower in _RELATIVE:
            look += 1
        # "Lee, and Professor Wang of ...": the list's next person, not Lee's title
        if look >= n or tokens[look].text in {"and", "or"}:
            continue
        clause = read_title_clause(ctx, look)
        if clause is None:
            continue
        if len(names) > 1:
            if _PLURAL_TITLE.search(clause[0][0]):  # "vice deans" of two: a vice dean each
                clause = [(re.sub(r"s$", "", t), o, sp) for t, o, sp in clause]
            else:  # "A and B, President of X": the title is B's alone
                record_person(ctx, *names[0], [])
                names = names[1:]
        for start, end in names:
            record_person(ctx, start, end, clause)


_PLURAL_TITLE = re.compile(r"[^s]s$")


def _bracketed_title(ctx: Context, name: tuple[int, int], index: int) -> None:
    """ "Name (title, Org)" and "Name (Org title)"; "Name (侯建国)" is the native name."""
    tokens, body = ctx.tokens, ctx.body
    close = body.find(")", tokens[index].end, tokens[index].end + 200)
    if close == -1:
        return
    inside = body[tokens[index].end : close]
    if _NATIVE.fullmatch(inside.strip()):
        key = record_person(ctx, *name, [])
        ctx.persons[key].native_name = ctx.persons[key].native_name or inside.strip()
        return
    title, _, rest = inside.partition(",")
    title = title.strip()
    words = title.lower().replace("-", " ").split()
    if not words or len(words) > 6 or not any(w in TITLE_WORDS for w in words):
        return
    org_key = ""
    after = ctx.token_index_at.get(tokens[index].end + len(inside) - len(rest.lstrip()))
    if rest.strip() and after is not None:
        if tokens[after].lower == "the":
            after += 1
        org = ctx.org_starting_at(after)
        org_key = org.key if org is not None else ""
    span = ctx.span(tokens[index].end, close)
    record_person(ctx, *name, [(title, org_key, span)])


_NATIVE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3·・ ]{2,12}")
