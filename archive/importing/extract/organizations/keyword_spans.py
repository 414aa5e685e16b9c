"""Organization names found by their keyword: the capitalized words around "University",
"Ministry of ...", "Academia ... de ...", "Embassy in ...", one span per name; and the spans
that name a venue, a programme or an event's audience instead of an organization."""

from archive.countries import CITIES
from archive.importing.extract.context import Context, OrgSpan
from archive.importing.extract.organizations.name_fields import APOSTROPHE_S, TITLE_STOPS, name_run
from archive.importing.extract.tokens import Token, is_name_word
from archive.importing.extract.vocabulary import (
    COMPANY_SUFFIXES,
    COUNTRY_NAMES,
    EVENT_KEYWORDS,
    FOREIGN_NAME_LINKS,
    FOREIGN_ORG_HEADS,
    ORG_KEYWORDS,
    STOP_WORDS,
    SUBJECT_WORDS,
    TITLE_WORDS,
    country_of,
)

# Words after "on" that are a date, not a topic: "Center of Osaka University on Nov. 11".
_CALENDAR = {
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
} | {w for w in STOP_WORDS if w in {"january", "march", "may", "june", "july"}}


def org_spans(text: str, tokens: list[Token]) -> list[OrgSpan]:
    spans: list[OrgSpan] = []
    n = len(tokens)
    k = 0
    floor = 0  # a name never reaches back into the one before it
    while k < n:
        token = tokens[k]
        foreign = token.is_cap and token.lower in FOREIGN_ORG_HEADS
        if not ((token.is_cap and token.lower in ORG_KEYWORDS) or foreign) or token.is_acronym:
            k += 1
            continue
        left = _extend_left(text, tokens, k, floor)
        right = _extend_foreign(tokens, k) if foreign else _extend_right(tokens, k)
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
        head = FOREIGN_ORG_HEADS.get(token.lower) or token.lower
        spans.append(OrgSpan(left, right, text[start:end], start, end, head))
        k = floor = right + 1
    return spans


def _extend_left(text: str, tokens: list[Token], k: int, floor: int) -> int:
    left = k
    while left > floor:
        prev = tokens[left - 1]
        if is_name_word(prev) and prev.lower not in ORG_KEYWORDS:
            left -= 1
        elif (
            # "Korea Science and Engineering Foundation": "and" joins two fields of one
            # name; after a person's name or another name it joins two organizations.
            prev.text in {"and", "&"}
            and left - 2 >= floor
            and is_name_word(tokens[left - 2])
            and not tokens[left - 2].is_acronym
            and (tokens[left - 2].lower in SUBJECT_WORDS or _plain_words_before(tokens, left - 2))
        ):
            left -= 2
        elif prev.text in APOSTROPHE_S and left - 2 >= floor and tokens[left - 2].text == "People":
            left -= 2  # "Yantai Municipal People's Government"
        elif (
            # "Chang'an University": a lower-case syllable after an apostrophe, unspaced
            not prev.is_cap
            and prev.is_word
            and left - 3 >= floor
            and tokens[left - 2].text in {"'", "’"}
            and tokens[left - 3].is_cap
            and tokens[left - 3].end == tokens[left - 2].start
            and tokens[left - 2].end == prev.start
        ):
            left -= 3
        else:
            break
    return left


def _plain_words_before(tokens: list[Token], j: int) -> bool:
    """Whether the capitalized words ending at j, before an "and", can open an
    organization's name: at most three, no title among them ("Director Yoshinori Tokura
    and Tsinghua University" is a person and a university)."""
    count = 0
    while j >= 0 and is_name_word(tokens[j]):
        token = tokens[j]
        if token.lower in TITLE_WORDS or token.text in COUNTRY_NAMES or token.is_acronym:
            return False
        count += 1
        j -= 1
    return 0 < count <= 3


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
            if j < n and tokens[j].text == "the" and nxt.text in {"of", "for"}:
                j += 1
            if (
                j >= n
                or not is_name_word(tokens[j])
                or tokens[j].lower in TITLE_STOPS
                or (nxt.text == "on" and tokens[j].lower in _CALENDAR)
            ):
                break
            right = name_run(tokens, j)
        elif (end := _unit_of_name(tokens, right + 1)) is not None:
            right = end  # "Lakeside University Harbor Hospital"
        elif (end := _mission_seat(tokens, right)) is not None:
            right = end
        else:
            break
    return right


