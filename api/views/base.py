"""What every endpoint shares: who reads what, errors in JSON whatever the format, and
the editors' writes with the admin's rules."""

from django.db.models import Q
from rest_framework import viewsets
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from simple_history.utils import update_change_reason

from api.permissions import is_editor
from archive.models import Article, Mention
from archive.services import save_editor_changes, unique_slug


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
        return Mention.objects.public()
    if not merged:
        return model.objects.public()
    return model.objects.filter(Q(is_public=True) | Q(merged_into__is_public=True))


class JSONErrors:
    """An error is JSON even where the operation answers in CSV, JSON-LD or NDJSON."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        renderer = getattr(response, "accepted_renderer", None)
        if response.status_code >= 400 and type(renderer) not in {
            JSONRenderer,
            BrowsableAPIRenderer,
        }:
            response.accepted_renderer = JSONRenderer()
            response.accepted_media_type = JSONRenderer.media_type
            response.content_type = None
        return response


class WriteWithAdminRules:
    """Editors' writes: a new record gets a slug; an edit locks the fields it changed
    against later imports; history records the change as made through the API."""

    name_field = "name"

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


class ArchiveViewSetBase(JSONErrors, viewsets.ModelViewSet):
    """A kind of record: lists (and their CSV and NDJSON exports) leave merged records
    out; details answer for them."""

    def get_queryset(self):
        listing = self.action in {"list", "csv", "export"}
        return self.optimize(visible(self.queryset.model, self.request.user, merged=not listing))

    def optimize(self, queryset):
        return queryset

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["visible"] = lambda model: visible(model, self.request.user)
        return context
