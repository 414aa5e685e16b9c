"""Who works with whom: the network of the whole archive, of one organization, the records
behind one tie, and the network as files for Gephi and spreadsheets. Every page works
without script: a list of ties and a picture drawn on the server."""

from functools import lru_cache

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header, urlencode
from django.views.decorators.http import require_safe

from archive import charts, graph_formats, summary
from archive.charts.graph import OTHER_COLOR, country_color
from archive.countries import COUNTRIES
from archive.models import Organization, TieKind
from archive.summary import ties
from archive.summary.ties import Choice
from archive.views import LIST_FIELDS, UncountedPage

PARTNERS_PAGE = 100
LISTED_TIES = 100  # the network page's table: its strongest ties (the files hold all)
SHOWN = 20  # a tie's page lists this many of its newest agreements and events
FIRST_YEAR, LAST_YEAR = 1900, 2100


def _year(value: str | None) -> int | None:
    if value and value.isdigit() and FIRST_YEAR <= int(value) <= LAST_YEAR:
        return int(value)
    return None


def choice_of(params) -> Choice:
    """The network's choices from the query string; what is not understood is left out."""
    kinds = tuple(k for k in TieKind.values if k in params.getlist("via")) or tuple(TieKind.values)
    since, until = _year(params.get("since")), _year(params.get("until"))
    if since and until and since > until:
        since, until = until, since
    size = params.get("size", "")
    return Choice(
        since=since,
        until=until,
        country=params.get("country", "") if params.get("country") in COUNTRIES else "",
        kinds=kinds,
        size=int(size) if size.isdigit() and int(size) in ties.SIZES else ties.DEFAULT_SIZE,
    )


def _query(choice: Choice) -> str:
    """The choice as a query string, for links that keep it (exports, pages)."""
    params = [
        ("since", choice.since),
        ("until", choice.until),
        ("country", choice.country),
        ("size", choice.size if choice.size != ties.DEFAULT_SIZE else None),
    ]
    if set(choice.kinds) != set(TieKind.values):
        params += [("via", kind) for kind in choice.kinds]
    return urlencode([(k, v) for k, v in params if v])


# Pages of a few hundred links: each address worked out once per process (reverse() takes
# 0.1 ms, a network page has 700 links).
@lru_cache(maxsize=16384)
def _url(name: str, **kwargs) -> str:
    return reverse(name, kwargs=kwargs)


def org_url(org: Organization) -> str:
    return _url("organization-detail", slug=org.slug)


def network_url(org: Organization) -> str:
    return _url("organization-network", slug=org.slug)


def tie_url(a: Organization, b: Organization) -> str:
    low, high = sorted((a, b), key=lambda o: o.pk)
    return _url("tie-detail", low=low.slug, high=high.slug)


def _label(org: Organization) -> str:
    return org.acronym or (org.name if len(org.name) <= 28 else org.name[:26] + "…")


def _tie_title(link) -> str:
    kinds = ", ".join(
        f"{n} {TieKind(kind).label.split()[0].lower()}" for kind, n in link.kinds.items() if n
    )
    return f"{link.low.name} and {link.high.name}: {kinds}"


def _node(org, weight) -> charts.Node:
    return charts.Node(
        key=org.pk,
        label=_label(org),
        name=org.name,
        url=network_url(org),
        country=org.country,
        weight=weight,
    )


def _edges(links) -> list[charts.Edge]:
    return [
        charts.Edge(
            a=link.low.pk,
            b=link.high.pk,
            weight=link.weight,
            url=tie_url(link.low, link.high),
            title=_tie_title(link),
            kinds=link.kinds,
        )
        for link in links
    ]


def _common(choice: Choice) -> dict:
    return {
        "choice": choice,
        "chosen_query": _query(choice),
        "countries": COUNTRIES,
        "tie_kinds": TieKind.choices,
        "sizes": ties.SIZES,
        "legend": [(code, COUNTRIES[code], country_color(code)) for code in ("CN", "KR", "JP")],
        "other_color": OTHER_COLOR,
    }


@require_safe
def archive_network(request):
    choice = choice_of(request.GET)
    figures = summary.figures()
    nodes, links = ties.archive_network(choice)
    shown = links[: ties.PICTURED_TIES]
    picture = charts.network_svg(
        charts.ring_layout([_node(n.organization, n.weight) for n in nodes]),
        _edges(shown),
        chart_id="network",
        title="The most connected organizations and their strongest ties",
    )
    context = {
        **_common(choice),
        "figures": figures,
        "nodes": [(n, network_url(n.organization)) for n in nodes],
        "links": [
            (link, tie_url(link.low, link.high), org_url(link.low), org_url(link.high))
            for link in shown[:LISTED_TIES]
        ],
        "listed_ties": min(len(shown), LISTED_TIES),
        "more_links": len(links) - min(len(shown), LISTED_TIES),
        "picture": picture,
    }
    return render(request, "archive/network.html", context)


