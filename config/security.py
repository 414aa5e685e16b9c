"""The Content-Security-Policy header: what a page may load and run.

The public site runs no script of its own, so its pages allow none at all: a script that
got into a page (an article's text, a name) could not run. The API's JSON allows nothing;
its browsable pages and the schema's viewer run only scripts served from the site itself.
The editors' console runs Django's own scripts, from the site, and nothing inline."""

PUBLIC = (
    "default-src 'none'; img-src 'self' data:; style-src 'self'; font-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# The browsable API and the schema viewer (drf-spectacular's split view: no inline script)
API = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
# Django's admin sets some styles inline (style="..."), which cannot run anything.
ADMIN = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def policy_for(path: str) -> str:
    if path.startswith("/api/"):
        return API
    if path.startswith("/admin/"):
        return ADMIN
    return PUBLIC


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", policy_for(request.path))
        return response
