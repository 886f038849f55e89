"""The search contract: written once, run against every backend (``search_backend``).

The embedded backend runs it on the suite's database (SQLite, or PostgreSQL with
DATABASE_URL); Elasticsearch runs it live when ELASTICSEARCH_URL is set.
"""

import pytest

from django.utils.html import strip_tags

from search.query import MaterialSearch
from search.sources import SINGLE_VALUED_FACETS
from tests.search.conftest import publish

pytestmark = pytest.mark.usefixtures("demo")  # reads the demo site (tests/conftest.py)


def search(backend, text, language, **kwargs):
    return MaterialSearch(text, language=language, backend=backend, **kwargs).run()


def titles(results):

    return [strip_tags(str(hit.title)) for hit in results.hits]


def test_a_khmer_word_in_the_middle_of_a_sentence_is_found(search_backend, make_fact_sheet):
    make_fact_sheet(
        "garment-workers",
        "សុខភាពកម្មកររោងចក្រ",
        summary_km="ការប្រើប្រាស់គ្រឿងញៀនបង្កគ្រោះថ្នាក់ដល់សុខភាពកម្មកររោងចក្រកាត់ដេរនៅរាជធានីភ្នំពេញ។",
    )
    results = search(search_backend, "កាត់ដេរ", "km")
    assert "សុខភាពកម្មកររោងចក្រ" in titles(results)
    # The demo's outreach event at a garment factory is found by the same word, in the events block.
    assert results.events and all(hit.kind != "event" for hit in results.hits)
    assert titles(search(search_backend, "កាត់ដេរ", "km", filters={"kind": "fact_sheet"})) == ["សុខភាពកម្មកររោងចក្រ"]
    # A word in the middle of a demo sentence, too: "the heart" in the yama sheet's effects.
    assert "យ៉ាម៉ា (ថ្នាំគ្រាប់មេតំហ្វេតាមីន)" in titles(search(search_backend, "បេះដូង", "km"))


def test_english_plural_finds_singular(search_backend, make_fact_sheet):
    make_fact_sheet("lantern", "គោមក្រដាស", "Paper lantern", summary_en="A paper lantern lights the pagoda path.")
    assert titles(search(search_backend, "lanterns", "en")) == ["Paper lantern"]


def test_slang_synonym_finds_material_that_never_uses_the_word(search_backend, make_fact_sheet):
    make_fact_sheet(
        "crystal-at-work",
        "ម៉ាទឹកកកនៅកន្លែងធ្វើការ",
        "Crystal meth at work",
        summary_km="អ្នកបើកបរខ្លះប្រើម៉ាទឹកកកដើម្បីនៅភ្ញាក់ពេលយប់។",
        summary_en="Some drivers use crystal meth to stay awake at night.",
    )
    assert "Crystal meth at work" in titles(search(search_backend, "shabu", "en"))
    assert "ម៉ាទឹកកកនៅកន្លែងធ្វើការ" in titles(search(search_backend, "អាយស៍", "km"))
    # Journey 3: a Khmer slang name finds the yama fact sheet, and English finds the same material.
    khmer = search(search_backend, "ថ្នាំម៉ា", "km")
    english = search(search_backend, "yama", "en")
    assert titles(khmer)[0] == "យ៉ាម៉ា (ថ្នាំគ្រាប់មេតំហ្វេតាមីន)"
    assert titles(english)[0] == "Yama (methamphetamine pills)"


def test_one_letter_typo_in_an_english_word(search_backend, make_fact_sheet):
    make_fact_sheet("lantern-2", "គោម", "Lantern festival", summary_en="The lantern festival at the pagoda.")
    for typo in ("lantren", "lanterm", "lantern", "lanern"):
        assert "Lantern festival" in titles(search(search_backend, typo, "en")), typo


def test_a_phrase_from_a_pdf_finds_its_material(search_backend, make_campaign, make_pdf):
    guide = make_pdf(
        "Teacher guide",
        ["Teacher guide for the village lesson.", "Ask the students to draw a map of safe places in their village."],
    )
    block = [{"type": "documents", "value": {"heading": "", "documents": [{"document": guide.pk, "title": ""}]}}]
    make_campaign("safe-places", "កន្លែងសុវត្ថិភាព", "Safe places", body_en=block, body_km=block)
    results = search(search_backend, '"map of safe places"', "en")
    assert titles(results) == ["Safe places"]
    assert "<mark>" in str(results.hits[0].snippet)


def test_language_filter(search_backend, make_fact_sheet):
    make_fact_sheet("khmer-only", "ទំព័រសម្រាប់តែភាសាខ្មែរ ដំរីស", summary_km="ដំរីស")
    assert titles(search(search_backend, "ដំរីស", "km")) == ["ទំព័រសម្រាប់តែភាសាខ្មែរ ដំរីស"]
    assert search(search_backend, "ដំរីស", "en").total == 0  # not translated: not in the English index
    for language in ("km", "en"):
        results = search(search_backend, "yama", language)
        assert results.total > 0
        assert all(hit.url.startswith(f"/{language}/") for hit in results.hits)
        assert all(hit.language == language for hit in results.hits)