@require_safe
def organization_network(request, slug):
    organization = get_object_or_404(Organization.objects.public(), slug=slug)
    choice = choice_of(request.GET)
    figures = summary.figures()
    partners = ties.partners_of(organization, choice)
    links = ties.ego_network(organization, partners, choice)
    center = _node(organization, max((p.weight for p in partners), default=1))
    around = [_node(p.organization, p.weight) for p in partners[: ties.PICTURED_PARTNERS]]
    picture = charts.network_svg(
        charts.ego_layout(center, around),
        _edges(links),
        chart_id="network",
        title=f"{organization.name} and its strongest partners",
    )
    page = Paginator(partners, PARTNERS_PAGE).get_page(request.GET.get("page"))
    page.object_list = ties.with_organizations(list(page.object_list))
    context = {
        **_common(choice),
        "entity": organization,
        "figures": figures,
        "page": page,
        "partners": [
            (p, tie_url(organization, p.organization), network_url(p.organization))
            for p in page.object_list
        ],
        "partner_count": len(partners),
        "picture": picture,
        "kept_query": _query(choice),
    }
    return render(request, "archive/organization_network.html", context)


@require_safe
def tie_detail(request, low, high):
    a = get_object_or_404(Organization.objects.public(), slug=low)
    b = get_object_or_404(Organization.objects.public(), slug=high)
    if a.pk == b.pk:
        raise Http404("An organization is not tied to itself")
    figures = summary.figures()
    years = ties.by_year(a, b)
    all_years = sorted({y for counts in years.values() for y in counts if y is not None})
    if all_years:
        all_years = list(range(all_years[0], all_years[-1] + 1))
    series = [
        charts.Series(TieKind(kind).label, kind, years[kind], color)
        for kind, color in zip(TieKind.values, ("#8e44ad", "#b35900", "#0b5cad"), strict=True)
    ]
    shared = sum(years["article"].values())
    articles = UncountedPage.of(
        ties.shared_articles(a, b, shared).only(*LIST_FIELDS), request.GET.get("page"), size=20
    )
    context = {
        "a": a,
        "b": b,
        "figures": figures,
        "agreements": list(ties.shared_agreements(a, b)[:SHOWN]),
        "agreement_count": sum(years["agreement"].values()),
        "events": list(ties.shared_events(a, b, sum(years["event"].values()))[:SHOWN]),
        "event_count": sum(years["event"].values()),
        "article_count": shared,
        "articles": articles.items,
        "page": articles,
        "charts": [charts.year_bars(s, all_years, f"tie-{s.unit}") for s in series if s.counts]
        if all_years
        else [],
        "table": [(y, [s.counts.get(y, 0) for s in series]) for y in all_years],
        "series": series,
        "undated": undated if any(undated := [s.counts.get(None, 0) for s in series]) else [],
    }
    return render(request, "archive/tie_detail.html", context)


FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "gexf": "application/gexf+xml; charset=utf-8",
    "graphml": "application/graphml+xml; charset=utf-8",
}


@require_safe
def network_export(request, fmt):
    """The network of a page as a file: the archive's (its organizations and every tie
    among them) or, with ?organization=, one organization's (it and all its partners)."""
    if fmt not in FORMATS:
        raise Http404("No such format")
    summary.figures()
    choice = choice_of(request.GET)
    slug = request.GET.get("organization")
    if slug:
        organization = get_object_or_404(Organization.objects.public(), slug=slug)
        partners = ties.with_organizations(ties.partners_of(organization, choice))
        links = [
            ties.Link(*sorted((organization, p.organization), key=lambda o: o.pk), p.kinds)
            for p in partners
        ]
        name = f"{organization.slug}-network"
        description = f"Organizations tied to {organization.name} in the Cooperation Archive"
        extra = [organization]
    else:
        _, links = ties.archive_network(choice)
        name, extra = "cooperation-network", []
        description = f"The {choice.size} most connected organizations of the Cooperation Archive"

    def url_of(org):
        return request.build_absolute_uri(org.get_absolute_url())

    def url_of_tie(link):
        return request.build_absolute_uri(tie_url(link.low, link.high))

    if fmt == "csv":
        body = graph_formats.ties_csv(links, url_of_tie=url_of_tie)
    elif fmt == "gexf":
        today = timezone.localdate().isoformat()
        body = graph_formats.gexf(
            links, url_of=url_of, description=description, today=today, extra=extra
        )
    else:
        body = graph_formats.graphml(links, url_of=url_of, description=description, extra=extra)
    response = HttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{name}.{fmt}"
    )
    return response
