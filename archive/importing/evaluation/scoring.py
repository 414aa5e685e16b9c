"""How well the import reads pages: its title, date, source and extraction scored against what a
careful reader wrote down (an expected.json in the shape of the extraction corpus's).

Runs the import's own parse and extraction on each page, never the database. Matching follows
the corpus README: names are compared after NFKC, lower case, "&" as "and", a leading "the" or
honorific dropped and punctuation as spaces.

Each row counts what was expected, what was found, hits (expected and found), misses (expected,
not found) and wrong finds (found, not expected). Precision is (found - wrong) / found, recall
hits / expected. Where an entry has no value for an attribute, a found value is wrong and no
value is not counted: a page without a date line that gets a date is a wrong date.

Choices the README leaves open: a position whose organization the reader left null is found
whatever organization the extraction attached (one derived from the title is acceptable; a
wrong one shows in the organizations row). Each expected agreement or event is paired with at
most one find, and each find with one entry, those agreeing on most made first. Kinds the
archive does not have are scored as the kind it stores them as (AGREEMENT_KINDS, EVENT_KINDS).
A page that cannot be read or parsed misses everything it should have held."""

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from archive.importing.extract import Extraction
from archive.importing.parse import ParseError
from archive.importing.pipeline import ImportFileError, collect_paths, read_article_file, understand
from archive.text import normalize_name

ROWS = (
    "title",
    "date",
    "source",
    "organizations",
    "people",
    "positions",
    "agreements",
    "agreement signatories",
    "agreement dates",
    "agreement kinds",
    "events",
    "event kinds",
    "event dates",
    "event places",
)

# The kinds a reader writes, and the kinds extraction may give for each. The archive has no
# workshop, symposium or opening: a workshop is stored as a conference, an opening as "other".
AGREEMENT_KINDS = {
    "mou": {"mou"},
    "agreement": {"agreement", "cooperation", "contract", "other"},
    "joint statement": {"joint statement"},
}
EVENT_KINDS = {
    "workshop": {"workshop", "conference"},
    "symposium": {"symposium", "conference"},
    "seminar": {"seminar", "conference"},
    "opening": {"opening", "other"},
}

_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|dr|prof|professor)\s+")
# Scripts written without spaces between words (or with particles attached, as Korean is):
# a name holds another when it contains it anywhere, not only as whole words.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]")


class ExpectedError(ValueError):
    """An expected.json the evaluation cannot read; the message names the file and field."""


# -- matching rules ----------------------------------------------------------------------------


def match_key(name: str | None) -> str:
    """The form two spellings of a name are compared in ("Prof. the X & Y" = "x and y")."""
    return _HONORIFIC.sub("", normalize_name(name or ""))


def same_person(one: str, other: str) -> bool:
    """The same words in any order: "HE Minghong" is "Minghong He"."""
    words = sorted(match_key(one).split())
    return bool(words) and words == sorted(match_key(other).split())


def holds(outer: str, inner: str) -> bool:
    """Whether one name holds another (both already match keys), as whole words."""
    if not inner:
        return False
    if _UNSPACED.search(inner):
        return inner in outer
    return f" {inner} " in f" {outer} "


def titles_match(one: str, other: str) -> bool:
    """One title holds the other: "Vice President" and "Executive Vice President" match."""
    a, b = match_key(one), match_key(other)
    return holds(a, b) or holds(b, a)


def org_names(extraction: Extraction, key: str) -> set[str]:
    """Every name a found organization answers to: its name, acronym and aliases; a unit
    the import names with its parent ("Department of Physics, Lakeside University") also
    answers to its own name, as the page writes it."""
    org = extraction.organizations.get(key)
    if org is None:  # a key the extraction names but does not describe
        return {match_key(key)} - {""}
    names = [org.name, org.acronym, *org.aliases]
    parent = extraction.organizations.get(org.parent_key)
    if parent is not None and org.name.endswith(f", {parent.name}"):
        names.append(org.name.removesuffix(f", {parent.name}"))
    return {match_key(n) for n in names} - {""}


def expected_org_names(name: str, expected_orgs: list[list[str | None]]) -> set[str]:
    """A name the reader wrote, with the acronym or full name the page pairs it with."""
    names = {match_key(name)}
    for entry in expected_orgs:
        forms = {match_key(n) for n in entry if n} - {""}
        if names & forms:
            names |= forms
    return names - {""}


# -- counting ----------------------------------------------------------------------------------


