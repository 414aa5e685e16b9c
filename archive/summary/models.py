"""The tables of figures computed ahead from the public archive (archive.summary.build):
how often each record is named, who works with whom, and the countries side by side.

They are a copy, rebuilt whole; nothing else writes them. They point at records without
foreign-key constraints (a record deleted since the last build leaves a row no page
joins), and pages join them to the records' `is_public` as they read, so that a record an
editor hides disappears at once, not at the next build."""

from django.db import models

from archive.countries import COUNTRY_CHOICES


def _record(model: str, **options):
    """A record pointed at without a constraint, and without an index of its own (the
    tables' own indexes lead with it where a page looks it up)."""
    return models.ForeignKey(
        model,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
        **options,
    )


class SummaryState(models.Model):
    """When the figures were built, and from which revision of the archive."""

    name = models.CharField(max_length=40, primary_key=True)
    revision = models.CharField(max_length=100)
    built_at = models.DateTimeField()
    seconds = models.FloatField(help_text="How long the build took.")

    stale = False  # set on a state shown while a newer one is being built

    def __str__(self) -> str:
        return f"{self.name} at {self.revision}"


class OrganizationFigures(models.Model):
    """How many published articles name an organization (through a mention not rejected),
    how many others it is tied to, and how often."""

    organization = models.OneToOneField(
        "archive.Organization",
        primary_key=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="figures",
    )
    articles = models.IntegerField()
    partners = models.IntegerField(default=0)
    # how often it is tied to others, by each kind of tie, in all years
    agreement_ties = models.IntegerField(default=0)
    event_ties = models.IntegerField(default=0)
    article_ties = models.IntegerField(default=0)

    def __str__(self) -> str:
        return f"organization {self.organization_id}: {self.articles} articles"


class PersonFigures(models.Model):
    """How many published articles name a person (through a mention not rejected)."""

    person = models.OneToOneField(
        "archive.Person",
        primary_key=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="figures",
    )
    articles = models.IntegerField()

    def __str__(self) -> str:
        return f"person {self.person_id}: {self.articles} articles"


class TieKind(models.TextChoices):
    AGREEMENT = "agreement", "Agreements signed together"
    EVENT = "event", "Events taken part in together"
    ARTICLE = "article", "Articles naming both"


class Tie(models.Model):
    """Two organizations (low id first) tied by one kind of tie: how many times in all,
    and in each year (`years`: {"2019": 3}; "0" for records without a date)."""

    low = _record("archive.Organization")
    high = _record("archive.Organization")
    via = models.CharField(max_length=9, choices=TieKind.choices)
    total = models.IntegerField()
    years = models.JSONField()
    low_country = models.CharField(max_length=2, choices=COUNTRY_CHOICES, blank=True)
    high_country = models.CharField(max_length=2, choices=COUNTRY_CHOICES, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["low", "high"], name="tie_low"),
            models.Index(fields=["high", "low"], name="tie_high"),
        ]

    def __str__(self) -> str:
        return f"{self.low_id}–{self.high_id} by {self.via}: {self.total}"


class TieWeight(models.Model):
    """How often an organization was tied in a year to the organizations of one country,
    by each kind of tie: what picks the most connected organizations of a period or a
    country without reading every tie (42,000 rows at 100,000 articles)."""

    organization = _record("archive.Organization")
    country = models.CharField(max_length=2, choices=COUNTRY_CHOICES, blank=True)
    partner_country = models.CharField(max_length=2, choices=COUNTRY_CHOICES, blank=True)
    year = models.SmallIntegerField(null=True)
    agreements = models.IntegerField(default=0)
    events = models.IntegerField(default=0)
    articles = models.IntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.organization_id} with {self.partner_country} in {self.year}"


class CountryYear(models.Model):
    """Agreements, events and articles in a year involving a group of countries (`countries`
    "CN-KR" or "CN-JP-KR"), or the whole archive (`countries` "")."""

    countries = models.CharField(max_length=8)
    year = models.SmallIntegerField(null=True)
    agreements = models.IntegerField(default=0)
    events = models.IntegerField(default=0)
    articles = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["countries", "year"], name="country_year_unique")
        ]

    def __str__(self) -> str:
        return f"{self.countries or 'all'} {self.year}"


class CountryOrganization(models.Model):
    """An organization's agreements, events and articles involving a group of countries."""

    countries = models.CharField(max_length=8)
    organization = _record("archive.Organization")
    agreements = models.IntegerField(default=0)
    events = models.IntegerField(default=0)
    articles = models.IntegerField(default=0)
    total = models.IntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["countries", "-total"], name="country_org_top")]

    def __str__(self) -> str:
        return f"{self.countries}: {self.organization_id} ({self.total})"


class PlaceFigures(models.Model):
    """How many events took place in a city or province, for a group of countries or all."""

    countries = models.CharField(max_length=8)
    place = models.CharField(max_length=100)
    country = models.CharField(max_length=2, choices=COUNTRY_CHOICES, blank=True)
    events = models.IntegerField()

    def __str__(self) -> str:
        return f"{self.countries or 'all'}: {self.place} ({self.events})"
