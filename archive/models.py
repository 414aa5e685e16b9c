"""The archive's records: articles, the entities they state, and the mentions that tie each
fact to the span of text that supports it.

Two layers of truth live side by side: values written by the import, and values an editor set.
Every curated record keeps `locked_fields`, the names of the fields an editor changed; the
import never writes those. Deleted entities leave a `Tombstone` so a re-import does not bring
them back, and merged entities keep a pointer to their survivor.
"""

from collections.abc import Iterable

from django.conf import settings
from django.db import models, transaction
from django.db.models import Case, Exists, F, OuterRef, Q, Value, When
from django.db.models.functions import Now
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from archive.countries import COUNTRY_CHOICES
from archive.indexes import CoveringIndex


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"
    UNKNOWN = "unknown", "Unknown"


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    REVIEW = "review", "In review"
    PUBLISHED = "published", "Published"
    # A page nearly the same as an article already in the archive (archive.near_copies):
    # held, without its facts, until an editor keeps it or folds it into the original.
    DUPLICATE = "duplicate", "Candidate duplicate"


class Curated(models.Model):
    """Fields shared by every record an editor curates."""

    locked_fields = models.JSONField(
        default=list,
        blank=True,
        help_text="Fields an editor changed; the import never overwrites them.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)  # see TouchingQuerySet

    # Fields whose stored value a save compares with (archive.signals: a withdrawal, a
    # rename that other records show).
    watched_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db, field_names, values):
        record = super().from_db(db, field_names, values)
        record._stored = {name: record.__dict__.get(name) for name in cls.watched_fields}
        return record

    def stored(self, name: str):
        """The field's value as loaded from the database (None when not loaded)."""
        return getattr(self, "_stored", {}).get(name)


def _chunks(ids: list, size: int = 5000):
    """Ids in lists short enough for any database's limit on query parameters."""
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


# Newest first, undated last (in both databases): the order of the public lists, of the
# candidates a search keeps, and of the index that serves them (migration 0005).
NEWEST_FIRST = (F("published_on").desc(nulls_last=True), F("id").desc())


# Events newest first, undated last: the timeline.
TIMELINE = (F("start_date").desc(nulls_last=True), "name")


# Up to this many ids `having_pk_in` hands to the database as a list (measured at 100,000
# articles: a record's newest articles up to about 10,000 mentions, its events up to about
# 1,000 participations, a twentieth of all events).
LISTED_MENTIONS = 10_000
LISTED_PARTICIPATIONS = 1_000


class TouchingQuerySet(models.QuerySet):
    """`update()` moves `updated_at` on, as `save()` does (auto_now): a client that keeps a
    copy asks for what changed since a time (the API's `updated_since`), and a write in
    bulk (the import's, an editor's action, a refreshed public flag) is a change too."""

    def update(self, **values) -> int:
        values.setdefault("updated_at", timezone.now())
        return super().update(**values)

    def touch(self) -> int:
        """Mark these records changed: something they show (a relation, whether the
        public sees them) changed elsewhere."""
        return self.update(updated_at=timezone.now())


def having_pk_in(queryset, ids, *, listed_up_to: int):
    """queryset.filter(pk__in=ids), `ids` a values_list query (a record's article ids, say).

    For the newest few rows of such a filter PostgreSQL walks the rows newest first and
    looks each up among the ids: at once when the ids are many, but 2.7 s for the articles
    of a record named 215 times among 100,000 articles, or a scan of every event for an
    organization's few. So ids that are few are read first and given as a list."""
    listed = list(ids.order_by()[: listed_up_to + 1])
    if len(listed) <= listed_up_to:
        return queryset.filter(pk__any_of=set(listed))
    return queryset.filter(pk__in=ids)