@dataclass
class Row:
    expected: int = 0
    found: int = 0
    hits: int = 0
    wrong: int = 0

    @property
    def misses(self) -> int:
        return self.expected - self.hits

    @property
    def precision(self) -> float | None:
        return (self.found - self.wrong) / self.found if self.found else None

    @property
    def recall(self) -> float | None:
        return self.hits / self.expected if self.expected else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None and r is None:
            return None
        p, r = p or 0.0, r or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Finding:
    """A miss or a wrong find, for the verbose listing."""

    page: str
    row: str
    outcome: str  # "miss" or "wrong"
    what: str


@dataclass
class Score:
    rows: dict[str, Row] = field(default_factory=lambda: {name: Row() for name in ROWS})
    findings: list[Finding] = field(default_factory=list)
    pages: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    unscored: list[str] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return self.pages - len(self.failures)


class _Page:
    """Counts for one page, written into the score."""

    def __init__(self, score: Score, name: str) -> None:
        self.score, self.name = score, name

    def note(self, row: str, outcome: str, what: str) -> None:
        self.score.findings.append(Finding(self.name, row, outcome, what))

    def item(self, row: str, *, expected: bool, found: bool, hit: bool, what: str) -> None:
        """One expected entry or attribute, and whether it was found and right."""
        if not (expected or found):
            return
        counts = self.score.rows[row]
        counts.expected += expected
        counts.found += found
        if expected and found and hit:
            counts.hits += 1
            return
        # A find that differs from the expected value is both wrong and a miss: listed once.
        if found:
            counts.wrong += 1
        self.note(row, "wrong" if found else "miss", what)

    def entries(self, row: str, expected: list[str], found: list[str], matches) -> None:
        """A list against a list: each expected entry is hit by any matching find; each find
        that matches no expected entry (nor an acceptable extra) is wrong."""
        counts = self.score.rows[row]
        counts.expected += len(expected)
        counts.found += len(found)
        for entry in expected:
            if any(matches(entry, f) for f in found):
                counts.hits += 1
            else:
                self.note(row, "miss", entry)
        for f in found:
            if not any(matches(entry, f) for entry in expected):
                counts.wrong += 1
                self.note(row, "wrong", f)


def _clean_title(text: str | None) -> str:
    return " ".join((text or "").split())


def _month_day(value: date | None) -> str | None:
    return value.strftime("%m-%d") if value else None


def _kind_ok(expected: str | None, found: str, table: Mapping[str, set[str]]) -> bool:
    if not expected:
        return False
    wanted = expected.lower()
    return found.lower().replace("_", " ") in table.get(wanted, {wanted})


def _date_ok(
    entry: Mapping[str, Any],
    found: date | None,
    found_end: date | None = None,
    found_month_day: str = "",
) -> bool:
    if found is None:
        # A page that never states the year: its month and day are all there is to find.
        undated = not (entry.get("date") or entry.get("start"))
        return undated and bool(found_month_day) and entry.get("month_day") == found_month_day
    if entry.get("date") or entry.get("start"):
        start = entry.get("date") or entry.get("start")
        end = entry.get("end")
        if found.isoformat() != start:
            return False
        if end:
            return found_end is not None and found_end.isoformat() == end
        return found_end is None or found_end == found
    return entry.get("month_day") == _month_day(found)


def _pair(expected: int, found: int, is_match, quality) -> dict[int, int]:
    """Each expected entry paired with at most one find that is it, and each find used once:
    the pairs that agree on most (kind, date, ...) are made first, then page order."""
    pairs = sorted(
        ((e, f) for e in range(expected) for f in range(found) if is_match(e, f)),
        key=lambda pair: (tuple(not ok for ok in quality(*pair)), pair),
    )
    chosen: dict[int, int] = {}
    for e, f in pairs:
        if e not in chosen and f not in chosen.values():
            chosen[e] = f
    return chosen


