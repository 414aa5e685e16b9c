"""Who works with whom, read from the ties computed ahead (archive.summary.models.Tie):
the network of the archive's most connected organizations, one organization's partners,
and the records behind one tie. Every read is bounded by the organizations it asks
about, whatever the archive's size."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import F, IntegerField, Q, Sum, Value
from django.db.models.expressions import RawSQL

from archive.models import (
    Agreement,
    Article,
    Event,
    EventParticipant,
    Mention,
    Organization,
    OrganizationFigures,
    ReviewStatus,
    Tie,
    TieKind,
    TieWeight,
)

SIZES = (20, 40, 80)  # how many organizations a network may show
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

    def weighed(self, column: str = "{kind}s"):
        """The sum, over rows, of the columns of the chosen kinds ("agreements", ...)."""
        return Sum(sum((F(column.format(kind=kind)) for kind in self.kinds), Value(0)))

    def in_period(self) -> Q:
        """TieWeight rows of the period; a period leaves out what has no date."""
        condition = Q()
        if self.since is not None:
            condition &= Q(year__gte=self.since)
        if self.until is not None:
            condition &= Q(year__lte=self.until)
        return condition


@dataclass
class Partner:
    organization: Organization | None
    weight: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    pk: int = 0

    def __post_init__(self):
        self.pk = self.pk or self.organization.pk


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
    ids = set(ids)
    if not ids:  # no query (PostgreSQL would ask about an empty list)
        return {}
    rows = Organization.objects.public().only(*ORG_FIELDS).filter(pk__any_of=ids)
    return {org.pk: org for org in rows}


def _ties(ties, choice: Choice):
    """(low, high, low_country, high_country, via, how often in the choice's period) of
    ties; with a period the database sums their years (thousands of ties a page)."""
    fields = ("low_id", "high_id", "low_country", "high_country", "via")
    ties = ties.filter(via__in=choice.kinds)
    if not choice.period:
        return ties.values_list(*fields, "total")
    return (
        ties.annotate(within=_within(choice.since, choice.until))
        .filter(within__gt=0)
        .values_list(*fields, "within")
    )


def _within(since: int | None, until: int | None) -> RawSQL:
    """A tie's records in these years (both ends included); "0", no date, is left out."""
    bounds = (since or 1, until or 9999)
    if connection.vendor == "postgresql":
        sql = (
            "SELECT COALESCE(SUM(CAST(y.value AS integer)), 0)"
            ' FROM jsonb_each_text("archive_tie"."years") AS y'
            " WHERE CAST(y.key AS integer) BETWEEN %s AND %s"
        )
    else:
        sql = (
            "SELECT COALESCE(SUM(y.value), 0) FROM json_each(archive_tie.years) AS y"
            " WHERE CAST(y.key AS integer) BETWEEN %s AND %s"
        )
    return RawSQL(f"({sql})", bounds, output_field=IntegerField())


def _links_among(
    ids: list[int], choice: Choice, organizations: dict, *, across: tuple[str, ...] = ()
) -> list[Link]:
    ties = Tie.objects.filter(low__any_of=set(ids), high__any_of=set(ids))
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


def _top(choice: Choice, weights) -> list[tuple[int, int]]:
    return list(
        weights.values("organization")
        .annotate(w=choice.weighed())
        .filter(w__gt=0)
        .order_by("-w", "organization")
        .values_list("organization", "w")[: choice.size]
    )


def archive_network(choice: Choice) -> tuple[list[Partner], list[Link]]:
    """The `choice.size` organizations with the most ties in the choice, and the ties
    among them, strongest first."""
    if not choice.period and not choice.country:  # the totals, one row an organization
        top = list(
            OrganizationFigures.objects.filter(organization__is_public=True)
            .annotate(w=choice.weighed("{kind}_ties"))
            .filter(w__gt=0)
            .order_by("-w", "organization")
            .values_list("organization", "w")[: choice.size]
        )
    else:
        weights = TieWeight.objects.filter(choice.in_period(), organization__is_public=True)
        if choice.country:
            weights = weights.filter(Q(country=choice.country) | Q(partner_country=choice.country))
        top = _top(choice, weights)
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
    weights = TieWeight.objects.filter(
        choice.in_period(),
        organization__is_public=True,
        country__in=codes,
        partner_country__in=codes,
    ).exclude(partner_country=F("country"))
    top = _top(choice, weights)
    organizations = _public(pk for pk, _ in top)
    nodes = [Partner(organizations[pk], w) for pk, w in top if pk in organizations]
    ids = [n.organization.pk for n in nodes]
    return nodes, _links_among(ids, choice, organizations, across=codes)


def partners_of(organization: Organization, choice: Choice) -> list[Partner]:
    """Every public organization tied to this one in the choice, strongest first; their
    records are not read yet (`with_organizations` reads those a page shows)."""
    ties = Tie.objects.filter(Q(low=organization) | Q(high=organization))
    found: dict[int, dict[str, int]] = defaultdict(dict)
    for low, high, low_country, high_country, via, count in _ties(ties, choice):
        other, country = (high, high_country) if low == organization.pk else (low, low_country)
        if choice.country and country != choice.country:
            continue
        found[other][via] = found[other].get(via, 0) + count
    public = set(
        Organization.objects.public().filter(pk__any_of=set(found)).values_list("pk", flat=True)
    )
    partners = [
        Partner(None, sum(kinds.values()), kinds, pk) for pk, kinds in found.items() if pk in public
    ]
    return sorted(partners, key=lambda p: (-p.weight, p.pk))


def with_organizations(partners: list[Partner]) -> list[Partner]:
    """These partners, with their organizations read (one query)."""
    organizations = _public(p.pk for p in partners if p.organization is None)
    for partner in partners:
        partner.organization = partner.organization or organizations.get(partner.pk)
    return [p for p in partners if p.organization is not None]


def ego_network(organization: Organization, partners: list[Partner], choice: Choice) -> list[Link]:
    """The ties among an organization and its strongest partners (its picture); their
    organizations are read."""
    shown = with_organizations(partners[:PICTURED_PARTNERS])
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


def shared_events(a: Organization, b: Organization, shared: int):
    """The public events both organized or took part in; `shared` is how many the figures
    say they are. Many (one event in 36 or more): the timeline is walked newest first;
    few: the ids of each one's events are intersected first (a walk could read every
    event)."""
    taking_part = EventParticipant.objects.order_by().values("event_id")
    if shared >= DENSE_EVENTS:
        return (
            Event.objects.public()
            .filter(pk__in=taking_part.filter(organization=a))
            .filter(pk__in=taking_part.filter(organization=b))
        )
    both = taking_part.filter(organization=a).intersection(taking_part.filter(organization=b))
    return Event.objects.public().filter(pk__any_of={pk for (pk,) in both.values_list()})


DENSE_EVENTS = 500


# Two organizations that share at least this many articles find them by walking the
# newest articles (one in 50 names both, at worst); fewer shared, and the walk may read
# every article of the archive: their ids are found first, by intersecting the two
# organizations' mentions (index only; 25 ms for the two most named at 100,000 articles).
DENSE = 2000


def shared_articles(a: Organization, b: Organization, shared: int):
    """The published articles that name both (through mentions not rejected); `shared`
    is how many the figures say they are."""
    named = Mention.objects.exclude(review_status=ReviewStatus.REJECTED)
    if shared >= DENSE:
        return (
            Article.objects.published()
            .filter(pk__in=named.filter(organization=a).values("article_id"))
            .filter(pk__in=named.filter(organization=b).values("article_id"))
        )
    named = named.order_by().values("article_id")
    both = named.filter(organization=a).intersection(named.filter(organization=b))
    ids = set(both.values_list("article_id", flat=True))
    return Article.objects.published().filter(pk__any_of=ids)
