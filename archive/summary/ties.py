"""Who works with whom, read from the ties computed ahead (archive.summary.models.Tie):
the network of the archive's most connected organizations, one organization's partners,
and the records behind one tie. Every read is bounded by the organizations it asks
about, whatever the archive's size."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import F, Q, Sum

from archive.models import (
    Agreement,
    Article,
    Event,
    Mention,
    Organization,
    ReviewStatus,
    Tie,
    TieKind,
    TieWeight,
)

SIZES = (20, 40, 80, 150)  # how many organizations a network may show
DEFAULT_SIZE = 40
PICTURED_TIES = 150  # the strongest ties drawn and listed
PICTURED_PARTNERS = 30  # an organization's strongest partners drawn around it
ORG_FIELDS = ("name", "slug", "acronym", "country", "kind")


@dataclass(frozen=True)
class Choice:
    """What a network is narrowed to: a period (years, both ends included), the country of
    one of the two organizations, the kinds of tie."""

    since: int | None = None
    until: int | None = None
    country: str = ""
    kinds: tuple[str, ...] = tuple(TieKind.values)
    size: int = DEFAULT_SIZE

    @property
    def period(self) -> bool:
        return self.since is not None or self.until is not None

    def years(self) -> Q:
        """Rows by year (TieWeight) of the kinds and in the period; a period leaves out
        what has no date."""
        condition = Q(via__in=self.kinds)
        if self.since is not None:
            condition &= Q(year__gte=self.since)
        if self.until is not None:
            condition &= Q(year__lte=self.until)
        return condition


@dataclass
class Partner:
    organization: Organization
    weight: int = 0
    kinds: dict[str, int] = field(default_factory=dict)


@dataclass
class Link:
    """A tie as pages show it: two organizations, how often by each kind."""

    low: Organization
    high: Organization
    kinds: dict[str, int]

    @property
    def weight(self) -> int:
        return sum(self.kinds.values())


def _public(ids) -> dict[int, Organization]:
    return Organization.objects.public().only(*ORG_FIELDS).in_bulk(list(ids))


def _ties(ties, choice: Choice):
    """(low, high, low_country, high_country, via, count in the choice's period) of ties."""
    fields = ("low_id", "high_id", "low_country", "high_country", "via", "total", "years")
    for row in ties.filter(via__in=choice.kinds).only(*fields):
        count = row.within(choice.since, choice.until)
        if count:
            yield row.low_id, row.high_id, row.low_country, row.high_country, row.via, count


def _links_among(
    ids: list[int], choice: Choice, organizations: dict, *, across: tuple[str, ...] = ()
) -> list[Link]:
    ties = Tie.objects.filter(low__in=ids, high__in=ids)
    if choice.country:
        ties = ties.filter(Q(low_country=choice.country) | Q(high_country=choice.country))
    if across:  # only ties between organizations of two of these countries
        ties = ties.filter(low_country__in=across, high_country__in=across).exclude(
            low_country=F("high_country")
        )
    kinds: dict[tuple[int, int], dict[str, int]] = defaultdict(dict)
    for low, high, _, _, via, count in _ties(ties, choice):
        kinds[low, high][via] = count
    links = [
        Link(organizations[low], organizations[high], by_kind)
        for (low, high), by_kind in kinds.items()
        if low in organizations and high in organizations
    ]
    return sorted(links, key=lambda link: (-link.weight, link.low.name, link.high.name))


def archive_network(choice: Choice) -> tuple[list[Partner], list[Link]]:
    """The `choice.size` organizations with the most ties in the choice, and the ties
    among them, strongest first."""
    weights = TieWeight.objects.filter(choice.years(), organization__is_public=True)
    if choice.country:
        weights = weights.filter(Q(country=choice.country) | Q(partner_country=choice.country))
    top = list(
        weights.values("organization")
        .annotate(w=Sum("weight"))
        .order_by("-w", "organization")
        .values_list("organization", "w")[: choice.size]
    )
    organizations = _public(pk for pk, _ in top)
    nodes = [Partner(organizations[pk], w) for pk, w in top if pk in organizations]
    links = _links_among([n.organization.pk for n in nodes], choice, organizations)
    return nodes, links


def between_countries(
    codes: tuple[str, ...], choice: Choice | None = None
) -> tuple[list[Partner], list[Link]]:
    """The organizations of these countries with the most ties to organizations of another
    of them, and those ties, strongest first."""
    choice = choice or Choice()
    weights = (
        TieWeight.objects.filter(
            choice.years(),
            organization__is_public=True,
            country__in=codes,
            partner_country__in=codes,
        )
        .exclude(partner_country=F("country"))
        .values("organization")
        .annotate(w=Sum("weight"))
        .order_by("-w", "organization")
        .values_list("organization", "w")[: choice.size]
    )
    top = list(weights)
    organizations = _public(pk for pk, _ in top)
    nodes = [Partner(organizations[pk], w) for pk, w in top if pk in organizations]
    ids = [n.organization.pk for n in nodes]
    return nodes, _links_among(ids, choice, organizations, across=codes)


def partners_of(organization: Organization, choice: Choice) -> list[Partner]:
    """Every organization tied to this one in the choice, strongest first."""
    ties = Tie.objects.filter(Q(low=organization) | Q(high=organization))
    found: dict[int, dict[str, int]] = defaultdict(dict)
    for low, high, low_country, high_country, via, count in _ties(ties, choice):
        other, country = (high, high_country) if low == organization.pk else (low, low_country)
        if choice.country and country != choice.country:
            continue
        found[other][via] = found[other].get(via, 0) + count
    organizations = _public(found)
    partners = [
        Partner(organizations[pk], sum(kinds.values()), kinds)
        for pk, kinds in found.items()
        if pk in organizations
    ]
    return sorted(partners, key=lambda p: (-p.weight, p.organization.name))


def ego_network(organization: Organization, partners: list[Partner], choice: Choice) -> list[Link]:
    """The ties among an organization and its strongest partners (its picture)."""
    shown = partners[:PICTURED_PARTNERS]
    organizations = {organization.pk: organization} | {
        p.organization.pk: p.organization for p in shown
    }
    return _links_among(sorted(organizations), choice, organizations)


def by_year(low: Organization, high: Organization) -> dict[str, dict[int | None, int]]:
    """How often two organizations were tied each year (None: no date), by kind of tie."""
    a, b = sorted((low.pk, high.pk))
    years: dict[str, dict[int | None, int]] = {kind: {} for kind in TieKind.values}
    for via, counts in Tie.objects.filter(low=a, high=b).values_list("via", "years"):
        for year, count in counts.items():
            years[via][int(year) or None] = count
    return years


def shared_agreements(a: Organization, b: Organization):
    return Agreement.objects.public().filter(parties=a).filter(parties=b)


def shared_events(a: Organization, b: Organization):
    both = Event.objects.public().filter(participants__organization=a)
    return Event.objects.public().filter(
        pk__in=both.filter(participants__organization=b).values("pk")
    )


def shared_articles(a: Organization, b: Organization):
    """The published articles that name both (through mentions not rejected)."""
    named = Mention.objects.exclude(review_status=ReviewStatus.REJECTED)
    return (
        Article.objects.published()
        .filter(pk__in=named.filter(organization=a).values("article_id"))
        .filter(pk__in=named.filter(organization=b).values("article_id"))
    )