def score_page(
    score: Score,
    name: str,
    expected: Mapping[str, Any],
    parsed_title: str | None,
    parsed_date: date | None,
    parsed_source: str | None,
    extraction: Extraction,
) -> None:
    """Add one page's figures to the score. A page that failed to parse comes with no title,
    date or source and an empty extraction: all it should have held is missed."""
    page = _Page(score, name)
    title = _clean_title(expected.get("title"))
    found_title = _clean_title(parsed_title)
    page.item(
        "title",
        expected=bool(title),
        found=bool(found_title),
        hit=title == found_title,
        what=f"{found_title or None!r} (expected {title or None!r})",
    )
    page_date = expected.get("date")
    found_date = parsed_date.isoformat() if parsed_date else None
    page.item(
        "date",
        expected=bool(page_date),
        found=bool(found_date),
        hit=page_date == found_date,
        what=f"{found_date} (expected {page_date})",
    )
    source, found_source = expected.get("source"), parsed_source or ""
    page.item(
        "source",
        expected=bool(source),
        found=bool(found_source),
        hit=match_key(source) == match_key(found_source),
        what=f"{found_source or None!r} (expected {source!r})",
    )
    _score_organizations(page, expected, extraction)
    _score_people(page, expected, extraction)
    _score_agreements(page, expected, extraction)
    _score_events(page, expected, extraction)


def _score_organizations(page: _Page, expected: Mapping[str, Any], ex: Extraction) -> None:
    orgs = expected.get("organizations") or []
    extra = {match_key(n) for n in expected.get("organizations_extra") or []}
    found = {key: org_names(ex, key) for key in ex.organizations}
    counts = page.score.rows["organizations"]
    counts.expected += len(orgs)
    counts.found += len(found)
    wanted = [({match_key(n) for n in entry if n} - {""}, entry) for entry in orgs]
    for names, entry in wanted:
        if any(names & f for f in found.values()):
            counts.hits += 1
        else:
            page.note("organizations", "miss", " / ".join(n for n in entry if n))
    for key, names in found.items():
        if not (names & extra or any(names & w for w, _ in wanted)):
            counts.wrong += 1
            org = ex.organizations[key]
            page.note(
                "organizations", "wrong", org.name + (f" ({org.acronym})" if org.acronym else "")
            )


def _person_name(ex: Extraction, key: str) -> str:
    person = ex.persons.get(key)
    return person.name if person else key


def _score_people(page: _Page, expected: Mapping[str, Any], ex: Extraction) -> None:
    found = [p.name for p in ex.persons.values()]
    page.entries("people", list(expected.get("persons") or []), found, same_person)

    orgs = expected.get("organizations") or []

    def org_ok(wanted: str | None, org_key: str) -> bool:
        # Null: the text names a title but no organization. A found organization is not
        # held against it: one derived from the title ("Minister of Education" -> the
        # ministry) is acceptable, and a wrongly attached one shows in the organizations row.
        if wanted is None:
            return True
        return bool(org_key) and bool(expected_org_names(wanted, orgs) & org_names(ex, org_key))

    def position_matches(entry, found_position) -> bool:
        person, title, org = entry
        return (
            same_person(person, _person_name(ex, found_position.person_key))
            and titles_match(title, found_position.title)
            and org_ok(org, found_position.org_key)
        )

    counts = page.score.rows["positions"]
    positions = expected.get("positions") or []
    counts.expected += len(positions)
    counts.found += len(ex.positions)
    for entry in positions:
        if any(position_matches(entry, p) for p in ex.positions):
            counts.hits += 1
        else:
            page.note("positions", "miss", " / ".join(str(v) for v in entry))
    for p in ex.positions:
        if not any(position_matches(entry, p) for entry in positions):
            counts.wrong += 1
            org = ex.organizations.get(p.org_key)
            where = org.name if org else p.org_key
            page.note(
                "positions", "wrong", f"{_person_name(ex, p.person_key)} / {p.title} / {where}"
            )


def _score_agreements(page: _Page, expected: Mapping[str, Any], ex: Extraction) -> None:
    orgs = expected.get("organizations") or []
    entries = expected.get("agreements") or []
    parties = [[expected_org_names(p, orgs) for p in e.get("parties") or []] for e in entries]
    found_parties = [
        set().union(set(), *(org_names(ex, k) for k in a.party_keys)) for a in ex.agreements
    ]

    def is_match(e: int, f: int) -> bool:
        return all(party & found_parties[f] for party in parties[e])

    def quality(e: int, f: int) -> tuple[bool, bool]:
        entry, agreement = entries[e], ex.agreements[f]
        return (
            _kind_ok(entry.get("kind"), agreement.kind, AGREEMENT_KINDS),
            _date_ok(entry, agreement.signed_on),
        )

    pairs = _pair(len(entries), len(ex.agreements), is_match, quality)
    counts = page.score.rows["agreements"]
    counts.expected += len(entries)
    counts.found += len(ex.agreements)
    for e, entry in enumerate(entries):
        label = " / ".join(entry.get("parties") or []) + f" ({entry.get('kind')})"
        found = ex.agreements[pairs[e]] if e in pairs else None
        if found is None:
            page.note("agreements", "miss", label)
        else:
            counts.hits += 1
        _score_agreement_details(page, entry, found, label, ex)
    for f, agreement in enumerate(ex.agreements):
        if f not in pairs.values():
            counts.wrong += 1
            names = " / ".join(
                ex.organizations[k].name if k in ex.organizations else k
                for k in agreement.party_keys
            )
            page.note("agreements", "wrong", f"{names} ({agreement.kind}, {agreement.signed_on})")


