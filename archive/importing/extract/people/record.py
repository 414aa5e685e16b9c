"""A person recorded with the titles read for them, and whether a title is a post of its own
("Minister of Education", "mayor of Chongqing") or one only at an organization ("Vice
President Kim")."""

import re

from archive.importing.extract.context import Context
from archive.importing.extract.facts import PositionFact, Span
from archive.importing.extract.vocabulary import TITLE_WORDS, country_of


def record_person(
    ctx: Context,
    start: int,
    end: int,
    clause: list[tuple[str, str, Span]],
    confidence: float = 0.8,
) -> str:
    tokens = ctx.tokens
    name = ctx.body[tokens[start].start : tokens[end].end]
    key = ctx.add_person(name, ctx.span(tokens[start].start, tokens[end].end), confidence)
    native = NATIVE_AFTER.match(ctx.body, tokens[end].end)
    if native and not ctx.persons[key].native_name:
        ctx.persons[key].native_name = native.group(1)
    for index in range(start, end + 1):
        ctx.person_at[index] = (end, key)
    person = ctx.persons[key]
    for title, org_key, span in clause:
        if names_a_post(title, org_key):
            ctx.positions.append(PositionFact(key, org_key, title, span, 0.8 if org_key else 0.6))
        if not person.nationality:
            org = ctx.orgs.get(org_key)
            person.nationality = (org.country if org else "") or country_of(title)
    return key


# Heads of state and government are named with their country ("Chinese President Xi",
# "President Moon of Korea", "Japanese Prime Minister"), but hold no post at an organization.
_HEAD_OF_STATE = re.compile(
    r"(?:.*['’]s\s+)?(?:former\s+|current\s+)?(?:president|prime minister|premier)"
    r"(?:\s+of\s+.*)?"
)
# Title words that name no post of their own without the organization they are held at:
# "Vice President Kim", "the director", "Professor Lee". Ministers, ambassadors, mayors and
# governors hold posts of a government whether or not the sentence names it.
_ORG_TITLE_WORDS = TITLE_WORDS - {
    "minister",
    "ambassador",
    "governor",
    "mayor",
    "premier",
    "counselor",
    "counsellor",
    "attorney",
} | {"senior", "associate", "honorary", "former", "acting", "first", "managing", "co"}


def names_a_post(title: str, org_key: str) -> bool:
    """Whether a title is a position of its own: one held at an organization, or one that
    names its place or office without one ("Minister of Education", "mayor of Chongqing")."""
    if org_key:
        return True
    text = _ARTICLE.sub("", title.lower())
    if _HEAD_OF_STATE.fullmatch(text):
        return False
    return not all(w in _ORG_TITLE_WORDS for w in text.replace("-", " ").split())


_ARTICLE = re.compile(r"^(?:an?|the)\s+", re.IGNORECASE)


NATIVE_AFTER = re.compile(
    r"\s*[(（]\s*([\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3·・]{2,12})\s*[)）]"
)
