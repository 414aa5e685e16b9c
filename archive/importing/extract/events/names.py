"""Event names by their keyword: capitalized words ending in "Forum", "Symposium",
"Exchange" ... ("6th China-Korea Industrial Innovation Exchange"), with an "of"/"on" tail
("Meeting of Heads of Research Councils in Asia"); the kind each keyword names, the keyword a
name ends with, and the names that are only a keyword ("7th Forum") referring to another."""

import re
from functools import lru_cache

from archive.importing.extract.context import Context
from archive.importing.extract.events import chinese_korean
from archive.importing.extract.facts import EventFact
from archive.importing.extract.tokens import Token, is_name_word
from archive.importing.extract.vocabulary import EVENT_KEYWORDS
from archive.text import normalize_name as _normalize_name

# The stage asks for the key of one name again and again: pure functions of a name, cached.
normalize_name = lru_cache(maxsize=4096)(_normalize_name)

# The kind each keyword names; seminars and workshops are smaller than conferences, and a
# summit of leaders is a meeting.
KEYWORD_KINDS = {
    **EVENT_KEYWORDS,
    "seminar": "workshop",
    "workshop": "workshop",
    "summit": "meeting",
    "convocation": "conference",
    "roundtable": "forum",
    "colloquium": "conference",
    **chinese_korean.KEYWORD_KINDS,
}
ORDINAL_OR_YEAR = re.compile(r"^(?:\d+(?:st|nd|rd|th)|(?:19|20)\d\d|first|second|third)$", re.I)


def event_names(ctx: Context, tokens: list[Token], text: str, title: str) -> list[tuple[int, int]]:
    """Token ranges of event names: capitalized words ending in an event keyword
    ("6th China-Korea Industrial Innovation Exchange"), with an "of"/"on" tail of capitalized
    words ("11th Meeting of Heads of Research Councils in Asia"). Two names joined by "and"
    are one event only where the title names them together."""
    names: list[tuple[int, int]] = []
    heads = [i for i, t in enumerate(tokens) if t.is_cap and t.lower in KEYWORD_KINDS]
    for i in heads:
        token = tokens[i]
        if i + 1 < len(tokens) and tokens[i + 1].is_cap and tokens[i + 1].lower in KEYWORD_KINDS:
            continue  # "Trade Expo Forum": the name ends at the last keyword
        left = event_left(tokens, i, text)
        if left >= 2 and tokens[left - 1].text == "and" and tokens[left - 2].lower in KEYWORD_KINDS:
            joined_left = event_left(tokens, left - 2, text)
            joined = text[tokens[joined_left].start : token.end]
            if joined.lower() in title.lower():
                names = [n for n in names if n[0] < joined_left]
                left = joined_left
        if left == i:
            continue
        names.append((left, event_right(tokens, i, text)))
    return names


def _same_line(tokens: list[Token], a: int, b: int, text: str) -> bool:
    return "\n" not in text[tokens[a].end : tokens[b].start]


def event_left(tokens: list[Token], i: int, text: str = "") -> int:
    left = i
    while left > 0 and (not text or _same_line(tokens, left - 1, left, text)):
        prev = tokens[left - 1]
        if _event_word(prev) or prev.text[:1].isdigit():
            left -= 1
        elif (
            prev.text in {"and", "&"}
            and left >= 2
            and is_name_word(tokens[left - 2])
            and tokens[left - 2].lower not in KEYWORD_KINDS
        ):
            left -= 2
        else:
            break
    return left


# Words the shared stop list keeps out of organization and person names that event names
# hold: "Young Scholars Exchange Meeting", "Forum", "First".
_EVENT_NAME_WORDS = {"scholars", "researchers", "representatives", "delegation", "forum", "first"}


def _event_word(token: Token) -> bool:
    return is_name_word(token) or (token.is_cap and token.lower in _EVENT_NAME_WORDS)


_TAIL_STARTS = {"of", "on"}
_TAIL_JOINS = {"of", "on", "in", "and", "for", "the", "&"}


def event_right(tokens: list[Token], i: int, text: str) -> int:
    """The last token of a name whose keyword comes first: "Meeting of Heads of ... Asia"."""
    if i + 2 >= len(tokens) or tokens[i + 1].text not in _TAIL_STARTS:
        return i
    right, j = i, i + 1
    while j < len(tokens) and _same_line(tokens, j - 1, j, text) and j - i < 14:
        if is_name_word(tokens[j]):
            right = j
        elif tokens[j].text not in _TAIL_JOINS:
            break
        j += 1
    return right


def keyword_token(tokens: list[Token], left: int, right: int) -> Token:
    for token in reversed(tokens[left : right + 1]):
        if token.lower in KEYWORD_KINDS:
            return token
    return tokens[right]


@lru_cache(maxsize=4096)
def only_keyword(name: str) -> bool:
    """ "7th Forum", "this year's Meeting": a reference to an event named elsewhere."""
    words = [w for w in re.findall(r"[\w-]+", name) if w.lower() not in {"this", "year", "s"}]
    return all(ORDINAL_OR_YEAR.match(w) for w in words[:-1])


@lru_cache(maxsize=4096)
def keyword_of(name: str) -> str:
    words = normalize_name(name).split()
    for word in reversed(words):
        if word in KEYWORD_KINDS:
            return word
    # "委员会会议" and "会议" are one keyword: the shortest the name ends with
    for keyword in chinese_korean.SHORTEST_FIRST:
        if name.endswith(keyword):
            return keyword
    return words[-1] if words else ""


def event_with_keyword(named: dict[str, EventFact], keyword: str) -> EventFact | None:
    for fact in named.values():
        if keyword_of(fact.name) == keyword and not only_keyword(fact.name):
            return fact
    return None


def event_kind(name: str) -> str:
    """The kind of the name's head, its last keyword ("Young Scholars Exchange Meeting"); of
    two names joined by "and", the first one's."""
    first = re.split(r"\s+and\s+(?=[A-Z])", name)
    for part in (first[0], name) if len(first) > 1 else (name,):
        for word in reversed(re.findall(r"[A-Za-z]+", part)):
            if word.lower() in KEYWORD_KINDS:
                return KEYWORD_KINDS[word.lower()]
    return chinese_korean.kind_of(name) or "other"
