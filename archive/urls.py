from django.urls import path

from archive import views

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/", views.article_list, name="article-list"),
    path("articles/<str:slug>/", views.article_detail, name="article-detail"),
    path("organizations/<str:slug>/", views.organization_detail, name="organization-detail"),
    path("people/<str:slug>/", views.person_detail, name="person-detail"),
    path("agreements/<str:slug>/", views.agreement_detail, name="agreement-detail"),
    path("events/<str:slug>/", views.event_detail, name="event-detail"),
]
