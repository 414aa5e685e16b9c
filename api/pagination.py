from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination


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
