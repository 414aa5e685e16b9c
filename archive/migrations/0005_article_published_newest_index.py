"""The public lists read published articles newest first, undated last, stopping after a
page: one partial index in that order. PostgreSQL puts NULLs first in a descending index
unless told; SQLite puts them last and does not take the words."""

from django.db import migrations

ORDER = {"postgresql": "published_on DESC NULLS LAST, id DESC", "sqlite": "published_on DESC, id DESC"}


def create_index(apps, schema_editor):
    order = ORDER.get(schema_editor.connection.vendor, "published_on DESC, id DESC")
    schema_editor.execute(
        f"CREATE INDEX article_published_newest ON archive_article ({order})"
        " WHERE status = 'published'"
    )


def drop_index(apps, schema_editor):
    schema_editor.execute("DROP INDEX article_published_newest")


class Migration(migrations.Migration):
    dependencies = [("archive", "0004_mention_partial_indexes")]
    operations = [
        migrations.RemoveIndex(model_name="article", name="article_status_date"),
        migrations.RunPython(create_index, drop_index),
    ]
