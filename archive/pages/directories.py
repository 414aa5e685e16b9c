"""The directories of organizations and people: A to Z, with names in their own scripts
beside them, filters, a name filter, sorted by name or by how often the archive names
them, paginated. Only public records (Model.objects.public())."""

import re
import string
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q
from django.db.models.functions import Substr, Upper
from django.shortcuts import render
from django.views.decorators.http import require_safe

from archive import summary
from archive.countries import COUNTRIES
from archive.models import (
    Organization,
    OrganizationAlias,
    OrganizationKind,
    Person,
    PersonAlias,
)

PAGE_SIZE = 50
OTHER = "#"  # names that start with anything but a Latin letter: digits, Hanzi, Hangul
LETTERS = [*string.ascii_uppercase, OTHER]
SORTS = {
    "name": ("name", "id"),
    "named": (F("figures__articles").desc(nulls_last=True), "name", "id"),
}
NATIVE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]")  # Kana, Han, Hangul


def _letter_of(name: str) -> str:
    first = name[:1].upper()
    return first if first in string.ascii_uppercase else OTHER


def _by_letter(records, letter: str):
    if letter == OTHER:
        return records.exclude(name__iregex=r"^[a-z]")
    return records.filter(name__istartswith=letter)


def _letters(records) -> dict[str, int]:
    """How many of the records start with each letter (the A to Z bar's links)."""
    counts = dict.fromkeys(LETTERS, 0)
    rows = records.order_by().values(first=Upper(Substr("name", 1, 1))).annotate(n=Count("pk"))
    for row in rows:
        counts[_letter_of(row["first"] or "")] += row["n"]
    return counts


def _choice(params, name: str, allowed) -> str:
    value = params.get(name, "")
    return value if value in allowed else ""


def _page(request, records, chosen: dict, template: str, extra: dict):
    figures = summary.figures()  # first: the page reads them
    params = request.GET
    letter = _choice(params, "letter", LETTERS)
    sort = _choice(params, "sort", SORTS) or "name"
    letters = _letters(records)
    if letter:
        records = _by_letter(records, letter)
    paginator = Paginator(records.order_by(*SORTS[sort]), PAGE_SIZE)
    page = paginator.get_page(params.get("page"))
    chosen = {**chosen, "letter": letter, "sort": sort if sort != "name" else ""}
    kept = {key: value for key, value in chosen.items() if value}
    context = {
        "page": page,
        "records": page.object_list,
        "letters": letters,
        "chosen": chosen,
        "sort": sort,
        "query_without_letter": urlencode({k: v for k, v in kept.items() if k != "letter"}),
        "kept_query": urlencode(kept),
        "figures": figures,
        "countries": COUNTRIES,
        **extra,
    }
    return render(request, template, context)


@require_safe
def organization_list(request):
    params = request.GET
    country = _choice(params, "country", COUNTRIES)
    kind = _choice(params, "kind", OrganizationKind.values)
    query = " ".join(params.get("q", "").split())[:100]
    organizations = Organization.objects.public()
    if country:
        organizations = organizations.filter(country=country)
    if kind:
        organizations = organizations.filter(kind=kind)
    if query:
        aliases = OrganizationAlias.objects.filter(
            organization=OuterRef("pk"), name__icontains=query
        )
        organizations = organizations.filter(
            Q(name__icontains=query) | Q(acronym__iexact=query) | Exists(aliases)
        )
    organizations = organizations.select_related("figures").prefetch_related(
        Prefetch("aliases", queryset=OrganizationAlias.objects.filter(name__regex=NATIVE.pattern))
    )
    return _page(
        request,
        organizations,
        {"country": country, "kind": kind, "q": query},
        "archive/organization_list.html",
        {"kinds": OrganizationKind.choices},
    )


@require_safe
def person_list(request):
    params = request.GET
    nationality = _choice(params, "nationality", COUNTRIES)
    query = " ".join(params.get("q", "").split())[:100]
    people = Person.objects.public()
    if nationality:
        people = people.filter(nationality=nationality)
    if query:
        aliases = PersonAlias.objects.filter(person=OuterRef("pk"), name__icontains=query)
        people = people.filter(
            Q(name__icontains=query) | Q(native_name__icontains=query) | Exists(aliases)
        )
    return _page(
        request,
        people.select_related("figures"),
        {"nationality": nationality, "q": query},
        "archive/person_list.html",
        {},
    )
