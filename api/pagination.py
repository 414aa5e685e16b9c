from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param


class Pagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_page_size(self, request):
        """A page size that is not a whole number is an error; below one gives the default,
        above the maximum gives the maximum."""
        value = request.query_params.get(self.page_size_query_param)
        if value is None:
            return self.page_size
        try:
            size = int(value)
        except ValueError:
            raise ValidationError({"page_size": ["A whole number is required."]}) from None
        if size < 1:
            return self.page_size
        return min(size, self.max_page_size)

    def get_page_number(self, request, paginator):
        """An empty page number is as invalid as any other non-number (404, Invalid page)."""
        number = request.query_params.get(self.page_query_param)
        if number == "":
            raise NotFound("Invalid page.")
        return super().get_page_number(request, paginator)


class UncountedPagination(Pagination):
    """Pages of a list too long to count on every request (the mentions: some 25 an
    article): one row more than a page is read to know whether another follows. The body
    has `next`, `previous` and `results`, and no `count`."""

    max_page = 100_000

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        size = self.get_page_size(request)
        given = request.query_params.get(self.page_query_param, "1")
        if not given.isdigit() or not 0 < int(given) <= self.max_page:
            raise NotFound("Invalid page.")
        self.number = int(given)
        rows = list(queryset[(self.number - 1) * size : self.number * size + 1])
        if self.number > 1 and not rows:
            raise NotFound("Invalid page.")
        self.has_next = len(rows) > size
        return rows[:size]

    def get_paginated_response(self, data):
        return Response(
            {"next": self.get_next_link(), "previous": self.get_previous_link(), "results": data}
        )

    def get_next_link(self):
        if not self.has_next:
            return None
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
