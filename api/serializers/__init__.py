"""What the API says of each record. Fields are listed explicitly: a new model field is not
published until it is added here."""

from api.serializers.articles import (
    ArticleDetailSerializer,
    ArticleExportSerializer,
    ArticleSerializer,
)
from api.serializers.entities import OrganizationSerializer, PersonSerializer
from api.serializers.facts import AgreementSerializer, EventSerializer
from api.serializers.mentions import (
    MentionSerializer,
    RemovalSerializer,
    evidence,
    mention_export,
)

__all__ = [
    "AgreementSerializer",
    "ArticleDetailSerializer",
    "ArticleExportSerializer",
    "ArticleSerializer",
    "EventSerializer",
    "MentionSerializer",
    "OrganizationSerializer",
    "PersonSerializer",
    "RemovalSerializer",
    "evidence",
    "mention_export",
]
