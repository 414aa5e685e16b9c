"""The API's endpoints. Anonymous clients read what is published (the same querysets the
site uses); editors read everything and write with the admin's rules: edited fields are
locked against imports and history records the change as made through the API."""

import uuid

from django.db.models import Prefetch, Q
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from simple_history.utils import update_change_reason

from api import filters, serializers
from api.errors import Conflict
from api.jsonld import describe
from api.pagination import UncountedPagination
from api.permissions import CanChange, is_editor
from api.renderers import CSVRenderer, JSONLDRenderer, csv_lines
from archive.models import (
    Agreement,
    Article,
    ArticleStatus,
    Event,
    EventParticipant,
    Mention,
    Organization,
    Person,
    Position,
    ReviewStatus,
)
from archive.services import (
    UnmergeError,
    review_mentions,
    save_editor_changes,
    unique_slug,
    unmerge,
)


def visible(model, user, *, merged: bool = True):
    """What `user` may read of `model`: everything for editors; for anyone else what is
    published, and merged records whose survivor is, so that old ids still answer (lists
    leave merged records out: `merged=False`)."""
    if is_editor(user):
        if merged or not hasattr(model, "merged_into"):
            return model.objects.all()
        return model.objects.filter(merged_into=None)
    if model is Article:
        return Article.objects.published()
    if model is Mention:
        return Mention.objects.filter(article__status=ArticleStatus.PUBLISHED).exclude(
            review_status=ReviewStatus.REJECTED
        )
    if not merged:
        return model.objects.public()
    return model.objects.filter(Q(is_public=True) | Q(merged_into__is_public=True))


class CSVExport:
    """`csv/` beside each list streams every row that matches the list's filters."""

    @extend_schema(
        summary="Every matching record as CSV",
        responses={(200, "text/csv"): OpenApiTypes.STR},
        parameters=[],
    )
    @action(
        detail=False,
        methods=["get"],
        url_path="csv",
        renderer_classes=[CSVRenderer],
        pagination_class=None,
    )
    def csv(self, request):
        queryset = self.filter_queryset(self.get_queryset())
        serializer_class = self.get_serializer_class()
        context = self.get_serializer_context()
        header = list(serializer_class(context=context).fields)
        rows = (
            serializer_class(record, context=context).data
            for record in queryset.iterator(chunk_size=500)
        )
        response = StreamingHttpResponse(
            csv_lines(header, rows), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{self.basename}s.csv"'
        return response


class ArchiveViewSet(CSVExport, viewsets.ModelViewSet):
    """Lists, details by id or slug, and editors' writes, for one kind of record."""

    name_field = "name"

    def get_queryset(self):
        listing = self.action in {"list", "csv"}
        return self.optimize(visible(self.queryset.model, self.request.user, merged=not listing))

    def optimize(self, queryset):
        return queryset

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["visible"] = lambda model: visible(model, self.request.user)
        return context

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
    @action(detail=False, methods=["get"], url_path=r"slug/(?P<slug>[^/.]+)")
    def by_slug(self, request, slug=None):
        record = get_object_or_404(self.get_queryset(), slug=slug)
        return Response(self.get_serializer(record).data)

    def perform_create(self, serializer):
        model = self.queryset.model
        slug_source = serializer.validated_data.get(self.name_field, "record")
        record = serializer.save(slug=unique_slug(model, slug_source))
        update_change_reason(record, "api")

    def perform_update(self, serializer):
        record = serializer.instance
        changed = [
            name
            for name, value in serializer.validated_data.items()
            if getattr(record, name) != value
        ]
        for name, value in serializer.validated_data.items():
            setattr(record, name, value)
        save_editor_changes(record, changed_fields=changed, interface="api")


class ArticleViewSet(ArchiveViewSet):
    queryset = Article.objects.all()
    filterset_class = filters.ArticleFilter
    ordering_fields = ["published_on", "title", "created_at"]
    ordering = ["-published_on", "-id"]
    name_field = "title"

    def get_serializer_class(self):
        if self.action in {"list", "csv"}:
            return serializers.ArticleSerializer
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
    ordering_fields = ["name", "acronym", "country"]
    ordering = ["name"]

    def optimize(self, queryset):
        return queryset.select_related("merged_into").prefetch_related("aliases")


class PersonViewSet(UnmergeAction, ArchiveViewSet):
    queryset = Person.objects.all()
    serializer_class = serializers.PersonSerializer
    filterset_class = filters.PersonFilter
    ordering_fields = ["name", "nationality"]
    ordering = ["name"]

    def optimize(self, queryset):
        positions = Position.objects.select_related("organization")
        return queryset.select_related("merged_into").prefetch_related(
            "aliases", Prefetch("positions", queryset=positions)
        )


class AgreementViewSet(ArchiveViewSet):
    queryset = Agreement.objects.all()
    serializer_class = serializers.AgreementSerializer
    filterset_class = filters.AgreementFilter
    ordering_fields = ["signed_on", "title"]
    ordering = ["-signed_on", "title"]
    name_field = "title"

    def perform_create(self, serializer):
        serializer.validated_data["fingerprint"] = f"api|{uuid.uuid4().hex}"
        super().perform_create(serializer)

    def optimize(self, queryset):
        return queryset.prefetch_related("parties", "signatories")


class EventViewSet(ArchiveViewSet):
    queryset = Event.objects.all()
    serializer_class = serializers.EventSerializer
    filterset_class = filters.EventFilter
    ordering_fields = ["start_date", "name"]
    ordering = ["-start_date", "name"]

    def perform_create(self, serializer):
        serializer.validated_data["fingerprint"] = f"api|{uuid.uuid4().hex}"
        super().perform_create(serializer)

    def optimize(self, queryset):
        participants = EventParticipant.objects.select_related("organization", "person").only(
            "event", "role", "organization__name", "person__name"
        )
        return queryset.prefetch_related(Prefetch("participants", queryset=participants))


class MentionViewSet(CSVExport, viewsets.ModelViewSet):
    """Mentions: the spans of articles that support each record. Editors confirm or reject
    them by changing `review_status`."""

    queryset = Mention.objects.all()
    serializer_class = serializers.MentionSerializer
    filterset_class = filters.MentionFilter
    ordering_fields = ["confidence", "start", "id"]
    ordering = ["-review_status", "confidence", "id"]
    http_method_names = ["get", "patch", "put", "head", "options"]
    pagination_class = UncountedPagination

    def get_queryset(self):
        return visible(Mention, self.request.user).select_related("article")

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
