"""Articles: a list row, and the detail with the records the article supports."""

import hashlib

from rest_framework import serializers

from api.errors import Conflict
from api.serializers.base import RecordSerializer, settle_date_precision, summaries
from archive.models import Agreement, Article, Event, Organization, Person


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
            "updated_at",
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


class ArticleExportSerializer(ArticleSerializer):
    """An article in the bulk export: the list's fields, its text and where it was
    published (what it supports comes as its mentions)."""

    url_original = serializers.URLField(source="url", read_only=True)

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body", "url_original"]
