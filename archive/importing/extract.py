"""Extraction: organizations, people and their positions, agreements and events, each with the
span of the body that states it. Deterministic rules, no model and no network.

Pure: a body (and the acronyms the archive already knows) in, plain data out. Keys are
normalized names, so the resolve stage can match them against the database."""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar, NamedTuple

from archive.countries import CITIES, COUNTRIES, COUNTRY_WORDS, PROVINCES
from archive.importing.dates import find_event_dates
from archive.text import normalize_name

# ---------------------------------------------------------------------------------------------
# What extraction returns


class Span(NamedTuple):
    """Where a fact stands in the body. A tuple: cheap to send back from a worker process."""

    start: int
    end: int
    text: str


@dataclass
class OrgFact:
    key: str
    name: str
    acronym: str = ""
    kind: str = "other"
    country: str = ""
    parent_key: str = ""
    aliases: set[str] = field(default_factory=set)
    spans: list[Span] = field(default_factory=list)
    confidence: float = 0.8


@dataclass
class PersonFact:
    key: str
    name: str
    nationality: str = ""
    spans: list[Span] = field(default_factory=list)
    confidence: float = 0.8


@dataclass
class PositionFact:
    person_key: str
    org_key: str  # "" when the title names no organization ("mayor of Chongqing")
    title: str
    span: Span
    confidence: float


@dataclass
class AgreementFact:
    kind: str
    title: str
    signed_on: date | None
    party_keys: list[str]
    signatories: list[tuple[str, str]]  # (person key, organization key or "")
    summary: str
    span: Span
    confidence: float

    @property
    def fingerprint(self) -> str:
        when = self.signed_on.isoformat() if self.signed_on else "undated"
        return f"{self.kind}|{when}|{'|'.join(sorted(self.party_keys))}"[:300]


@dataclass
class EventFact:
    name: str
    kind: str
    start_date: date | None = None
    end_date: date | None = None
    date_precision: str = "unknown"
    city: str = ""
    region: str = ""
    country: str = ""
    spans: list[Span] = field(default_factory=list)
    # (role, "organization" or "person", key, span)
    participants: list[tuple[str, str, str, Span]] = field(default_factory=list)
    confidence: float = 0.7

    @property
    def fingerprint(self) -> str:
        year = self.start_date.year if self.start_date else "undated"
        return f"{normalize_name(self.name)}|{year}"[:300]


@dataclass
class Extraction:
    organizations: dict[str, OrgFact]
    persons: dict[str, PersonFact]
    positions: list[PositionFact]
    agreements: list[AgreementFact]
    events: list[EventFact]


# ---------------------------------------------------------------------------------------------
# Vocabulary

ORG_KEYWORDS = {
    "academy": "academy",
    "academies": "academy",
    "university": "university",
    "college": "university",
    "institute": "institute",
    "institutes": "institute",
    "laboratory": "institute",
    "laboratories": "institute",
    "association": "association",
    "society": "association",
    "societies": "association",
    "federation": "association",
    "union": "association",
    "council": "association",
    "foundation": "foundation",
    "agency": "government",
    "ministry": "government",
    "bureau": "government",
    "commission": "government",
    "administration": "government",
    "committee": "government",
    "government": "government",
    "center": "institute",
    "centre": "institute",
    "office": "department",
    "department": "department",
    "school": "department",
    "faculty": "department",
    "division": "department",
    "group": "company",
    "company": "company",
    "corporation": "company",
    "holdings": "company",
}
# Heads of sub-units: "School of Mechanical Engineering of Chongqing University".
UNIT_KEYWORDS = {
    "school",
    "college",
    "faculty",
    "department",
    "office",
    "division",
    "laboratory",
    "institutes",
    "center",
    "centre",
}
COMPANY_SUFFIXES = {"Co", "Ltd", "Inc", "Corp", "LLC", "PLC"}
EVENT_KEYWORDS = {
    "forum": "forum",
    "conference": "conference",
    "summit": "conference",
    "symposium": "conference",
    "congress": "conference",
    "seminar": "conference",
    "workshop": "conference",
    "exhibition": "exhibition",
    "expo": "exhibition",
    "fair": "exhibition",
    "exchange": "exchange",
    "meeting": "meeting",
    "dialogue": "meeting",
}
TITLE_WORDS = {
    "president",
    "vice-president",
    "chairman",
    "chairwoman",
    "chair",
    "vice-chairman",
    "vice-chairwoman",
    "director",
    "secretary",
    "dean",
    "deans",
    "professor",
    "representative",
    "consultant",
    "member",
    "members",
    "academician",
    "mayor",
    "governor",
    "ambassador",
    "minister",
    "ceo",
    "head",
    "leader",
    "manager",
    "executive",
    "officer",
    "researcher",
    "founder",
    "chief",
    "deputy",
    "adviser",
    "advisor",
    "assistant",
    "commissioner",
    "counselor",
    "counsellor",
    "spokesperson",
    "principal",
    "fellow",
    "scientist",
    "vice",
    "general",
    "premier",
    "attorney",
}
HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "professor", "academician"}
# Capitalized titles that may stand before a name: "President Moon Jae-in".
TITLES_BEFORE_NAME = {
    "president",
    "vice president",
    "chairman",
    "chairwoman",
    "director",
    "minister",
    "vice minister",
    "ambassador",
    "governor",
    "mayor",
    "premier",
    "secretary",
    "dean",
}
# Capitalized words that never begin or continue a name.
STOP_WORDS = {
    "the",
    "a",
    "an",
    "at",
    "in",
    "on",
    "during",
    "from",
    "with",
    "by",
    "for",
    "of",
    "and",
    "this",
    "that",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "we",
    "they",
    "it",
    "he",
    "she",
    "also",
    "first",
    "second",
    "third",
    "furthermore",
    "besides",
    "accordingly",
    "through",
    "according",
    "after",
    "before",
    "since",
    "as",
    "under",
    "over",
    "more",
    "all",
    "both",
    "each",
    "some",
    "many",
    "most",
    "other",
    "another",
    "such",
    "while",
    "when",
    "where",
    "which",
    "who",
    "whom",
    "what",
    "there",
    "here",
    "then",
    "thus",
    "however",
    "moreover",
    "meanwhile",
    "attendants",
    "responsible",
    "representatives",
    "staff",
    "officers",
    "researchers",
    "scholars",
    "delegation",
    "event",
    "forum",
    "mou",
    "tag",
    "home",
    "news",
    "contents",
    "latest",
    "about",
    "into",
    "between",
    "among",
    "via",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "internet",
    "belt",
    "road",
    "initiative",
}
COUNTRY_NAMES = {
    "China",
    "Korea",
    "Japan",
    "USA",
    "ROK",
    "DPRK",
    "Germany",
    "France",
    "Russia",
    "India",
    "Singapore",
    "Vietnam",
    "Mongolia",
}

