"""Organizations: capitalized names ending in a keyword ("... University", "Ministry of ..."),
their acronyms, sub-units and parents ("School of X of Y University"), and later references
by acronym."""

import re
from collections.abc import Mapping

from archive.countries import CITIES
from archive.importing.extract.context import Context, OrgSpan
from archive.importing.extract.facts import OrgFact
from archive.importing.extract.tokens import Token, is_name_word, tokenize
from archive.importing.extract.vocabulary import (
    COMPANY_SUFFIXES,
    COUNTRY_NAMES,
    EVENT_KEYWORDS,
    FOREIGN_NAME_LINKS,
    FOREIGN_ORG_HEADS,
    HONORIFICS,
    KNOWN_ORGANIZATIONS,
    NON_ORG_ACRONYMS,
    ORG_KEYWORDS,
    STOP_WORDS,
    SUBJECT_WORDS,
    TITLE_WORDS,
    TITLES_BEFORE_NAME,
    UNIT_KEYWORDS,
    country_of,
)
from archive.text import normalize_name

# Capitalized titles that end a name: "Ministry of Science and ICT Minister Choi".
_TITLE_STOPS = TITLE_WORDS - {"general", "member", "members", "fellow", "head"}
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
# Chinese sites in English write the place's level in lower case: "... of Shandong province".
_PLACE_LEVELS = {"province", "municipality", "prefecture"}
_APOSTROPHE_S = {"'s", "’s"}
_SUBJECT_ACRONYMS = {"ICT", "IT", "S&T", "R&D", "AI"}


def _org_spans(text: str, tokens: list[Token]) -> list[OrgSpan]:
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
        elif prev.text in _APOSTROPHE_S and left - 2 >= floor and tokens[left - 2].text == "People":
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
                or tokens[j].lower in _TITLE_STOPS
                or (nxt.text == "on" and tokens[j].lower in _CALENDAR)
            ):
                break
            right = _name_run(tokens, j)
        elif (end := _unit_of_name(tokens, right + 1)) is not None:
            right = end  # "Kyushu University Beppu Hospital"
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
        if not is_name_word(token) or token.is_acronym or token.lower in _TITLE_STOPS:
            return None
    return None


