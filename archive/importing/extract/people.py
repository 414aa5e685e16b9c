"""People and their positions: a name followed by its titles ("Kim Min-su, president of the
X Institute"), titles before names ("President Moon Jae-in"), member lists, and later
references to a name already found."""

import re
from functools import lru_cache

from archive.countries import CITIES, COUNTRIES, COUNTRY_WORDS, PROVINCES
from archive.importing.extract.context import Context, OrgSpan
from archive.importing.extract.facts import PositionFact, Span
from archive.importing.extract.organizations import acronym_org
from archive.importing.extract.tokens import is_word_char
from archive.importing.extract.vocabulary import (
    COUNTRY_NAMES,
    EVENT_KEYWORDS,
    HONORIFICS,
    ORG_KEYWORDS,
    PLACE_WORDS,
    STOP_WORDS,
    SURNAMES,
    TITLE_WORDS,
    country_of,
)

# A name word: "Jianguo", "Byeong-taek", "Yoon-Ho".
_NAME_TOKEN = re.compile(r"^[A-Z][a-z]+(?:-[a-z]+|-[A-Z][a-z]+)?$")
# A surname in capitals, as news often writes it: "HE Minghong", "Prof. KIM Jae-hong".
_CAPS_TOKEN = re.compile(r"^[A-Z]{2,10}$")
_NOT_NAME = STOP_WORDS | ORG_KEYWORDS.keys() | EVENT_KEYWORDS.keys() | TITLE_WORDS | HONORIFICS
_NOT_NAME |= COUNTRY_WORDS.keys() | PLACE_WORDS
_PLACES = COUNTRY_NAMES | set(CITIES) | set(PROVINCES)
# Capitalized words that may stand right before a name: "Dr. Kim", "The Kim", "President Kim".
_HONORIFIC_OR_STOP = HONORIFICS | STOP_WORDS
_LEADS_TO_NAME = _HONORIFIC_OR_STOP | TITLE_WORDS
MIXED, CAPS, LAST = 1, 2, 3
# Surnames that are also common words: a name word only at a name's end ("Minghong He").
_WORD_SURNAMES = {"He", "Ma", "Long", "Song"}


@lru_cache(maxsize=65536)
def _name_word(text: str) -> bool:
    """A word that can be part of a name wherever it stands; cached, as the same capitalized
    words recur across articles."""
    return bool(_NAME_TOKEN.match(text)) and text.lower() not in _NOT_NAME and text not in _PLACES


def _name_classes(ctx: Context) -> list[int]:
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


def _valid_run(classes: list[int], start: int, end: int) -> bool:
    """Two to four words, at most one in capitals and only at either end of the name."""
    run = classes[start : end + 1]
    if not 2 <= len(run) <= 4 or 0 in run:
        return False
    caps = [k for k, c in enumerate(run) if c == CAPS]
    if LAST in run[:-1]:
        return False
    return len(caps) <= 1 and all(k in (0, len(run) - 1) for k in caps)


def _name_before(ctx: Context, index: int) -> tuple[int, int] | None:
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
    if not _valid_run(classes, start, index):
        return None
    before = tokens[start - 1] if start > 0 else None
    if (
        before is not None
        and before.is_cap
        and before.is_word
        and not before.is_acronym
        and before.lower not in _LEADS_TO_NAME
    ):
        return None  # part of a longer capitalized phrase, not a name
    return start, index


def _name_after(ctx: Context, index: int) -> tuple[int, int] | None:
    classes = ctx.name_classes
    end = index
    while end < len(classes) and end - index < 4 and classes[end]:
        end += 1
    end -= 1
    while end > index and classes[end] == CAPS and classes[end - 1] == CAPS:
        end -= 1
    if LAST in classes[index:end]:  # "Zhou said. He" never reads on past "He"
        end = index + classes[index:end].index(LAST)
    if not _valid_run(classes, index, end):
        return None
    return index, end


