"""Every API error in one shape, with one code per status:

    {"error": {"status": 404, "code": "not_found", "message": "...", "fields": {...}}}

`fields` appears on validation errors, with a list of messages per field. Errors are JSON
whatever the operation answers with otherwise (CSV, JSON-LD, NDJSON)."""

from django.http import JsonResponse
from rest_framework.exceptions import APIException
from rest_framework.views import exception_handler

CODES = {
    400: "invalid",
    401: "not_authenticated",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    412: "precondition_failed",
    415: "unsupported_media_type",
    422: "rule_broken",
    429: "throttled",
    503: "unavailable",
}


def error_body(status: int, message: str, fields: dict | None = None) -> dict:
    error = {"status": status, "code": CODES.get(status, "error"), "message": message}
    if fields:
        error["fields"] = fields
    return {"error": error}


class Conflict(APIException):
    """The request is valid but would duplicate a record that exists (409)."""

    status_code = 409
    default_detail = "This would duplicate a record that exists."
    default_code = "conflict"


class Unavailable(APIException):
    """The search index is being built again (503); `Retry-After` says when to ask again."""

    status_code = 503
    default_detail = "The search index is being rebuilt; retry in a minute."
    default_code = "unavailable"
    wait = 60  # DRF's exception handler sends it as Retry-After


class RuleBroken(APIException):
    """Each field is valid but together they break a rule of the archive (422), such as an
    event ending before it starts: a rule the schema cannot state. The message states the
    rule; `fields` names the fields it joins."""

    status_code = 422
    default_code = "rule_broken"

    def __init__(self, rule: str, fields: list[str]):
        super().__init__({name: [rule] for name in fields})
        self.rule = rule


def handle_exception(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None
    data, status = response.data, response.status_code
    if isinstance(data, dict) and "detail" in data and len(data) == 1:
        response.data = error_body(status, str(data["detail"]))
    else:
        fields = data if isinstance(data, dict) else {"non_field_errors": data}
        message = getattr(exc, "rule", None) or "The data is not valid."
        response.data = error_body(status, message, fields)
    return response


def not_found(request, exception=None):
    """A 404 outside any API view (an unknown /api/ path) in the same shape."""
    return JsonResponse(error_body(404, "No such resource."), status=404)


def bad_request(message: str) -> JsonResponse:
    return JsonResponse(error_body(400, message), status=400)
