"""The API's endpoints: one view set per kind of record (records), and the removals."""

from api.views.records import (
    AgreementViewSet,
    ArticleViewSet,
    EventViewSet,
    MentionViewSet,
    OrganizationViewSet,
    PersonViewSet,
)
from api.views.removals import RemovalViewSet

__all__ = [
    "AgreementViewSet",
    "ArticleViewSet",
    "EventViewSet",
    "MentionViewSet",
    "OrganizationViewSet",
    "PersonViewSet",
    "RemovalViewSet",
]
