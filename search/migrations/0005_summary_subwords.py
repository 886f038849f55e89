"""The summary as a field of its own, and Khmer syllables (sub-word units) in the embedded index.

Ranking weighs title over names over summary over body, and a Khmer word a reader types is
found inside a longer ICU token through its syllables (search/text.py ``syllables``).
SQLite: the FTS5 table is made again with the columns ``summary`` and ``sub``. PostgreSQL:
the vectors gain a summary weight (C) and syllable pairs. The rows already indexed are written
again from the text the entries keep (their summary was part of their body until now), so the
site is searchable straight after the migration; ``manage.py search_index`` splits the summaries out.
"""

from django.db import migrations, models

SQLITE_DROP = "DROP TABLE IF EXISTS search_fts"
SQLITE_CREATE = (
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "title, names, summary, body, sub, tags, facets UNINDEXED, tokenize=\"unicode61 categories 'L* N* Co M*'\")"
)
SQLITE_CREATE_BEFORE = (
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "title, names, body, tags, facets UNINDEXED, tokenize=\"unicode61 categories 'L* N* Co M*'\")"
)


def rewrite(apps, schema_editor):
    from search.backends.embedded import write_fulltext  # the analysis of today, as indexing uses it

    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_DROP)
        schema_editor.execute(SQLITE_CREATE)
    entry_model = apps.get_model("search", "IndexEntry")
    with schema_editor.connection.cursor() as cursor:
        for entry in entry_model.objects.iterator(chunk_size=500):
            write_fulltext(cursor, vendor, entry)


def back(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(SQLITE_DROP)
        schema_editor.execute(SQLITE_CREATE_BEFORE)  # empty: manage.py search_index fills it


class Migration(migrations.Migration):
    dependencies = [("search", "0004_phrase_pairs")]

    operations = [
        migrations.AddField(model_name="indexentry", name="summary", field=models.TextField(blank=True)),
        migrations.RunPython(rewrite, back),
    ]
