"""Extraction: organizations, people and their positions, agreements and events, each with the
span of the body that states it. Deterministic rules, no model and no network.

Pure: a body (and the acronyms the archive already knows) in, plain data out. The stages run
in order over one shared `Context`, each reading what the earlier ones found:

    organizations → people (titles name organizations) → agreements (parties, signatories)
    → events (participants, and the signing an agreement implies)

Modules: `facts` (what is returned), `vocabulary`, `tokens`, `context`, then one per stage.
Other code imports only what this module offers."""

from collections.abc import Mapping

from archive.importing.extract.agreements import find_agreements
from archive.importing.extract.context import Context
from archive.importing.extract.events import find_events
from archive.importing.extract.facts import (
    AgreementFact,
    EventFact,
    Extraction,
    OrgFact,
    PersonFact,
    PositionFact,
    Span,
)
from archive.importing.extract.native import find_native_agreements, find_native_names
from archive.importing.extract.organizations import find_organizations
from archive.importing.extract.people import find_people

__all__ = [
    "AgreementFact",
    "EventFact",
    "Extraction",
    "OrgFact",
    "PersonFact",
    "PositionFact",
    "Span",
    "extract",
]

STAGES = (
    find_organizations,
    find_native_names,
    find_people,
    find_agreements,
    find_native_agreements,
    find_events,
)


def extract(
    body: str,
    *,
    title: str = "",
    year: int | None = None,
    known_acronyms: Mapping[str, str] | None = None,
    known_names: Mapping[str, str] | None = None,
    known_people: Mapping[str, str] | None = None,
) -> Extraction:
    """Every fact the body states. `year` dates "on December 15"; `known_acronyms` maps
    acronyms the archive already knows (from earlier articles or editors) to their names;
    `known_names` and `known_people` map the names and aliases of the organizations and
    people it knows, in any script, to their names, so that names without a keyword
    ("Samsung") or written natively ("中国科学院") are found."""
    context = Context(body, title, known_acronyms or {}, year, known_names, known_people)
    for stage in STAGES:
        stage(context)
    return Extraction(
        organizations=context.orgs,
        persons=context.persons,
        positions=_unique_positions(context.positions),
        agreements=context.agreements,
        events=context.events,
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
