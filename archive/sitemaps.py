"""The sitemap: an index of sections (articles, organizations, people, agreements, events),
each in pages of 5,000 addresses, so that no response grows with the archive."""

from django.contrib.sitemaps import Sitemap

from archive.models import Agreement, Article, Event, Organization, Person


class ArchiveSitemap(Sitemap):
    limit = 5000

    def get_latest_lastmod(self):
        """None: the index gives no date per section. Django's default reads every item
        of the section for it (2 s at 100,000 articles), and one date for all of a
        section's pages would not tell a crawler which page changed; each page's
        addresses carry their own dates."""
        return None


class ArticleSitemap(ArchiveSitemap):
    changefreq = "monthly"

    def items(self):
        return Article.objects.published().only("slug", "updated_at").order_by("id")

    def lastmod(self, item):
        return item.updated_at


class EntitySitemap(ArchiveSitemap):
    changefreq = "weekly"
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
