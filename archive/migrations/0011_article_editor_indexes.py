"""The editors' list of articles: every article newest first, undated last (one index in
that order, spelled per database as in 0005), the languages for its filter, and on
PostgreSQL trigram indexes for its search, which looks for words anywhere in titles,
sources and file names (`icontains`: without them, a scan of every article's row)."""

from django.db import migrations, models

NEWEST = {"postgresql": "published_on DESC NULLS LAST, id DESC", "sqlite": "published_on DESC, id DESC"}
SEARCHED = ("title", "source", "source_file")


def create_indexes(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    order = NEWEST.get(vendor, NEWEST["sqlite"])
    schema_editor.execute(f"CREATE INDEX article_newest ON archive_article ({order})")
    if vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for column in SEARCHED:
            schema_editor.execute(
                f"CREATE INDEX article_{column}_trigrams ON archive_article"
                f' USING gin (UPPER("{column}"::text) gin_trgm_ops)'
            )


def drop_indexes(apps, schema_editor):
    schema_editor.execute("DROP INDEX article_newest")
    if schema_editor.connection.vendor == "postgresql":
        for column in SEARCHED:
            schema_editor.execute(f"DROP INDEX article_{column}_trigrams")


class Migration(migrations.Migration):
    dependencies = [("archive", "0010_mention_record_articles_index")]
    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["language"], name="article_language"),
        ),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
