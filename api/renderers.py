"""Other shapes of the same data: CSV for lists (?format=csv), schema.org JSON-LD for
details (?format=jsonld)."""

import csv
import io

from rest_framework.renderers import BaseRenderer, JSONRenderer


def flatten(value):
    """A cell: related records by name, lists joined with '; '."""
    if isinstance(value, dict):
        return value.get("name", value.get("id", ""))
    if isinstance(value, list):
        return "; ".join(str(flatten(item)) for item in value)
    return "" if value is None else value


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
    """Lists as CSV; the list view streams every matching row, not one page."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, dict) and "error" in data:  # an error keeps its JSON body
            return JSONRenderer().render(data)
        rows = data.get("results", data) if isinstance(data, dict) else data
        rows = rows if isinstance(rows, list) else [rows]
        header = list(rows[0]) if rows else []
        return "".join(csv_lines(header, rows)).encode("utf-8")


class JSONLDRenderer(JSONRenderer):
    media_type = "application/ld+json"
    format = "jsonld"