# ---------------------------------------------------------------------------------------------
# Tokens


@dataclass(slots=True)
class Token:
    """A word or mark of the body, with its offsets; its traits are worked out once."""

    text: str
    start: int
    end: int
    lower: str
    is_cap: bool
    is_acronym: bool
    is_word: bool


_TOKEN = re.compile(r"[A-Za-z](?:[A-Za-z0-9\-]|&(?=[A-Z]))*|\d+(?:st|nd|rd|th)?|['’]s\b|\S")


def tokenize(text: str) -> list[Token]:
    # The hottest loop of the import: one pass, the traits from cheap string methods.
    tokens = []
    append = tokens.append
    for match in _TOKEN.finditer(text):
        word = match.group()
        start, end = match.span()
        if word[0].isupper():
            # an acronym has no lower-case letter and at least two capitals ("CAS", "R&D")
            acronym = word.isupper() and sum(c.isupper() for c in word) > 1
            append(Token(word, start, end, word.lower(), True, acronym, True))
        else:
            append(Token(word, start, end, word.lower(), False, False, word[0].isalnum()))
    return tokens


_ABBREVIATION_END = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Co|St|Jr|No|U\.S|vs|Inc|Corp)|\b[A-Z])$")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans; an abbreviation's period ("Dr.", "Co.") does not end a sentence."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in re.finditer(r"[.!?](?=\s+[A-Z“\"(\d]|\s*\n|\s*$)|\n\n", text):
        if match.group() == "." and _ABBREVIATION_END.search(text[start : match.start()]):
            continue
        spans.append((start, match.end()))
        start = match.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


# ---------------------------------------------------------------------------------------------
# Organizations


@dataclass
class _OrgSpan:
    start_token: int
    end_token: int  # inclusive
    name: str
    start: int
    end: int
    head: str  # the keyword that made it an organization ("" for an acronym)
    key: str = ""


def _is_name_word(token: Token) -> bool:
    return token.is_cap and token.is_word and token.lower not in STOP_WORDS


def _org_spans(text: str, tokens: list[Token]) -> list[_OrgSpan]:
    spans: list[_OrgSpan] = []
    n = len(tokens)
    k = 0
    floor = 0  # a name never reaches back into the one before it
    while k < n:
        token = tokens[k]
        if not (token.is_cap and token.lower in ORG_KEYWORDS) or token.is_acronym:
            k += 1
            continue
        left = k
        while left > floor:
            prev = tokens[left - 1]
            if _is_name_word(prev) and prev.lower not in ORG_KEYWORDS:
                left -= 1
            elif (
                prev.text in {"and", "&"}
                and left - 2 >= floor
                and _is_name_word(tokens[left - 2])
                and tokens[left - 2].lower not in ORG_KEYWORDS
                and not tokens[left - 2].is_acronym
            ):
                left -= 2
            else:
                break
        right = _extend_right(tokens, k)
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
        spans.append(_OrgSpan(left, right, text[start:end], start, end, token.lower))
        k = floor = right + 1
    return spans


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
            if j < n and tokens[j].text == "the" and nxt.text == "of":
                j += 1
            if j >= n or not _is_name_word(tokens[j]):
                break
            right = j
            while right + 1 < n:
                ahead = tokens[right + 1]
                if _is_name_word(ahead) or (ahead.is_cap and ahead.lower in ORG_KEYWORDS):
                    right += 1
                elif (
                    ahead.text in {"and", "&"}
                    and right + 2 < n
                    and _is_name_word(tokens[right + 2])
                    and not tokens[right + 2].is_acronym
                    and tokens[right + 2].lower not in UNIT_KEYWORDS
                ):
                    right += 2
                else:
                    break
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


_COUNTRY_WORD = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(w) for w in sorted(COUNTRY_WORDS, key=len, reverse=True))
    + r")(?!\w)"
)


def country_of(text: str) -> str:
    """The country a name or phrase ties itself to, by its first country word."""
    match = _COUNTRY_WORD.search(text.lower())
    return COUNTRY_WORDS[match.group(1)] if match else ""


# ---------------------------------------------------------------------------------------------
# People


_NAME_TOKEN = re.compile(r"^[A-Z][a-z]+(?:-[a-z]+|-[A-Z][a-z]+)?$")


def _is_person_token(token: Token) -> bool:
    return (
        bool(_NAME_TOKEN.match(token.text))
        and token.lower not in STOP_WORDS
        and token.lower not in ORG_KEYWORDS
        and token.lower not in EVENT_KEYWORDS
        and token.lower not in TITLE_WORDS
        and token.lower not in HONORIFICS
        and token.text not in COUNTRY_NAMES
        and token.text not in CITIES
        and token.text not in PROVINCES
        and token.lower not in COUNTRY_WORDS
    )