class ArticleQuerySet(TouchingQuerySet):
    def published(self):
        return self.filter(status=ArticleStatus.PUBLISHED)

    def mentioned_in(self, mentions):
        """These articles, those of them that `mentions` (of one record, say) stand in."""
        ids = mentions.values_list("article_id", flat=True)
        return having_pk_in(self, ids, listed_up_to=LISTED_MENTIONS)

    def first_rows(self, count: int, fields: Iterable[str]) -> list:
        """The first `count` articles in the queryset's order, with these fields: their
        ids first, which an index that covers the order finds without reading a row (an
        article's row holds its whole text), then those rows alone."""
        ids = list(self.values_list("pk", flat=True)[:count])
        rows = self.model.objects.only(*fields).in_bulk(ids)
        return [rows[pk] for pk in ids]

    def update(self, **values) -> int:
        """A change of status refreshes whether the public sees what the articles mention,
        and marks their mentions changed; articles withdrawn from the public are recorded
        as removals, with their mentions. A new title marks the mentions that show it."""
        if not values.keys() & {"status", "title"}:
            return super().update(**values)
        from archive import changes

        with transaction.atomic(using=self.db):
            if "status" in values:
                moved = list(
                    self.exclude(status=values["status"]).values_list("pk", "status").order_by()
                )
            else:
                moved = []
            renamed = list(self.values_list("pk", flat=True)) if "title" in values else []
            count = super().update(**values)
            withdrawn = [pk for pk, status in moved if status == ArticleStatus.PUBLISHED]
            changes.articles_withdrawn(withdrawn, reason=changes.Reason.UNPUBLISHED)
            for chunk in _chunks([pk for pk, _ in moved]):
                mentions = Mention.objects.filter(article_id__in=chunk)
                mentions.refresh_public_records()
                mentions.touch()
            for chunk in _chunks(renamed):
                changes.renamed(Article, chunk)
        return count


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
    captured_at = models.DateTimeField(
        null=True, blank=True, help_text="When a web crawl captured the page (its WARC-Date)."
    )
    raw_text = models.TextField(help_text="The file exactly as imported.")
    body = models.TextField(help_text="The text with the page furniture removed.")
    language = models.CharField(max_length=8, default="en")
    content_hash = models.CharField(max_length=64, unique=True)
    source_file = models.CharField(max_length=255, blank=True)
    status = models.CharField(
        max_length=10, choices=ArticleStatus.choices, default=ArticleStatus.REVIEW
    )
    duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="near_copies",
        help_text="The article this page nearly repeats, when the import found one.",
    )
    near_copy_keys = models.BinaryField(
        null=True,
        editable=False,
        help_text="Keys of the body's shingles (MinHash bands): how near-copies are found.",
    )

    objects = ArticleQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["raw_text", "near_copy_keys"])
    watched_fields = ("status", "title")

    class Meta:
        ordering = NEWEST_FIRST
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
        # The lists' indexes newest first, undated last (published ones, and all for the
        # editors) are made by migrations 0005 and 0011: the two databases spell "undated
        # last" differently; so are the trigram indexes of the editors' search (0011).
        indexes = [
            models.Index(  # the feed of new arrivals
                fields=["-created_at", "-id"],
                condition=Q(status=ArticleStatus.PUBLISHED),
                name="article_published_arrivals",
            ),
            models.Index(fields=["language"], name="article_language"),  # the editors' filter
            models.Index(fields=["updated_at", "id"], name="article_changes"),  # updated_since
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("article-detail", kwargs={"slug": self.slug})


class EntityQuerySet(TouchingQuerySet):
    """What is public: a record supported by at least one published article through a
    mention not rejected, not hidden, not merged.

    Deciding that looks at the record's mentions and their articles, too slow for lists of
    thousands, so the answer is stored in `is_public`, and every write that can change it
    refreshes it: the querysets' `update()` of what it depends on (an article's status, a
    mention's review or target, a record's hidden or merged), archive.signals for saves and
    deletes, and the import, which writes in plain SQL, once a batch."""

    mention_field: str = ""

    def public(self):
        return self.filter(is_public=True)

    def deserves_public(self) -> Q:
        published_support = Mention.objects.filter(
            **{self.mention_field: OuterRef("pk")}, article__status=ArticleStatus.PUBLISHED
        ).exclude(review_status=ReviewStatus.REJECTED)
        return Q(Exists(published_support), hidden=False, merged_into__isnull=True)

    def refresh_public(self) -> int:
        """Store whether the public sees these records; returns how many changed."""
        # "pk in deserving" rather than a negated EXISTS per row, which PostgreSQL can only
        # answer by reading every mention (1 s a batch at 100,000 articles).
        from archive import changes

        deserving = self.filter(self.deserves_public()).values("pk")
        gained = self.filter(is_public=False, pk__in=deserving).update(is_public=True)
        lost = list(
            self.filter(is_public=True)
            .exclude(pk__in=deserving)
            .values_list("pk", "hidden", "merged_into_id")
            .order_by()
        )
        for chunk in _chunks(lost):
            self.model.objects.filter(pk__in=[pk for pk, _, _ in chunk]).update(is_public=False)
        changes.records_withdrawn(self.model, lost)
        return gained + len(lost)

    def update(self, **values) -> int:
        if not values.keys() & {"hidden", "merged_into", "merged_into_id", "name"}:
            return super().update(**values)
        from archive import changes

        with transaction.atomic(using=self.db):
            ids = list(self.values_list("pk", flat=True))
            count = super().update(**values)
            for chunk in _chunks(ids):
                self.model.objects.filter(pk__in=chunk).refresh_public()
                if "name" in values:
                    changes.renamed(self.model, chunk)
        return count


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
    is_public = models.BooleanField(default=False, editable=False)  # see EntityQuerySet

    watched_fields = ("name",)

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
    history = HistoricalRecords(excluded_fields=["is_public"])
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
        indexes = [
            models.Index(fields=["acronym"], name="organization_acronym"),
            models.Index(fields=["name"], condition=Q(is_public=True), name="organization_public"),
            models.Index(fields=["updated_at", "id"], name="organization_changes"),
        ]

    def get_absolute_url(self) -> str:
        return reverse("organization-detail", kwargs={"slug": self.slug})


class Person(Entity):
    native_name = models.CharField(
        max_length=100, blank=True, help_text="The name in Hangul, Hanzi or Kana, when known."
    )
    nationality = models.CharField(max_length=2, choices=COUNTRY_CHOICES, blank=True)

    objects = PersonQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["is_public"])
    alias_owner = "person"

    class Meta(Entity.Meta):
        verbose_name_plural = "people"
        constraints = [
            models.CheckConstraint(
                condition=~Q(merged_into=models.F("id")), name="person_not_merged_into_self"
            ),
        ]
        indexes = [
            models.Index(fields=["name"], condition=Q(is_public=True), name="person_public"),
            models.Index(fields=["updated_at", "id"], name="person_changes"),
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
    JOINT_STATEMENT = "joint_statement", "Joint statement or declaration"
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
    kind = models.CharField(max_length=20, choices=AgreementKind.choices, default=AgreementKind.MOU)
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
    is_public = models.BooleanField(default=False, editable=False)  # see EntityQuerySet

    objects = AgreementQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["is_public"])

    class Meta:
        ordering = (F("signed_on").desc(nulls_last=True), "title")
        # The public list's index, in this order, is made by migration 0006.
        indexes = [models.Index(fields=["updated_at", "id"], name="agreement_changes")]

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
    WORKSHOP = "workshop", "Workshop or seminar"
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
    is_public = models.BooleanField(default=False, editable=False)  # see EntityQuerySet

    objects = EventQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["is_public"])

    class Meta:
        ordering = TIMELINE
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
        indexes = [
            models.Index(fields=["kind", "-start_date"], name="event_kind_date"),
            models.Index(fields=["updated_at", "id"], name="event_changes"),
        ]
        # The timeline's index (public, in this order) is made by migration 0006.

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