@pytest.mark.parametrize("query, language", [("yama", "en"), ("គ្រឿងញៀន", "km"), ("help", "en")])
def test_facets_add_up_to_the_total(search_backend, query, language):
    results = search(search_backend, query, language)
    assert results.total > 0
    for name in SINGLE_VALUED_FACETS:
        assert sum(value.count for value in results.facets[name]) == results.total, name
    for name in ("topic", "province"):
        assert all(0 < value.count <= results.total for value in results.facets[name])
    # Following a facet's link gives exactly as many results as it said.
    for value in results.facets["kind"] + results.facets["topic"]:
        facet = "kind" if value in results.facets["kind"] else "topic"
        narrowed = search(search_backend, query, language, filters={facet: value.value})
        assert narrowed.total == value.count, (facet, value.value)


def test_matches_are_highlighted_and_everything_else_escaped(search_backend, make_fact_sheet):
    make_fact_sheet(
        "escaped",
        "គោមភ្លើង",
        "Lantern <b>safety</b> & you",
        summary_en='Never leave a lantern <script>alert("x")</script> burning & unattended.',
    )
    results = search(search_backend, "lantern unattended", "en")
    hit = results.hits[0]
    assert str(hit.title) == "<mark>Lantern</mark> &lt;b&gt;safety&lt;/b&gt; &amp; you"
    snippet = str(hit.snippet)
    assert "<mark>lantern</mark>" in snippet and "<mark>unattended</mark>" in snippet
    assert "<script>" not in snippet and "&lt;script&gt;" in snippet
    khmer = search(search_backend, "គោមភ្លើង", "km").hits[0]
    assert "<mark>" in str(khmer.title)


def test_unpublished_material_is_never_found(search_backend, make_fact_sheet, committed):
    make_fact_sheet("draft", "សេចក្ដីព្រាង", "Draft about kerosene", summary_en="Kerosene draft.", live=False)
    assert search(search_backend, "kerosene", "en").total == 0
    page = make_fact_sheet("later", "ស្លឹកក្រាតុម", "Kratom leaves", summary_en="Kratom leaves are chewed or brewed.")
    assert titles(search(search_backend, "kratom", "en")) == ["Kratom leaves"]
    # A draft of a live page is not searchable before it is published...
    page.summary_en = "Kratom leaves contain mitragynine."
    with committed():
        page.save_revision()
    assert search(search_backend, "mitragynine", "en").total == 0
    # ...and an unpublished page disappears, in both languages.
    with committed():
        page.unpublish()
    assert search(search_backend, "kratom", "en").total == 0
    assert search(search_backend, "ក្រាតុម", "km").total == 0


def test_material_is_found_again_after_an_edit(search_backend, make_fact_sheet, committed):
    page = make_fact_sheet("edited", "កែ", "Betel nut", summary_en="Betel nut stains the teeth.")
    assert titles(search(search_backend, "betel", "en")) == ["Betel nut"]
    page.title_en = "Areca nut"
    page.summary_en = "Areca nut stains the teeth."
    publish(page, committed)
    assert titles(search(search_backend, "areca", "en")) == ["Areca nut"]
    assert search(search_backend, "betel", "en").total == 0


def test_a_phrase_from_a_lesson_kit_worksheet_finds_the_kit(search_backend):
    """The English worksheet of the demo yama kit is a PDF the kit page never shows as text."""
    results = search(search_backend, "linking each effect to the part of the body", "en")
    assert "Yama: the facts behind the pills" in titles(results)
    grade_bands = {f.value: f for f in search(search_backend, "yama", "en").facets["grade_band"]}
    assert grade_bands["lower_secondary"].label == "Lower secondary (grades 7-9)"
    assert grade_bands["lower_secondary"].count >= 1


def test_a_word_in_the_title_ranks_above_the_same_word_deep_in_the_text(search_backend, make_fact_sheet):
    long_text = (
        "Farmers in Takeo plant rice at the start of the rainy season and harvest it when the fields turn gold. "
        "Families work together, children help after school, and the whole village shares the meals it cooks. "
        "Markets open early, the roads fill with motorbikes carrying sacks, and the pagoda rings its bell at dawn. "
    ) * 2 + "At the end of the harvest some children fly a kite over the empty fields."
    make_fact_sheet("harvest-kite", "រដូវច្រូតកាត់", "Harvest season", summary_en=long_text)
    make_fact_sheet("kite-day", "ថ្ងៃខ្លែង", "Kite day", summary_en="Children fly kites over the rice fields.")
    assert titles(search(search_backend, "kite", "en"))[:2] == ["Kite day", "Harvest season"]


def test_a_khmer_phrase_is_found_only_where_its_syllables_stand_together(search_backend, make_fact_sheet):
    """Khmer words are phrases of syllables: the syllables apart, in another order, must not match."""
    make_fact_sheet("together", "ថ្នាំម៉ាក្នុងភូមិ", summary_km="យុវជនខ្លះប្រើថ្នាំម៉ានៅពេលយប់។")
    # ថ្នាំ ... ម៉ា: both syllables, never side by side in that order.
    make_fact_sheet("apart", "ឱសថស្ថាន", summary_km="ថ្នាំនេះមិនមែនជាម៉ាទេ។")
    found = titles(search(search_backend, "ថ្នាំម៉ា", "km", filters={"kind": "fact_sheet"}))
    assert "ថ្នាំម៉ាក្នុងភូមិ" in found
    assert "ឱសថស្ថាន" not in found
    assert "ឱសថស្ថាន" in titles(search(search_backend, "មិនមែន", "km", filters={"kind": "fact_sheet"}))
