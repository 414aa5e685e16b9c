"""Agreements and events: what organizations and people did together."""

from rest_framework import serializers

from api.errors import RuleBroken
from api.serializers.base import RecordSerializer, settle_date_precision, summaries, summary
from archive.models import Agreement, Event, EventParticipant


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
            "updated_at",
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
            "updated_at",
        ]
        read_only_fields = ["slug"]

    def validate(self, data):
        start = data.get("start_date", getattr(self.instance, "start_date", None))
        end = data.get("end_date", getattr(self.instance, "end_date", None))
        if end and start is None:
            raise RuleBroken(
                "An event with an end date needs a start date.", ["start_date", "end_date"]
            )
        if end and end < start:
            raise RuleBroken("An event cannot end before it starts.", ["start_date", "end_date"])
        settle_date_precision(data, self.instance, "start_date")
        return data