# What a mention can name that has a public page of its own.
PUBLIC_RECORDS = ("organization", "person", "agreement", "event")


class MentionQuerySet(TouchingQuerySet):
    def public(self):
        """What the public reads: mentions in published articles that no editor rejected."""
        return self.filter(article__status=ArticleStatus.PUBLISHED).exclude(
            review_status=ReviewStatus.REJECTED
        )

    def named_records(self) -> dict[str, list[int | None]]:
        """The ids of the records these mentions name, by kind: {"organization": [3, 5]}."""
        named = {field: [] for field in PUBLIC_RECORDS}
        for row in self.order_by().values_list(*(f"{field}_id" for field in PUBLIC_RECORDS)):
            for field, pk in zip(PUBLIC_RECORDS, row, strict=True):
                named[field].append(pk)
        return named

    def refresh_public_records(self) -> None:
        """Refresh `is_public` of the records these mentions name: after their articles'
        status, their review or what they point to changed."""
        refresh_public_named(self.named_records())

    def update(self, **values) -> int:
        """A change of review or of target refreshes the records named before and after."""
        targets = {f"{field}_id": field for field in PUBLIC_RECORDS} | {
            field: field for field in PUBLIC_RECORDS
        }
        if not values.keys() & {"review_status", *targets}:
            return super().update(**values)
        from archive import changes

        with transaction.atomic(using=self.db):
            named = self.named_records()
            if values.get("review_status") == ReviewStatus.REJECTED:
                changes.mentions_rejected(list(self.public().values_list("pk", flat=True)))
            count = super().update(**values)
            for key, value in values.items():
                if key in targets:
                    named[targets[key]].append(getattr(value, "pk", value))
            refresh_public_named(named)
        return count


