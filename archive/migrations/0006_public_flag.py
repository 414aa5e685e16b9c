"""Whether the public sees an organization, person, agreement or event, stored (see
archive.models.EntityQuerySet) and computed here once for the records there are; indexes
for the public lists, the events' timeline newest first with the undated last (spelled
per database, as in 0005)."""

from django.db import migrations, models
from django.db.models import Exists, OuterRef

ORDER = {"postgresql": "start_date DESC NULLS LAST, name", "sqlite": "start_date DESC, name"}


def mark_public(apps, schema_editor):
    mention = apps.get_model("archive", "Mention")
    for name in ("organization", "person", "agreement", "event"):
        support = mention.objects.filter(
            **{name: OuterRef("pk")}, article__status="published"
        ).exclude(review_status="rejected")
        apps.get_model("archive", name).objects.filter(
            Exists(support), hidden=False, merged_into__isnull=True
        ).update(is_public=True)


def create_timeline_index(apps, schema_editor):
    order = ORDER.get(schema_editor.connection.vendor, ORDER["sqlite"])
    schema_editor.execute(
        f"CREATE INDEX event_public_timeline ON archive_event ({order}) WHERE is_public"
    )


def drop_timeline_index(apps, schema_editor):
    schema_editor.execute("DROP INDEX event_public_timeline")


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0005_article_published_newest_index'),
    ]

    operations = [
        migrations.AddField(
            model_name='agreement',
            name='is_public',
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AddField(
            model_name='event',
            name='is_public',
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AddField(
            model_name='organization',
            name='is_public',
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AddField(
            model_name='person',
            name='is_public',
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AddIndex(
            model_name='agreement',
            index=models.Index(condition=models.Q(('is_public', True)), fields=['-signed_on', 'title'], name='agreement_public'),
        ),
        migrations.AddIndex(
            model_name='organization',
            index=models.Index(condition=models.Q(('is_public', True)), fields=['name'], name='organization_public'),
        ),
        migrations.AddIndex(
            model_name='person',
            index=models.Index(condition=models.Q(('is_public', True)), fields=['name'], name='person_public'),
        ),
        migrations.RunPython(mark_public, migrations.RunPython.noop),
        migrations.RunPython(create_timeline_index, drop_timeline_index),
    ]
