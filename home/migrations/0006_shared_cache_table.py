"""The table behind the "shared" cache when no Redis is configured (awareness_site/environment.py):
cached reach figures and their version, seen by every server process."""

from django.core.management import call_command
from django.db import migrations


def create_table(apps, schema_editor):
    call_command("createcachetable", "shared_cache", database=schema_editor.connection.alias, verbosity=0)


def drop_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name('shared_cache')}")


class Migration(migrations.Migration):
    dependencies = [("home", "0005_sign_in_cache_table")]

    operations = [migrations.RunPython(create_table, drop_table)]
