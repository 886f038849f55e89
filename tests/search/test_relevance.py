"""The judgement set (tests/search/judgements.tsv) on the suite's database (SQLite, or PostgreSQL
with DATABASE_URL), and live Elasticsearch when ELASTICSEARCH_URL is set: the wanted page in the
top 3 for at least 95% of the queries, MRR at least 0.85."""

import pytest

from search.relevance import read_judgements, score

pytestmark = pytest.mark.usefixtures("demo")


def test_the_judgement_set_is_large_and_in_both_languages():
    judgements = read_judgements()
    assert len(judgements) >= 80
    assert {j.language for j in judgements} == {"km", "en"}
    assert sum(j.language == "km" for j in judgements) >= 30
    assert all(j.wanted for j in judgements)


def test_the_wanted_page_is_in_the_top_three(search_backend):
    figures = score(read_judgements(), search_backend)
    misses = [(j.language, j.query, j.wanted, found) for j, found in figures["misses"]]
    assert figures["top3"] >= 0.95, misses
    assert figures["mrr"] >= 0.85, (figures["mrr"], misses)
