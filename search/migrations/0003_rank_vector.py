"""PostgreSQL: rank from a narrow vector kept in the row, match on the full one kept out of it.

A query that matches thousands of materials used to read every match's full vector
(kilobytes each, compressed in the row) to rank it: the latency grew with the matches.
Now ``rank_vector`` (title, names and the lead of the body: a few hundred bytes, stored
in the row, never compressed apart) ranks, and ``toast_tuple_target`` moves the long
columns (body, full vector) out of the row, so the rows the GIN index points at are
small and read in few pages. Entries written before take the new layout when indexed
again (``manage.py search_index``).
"""

from django.db import migrations

POSTGRES_CREATE = [
    "ALTER TABLE search_indexentry ADD COLUMN IF NOT EXISTS rank_vector tsvector",
    "ALTER TABLE search_indexentry ALTER COLUMN rank_vector SET STORAGE MAIN",
    "ALTER TABLE search_indexentry SET (toast_tuple_target = 256)",
    "UPDATE search_indexentry SET rank_vector = ts_filter(search_vector, '{a,b}') WHERE search_vector IS NOT NULL",
]
POSTGRES_DROP = [
    "ALTER TABLE search_indexentry RESET (toast_tuple_target)",
    "ALTER TABLE search_indexentry DROP COLUMN IF EXISTS rank_vector",
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRES_CREATE:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRES_DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext")]

    operations = [migrations.RunPython(create, drop)]
