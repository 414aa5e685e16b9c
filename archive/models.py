"""The archive's records: articles, the entities they state, and the mentions that tie each
fact to the span of text that supports it.

Two layers of truth live side by side: values written by the import, and values an editor set.
Every curated record keeps `locked_fields`, the names of the fields an editor changed; the
import never writes those. Deleted entities leave a `Tombstone` so a re-import does not bring
them back, and merged entities keep a pointer to their survivor.
"""

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from archive.countries import COUNTRY_CHOICES


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"
    UNKNOWN = "unknown", "Unknown"


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    REVIEW = "review", "In review"
    PUBLISHED = "published", "Published"


class Curated(models.Model):
    """Fields shared by every record an editor curates."""

    locked_fields = models.JSONField(
        default=list,
        blank=True,
        help_text="Fields an editor changed; the import never overwrites them.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ArticleStatus.PUBLISHED)


class Article(Curated):
    title = models.CharField(max_length=500)
    slug = models.SlugField(max_length=255, unique=True)
    published_on = models.DateField(null=True, blank=True)
    date_precision = models.CharField(
        max_length=8, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN
    )
    date_inferred = models.BooleanField(
        default=False, help_text="The page had no date line; the date was read from its text."
    )
    source = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    raw_text = models.TextField(help_text="The file exactly as imported.")
    body = models.TextField(help_text="The text with the page furniture removed.")
    language = models.CharField(max_length=8, default="en")
    content_hash = models.CharField(max_length=64, unique=True)
    source_file = models.CharField(max_length=255, blank=True)
    status = models.CharField(
        max_length=10, choices=ArticleStatus.choices, default=ArticleStatus.REVIEW
    )

    objects = ArticleQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["raw_text"])

    class Meta:
        ordering = ["-published_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_file"],
                condition=~Q(source_file=""),
                name="article_unique_source_file",
            ),
            models.CheckConstraint(
                condition=Q(published_on__isnull=True, date_precision=DatePrecision.UNKNOWN)
                | (Q(published_on__isnull=False) & ~Q(date_precision=DatePrecision.UNKNOWN)),
                name="article_date_matches_precision",
            ),
            models.CheckConstraint(
                condition=Q(status__in=ArticleStatus.values), name="article_status_valid"
            ),
        ]
        # The public lists' index (published, newest first, undated last) is made by
        # migration 0005: the two databases spell "undated last" differently.

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("article-detail", kwargs={"slug": self.slug})


class EntityQuerySet(models.QuerySet):
    """What is public: supported by at least one published article, not hidden, not merged."""

    mention_field: str = ""

    def public(self):
        published_support = Mention.objects.filter(
            **{self.mention_field: OuterRef("pk")}, article__status=ArticleStatus.PUBLISHED
        ).exclude(review_status=ReviewStatus.REJECTED)
        return self.filter(hidden=False, merged_into__isnull=True).filter(Exists(published_support))


class OrganizationQuerySet(EntityQuerySet):
    mention_field = "organization"


class PersonQuerySet(EntityQuerySet):
    mention_field = "person"


class AgreementQuerySet(EntityQuerySet):
    mention_field = "agreement"


class EventQuerySet(EntityQuerySet):
    mention_field = "event"


class Entity(Curated):
    """An organization or person: resolved by normalized name and aliases."""

    name = models.CharField(max_length=300)
    normalized_name = models.CharField(max_length=300, unique=True, editable=False)
    slug = models.SlugField(max_length=255, unique=True)
    hidden = models.BooleanField(default=False, help_text="Hidden by an editor from the public.")
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_from",
        help_text="Set when an editor merged this record into another.",
    )

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        """Keep the normalized name in step; a renamed record keeps its old name as an
        alias, so later imports still find it."""
        from archive.text import normalize_name

        old_key, new_key = self.normalized_name, normalize_name(self.name)
        old_name = None
        if self.pk and old_key and old_key != new_key:
            old_name = type(self).objects.filter(pk=self.pk).values_list("name", flat=True).first()
        self.normalized_name = new_key
        super().save(*args, **kwargs)
        if old_name:
            self.aliases.model.objects.get_or_create(
                normalized=old_key, defaults={"name": old_name, self.alias_owner: self}
            )


class OrganizationKind(models.TextChoices):
    ACADEMY = "academy", "Academy"
    UNIVERSITY = "university", "University"
    COMPANY = "company", "Company"
    GOVERNMENT = "government", "Government body"
    INSTITUTE = "institute", "Research institute"
    ASSOCIATION = "association", "Association or society"
    FOUNDATION = "foundation", "Foundation"
    DEPARTMENT = "department", "Department or office"
    OTHER = "other", "Other"


