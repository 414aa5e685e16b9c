"""Whether the public sees an organization, person, agreement or event, stored (see
archive.models.EntityQuerySet) and computed here once for the records there are; indexes
for the public lists. The lists of events and agreements run newest first with the undated
last, which the two databases spell differently (as in 0005)."""

from django.db import migrations, models
from django.db.models import Exists, OuterRef

NEWEST_FIRST = {
    "postgresql": "{} DESC NULLS LAST, {}",
    "sqlite": "{} DESC, {}",
}
PUBLIC_LISTS = {  # index: (table, date column, then)
    "event_public_timeline": ("archive_event", "start_date", "name"),
    "agreement_public": ("archive_agreement", "signed_on", "title"),
}


def mark_public(apps, schema_editor):
    mention = apps.get_model("archive", "Mention")
    for name in ("organization", "person", "agreement", "event"):
        support = mention.objects.filter(
            **{name: OuterRef("pk")}, article__status="published"
        ).exclude(review_status="rejected")
        apps.get_model("archive", name).objects.filter(
            Exists(support), hidden=False, merged_into__isnull=True
        ).update(is_public=True)


def create_list_indexes(apps, schema_editor):
    order = NEWEST_FIRST.get(schema_editor.connection.vendor, NEWEST_FIRST["sqlite"])
    for index, (table, date, then) in PUBLIC_LISTS.items():
        schema_editor.execute(
            f"CREATE INDEX {index} ON {table} ({order.format(date, then)}) WHERE is_public"
        )


def drop_list_indexes(apps, schema_editor):
    for index in PUBLIC_LISTS:
        schema_editor.execute(f"DROP INDEX {index}")


class Migration(migrations.Migration):
    dependencies = [("archive", "0005_article_published_newest_index")]

    operations = [
        *(
            migrations.AddField(
                model_name=name,
                name="is_public",
                field=models.BooleanField(default=False, editable=False),
            )
            for name in ("agreement", "event", "organization", "person")
        ),
        migrations.AddIndex(
            model_name="organization",
            index=models.Index(
                condition=models.Q(("is_public", True)), fields=["name"], name="organization_public"
            ),
        ),
        migrations.AddIndex(
            model_name="person",
            index=models.Index(
                condition=models.Q(("is_public", True)), fields=["name"], name="person_public"
            ),
        ),
        migrations.RunPython(mark_public, migrations.RunPython.noop),
        migrations.RunPython(create_list_indexes, drop_list_indexes),
    ]