def find_people(ctx: Context) -> None:
    ctx.name_classes = _name_classes(ctx)
    find_names_before_titles(ctx)
    find_titles_with_names_after(ctx)
    find_titles_before_names(ctx)
    find_member_lists(ctx)
    find_names_standing_alone(ctx)
    find_later_references(ctx)
    drop_weaker_positions(ctx)


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
        name = _name_before(ctx, i - 1)
        if name is None or _inside_org(ctx, name[0]):
            continue
        if token.text == "(":
            _bracketed_title(ctx, name, i)
            continue
        names = [name]
        # "Tang Qian and Luo Yuanxin, vice deans of ..."
        if name[0] >= 3 and tokens[name[0] - 1].text == "and":
            first = _name_before(ctx, name[0] - 2)
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
    native = _NATIVE_AFTER.match(ctx.body, tokens[end].end)
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
            and tokens[pos - 1].lower in _LEADS_TO_NAME
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
        and not (country_of(place) or place in _PLACES)
        and not names_a_post(match.group("title"), "")
    ):
        # "founder of the Sakura Program": held at something that is no organization here;
        # the bare title still says the words before were a person's name
        return match.group("title")
    return match.group(0).strip()


_HONORIFIC_BEFORE = re.compile(r"(?=[MDP])\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+")
# The titles news puts before a name, capitalized: "Vice Minister", "Secretary-General",
# "Executive Director", "Charge d'Affaires", "Vice Presidents" (of a list of names).
_TITLE_MODIFIERS = (
    "Executive|Senior|Deputy|Vice|Associate|Assistant|Honorary|Former|Acting|First|Permanent|Prime"
)
_TITLE_HEADS = (
    "President|Chairman|Chairwoman|Chairperson|Chair|Director[ -]General|Director|"
    "Minister|Ambassador|Governor|Mayor|Premier|Dean|Secretary[ -]General|Secretary|"
    "Commissioner|Administrator|Chief Executive|CEO|Head|Consul[ -]General|"
    "Charg[eé] d['’]Affaires|Member|Academician|Professor|Rector|Provost|Chancellor|Chief"
)
_TITLE_BEFORE = re.compile(
    # the lookahead on the first letters lets the regex skip most positions at once
    "(?=["
    + "".join(sorted({w[0] for w in f"{_TITLE_MODIFIERS}|{_TITLE_HEADS}".split("|")}))
    + r"])\b(?P<title>(?:(?:"
    + _TITLE_MODIFIERS
    + r")[ -])*"
    r"(?:" + _TITLE_HEADS + r")(?P<plural>s)?)\s+"
)
# The words after an organization's name, up to the clause's end: "the OECD Secretary-
# General,", "KIER's chief scientist,".
# A title's first word as the title regexes read it: no portfolio before it.
_TITLE_START = {w.split("[")[0] for w in f"{_TITLE_MODIFIERS}|{_TITLE_HEADS}".split("|")}
_TITLE_ALONE = re.compile(
    r"(?:(?:" + _TITLE_MODIFIERS + r")[ -])*(?:" + _TITLE_HEADS + r")", re.IGNORECASE
)
_TITLE_AFTER_ORG = re.compile(r"(?:['’]s)?\s+(?P<title>[\w\-]+(?: [\w\-]+){0,3})(?=\s*[,.;)]|\s*$)")


