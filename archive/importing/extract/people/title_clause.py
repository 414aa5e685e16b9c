"""The title clause after a name, read up to the sentence's end: its titles and the
organization each is held at ("academician and former vice president of X", "the OECD
Secretary-General"), or a title that names a place or nothing ("mayor of Chongqing")."""

import re

from archive.importing.extract.context import Context, OrgSpan
from archive.importing.extract.facts import Span
from archive.importing.extract.organizations import acronym_org
from archive.importing.extract.people.names import LEADS_TO_NAME, PLACES
from archive.importing.extract.people.record import names_a_post
from archive.importing.extract.people.titles_before_name import TITLE_HEADS, TITLE_MODIFIERS
from archive.importing.extract.vocabulary import ORG_KEYWORDS, STOP_WORDS, TITLE_WORDS, country_of

_TITLE_ALONE = re.compile(
    r"(?:(?:" + TITLE_MODIFIERS + r")[ -])*(?:" + TITLE_HEADS + r")", re.IGNORECASE
)
# The words after an organization's name, up to the clause's end: "the OECD Secretary-
# General,", "KIER's chief scientist,".
_TITLE_AFTER_ORG = re.compile(r"(?:['’]s)?\s+(?P<title>[\w\-]+(?: [\w\-]+){0,3})(?=\s*[,.;)]|\s*$)")


def read_title_clause(ctx: Context, index: int) -> list[tuple[str, str, Span]] | None:
    """The titles that follow a name: "Vice President of the NAEK", "academician and
    former vice president of Chinese Academy of Engineering", "CAE member and honorary
    chairman of ...". Returns (title, organization key, span) triples, or None when
    what follows the comma is not a title."""
    tokens, body, classes = ctx.tokens, ctx.body, ctx.name_classes
    n = len(tokens)
    sentence_end = ctx.sentence_of(tokens[index].start)[1] if index < n else len(body)
    results: list[tuple[str, str, Span]] = []
    segment_start = index
    pos = index
    saw_title = False
    while pos < n and tokens[pos].start < sentence_end:
        token = tokens[pos]
        org = ctx.org_starting_at(pos)
        if org is None and pos > segment_start and tokens[pos - 1].text in {"of", "the"}:
            org = acronym_org(ctx, pos) or _named_before(ctx, pos)
        elif (
            org is None
            and pos == segment_start
            and pos + 1 < n
            and tokens[pos + 1].text
            in {
                "'s",
                "’s",
            }
        ):
            org = acronym_org(ctx, pos)  # "KIER's chief scientist"
        if org is not None:
            title = clean_title(
                ctx, body[tokens[segment_start].start : token.start] if pos > segment_start else ""
            )
            end_token = org.end_token
            after = tokens[end_token + 1] if end_token + 1 < n else None
            if not title and after is not None and after.lower in {"member", "members"}:
                title = "member"
                end_token += 1
            elif not title and pos == segment_start + (tokens[segment_start].text == "the"):
                # "Angel Ruiz, the OECD Secretary-General", "Choi Yu, KIER's chief
                # scientist": the title after the organization, up to the clause's end
                own = _TITLE_AFTER_ORG.match(body, tokens[end_token].end)
                words = own.group("title") if own else ""
                title = words if _TITLE_ALONE.fullmatch(words) else clean_title(ctx, words)
                if title and title == words:
                    while end_token + 1 < n and tokens[end_token].end < own.end("title"):
                        end_token += 1
                else:
                    title = ""
            span = ctx.span(tokens[segment_start].start, tokens[end_token].end)
            for part in split_titles(title):
                # "mayor of Chongqing and the deputy secretary of <org>": the mayoralty
                # names its own place, only the last title is held at the organization.
                own_place = re.search(r"\b(?:of|to)\s+[A-Z]", part)
                results.append((part, "" if own_place else org.key, span))
                saw_title = True
            pos = end_token + 1
            # Go on only for another title: ", Chief Manager of", " and chairwoman of".
            if pos < n and tokens[pos].text in {",", "and"}:
                look = pos + 1
                while look < n and tokens[look].text in {"and", "the"}:
                    look += 1
                if look < n and (
                    tokens[look].lower in TITLE_WORDS
                    or tokens[look].lower
                    in {"former", "honorary", "managing", "associate", "executive"}
                ):
                    segment_start = look
                    pos = look
                    continue
            break
        if token.text in {",", ";", "(", ")"} and pos > index:
            break
        if (
            classes[pos]
            and pos + 1 < n
            and classes[pos + 1]
            and tokens[pos - 1].is_cap
            and tokens[pos - 1].lower in LEADS_TO_NAME
        ):
            # another person's name: "..., and Vice President Sato Kenji attended for X",
            # "..., which Professor Li Ming founded": what stands before it is that one's
            return results or None
        pos += 1
    else:
        pos = min(pos, n)
    if not results:
        # A title that names a place or nothing: "president of Korea", "South Korea’s
        # ambassador to China", "mayor of Chongqing".
        end = tokens[min(pos, n) - 1].end if pos > index else tokens[index].end
        text = body[tokens[index].start : min(end, sentence_end)]
        title = placeless_title(ctx, text)
        if title:
            results.append(
                (title, "", ctx.span(tokens[index].start, tokens[index].start + len(title)))
            )
            saw_title = True
    if results and saw_title:
        return results
    return None