_MISSIONS = {"embassy", "consulate", "consulate-general"}


def _mission_seat(tokens: list[Token], k: int) -> int | None:
    """A country's mission is named with where it sits: "Chinese Embassy in South Korea",
    "Consulate General in Osaka"."""
    n = len(tokens)
    if tokens[k].lower == "consulate" and k + 1 < n and tokens[k + 1].text == "General":
        return k + 1
    if tokens[k].lower not in _MISSIONS and not (
        tokens[k].text == "General" and k and tokens[k - 1].lower == "consulate"
    ):
        return None
    if k + 2 >= n or tokens[k + 1].text != "in" or not is_name_word(tokens[k + 2]):
        return None
    end = k + 2
    while end + 1 < n and is_name_word(tokens[end + 1]) and end - k < 4:
        end += 1
    place = " ".join(t.text for t in tokens[k + 2 : end + 1])
    return end if country_of(place) or place in CITIES else None


def _unit_of_name(tokens: list[Token], j: int) -> int | None:
    """Where a name right after an organization's keyword ends in a keyword of its own,
    within three words: the whole is one organization's unit."""
    for end in range(j, min(j + 3, len(tokens))):
        token = tokens[end]
        if token.is_cap and token.lower in ORG_KEYWORDS and not token.is_acronym:
            return end if end > j else None
        if not is_name_word(token) or token.is_acronym or token.lower in TITLE_STOPS:
            return None
    return None


def _extend_foreign(tokens: list[Token], k: int) -> int:
    """ "Academia Nacional de Ingenieria": the head comes first, its words after it."""
    n = len(tokens)
    right = k
    while right + 1 < n:
        nxt = tokens[right + 1]
        if is_name_word(nxt) and not nxt.is_acronym:
            right += 1
        elif nxt.lower in FOREIGN_NAME_LINKS and right + 2 < n and is_name_word(tokens[right + 2]):
            right += 2
        else:
            break
    return right


# Words in a name that make it a place where things are held, not an organization.
VENUE_WORDS = {"convention", "exhibition", "hotel", "stadium", "gymnasium", "auditorium"}
# A name followed by these names a programme: "the World Class University (WCU) project".
# So does a kind of document: "an Inter Agency Arrangement".
PROGRAM_WORDS = {
    "program",
    "programme",
    "project",
    "initiative",
    "scheme",
    "plan",
    "award",
    "arrangement",
    "agreement",
    "memorandum",
    "accord",
    "treaty",
}


def not_an_org(ctx: Context, org: OrgSpan) -> bool:
    tokens = ctx.tokens
    words = tokens[org.start_token : org.end_token + 1]
    if any(t.lower in VENUE_WORDS for t in words):
        return True  # "International Exhibition and Convention Center"
    after = org.end_token + 1
    if after + 1 < len(tokens) and tokens[after].text == "(":
        after = next(
            (j + 1 for j in range(after, min(after + 6, len(tokens))) if tokens[j].text == ")"),
            after,
        )
    if after < len(tokens) and tokens[after].lower in PROGRAM_WORDS:
        return True
    # "Korean-Chinese University Presidents Forum": the keyword names an event's audience.
    for j in range(org.end_token + 1, min(org.end_token + 5, len(tokens))):
        token = tokens[j]
        if token.is_cap and token.lower in EVENT_KEYWORDS:
            return True
        if not (is_name_word(token) or token.text in {"and", "&"}):
            break
    return False