def find_titles_before_names(ctx: Context) -> None:
    """ "Professor Yang Dan", "Dr. Hwang-hee Cho", "President Moon Jae-in of Korea",
    "Chinese President Xi Jinping", "RIKEN President Noyori Ryoji", "Chung-Ang University's
    President Park", "Vice President Jiang Bingmo from the ... Institute", "led by Secretary-
    General YANG Houlan", "Vice Presidents A and B"."""
    tokens = ctx.tokens
    for match in _HONORIFIC_BEFORE.finditer(ctx.body):
        index = ctx.token_index_at.get(match.end())
        name = _name_after(ctx, index) if index is not None else None
        if name is not None and name[0] not in ctx.person_at:
            record_person(ctx, *name, [])
    for match in _TITLE_BEFORE.finditer(ctx.body):
        index = ctx.token_index_at.get(match.end())
        if index is None or _heading(ctx.body, match.start()):
            continue  # "President Kim Visits Tsinghua": a headline's words run on
        names = []
        while index is not None and index < len(tokens):
            name = _name_after(ctx, index)
            if name is None:
                break
            names.append(name)
            if not match.group("plural"):
                break
            index = name[1] + 1
            while index < len(tokens) and tokens[index].text in {",", "and"}:
                index += 1
        if not names or _titled_here(ctx, names[0][0]):
            continue
        title = match.group("title")
        if match.group("plural"):
            title = title[:-1]
        title_start = ctx.token_index_at.get(match.start())
        offset = match.start()
        if title_start is not None and title.endswith("Minister"):
            title_start, title = _portfolio(ctx, title_start, title)
            offset = tokens[title_start].start
        for start, end in names:
            _title_before_name(ctx, title, title_start, offset, start, end)


def _titled_here(ctx: Context, index: int) -> bool:
    """The name at index was read already with a title ("A, president of X"); one read
    without ("A and B, president of X" for A) may still take the title before it."""
    found = ctx.person_at.get(index)
    return found is not None and any(p.person_key == found[1] for p in ctx.positions)


def _portfolio(ctx: Context, title_start: int, title: str) -> tuple[int, str]:
    """ "Food and Drug Safety Minister", "Korean Industry Minister": the capitalized words
    before a minister name the portfolio; a country word before them stays the owner."""
    tokens = ctx.tokens
    k = title_start - 1
    start = title_start
    while k >= 0 and title_start - k <= 5:
        token = tokens[k]
        if token.text in {"and", "&"} and start == k + 1 and k > 0 and tokens[k - 1].is_cap:
            k -= 1
            continue
        if (
            not (token.is_cap and token.is_word)
            or token.lower in STOP_WORDS
            or country_of(token.text)
            or k in ctx.person_at
            or any(o.end_token == k for o in ctx.org_at.values())
        ):
            break
        start = k
        k -= 1
    if start == title_start:
        return title_start, title
    words = ctx.body[tokens[start].start : tokens[title_start].start]
    return start, f"{words}{title}"


def _title_before_name(
    ctx: Context, title: str, title_start: int | None, offset: int, start: int, end: int
) -> None:
    tokens = ctx.tokens
    org_key, span_start, span_end, confidence = "", offset, tokens[end].end, 0.8
    country = ""
    if title_start is not None:  # before the title: "RIKEN President", "Chinese President"
        org, span_start, country = _owner_before(ctx, title_start)
        org_key = org or ""
    look = end + 1
    # after the name: "President Moon Jae-in of Korea", "... from the X Institute"
    if not org_key and look + 1 < len(tokens) and tokens[look].text in {"of", "from", "at"}:
        look += 2 if tokens[look + 1].text == "the" else 1
        org = ctx.org_starting_at(look) or _lone_acronym_org(ctx, look)
        if org is not None:
            org_key, span_end = org.key, tokens[org.end_token].end
        elif tokens[look].text in COUNTRY_NAMES and not country:
            title, span_end = f"{title} of {tokens[look].text}", tokens[look].end
    if country and " of " not in title and re.split(r"[ -]", title)[0] in _TITLE_START:
        title = f"{title} of {COUNTRIES[country]}"  # not after a portfolio: "Trade Minister"
    if not org_key and not country and title_start is not None:
        org_key = _sentence_owner(ctx, title_start, end)
        government = _GOVERNMENT_TITLE.search(title)
        if org_key and government and ctx.orgs[org_key].kind in _NOT_GOVERNMENT:
            org_key = ""  # "toured LG Electronics and met Minister Kim": a guess too far
        confidence = 0.5
    if not org_key:
        confidence = 0.6
    key = record_person(ctx, start, end, [])
    if names_a_post(title, org_key):
        ctx.positions.append(
            PositionFact(key, org_key, title, ctx.span(span_start, span_end), confidence)
        )
    person = ctx.persons[key]
    if not person.nationality:
        org = ctx.orgs.get(org_key)
        person.nationality = (org.country if org else "") or country or country_of(title)


