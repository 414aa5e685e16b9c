"""What the API says of each record. Fields are listed explicitly: a new model field is not
published until it is added here."""

import functools
import hashlib

from django.db import models
from django.urls import reverse
from rest_framework import serializers

from api.errors import Conflict, RuleBroken
from archive.models import (
    Agreement,
    Article,
    Event,
    EventParticipant,
    Mention,
    Organization,
    Person,
    Position,
)


def summary(record, route: str, context: dict) -> dict | None:
    """A short reference to a related record, with its API address. A plain function, not
    a serializer: an event list names 700 records a page, and a serializer each cost more
    than the data."""
    if record is None:
        return None
    path = f"{_list_path(route)}{record.pk}/"  # the router's detail route, without reverse()
    if request := context.get("request"):
        if "origin" not in context:  # once a response, not once a record
            context["origin"] = request.build_absolute_uri("/").removesuffix("/")
        path = context["origin"] + path
    return {"id": record.pk, "name": str(record), "url": path}


@functools.cache
def _list_path(route: str) -> str:
    return reverse(f"api:{route}-list")


def summaries(records, route: str, context: dict) -> list[dict]:
    return [summary(record, route, context) for record in records]


class StrictBooleanField(serializers.BooleanField):
    """true or false, as the schema says; not "yes", "1" or "on"."""

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


class SlugText(serializers.CharField):
    """Slugs keep Hangul and Hanzi: not the ASCII-only pattern of a SlugField."""

    def __init__(self, *, allow_unicode: bool = True, **kwargs):
        super().__init__(**kwargs)