class Organization(Entity):
    acronym = models.CharField(max_length=40, blank=True)
    kind = models.CharField(
        max_length=12, choices=OrganizationKind.choices, default=OrganizationKind.OTHER
    )
    country = models.CharField(max_length=2, choices=COUNTRY_CHOICES, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="units"
    )

    objects = OrganizationQuerySet.as_manager()
    history = HistoricalRecords()
    alias_owner = "organization"

    class Meta(Entity.Meta):
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")), name="organization_not_own_parent"
            ),
            models.CheckConstraint(
                condition=~Q(merged_into=models.F("id")), name="organization_not_merged_into_self"
            ),
        ]
        indexes = [models.Index(fields=["acronym"], name="organization_acronym")]

    def get_absolute_url(self) -> str:
        return reverse("organization-detail", kwargs={"slug": self.slug})


class Person(Entity):
    native_name = models.CharField(
        max_length=100, blank=True, help_text="The name in Hangul, Hanzi or Kana, when known."
    )
    nationality = models.CharField(max_length=2, choices=COUNTRY_CHOICES, blank=True)

    objects = PersonQuerySet.as_manager()
    history = HistoricalRecords()
    alias_owner = "person"

    class Meta(Entity.Meta):
        verbose_name_plural = "people"
        constraints = [
            models.CheckConstraint(
                condition=~Q(merged_into=models.F("id")), name="person_not_merged_into_self"
            ),
        ]

    def get_absolute_url(self) -> str:
        return reverse("person-detail", kwargs={"slug": self.slug})


class Alias(models.Model):
    """Another name of an entity: an acronym, a spelling, or the name of a merged record.

    A normalized alias belongs to one entity, so resolution is never ambiguous."""

    name = models.CharField(max_length=300)
    normalized = models.CharField(max_length=300, editable=False)
    is_acronym = models.BooleanField(default=False)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        from archive.text import normalize_name

        self.normalized = normalize_name(self.name)
        super().save(*args, **kwargs)


class OrganizationAlias(Alias):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="aliases")

    class Meta(Alias.Meta):
        verbose_name_plural = "organization aliases"
        constraints = [
            models.UniqueConstraint(fields=["normalized"], name="organization_alias_unique")
        ]


class PersonAlias(Alias):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")

    class Meta(Alias.Meta):
        verbose_name_plural = "person aliases"
        constraints = [models.UniqueConstraint(fields=["normalized"], name="person_alias_unique")]