# Posts of a government, guessed from the sentence only at a government body.
_GOVERNMENT_TITLE = re.compile(
    r"(?i)\b(?:minister|ambassador|governor|mayor|consul|charg[eé]|counsell?or|premier)"
)
_NOT_GOVERNMENT = {"company", "university", "institute", "association", "foundation", "academy"}
_AT_ORG = re.compile(r"(?:At|In)\s+(?:the\s+)?")
_ACRONYM_GAP = re.compile(r"\s*(?:\([A-Za-z&\-]+\)\s*)?")
_LED_BY = re.compile(r"\b(?:delegation|team|mission)\s+(?:\w+\s+){0,3}?(?:led|headed)\s+by\s+$")
# "a delegation from Kobe University (KU) headed by President Sato"
_DELEGATION_FROM = re.compile(r"\b(?:delegation|team|mission)\s+(?:from|of)\s+(?:the\s+)?$")
_LED_AFTER = re.compile(r"\s*(?:\([A-Za-z&\-]+\)\s*)?,?\s*(?:led|headed)\s+by\s+")
# "went to the X Embassy in Seoul and met Counsellor Kim", "X, where it met Vice President Lee":
# the person met at an organization the sentence visits belongs to it.
_MET_THERE = re.compile(
    r"(?:\s+in\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?)?"
    r"(?:\s*,\s*where\s+(?:it|he|she|they|we|the\s+\w+)|\s+and)\s+(?:also\s+)?"
    r"(?:met(?:\s+with)?|held\s+talks\s+with|talked\s+with|(?:was|were)\s+(?:received|welcomed)\s+by)"
    r"\s+"
)
# After the name, the organization the person acts for: "hosted ... at MOST", "represented
# ZZU at the forum", "attended for Kobe University", "spoke on behalf of the agency".
_ACTS_FOR = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:(?:hosted|welcomed)\b[^.;:]{0,60}?\bat|represented|"
    r"(?:attended|spoke|signed|participated)\s+(?:for|on\s+behalf\s+of))\s+(?:the\s+)?"
)
# "Vice President Piao was part of the group": a member of the delegation named before.
_IN_DELEGATION = re.compile(
    r"\s+(?:(?:was|were)\s+(?:also\s+)?(?:part\s+of|among|in|a\s+member\s+of|members\s+of)|"
    r"(?:also\s+)?(?:joined|accompanied))\s+the\s+(?:delegation|group|team|party)\b"
)
_DELEGATION_AFTER = re.compile(r"\s*(?:\([A-Za-z&\-]+\)\s*)?(?:delegation|team|mission)\b")