def _named_before(ctx: Context, index: int) -> OrgSpan | None:
    """ "first vice minister of the ministry", "head of the department": the organization of
    that kind the article named last."""
    tokens = ctx.tokens
    if tokens[index - 1].text != "the" or index + 1 >= len(tokens):
        return None
    word = tokens[index]
    if word.is_cap or word.lower not in ORG_KEYWORDS or tokens[index + 1].is_word:
        return None  # "of the ministry's budget", "of the institute's": no title's end
    named = [
        o
        for o in ctx.org_at.values()
        if o.head == word.lower and o.end <= word.start and o.key in ctx.orgs
    ]
    if not named:
        return None
    org = max(named, key=lambda o: o.start)
    return OrgSpan(index, index, org.name, word.start, word.end, org.head, org.key)


# "director general of China's <org>": the country's possessive is no part of the title
_TITLE_TRAIL = re.compile(
    r"\s*(?:\b(?:of|at|from|for|to|in|with)\b\s*)?(?:\b[Tt]he\b\s*)?"
    r"(?:(?:[A-Z][\w\-]*\s+)?[A-Z][\w\-]*['’]s\s*)?$"
)
_TITLE_LEAD = re.compile(r"^\s*(?:,|\band\b|\bthe\b|\ban?\b|\s)*")


def clean_title(ctx: Context, text: str) -> str:
    text = _TITLE_LEAD.sub("", text)
    for _ in range(2):
        text = _TITLE_TRAIL.sub("", text).strip(" ,")
    words = text.lower().replace("-", " ").split()
    if not words or len(words) > 10 or not any(w in TITLE_WORDS for w in words):
        return ""
    return re.sub(r"\s+", " ", text)


def split_titles(title: str) -> list[str]:
    """ "academician and former vice president" is two titles at one organization."""
    if not title:
        return []
    parts = [re.sub(r"^the\s+", "", p.strip()) for p in re.split(r"\s+and\s+", title)]
    if len(parts) > 1 and all(any(w in TITLE_WORDS for w in p.lower().split()) for p in parts):
        return parts
    return [title]


_PLACELESS = re.compile(
    r"^(?:(?:[A-Z][\w\-]*\s)*[A-Z][\w\-]*['’]s\s+)?"  # "South Korea’s"
    r"(?P<title>(?:[a-z\-]+\s+){0,3}?(?i:" + "|".join(sorted(TITLE_WORDS)) + r")"
    r"(?:[\s\-]+(?i:" + "|".join(sorted(TITLE_WORDS)) + r"))*)\b"
    r"(?:\s+(?:of|to)\s+(?:the\s+)?(?P<place>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?))?"
)


def placeless_title(ctx: Context, text: str) -> str:
    text = re.sub(r"\s+", " ", text.strip())
    if text.startswith(("and ", "or ")):  # ", and Professor Wang": the list's next person
        return ""
    match = _PLACELESS.match(text)
    if not match:
        return ""
    place = match.group("place")
    if place and place.split()[0] in STOP_WORDS:
        return ""
    if (
        place
        and not (country_of(place) or place in PLACES)
        and not names_a_post(match.group("title"), "")
    ):
        # "founder of the Sakura Program": held at something that is no organization here;
        # the bare title still says the words before were a person's name
        return match.group("title")
    return match.group(0).strip()
