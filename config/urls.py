from django.contrib import admin
from django.http import HttpResponseServerError, JsonResponse
from django.template import loader
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
    path("", include("archive.urls")),
]


def handler404(request, exception=None):
    """An unknown address under /api/ answers in the API's error shape; others get the
    site's page (templates/404.html: the header, the search and ways back)."""
    from django.views.defaults import page_not_found

    from api.errors import not_found

    if request.path.startswith("/api/"):
        return not_found(request, exception)
    return page_not_found(request, exception)


def handler500(request):
    """The site's page with its header and search (Django's own renders 500.html without
    the request, which the header needs); the API's error shape under /api/. Whatever
    fails while rendering it, a plain page still answers."""
    from api.errors import error_body

    if request.path.startswith("/api/"):
        body = error_body(500, "server_error", "The server could not answer; try again later.")
        return JsonResponse(body, status=500)
    try:
        page = loader.get_template("500.html").render({}, request)
    except Exception:
        page = "<h1>Server error</h1><p><a href='/'>Cooperation Archive</a></p>"
    return HttpResponseServerError(page)