def _name_run(tokens: list[Token], j: int) -> int:
    """The end of the name that follows "of", "for" or "on" from token j."""
    n = len(tokens)
    right = j
    while right + 1 < n:
        ahead = tokens[right + 1]
        if ahead.is_cap and ahead.lower in _TITLE_STOPS:
            break
        if is_name_word(ahead) or (ahead.is_cap and ahead.lower in ORG_KEYWORDS):
            right += 1
        elif end := _joined_or_listed(tokens, right + 1):
            right = end
        elif (
            ahead.text in _APOSTROPHE_S
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
            or token.lower in _TITLE_STOPS
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
    raw = [org for org in _org_spans(body, tokens) if not _not_an_org(ctx, org)]
    spelled_out = _acronym_first_spans(ctx)
    acronym_before = {(o.start_token, o.end_token): o.key[1:] for o in spelled_out}
    raw = _merge_spans(raw, _known_spans(ctx) + spelled_out)
    i = 0
    while i < len(raw):
        current = raw[i]
        nxt = raw[i + 1] if i + 1 < len(raw) else None
        if current.key:  # a known name or one spelled out after its acronym
            _register_known(ctx, current)
            i += 1
            continue
        # "Institutes of Science and Development, Chinese Academy of Sciences (CASISD)":
        # a unit followed by ", <organization>" is that organization's unit.
        if (
            nxt is not None
            and not nxt.key
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
        if before := acronym_before.get((current.start_token, current.end_token)):
            acronym = (before, current.end_token)  # "NTA (Nordic Technology Alliance)"
        register_org(ctx, current, acronym)
        i += 1
    find_unit_lists(ctx, raw)
    join_repeated_units(ctx)
    find_acronym_references(ctx)
    find_acronyms_by_context(ctx)


# Words in a name that make it a place where things are held, not an organization.
_VENUE_WORDS = {"convention", "exhibition", "hotel", "stadium", "gymnasium", "auditorium"}
# A name followed by these names a programme: "the World Class University (WCU) project".
# So does a kind of document: "an Inter Agency Arrangement".
_PROGRAM_WORDS = {
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


def _not_an_org(ctx: Context, org: OrgSpan) -> bool:
    tokens = ctx.tokens
    words = tokens[org.start_token : org.end_token + 1]
    if any(t.lower in _VENUE_WORDS for t in words):
        return True  # "International Exhibition and Convention Center"
    after = org.end_token + 1
    if after + 1 < len(tokens) and tokens[after].text == "(":
        after = next(
            (j + 1 for j in range(after, min(after + 6, len(tokens))) if tokens[j].text == ")"),
            after,
        )
    if after < len(tokens) and tokens[after].lower in _PROGRAM_WORDS:
        return True
    # "Korean-Chinese University Presidents Forum": the keyword names an event's audience.
    for j in range(org.end_token + 1, min(org.end_token + 5, len(tokens))):
        token = tokens[j]
        if token.is_cap and token.lower in EVENT_KEYWORDS:
            return True
        if not (is_name_word(token) or token.text in {"and", "&"}):
            break
    return False


def _merge_spans(raw: list[OrgSpan], extra: list[OrgSpan]) -> list[OrgSpan]:
    """The spans the rules found, and those of `extra` that overlap none of them: the rules
    know a unit from its parent, a bare known name does not."""
    taken = set()
    for org in raw:
        taken.update(range(org.start_token, org.end_token + 1))
    kept = list(raw)
    for org in extra:
        tokens = range(org.start_token, org.end_token + 1)
        if not taken.intersection(tokens):
            kept.append(org)
            taken.update(tokens)
    return sorted(kept, key=lambda o: o.start_token)


class _NameIndex:
    """Names to find as written, by their first word: one dict lookup per token, however
    many names there are."""

    def __init__(self, names: Mapping[str, str]):
        self.first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for written, canonical in names.items():
            words = tuple(_fold(t.text) for t in tokenize(written))
            if not words or not _worth_finding(words):
                continue
            self.first.setdefault(words[0], []).append((words, canonical))
        for entries in self.first.values():
            entries.sort(key=lambda entry: -len(entry[0]))

    def find(self, words: list[str]) -> list[tuple[int, int, str]]:
        found = []
        first = self.first
        n = len(words)
        i = 0
        while i < n:
            entries = first.get(words[i])
            step = 1
            if entries:
                for name, canonical in entries:
                    end = i + len(name)
                    if end <= n and tuple(words[i:end]) == name:
                        found.append((i, end - 1, canonical))
                        step = len(name)
                        break
            i += step
        return found


def _fold(word: str) -> str:
    return word.replace("’", "'")


def _worth_finding(words: tuple[str, ...]) -> bool:
    """A known name is looked for when it is a name: capitalized (or in Chinese, Japanese or
    Korean script and two characters or more), and not one common word alone."""
    first = words[0]
    if first[:1].isascii():
        if not first[:1].isupper():
            return False
        if len(words) == 1:
            lower = first.lower()
            return not (
                lower in STOP_WORDS
                or lower in ORG_KEYWORDS
                or lower in TITLE_WORDS
                or first in COUNTRY_NAMES
                or first in NON_ORG_ACRONYMS
                or country_of(first)
            )
        return True
    return first[:1].isalpha() and len(words) >= 2


_BUILT_IN_NAMES = {name: name for name in KNOWN_ORGANIZATIONS}
_BUILT_IN = _NameIndex(_BUILT_IN_NAMES)
_cached: list = [None, -1, _BUILT_IN]  # the mapping last indexed, its size, its index


def _index_of(names: Mapping[str, str]) -> _NameIndex:
    """One index of the built-in names and the archive's, built once per mapping."""
    if not names:
        return _BUILT_IN
    if _cached[0] is not names or _cached[1] != len(names):
        _cached[:] = [names, len(names), _NameIndex({**_BUILT_IN_NAMES, **names})]
    return _cached[2]


def _known_spans(ctx: Context) -> list[OrgSpan]:
    """Well-known names and the names the archive knows, where the text writes them."""
    words = [t.text for t in ctx.tokens]
    if "’" in ctx.body:
        words = [_fold(word) for word in words]
    spans = []
    for start, end, canonical in _index_of(ctx.known_names).find(words):
        first, last = ctx.tokens[start], ctx.tokens[end]
        name = ctx.body[first.start : last.end]
        spans.append(OrgSpan(start, end, name, first.start, last.end, last.lower, canonical))
    return spans


def _acronym_first_spans(ctx: Context) -> list[OrgSpan]:
    """ "AU (Engineers Australia)": an acronym, then its name spelled out in brackets."""
    tokens = ctx.tokens
    n = len(tokens)
    spans = []
    for i, token in enumerate(tokens[:-3]):
        if not (
            token.is_acronym
            and token.text not in NON_ORG_ACRONYMS
            and token.text not in COUNTRY_NAMES
            and tokens[i + 1].text == "("
        ):
            continue
        close = next((j for j in range(i + 2, min(i + 10, n)) if tokens[j].text == ")"), 0)
        words = tokens[i + 2 : close]
        if (
            len(words) >= 2
            and is_name_word(words[0])
            and is_name_word(words[-1])
            and all(is_name_word(t) or t.lower in {"of", "for", "and", "the", "&"} for t in words)
            and not any(t.lower in _PROGRAM_WORDS | _VENUE_WORDS for t in words)
        ):
            first, last = words[0], words[-1]
            name = ctx.body[first.start : last.end]
            spans.append(
                OrgSpan(i + 2, close - 1, name, first.start, last.end, last.lower, "=" + token.text)
            )
    return spans


def _register_known(ctx: Context, org: OrgSpan) -> None:
    if org.key.startswith("="):  # spelled out after its acronym
        acronym, canonical = org.key[1:], org.name
    else:
        acronym, canonical = "", org.key
    key = ctx.add_org(org.name, ctx.span(org.start, org.end), acronym=acronym, head=org.head)
    fact = ctx.orgs[key]
    if canonical != org.name:
        fact.aliases.add(canonical)
    if acronym:
        fact.aliases.add(acronym)
        ctx.acronyms.setdefault(acronym, key)
    if fact.kind == "other":
        fact.kind = KNOWN_ORGANIZATIONS.get(canonical) or ORG_KEYWORDS.get(org.head, "other")
    org.key = key
    ctx.org_at[org.start_token] = OrgSpan(
        org.start_token, org.end_token, org.name, org.start, org.end, org.head, key
    )


_OF_COUNTRY = re.compile(
    r"\s+of\s+(?:the\s+)?(?:People's\s+Republic\s+of\s+China|Republic\s+of\s+Korea|"
    + "|".join(sorted(COUNTRY_NAMES))
    + r")$"
)


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
        # "Ministry of Education ... of Japan" is also written without its country
        if (m := _OF_COUNTRY.search(org.name)) and m.start() > 0:
            ctx.orgs[key].aliases.add(org.name[: m.start()])
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


# Words after which an unknown acronym is a place or a party: "held at MOST", "signed with
# POSTECH", "between KAIST and ...".
_PARTY_BEFORE = {"at", "with", "between", "from", "visited", "joined", "by"}


def find_acronyms_by_context(ctx: Context) -> None:
    """An acronym the article never spells out is an organization where the sentence
    treats it as one: after "at", "with", "between" ..., listed or joined by "and" with
    another organization, or before a title and a name ("KAIST President Lee")."""
    tokens = ctx.tokens
    n = len(tokens)
    ends = {org.end_token for org in ctx.org_at.values()}
    for i, token in enumerate(tokens):
        if (
            not token.is_acronym
            or i in ctx.org_at
            or token.text in ctx.acronyms
            or token.text in NON_ORG_ACRONYMS
            or token.text in COUNTRY_NAMES
            or len(token.text) < 3
            or not token.text.isalpha()
        ):
            continue
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1] if i + 1 < n else None
        if nxt is not None and (is_name_word(nxt) and nxt.lower not in TITLES_BEFORE_NAME):
            continue  # a word of a longer name: "the POSTECH Biotech Center"
        party = prev is not None and prev.lower in _PARTY_BEFORE
        after = i + 3 if i + 2 < n and tokens[i + 2].text == "the" else i + 2
        listed = (prev is not None and prev.text in {",", "and"} and i - 2 in ends) or (
            nxt is not None and nxt.text in {",", "and"} and after in ctx.org_at
        )
        titled = (
            nxt is not None
            and nxt.lower in TITLES_BEFORE_NAME
            and i + 2 < n
            and tokens[i + 2].is_cap
            and tokens[i + 2].lower not in STOP_WORDS
        )
        if not (party or listed or titled):
            continue
        ends.add(i)
        # "CASSID" in an article that spells out CASISD: the same letters, mistyped
        letters = sorted(token.text)
        twin = next(
            (
                key
                for known, key in ctx.acronyms.items()
                if len(known) >= 4 and sorted(known) == letters
            ),
            None,
        )
        if twin is None:
            acronym_org(ctx, i)
        else:
            ctx.orgs[twin].spans.append(ctx.span(token.start, token.end))
            ctx.org_at[i] = OrgSpan(i, i, token.text, token.start, token.end, "", twin)


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
