"""Give the roles their outreach-event permissions and add "Provincial coordinators" (see home/roles.py)."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations


def apply_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the roles need them now.
    for app_label in ("wagtailadmin", "wagtailcore", "wagtailimages", "wagtaildocs", "campaigns"):
        create_permissions(global_apps.get_app_config(app_label), apps=apps, verbosity=0)

    from home.roles import ensure_roles

    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_review_and_reach_roles"),
        ("campaigns", "0005_outreach_events"),
    ]

    operations = [migrations.RunPython(apply_roles, migrations.RunPython.noop)]
