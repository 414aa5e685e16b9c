"""Input no database can hold is refused at the door, before any view reads it."""

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