def _score_agreement_details(page: _Page, entry, found, label: str, ex: Extraction) -> None:
    signers = [_person_name(ex, person) for person, _ in found.signatories] if found else []
    for person in entry.get("signatories") or []:
        page.item(
            "agreement signatories",
            expected=True,
            found=any(same_person(person, s) for s in signers),
            hit=True,
            what=f"{person} for {label}",
        )
    for signer in signers:
        if not any(same_person(p, signer) for p in entry.get("signatories") or []):
            page.item(
                "agreement signatories",
                expected=False,
                found=True,
                hit=False,
                what=f"{signer} for {label}",
            )
    wanted = entry.get("date") or entry.get("month_day")
    signed_on = found.signed_on if found else None
    page.item(
        "agreement dates",
        expected=bool(wanted),
        found=signed_on is not None,
        hit=_date_ok(entry, signed_on),
        what=f"{label}: {signed_on} (expected {wanted})",
    )
    page.item(
        "agreement kinds",
        expected=True,
        found=found is not None,
        hit=found is not None and _kind_ok(entry.get("kind"), found.kind, AGREEMENT_KINDS),
        what=f"{label}: {found.kind if found else None} (expected {entry.get('kind')})",
    )


def _score_events(page: _Page, expected: Mapping[str, Any], ex: Extraction) -> None:
    entries = expected.get("events") or []
    words = [[match_key(w) for w in e.get("match") or []] for e in entries]
    names = [match_key(event.name) for event in ex.events]

    def is_match(e: int, f: int) -> bool:
        return any(holds(names[f], word) for word in words[e])

    def quality(e: int, f: int) -> tuple[bool, bool, bool]:
        entry, event = entries[e], ex.events[f]
        return (
            _kind_ok(entry.get("kind"), event.kind, EVENT_KINDS),
            _date_ok(entry, event.start_date, event.end_date, event.month_day),
            match_key(entry.get("city")) == match_key(event.city),
        )

    pairs = _pair(len(entries), len(ex.events), is_match, quality)
    counts = page.score.rows["events"]
    counts.expected += len(entries)
    counts.found += len(ex.events)
    for e, entry in enumerate(entries):
        label = " | ".join(entry.get("match") or [])
        event = ex.events[pairs[e]] if e in pairs else None
        if event is None:
            page.note("events", "miss", label)
        else:
            counts.hits += 1
            label = f"{event.name} (expected {label})"
        _score_event_details(page, entry, event, label)
    for f, event in enumerate(ex.events):
        if f not in pairs.values():
            counts.wrong += 1
            page.note("events", "wrong", f"{event.name} ({event.kind}, {event.start_date})")


def _score_event_details(page: _Page, entry, event, label: str) -> None:
    page.item(
        "event kinds",
        expected=True,
        found=event is not None,
        hit=event is not None and _kind_ok(entry.get("kind"), event.kind, EVENT_KINDS),
        what=f"{label}: {event.kind if event else None} (expected {entry.get('kind')})",
    )
    wanted = entry.get("start") or entry.get("month_day")
    start = event.start_date if event else None
    end = event.end_date if event else None
    month_day = event.month_day if event else ""
    page.item(
        "event dates",
        expected=bool(wanted),
        found=start is not None or bool(month_day),
        hit=_date_ok(entry, start, end, month_day),
        what=f"{label}: {start or month_day}..{end} (expected {wanted}..{entry.get('end')})",
    )
    for attribute in ("city", "country"):
        want, value = entry.get(attribute), getattr(event, attribute, "")
        page.item(
            "event places",
            expected=bool(want),
            found=bool(value),
            hit=match_key(want) == match_key(value),
            what=f"{label}: {attribute} {value or None} (expected {want})",
        )


