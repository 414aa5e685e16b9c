"""The Editors group: exactly the permissions to curate the archive, nothing over users or
groups. Editors are staff users in this group."""

from django.db import migrations

CURATED_MODELS = [
    "article", "organization", "person", "position", "agreement", "event", "mention",
    "organizationalias", "personalias", "signatory", "eventparticipant",
]
HISTORY_MODELS = [
    "historicalarticle", "historicalorganization", "historicalperson", "historicalposition",
    "historicalagreement", "historicalevent",
]


def create_editors(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are made after migrations by default; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [
        f"{action}_{model}"
        for model in CURATED_MODELS
        for action in ("add", "change", "delete", "view")
    ]
    codenames += [f"view_{model}" for model in HISTORY_MODELS]
    codenames += ["view_tombstone", "delete_tombstone"]
    permissions = Permission.objects.filter(content_type__app_label="archive", codename__in=codenames)
    assert permissions.count() == len(codenames), "a curation permission is missing"
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.set(permissions)


def remove_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("archive", "0002_history"),
    ]

    operations = [migrations.RunPython(create_editors, remove_editors)]
