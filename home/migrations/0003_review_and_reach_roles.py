"""Outreach staff and moderators review classes teachers report and read and enter reach (home/roles.py)."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations


def update_roles(apps, schema_editor):
    create_permissions(global_apps.get_app_config("campaigns"), apps=apps, verbosity=0)
    from home.roles import ensure_roles

    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("home", "0002_roles"), ("campaigns", "0004_reach")]

    operations = [migrations.RunPython(update_roles, migrations.RunPython.noop)]
