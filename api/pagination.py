"""Pages of the lists. A list of changes (`?updated_since=`) pages by position instead of
by number: its `next` link asks for what changed after the page's last record (its
`updated_at` and id), so that records changing while a client pages through the list
move to the end instead of shifting the pages under it."""

from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from api.filters import CHANGES_AFTER


class Changes:
    """How a view's list reads as changes: the parameter that asks for it and the time
    it orders by (StrictFilterSet.since_param and changed_field)."""

    def __init__(self, view):
        filterset = getattr(view, "filterset_class", None)
        self.param = getattr(filterset, "since_param", None)
        self.field = getattr(filterset, "changed_field", None)

    def requested(self, request) -> bool:
        return bool(self.param and request.query_params.get(self.param))

    def next_link(self, request, last) -> str:
        """The address of the changes after `last`, the last record of this page."""
        url = remove_query_param(request.build_absolute_uri(), "page")
        url = replace_query_param(url, self.param, getattr(last, self.field).isoformat())
        return replace_query_param(url, CHANGES_AFTER, last.pk)


class Pagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def paginate_queryset(self, queryset, request, view=None):
        self.changes = Changes(view)
        return super().paginate_queryset(queryset, request, view)

    def get_page_size(self, request):
        """A page size is a whole number from 1 to the maximum (100)."""
        value = request.query_params.get(self.page_size_query_param)
        if value is None:
            return self.page_size
        try:
            size = int(value[:12])
        except ValueError:
            raise ValidationError({"page_size": ["A whole number is required."]}) from None
        if not 1 <= size <= self.max_page_size:
            raise ValidationError(
                {"page_size": [f"A page holds from 1 to {self.max_page_size} records."]}
            )
        return size

    def get_page_number(self, request, paginator):
        """An empty page number is as invalid as any other non-number (404, Invalid page)."""
        number = request.query_params.get(self.page_query_param)
        if number == "" or (number and not (number.isascii() and number.isdigit())):
            raise NotFound("Invalid page.")
        if self.changes.requested(request):
            return 1  # the `next` link says where to go on
        return super().get_page_number(request, paginator)

    def get_next_link(self):
        if self.changes.requested(self.request):
            if not self.page.has_next():
                return None
            return self.changes.next_link(self.request, self.page.object_list[-1])
        return super().get_next_link()

    def get_previous_link(self):
        if self.changes.requested(self.request):
            return None
        return super().get_previous_link()

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": self.max_page_size,
                    "default": self.page_size,
                }
                parameter["description"] = (
                    f"Records a page: {self.page_size} unless told, at most {self.max_page_size}."
                )
            elif parameter["name"] == self.page_query_param:
                parameter["description"] = (
                    "A page number of the list; a list of changes (updated_since) is paged"
                    " by its `next` link instead."
                )
        return parameters


class Matches:
    """A search's matches as the paginator reads them: the index's exact count, then one
    page's ids from the index and their rows from `articles`, in the search's order."""

    def __init__(self, results, articles):
        self.results, self.articles = results, articles

    def __len__(self) -> int:
        return self.results.count

    def __getitem__(self, window: slice) -> list:
        ids = self.results.ids(window.start, window.stop - window.start)
        rows = self.articles.in_bulk(ids)
        return [rows[pk] for pk in ids if pk in rows]  # one unpublished since: left out


class UncountedPagination(Pagination):
    """Pages of a list too long to count on every request (the mentions: some 25 an
    article): one row more than a page is read to know whether another follows. The body
    has `next`, `previous` and `results`, and no `count`."""

    max_page = 100_000

    def paginate_queryset(self, queryset, request, view=None):
        self.request, self.changes = request, Changes(view)
        size = self.get_page_size(request)
        given = request.query_params.get(self.page_query_param, "1")
        if self.changes.requested(request):
            given = "1"
        valid = given.isascii() and given.isdigit() and len(given) <= 6
        if not valid or not 0 < int(given) <= self.max_page:
            raise NotFound("Invalid page.")
        self.number = int(given)
        rows = list(queryset[(self.number - 1) * size : self.number * size + 1])
        if self.number > 1 and not rows:
            raise NotFound("Invalid page.")
        self.has_next = len(rows) > size
        self.rows = rows[:size]
        return self.rows

    def get_paginated_response(self, data):
        return Response(
            {"next": self.get_next_link(), "previous": self.get_previous_link(), "results": data}
        )

    def get_next_link(self):
        if not self.has_next:
            return None
        if self.changes.requested(self.request):
            return self.changes.next_link(self.request, self.rows[-1])
        url = self.request.build_absolute_uri()
        return replace_query_param(url, self.page_query_param, self.number + 1)

    def get_previous_link(self):
        if self.number == 1:
            return None
        url = self.request.build_absolute_uri()
        if self.number == 2:
            return remove_query_param(url, self.page_query_param)
        return replace_query_param(url, self.page_query_param, self.number - 1)

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "nullable": True, "format": "uri"}
        return {
            "type": "object",
            "required": ["results"],
            "properties": {"next": link, "previous": link, "results": schema},
        }
