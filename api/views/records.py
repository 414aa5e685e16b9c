"""The API's endpoints for each kind of record. Anonymous clients read what is published
(the same querysets the site uses); editors read everything and write with the admin's
rules: edited fields are locked against imports and history records the change as made
through the API."""

import uuid

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from api import filters, serializers
from api.errors import Conflict, Unavailable
from api.jsonld import describe
from api.ordering import PARAM as ORDERING
from api.pagination import Matches, UncountedPagination
from api.permissions import CanChange, is_editor
from api.renderers import JSONLDRenderer
from api.views.base import ArchiveViewSetBase, WriteWithAdminRules, visible
from api.views.exports import BulkExport, CSVExport
from archive import search
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
from archive.services import UnmergeError, review_mentions, unmerge

# A slug as the archive makes them: letters (Hangul and Hanzi too), digits, hyphens.
SLUG = r"[-\w]+"


class ArchiveViewSet(WriteWithAdminRules, BulkExport, CSVExport, ArchiveViewSetBase):
    """Lists, details by id or slug, exports, and editors' writes, for one kind of record."""

    @extend_schema(
        summary="The record as schema.org JSON-LD",
        responses={(200, "application/ld+json"): OpenApiTypes.OBJECT},
    )
    @action(detail=True, methods=["get"], url_path="jsonld", renderer_classes=[JSONLDRenderer])
    def jsonld(self, request, pk=None):
        serializer = self.get_serializer_class()(
            self.get_object(), context=self.get_serializer_context()
        )
        return Response(describe(self.basename, serializer.data))

    @extend_schema(summary="A record by its slug")
    @action(detail=False, methods=["get"], url_path=f"slug/(?P<slug>{SLUG})")
    def by_slug(self, request, slug=None):
        record = get_object_or_404(self.get_queryset(), slug=slug)
        return Response(self.get_serializer(record).data)


class ArticleViewSet(ArchiveViewSet):
    queryset = Article.objects.all()
    filterset_class = filters.ArticleFilter
    ordering_fields = ["published_on", "title", "created_at", "updated_at"]
    ordering = ["-published_on", "-id"]
    name_field = "title"
    mention_field = "article"  # the export gives the mentions each article states
    searched = True  # a list with q may answer 503 while the search index is rebuilt

    def list(self, request, *args, **kwargs):
        """With q, the search index answers where it can (ArticleFilter.indexed), as on
        the site; the database otherwise."""
        asked = self._indexed_search()
        if asked is None:
            return super().list(request, *args, **kwargs)
        try:
            results = search.run(asked)
        except search.Rebuilding:
            raise Unavailable from None
        page = self.paginate_queryset(Matches(results, self.get_queryset()))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def _indexed_search(self) -> search.Search | None:
        if not self.request.query_params.get("q"):
            return None
        filterset = self.filterset_class(
            self.request.query_params, queryset=self.get_queryset(), request=self.request
        )
        if not filterset.is_valid():
            return None  # the usual 400
        return filterset.indexed(
            published_only=not is_editor(self.request.user),
            ordering=self.request.query_params.get(ORDERING),
        )

    def get_serializer_class(self):
        if self.action in {"list", "csv"}:
            return serializers.ArticleSerializer
        if self.action == "export":
            return serializers.ArticleExportSerializer
        return serializers.ArticleDetailSerializer

    def optimize(self, queryset):
        if self.action in {"list", "csv"}:
            return queryset.defer("raw_text", "body")
        return queryset.defer("raw_text")


class UnmergeAction:
    """`POST <id>/unmerge/` undoes the record's last merge (editors only)."""

    @extend_schema(
        summary="Undo the record's merge into another",
        request=None,
        responses={200: OpenApiTypes.OBJECT, 409: OpenApiTypes.OBJECT},
    )
    @action(detail=True, methods=["post"], url_path="unmerge", permission_classes=[CanChange])
    def unmerge(self, request, pk=None):
        record = self.get_object()
        try:
            record = unmerge(record, user=request.user, interface="api")
        except UnmergeError as problem:
            raise Conflict(str(problem)) from None
        return Response(self.get_serializer(record).data)


