"""The table where django-axes counts failed sign-ins when no Redis is configured (home/security/sign_in.py)."""

from django.core.management import call_command
from django.db import migrations


def create_table(apps, schema_editor):
    call_command("createcachetable", "sign_in_failures", database=schema_editor.connection.alias, verbosity=0)


def drop_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name('sign_in_failures')}")


class Migration(migrations.Migration):
    dependencies = [("home", "0004_outreach_roles")]

    operations = [migrations.RunPython(create_table, drop_table)]