def _name_before(tokens: list[Token], index: int) -> tuple[int, int] | None:
    """The person name ending at tokens[index]: two to four name words, read leftwards."""
    start = index
    while start >= 0 and index - start < 4 and _is_person_token(tokens[start]):
        start -= 1
    start += 1
    if index - start + 1 < 2:
        return None
    before = tokens[start - 1] if start > 0 else None
    if (
        before is not None
        and before.is_cap
        and before.is_word
        and before.lower not in HONORIFICS | STOP_WORDS | TITLE_WORDS
    ):
        return None  # part of a longer capitalized phrase, not a name
    return start, index


def _name_after(tokens: list[Token], index: int) -> tuple[int, int] | None:
    end = index
    while end < len(tokens) and end - index < 4 and _is_person_token(tokens[end]):
        end += 1
    if end - index < 2:
        return None
    return index, end - 1


# ---------------------------------------------------------------------------------------------
# The extractor


def _is_word_char(text: str, index: int) -> bool:
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] == "_")


class _Extractor:
    def __init__(self, body: str, title: str, known_acronyms: Mapping[str, str], year: int | None):
        self.body = body
        self.title = title
        self.tokens = tokenize(body)
        self.known_acronyms = known_acronyms
        self.year = year
        self.sentences = sentences(body)
        self.orgs: dict[str, OrgFact] = {}
        self.persons: dict[str, PersonFact] = {}
        self.positions: list[PositionFact] = []
        self.agreements: list[AgreementFact] = []
        self.events: list[EventFact] = []
        self.acronyms: dict[str, str] = {}  # acronym -> org key, as this article defines them
        # "school of power engineering" -> the key of that school with its parent, here only
        self.unit_heads: dict[str, str] = {}
        self.org_at: dict[int, _OrgSpan] = {}  # token index where an org span starts -> span
        self.person_at: dict[int, tuple[int, str]] = {}  # token index -> (end token, key)
        self.token_index_at = {t.start: i for i, t in enumerate(self.tokens)}

    # -- helpers ---------------------------------------------------------------------------

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.body[start:end])

    def sentence_of(self, offset: int) -> tuple[int, int]:
        for start, end in self.sentences:
            if start <= offset < end:
                return start, end
        return 0, len(self.body)

    def add_org(
        self,
        name: str,
        span: Span,
        *,
        acronym: str = "",
        head: str = "",
        confidence: float = 0.8,
        parent_key: str = "",
    ) -> str:
        key = normalize_name(name)
        fact = self.orgs.get(key)
        if fact is None:
            fact = self.orgs[key] = OrgFact(
                key=key,
                name=name,
                kind=ORG_KEYWORDS.get(head, "other"),
                country=country_of(name),
                confidence=confidence,
            )
        if acronym and not fact.acronym:
            fact.acronym = acronym
        if parent_key and not fact.parent_key:
            fact.parent_key = parent_key
            fact.country = self.orgs[parent_key].country
        if span not in fact.spans:
            fact.spans.append(span)
        return key

    def add_person(self, name: str, span: Span, confidence: float = 0.8) -> str:
        key = normalize_name(name)
        fact = self.persons.get(key)
        if fact is None:
            fact = self.persons[key] = PersonFact(key=key, name=name, confidence=confidence)
        if span not in fact.spans:
            fact.spans.append(span)
        return key

    # -- organizations ---------------------------------------------------------------------

    def find_organizations(self) -> None:
        body, tokens = self.body, self.tokens
        raw = _org_spans(body, tokens)
        i = 0
        while i < len(raw):
            current = raw[i]
            nxt = raw[i + 1] if i + 1 < len(raw) else None
            # "Institutes of Science and Development, Chinese Academy of Sciences (CASISD)":
            # a unit followed by ", <organization>" is that organization's unit.
            if (
                nxt is not None
                and current.head in UNIT_KEYWORDS
                and nxt.start_token == current.end_token + 2
                and tokens[current.end_token + 1].text == ","
            ):
                acronym = _acronym_after(body, tokens, nxt.end_token, nxt.name)
                parent_key = self.register_org(
                    nxt, acronym if acronym and _initials_match(acronym[0], nxt.name) else None
                )
                unit_name = f"{current.name}, {self.orgs[parent_key].name}"
                span = self.span(current.start, nxt.end)
                own_acronym = (
                    acronym[0] if acronym and not _initials_match(acronym[0], nxt.name) else ""
                )
                key = self.add_org(
                    unit_name,
                    span,
                    acronym=own_acronym,
                    head=current.head,
                    confidence=0.75,
                    parent_key=parent_key,
                )
                if own_acronym:
                    self.acronyms[own_acronym] = key
                    self.orgs[key].aliases.add(own_acronym)
                current.key = key
                self.org_at[current.start_token] = _OrgSpan(
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
            self.register_org(current, acronym)
            i += 1
        self.find_unit_lists(raw)
        self.join_repeated_units()
        self.find_acronym_references()

    def register_org(self, org: _OrgSpan, acronym: tuple[str, int] | None) -> str:
        """Record one organization span; a unit "X of Y" becomes X with parent Y."""
        tokens = self.tokens
        split = self.unit_split(org)
        owner = tokens[org.start_token - 2] if org.start_token >= 2 else None
        if (
            split is None
            and owner is not None
            and org.head in UNIT_KEYWORDS
            and tokens[org.start_token - 1].text in {"'s", "’s"}
            and owner.text in self.acronyms
        ):
            # "CAST's Department of International Affairs"
            parent_key = self.acronyms[owner.text]
            self.orgs[parent_key].spans.append(self.span(owner.start, owner.end))
            key = self.add_org(
                f"{org.name}, {self.orgs[parent_key].name}",
                self.span(org.start, org.end),
                head=org.head,
                confidence=0.75,
                parent_key=parent_key,
            )
            self.orgs[key].aliases.add(f"{owner.text}'s {org.name}")
        elif split is not None:
            head_end, tail_start = split
            tail_tokens = tokens[tail_start : org.end_token + 1]
            tail_name = self.body[tail_tokens[0].start : tail_tokens[-1].end]
            if len(tail_tokens) == 1 and tail_tokens[0].text in self.acronyms:
                parent_key = self.acronyms[tail_tokens[0].text]
                self.orgs[parent_key].spans.append(
                    self.span(tail_tokens[0].start, tail_tokens[0].end)
                )
            else:
                tail_head = next(
                    (t.lower for t in reversed(tail_tokens) if t.lower in ORG_KEYWORDS), ""
                )
                parent_key = self.add_org(
                    tail_name, self.span(tail_tokens[0].start, tail_tokens[-1].end), head=tail_head
                )
            head_name = self.body[org.start : tokens[head_end].end]
            unit_name = f"{head_name}, {self.orgs[parent_key].name}"
            key = self.add_org(
                unit_name,
                self.span(org.start, org.end),
                head=org.head,
                confidence=0.75,
                parent_key=parent_key,
            )
            self.orgs[key].aliases.add(org.name)
            self.unit_heads[normalize_name(head_name)] = key
        else:
            key = self.add_org(org.name, self.span(org.start, org.end), head=org.head)
        end_token = org.end_token
        if acronym:
            text, end_token = acronym
            self.orgs[key].acronym = self.orgs[key].acronym or text
            self.orgs[key].aliases.add(text)
            self.orgs[key].confidence = max(self.orgs[key].confidence, 0.95)
            self.acronyms.setdefault(text, key)
        # "Georgia Tech of the USA": a country right after the name places the organization.
        after = self.body[self.tokens[end_token].end : self.tokens[end_token].end + 20]
        if m := re.match(r"\)?\s+(?:of|in) the (USA|U\.S\.|ROK|PRC)\b", after):
            self.orgs[key].country = self.orgs[key].country or country_of(m.group(1))
        org.key = key
        self.org_at[org.start_token] = _OrgSpan(
            org.start_token, end_token, org.name, org.start, org.end, org.head, key
        )
        return key

    def unit_split(self, org: _OrgSpan) -> tuple[int, int] | None:
        """Where "School of Mechanical Engineering of Chongqing University" splits into
        unit and parent: the last "of" whose tail is itself an organization."""
        if org.head not in UNIT_KEYWORDS:
            return None
        tokens = self.tokens
        for j in range(org.end_token, org.start_token, -1):
            if tokens[j].text != "of":
                continue
            tail_start = j + 1
            if tokens[tail_start].text == "the":
                tail_start += 1
            tail = tokens[tail_start : org.end_token + 1]
            if not tail:
                return None
            if (len(tail) == 1 and tail[0].text in self.acronyms) or (
                len(tail) > 1
                and tail[-1].lower in ORG_KEYWORDS
                and tail[-1].lower not in UNIT_KEYWORDS
            ):
                return j - 1, tail_start
        return None

    def find_unit_lists(self, raw: list[_OrgSpan]) -> None:
        """ "the School of A, the School of B and the School of C of Chongqing University":
        the parent stated after the last unit of a list belongs to each of them."""
        runs: list[list[_OrgSpan]] = []
        for org in raw:
            if org.head not in UNIT_KEYWORDS or not org.key:
                continue
            if (
                runs
                and runs[-1][-1].head == org.head
                and re.fullmatch(
                    r",?\s*(?:and\s+)?(?:the\s+)?", self.body[runs[-1][-1].end : org.start]
                )
            ):
                runs[-1].append(org)
            else:
                runs.append([org])
        for run in runs:
            parent_key = self.orgs[run[-1].key].parent_key if run[-1].key in self.orgs else ""
            if len(run) < 2 or not parent_key:
                continue
            parent = self.orgs[parent_key]
            for org in run[:-1]:
                old = self.orgs.get(org.key)
                if old is None or old.parent_key:
                    continue
                del self.orgs[old.key]
                new_key = self.add_org(
                    f"{old.name}, {parent.name}",
                    old.spans[0],
                    head=org.head,
                    confidence=0.6,
                    parent_key=parent_key,
                )
                new = self.orgs[new_key]
                new.spans.extend(old.spans[1:])
                new.aliases |= old.aliases
                self.unit_heads[old.key] = new_key
                for placed in self.org_at.values():
                    if placed.key == old.key:
                        placed.key = new_key

    def join_repeated_units(self) -> None:
        """A unit named once with its parent and later alone ("the School of Power
        Engineering") is the same unit."""
        for fact in list(self.orgs.values()):
            target = self.unit_heads.get(fact.key)
            if fact.parent_key or target is None or target == fact.key:
                continue
            self.orgs[target].spans.extend(fact.spans)
            del self.orgs[fact.key]
            for placed in self.org_at.values():
                if placed.key == fact.key:
                    placed.key = target

    def find_acronym_references(self) -> None:
        """Later uses of an acronym ("the CAE", "NAEK members", "CAST's") point at the
        organization; so do acronyms the archive already knows from earlier articles."""
        covered = set()
        for org in self.org_at.values():
            covered.update(range(org.start_token, org.end_token + 1))
        for i, token in enumerate(self.tokens):
            if i in covered or not token.is_acronym:
                continue
            key = self.acronyms.get(token.text)
            if key is None and token.text in self.known_acronyms:
                key = normalize_name(self.known_acronyms[token.text])
                if key not in self.orgs:
                    self.orgs[key] = OrgFact(
                        key=key,
                        name=self.known_acronyms[token.text],
                        acronym=token.text,
                        confidence=0.7,
                    )
                self.acronyms[token.text] = key
            if key is None:
                continue
            self.orgs[key].spans.append(self.span(token.start, token.end))
            self.org_at[i] = _OrgSpan(i, i, token.text, token.start, token.end, "", key)

    def org_starting_at(self, index: int) -> _OrgSpan | None:
        return self.org_at.get(index)

    def acronym_org(self, index: int) -> _OrgSpan | None:
        """An unknown acronym as an organization, where a title names it: "President of
        STEPI". It is recorded with low confidence for an editor to confirm."""
        token = self.tokens[index]
        if not token.is_acronym or token.text in COUNTRY_NAMES or len(token.text) < 3:
            return None
        occurrences = [t for t in self.tokens if t.text == token.text]
        key = self.add_org(
            token.text, self.span(token.start, token.end), acronym=token.text, confidence=0.5
        )
        self.orgs[key].spans = [self.span(t.start, t.end) for t in occurrences]
        self.acronyms[token.text] = key
        org = _OrgSpan(index, index, token.text, token.start, token.end, "", key)
        for t_index, t in enumerate(self.tokens):
            if t.text == token.text:
                self.org_at.setdefault(
                    t_index, _OrgSpan(t_index, t_index, t.text, t.start, t.end, "", key)
                )
        return org

    # -- people ----------------------------------------------------------------------------

    def find_people(self) -> None:
        tokens = self.tokens
        for i, token in enumerate(tokens):
            if token.text != ",":
                continue
            name = _name_before(tokens, i - 1)
            if name is None:
                continue
            names = [name]
            # "Tang Qian and Luo Yuanxin, vice deans of ..."
            if name[0] >= 3 and tokens[name[0] - 1].text == "and":
                first = _name_before(tokens, name[0] - 2)
                if first is not None:
                    names.insert(0, first)
            clause = self.read_title_clause(i + 1)
            if clause is None:
                continue
            if len(names) > 1:  # "vice deans" of two people is a vice dean each
                clause = [(re.sub(r"s$", "", t), o, sp) for t, o, sp in clause]
            for start, end in names:
                self.record_person(start, end, clause)
        self.find_titles_with_names_after()
        self.find_titles_before_names()
        self.find_member_lists()
        self.find_later_references()

    def record_person(self, start: int, end: int, clause: list[tuple[str, str, Span]]) -> str:
        tokens = self.tokens
        name = self.body[tokens[start].start : tokens[end].end]
        key = self.add_person(name, self.span(tokens[start].start, tokens[end].end))
        for index in range(start, end + 1):
            self.person_at[index] = (end, key)
        person = self.persons[key]
        for title, org_key, span in clause:
            self.positions.append(PositionFact(key, org_key, title, span, 0.8 if org_key else 0.6))
            if not person.nationality:
                org = self.orgs.get(org_key)
                person.nationality = (org.country if org else "") or country_of(title)
        return key

    def read_title_clause(self, index: int) -> list[tuple[str, str, Span]] | None:
        """The titles that follow a name: "Vice President of the NAEK", "academician and
        former vice president of Chinese Academy of Engineering", "CAE member and honorary
        chairman of ...". Returns (title, organization key, span) triples, or None when
        what follows the comma is not a title."""
        tokens, body = self.tokens, self.body
        n = len(tokens)
        sentence_end = self.sentence_of(tokens[index].start)[1] if index < n else len(body)
        results: list[tuple[str, str, Span]] = []
        segment_start = index
        pos = index
        saw_title = False
        while pos < n and tokens[pos].start < sentence_end:
            token = tokens[pos]
            org = self.org_starting_at(pos)
            if org is None and pos > segment_start and tokens[pos - 1].text in {"of", "the"}:
                org = self.acronym_org(pos)
            if org is not None:
                title = self.clean_title(
                    body[tokens[segment_start].start : token.start] if pos > segment_start else ""
                )
                end_token = org.end_token
                after = tokens[end_token + 1] if end_token + 1 < n else None
                if not title and after is not None and after.lower in {"member", "members"}:
                    title = "member"
                    end_token += 1
                span = self.span(tokens[segment_start].start, tokens[end_token].end)
                for part in self.split_titles(title):
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
            pos += 1
        else:
            pos = min(pos, n)
        if not results:
            # A title that names a place or nothing: "president of Korea", "South Korea’s
            # ambassador to China", "mayor of Chongqing".
            end = tokens[min(pos, n) - 1].end if pos > index else tokens[index].end
            text = body[tokens[index].start : min(end, sentence_end)]
            title = self.placeless_title(text)
            if title:
                results.append(
                    (title, "", self.span(tokens[index].start, tokens[index].start + len(title)))
                )
                saw_title = True
        if results and saw_title:
            return results
        return None

    _TITLE_TRAIL = re.compile(r"\s*(?:\b(?:of|at|from|for|to|in|with)\b\s*)?(?:\b[Tt]he\b\s*)?$")
    _TITLE_LEAD = re.compile(r"^\s*(?:,|\band\b|\bthe\b|\s)*")

    def clean_title(self, text: str) -> str:
        text = self._TITLE_LEAD.sub("", text)
        for _ in range(2):
            text = self._TITLE_TRAIL.sub("", text).strip(" ,")
        words = text.lower().replace("-", " ").split()
        if not words or len(words) > 10 or not any(w in TITLE_WORDS for w in words):
            return ""
        return re.sub(r"\s+", " ", text)

    @staticmethod
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
        r"(?P<title>(?:[a-z\-]+\s+){0,3}?(?i:" + "|".join(sorted(TITLE_WORDS)) + r"))\b"
        r"(?:\s+(?:of|to)\s+(?:the\s+)?(?P<place>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?))?"
    )

    def placeless_title(self, text: str) -> str:
        text = re.sub(r"\s+", " ", text.strip())
        match = self._PLACELESS.match(text)
        if not match:
            return ""
        if match.group("place") and match.group("place").split()[0] in STOP_WORDS:
            return ""
        return match.group(0).strip()

    _TITLE_BEFORE = re.compile(
        r"\b(?P<hon>Mr|Mrs|Ms|Dr|Prof|Professor|Academician)\.?\s+|"
        r"\b(?P<title>Vice President|Vice Minister|President|Chairman|Chairwoman|Director|Minister|"
        r"Ambassador|Governor|Mayor|Premier|Dean)\s+"
    )

    def find_titles_before_names(self) -> None:
        """ "Professor Yang Dan", "Dr. Hwang-hee Cho", "President Moon Jae-in of Korea",
        "Chinese President Xi Jinping", "Vice President Jiang Bingmo from the ... Institute"."""
        tokens = self.tokens
        for match in self._TITLE_BEFORE.finditer(self.body):
            index = self.token_index_at.get(match.end())
            name = _name_after(tokens, index) if index is not None else None
            if name is None or name[0] in self.person_at:
                continue
            start, end = name
            if not match.group("title"):
                self.record_person(start, end, [])
                continue
            title, org_key, span_end = match.group("title"), "", tokens[end].end
            look = end + 1
            if look + 1 < len(tokens) and tokens[look].text in {"of", "from", "at"}:
                look += 2 if tokens[look + 1].text == "the" else 1
                org = self.org_starting_at(look)
                if org is not None:
                    org_key, span_end = org.key, tokens[org.end_token].end
                elif tokens[look].text in COUNTRY_NAMES:
                    title, span_end = f"{title} of {tokens[look].text}", tokens[look].end
            words_before = self.body[max(0, match.start() - 12) : match.start()].split()
            country = country_of(words_before[-1]) if words_before and not org_key else ""
            if country and " of " not in title:
                title = f"{title} of {COUNTRIES[country]}"
            key = self.record_person(
                start, end, [(title, org_key, self.span(match.start(), span_end))]
            )
            if country:
                self.persons[key].nationality = country

    _TITLE_THEN_NAME = re.compile(
        r"\b[Tt]he (?P<title>(?:[a-z\-]+ ){0,2}(?:governor|mayor|president|minister|ambassador|"
        r"director|chairman|head|secretary)) of (?P<place>[^,.]{3,40}), "
    )

    def find_titles_with_names_after(self) -> None:
        """ "The governor of this province, Xu Kunlin, pointed to ...": "this province" is the
        province the text named last."""
        for match in self._TITLE_THEN_NAME.finditer(self.body):
            index = self.token_index_at.get(match.end())
            name = _name_after(self.tokens, index) if index is not None else None
            if name is None or name[0] in self.person_at:
                continue
            place = match.group("place")
            if re.fullmatch(r"(?:this|the) province", place):
                earlier = [
                    (m.start(), province)
                    for province in PROVINCES
                    for m in re.finditer(rf"\b{province}\b", self.body[: match.start()])
                ]
                if not earlier:
                    continue
                place = max(earlier)[1]
            title = f"{match.group('title')} of {place}"
            key = self.record_person(
                *name, [(title, "", self.span(match.start(), match.end() - 2))]
            )
            self.persons[key].nationality = self.persons[key].nationality or country_of(place)

    def find_member_lists(self) -> None:
        """ "NAEK members including Paik Man Gi, Lie Sang Bong, and Choi Cheng De"."""
        pattern = re.compile(r"\b([A-Z][\w\-]+) members,? (?:including|such as) ")
        tokens = self.tokens
        for match in pattern.finditer(self.body):
            org_key = self.acronyms.get(match.group(1))
            if org_key is None:
                continue
            index = self.token_index_at.get(match.end())
            while index is not None and index < len(tokens):
                name = _name_after(tokens, index)
                if name is None:
                    break
                start, end = name
                span = self.span(tokens[start].start, tokens[end].end)
                self.record_person(start, end, [("member", org_key, span)])
                index = end + 1
                while index < len(tokens) and tokens[index].text in {",", "and"}:
                    index += 1

    def find_later_references(self) -> None:
        body = self.body
        for fact in self.persons.values():
            # str.find, not a regex per name: thousands of names overflow re's cache
            start = body.find(fact.name)
            while start != -1:
                end = start + len(fact.name)
                if not _is_word_char(body, start - 1) and not _is_word_char(body, end):
                    span = self.span(start, end)
                    if span not in fact.spans:
                        fact.spans.append(span)
                start = body.find(fact.name, start + 1)

    # -- agreements ------------------------------------------------------------------------

    _SIGNED = re.compile(
        r"\b(?:signed|inked|concluded|entered into)\b[^.]{0,80}?\b(?P<what>MOU|MoU|"
        r"memorandum of understanding|memorandum|agreement|contract|letter of intent)\b",
        re.I,
    )

    def find_agreements(self) -> None:
        for match in self._SIGNED.finditer(self.body):
            s_start, s_end = self.sentence_of(match.start())
            orgs = self.orgs_in(s_start, s_end)
            parties: list[str] = []
            for _, key in orgs:
                root = key
                if root not in parties:
                    parties.append(root)
            if not parties:
                continue
            what = match.group("what").lower()
            kind = (
                "mou"
                if what in {"mou", "memorandum of understanding", "memorandum"}
                else ("contract" if what == "contract" else "cooperation")
            )
            date_range = find_event_dates(self.body[s_start:s_end], self.year)
            signed_on = date_range.start if date_range else None
            signatories = []
            for p_key, offset in self.persons_in(s_start, match.start()):
                behalf = re.search(r"on behalf of (?:the )?", self.body[offset:s_end])
                org_key = ""
                if behalf:
                    after = offset + behalf.end()
                    org_key = next((key for start, key in orgs if start == after), "")
                signatories.append((p_key, org_key))
            names = [self.orgs[key].name for key in parties]
            label = {"mou": "MOU", "contract": "Contract", "cooperation": "Agreement"}[kind]
            title = (
                f"{label} between {' and '.join(names)}"
                if len(names) > 1
                else f"{label} with {names[0]}"
            )
            summary = self.summary_after(s_end)
            self.agreements.append(
                AgreementFact(
                    kind,
                    title[:500],
                    signed_on,
                    parties,
                    signatories,
                    summary,
                    self.span(s_start, s_end),
                    0.8 if len(parties) > 1 else 0.6,
                )
            )

    def summary_after(self, offset: int) -> str:
        """What an agreement covers: the sentences after the signing that speak of it."""
        parts = []
        for start, end in self.sentences:
            if start < offset:
                continue
            text = self.body[start:end].strip()
            if "\n\n" in self.body[offset:start] or len(parts) >= 3:
                break
            if re.search(r"\b(MOU|agreement|the two parties|will)\b", text, re.I):
                parts.append(text)
            else:
                break
        return " ".join(parts)

    def orgs_in(self, start: int, end: int) -> list[tuple[int, str]]:
        found = []
        for org in sorted(self.org_at.values(), key=lambda o: o.start):
            if start <= org.start < end and org.key in self.orgs:
                found.append((org.start, org.key))
        return found

    def persons_in(self, start: int, end: int) -> list[tuple[str, int]]:
        found: list[tuple[str, int]] = []
        seen = set()
        for index, (end_token, key) in sorted(self.person_at.items()):
            offset = self.tokens[index].start
            if start <= offset < end and key not in seen:
                seen.add(key)
                found.append((key, self.tokens[end_token].end))
        return found

    # -- events ----------------------------------------------------------------------------

    def event_names(self, tokens: list[Token], text: str, title: str) -> list[tuple[int, int]]:
        """Token ranges of event names: capitalized words ending in an event keyword
        ("6th China-Korea Industrial Innovation Exchange"). Two names joined by "and" are
        one event only where the title names them together."""
        names: list[tuple[int, int]] = []
        for i, token in enumerate(tokens):
            if not token.is_cap or token.lower not in EVENT_KEYWORDS:
                continue
            if (
                i + 1 < len(tokens)
                and tokens[i + 1].is_cap
                and tokens[i + 1].lower in EVENT_KEYWORDS
            ):
                continue  # "Trade Expo Forum": the name ends at the last keyword
            left = self.event_left(tokens, i)
            if (
                left >= 2
                and tokens[left - 1].text == "and"
                and tokens[left - 2].lower in EVENT_KEYWORDS
            ):
                joined_left = self.event_left(tokens, left - 2)
                joined = text[tokens[joined_left].start : token.end]
                if joined.lower() in title.lower():
                    names = [n for n in names if n[0] < joined_left]
                    left = joined_left
            if left == i:
                continue
            names.append((left, i))
        return names

    @staticmethod
    def event_left(tokens: list[Token], i: int) -> int:
        left = i
        while left > 0:
            prev = tokens[left - 1]
            if (
                _is_name_word(prev) or prev.text[:1].isdigit()
            ) and prev.lower not in EVENT_KEYWORDS:
                left -= 1
            elif (
                prev.text in {"and", "&"}
                and left >= 2
                and _is_name_word(tokens[left - 2])
                and tokens[left - 2].lower not in EVENT_KEYWORDS
            ):
                left -= 2
            else:
                break
        return left

    def find_events(self) -> None:
        title = self.title
        named: dict[str, EventFact] = {}
        for left, right in self.event_names(self.tokens, self.body, title):
            start, end = self.tokens[left].start, self.tokens[right].end
            if self.org_containing(start):
                continue
            name = self.body[start:end]
            fact = named.setdefault(
                normalize_name(name), EventFact(name=name, kind=self.event_kind(name))
            )
            fact.spans.append(self.span(start, end))
        body_keywords = {normalize_name(f.name).split()[-1] for f in named.values()}
        # An event only the title names: "China-South Korea ... Cooperation Exhibition".
        title_tokens = tokenize(title)
        for left, right in self.event_names(title_tokens, title, title):
            name = title[title_tokens[left].start : title_tokens[right].end]
            if title_tokens[right].lower not in body_keywords:
                named.setdefault(
                    normalize_name(name), EventFact(name=name, kind=self.event_kind(name))
                )
        # A visit the title announces: "Visit to China's Major ... Research Institutes".
        if re.search(r"\b(visit|delegation|tour)\b", title, re.I):
            visit = re.search(r"\b(visited|visit to|delegation)\b", self.body, re.I)
            if visit:
                named.setdefault(
                    normalize_name(title),
                    EventFact(
                        name=title, kind="visit", spans=[self.span(visit.start(), visit.end())]
                    ),
                )
        for agreement in self.agreements:
            ceremony = re.search(r"\bsigning ceremony\b", self.body, re.I)
            if ceremony:
                name = f"Signing of the {agreement.title}"
                fact = named.setdefault(normalize_name(name), EventFact(name=name, kind="signing"))
                fact.spans += [self.span(ceremony.start(), ceremony.end()), agreement.span]
        events = list(named.values())
        main = self.main_event(events, title)
        for fact in events:
            self.complete_event(fact, is_main=fact is main)
            if fact.spans:
                self.events.append(fact)

    @staticmethod
    def event_kind(name: str) -> str:
        for word in re.findall(r"[A-Za-z]+", name):
            if word.lower() in EVENT_KEYWORDS:
                return EVENT_KEYWORDS[word.lower()]
        return "other"

    @staticmethod
    def main_event(events: list[EventFact], title: str) -> EventFact | None:
        """The event the article is about: the one its title names, else the first."""
        lowered = normalize_name(title)
        for fact in events:
            if normalize_name(fact.name) in lowered or lowered in normalize_name(fact.name):
                return fact
        keywords = set(normalize_name(title).split())
        for fact in events:
            if normalize_name(fact.name).split()[-1] in keywords:
                return fact
        return events[0] if events else None

    def org_containing(self, offset: int) -> bool:
        return any(org.start <= offset < org.end for org in self.org_at.values() if org.head)

    _ANAPHORA = re.compile(
        r"\b(?:the|this|that) (event|forum|conference|exhibition|expo|exchange|visit|delegation|"
        r"meeting|summit|symposium|seminar)\b",
        re.I,
    )
    _ANAPHOR_KINDS: ClassVar[dict[str, set[str]]] = {
        "event": {"forum", "conference", "exhibition", "exchange", "visit", "meeting", "other"},
        "delegation": {"visit", "exchange"},
        "visit": {"visit", "exchange"},
        "expo": {"exhibition"},
    }

    def complete_event(self, fact: EventFact, *, is_main: bool) -> None:
        """Dates, place and who took part, read from the sentences that name the event or,
        for the article's main event, refer back to it ("the event", "the delegation")."""
        sentence_spans = []
        for span in fact.spans:
            s = self.sentence_of(span.start)
            if s not in sentence_spans:
                sentence_spans.append(s)
        if is_main:
            name_words = set(normalize_name(fact.name).split())
            for match in self._ANAPHORA.finditer(self.body):
                word = match.group(1).lower()
                kinds = self._ANAPHOR_KINDS.get(word, {EVENT_KEYWORDS.get(word, "")})
                if fact.kind not in kinds and word not in name_words:
                    continue
                s = self.sentence_of(match.start())
                fact.spans.append(self.span(match.start(), match.end()))
                if s not in sentence_spans:
                    sentence_spans.append(s)
        sentence_spans.sort()
        for start, end in sentence_spans:
            found = find_event_dates(self.body[start:end], self.year)
            if found and found.start:
                fact.start_date, fact.end_date, fact.date_precision = found.start, found.end, "day"
                fact.spans.append(self.span(start + found.span[0], start + found.span[1]))
                break
        if (
            fact.start_date is None
            and self.year
            and is_main
            and re.search(r"\bthis year\b", self.body, re.I)
        ):
            fact.start_date, fact.date_precision = date(self.year, 1, 1), "year"
        fact.city, fact.region, fact.country = self.place_of(sentence_spans)
        if not fact.country and is_main:
            fact.country = self.place_of([], also=self.title)[2]
        self.collect_participants(fact, sentence_spans)
        fact.confidence = 0.8 if fact.start_date else 0.6

    _CITY = re.compile(r"\b(" + "|".join(map(re.escape, CITIES)) + r")\b")
    _CITY_IN = re.compile(r"\b(?:city of|in|at) (" + "|".join(map(re.escape, CITIES)) + r")\b")
    _PROVINCE = re.compile(r"\b(" + "|".join(map(re.escape, PROVINCES)) + r")\b")

    def place_of(
        self, sentence_spans: list[tuple[int, int]], also: str = ""
    ) -> tuple[str, str, str]:
        """(city, region, country): the first sentence about the event that names a city or a
        province decides; else a city the article places things in; else a country."""
        for start, end in sentence_spans:
            text = self.body[start:end]
            for match in self._CITY.finditer(text):
                if not self.org_containing(start + match.start()):  # not "Chongqing University"
                    name = match.group(1)
                    return name, self.region_in(text), CITIES[name]
            region = self.region_in(text)
            if region:
                return "", region, PROVINCES[region]
        if match := self._CITY_IN.search(self.body):
            name = match.group(1)
            return name, self.region_in(self.body), CITIES[name]
        for text in [self.body[start:end] for start, end in sentence_spans] + [also]:
            if m := re.search(
                r"\b(?:to|in) (China|Korea|South Korea|Japan)\b|\b(China|Korea|Japan)['’]s\b", text
            ):
                return "", "", country_of(m.group(1) or m.group(2))
        return "", "", ""

    def region_in(self, text: str) -> str:
        match = self._PROVINCE.search(text)
        return match.group(1) if match else ""

    _ORGANIZER = re.compile(
        r"\b(?:invitation of|organi[sz]ed by|hosted by|co-hosted by|sponsored by|"
        r"held by|annual meeting of)\s+(?:the\s+)?",
        re.I,
    )

    def collect_participants(self, fact: EventFact, sentence_spans: list[tuple[int, int]]) -> None:
        seen: set[tuple[str, str]] = set()
        organizer_offsets = {m.end() for m in self._ORGANIZER.finditer(self.body)}
        for start, end in sentence_spans:
            for offset, key in self.orgs_in(start, end):
                role = "organizer" if offset in organizer_offsets else "participant"
                if (role, key) in seen or ("organizer", key) in seen:
                    continue
                seen.add((role, key))
                org = self.org_at.get(self.token_index_at.get(offset, -1))
                span = self.span(offset, org.end if org else offset + 1)
                fact.participants.append((role, "organization", key, span))
            for key, end_offset in self.persons_in(start, end):
                if ("participant", key) in seen:
                    continue
                seen.add(("participant", key))
                name = self.persons[key].name
                fact.participants.append(
                    ("participant", "person", key, self.span(end_offset - len(name), end_offset))
                )


def extract(
    body: str,
    *,
    title: str = "",
    year: int | None = None,
    known_acronyms: Mapping[str, str] | None = None,
) -> Extraction:
    """Every fact the body states. `year` dates "on December 15"; `known_acronyms` maps
    acronyms the archive already knows (from earlier articles or editors) to their names."""
    extractor = _Extractor(body, title, known_acronyms or {}, year)
    extractor.find_organizations()
    extractor.find_people()
    extractor.find_agreements()
    extractor.find_events()
    return Extraction(
        organizations=extractor.orgs,
        persons=extractor.persons,
        positions=_unique_positions(extractor.positions),
        agreements=extractor.agreements,
        events=extractor.events,
    )


def _unique_positions(positions: list[PositionFact]) -> list[PositionFact]:
    seen: set[tuple[str, str, str]] = set()
    unique = []
    for position in positions:
        key = (position.person_key, position.org_key, position.title.lower())
        if key not in seen:
            seen.add(key)
            unique.append(position)
    return unique
