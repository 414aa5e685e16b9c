from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
    path("", include("archive.urls")),
]


def handler404(request, exception=None):
    """An unknown address under /api/ answers in the API's error shape; others get the
    site's page."""
    from django.views.defaults import page_not_found

    from api.errors import not_found

    if request.path.startswith("/api/"):
        return not_found(request, exception)
    return page_not_found(request, exception)
