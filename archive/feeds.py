"""RSS and Atom feeds of newly published articles: all, and per organization, person and
kind of event."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed

from archive.models import Article, EventKind, Mention, Organization, Person

FEED_SIZE = 30


class ArticlesFeed(Feed):
    title = "Cooperation Archive: new articles"
    description = "Newly published news of science and technology cooperation."

    def link(self, obj=None):
        return "/articles/"

    def items(self, obj=None):
        articles = Article.objects.published().order_by("-created_at", "-id")
        if obj is not None:
            articles = articles.mentioned_in(self.mentions(obj))
        return articles.first_rows(
            FEED_SIZE, ("title", "slug", "body", "published_on", "created_at")
        )

    def mentions(self, obj):
        return Mention.objects.exclude(review_status="rejected")

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.body[:500]

    def item_pubdate(self, item):
        return item.created_at


class ArticlesAtomFeed(ArticlesFeed):
    feed_type = Atom1Feed
    subtitle = ArticlesFeed.description


class OrganizationFeed(ArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Organization.objects.public(), slug=slug)

    def title(self, obj):
        return f"Cooperation Archive: {obj.name}"

    def link(self, obj):
        return obj.get_absolute_url()

    def mentions(self, obj):
        return super().mentions(obj).filter(organization=obj)


class PersonFeed(ArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Person.objects.public(), slug=slug)

    def title(self, obj):
        return f"Cooperation Archive: {obj.name}"

    def link(self, obj):
        return obj.get_absolute_url()

    def mentions(self, obj):
        return super().mentions(obj).filter(person=obj)


class EventKindFeed(ArticlesFeed):
    def get_object(self, request, kind):
        if kind not in EventKind.values:
            raise Http404("No such kind of event")
        return kind

    def title(self, obj):
        return f"Cooperation Archive: {EventKind(obj).label.lower()}s"

    def link(self, obj):
        return f"/events/?kind={obj}"

    def mentions(self, obj):
        return super().mentions(obj).filter(event__kind=obj, event__hidden=False)
