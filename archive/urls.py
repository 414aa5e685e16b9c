from django.contrib.sitemaps.views import index, sitemap
from django.urls import path

from archive import feeds, views
from archive.pages import articles, countries, directories, network, search
from archive.sitemaps import SITEMAPS

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/", search.article_list, name="article-list"),
    path("articles/feed/rss/", feeds.ArticlesFeed(), name="feed-rss"),
    path("articles/feed/atom/", feeds.ArticlesAtomFeed(), name="feed-atom"),
    path("articles/<str:slug>/", views.article_detail, name="article-detail"),
    path("articles/<str:slug>/cite.<str:fmt>", articles.article_cite, name="article-cite"),
    path("organizations/", directories.organization_list, name="organization-list"),
    path("organizations/<str:slug>/", views.organization_detail, name="organization-detail"),
    path(
        "organizations/<str:slug>/network/",
        network.organization_network,
        name="organization-network",
    ),
    path("organizations/<str:slug>/feed/", feeds.OrganizationFeed(), name="organization-feed"),
    path("people/", directories.person_list, name="person-list"),
    path("people/<str:slug>/", views.person_detail, name="person-detail"),
    path("people/<str:slug>/feed/", feeds.PersonFeed(), name="person-feed"),
    path("agreements/", views.agreement_list, name="agreement-list"),
    path("agreements/<str:slug>/", views.agreement_detail, name="agreement-detail"),
    path("events/", views.event_list, name="event-list"),
    path("events/kind/<str:kind>/feed/", feeds.EventKindFeed(), name="event-kind-feed"),
    path("events/<str:slug>/", views.event_detail, name="event-detail"),
    path("network/", network.archive_network, name="network"),
    path("network/ties.<str:fmt>", network.network_export, name="network-export"),
    path("network/<str:low>/<str:high>/", network.tie_detail, name="tie-detail"),
    path("countries/", countries.country_list, name="country-list"),
    path("countries/<str:group>/", countries.country_detail, name="country-detail"),
    path("favicon.ico", views.favicon, name="favicon"),
    path(
        "sitemap.xml",
        index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("robots.txt", views.robots_txt, name="robots"),
]