def _sentence_owner(ctx: Context, title_start: int, name_end: int) -> str:
    """The organization a sentence ties a title to, without naming it next to the title:
    "At Korea University, President Kim ...", "a Fudan University delegation led by
    President Jin ...", "X University's President A and Vice President B", "visited X and
    met Vice President A", "Vice Minister B hosted, at MOST, ..."."""
    tokens, body = ctx.tokens, ctx.body
    offset = tokens[title_start].start
    sentence_start, sentence_end = ctx.sentence_of(offset)
    opening = _AT_ORG.match(body, sentence_start)
    if opening:
        org = ctx.org_starting_at(ctx.token_index_at.get(opening.end(), -1))
        after = org.end_token + 1 if org else -1
        if org and after < title_start and tokens[after].text == "," and org.key in ctx.orgs:
            return org.key
    before = [
        o
        for o in ctx.org_at.values()
        if sentence_start <= o.start and o.end <= offset and o.key in ctx.orgs
    ]
    led = _LED_BY.search(body, sentence_start, offset)
    if led:
        for org in before:
            if _ACRONYM_GAP.fullmatch(body[org.end : led.start()]):
                return org.key
    for org in sorted(before, key=lambda o: -o.start):
        if _LED_AFTER.fullmatch(body, org.end, offset) and _DELEGATION_FROM.search(
            body, sentence_start, org.start
        ):
            return org.key
        if _MET_THERE.fullmatch(body, org.end, offset):
            return org.key
    acts = _ACTS_FOR.match(body, tokens[name_end].end, sentence_end)
    at = ctx.token_index_at.get(acts.end(), -1) if acts else -1
    if at >= 0:
        org = ctx.org_starting_at(at) or _lone_acronym_org(ctx, at)
        if org is not None and org.key in ctx.orgs:
            return org.key
    if _IN_DELEGATION.match(body, tokens[name_end].end, sentence_end):
        return _delegation_org(ctx, offset)
    if title_start >= 2 and tokens[title_start - 1].text == "and":
        named = ctx.person_at.get(title_start - 2)
        if named is not None:
            end = tokens[title_start - 2].end
            for position in reversed(ctx.positions):
                if position.person_key == named[1] and position.span.end == end:
                    return position.org_key
    return ""


def _lone_acronym_org(ctx: Context, index: int) -> OrgSpan | None:
    """An acronym standing alone as an organization; "the COEX Exhibition Center" is a longer
    name that only starts with one."""
    after = ctx.tokens[index + 1] if index + 1 < len(ctx.tokens) else None
    if after is not None and after.is_cap and after.is_word:
        return None
    return acronym_org(ctx, index)


def _delegation_org(ctx: Context, offset: int) -> str:
    """The organization of the last delegation named before offset: "a Fudan University
    (FDU) delegation", "a delegation from Fudan University"."""
    body = ctx.body
    best = None
    for org in ctx.org_at.values():
        if org.end > offset or org.key not in ctx.orgs or (best and org.start < best.start):
            continue
        if _DELEGATION_AFTER.match(body, org.end) or _DELEGATION_FROM.search(
            body, max(0, org.start - 30), org.start
        ):
            best = org
    return best.key if best else ""


def _owner_before(ctx: Context, title_start: int) -> tuple[str | None, int, str]:
    """Who the title before a name belongs to, from the words before it: an organization
    ("RIKEN President", "Chung-Ang University's President", "CAE Members"), the first word
    of one named in the article ("Tsinghua Vice President"), or a country ("Chinese
    President", "South Korea's president"). Returns (org key, offset where it starts,
    country)."""
    tokens = ctx.tokens
    offset = tokens[title_start].start
    k = title_start - 1
    if k >= 0 and tokens[k].text in {"'s", "’s"}:
        k -= 1
    if k < 0 or "\n" in ctx.body[tokens[k].end : offset]:
        return None, offset, ""  # a word ending the line before owns nothing here
    before = tokens[k]
    for org in ctx.org_at.values():
        if org.end_token == k and org.key in ctx.orgs:
            return org.key, org.start, ""
    if before.is_acronym and before.text in ctx.acronyms:
        return ctx.acronyms[before.text], before.start, ""
    if before.is_acronym and before.text not in COUNTRY_NAMES:
        # an acronym the article never spells out: "CAE Member", as "President of STEPI"
        org = acronym_org(ctx, k)
        if org is not None:
            return org.key, before.start, ""
    title = tokens[title_start].lower
    # "Tsinghua Vice President", "Zhejiang President": the first word of an organization the
    # article names; a city or province word is one too, but not before a mayor or governor
    if (
        before.is_cap
        and before.is_word
        and not before.is_acronym
        and title not in {"mayor", "governor"}
        and (before.lower not in _NOT_NAME or before.text in CITIES or before.text in PROVINCES)
    ):
        prefix = before.lower + " "
        for key, org in ctx.orgs.items():
            if org.name.lower().startswith(prefix):
                return key, before.start, ""
    # "Kyushu U President", "Seoul Nat Univ President": a short form of a named organization,
    # its words the first ones of the name, each a beginning of the name's word
    if k >= 1 and before.is_cap and tokens[k - 1].is_cap and tokens[k - 1].is_word:
        short = [tokens[k - 1].lower, before.lower]
        for key, org in ctx.orgs.items():
            words = org.name.lower().split()
            if (
                len(words) >= 2
                and words[0] == short[0]
                and words[1].startswith(short[1])
                and words[1] != short[1]
            ):
                return key, tokens[k - 1].start, ""
    country = country_of(before.text)
    if country:
        return None, before.start, country
    return None, offset, ""


