"""Ranking, on every backend: materials first, events apart and grouped, the title over the body,
the whole query as a phrase and a title that is the query first, kind weights from settings.

The expected orders are written out, so the embedded backend on SQLite (bm25) and on PostgreSQL
(ts_rank_cd), and Elasticsearch when ELASTICSEARCH_URL is set, must all give the same top results.
"""

import pytest

from django.utils.html import strip_tags

from search.query import MaterialSearch

pytestmark = pytest.mark.usefixtures("demo")

SCHOOLS_EN, SCHOOLS_KM = "Drug-free schools", "សាលារៀនគ្មានគ្រឿងញៀន"
CLEANSE_EN, CLEANSE_KM = "Cleanse ourselves first", "ការសម្អាតខ្លួនឯងជាមុនសិន"


def search(backend, text, language, **kwargs):
    return MaterialSearch(text, language=language, backend=backend, **kwargs).run()


def titles(results):
    return [strip_tags(str(hit.title)) for hit in results.hits]


@pytest.mark.parametrize(
    "query, language, wanted",
    [
        ("school", "en", SCHOOLS_EN),
        ("drugs at school", "en", SCHOOLS_EN),
        ("police", "en", CLEANSE_EN),
        ("នគរបាល", "km", CLEANSE_KM),
        (SCHOOLS_KM, "km", SCHOOLS_KM),
        ("drug-free schools", "en", SCHOOLS_EN),
    ],
)
def test_the_material_a_reader_wants_comes_first_and_events_are_apart(search_backend, query, language, wanted):
    results = search(search_backend, query, language)
    assert titles(results)[0] == wanted
    assert all(hit.kind != "event" for hit in results.hits)


def test_events_are_one_line_per_repeated_event(search_backend):
    results = search(search_backend, "school", "en")
    assert results.events and results.events_total > len(results.events)
    lines = [strip_tags(str(line.title)) for line in results.events]
    assert len(lines) == len(set(lines)), "an event repeated across provinces is one line"
    assert any(line.province_count > 1 for line in results.events)
    # The events' own list (the kind facet) still has them one by one.
    events = search(search_backend, "school", "en", filters={"kind": "event"})
    assert events.total == results.events_total and {hit.kind for hit in events.hits} == {"event"}
    assert not events.events


def test_the_title_that_is_the_query_comes_first(search_backend, make_fact_sheet):
    make_fact_sheet("mentions", "ឯកសារ១", "Mentions", summary_en="Betel leaf and betel leaf again: betel leaf.")
    make_fact_sheet("betel-leaf", "ឯកសារ២", "Betel leaf", summary_en="A leaf people chew.")
    assert titles(search(search_backend, "betel leaf", "en"))[:2] == ["Betel leaf", "Mentions"]


def test_the_whole_query_as_a_phrase_ranks_above_its_words_apart(search_backend, make_fact_sheet):
    make_fact_sheet("apart", "ក១", "Notes one", summary_en="Rice grows by the river; the harvest moon rises late.")
    make_fact_sheet("together", "ក២", "Notes two", summary_en="Farmers wait for the river rice harvest each year.")
    found = titles(search(search_backend, "river rice", "en"))
    assert found.index("Notes two") < found.index("Notes one")


def test_kind_weights_are_settings(search_backend, settings, make_fact_sheet, make_campaign):
    make_fact_sheet("weights-sheet", "ទម្ងន់១", "Kerosene lamp facts", summary_en="Kerosene lamp.")
    make_campaign("weights-campaign", "ទម្ងន់២", "Kerosene lamp campaign", summary_en="Kerosene lamp.")
    settings.SEARCH_KIND_WEIGHTS = {"fact_sheet": 5.0, "campaign": 1.0}
    assert titles(search(search_backend, "kerosene lamp", "en"))[0] == "Kerosene lamp facts"
    settings.SEARCH_KIND_WEIGHTS = {"fact_sheet": 1.0, "campaign": 5.0}
    assert titles(search(search_backend, "kerosene lamp", "en"))[0] == "Kerosene lamp campaign"