class Position(models.Model):
    """A person's title at an organization, as an article states it."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="positions")
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="positions"
    )
    title = models.CharField(max_length=200)

    history = HistoricalRecords()

    class Meta:
        ordering = ["person__name", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organization", "title"], name="position_unique"
            ),
            models.UniqueConstraint(
                fields=["person", "title"],
                condition=Q(organization__isnull=True),
                name="position_unique_without_organization",
            ),
        ]

    def __str__(self) -> str:
        where = f", {self.organization}" if self.organization_id else ""
        return f"{self.person}: {self.title}{where}"


class AgreementKind(models.TextChoices):
    MOU = "mou", "Memorandum of understanding"
    COOPERATION = "cooperation", "Cooperation agreement"
    CONTRACT = "contract", "Contract"
    OTHER = "other", "Other agreement"


class Agreement(Curated):
    title = models.CharField(max_length=500)
    slug = models.SlugField(max_length=255, unique=True)
    fingerprint = models.CharField(
        max_length=300,
        unique=True,
        editable=False,
        help_text="Kind, parties and date as extracted: how a re-import finds this record.",
    )
    kind = models.CharField(max_length=12, choices=AgreementKind.choices, default=AgreementKind.MOU)
    signed_on = models.DateField(null=True, blank=True)
    summary = models.TextField(blank=True)
    hidden = models.BooleanField(default=False)
    parties = models.ManyToManyField(Organization, related_name="agreements", blank=True)
    signatories = models.ManyToManyField(
        Person, through="Signatory", related_name="agreements_signed", blank=True
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_from"
    )

    objects = AgreementQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-signed_on", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("agreement-detail", kwargs={"slug": self.slug})


class Signatory(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE)
    person = models.ForeignKey(Person, on_delete=models.CASCADE)
    on_behalf_of = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agreement", "person"], name="signatory_unique")
        ]

    def __str__(self) -> str:
        return f"{self.person} signed {self.agreement}"


class EventKind(models.TextChoices):
    FORUM = "forum", "Forum"
    CONFERENCE = "conference", "Conference"
    VISIT = "visit", "Visit or delegation"
    EXHIBITION = "exhibition", "Exhibition or expo"
    SIGNING = "signing", "Signing ceremony"
    EXCHANGE = "exchange", "Exchange programme"
    MEETING = "meeting", "Meeting"
    OTHER = "other", "Other event"


class Event(Curated):
    name = models.CharField(max_length=300)
    slug = models.SlugField(max_length=255, unique=True)
    fingerprint = models.CharField(
        max_length=300,
        unique=True,
        editable=False,
        help_text="Normalized name and year as extracted: how a re-import finds this record.",
    )
    kind = models.CharField(max_length=12, choices=EventKind.choices, default=EventKind.OTHER)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(
        max_length=8, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN
    )
    city = models.CharField(max_length=100, blank=True)
    region = models.CharField(max_length=100, blank=True, help_text="Province or state.")
    country = models.CharField(max_length=2, choices=COUNTRY_CHOICES, blank=True)
    hidden = models.BooleanField(default=False)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_from"
    )

    objects = EventQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=False, end_date__gte=models.F("start_date")),
                name="event_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True, date_precision=DatePrecision.UNKNOWN)
                | (Q(start_date__isnull=False) & ~Q(date_precision=DatePrecision.UNKNOWN)),
                name="event_date_matches_precision",
            ),
        ]
        indexes = [models.Index(fields=["kind", "-start_date"], name="event_kind_date")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("event-detail", kwargs={"slug": self.slug})


class ParticipantRole(models.TextChoices):
    ORGANIZER = "organizer", "Organizer"
    PARTICIPANT = "participant", "Participant"


class EventParticipant(models.Model):
    """An organization or a person that organized or took part in an event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participants")
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    role = models.CharField(
        max_length=12, choices=ParticipantRole.choices, default=ParticipantRole.PARTICIPANT
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(organization__isnull=True, person__isnull=False)
                | Q(organization__isnull=False, person__isnull=True),
                name="participant_is_organization_or_person",
            ),
            models.UniqueConstraint(
                fields=["event", "organization", "role"],
                condition=Q(organization__isnull=False),
                name="participant_organization_unique",
            ),
            models.UniqueConstraint(
                fields=["event", "person", "role"],
                condition=Q(person__isnull=False),
                name="participant_person_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization or self.person} ({self.role}) at {self.event}"


class MentionKind(models.TextChoices):
    """What fact a mention supports."""

    NAME = "name", "Named"
    POSITION = "position", "Position held"
    PARENT = "parent", "Part of an organization"
    PARTY = "party", "Party to an agreement"
    SIGNATORY = "signatory", "Signed an agreement"
    AGREEMENT = "agreement", "Agreement signed"
    EVENT = "event", "Event held"
    ORGANIZER = "organizer", "Organized an event"
    PARTICIPANT = "participant", "Took part in an event"


class ReviewStatus(models.TextChoices):
    UNREVIEWED = "unreviewed", "Unreviewed"
    CONFIRMED = "confirmed", "Confirmed"
    REJECTED = "rejected", "Rejected"


class Mention(models.Model):
    """One fact as one article states it: the span of the article's body, the records it
    supports, and how sure the extraction was.

    A mention names up to two records: an entity (`kind=name`), or a relation such as a
    person's position (person + organization), an agreement's party (agreement +
    organization) or an event's participant (event + person or organization)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    kind = models.CharField(max_length=12, choices=MentionKind.choices)
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="mentions",
        db_index=False,  # a partial index below
    )
    person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="mentions",
        db_index=False,  # a partial index below
    )
    agreement = models.ForeignKey(
        Agreement,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="mentions",
        db_index=False,  # a partial index below
    )
    event = models.ForeignKey(
        Event,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="mentions",
        db_index=False,  # a partial index below
    )
    position = models.ForeignKey(
        Position,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="mentions",
        db_index=False,  # a partial index below
    )
    start = models.PositiveIntegerField(help_text="Offset of the span in the article's body.")
    end = models.PositiveIntegerField()
    quote = models.TextField(help_text="The text of the span.")
    confidence = models.FloatField()
    review_status = models.CharField(
        max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.UNREVIEWED
    )

    class Meta:
        ordering = ["article", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="mention_span"),
            models.CheckConstraint(
                condition=Q(confidence__gte=0, confidence__lte=1), name="mention_confidence_range"
            ),
            models.CheckConstraint(
                condition=Q(organization__isnull=False)
                | Q(person__isnull=False)
                | Q(agreement__isnull=False)
                | Q(event__isnull=False),
                name="mention_names_a_record",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=MentionKind.values), name="mention_kind_valid"
            ),
        ]
        # Most mentions name one or two of the five kinds of record: partial indexes leave
        # out the empty columns, so writing a mention updates three indexes, not seven.
        indexes = [
            models.Index(fields=["review_status", "confidence"], name="mention_review_queue"),
            *(
                models.Index(
                    fields=[target],
                    condition=Q(**{f"{target}__isnull": False}),
                    name=f"mention_{target}",
                )
                for target in ("organization", "person", "agreement", "event", "position")
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: “{self.quote}”"


class Tombstone(models.Model):
    """An entity an editor deleted, by normalized name, so a re-import does not recreate it."""

    class Kind(models.TextChoices):
        ORGANIZATION = "organization", "Organization"
        PERSON = "person", "Person"
        AGREEMENT = "agreement", "Agreement"
        EVENT = "event", "Event"

    kind = models.CharField(max_length=12, choices=Kind.choices)
    key = models.CharField(max_length=300, help_text="Normalized name or fingerprint.")
    name = models.CharField(max_length=300)
    deleted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="tombstone_unique")]

    def __str__(self) -> str:
        return f"deleted {self.kind}: {self.name}"