class OrganizationViewSet(UnmergeAction, ArchiveViewSet):
    queryset = Organization.objects.all()
    serializer_class = serializers.OrganizationSerializer
    filterset_class = filters.OrganizationFilter
    ordering_fields = ["name", "acronym", "country", "updated_at"]
    ordering = ["name"]
    mention_field = "organization"
    cross_field_rules = dict.fromkeys(
        ["update", "partial_update"], "an organization is not its own parent, nor its parents'"
    )

    def optimize(self, queryset):
        return queryset.select_related("merged_into").prefetch_related("aliases")


class PersonViewSet(UnmergeAction, ArchiveViewSet):
    queryset = Person.objects.all()
    serializer_class = serializers.PersonSerializer
    filterset_class = filters.PersonFilter
    ordering_fields = ["name", "nationality", "updated_at"]
    ordering = ["name"]
    mention_field = "person"

    def optimize(self, queryset):
        positions = Position.objects.select_related("organization").order_by("title", "pk")
        return queryset.select_related("merged_into").prefetch_related(
            "aliases", Prefetch("positions", queryset=positions)
        )


class AgreementViewSet(ArchiveViewSet):
    queryset = Agreement.objects.all()
    serializer_class = serializers.AgreementSerializer
    filterset_class = filters.AgreementFilter
    ordering_fields = ["signed_on", "title", "updated_at"]
    ordering = ["-signed_on", "title"]
    name_field = "title"
    mention_field = "agreement"

    def perform_create(self, serializer):
        serializer.validated_data["fingerprint"] = f"api|{uuid.uuid4().hex}"
        super().perform_create(serializer)

    def optimize(self, queryset):
        return queryset.prefetch_related("parties", "signatories")


class EventViewSet(ArchiveViewSet):
    queryset = Event.objects.all()
    serializer_class = serializers.EventSerializer
    filterset_class = filters.EventFilter
    ordering_fields = ["start_date", "name", "updated_at"]
    ordering = ["-start_date", "name"]
    mention_field = "event"
    cross_field_rules = dict.fromkeys(
        ["create", "update", "partial_update"],
        "an event with an end date has a start date, and does not end before it starts",
    )

    def perform_create(self, serializer):
        serializer.validated_data["fingerprint"] = f"api|{uuid.uuid4().hex}"
        super().perform_create(serializer)

    def optimize(self, queryset):
        participants = (  # organizers first, in a stable order
            EventParticipant.objects.select_related("organization", "person")
            .only("event", "role", "organization__name", "person__name")
            .order_by("role", "pk")
        )
        return queryset.prefetch_related(Prefetch("participants", queryset=participants))


class MentionViewSet(BulkExport, CSVExport, ArchiveViewSetBase):
    """Mentions: the spans of articles that support each record. Editors confirm or reject
    them by changing `review_status`."""

    queryset = Mention.objects.all()
    serializer_class = serializers.MentionSerializer
    filterset_class = filters.MentionFilter
    ordering_fields = ["confidence", "start", "id", "updated_at"]
    ordering = ["-review_status", "confidence", "id"]
    http_method_names = ["get", "patch", "put", "head", "options"]
    pagination_class = UncountedPagination

    def get_queryset(self):
        mentions = visible(Mention, self.request.user)
        if self.action == "export":
            return mentions  # the article by id
        return mentions.select_related("article").defer("article__raw_text", "article__body")

    def export_record(self, mention, context) -> dict:
        return serializers.mention_export(mention)

    def perform_update(self, serializer):
        """A decision on record: who, when, through the API."""
        status = serializer.validated_data.get("review_status")
        if status is not None:
            review_mentions(
                Mention.objects.filter(pk=serializer.instance.pk),
                status=status,
                user=self.request.user,
                interface="api",
            )
            serializer.instance.review_status = status
