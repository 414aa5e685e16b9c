"""The words of an organization's name after "of", "for" or "on" ("Institute of Science and
Technology"), with the fields it joins by "and" or lists with commas ("Ministry of Education,
Culture, Sports, Science and Technology"), as against a second name or a title that follows."""

from archive.importing.extract.tokens import Token, is_name_word
from archive.importing.extract.vocabulary import (
    COUNTRY_NAMES,
    HONORIFICS,
    ORG_KEYWORDS,
    TITLE_WORDS,
    UNIT_KEYWORDS,
)

# Capitalized titles that end a name: "Ministry of Science and ICT Minister Choi".
TITLE_STOPS = TITLE_WORDS - {"general", "member", "members", "fellow", "head"}
# Chinese sites in English write the place's level in lower case: "... of Shandong province".
_PLACE_LEVELS = {"province", "municipality", "prefecture"}
APOSTROPHE_S = {"'s", "’s"}
_SUBJECT_ACRONYMS = {"ICT", "IT", "S&T", "R&D", "AI"}


def name_run(tokens: list[Token], j: int) -> int:
    """The end of the name that follows "of", "for" or "on" from token j."""
    n = len(tokens)
    right = j
    while right + 1 < n:
        ahead = tokens[right + 1]
        if ahead.is_cap and ahead.lower in TITLE_STOPS:
            break
        if is_name_word(ahead) or (ahead.is_cap and ahead.lower in ORG_KEYWORDS):
            right += 1
        elif end := _joined_or_listed(tokens, right + 1):
            right = end
        elif (
            ahead.text in APOSTROPHE_S
            and tokens[right].text == "People"
            and right + 2 < n
            and is_name_word(tokens[right + 2])
        ):
            right += 2  # "of Yantai Municipal People's Government"
        elif ahead.lower in _PLACE_LEVELS and not ahead.is_cap and tokens[right].is_cap:
            return right + 1
        else:
            break
    return right


def _joined_or_listed(tokens: list[Token], j: int) -> int:
    if tokens[j].text in {"and", "&"}:
        return _joined_field(tokens, j + 1)
    return _field_list(tokens, j) if tokens[j].text == "," else 0


def _field_words(tokens: list[Token], j: int, limit: int = 3) -> int:
    """The end of a run of one to `limit` words that can be a field inside a name
    ("Culture", "Civil Engineering", "ICT"), or -1."""
    end = -1
    for i in range(j, min(j + limit, len(tokens))):
        token = tokens[i]
        if not is_name_word(token):
            break
        if (
            token.lower in ORG_KEYWORDS
            or token.lower in TITLE_STOPS
            or token.lower in HONORIFICS  # ", and Dr. Han": a person comes next
            or token.text in COUNTRY_NAMES
            or (token.is_acronym and token.text not in _SUBJECT_ACRONYMS)
        ):
            return -1
        end = i
    if end >= 0 and end + 1 < len(tokens) and tokens[end + 1].is_cap:
        # the run goes on: "and Seoul National University"
        nxt = tokens[end + 1]
        if nxt.lower in ORG_KEYWORDS or nxt.is_acronym or nxt.text in COUNTRY_NAMES:
            return -1
    return end


def _joined_field(tokens: list[Token], j: int) -> int:
    """ "and Technology" inside "Institute of Science and Technology"; 0 when what follows
    "and" is another organization ("and Seoul National University")."""
    if j >= len(tokens) or tokens[j].lower in UNIT_KEYWORDS:
        return 0
    end = _field_words(tokens, j, limit=4)
    return end if end >= 0 else 0


def _field_list(tokens: list[Token], comma: int) -> int:
    """ "Ministry of Education, Culture, Sports, Science and Technology": fields listed
    with commas and closed by "and" belong to one name. Returns the end, or 0."""
    n = len(tokens)
    i = comma
    while i < n and tokens[i].text == ",":
        if i + 1 < n and tokens[i + 1].text in {"and", "&"}:  # ", and Innovation Policy"
            # only closing a list of fields: "X University of Science, and Lee Min-ho" is two
            return _joined_field(tokens, i + 2) if i > comma else 0
        end = _field_words(tokens, i + 1)
        if end < 0:
            return 0
        i = end + 1
        if i < n and tokens[i].text in {"and", "&"}:
            return _joined_field(tokens, i + 1)
    return 0