# -- reading a folder --------------------------------------------------------------------------

_ENTRY_LISTS = (
    "organizations",
    "organizations_extra",
    "persons",
    "positions",
    "agreements",
    "events",
)


def load_expected(path: Path) -> dict[str, dict[str, Any]]:
    """The articles of an expected.json, by file name without .txt; ExpectedError naming the
    file and the field when it is not in the corpus's shape."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ExpectedError(f"{path}: no such file (the expected figures)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ExpectedError(f"{path}: not readable JSON ({error})") from None
    articles = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(articles, dict):
        raise ExpectedError(f'{path}: "articles" must be an object of pages')
    for name, article in articles.items():
        where = f"{path}: articles.{name}"
        if not isinstance(article, dict):
            raise ExpectedError(f"{where} must be an object")
        for key in ("title", "date", "source"):
            if article.get(key) is not None and not isinstance(article[key], str):
                raise ExpectedError(f"{where}.{key} must be a string or null")
        if article.get("date") and not re.fullmatch(r"\d{4}-\d\d-\d\d", article["date"]):
            raise ExpectedError(f"{where}.date must be YYYY-MM-DD")
        for key in _ENTRY_LISTS:
            if not isinstance(article.get(key, []), list):
                raise ExpectedError(f"{where}.{key} must be a list")
        for i, entry in enumerate(article.get("positions", [])):
            if not (isinstance(entry, list) and len(entry) == 3):
                raise ExpectedError(f"{where}.positions[{i}] must be [person, title, org]")
        for key, needed in (("agreements", "parties"), ("events", "match")):
            for i, entry in enumerate(article.get(key, [])):
                if not (isinstance(entry, dict) and isinstance(entry.get(needed), list)):
                    raise ExpectedError(f"{where}.{key}[{i}].{needed} must be a list")
    return articles


def evaluate_folder(folder: Path, *, limit: int) -> Score:
    """Every page of `folder` the expected.json names, read, parsed and extracted as the
    import does it. Each page is given the acronyms the pages before it (in name order)
    defined, as an archive that imported them first would know them."""
    expected = load_expected(folder / "expected.json")
    paths = {path.stem: path for path in collect_paths([str(folder)])}
    score = Score(pages=len(expected))
    score.unscored = sorted(set(paths) - set(expected))
    acronyms: dict[str, str] = {}
    empty = Extraction({}, {}, [], [], [])
    for name in sorted(set(paths) | set(expected)):
        parsed = extraction = None
        try:
            if name not in paths:
                raise ImportFileError("no such page in the folder")
            parsed, extraction = understand(
                read_article_file(paths[name], limit)[1], dict(acronyms)
            )
        except (ImportFileError, ParseError, OSError) as problem:
            reason = str(problem)
        except Exception as problem:  # a bug in one page must not hide the others' figures
            reason = f"unexpected {type(problem).__name__}: {problem}"
        if extraction is not None:
            for org in extraction.organizations.values():
                if org.acronym:
                    acronyms.setdefault(org.acronym, org.name)
        if name not in expected:
            continue
        if parsed is None or extraction is None:
            score.failures.append((name, reason))
            score_page(score, name, expected[name], None, None, None, empty)
        else:
            score_page(
                score,
                name,
                expected[name],
                parsed.title,
                # A year the import infers from the body is marked so, not the page's date.
                None if parsed.date_inferred else parsed.published_on,
                parsed.source,
                extraction,
            )
    return score


# -- floors ------------------------------------------------------------------------------------


def row_names() -> list[str]:
    """The names --min takes: "pages" and the rows, spaces written as underscores."""
    return ["pages", *(name.replace(" ", "_") for name in ROWS)]


def floor_failures(score: Score, floors: Iterable[tuple[str, float | int]]) -> list[str]:
    """Which floors the score is under. An int floors the row's hits (for "pages", the pages
    imported), a float its F1 as printed, to three places (for "pages", the share imported)."""
    failed = []
    for name, floor in floors:
        on_hits = isinstance(floor, int)
        if name == "pages":
            value = score.imported if on_hits else score.imported / (score.pages or 1)
        else:
            value = score.rows[name].hits if on_hits else score.rows[name].f1
        if value is not None and not on_hits:
            value = round(value, 3)
        if value is None or value < floor:
            what = "hits" if on_hits else "F1"
            failed.append(f"{name.replace(' ', '_')}: {what} {value}, under the floor {floor}")
    return failed
