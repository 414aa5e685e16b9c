"""What drf-spectacular cannot see for itself: that reads need no credentials, and the
errors every operation can answer with (in the shape api.errors gives them)."""

from drf_spectacular.openapi import AutoSchema

ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["status", "code", "message"],
            "properties": {
                "status": {"type": "integer"},
                "code": {"type": "string"},
                "message": {"type": "string"},
                "fields": {
                    "type": "object",
                    "additionalProperties": {},
                    "description": "Messages per field, on validation errors.",
                },
            },
        }
    },
}
ERRORS = {
    "400": "The request's data or filters are not valid.",
    "401": "Credentials are missing or wrong.",
    "403": "The account may not do this.",
    "404": "No such record, or not published.",
    "405": "The method is not allowed here.",
    "409": "The record would duplicate one that exists (a name, an article's text).",
    "422": "The fields are valid but break a rule together (an event ending before it starts).",
    "429": "Too many requests; retry after the seconds the Retry-After header gives.",
}
SAFE = {"get", "head", "options"}


class ArchiveSchema(AutoSchema):
    def get_auth(self):
        auth = super().get_auth()
        if self.method.lower() in SAFE and {} not in auth:
            auth.append({})  # anyone may read
        return auth


def close_request_bodies(result, generator, request, public):
    """Request bodies take only the fields they list (unknown keys are refused)."""
    for name, schema in result.get("components", {}).get("schemas", {}).items():
        if name.endswith("Request") and schema.get("type") == "object":
            schema["additionalProperties"] = False
    return result


def document_errors(result, generator, request, public):
    """Add the shared error responses to every operation. An error comes in the media
    types the operation answers in (JSON-LD, CSV) as well as JSON."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    reference = {"$ref": "#/components/schemas/Error"}
    retry_after = {"Retry-After": {"schema": {"type": "integer"}}}
    for path in result.get("paths", {}).values():
        for method, operation in path.items():
            responses = operation.setdefault("responses", {})
            media_types = {"application/json"} | {
                media_type
                for status, response in responses.items()
                if status.startswith("2")
                for media_type in response.get("content", {})
            }
            content = {
                media_type: {"schema": reference if "json" in media_type else {"type": "string"}}
                for media_type in sorted(media_types)
            }
            for status, description in ERRORS.items():
                if method in SAFE and status in {"401", "403", "409", "422"}:
                    continue
                response = {"description": description, "content": content}
                if status == "429":
                    response["headers"] = retry_after
                responses.setdefault(status, response)
            # gunicorn refuses an address over its request-line limit, before Django runs
            responses.setdefault(
                "414",
                {
                    "description": "The address is too long for the server.",
                    "content": {"text/html": {"schema": {"type": "string"}}},
                },
            )
    return result
