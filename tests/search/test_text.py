"""Text analysis: Khmer segmentation, normalisation, digits, stemming; reading queries."""

import pytest

from search.query import parse_query
from search.text import analyse, normalise

# Queries are read with the synonyms staff keep (search/synonyms.py): in the database.
pytestmark = pytest.mark.django_db


def test_khmer_is_cut_into_words():
    assert analyse("ការប្រើប្រាស់គ្រឿងញៀនបង្កគ្រោះថ្នាក់ដល់សុខភាព", "km") == [
        "ការប្រើ",
        "ប្រាស់",
        "គ្រឿងញៀន",
        "បង្ក",
        "គ្រោះថ្នាក់",
        "ដល់",
        "សុខភាព",
    ]


def test_normalisation_zero_width_spaces_nfc_and_khmer_digits():
    assert normalise("គ្រឿង\u200bញៀន") == "គ្រឿងញៀន"
    assert normalise("e\u0301") == "é"
    assert analyse("ឆ្នាំ២០២៦", "km") == ["ឆ្នាំ", "2026"]
    assert analyse("2026", "km") == analyse("២០២៦", "km")


def test_english_stemming_and_folding():
    assert analyse("Pills, TEACHERS' guides café", "en") == ["pill", "teacher", "guid", "cafe"]
    assert analyse("Pills", "km") == ["pills"]  # Khmer documents keep Latin words as written


def test_query_groups_synonyms_phrases_and_typo_candidates():
    parsed = parse_query('ថ្នាំម៉ា "safe places" lantren', "en")
    synonym, phrase, word = parsed.groups
    assert ("yama",) in synonym.alternatives and ("យ៉ា", "ម៉ា") in synonym.alternatives
    assert phrase.alternatives == [("safe", "place")] and phrase.phrase == "safe places"
    assert word.word == "lantren" and word.fuzzy


@pytest.mark.parametrize("text", ["", " ", '"', '""', "«»", "\u200b", "!!!", "ក" * 5000, "a" * 5000])
def test_odd_queries_never_raise(text):
    parsed = parse_query(text, "km")
    assert len(parsed.groups) <= 12


def test_khmer_is_also_cut_into_orthographic_syllables():
    from search.text import syllable_key, syllables

    assert syllables("ដោយស្ម័គ្រចិត្ត") == ["ដោ", "យ", "ស្ម័", "គ្រ", "ចិ", "ត្ត"]
    assert syllables("ស្ត្រី") == ["ស្ត្រី"]  # two subscripts, one syllable
    assert syllables("English ២០២៦ only") == []
    # The folded form forgives ូ/ុ, ី/ិ, the look-alike subscripts ្ដ/្ត and the order of the signs.
    assert syllable_key("កូ") == syllable_key("កុ")
    assert syllable_key("វី") == syllable_key("វិ")
    assert syllable_key("ត្ដ") == syllable_key("ត្ត")
    assert syllable_key("ក\u17b7\u17d2\u179a") == syllable_key(
        "ក\u17d2\u179a\u17b7"
    )  # vowel typed before the subscript


def test_a_khmer_query_word_has_syllable_alternatives_and_a_missing_subscript_is_put_back():
    from search.text import Subword

    parsed = parse_query("ស្ម័គ្រចិត្ត", "km")
    subwords = [tuple(a) for g in parsed.groups for a in g.alternatives if isinstance(a, Subword)]
    assert ("ស្ម័", "គ្រ", "ចិ", "ត្ត") in subwords  # the ICU word of the query, as syllables
    typo = parse_query("សម័គ្រចិត្ត", "km")
    whole = [tuple(a) for g in typo.whole for a in g.alternatives if isinstance(a, Subword)]
    assert ("ស្ម័", "គ្រ", "ចិ", "ត្ត") in whole  # the coeng put back: the word as written


def test_words_of_questions_are_left_out_when_the_query_has_others():
    parsed = parse_query("how to talk to my child about drugs", "en")
    assert [g.alternatives[0] for g in parsed.groups] == [("talk",), ("child",), ("drug",)]
    assert parsed.typed[:2] == ("how", "to")  # kept for the phrase and exact-title bonuses
    assert [g.alternatives[0] for g in parse_query("the", "en").groups] == [("the",)]
    khmer = parse_query("តើយ៉ាម៉ាជាអ្វី", "km")
    assert all(g.alternatives[0] not in {("តើ",), ("អ្វី",)} for g in khmer.groups)