_TITLE_THEN_NAME = re.compile(
    r"(?=[Tt])\b[Tt]he (?P<title>(?:[a-z\-]+ ){0,2}(?:governor|mayor|president|minister|ambassador|"
    r"director|chairman|head|secretary)) of (?P<place>[^,.]{3,40}), "
)


def find_titles_with_names_after(ctx: Context) -> None:
    """ "The governor of this province, Xu Kunlin, pointed to ...": "this province" is the
    province the text named last."""
    for match in _TITLE_THEN_NAME.finditer(ctx.body):
        index = ctx.token_index_at.get(match.end())
        name = _name_after(ctx, index) if index is not None else None
        if name is None or name[0] in ctx.person_at:
            continue
        place = match.group("place")
        if re.fullmatch(r"(?:this|the) province", place):
            earlier = [
                (m.start(), province)
                for province in PROVINCES
                for m in re.finditer(rf"\b{province}\b", ctx.body[: match.start()])
            ]
            if not earlier:
                continue
            place = max(earlier)[1]
        title = f"{match.group('title')} of {place}"
        key = record_person(ctx, *name, [(title, "", ctx.span(match.start(), match.end() - 2))])
        ctx.persons[key].nationality = ctx.persons[key].nationality or country_of(place)


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
            name = _name_after(ctx, index)
            if name is None:
                break
            start, end = name
            span = ctx.span(tokens[start].start, tokens[end].end)
            record_person(ctx, start, end, [("member", org_key, span)])
            index = end + 1
            while index < len(tokens) and tokens[index].text in {",", "and"}:
                index += 1


_HYPHENATED_GIVEN = re.compile(r"^[A-Z][a-z]+-[a-z]+$")


def find_names_standing_alone(ctx: Context) -> None:
    """Names no title introduces: "Zhou Xiaoqin said", "alma mater of Park Chung-hee",
    "Hou Jianguo (侯建国)". Two or three name words with a known surname at either end or
    a hyphenated Korean given name ("Chung-hee"), not inside a longer capitalized phrase,
    nor in a headline-like line."""
    tokens, classes, body = ctx.tokens, ctx.name_classes, ctx.body
    n = len(tokens)
    i = 0
    # only name words can start a run: visit those, in order, past the run read last
    for first in [k for k, c in enumerate(classes) if c]:
        if first < i or first in ctx.person_at:
            continue
        i = first
        end = i
        while end + 1 < n and classes[end + 1]:
            end += 1
        start, stop = i, end
        i = end + 1
        if not 2 <= stop - start + 1 <= 3 or not _valid_run(classes, start, stop):
            continue
        before = tokens[start - 1] if start else None
        after = tokens[stop + 1] if stop + 1 < n else None
        if (
            before is not None
            and before.is_cap
            and not before.is_acronym
            and before.lower not in _HONORIFIC_OR_STOP
        ):
            continue
        # "Science and Technology Park": a capitalized phrase joined by "and", "of", "&"
        if (
            start >= 2
            and before is not None
            and before.text in {"and", "of", "&", "for"}
            and tokens[start - 2].is_cap
        ):
            continue
        if after is not None and after.is_cap and after.is_word:
            continue
        if any(
            start <= o.start_token <= stop or o.start_token <= start <= o.end_token
            for o in ctx.org_at.values()
        ):
            continue
        words = tokens[start : stop + 1]
        native = _NATIVE_AFTER.match(body, words[-1].end)
        known_surname = words[0].lower in SURNAMES or words[-1].lower in SURNAMES
        hyphenated = any(_HYPHENATED_GIVEN.match(t.text) for t in words)
        if not (native or known_surname or hyphenated) or _headline_like(body, words[0].start):
            continue
        if _CREDIT.search(body, max(0, words[0].start - 30), words[0].start):
            continue
        key = record_person(ctx, start, stop, [], confidence=0.6)
        if native:
            ctx.persons[key].native_name = ctx.persons[key].native_name or native.group(1)


