"""The sitemap: an index of sections (articles, organizations, people, agreements, events),
each in pages of 5,000 addresses, so that no response grows with the archive."""

from django.contrib.sitemaps import Sitemap

from archive.models import Agreement, Article, Event, Organization, Person


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return Article.objects.published().only("slug", "updated_at").order_by("id")

    def lastmod(self, item):
        return item.updated_at


class EntitySitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000
    model = Organization

    def items(self):
        return self.model.objects.public().only("slug", "updated_at").order_by("id")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {
    "articles": ArticleSitemap,
    "organizations": type("OrganizationSitemap", (EntitySitemap,), {"model": Organization}),
    "people": type("PersonSitemap", (EntitySitemap,), {"model": Person}),
    "agreements": type("AgreementSitemap", (EntitySitemap,), {"model": Agreement}),
    "events": type("EventSitemap", (EntitySitemap,), {"model": Event}),
}
