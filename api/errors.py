"""Every API error in one shape:

    {"error": {"status": 404, "code": "not_found", "message": "...", "fields": {...}}}

`fields` appears on validation errors, with a list of messages per field."""

from django.http import JsonResponse
from rest_framework.exceptions import APIException
from rest_framework.views import exception_handler


def error_body(status: int, code: str, message: str, fields: dict | None = None) -> dict:
    error = {"status": status, "code": code, "message": message}
    if fields:
        error["fields"] = fields
    return {"error": error}


class Conflict(APIException):
    """The request is valid but would duplicate a record that exists (409)."""

    status_code = 409
    default_detail = "This would duplicate a record that exists."
    default_code = "conflict"


class RuleBroken(APIException):
    """Each field is valid but together they break a rule of the archive (422), such as an
    event ending before it starts: a rule the schema cannot state."""

    status_code = 422
    default_code = "rule_broken"


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
        if response.status_code == 422:
            code, message = "rule_broken", "The data breaks a rule of the archive."
        else:
            code, message = "invalid", "The data is not valid."
        response.data = error_body(response.status_code, code, message, fields)
    return response


def not_found(request, exception=None):
    """A 404 outside any API view (an unknown /api/ path) in the same shape."""
    return JsonResponse(error_body(404, "not_found", "No such resource."), status=404)
