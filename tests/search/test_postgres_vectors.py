"""PostgreSQL's layout of the embedded index (migrations 0003 and 0004): pairs of neighbouring terms
in the full vector so phrases need no recheck, and the narrow rank vector."""

import importlib

import pytest

from django.db import connection

from search.backends.embedded import EmbeddedBackend, pair, rank_vector_literal, tsquery_literal, tsvector_literal
from search.models import IndexEntry

pytestmark = pytest.mark.django_db

FIELDS = {"title": ["ថ្នាំ", "ម៉ា", "ក្នុង", "ភូមិ"], "names": [], "body": ["យុវជន", "ខ្លះ", "ប្រើ", "ថ្នាំ", "ម៉ា"]}


def test_neighbouring_terms_are_lexemes_of_the_full_vector_only():
    full, narrow = tsvector_literal(FIELDS), rank_vector_literal(FIELDS)
    assert f"'{pair('ថ្នាំ', 'ម៉ា')}'" in full and "'ភូមិ យុវជន'" not in full  # never across fields
    assert " " not in narrow.replace("' '", "").split(":")[0] and "'ថ្នាំ ម៉ា'" not in narrow
    assert tsquery_literal([[("ថ្នាំ", "ម៉ា", "ភូមិ")]], True, pairs=True) == "((('ថ្នាំ ម៉ា' & 'ម៉ា ភូមិ')))"
    assert tsquery_literal([[("ថ្នាំ", "ម៉ា")]], True) == "((('ថ្នាំ' <-> 'ម៉ា')))"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own layout; SQLite uses FTS5 phrases")
def test_the_migration_adds_pairs_to_vectors_written_before_it():
    entry = IndexEntry.objects.create(key="fact_sheet:0", language="km", kind="fact_sheet", title="t", url="/")
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE search_indexentry SET search_vector = %s::tsvector WHERE id = %s",
            [tsvector_literal(FIELDS, pairs=False), entry.pk],
        )
        phrase = tsquery_literal([[("ប្រើ", "ថ្នាំ", "ម៉ា")]], True, pairs=True)
        cursor.execute("SELECT count(*) FROM search_indexentry WHERE search_vector @@ %s::tsquery", [phrase])
        assert cursor.fetchone()[0] == 0
        cursor.execute(importlib.import_module("search.migrations.0004_phrase_pairs").ADD_PAIRS)
        cursor.execute("SELECT count(*) FROM search_indexentry WHERE search_vector @@ %s::tsquery", [phrase])
        assert cursor.fetchone()[0] == 1
        cursor.execute(
            "SELECT search_vector = %s::tsvector FROM search_indexentry WHERE id = %s",
            [tsvector_literal(FIELDS), entry.pk],
        )
        assert cursor.fetchone()[0], "the migration writes what indexing writes now"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own layout")
def test_matching_uses_the_index_and_ranking_the_narrow_vector():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstorage FROM pg_attribute "
            "WHERE attrelid = 'search_indexentry'::regclass AND attname = 'rank_vector'"
        )
        assert cursor.fetchone()[0] == "m"  # MAIN: kept in the row
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = 'search_indexentry'")
        assert "toast_tuple_target=256" in cursor.fetchone()[0]
    backend = EmbeddedBackend()
    statements = []
    with connection.execute_wrapper(
        lambda run, sql, params, many, ctx: statements.append(sql) or run(sql, params, many, ctx)
    ):
        with connection.cursor() as cursor:
            backend._ranked_ids(cursor, "'x'", "'x'")
    statements = [sql for sql in statements if "SAVEPOINT" not in sql]
    assert statements[0] == "SET LOCAL enable_seqscan = off"
    assert "ts_rank_cd(" in statements[1] and "rank_vector" in statements[1] and "search_vector @@" in statements[1]
    assert statements[2] == "SET LOCAL enable_seqscan TO DEFAULT"
