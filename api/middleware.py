"""What the API's answers carry for clients that keep a copy or read over slow links:
validators and 304s, and gzip. Only under /api/: the site's pages carry CSRF tokens, which
must not be compressed with what a visitor types (BREACH)."""

import hashlib

from django.middleware.gzip import GZipMiddleware
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from archive.changes import archive_changed_at


class APIResponses:
    """For the API's successful reads:

    - `ETag`: a digest of the body, weak (the same data compressed or not), and
      `Last-Modified`: when the archive last changed (any record, any removal; a record's
      answer shows its related records' names, so nothing narrower is safe). A matching
      `If-None-Match` or an `If-Modified-Since` not older gives `304 Not Modified`.
      Streamed answers (CSV, NDJSON) have no ETag, only Last-Modified.
    - gzip when the client accepts it, for anything but HTML (the browsable API's pages
      carry a CSRF token)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.gzip = GZipMiddleware(get_response)

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith("/api/"):
            return response
        patch_vary_headers(response, ["Authorization"])  # editors read more than others
        if request.method in {"GET", "HEAD"} and response.status_code == 200:
            response = self._conditional(request, response)
        if not response.get("Content-Type", "").startswith("text/html"):
            response = self.gzip.process_response(request, response)
        return response

    def _conditional(self, request, response):
        if not response.has_header("Last-Modified"):
            changed = archive_changed_at()
            if changed is not None:
                response["Last-Modified"] = http_date(changed.timestamp())
        if not response.streaming and not response.has_header("ETag"):
            digest = hashlib.sha256(response.content).hexdigest()[:32]
            response["ETag"] = f'W/"{digest}"'
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=_seconds(response.get("Last-Modified")),
            response=response,
        )


def _seconds(value: str | None) -> int | None:
    from django.utils.http import parse_http_date_safe

    return parse_http_date_safe(value) if value else None
