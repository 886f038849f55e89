"""Text analysis: Khmer segmentation, normalisation, digits, stemming; reading queries."""

import pytest

from search.query import parse_query
from search.text import analyse, normalise


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
