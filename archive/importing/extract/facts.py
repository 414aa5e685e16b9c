"""What extraction returns: plain data, cheap to send back from a worker process. Keys are
normalized names, so the resolve stage can match them against the database."""

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from archive.text import normalize_name


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
    native_name: str = ""  # in Hanzi, Hangul or Kana: "Hou Jianguo (侯建国)"
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
    # How precisely the text dates it: "day" (then `signed_on` is set), "month" or "year"
    # ("first concluded in February 2008": `signed_on` stays empty, the Agreement model has
    # no precision, and `stated_on` holds the first day of that month or year), or "unknown".
    date_precision: str = "unknown"
    stated_on: date | None = None

    @property
    def fingerprint(self) -> str:
        when = "undated"
        if self.signed_on:
            when = self.signed_on.isoformat()
        elif self.stated_on and self.date_precision in {"month", "year"}:
            width = 7 if self.date_precision == "month" else 4
            when = self.stated_on.isoformat()[:width]
        return f"{self.kind}|{when}|{'|'.join(sorted(self.party_keys))}"[:300]


@dataclass
class EventFact:
    name: str
    kind: str
    start_date: date | None = None
    end_date: date | None = None
    date_precision: str = "unknown"
    month_day: str = ""  # "MM-DD" of the start, kept when the page never states the year
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
