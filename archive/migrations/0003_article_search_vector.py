"""On PostgreSQL, articles carry a stored, weighted search vector (title A, body B) with a
GIN index; archive.search queries it. SQLite has no such column and searches otherwise."""

from django.db import migrations

VECTOR = (
    "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english', coalesce(body, '')), 'B')"
)


def add_vector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"ALTER TABLE archive_article ADD COLUMN search tsvector "
        f"GENERATED ALWAYS AS ({VECTOR}) STORED"
    )
    schema_editor.execute(
        "CREATE INDEX article_search_gin ON archive_article USING gin (search)"
    )


def drop_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE archive_article DROP COLUMN search")


class Migration(migrations.Migration):
    dependencies = [("archive", "0002_history")]
    operations = [migrations.RunPython(add_vector, drop_vector)]
