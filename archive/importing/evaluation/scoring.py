"""Scoring one page: its title, date and source, then each kind of fact the extraction finds
(organizations, people and positions, agreements, events), row by row.

A choice the README leaves open: a position whose organization the reader left null is found
whatever organization the extraction attached (one derived from the title is acceptable; a
wrong one shows in the organizations row)."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from archive.importing.evaluation.counting import Page, Score
from archive.importing.evaluation.matching import (
    AGREEMENT_KINDS,
    EVENT_KINDS,
    date_ok,
    expected_org_names,
    holds,
    kind_ok,
    match_key,
    org_names,
    pair,
    same_person,
    titles_match,
)
from archive.importing.extract import Extraction


def _clean_title(text: str | None) -> str:
    return " ".join((text or "").split())


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
    page = Page(score, name)
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


def _score_organizations(page: Page, expected: Mapping[str, Any], ex: Extraction) -> None:
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


def _score_people(page: Page, expected: Mapping[str, Any], ex: Extraction) -> None:
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


def _score_agreements(page: Page, expected: Mapping[str, Any], ex: Extraction) -> None:
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
            kind_ok(entry.get("kind"), agreement.kind, AGREEMENT_KINDS),
            date_ok(entry, agreement.signed_on),
        )

    pairs = pair(len(entries), len(ex.agreements), is_match, quality)
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


def _score_agreement_details(page: Page, entry, found, label: str, ex: Extraction) -> None:
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
        hit=date_ok(entry, signed_on),
        what=f"{label}: {signed_on} (expected {wanted})",
    )
    page.item(
        "agreement kinds",
        expected=True,
        found=found is not None,
        hit=found is not None and kind_ok(entry.get("kind"), found.kind, AGREEMENT_KINDS),
        what=f"{label}: {found.kind if found else None} (expected {entry.get('kind')})",
    )


def _score_events(page: Page, expected: Mapping[str, Any], ex: Extraction) -> None:
    entries = expected.get("events") or []
    words = [[match_key(w) for w in e.get("match") or []] for e in entries]
    names = [match_key(event.name) for event in ex.events]

    def is_match(e: int, f: int) -> bool:
        return any(holds(names[f], word) for word in words[e])

    def quality(e: int, f: int) -> tuple[bool, bool, bool]:
        entry, event = entries[e], ex.events[f]
        return (
            kind_ok(entry.get("kind"), event.kind, EVENT_KINDS),
            date_ok(entry, event.start_date, event.end_date, event.month_day),
            match_key(entry.get("city")) == match_key(event.city),
        )

    pairs = pair(len(entries), len(ex.events), is_match, quality)
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


def _score_event_details(page: Page, entry, event, label: str) -> None:
    page.item(
        "event kinds",
        expected=True,
        found=event is not None,
        hit=event is not None and kind_ok(entry.get("kind"), event.kind, EVENT_KINDS),
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
        hit=date_ok(entry, start, end, month_day),
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
