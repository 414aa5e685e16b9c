"""Other shapes of the same data: CSV for lists (`csv/`), newline-delimited JSON for the
bulk export (`export/`), schema.org JSON-LD for details (`jsonld/`)."""

import csv
import io

from rest_framework.renderers import BaseRenderer, JSONRenderer


def flatten(value) -> str:
    """A cell of text that keeps every nested value readable: a related record by its
    name; a participant as 'name (role)'; a position as 'title (organization)'; lists
    joined with '; '; any other object as 'key: value' pairs."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(flatten(item) for item in value)
    if not isinstance(value, dict):
        return str(value)
    if "role" in value:  # an event's participant
        who = value.get("organization") or value.get("person")
        return f"{flatten(who)} ({value['role']})"
    if "title" in value and "organization" in value:  # a person's position
        where = flatten(value["organization"])
        return f"{value['title']} ({where})" if where else str(value["title"])
    if "name" in value:
        return str(value["name"])
    return ", ".join(f"{key}: {flatten(item)}" for key, item in value.items())


def csv_lines(header: list[str], rows):
    """The CSV text of rows (dicts), one line at a time, for a streaming response."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def take() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(header)
    yield take()
    for row in rows:
        writer.writerow([flatten(row.get(column)) for column in header])
        yield take()


class CSVRenderer(BaseRenderer):
    """Lists as CSV; the csv/ view streams every matching row itself."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        rows = data.get("results", data) if isinstance(data, dict) else data
        rows = rows if isinstance(rows, list) else [rows]
        header = list(rows[0]) if rows else []
        return "".join(csv_lines(header, rows)).encode("utf-8")


class NDJSONRenderer(BaseRenderer):
    """One JSON object a line; the export/ view streams them itself."""

    media_type = "application/x-ndjson"
    format = "ndjson"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return JSONRenderer().render(data) + b"\n"


class JSONLDRenderer(JSONRenderer):
    media_type = "application/ld+json"
    format = "jsonld"
