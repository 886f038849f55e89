"""The full-text part of the embedded index, which the ORM cannot declare.

SQLite: an FTS5 table whose rowid is ``IndexEntry.id``, with the unicode61
tokenizer told that marks (M*) are parts of words, so Khmer syllables stay whole.
PostgreSQL: a tsvector column with a GIN index.
"""

from django.db import migrations

SQLITE_CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
    "title, names, body, tags, facets UNINDEXED, tokenize=\"unicode61 categories 'L* N* Co M*'\")"
)
SQLITE_DROP = "DROP TABLE IF EXISTS search_fts"
POSTGRES_CREATE = [
    "ALTER TABLE search_indexentry ADD COLUMN IF NOT EXISTS search_vector tsvector",
    "CREATE INDEX IF NOT EXISTS search_indexentry_vector ON search_indexentry USING GIN (search_vector)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS search_indexentry_vector",
    "ALTER TABLE search_indexentry DROP COLUMN IF EXISTS search_vector",
]


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for statement in POSTGRES_CREATE:
            schema_editor.execute(statement)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_CREATE)
    else:
        raise RuntimeError(f"The embedded search index supports SQLite and PostgreSQL, not {vendor}.")


def drop(apps, schema_editor):
    statements = POSTGRES_DROP if schema_editor.connection.vendor == "postgresql" else [SQLITE_DROP]
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
