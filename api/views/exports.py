"""Every matching record of a list at once, streamed: as CSV (`csv/`), and as
newline-delimited JSON with the mentions that support each record (`export/`), so that a
researcher takes the whole public archive with its evidence in one request per kind."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action

from api.renderers import CSVRenderer, NDJSONRenderer, csv_lines
from api.serializers import evidence
from archive.models import Mention

BATCH = 500  # records read (with their relations and mentions) a query


class CSVExport:
    """`csv/` beside each list: every row that matches the list's filters, in its order."""

    @extend_schema(
        summary="Every matching record as CSV",
        description="The list's filters and order; nested lists as text (participants as"
        " 'name (role)', positions as 'title (organization)'), joined with '; '.",
        responses={(200, "text/csv"): OpenApiTypes.STR},
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
            for record in queryset.iterator(chunk_size=BATCH)
        )
        response = StreamingHttpResponse(
            csv_lines(header, rows), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{self.basename}s.csv"'
        return response


class BulkExport:
    """`export/` beside each list: one JSON object a line, in id order, each record as the
    list gives it and, but for mentions themselves, `mentions`: the mentions (article,
    span, quote, confidence, review state) that support it, those the client may read."""

    mention_field = ""  # the mentions' field that names this kind of record

    def export_record(self, record, context) -> dict:
        return self.get_serializer_class()(record, context=context).data

    @extend_schema(
        summary="Every matching record as newline-delimited JSON, with its evidence",
        description="The list's filters, in id order; streamed. Each line is one record"
        " with `mentions`, the spans of articles that support it.",
        responses={(200, "application/x-ndjson"): OpenApiTypes.STR},
    )
    @action(
        detail=False,
        methods=["get"],
        url_path="export",
        renderer_classes=[NDJSONRenderer],
        pagination_class=None,
    )
    def export(self, request):
        queryset = self.filter_queryset(self.get_queryset()).order_by("pk")
        response = StreamingHttpResponse(
            self._lines(queryset), content_type="application/x-ndjson; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{self.basename}s.ndjson"'
        return response

    def _lines(self, queryset):
        context = self.get_serializer_context()
        mentions = context["visible"](Mention)
        last = 0
        while batch := list(queryset.filter(pk__gt=last)[:BATCH]):
            last = batch[-1].pk
            supporting = {}
            if self.mention_field:
                ids = [record.pk for record in batch]
                found = mentions.filter(**{f"{self.mention_field}_id__in": ids}).order_by(
                    f"{self.mention_field}_id", "article_id", "start", "pk"
                )
                for mention in found:
                    owner = getattr(mention, f"{self.mention_field}_id")
                    supporting.setdefault(owner, []).append(evidence(mention))
            lines = []
            for record in batch:
                data = dict(self.export_record(record, context))
                if self.mention_field:
                    data["mentions"] = supporting.get(record.pk, [])
                lines.append(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False))
            yield "\n".join(lines) + "\n"
