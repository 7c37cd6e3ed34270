"""Secretariat editors may invite people (view/add/change/delete invitations in the admin).

Permissions are created by a post_migrate signal, which has not run yet on a fresh database, so this
migration creates them first (idempotent), as submissions 0002 does.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "secretariat_editors"
CODENAMES = ["view_invitation", "add_invitation", "change_invitation", "delete_invitation"]


def grant(apps, schema_editor):
    config = apps.get_app_config("accounts")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    group.permissions.add(*Permission.objects.filter(content_type__app_label="accounts", codename__in=CODENAMES))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=EDITORS):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="accounts", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("submissions", "0002_workflow_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
