"""Snippets and highlights: Khmer digits, invisible word breaks and long texts."""

from search.highlight import highlight, snippet
from search.text import term


def test_a_number_typed_in_latin_digits_is_marked_where_the_text_has_khmer_digits():
    text = "ទូរស័ព្ទ\u200bទៅ\u200bខ្សែ\u200bទូរស័ព្ទ\u200bជំនួយ ១២៩៤ ដោយ\u200bឥតគិតថ្លៃ។ " * 3
    html = snippet(text, {"1294"}, "km")
    assert "<mark>១២៩៤</mark>" in html
    assert "\u200b" not in html  # invisible word breaks are not shown


def test_the_snippet_is_taken_where_the_word_is_deep_in_a_long_text():
    text = "Families work in the rice fields all day. " * 200 + "A lantern festival at the pagoda. " + "End. " * 50
    html = snippet(text, {term("lantern", "en")}, "en")
    assert "<mark>lantern</mark>" in html and html.startswith("… ")


def test_a_title_keeps_every_character_and_marks_the_match():
    assert str(highlight("យ៉ាម៉ា <b>", {"យ៉ា", "ម៉ា"}, "km")) == "<mark>យ៉ាម៉ា</mark> &lt;b&gt;"
