"""PostgreSQL: each two neighbouring terms are a lexeme of the full vector too.

A phrase query (``a <-> b``) needs positions, which a GIN index does not hold, so
PostgreSQL unpacked the full vector of every candidate row to check them: Khmer
words (several syllables) and synonyms (``crystal meth``) are phrases, and were the
slowest queries. Now a phrase is asked for as its pairs (``'a b' & 'b c'``), which
the index answers alone (search/backends/embedded.py ``tsvector_literal``). This
migration adds the pairs to the vectors already written, from their positions.
"""

from django.db import migrations

ADD_PAIRS = """
WITH terms AS (
    SELECT entry.id, term.lexeme, position
    FROM search_indexentry AS entry,
         unnest(entry.search_vector) AS term(lexeme, positions, weights),
         unnest(term.positions) AS position
    WHERE entry.search_vector IS NOT NULL
)
UPDATE search_indexentry AS entry
SET search_vector = entry.search_vector || found.pairs
FROM (
    SELECT a.id, array_to_tsvector(array_agg(DISTINCT a.lexeme || ' ' || b.lexeme)) AS pairs
    FROM terms AS a JOIN terms AS b ON a.id = b.id AND b.position = a.position + 1
    GROUP BY a.id
) AS found
WHERE entry.id = found.id
"""


def add_pairs(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ADD_PAIRS)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_rank_vector")]

    operations = [migrations.RunPython(add_pairs, migrations.RunPython.noop)]
