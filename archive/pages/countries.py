"""Countries side by side: for China and Korea, China and Japan, Japan and Korea, and the
three together, the agreements, events and articles that involve them each year (charts
drawn on the server, with their tables), the organizations most active between them,
their network and the places their events were held."""

from django.db.models import Sum
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from archive import charts, summary
from archive.countries import COUNTRIES
from archive.models import CountryOrganization, CountryYear, PlaceFigures
from archive.pages.network import _edges, _node
from archive.pages.years import year_figures
from archive.summary import ties
from archive.summary.build import GROUPS

# The address of each group of countries, and what it is called.
SLUGS = {
    "china-korea": "CN-KR",
    "china-japan": "CN-JP",
    "japan-korea": "JP-KR",
    "china-japan-korea": "CN-JP-KR",
}
MOST_ACTIVE = 20


def group_name(group: str) -> str:
    names = [COUNTRIES[code] for code in GROUPS[group]]
    return " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]


def slug_of(group: str) -> str:
    return next(slug for slug, g in SLUGS.items() if g == group)


@require_safe
def country_list(request):
    figures = summary.figures()
    totals = {
        row["countries"]: row
        for row in CountryYear.objects.exclude(countries="")
        .values("countries")
        .annotate(agreements=Sum("agreements"), events=Sum("events"), articles=Sum("articles"))
    }
    groups = [
        {
            "url": reverse("country-detail", kwargs={"group": slug}),
            "name": group_name(group),
            "totals": totals.get(group, {}),
        }
        for slug, group in SLUGS.items()
    ]
    context = {"groups": groups, "figures": figures}
    return render(request, "archive/country_list.html", context)


@require_safe
def country_detail(request, group):
    if group not in SLUGS:
        raise Http404("No such group of countries")
    figures = summary.figures()
    code = SLUGS[group]
    name = group_name(code)
    active = list(
        CountryOrganization.objects.filter(countries=code, organization__is_public=True)
        .select_related("organization")
        .only(
            "agreements",
            "events",
            "articles",
            "total",
            "organization__name",
            "organization__slug",
            "organization__country",
            "organization__acronym",
        )
        .order_by("-total", "organization__name")[:MOST_ACTIVE]
    )
    nodes, links = ties.between_countries(GROUPS[code])
    shown = links[: ties.PICTURED_TIES]
    places = [
        charts.Place(p.place, p.country, p.events)
        for p in PlaceFigures.objects.filter(countries=code).order_by("-events", "place")
    ]
    context = {
        "group": code,
        "name": name,
        "others": [(slug_of(g), group_name(g)) for g in GROUPS if g != code],
        "figures": figures,
        **year_figures(code),
        "active": active,
        "network": charts.network_svg(
            charts.ring_layout([_node(n.organization, n.weight) for n in nodes]),
            _edges(shown),
            chart_id="network",
            title=f"Organizations of {name} tied across the border",
        )
        if nodes
        else "",
        "links": shown[:25],
        "places": places,
        "map": charts.place_map(places, chart_id="map", title=f"Where events of {name} took place"),
    }
    return render(request, "archive/country_detail.html", context)
