"""The three workflow groups with their model permissions (object-level rules: submissions.roles).

Permissions are created by a post_migrate signal, which has not run yet on a fresh database, so this
migration creates the ones it needs first (idempotent).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

RECORDS = {
    "legislation": ["law", "provision", "provisionarticle", "lawattachment"],
    "caselaw": ["case", "casearticle", "person", "charge", "caseattachment"],
    "authorities": ["competentauthority", "authorityarticle"],
}
GROUPS = {
    # National focal points work through the submission forms; object-level checks limit them to their
    # countries and to drafts / returned records.
    "focal_points": {"actions": ("view", "add", "change"), "extra": []},
    # Editors curate any record (admin included) and may delete.
    "secretariat_editors": {
        "actions": ("view", "add", "change", "delete"),
        "extra": [("submissions", "view_transition"), ("submissions", "view_focalpointscope")],
    },
    # Reviewers read everything and change the workflow status through submissions.workflow.
    "secretariat_reviewers": {
        "actions": ("view", "change"),
        "extra": [
            ("submissions", "view_transition"),
            ("submissions", "view_focalpointscope"),
            ("submissions", "add_focalpointscope"),
            ("submissions", "change_focalpointscope"),
        ],
    },
}


def create_groups(apps, schema_editor):
    for label in (*RECORDS, "submissions"):
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, spec in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = [
            (app, f"{action}_{model}") for app, models in RECORDS.items() for model in models for action in spec["actions"]
        ] + spec["extra"]
        for app, codename in wanted:
            perm = Permission.objects.filter(content_type__app_label=app, codename=codename).first()
            if perm is not None:
                group.permissions.add(perm)


def drop_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0001_initial"),
        ("legislation", "0001_initial"),
        ("caselaw", "0002_decision_date_not_future"),
        ("authorities", "0002_practitioners_group"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, drop_groups)]
