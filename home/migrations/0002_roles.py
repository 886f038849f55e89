"""Create the site's roles as Wagtail groups (see home/roles.py)."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the roles need them now.
    for app_label in ("wagtailadmin", "wagtailcore", "wagtailimages", "wagtaildocs", "campaigns"):
        create_permissions(global_apps.get_app_config(app_label), apps=apps, verbosity=0)

    from home.roles import ensure_roles

    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("campaigns", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
