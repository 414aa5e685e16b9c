"""What the API says of each record. Fields are listed explicitly: a new model field is not
published until it is added here."""

import hashlib

from django.db import models
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


class Summary(serializers.Serializer):
    """A short reference to a related record, with its API address."""

    id = serializers.IntegerField()
    name = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    def __init__(self, *args, route: str = "", **kwargs):
        self.route = route
        super().__init__(*args, **kwargs)

    def get_name(self, record) -> str:
        return str(record)

    def get_url(self, record) -> str:
        from django.urls import reverse

        path = reverse(f"api:{self.route}-detail", args=[record.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


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
        return Summary(records, many=True, route=route, context=self.context).data

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
        if organization.merged_into_id is None:
            return None
        return Summary(organization.merged_into, route="organization", context=self.context).data


class PositionSerializer(serializers.ModelSerializer):
    organization = serializers.SerializerMethodField()

    class Meta:
        model = Position
        fields = ["title", "organization"]

    def get_organization(self, position) -> dict | None:
        if position.organization_id is None:
            return None
        return Summary(position.organization, route="organization", context=self.context).data


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
        if person.merged_into_id is None:
            return None
        return Summary(person.merged_into, route="person", context=self.context).data


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
        return Summary(
            agreement.parties.all(), many=True, route="organization", context=self.context
        ).data

    def get_signatories(self, agreement) -> list[dict]:
        return Summary(
            agreement.signatories.all(), many=True, route="person", context=self.context
        ).data


class ParticipantSerializer(serializers.ModelSerializer):
    organization = serializers.SerializerMethodField()
    person = serializers.SerializerMethodField()

    class Meta:
        model = EventParticipant
        fields = ["role", "organization", "person"]

    def get_organization(self, participant) -> dict | None:
        if participant.organization_id is None:
            return None
        return Summary(participant.organization, route="organization", context=self.context).data

    def get_person(self, participant) -> dict | None:
        if participant.person_id is None:
            return None
        return Summary(participant.person, route="person", context=self.context).data


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
        return Summary(mention.article, route="article", context=self.context).data