class StrictIdField(serializers.PrimaryKeyRelatedField):
    """A related record's id as a JSON integer, as the schema says; not "5". An id that
    names no record is well-formed but refers to nothing: 422."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("incorrect_type", data_type=type(data).__name__)
        try:
            return super().to_internal_value(data)
        except serializers.ValidationError as error:
            raise RuleBroken({self.field_name: error.detail}) from None


class StrictCharField(serializers.CharField):
    """Text as a JSON string, as the schema says; a number is not coerced into one, and
    the string is kept as given (a title of one character stays one character)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("trim_whitespace", False)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class RecordSerializer(serializers.ModelSerializer):
    """Input is taken as the schema describes it; NUL characters, which no database text
    column can hold, are dropped from strings."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.BooleanField: StrictBooleanField,
        models.CharField: StrictCharField,
        models.TextField: StrictCharField,
        models.SlugField: SlugText,
    }
    serializer_related_field = StrictIdField

    def to_internal_value(self, data):
        if isinstance(data, dict) and (unknown := sorted(set(data) - set(self.fields))):
            raise serializers.ValidationError({name: ["This is not a field."] for name in unknown})
        if isinstance(data, dict):
            data = {k: v.replace("\x00", "") if isinstance(v, str) else v for k, v in data.items()}
        return super().to_internal_value(data)

    def validate_name(self, value: str) -> str:
        """Two records of a kind cannot share a name (as the import matches them)."""
        from archive.text import normalize_name

        model = self.Meta.model
        if not any(field.name == "normalized_name" for field in model._meta.fields):
            return value  # events may share a name across years
        same = model.objects.filter(normalized_name=normalize_name(value))
        if self.instance is not None:
            same = same.exclude(pk=self.instance.pk)
        if same.exists():
            raise Conflict({"name": ["Another record already has this name."]})
        return value


def settle_date_precision(data, instance, date_field: str) -> None:
    """A date always has a precision (a day unless told otherwise), and no date has none."""
    day = data.get(date_field, getattr(instance, date_field, None))
    precision = data.get("date_precision", getattr(instance, "date_precision", "unknown"))
    if day is None:
        data["date_precision"] = "unknown"
    elif precision == "unknown":
        data["date_precision"] = "day"


class ArticleSerializer(RecordSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:article-detail")
    web_url = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = [
            "id",
            "url",
            "web_url",
            "slug",
            "title",
            "published_on",
            "date_precision",
            "date_inferred",
            "source",
            "language",
            "status",
        ]
        read_only_fields = ["slug"]

    def get_web_url(self, article) -> str:
        request = self.context.get("request")
        path = article.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


class ArticleDetailSerializer(ArticleSerializer):
    organizations = serializers.SerializerMethodField()
    persons = serializers.SerializerMethodField()
    agreements = serializers.SerializerMethodField()
    events = serializers.SerializerMethodField()

    url_original = serializers.URLField(
        source="url", required=False, allow_blank=True, help_text="Where the article was published."
    )

    class Meta(ArticleSerializer.Meta):
        fields = [
            *ArticleSerializer.Meta.fields,
            "body",
            "url_original",
            "organizations",
            "persons",
            "agreements",
            "events",
        ]

    def _supported(self, article, model, route: str) -> list[dict]:
        visible = self.context["visible"](model)
        records = visible.filter(mentions__article=article).distinct().order_by("pk")
        return summaries(records, route, self.context)

    def get_organizations(self, article) -> list[dict]:
        return self._supported(article, Organization, "organization")

    def get_persons(self, article) -> list[dict]:
        return self._supported(article, Person, "person")

    def get_agreements(self, article) -> list[dict]:
        return self._supported(article, Agreement, "agreement")

    def get_events(self, article) -> list[dict]:
        return self._supported(article, Event, "event")

    def validate(self, data):
        settle_date_precision(data, self.instance, "published_on")
        if self.instance is None:
            digest = hashlib.sha256(data["body"].encode("utf-8")).hexdigest()
            if Article.objects.filter(content_hash=digest).exists():
                raise Conflict({"body": ["An article with this text exists."]})
            data["content_hash"] = digest
        return data

    def create(self, validated_data):
        validated_data.setdefault("raw_text", validated_data["body"])
        return super().create(validated_data)


class OrganizationSerializer(RecordSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:organization-detail")
    aliases = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")
    parent = StrictIdField(queryset=Organization.objects.all(), allow_null=True, required=False)
    merged_into = serializers.SerializerMethodField()

    class Meta:
        model = Organization
        fields = [
            "id",
            "url",
            "slug",
            "name",
            "acronym",
            "aliases",
            "kind",
            "country",
            "parent",
            "hidden",
            "merged_into",
        ]
        read_only_fields = ["slug"]

    def get_merged_into(self, organization) -> dict | None:
        """Set when an editor merged this record: where its facts are now."""
        return summary(organization.merged_into, "organization", self.context)


class PositionSerializer(serializers.ModelSerializer):
    organization = serializers.SerializerMethodField()

    class Meta:
        model = Position
        fields = ["title", "organization"]

    def get_organization(self, position) -> dict | None:
        return summary(position.organization, "organization", self.context)


class PersonSerializer(RecordSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:person-detail")
    aliases = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")
    positions = PositionSerializer(many=True, read_only=True)
    merged_into = serializers.SerializerMethodField()

    class Meta:
        model = Person
        fields = [
            "id",
            "url",
            "slug",
            "name",
            "native_name",
            "aliases",
            "nationality",
            "positions",
            "hidden",
            "merged_into",
        ]
        read_only_fields = ["slug"]

    def get_merged_into(self, person) -> dict | None:
        return summary(person.merged_into, "person", self.context)


class AgreementSerializer(RecordSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:agreement-detail")
    parties = serializers.SerializerMethodField()
    signatories = serializers.SerializerMethodField()

    class Meta:
        model = Agreement
        fields = [
            "id",
            "url",
            "slug",
            "title",
            "kind",
            "signed_on",
            "summary",
            "parties",
            "signatories",
            "hidden",
        ]
        read_only_fields = ["slug"]

    def get_parties(self, agreement) -> list[dict]:
        return summaries(agreement.parties.all(), "organization", self.context)

    def get_signatories(self, agreement) -> list[dict]:
        return summaries(agreement.signatories.all(), "person", self.context)


class ParticipantSerializer(serializers.ModelSerializer):
    organization = serializers.SerializerMethodField()
    person = serializers.SerializerMethodField()

    class Meta:
        model = EventParticipant
        fields = ["role", "organization", "person"]

    def get_organization(self, participant) -> dict | None:
        return summary(participant.organization, "organization", self.context)

    def get_person(self, participant) -> dict | None:
        return summary(participant.person, "person", self.context)

    def to_representation(self, participant):
        # The fields above, without DRF's machinery per field: 700 participants a page.
        return {
            "role": participant.role,
            "organization": self.get_organization(participant),
            "person": self.get_person(participant),
        }


class EventSerializer(RecordSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:event-detail")
    participants = ParticipantSerializer(many=True, read_only=True)

    class Meta:
        model = Event
        fields = [
            "id",
            "url",
            "slug",
            "name",
            "kind",
            "start_date",
            "end_date",
            "date_precision",
            "city",
            "region",
            "country",
            "participants",
            "hidden",
        ]
        read_only_fields = ["slug"]

    def validate(self, data):
        start = data.get("start_date", getattr(self.instance, "start_date", None))
        end = data.get("end_date", getattr(self.instance, "end_date", None))
        if end and (start is None or end < start):
            raise RuleBroken({"end_date": ["An event cannot end before it starts."]})
        settle_date_precision(data, self.instance, "start_date")
        return data


class MentionSerializer(RecordSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:mention-detail")
    article = serializers.SerializerMethodField()

    class Meta:
        model = Mention
        fields = [
            "id",
            "url",
            "article",
            "kind",
            "start",
            "end",
            "quote",
            "confidence",
            "review_status",
            "organization",
            "person",
            "agreement",
            "event",
        ]
        read_only_fields = [
            "kind",
            "start",
            "end",
            "quote",
            "confidence",
            "organization",
            "person",
            "agreement",
            "event",
        ]

    def get_article(self, mention) -> dict:
        return summary(mention.article, "article", self.context)
