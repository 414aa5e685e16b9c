"""Every API error in one shape:

    {"error": {"status": 404, "code": "not_found", "message": "...", "fields": {...}}}

`fields` appears on validation errors, with a list of messages per field."""

from django.http import JsonResponse
from rest_framework.views import exception_handler


def error_body(status: int, code: str, message: str, fields: dict | None = None) -> dict:
    error = {"status": status, "code": code, "message": message}
    if fields:
        error["fields"] = fields
    return {"error": error}


def handle_exception(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None
    data = response.data
    code = getattr(exc, "default_code", "error")
    if isinstance(data, dict) and "detail" in data and len(data) == 1:
        response.data = error_body(response.status_code, code, str(data["detail"]))
    else:
        fields = data if isinstance(data, dict) else {"non_field_errors": data}
        response.data = error_body(
            response.status_code, "invalid", "The data is not valid.", fields
        )
    return response


def not_found(request, exception=None):
    """A 404 outside any API view (an unknown /api/ path) in the same shape."""
    return JsonResponse(error_body(404, "not_found", "No such resource."), status=404)
