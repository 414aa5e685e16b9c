from django.contrib.sitemaps.views import index, sitemap
from django.urls import path

from archive import feeds, views
from archive.sitemaps import SITEMAPS

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/", views.article_list, name="article-list"),
    path("articles/feed/rss/", feeds.ArticlesFeed(), name="feed-rss"),
    path("articles/feed/atom/", feeds.ArticlesAtomFeed(), name="feed-atom"),
    path("articles/<str:slug>/", views.article_detail, name="article-detail"),
    path("organizations/<str:slug>/", views.organization_detail, name="organization-detail"),
    path("organizations/<str:slug>/feed/", feeds.OrganizationFeed(), name="organization-feed"),
    path("people/<str:slug>/", views.person_detail, name="person-detail"),
    path("people/<str:slug>/feed/", feeds.PersonFeed(), name="person-feed"),
    path("agreements/", views.agreement_list, name="agreement-list"),
    path("agreements/<str:slug>/", views.agreement_detail, name="agreement-detail"),
    path("events/", views.event_list, name="event-list"),
    path("events/kind/<str:kind>/feed/", feeds.EventKindFeed(), name="event-kind-feed"),
    path("events/<str:slug>/", views.event_detail, name="event-detail"),
    path(
        "sitemap.xml",
        index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("robots.txt", views.robots_txt, name="robots"),
]
