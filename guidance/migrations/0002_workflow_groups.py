"""Guidance is curated by the secretariat: editors get every model permission, reviewers view and change (to
publish and unpublish through the admin's actions); focal points get none (the admin also checks the role,
guidance.admin). Permissions are created first: post_migrate has not run yet."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["articleguidance"]
ACTIONS = {
    "secretariat_editors": ("view", "add", "change", "delete"),
    "secretariat_reviewers": ("view", "change"),
}


def grant(apps, schema_editor):
    config = apps.get_app_config("guidance")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, actions in ACTIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        codenames = [f"{action}_{model}" for model in MODELS for action in actions]
        group.permissions.add(*Permission.objects.filter(content_type__app_label="guidance", codename__in=codenames))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ACTIONS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="guidance"))


class Migration(migrations.Migration):
    dependencies = [
        ("guidance", "0001_initial"),
        ("submissions", "0002_workflow_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
