"""What drf-spectacular cannot see for itself: that reads need no credentials, the filters
of the CSV and NDJSON exports, the errors every operation can answer with (in the shape
api.errors gives them), which operations join fields in a rule (422), and the links from a
record to its address by slug."""

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
    "429": "Too many requests; retry after the seconds the Retry-After header gives.",
}
RULE_BROKEN = (
    "The fields are valid one by one but break a rule together; the message states it ({rules})."
)
SAFE = {"get", "head", "options"}
EXPORTS = {"csv", "export"}


class ArchiveSchema(AutoSchema):
    def get_auth(self):
        auth = super().get_auth()
        if self.method.lower() in SAFE and {} not in auth:
            auth.append({})  # anyone may read
        return auth

    def get_filter_backends(self):
        """The exports take the list's filters (CSV its order too; NDJSON runs by id)."""
        action = getattr(self.view, "action", None)
        if action not in EXPORTS:
            return super().get_filter_backends()
        backends = getattr(self.view, "filter_backends", [])
        if action == "export":
            return [b for b in backends if b.__name__ != "ListOrdering"]
        return backends


def close_request_bodies(result, generator, request, public):
    """Request bodies take only the fields they list (unknown keys are refused)."""
    for name, schema in result.get("components", {}).get("schemas", {}).items():
        if name.endswith("Request") and schema.get("type") == "object":
            schema["additionalProperties"] = False
    return result


def _operations(result, generator):
    """(operation, HTTP method, view class, action) for every operation of the schema."""
    views = {
        (path.replace("{pk}", "{id}"), method.lower()): callback
        for path, _, method, callback in generator.endpoints
    }
    for path, item in result.get("paths", {}).items():
        for method, operation in item.items():
            callback = views.get((path, method))
            action = getattr(callback, "actions", {}).get(method)
            yield operation, method, getattr(callback, "cls", None), action


def describe_filters(result, generator, request, public):
    """A filter's help text as its parameter's description, where a typed filter (an
    id, a time) lost it."""
    for operation, _, view, _ in _operations(result, generator):
        filterset = getattr(view, "filterset_class", None)
        if filterset is None:
            continue
        for parameter in operation.get("parameters", []):
            declared = filterset.base_filters.get(parameter["name"])
            help_text = declared and declared.extra.get("help_text")
            if help_text and not parameter.get("description"):
                parameter["description"] = str(help_text)
    return result


def document_errors(result, generator, request, public):
    """Add the shared error responses to every operation, in JSON whatever its other
    media types; 422 to the operations that check a rule across fields (a view's
    `cross_field_rules`, by action: {action: the rules, in words})."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    content = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    retry_after = {"Retry-After": {"schema": {"type": "integer"}}}
    for operation, method, view, action in _operations(result, generator):
        responses = operation.setdefault("responses", {})
        for status, description in ERRORS.items():
            if method in SAFE and status in {"401", "403", "409"}:
                continue
            response = {"description": description, "content": content}
            if status == "429":
                response["headers"] = retry_after
            responses[status] = response
        if action == "list" and getattr(view, "searched", False):
            responses["503"] = {
                "description": "The search index is being rebuilt (a search with q); retry"
                " after the seconds the Retry-After header gives.",
                "content": content,
                "headers": retry_after,
            }
        rules = getattr(view, "cross_field_rules", {}).get(action)
        if rules:
            responses["422"] = {
                "description": RULE_BROKEN.format(rules=rules),
                "content": content,
            }
        if method == "get" and "200" in responses:
            responses["304"] = {
                "description": "Not modified: the ETag given in If-None-Match still holds, or"
                " nothing changed since If-Modified-Since."
            }
        # gunicorn refuses an address over its request-line limit, before Django runs
        responses.setdefault(
            "414",
            {
                "description": "The address is too long for the server.",
                "content": {"text/html": {"schema": {"type": "string"}}},
            },
        )
    return result


def link_slugs(result, generator, request, public):
    """Links from a list and a detail to the same record by slug, and the slug of a
    published record as the example, so that a client (or a fuzzer) reaches the slug
    addresses with slugs that exist."""
    paths = result.get("paths", {})
    models = {
        id(operation): view.queryset.model
        for operation, _, view, action in _operations(result, generator)
        if action == "by_slug"
    }
    for path, item in paths.items():
        slug_path = f"{path}slug/{{slug}}/"
        if slug_path not in paths:
            continue
        operation = paths[slug_path]["get"]
        target = operation["operationId"]
        model = models.get(id(operation))
        example = _published_slug(model) if model and request is not None else None
        for parameter in operation.get("parameters", []):
            if parameter["name"] == "slug" and example:
                parameter["example"] = example
        detail = paths.get(f"{path}{{id}}/", {}).get("get")
        for operation, pointer in ((item.get("get"), "/results/0/slug"), (detail, "/slug")):
            ok = (operation or {}).get("responses", {}).get("200")
            if ok is not None:
                ok.setdefault("links", {})["BySlug"] = {
                    "operationId": target,
                    "parameters": {"slug": f"$response.body#{pointer}"},
                    "description": "The same record by its slug.",
                }
    return result


def _published_slug(model) -> str | None:
    """The slug of the first published record of a kind, when the database has one."""
    from django.contrib.auth.models import AnonymousUser
    from django.db import DatabaseError

    from api.views.base import visible

    try:
        published = visible(model, AnonymousUser(), merged=False).order_by("pk")
        return published.values_list("slug", flat=True).first()
    except DatabaseError:  # not migrated yet (`manage.py check` draws the schema)
        return None
