"""What the API says of each record. Fields are listed explicitly: a new model field is not
published until it is added here."""

import hashlib

from rest_framework import serializers

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


class ArticleSerializer(serializers.ModelSerializer):
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

    def create(self, validated_data):
        body = validated_data["body"]
        validated_data.setdefault("raw_text", body)
        validated_data["content_hash"] = hashlib.sha256(body.encode("utf-8")).hexdigest()
        return super().create(validated_data)


class OrganizationSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:organization-detail")
    aliases = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")
    parent = serializers.PrimaryKeyRelatedField(
        queryset=Organization.objects.all(), allow_null=True, required=False
    )
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


class PersonSerializer(serializers.ModelSerializer):
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


class AgreementSerializer(serializers.ModelSerializer):
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


class EventSerializer(serializers.ModelSerializer):
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
            raise serializers.ValidationError(
                {"end_date": ["An event cannot end before it starts."]}
            )
        precision = data.get("date_precision", getattr(self.instance, "date_precision", "unknown"))
        if (start is None) != (precision == "unknown"):
            raise serializers.ValidationError(
                {"date_precision": ["Give a precision exactly when there is a start date."]}
            )
        return data


class MentionSerializer(serializers.ModelSerializer):
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
