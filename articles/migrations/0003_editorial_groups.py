"""Create the Editor and Contributor groups with their permissions.

Permissions are normally created after all migrations have run, so they are created here first.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = "Editor"
CONTRIBUTOR = "Contributor"

EDITOR_APPS = ["articles", "sources", "taggit"]

CONTRIBUTOR_PERMISSIONS = [
    ("articles", "view_article"),
    ("articles", "add_article"),
    ("articles", "change_article"),
    ("articles", "view_quote"),
    ("articles", "add_quote"),
    ("articles", "change_quote"),
    ("sources", "view_source"),
    ("sources", "view_person"),
    ("sources", "add_person"),
    ("sources", "change_person"),
    ("sources", "view_organisation"),
    ("sources", "add_organisation"),
    ("sources", "change_organisation"),
    ("taggit", "view_tag"),
    ("taggit", "add_tag"),
]


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    editor, _ = Group.objects.get_or_create(name=EDITOR)
    editor.permissions.add(*Permission.objects.filter(content_type__app_label__in=EDITOR_APPS))

    contributor, _ = Group.objects.get_or_create(name=CONTRIBUTOR)
    for app_label, codename in CONTRIBUTOR_PERMISSIONS:
        contributor.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITOR, CONTRIBUTOR]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_initial"),
        ("sources", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