def show_supported(named: dict[str, Iterable[int | None]]) -> None:
    """Records that new mentions support (their articles published, they not rejected)
    become public unless hidden or merged: what the import does for its new mentions,
    by primary key, without reading mentions back. They are marked changed too: what the
    import states with a mention (a position, a party, a participant) is part of them."""
    for field, ids in named.items():
        model = Mention._meta.get_field(field).related_model
        for chunk in _chunks(sorted(set(ids) - {None})):
            # one statement: public unless hidden or merged, and changed (updated_at)
            model.objects.filter(pk__in=chunk).update(
                is_public=Case(
                    When(hidden=False, merged_into__isnull=True, then=Value(True)),
                    default=F("is_public"),
                )
            )


def refresh_public_named(named: dict[str, Iterable[int | None]]) -> None:
    """Refresh `is_public` of records given by kind and ids: {"organization": [3, 5]}.
    For mentions that are gone or changed, whose records may have lost their support."""
    for field, ids in named.items():
        model = Mention._meta.get_field(field).related_model
        for chunk in _chunks(sorted(set(ids) - {None})):
            model.objects.filter(pk__in=chunk).refresh_public()


class Mention(models.Model):
    """One fact as one article states it: the span of the article's body, the records it
    supports, and how sure the extraction was.

    A mention names up to two records: an entity (`kind=name`), or a relation such as a
    person's position (person + organization), an agreement's party (agreement +
    organization) or an event's participant (event + person or organization)."""

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="mentions",
        db_index=False,  # a covering index below
    )
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
    # The import inserts mentions in plain SQL: the database sets the time it leaves out.
    updated_at = models.DateTimeField(auto_now=True, db_default=Now())

    objects = MentionQuerySet.as_manager()
    # Editors' review decisions: who, when, from which interface (the change reason). The
    # import writes mentions in plain SQL, so this table holds editors' changes only.
    history = HistoricalRecords()

    class Meta:
        ordering = ["article_id", "start"]  # by id: "article" would sort by the articles' order
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
            # The facets of a page of results read these columns of its articles' mentions;
            # on PostgreSQL from the index alone.
            CoveringIndex(
                fields=["article"],
                include=["kind", "review_status", "organization", "person", "event"],
                name="mention_article",
            ),
            models.Index(  # in the review queue's order
                fields=["-review_status", "confidence", "id"], name="mention_review_queue"
            ),
            models.Index(fields=["updated_at", "id"], name="mention_changes"),
            *(  # a record's articles, from the index alone (ArticleQuerySet.mentioned_in)
                CoveringIndex(
                    fields=[target],
                    include=["article", "review_status"],
                    condition=Q(**{f"{target}__isnull": False}),
                    name=f"mention_{target}_articles",
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


class RecordKind(models.TextChoices):
    """The kinds of record the API serves, by the name of their list."""

    ARTICLE = "article", "Article"
    ORGANIZATION = "organization", "Organization"
    PERSON = "person", "Person"
    AGREEMENT = "agreement", "Agreement"
    EVENT = "event", "Event"
    MENTION = "mention", "Mention"


class RemovalReason(models.TextChoices):
    DELETED = "deleted", "Deleted"
    HIDDEN = "hidden", "Hidden by an editor"
    MERGED = "merged", "Merged into another record"
    UNPUBLISHED = "unpublished", "No longer published (or no published article supports it)"
    REJECTED = "rejected", "Rejected by an editor (a mention)"


class Removal(models.Model):
    """A record that left a reader's view: deleted, hidden, merged, no longer published,
    or (a mention) rejected. Written in the transaction that removes it (archive.changes),
    so that a client keeping a copy learns what to drop (the API's /api/removals/)."""

    kind = models.CharField(max_length=12, choices=RecordKind.choices)
    record_id = models.BigIntegerField(help_text="The record's id; it may no longer exist.")
    reason = models.CharField(max_length=12, choices=RemovalReason.choices)
    merged_into_id = models.BigIntegerField(
        null=True, blank=True, help_text="Where a merged record's facts are now."
    )
    public = models.BooleanField(
        default=True, help_text="The public could read the record until then."
    )
    removed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["removed_at", "id"]
        indexes = [models.Index(fields=["removed_at", "id"], name="removal_changes")]

    def __str__(self) -> str:
        return f"{self.kind} {self.record_id} {self.reason}"


class Merge(models.Model):
    """An editor's merge of one organization or person into another, with every row it
    moved and every row it folded away, so that it can be undone (archive.merging)."""

    class Kind(models.TextChoices):
        ORGANIZATION = "organization", "Organization"
        PERSON = "person", "Person"

    kind = models.CharField(max_length=12, choices=Kind.choices)
    merged_id = models.BigIntegerField(help_text="The record folded into the survivor.")
    survivor_id = models.BigIntegerField()
    merged_name = models.CharField(max_length=300)
    survivor_name = models.CharField(max_length=300)
    moved = models.JSONField(default=dict, help_text="What the merge moved, by kind of row.")
    merged_at = models.DateTimeField(auto_now_add=True)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    interface = models.CharField(max_length=20, default="admin")
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-merged_at", "-id"]
        indexes = [models.Index(fields=["kind", "merged_id"], name="merge_of_record")]

    def __str__(self) -> str:
        return f"{self.merged_name} merged into {self.survivor_name}"


class ImportRun(models.Model):
    """One run of the import: when, what it did, and the ids of the mentions it wrote (a
    run writes its mentions alone, so they are one range), to measure the extraction by
    editors' decisions run by run."""

    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    pages = models.PositiveIntegerField(default=0)
    first_mention_id = models.BigIntegerField(null=True, blank=True)
    last_mention_id = models.BigIntegerField(null=True, blank=True)
    summary = models.JSONField(default=dict, help_text="Records per kind and outcome.")

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"import of {self.started_at:%Y-%m-%d %H:%M} ({self.pages} pages)"


# The figures computed ahead from the public archive (archive.summary) and their state:
# imported here so that Django finds them among the archive's models.
from archive.summary.models import (  # noqa: E402, F401
    CountryOrganization,
    CountryYear,
    OrganizationFigures,
    PersonFigures,
    PlaceFigures,
    SummaryState,
    Tie,
    TieKind,
    TieWeight,
)
