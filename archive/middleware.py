"""Input no database can hold is refused at the door, before any view reads it."""

import logging

from django.http import HttpResponseBadRequest


class RefuseUnstorableInput:
    """A NUL character in the path, or in the query string of a page, is a 400: no text
    column of PostgreSQL can hold one, so a slug or a search term with it would fail in
    the database. (The API drops NUL characters from its filters' values itself: a search
    term with one is still a search term; a path never is.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        api = request.path.startswith("/api/")
        in_query = not api and any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        )
        if "\x00" in request.path or in_query:
            if api:
                from api.errors import bad_request

                return bad_request("The address holds a NUL character.")
            return HttpResponseBadRequest(
                "Bad request: the address holds a NUL character.", content_type="text/plain"
            )
        return self.get_response(request)


class SearchIndexInStep:
    """After a request that may have written (the admin, the API, an editor's action), the
    search index applies what the writes queued (archive.search.index), so that the next
    search finds what was published and no longer finds what was withdrawn. A failure here,
    or another process building the index, leaves the queue as it was: the next search
    applies it before answering (the request does not wait for a build)."""

    UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method in self.UNSAFE:
            from archive.search import index

            try:
                index.apply_queue(wait=0)
            except index.Busy:
                pass
            except Exception:
                logging.getLogger(__name__).exception("applying the search queue failed")
        return response
