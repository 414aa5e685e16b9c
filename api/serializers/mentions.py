"""Mentions, the evidence of every fact, and removals, what left a reader's view."""

from rest_framework import serializers

from api.serializers.base import RecordSerializer, summary
from archive.models import Mention, Removal


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
            "updated_at",
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


class RemovalSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(source="record_id", help_text="The record's id.")
    merged_into = serializers.IntegerField(
        source="merged_into_id",
        allow_null=True,
        help_text="A merged record: the id of the record of the same kind its facts went to.",
    )

    class Meta:
        model = Removal
        fields = ["kind", "id", "reason", "merged_into", "removed_at"]


def evidence(mention) -> dict:
    """A mention as the bulk export gives it beside the record it supports. A plain
    function: the export writes millions."""
    return {
        "id": mention.pk,
        "article": mention.article_id,
        "kind": mention.kind,
        "start": mention.start,
        "end": mention.end,
        "quote": mention.quote,
        "confidence": mention.confidence,
        "review_status": mention.review_status,
    }


def mention_export(mention) -> dict:
    """A mention in the bulk export of mentions: its evidence and what it names, by id."""
    return evidence(mention) | {
        "organization": mention.organization_id,
        "person": mention.person_id,
        "agreement": mention.agreement_id,
        "event": mention.event_id,
        "updated_at": mention.updated_at,
    }