_NATIVE_AFTER = re.compile(
    r"\s*[(（]\s*([\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3·・]{2,12})\s*[)）]"
)


# Page furniture that names people who are not in the story: "(Photo by X)", "By X / Staff
# Writer", "Editor: X".
_CREDIT = re.compile(
    r"(?:(?i:photos?|photographs?|pictures?|images?|written|edited|reported)\s+by|"
    r"(?:^|\n)\s*By|(?i:editor|reporter|writer|photo|source|author)\s*[:：])\s*$"
)


def _headline_like(body: str, offset: int) -> bool:
    """A line whose words are mostly capitalized: a headline or a caption's label."""
    line_start = body.rfind("\n", 0, offset) + 1
    line_end = body.find("\n", offset)
    words = body[line_start : line_end if line_end != -1 else len(body)].split()
    words = [w for w in words if w[0].isalpha()]
    capitalized = sum(w[0].isupper() for w in words)
    return len(words) >= 3 and capitalized > 0.7 * len(words)


def _heading(body: str, offset: int) -> bool:
    """A headline or subhead standing in the body: mostly capitalized words, and no
    sentence's end mark at the line's end."""
    line_end = body.find("\n", offset)
    line = body[body.rfind("\n", 0, offset) + 1 : line_end if line_end != -1 else len(body)]
    return not line.rstrip().endswith((".", "!", "?", ":", '"', "”", "。")) and _headline_like(
        body, offset
    )


def drop_weaker_positions(ctx: Context) -> None:
    """A title stated with its organization makes the same title stated without one (or
    guessed from the sentence) redundant: "Prof. Yang Wei, President of X ... President
    Yang Wei chaired"."""
    with_org: dict[str, list[tuple[str, float]]] = {}
    for p in ctx.positions:
        if p.org_key:
            with_org.setdefault(p.person_key, []).append((p.title.lower(), p.confidence))
    kept = []
    for p in ctx.positions:
        title = p.title.lower()
        better = [
            c
            for t, c in with_org.get(p.person_key, [])
            if _title_holds(t, title) and (not p.org_key or c > p.confidence)
        ]
        if not better:
            kept.append(p)
    ctx.positions[:] = kept


def _title_holds(one: str, other: str) -> bool:
    a, b = f" {one.replace('-', ' ')} ", f" {other.replace('-', ' ')} "
    return a in b or b in a


def find_later_references(ctx: Context) -> None:
    body = ctx.body
    for fact in ctx.persons.values():
        # str.find, not a regex per name: thousands of names overflow re's cache
        start = body.find(fact.name)
        while start != -1:
            end = start + len(fact.name)
            if not is_word_char(body, start - 1) and not is_word_char(body, end):
                span = ctx.span(start, end)
                if span not in fact.spans:
                    fact.spans.append(span)
            start = body.find(fact.name, start + 1)


# -- agreements ------------------------------------------------------------------------
