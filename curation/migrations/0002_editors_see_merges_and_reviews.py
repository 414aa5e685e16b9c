"""Editors see the list of merges (and undo them) and the history of review decisions."""

from django.db import migrations

CODENAMES = ["view_merge", "change_merge", "view_historicalmention"]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="archive", codename__in=CODENAMES
    )
    assert permissions.count() == len(CODENAMES), "a curation permission is missing"
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Editors").first()
    if editors:
        editors.permissions.remove(
            *Permission.objects.filter(content_type__app_label="archive", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("curation", "0001_editors_group"),
        ("archive", "0018_editors_work_kept"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
