"""Organizations and people."""

from rest_framework import serializers

from api.errors import RuleBroken
from api.serializers.base import RecordSerializer, StrictIdField, summary
from archive.models import Organization, Person, Position


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
            "updated_at",
        ]
        read_only_fields = ["slug"]

    def get_merged_into(self, organization) -> dict | None:
        """Set when an editor merged this record: where its facts are now."""
        return summary(organization.merged_into, "organization", self.context)

    def validate(self, data):
        parent = data.get("parent")
        if parent is not None and self.instance is not None:
            ancestor, seen = parent, set()
            while ancestor is not None and ancestor.pk not in seen:
                if ancestor.pk == self.instance.pk:
                    raise RuleBroken(
                        "An organization cannot be its own parent, nor a parent of its parents.",
                        ["parent"],
                    )
                seen.add(ancestor.pk)
                ancestor = ancestor.parent
        return data


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
            "updated_at",
        ]
        read_only_fields = ["slug"]

    def get_merged_into(self, person) -> dict | None:
        return summary(person.merged_into, "person", self.context)
