"""Name words and runs: which capitalized words can be part of a person's name (a mixed-case
name word, a known surname in capitals, a surname that is also a common word), the runs of
two to four of them read left or right from a token, and the lines whose capitalized words
are a heading's rather than names."""

import re
from functools import lru_cache

from archive.countries import CITIES, COUNTRY_WORDS, PROVINCES
from archive.importing.extract.context import Context
from archive.importing.extract.vocabulary import (
    COUNTRY_NAMES,
    EVENT_KEYWORDS,
    HONORIFICS,
    ORG_KEYWORDS,
    PLACE_WORDS,
    STOP_WORDS,
    SURNAMES,
    TITLE_WORDS,
)

# A name word: "Jianguo", "Byeong-taek", "Yoon-Ho".
_NAME_TOKEN = re.compile(r"^[A-Z][a-z]+(?:-[a-z]+|-[A-Z][a-z]+)?$")
# A surname in capitals, as news often writes it: "HE Minghong", "Prof. KIM Jae-hong".
_CAPS_TOKEN = re.compile(r"^[A-Z]{2,10}$")
NOT_NAME = STOP_WORDS | ORG_KEYWORDS.keys() | EVENT_KEYWORDS.keys() | TITLE_WORDS | HONORIFICS
NOT_NAME |= COUNTRY_WORDS.keys() | PLACE_WORDS
PLACES = COUNTRY_NAMES | set(CITIES) | set(PROVINCES)
# Capitalized words that may stand right before a name: "Dr. Kim", "The Kim", "President Kim".
HONORIFIC_OR_STOP = HONORIFICS | STOP_WORDS
LEADS_TO_NAME = HONORIFIC_OR_STOP | TITLE_WORDS
MIXED, CAPS, LAST = 1, 2, 3
# Surnames that are also common words: a name word only at a name's end ("Minghong He").
_WORD_SURNAMES = {"He", "Ma", "Long", "Song"}


@lru_cache(maxsize=65536)
def _name_word(text: str) -> bool:
    """A word that can be part of a name wherever it stands; cached, as the same capitalized
    words recur across articles."""
    return bool(_NAME_TOKEN.match(text)) and text.lower() not in NOT_NAME and text not in PLACES


def name_classes(ctx: Context) -> list[int]:
    """Per token: a mixed-case name word, a surname in capitals, or neither (0). Worked out
    once per article; the capitals count only as a known surname that is no acronym here."""
    body = ctx.body
    classes = [0] * len(ctx.tokens)
    # a word the article also writes in lower case is an English word, not a name's
    english: dict[str, bool] = {}
    acronyms, org_at = ctx.acronyms, ctx.org_at
    for i, token in enumerate(ctx.tokens):
        # every class starts with a capital letter: most tokens are done here
        if not token.is_cap:
            continue
        text = token.text
        if _name_word(text):
            lower = token.lower
            if lower not in english:
                english[lower] = lower not in SURNAMES and _written_in_lower_case(body, lower)
            if not english[lower]:
                classes[i] = MIXED
                continue
        if text in _WORD_SURNAMES:
            classes[i] = LAST
        elif (
            token.is_acronym
            and token.lower in SURNAMES
            and _CAPS_TOKEN.match(text)
            and text not in acronyms
            and i not in org_at
        ):
            classes[i] = CAPS
    return classes


def _written_in_lower_case(body: str, word: str) -> bool:
    """The word stands on its own in the body in lower case ("long" in "a long way", not in
    "long-term"). A few str.find calls per capitalized word, cheaper than listing every
    lower-case word of the body."""
    if "-" in word:
        return False
    start, size = body.find(word), len(body)
    while start != -1:
        end = start + len(word)
        before = body[start - 1] if start else " "
        after = body[end] if end < size else " "
        if not (before.isalnum() or before in "_-" or after.isalnum() or after in "_-"):
            return True
        start = body.find(word, end)
    return False


def valid_run(classes: list[int], start: int, end: int) -> bool:
    """Two to four words, at most one in capitals and only at either end of the name."""
    run = classes[start : end + 1]
    if not 2 <= len(run) <= 4 or 0 in run:
        return False
    caps = [k for k, c in enumerate(run) if c == CAPS]
    if LAST in run[:-1]:
        return False
    return len(caps) <= 1 and all(k in (0, len(run) - 1) for k in caps)


def name_before(ctx: Context, index: int) -> tuple[int, int] | None:
    """The person name ending at tokens[index]: two to four name words, read leftwards."""
    tokens, classes = ctx.tokens, ctx.name_classes
    start = index
    while start >= 0 and index - start < 4 and classes[start]:
        start -= 1
    start += 1
    # "SG YANG Houlan": a word in capitals before a surname in capitals is no part of it
    while start < index and (
        (classes[start] == CAPS and classes[start + 1] == CAPS) or classes[start] == LAST
    ):
        start += 1
    if not valid_run(classes, start, index):
        return None
    before = tokens[start - 1] if start > 0 else None
    if (
        before is not None
        and before.is_cap
        and before.is_word
        and not before.is_acronym
        and before.lower not in LEADS_TO_NAME
    ):
        return None  # part of a longer capitalized phrase, not a name
    return start, index


def name_after(ctx: Context, index: int) -> tuple[int, int] | None:
    classes = ctx.name_classes
    end = index
    while end < len(classes) and end - index < 4 and classes[end]:
        end += 1
    end -= 1
    while end > index and classes[end] == CAPS and classes[end - 1] == CAPS:
        end -= 1
    if LAST in classes[index:end]:  # "Zhou said. He" never reads on past "He"
        end = index + classes[index:end].index(LAST)
    if not valid_run(classes, index, end):
        return None
    return index, end


def headline_like(body: str, offset: int) -> bool:
    """A line whose words are mostly capitalized: a headline or a caption's label."""
    line_start = body.rfind("\n", 0, offset) + 1
    line_end = body.find("\n", offset)
    words = body[line_start : line_end if line_end != -1 else len(body)].split()
    words = [w for w in words if w[0].isalpha()]
    capitalized = sum(w[0].isupper() for w in words)
    return len(words) >= 3 and capitalized > 0.7 * len(words)


def heading(body: str, offset: int) -> bool:
    """A headline or subhead standing in the body: mostly capitalized words, and no
    sentence's end mark at the line's end."""
    line_end = body.find("\n", offset)
    line = body[body.rfind("\n", 0, offset) + 1 : line_end if line_end != -1 else len(body)]
    return not line.rstrip().endswith((".", "!", "?", ":", '"', "”", "。")) and headline_like(
        body, offset
    )
