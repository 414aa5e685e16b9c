"""The state the stages share while they read one article: its tokens and sentences, and the
facts found so far, with where each stands."""

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass

from archive.importing.extract.facts import (
    AgreementFact,
    EventFact,
    OrgFact,
    PersonFact,
    PositionFact,
    Span,
)
from archive.importing.extract.tokens import sentences, tokenize
from archive.importing.extract.vocabulary import ORG_KEYWORDS, country_of
from archive.text import normalize_name, person_key


@dataclass
class OrgSpan:
    """An organization's name where it stands in the tokens."""

    start_token: int
    end_token: int  # inclusive
    name: str
    start: int
    end: int
    head: str  # the keyword that made it an organization ("" for an acronym)
    key: str = ""


class Context:
    """One article being read: the body, its tokens and sentences, and the facts so far."""

    def __init__(
        self,
        body: str,
        title: str,
        known_acronyms: Mapping[str, str],
        year: int | None,
        known_names: Mapping[str, str] | None = None,
        known_people: Mapping[str, str] | None = None,
    ):
        self.body = body
        self.title = title
        self.tokens = tokenize(body)
        self.known_acronyms = known_acronyms
        # a name or alias as written -> the canonical name, of organizations and of people
        self.known_names = known_names or {}
        self.known_people = known_people or {}
        self.year = year
        self.sentences = sentences(body)
        self._sentence_starts = [start for start, _ in self.sentences]
        self.orgs: dict[str, OrgFact] = {}
        self.persons: dict[str, PersonFact] = {}
        self.positions: list[PositionFact] = []
        self.agreements: list[AgreementFact] = []
        self.events: list[EventFact] = []
        self.acronyms: dict[str, str] = {}  # acronym -> org key, as this article defines them
        # "school of power engineering" -> the key of that school with its parent, here only
        self.unit_heads: dict[str, str] = {}
        self.org_at: dict[int, OrgSpan] = {}  # token index where an org span starts -> span
        self.person_at: dict[int, tuple[int, str]] = {}  # token index -> (end token, key)
        self.token_index_at = {t.start: i for i, t in enumerate(self.tokens)}
        self.name_classes: list[int] = []  # per token, set by the people stage

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.body[start:end])

    def sentence_of(self, offset: int) -> tuple[int, int]:
        """The sentence holding the offset; the whole body for an offset between sentences.
        Sentences are in order and do not overlap: the last one starting at or before the
        offset is the only one that can hold it."""
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i][1]:
            return self.sentences[i]
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
        """One person per set of name words, whatever their order or case; the name is kept
        as written, a mixed-case spelling preferred to one with a surname in capitals."""
        key = person_key(name)
        fact = self.persons.get(key)
        if fact is None:
            fact = self.persons[key] = PersonFact(key=key, name=name, confidence=confidence)
        elif _has_capitals_word(fact.name) and not _has_capitals_word(name):
            fact.name = name
        fact.confidence = max(fact.confidence, confidence)
        if span not in fact.spans:
            fact.spans.append(span)
        return key

    def org_starting_at(self, index: int) -> OrgSpan | None:
        return self.org_at.get(index)

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

    def org_containing(self, offset: int) -> bool:
        return any(org.start <= offset < org.end for org in self.org_at.values() if org.head)


def _has_capitals_word(name: str) -> bool:
    return any(len(word) > 1 and word.isupper() for word in name.split())
