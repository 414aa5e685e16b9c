"""What left a reader's view since a time: deleted, hidden, merged, no longer published or
(a mention) rejected. With the lists' `updated_since`, enough to keep a copy in step."""

from rest_framework import mixins, viewsets

from api import filters, serializers
from api.permissions import is_editor
from api.views.base import JSONErrors
from archive.models import Removal


class RemovalViewSet(JSONErrors, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Removals, the oldest first. Anonymous clients are told of what the public could
    read; editors of everything."""

    queryset = Removal.objects.all()
    serializer_class = serializers.RemovalSerializer
    filterset_class = filters.RemovalFilter
    ordering_fields = []
    ordering = ["removed_at", "id"]

    def get_queryset(self):
        if is_editor(self.request.user):
            return Removal.objects.all()
        return Removal.objects.filter(public=True)
